"""One budget quantity printed with different values in different places (budget.amount_mismatch)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from models.facts import Extraction, Mention
from models.report import Evidence
from pipeline.validate import messages as say
from pipeline.validate.common import BUDGET_LABELS, evidence_list, evidence_of
from pipeline.validate.registry import Flag, rule
from pipeline.validate.tolerance import half_unit, money_tolerance

UNIT_SLIP = Decimal(10) ** 4
"""元 printed where 万元 was meant (or the reverse) multiplies a figure by ten thousand."""


@dataclass
class _Printing:
    value: Decimal
    evidence: Evidence | None
    label: str
    unit: str | None


def _printings(extraction: Extraction, quantity: str) -> list[_Printing]:
    """Every printing of one quantity: the mentions, plus the record's own value if no mention holds it."""
    mentions: list[Mention] = [m for m in extraction.facts.mentions if m.quantity == quantity]
    printings = [_Printing(m.value, m.evidence, m.label, m.unit) for m in mentions]
    budget = extraction.report.budget
    value, evidence = getattr(budget, quantity, None), evidence_of(budget, quantity)
    known = {m.evidence.key() for m in mentions}
    unseen = evidence is not None and evidence.key() not in known
    if value is not None and (unseen or (evidence is None and all(p.value != value for p in printings))):
        printings.append(_Printing(value, evidence, BUDGET_LABELS[quantity], None))
    return printings


def _agree(a: _Printing, b: _Printing, is_money: bool) -> bool:
    figures = [(a.value, a.evidence), (b.value, b.evidence)]
    tolerance = money_tolerance(figures) if is_money else half_unit(*figures[0]) + half_unit(*figures[1])
    return abs(a.value - b.value) <= tolerance


def _is_unit_slip(a: _Printing, b: _Printing) -> bool:
    small, large = sorted((a, b), key=lambda p: abs(p.value))
    if small.value == 0:
        return False
    scaled = _Printing(small.value * UNIT_SLIP, small.evidence, small.label, small.unit)
    tolerance = money_tolerance([(large.value, large.evidence)]) + half_unit(small.value, small.evidence) * UNIT_SLIP
    return abs(scaled.value - large.value) <= tolerance


def _describe(printing: _Printing, is_money: bool) -> str:
    figure = say.money(printing.value, printing.evidence, printing.unit) if is_money else say.percent(printing.value)
    return f"{printing.label} {figure}（{say.where(printing.evidence)}）"


@rule("budget.amount_mismatch", severity="warning")
def amount_mismatch(extraction: Extraction) -> Iterator[Flag]:
    """The same quantity (planned, adjusted, received, spent, balance, rate) printed with different values.

    One finding per quantity, naming the first printing of each distinct value in document order.
    A value 10^4 times another is reported as a 元/万元 slip (code UNIT_SLIP). Not flagged: printings
    that agree within their printed rounding (670.6 and 670.64万元); different quantities that
    happen to differ (planned vs adjusted is an adjustment, not a mismatch).
    """
    for quantity in BUDGET_LABELS:
        is_money = quantity != "execution_rate"
        distinct: list[_Printing] = []
        for printing in _printings(extraction, quantity):
            if not any(_agree(printing, seen, is_money) for seen in distinct):
                distinct.append(printing)
        if len(distinct) < 2:
            continue
        slip = is_money and any(_is_unit_slip(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :])
        note = "，数值相差一万倍，疑似元/万元单位误写" if slip else ""
        yield Flag(
            message=f"{BUDGET_LABELS[quantity]}在不同位置数值不一致："
            + "；".join(_describe(p, is_money) for p in distinct)
            + note,
            evidence=evidence_list(p.evidence for p in distinct),
            code="UNIT_SLIP" if slip else None,
        )
