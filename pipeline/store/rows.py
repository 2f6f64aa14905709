"""Converting a contract `Report` to table rows and back, losslessly."""

from __future__ import annotations

import hashlib
import json
from typing import Any, TypeVar

from models.document import SourceInfo
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
from pipeline.store.schema import (
    BudgetRow,
    DocumentRow,
    EvidenceRow,
    FindingRow,
    FundingSourceRow,
    IndicatorRow,
    ReportRow,
    ScoreRowRow,
    SpendingItemRow,
)

_PROJECT_COLUMNS = {field: field for field in Project.model_fields if field not in ("evidence", "name")}
_PROJECT_COLUMNS["name"] = "project_name"
_BUDGET_FIELDS = [f for f in Budget.model_fields if f not in ("sources", "evidence")]
_SOURCE_FIELDS = [f for f in FundingSource.model_fields if f != "evidence"]
_ITEM_FIELDS = [f for f in SpendingItem.model_fields if f != "evidence"]
_SCORE_FIELDS = [f for f in ScoreRow.model_fields if f != "evidence"]
_INDICATOR_FIELDS = [f for f in Indicator.model_fields if f != "evidence"]

_Listed = TypeVar("_Listed", FundingSourceRow, SpendingItemRow, ScoreRowRow, IndicatorRow)
_Model = TypeVar("_Model", FundingSource, SpendingItem, ScoreRow, Indicator)


def finding_key(finding: Finding) -> str:
    """A short stable id for a finding: its rule and the places of its evidence."""
    text = json.dumps([finding.rule, [list(e.key()) for e in finding.evidence]], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _evidence_json(evidence: dict[str, Evidence]) -> dict[str, Any]:
    return {name: item.model_dump(mode="json", exclude_defaults=True) for name, item in evidence.items()}


def _evidence_map(stored: dict[str, Any] | None) -> dict[str, Evidence]:
    return {name: Evidence.model_validate(item) for name, item in (stored or {}).items()}


def _fields(model: Any, names: list[str]) -> dict[str, Any]:
    return {name: getattr(model, name) for name in names}


def _list_rows(row_class: type[_Listed], records: list[Any], names: list[str]) -> list[_Listed]:
    """One table row per record of a report list, numbered in printed order."""
    return [
        row_class(position=i, evidence=_evidence_json(record.evidence), **_fields(record, names))
        for i, record in enumerate(records)
    ]


def _records(model: type[_Model], rows: list[Any], names: list[str]) -> list[_Model]:
    """The report list back from its table rows (already in printed order)."""
    return [model(evidence=_evidence_map(row.evidence), **_fields(row, names)) for row in rows]


def report_row(report: Report) -> ReportRow:
    project = report.project
    row = ReportRow(
        schema_version=report.schema_version,
        total_score=report.total_score,
        grade=report.grade,
        project_evidence=_evidence_json(project.evidence),
        evidence=_evidence_json(report.evidence),
        **{column: getattr(project, field) for field, column in _PROJECT_COLUMNS.items()},
    )
    row.budget = BudgetRow(evidence=_evidence_json(report.budget.evidence), **_fields(report.budget, _BUDGET_FIELDS))
    row.sources = _list_rows(FundingSourceRow, report.budget.sources, _SOURCE_FIELDS)
    row.spending_items = _list_rows(SpendingItemRow, report.spending_items, _ITEM_FIELDS)
    row.scores = _list_rows(ScoreRowRow, report.scores, _SCORE_FIELDS)
    row.indicators = _list_rows(IndicatorRow, report.indicators, _INDICATOR_FIELDS)
    row.findings = [_finding_row(i, finding) for i, finding in enumerate(report.findings)]
    return row


def _finding_row(position: int, finding: Finding) -> FindingRow:
    row = FindingRow(
        position=position,
        rule=finding.rule,
        severity=finding.severity,
        code=finding.code,
        message=finding.message,
        key=finding_key(finding),
    )
    row.evidence = [
        EvidenceRow(
            position=i,
            page=e.page,
            table_index=e.table,
            row_index=e.row,
            col_index=e.col,
            paragraph=e.paragraph,
            text=e.text,
            bbox=list(e.bbox) if e.bbox is not None else None,
            confidence=e.confidence,
            resolution=e.resolution,
        )
        for i, e in enumerate(finding.evidence)
    ]
    return row


def finding_from_row(row: FindingRow) -> Finding:
    return Finding(
        rule=row.rule,
        severity=row.severity,  # type: ignore[arg-type]
        code=row.code,
        message=row.message,
        evidence=[
            Evidence(
                page=e.page,
                table=e.table_index,
                row=e.row_index,
                col=e.col_index,
                paragraph=e.paragraph,
                text=e.text,
                bbox=tuple(e.bbox) if e.bbox is not None else None,  # type: ignore[arg-type]
                confidence=e.confidence,
                resolution=e.resolution,
            )
            for e in row.evidence
        ],
    )


def report_from_rows(document: DocumentRow) -> Report:
    row = document.report
    if row is None:
        raise ValueError(f"document {document.sha256} has no report")
    path = document.paths[0].path if document.paths else ""
    source = SourceInfo(path=path, sha256=document.sha256, format=document.format, pages=document.pages)  # type: ignore[arg-type]
    project = Project(
        evidence=_evidence_map(row.project_evidence),
        **{field: getattr(row, column) for field, column in _PROJECT_COLUMNS.items()},
    )
    budget_row = row.budget
    budget = Budget(
        sources=_records(FundingSource, row.sources, _SOURCE_FIELDS),
        **({} if budget_row is None else _fields(budget_row, _BUDGET_FIELDS)),
        evidence=_evidence_map(None if budget_row is None else budget_row.evidence),
    )
    return Report(
        schema_version=row.schema_version,  # type: ignore[arg-type]
        source=source,
        kind=document.kind,  # type: ignore[arg-type]
        project=project,
        budget=budget,
        spending_items=_records(SpendingItem, row.spending_items, _ITEM_FIELDS),
        scores=_records(ScoreRow, row.scores, _SCORE_FIELDS),
        indicators=_records(Indicator, row.indicators, _INDICATOR_FIELDS),
        total_score=row.total_score,
        grade=row.grade,  # type: ignore[arg-type]
        findings=[finding_from_row(f) for f in row.findings],
        evidence=_evidence_map(row.evidence),
    )
