"""Small helpers the rule families share: evidence lookup, budget bases, not-given text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Literal

from models.facts import Extraction, Itemisation, Part
from models.report import Budget, Evidence, Report
from pipeline.validate.tolerance import is_integer_printed

BUDGET_LABELS: dict[str, str] = {
    "planned": "年初预算数",
    "adjusted": "调整后预算数",
    "received": "实际到位资金",
    "spent": "实际支出",
    "balance": "结余",
    "execution_rate": "预算执行率",
}

BASES: tuple[str, ...] = ("adjusted", "received", "planned")
"""What an execution rate or a balance may be computed against; templates differ (domain rules R02)."""

NOT_GIVEN_TEXTS = frozenset({"", "无", "0", "/", "／", "—", "－", "-", "——", "--", "无偏差", "暂无", "不适用"})
"""Cell contents that say nothing (a reason column holding only these gives no reason)."""


def evidence_of(holder: object, field: str) -> Evidence | None:
    evidence_map = getattr(holder, "evidence", None) or {}
    return evidence_map.get(field)


def evidence_list(items: Iterable[Evidence | None]) -> list[Evidence]:
    """Drop missing evidence and repeats of the same figure (same place, same text), keeping the order."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Evidence] = []
    for item in items:
        if item is None or (item.key(), item.text) in seen:
            continue
        seen.add((item.key(), item.text))
        kept.append(item)
    return kept


def present_bases(budget: Budget) -> list[tuple[str, Decimal]]:
    return [(name, value) for name in BASES if (value := getattr(budget, name)) is not None]


def says_nothing(text: str | None) -> bool:
    """True when a free-text cell is blank or holds only a placeholder such as 无 or —."""
    if text is None:
        return True
    cleaned = unicodedata.normalize("NFKC", text).strip().strip("。.;；,，")
    return cleaned.replace(" ", "") in NOT_GIVEN_TEXTS


def report_scores_are_integers(report: Report) -> bool:
    """True when every score printed in the document has no decimals (domain rules: INTEGER_ROUNDING)."""
    scored: list[tuple[Decimal, Evidence | None]] = []
    if report.budget.execution_score is not None:
        scored.append((report.budget.execution_score, evidence_of(report.budget, "execution_score")))
    scored += [(row.score, evidence_of(row, "score")) for row in report.scores if row.score is not None]
    scored += [(row.score, evidence_of(row, "score")) for row in report.indicators if row.score is not None]
    return bool(scored) and all(is_integer_printed(value, evidence) for value, evidence in scored)


def complete_itemisations(
    extraction: Extraction, unit: Literal["yuan", "count"]
) -> Iterator[tuple[Itemisation, list[tuple[Part, Decimal]]]]:
    """Itemisations of `unit` whose every part has a value, each part paired with its value.

    An itemisation with a part whose value is not printed has no known sum, so it is never checked.
    """
    for itemisation in extraction.facts.itemisations:
        if itemisation.unit != unit or not itemisation.parts:
            continue
        valued = [(part, part.value) for part in itemisation.parts if part.value is not None]
        if len(valued) == len(itemisation.parts):
            yield itemisation, valued
