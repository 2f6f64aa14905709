"""`extract()` end to end: genre dispatch, a self-evaluation form, and evidence for every filled field."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from models.document import Document
from models.report import Evidence
from parsers import read
from pipeline.extract import GENRES, extract
from tests.extract_documents import document

SEED = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "seed" / "zonghe-shiwu-2020.docx"

FORM = [
    ["项目支出绩效自评表", "<", "<", "<", "<", "<", "<", "<"],
    ["（2020年度）", "<", "<", "<", "<", "<", "<", "<"],
    ["项目名称", "卫片执法补助经费", "<", "<", "<", "<", "<", "<"],
    ["主管部门", "丽江市自然资源和规划局", "<", "<", "实施单位", "古城区自然资源局", "<", "<"],
    ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "<", "7.29", "7.29", "7.29", "10.00", "100%", "10.00"],
    ["其中：当年财政拨款", "<", "7.29", "7.29", "7.29", "—", "100%", "—"],
    ["上年结转资金", "<", "", "", "", "—", "", "—"],
    ["年度总体目标", "预期目标", "<", "<", "<", "实际完成情况", "<", "<"],
    ["^", "完成卫片执法。", "<", "<", "<", "已完成卫片执法。", "<", "<"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["^", "产出指标", "数量指标", "卫片执法补助经费", "=72890元", "72890元", "10", "9"],
    ["^", "^", "质量指标", "项目验收合格率", "=100%", "100%", "20", "19"],
    ["^", "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "95%", "10", ""],
    ["总分", "<", "<", "<", "<", "<", "100", "96", "优"],
]


def test_every_genre_has_a_module() -> None:
    assert set(GENRES) == {"evaluation_report", "department_report", "self_evaluation_form", "unknown"}


def test_self_evaluation_form_fills_budget_from_its_funds_row() -> None:
    extraction = extract(document(FORM))
    report = extraction.report
    assert report.kind == "self_evaluation_form"
    assert (report.project.name, report.project.year) == ("卫片执法补助经费", 2020)
    assert (report.project.goal_expected, report.project.goal_actual) == ("完成卫片执法。", "已完成卫片执法。")
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (Decimal("72900.00"),) * 3
    assert (budget.execution_rate, budget.execution_weight, budget.execution_score) == (100, 10, 10)
    assert [s.name for s in budget.sources] == ["当年财政拨款", "上年结转资金"]
    assert report.scores == []
    assert [(i.level1, i.level2, i.name, i.score) for i in report.indicators] == [
        ("产出指标", "数量指标", "卫片执法补助经费", 9),
        ("产出指标", "质量指标", "项目验收合格率", 19),
        ("满意度指标", "服务对象满意度指标", "满意度", None),
    ]
    assert (report.total_score, report.grade) == (96, "优")
    assert report.evidence["grade"].col == 8
    assert extraction.facts.indicator_columns == ["target", "actual", "weight", "score"]


def _printed(doc: Document, evidence: Evidence) -> str:
    if evidence.table is not None:
        cell = doc.table(evidence.table).cell_at(evidence.row or 0, evidence.col or 0)
        return cell.text if cell else ""
    return next(p.text for p in doc.paragraphs if p.index == evidence.paragraph)


def _filled_fields(holder: Any) -> list[str]:
    data = holder.model_dump()
    return [k for k, v in data.items() if k not in ("evidence", "sources") and v is not None and k != "name"]


@pytest.fixture(scope="module")
def seed() -> tuple[Document, Any]:
    doc = read(SEED)
    return doc, extract(doc)


def test_every_filled_field_of_the_seed_has_evidence_printed_where_it_points(seed: tuple[Document, Any]) -> None:
    doc, extraction = seed
    report = extraction.report
    holders = [report.project, report.budget, *report.budget.sources, *report.spending_items, *report.scores,
               *report.indicators]  # fmt: skip
    checked = 0
    for holder in holders:
        for field in _filled_fields(holder):
            if field == "tiers":
                continue
            evidence = holder.evidence.get(field)
            assert evidence is not None, f"{type(holder).__name__}.{field} has no evidence"
            assert evidence.text and evidence.text.strip() in _printed(doc, evidence), field
            checked += 1
    for key in ("total_score", "grade"):
        assert report.evidence[key].text in _printed(doc, report.evidence[key])
    assert checked > 100


def test_every_budget_printing_of_the_seed_is_a_mention(seed: tuple[Document, Any]) -> None:
    _, extraction = seed
    spent = [(m.origin, m.label, m.value) for m in extraction.facts.mentions if m.quantity == "spent"]
    assert spent == [
        ("table", "实际使用情况", Decimal("5580100.00")),
        ("text", "共支出", Decimal("5120200.00")),
        ("text", "共支付", Decimal("5120200.00")),
    ]
    (itemisation,) = extraction.facts.itemisations
    assert sum(p.value for p in itemisation.parts if p.value is not None) == itemisation.whole
    assert [w.weight for w in extraction.facts.section_weights] == [20, 25]
    assert extraction.facts.adjustment_reasons


def test_blank_required_cells_are_reported_with_their_place() -> None:
    form = [
        ["项目支出绩效自评表", "<", "<", "<", "<", "<"],
        ["项目资金（万元）", "年初预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "10", "9", "10", "90%", ""],
        ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "完成率", "≥95%", "96%", "90", "90"],
        ["总分", "<", "<", "<", "100", "—"],
        ["评价结论", "/", "<", "<", "<", "<"],
    ]
    extraction = extract(document(form))
    blanks = {(b.field, b.evidence.row, b.evidence.col) for b in extraction.facts.blank_cells}
    assert blanks == {("execution_score", 2, 5), ("total_score", 5, 5), ("conclusion", 6, 1)}
    assert extraction.report.budget.execution_score is None and extraction.report.total_score is None
    assert extraction.report.project.conclusion is None


def test_a_share_of_a_named_budget_quantity_is_stated_of_the_record_value() -> None:
    doc = document(
        "截至年底，项目共支出512.02万元。",
        "从支出结构看，长聘人员工资支出412.42万元，占总支出的80.55%；文件印刷支出89.64万元。",
    )
    extraction = extract(doc)
    (claim,) = extraction.facts.percent_claims
    assert (claim.kind, claim.stated, claim.part, claim.whole, claim.label) == (
        "share", Decimal("80.55"), Decimal("4124200.00"), Decimal("5120200.00"), "总支出"
    )  # fmt: skip
    assert claim.stated_evidence.text == "占总支出的80.55%" and claim.stated_evidence.paragraph == 2
    assert [e.paragraph for e in claim.evidence] == [2, 1]
    assert extract(document("长聘人员工资支出412.42万元，占总支出的80.55%。")).facts.percent_claims == []
