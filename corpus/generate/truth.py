"""Comparing an extracted record with a generated document's truth, field by field.

A truth record is the contract record without `source`, `evidence` and `findings`, plus
`planted`. Comparison counts, per field: a value equal to the truth is a true positive;
a truth value the extractor left null is a false negative; a value the extractor filled
where the truth is null is a false positive; a wrong value is both (it filled the field
wrongly and missed the right value). Rows of lists (sources, items, score rows,
indicators) are paired by their name first, then in order.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

PROJECT_FIELDS = (
    "name", "year", "implementing_unit", "competent_department", "leader", "phone", "address", "postcode",
    "project_type", "goal_expected", "goal_actual", "conclusion",
)  # fmt: skip
BUDGET_FIELDS = (
    "planned", "adjusted", "received", "spent", "balance", "execution_rate", "execution_weight",
    "execution_score", "reason",
)  # fmt: skip
SOURCE_FIELDS = ("name", "planned", "adjusted", "received", "spent")
ITEM_FIELDS = ("name", "amount")
SCORE_FIELDS = ("level1", "level1_weight", "level2", "level2_weight", "level3", "weight", "score")
INDICATOR_FIELDS = (
    "level1", "level1_weight", "level2", "name", "target", "actual", "weight", "score", "tiers", "deviation_reason",
)  # fmt: skip
GROUPS = ("kind", "project", "budget", "sources", "spending_items", "scores", "indicators", "total_grade")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass
class Difference:
    path: str
    truth: Any
    extracted: Any


@dataclass
class Comparison:
    groups: dict[str, Tally] = field(default_factory=lambda: {g: Tally() for g in GROUPS})
    differences: list[Difference] = field(default_factory=list)

    def total(self) -> Tally:
        overall = Tally()
        for tally in self.groups.values():
            overall.add(tally)
        return overall


def load_truth(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def record_of(report: Any) -> dict[str, Any]:
    """A `Report` as the contract's JSON, without source, evidence and findings (the truth's shape)."""
    data = json.loads(report.model_dump_json())
    _drop_evidence(data)
    data.pop("source", None)
    data.pop("findings", None)
    return data


def _drop_evidence(value: Any) -> None:
    if isinstance(value, dict):
        value.pop("evidence", None)
        for child in value.values():
            _drop_evidence(child)
    elif isinstance(value, list):
        for child in value:
            _drop_evidence(child)


def _text(value: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def same(truth: Any, extracted: Any) -> bool:
    """Equal as printed values: numbers by value, text without whitespace and with full-width forms folded."""
    if isinstance(truth, dict) or isinstance(extracted, dict):
        if not isinstance(truth, dict) or not isinstance(extracted, dict):
            return False
        return truth.keys() == extracted.keys() and all(same(truth[k], extracted[k]) for k in truth)
    if isinstance(truth, bool) or isinstance(extracted, bool):
        return truth == extracted
    if isinstance(truth, int | float) and isinstance(extracted, int | float | str):
        try:
            return Decimal(str(truth)) == Decimal(str(extracted))
        except InvalidOperation:
            return False
    return _text(truth) == _text(extracted)


def _count(tally: Tally, differences: list[Difference], path: str, truth: Any, extracted: Any) -> None:
    if truth is None and extracted is None:
        return
    if truth is not None and extracted is not None and same(truth, extracted):
        tally.tp += 1
        return
    if extracted is not None:
        tally.fp += 1
    if truth is not None:
        tally.fn += 1
    differences.append(Difference(path, truth, extracted))


def _pair(
    truths: list[dict[str, Any]], found: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Rows paired by equal keys in order, the rest by position."""
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    unused = list(range(len(found)))
    unmatched: list[int] = []
    matched: dict[int, int] = {}
    for i, row in enumerate(truths):
        j = next((j for j in unused if key(found[j]) == key(row)), None)
        if j is None:
            unmatched.append(i)
        else:
            matched[i] = j
            unused.remove(j)
    leftovers = iter(unused)
    for i, row in enumerate(truths):
        j = matched.get(i)
        if j is None:
            j = next(leftovers, None)
        pairs.append((row, found[j] if j is not None else None))
    pairs.extend((None, found[j]) for j in leftovers)
    return pairs


def _compare_rows(
    comparison: Comparison,
    group: str,
    truths: list[dict[str, Any]],
    found: list[dict[str, Any]],
    fields: Iterable[str],
    key_field: str,
) -> None:
    tally = comparison.groups[group]
    fields = tuple(fields)
    for index, (truth_row, found_row) in enumerate(_pair(truths, found, lambda r: _text(r.get(key_field)))):
        for name in fields:
            truth_value = truth_row.get(name) if truth_row else None
            found_value = found_row.get(name) if found_row else None
            _count(tally, comparison.differences, f"{group}[{index}].{name}", truth_value, found_value)


def compare(truth: dict[str, Any], record: dict[str, Any]) -> Comparison:
    comparison = Comparison()
    diffs = comparison.differences
    _count(comparison.groups["kind"], diffs, "kind", truth.get("kind"), record.get("kind"))
    for name in PROJECT_FIELDS:
        _count(comparison.groups["project"], diffs, f"project.{name}", truth["project"].get(name),
               record.get("project", {}).get(name))  # fmt: skip
    budget = record.get("budget", {})
    for name in BUDGET_FIELDS:
        _count(comparison.groups["budget"], diffs, f"budget.{name}", truth["budget"].get(name), budget.get(name))
    _compare_rows(comparison, "sources", truth["budget"]["sources"], budget.get("sources", []), SOURCE_FIELDS, "name")
    _compare_rows(comparison, "spending_items", truth["spending_items"], record.get("spending_items", []),
                  ITEM_FIELDS, "name")  # fmt: skip
    _compare_rows(comparison, "scores", truth["scores"], record.get("scores", []), SCORE_FIELDS, "level3")
    _compare_rows(comparison, "indicators", truth["indicators"], record.get("indicators", []), INDICATOR_FIELDS,
                  "name")  # fmt: skip
    for name in ("total_score", "grade"):
        _count(comparison.groups["total_grade"], diffs, name, truth.get(name), record.get(name))
    return comparison
