"""Contract records built by hand for storage tests: every field filled, awkward values included."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from models.document import Cell, Document, Paragraph, SourceInfo, Table
from models.report import (
    Budget,
    Evidence,
    Finding,
    FundingSource,
    Indicator,
    Project,
    Report,
    ScoreRow,
    SpendingItem,
)


def sha_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def cell_evidence(table: int, row: int, col: int, text: str, **extra: object) -> Evidence:
    return Evidence(table=table, row=row, col=col, text=text, **extra)  # type: ignore[arg-type]


def full_report(path: str, sha256: str, *, year: int = 2020, unit: str = "省政务中心") -> Report:
    """A report shaped like the seed: budget with sources, items, scores, indicators, findings."""
    spent_table = cell_evidence(2, 4, 5, "558.01", resolution=Decimal("100"))
    spent_text = Evidence(paragraph=14, text="共支出512.02万元")
    return Report(
        source=SourceInfo(path=path, sha256=sha256, format="pdf", pages=12),
        kind="evaluation_report",
        project=Project(
            name="综合事务",
            year=year,
            implementing_unit=unit,
            competent_department=unit,
            leader="郑锋",
            phone="65203253",
            address="海南省海口市五指山南路3号",
            postcode="570203",
            project_type="recurring",
            conclusion="项目总体完成较好",
            evidence={"name": cell_evidence(1, 0, 1, "综合事务", page=2, bbox=(72.0, 100.5, 300.25, 118.0))},
        ),
        budget=Budget(
            planned=Decimal("6706400.00"),
            adjusted=Decimal("5580100.00"),
            received=Decimal("6706400.00"),
            spent=Decimal("5120200.00"),
            balance=Decimal("459900.00"),
            execution_rate=Decimal("91.760"),
            execution_weight=Decimal("10"),
            execution_score=Decimal("9.18"),
            reason="部分项目延期",
            sources=[
                FundingSource(
                    name="省财政",
                    planned=Decimal("6706400.00"),
                    received=Decimal("6706400.00"),
                    evidence={"planned": cell_evidence(2, 3, 2, "670.64")},
                ),
                FundingSource(name="其他资金"),
            ],
            evidence={"spent": spent_text, "execution_rate": Evidence(paragraph=15, text="91.760%", confidence=0.93)},
        ),
        spending_items=[
            SpendingItem(name="政务大厅维修（护）", amount=Decimal("99600.00")),
            SpendingItem(name="超大金额", amount=Decimal("123456789012345.67")),
            SpendingItem(name="未列金额"),
        ],
        scores=[
            ScoreRow(
                level1="项目决策",
                level1_weight=Decimal("20"),
                level2="项目目标",
                level2_weight=Decimal("4"),
                level3="目标内容",
                weight=Decimal("4"),
                score=Decimal("3.5"),
                evidence={"score": cell_evidence(5, 3, 6, "3.5")},
            )
        ],
        indicators=[
            Indicator(
                level1="产出指标",
                name="计划维修（护）工作量完成率",
                target="≥95%",
                tiers={"优": "95%", "良": "90%", "中": "85%", "差": "85%以下"},
            )
        ],
        total_score=Decimal("97"),
        grade="优",
        findings=[
            Finding(
                rule="budget.amount_mismatch",
                severity="warning",
                message="实际使用情况 558.01万元（项目基本信息表）与资金使用分析中的共支出 512.02万元不一致",
                evidence=[spent_table, spent_text],
            ),
            Finding(
                rule="score.grade",
                severity="error",
                code="GRADE_TOO_HIGH",
                message="总分 97 对应等级应为优",
                evidence=[Evidence(table=5, row=20, col=6, text="97")],
            ),
        ],
        evidence={"total_score": Evidence(table=5, row=20, col=6, text="97")},
    )


def small_document(path: str, sha256: str) -> Document:
    table = Table(
        index=1,
        n_rows=2,
        n_cols=2,
        cells=(
            Cell(row=0, col=0, text="项目名称"),
            Cell(row=0, col=1, text="综合事务"),
            Cell(row=1, col=0, col_span=2),
        ),
    )
    return Document(
        source=SourceInfo(path=path, sha256=sha256, format="docx"),
        blocks=[Paragraph(index=1, text="一、项目基本情况"), table, Paragraph(index=2, text="共支出512.02万元")],
    )
