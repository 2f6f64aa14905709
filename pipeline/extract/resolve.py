"""Choosing the record's value when one budget quantity is printed with different values.

The record takes the value the other figures corroborate — itemised parts that add
up to it, a printed rate equal to spent ÷ a base, a printed balance equal to a base
minus spent — and, when nothing decides, the first printing in document order.
The execution rate is taken as printed: the funds table's, else the first in the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from models.facts import Itemisation, Mention
from models.numbers import tolerance
from models.report import Evidence

AMOUNTS = ("planned", "adjusted", "received", "spent", "balance")
BASES = ("planned", "adjusted", "received")
_ONE_YUAN = Decimal(1)
_HUNDRED = Decimal(100)


def _res(mention: Mention) -> Decimal:
    return mention.evidence.resolution or Decimal(0)


def _close(a: Decimal, b: Decimal, resolution: Decimal, floor: Decimal = _ONE_YUAN) -> bool:
    return abs(a - b) <= tolerance(resolution, floor)


def _candidates(mentions: Iterable[Mention], quantity: str) -> list[Mention]:
    """The first printing of each distinct value, in document order."""
    found: list[Mention] = []
    for mention in mentions:
        if mention.quantity == quantity and all(m.value != mention.value for m in found):
            found.append(mention)
    return found


def _itemised(value: Mention, itemisations: list[Itemisation]) -> bool:
    for itemisation in itemisations:
        values = [p.value for p in itemisation.parts if p.value is not None]
        if itemisation.unit != "yuan" or not values:
            continue
        resolution = sum(((p.evidence.resolution or Decimal(0)) for p in itemisation.parts), Decimal(0))
        if _close(sum(values, Decimal(0)), value.value, max(resolution, _res(value))):
            return True
    return False


def _support(quantity: str, value: Mention, pool: dict[str, list[Mention]], itemisations: list[Itemisation]) -> int:
    """How many relations between printed figures this value takes part in."""

    def printed(name: str) -> list[Mention]:
        return [value] if name == quantity else pool[name]

    support = 1 if quantity != "balance" and _itemised(value, itemisations) else 0
    for base_name in BASES:
        if quantity not in ("spent", "balance", base_name):
            continue
        for base in printed(base_name):
            for spend in printed("spent"):
                if quantity != "balance" and base.value:
                    ratio = spend.value / base.value * _HUNDRED
                    support += sum(
                        1 for rate in pool["execution_rate"] if _close(ratio, rate.value, _res(rate), Decimal(0))
                    )
                for balance in printed("balance"):
                    precision = max(_res(base), _res(spend), _res(balance))
                    if _close(base.value - spend.value, balance.value, precision):
                        support += 1
    return support


def resolve_budget(mentions: list[Mention], itemisations: list[Itemisation]) -> dict[str, tuple[Decimal, Evidence]]:
    """The record value of each budget quantity that was printed, with the evidence of the printing chosen."""
    pool = {q: _candidates(mentions, q) for q in (*AMOUNTS, "execution_rate")}
    chosen: dict[str, tuple[Decimal, Evidence]] = {}
    for quantity in AMOUNTS:
        candidates = pool[quantity]
        if not candidates:
            continue
        best = candidates[0]
        if len(candidates) > 1:
            scores = [_support(quantity, c, pool, itemisations) for c in candidates]
            best = candidates[scores.index(max(scores))]
        chosen[quantity] = (best.value, best.evidence)
    rates = [m for m in mentions if m.quantity == "execution_rate"]
    if rates:
        rate = next((m for m in rates if m.origin == "table"), rates[0])
        chosen["execution_rate"] = (rate.value, rate.evidence)
    return chosen
