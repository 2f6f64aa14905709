"""Builders for rule tests: real Report and Facts objects whose figures carry evidence, as extraction makes them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from models.document import SourceInfo
from models.facts import Extraction, Facts
from models.numbers import money as read_money
from models.numbers import percent as read_percent
from models.report import Evidence, Finding, Report
from pipeline.validate import RULES, validate


def cell(table: int, row: int, col: int, text: str, resolution: Decimal | str | None = None) -> Evidence:
    return Evidence(
        table=table, row=row, col=col, text=text, resolution=Decimal(resolution) if resolution is not None else None
    )


def para(index: int, text: str, resolution: Decimal | str | None = None) -> Evidence:
    return Evidence(paragraph=index, text=text, resolution=Decimal(resolution) if resolution is not None else None)


def money_at(evidence: Evidence, default_unit: str = "万元") -> tuple[Decimal, Evidence]:
    """Read the evidence's text as money (through the project's number reader) and stamp its resolution."""
    read = read_money(evidence.text, default_unit)
    assert read is not None, evidence.text
    return read.yuan, evidence.model_copy(update={"resolution": read.resolution})


def percent_at(evidence: Evidence) -> tuple[Decimal, Evidence]:
    read = read_percent(evidence.text, fraction_ok=True)
    assert read is not None, evidence.text
    return read.value, evidence.model_copy(update={"resolution": read.resolution})


def report(**fields: Any) -> Report:
    source = SourceInfo(path="sample.docx", sha256="0" * 64, format="docx")
    return Report(source=source, **fields)


def extraction(facts: Facts | None = None, **fields: Any) -> Extraction:
    return Extraction(report=report(**fields), facts=facts or Facts())


def findings(data: Extraction, rule_id: str) -> list[Finding]:
    """The findings of one rule, as `validate` reports them."""
    return [f for f in validate(data) if f.rule == rule_id]


def run_rule(data: Extraction, rule_id: str) -> list[Finding]:
    return RULES[rule_id].run(data)


MONEY_FIELDS = ("planned", "adjusted", "received", "spent", "balance")
FUNDS_COLUMNS = {
    "planned": 1,
    "adjusted": 2,
    "spent": 3,
    "execution_weight": 4,
    "execution_rate": 5,
    "execution_score": 6,
    "received": 7,
    "balance": 8,
}


def _funds_row(row: int, cells: dict[str, str], unit: str) -> tuple[dict[str, Decimal], dict[str, Evidence]]:
    values: dict[str, Decimal] = {}
    evidence: dict[str, Evidence] = {}
    for field, text in cells.items():
        located = cell(1, row, FUNDS_COLUMNS[field], text)
        if field in MONEY_FIELDS:
            values[field], evidence[field] = money_at(located, unit)
        elif field == "execution_rate":
            values[field], evidence[field] = percent_at(located)
        else:
            values[field], evidence[field] = Decimal(text), located
    return values, evidence


def funds(
    sources: dict[str, dict[str, str]] | None = None, unit: str = "万元", reason: str | None = None, **cells: str
) -> dict[str, Any]:
    """A funds table (table 1): the total row as printed, then one row per source (其中 …)."""
    values, evidence = _funds_row(1, cells, unit)
    rows = []
    for offset, (name, printed) in enumerate((sources or {}).items()):
        source_values, source_evidence = _funds_row(2 + offset, printed, unit)
        rows.append({"name": name, **source_values, "evidence": source_evidence})
    if reason is not None:
        evidence["reason"] = cell(1, 1, 9, reason)
    return {"budget": {**values, "reason": reason, "sources": rows, "evidence": evidence}}
