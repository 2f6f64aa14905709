"""How far apart two printings of a figure may be: half a unit of each one's last printed digit.

`Evidence.resolution` holds one unit of the last printed digit in the record's unit
(670.64万元 → 100 yuan); when the extractor did not set it, the Decimal's own exponent
stands in. Checks that combine several printed figures add up their rounding, because
every one of them may be off by half its unit — the rules are conservative by design.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from models.report import Evidence

MIN_MONEY_TOLERANCE = Decimal(1)
"""The contract never lets two amounts within 1 yuan differ."""

HUNDRED = Decimal(100)
ZERO = Decimal(0)

Figure = tuple[Decimal, Evidence | None]


def resolution(value: Decimal, evidence: Evidence | None = None) -> Decimal:
    """One unit of the last printed digit of `value`."""
    if evidence is not None and evidence.resolution is not None and evidence.resolution > 0:
        return evidence.resolution
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else ZERO


def half_unit(value: Decimal, evidence: Evidence | None = None) -> Decimal:
    return resolution(value, evidence) / 2


def rounding(figures: Iterable[Figure]) -> Decimal:
    """The most the printed figures together may be off by rounding."""
    return sum((half_unit(value, evidence) for value, evidence in figures), ZERO)


def money_tolerance(figures: Iterable[Figure]) -> Decimal:
    return max(rounding(figures), MIN_MONEY_TOLERANCE)


def ratio_rounding(part: Figure, whole: Figure) -> Decimal:
    """How far 100·part/whole (in percentage points) may move when both are off by their rounding."""
    part_value, whole_value = part[0], whole[0]
    if whole_value == 0:
        return ZERO
    return HUNDRED * (half_unit(*part) / abs(whole_value) + abs(part_value) * half_unit(*whole) / whole_value**2)


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    if whole == 0:
        return None
    return HUNDRED * part / whole


def is_integer_printed(value: Decimal, evidence: Evidence | None) -> bool:
    return resolution(value, evidence) >= 1
