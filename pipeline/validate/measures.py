"""An indicator's target and actual read as numbers, with the direction in which more is better.

The printed text is read by `models.numbers` (the one number parser); this module only decides
whether target and actual can be compared and what "met" means for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from models.numbers import MONEY_UNITS, PERCENT_UNITS, Quantity, Target, parse_quantity, parse_target, percent
from models.report import Indicator

Direction = Literal["up", "down", "equal"]

REVERSE_WORDS = (
    "成本",
    "控制率",
    "结余率",
    "调整率",
    "投诉率",
    "差错率",
    "事故率",
    "发生率",
    "超支",
    "失误率",
    "返工率",
)
"""Indicator names where less is better (domain rules R10)."""

_UP = {"≥": "up", ">": "up", "≤": "down", "<": "down", "=": "equal"}


@dataclass(frozen=True)
class Measured:
    """Target and actual of one indicator in one unit."""

    target: Decimal
    actual: Decimal
    direction: Direction
    tolerance: Decimal
    """How far apart the two may be and still count as equal (their printed rounding)."""
    unit: str | None
    target_text: str
    actual_text: str

    def met(self) -> bool:
        if self.direction == "down":
            return self.actual <= self.target + self.tolerance
        return self.actual >= self.target - self.tolerance

    def ratio(self) -> Decimal | None:
        """The share of the target reached (actual ÷ target, or target ÷ actual when less is better)."""
        if self.direction == "down":
            return self.target / self.actual if self.actual > 0 else None
        return self.actual / self.target if self.target > 0 else None


def _unit_family(unit: str | None) -> str | None:
    if unit is None:
        return None
    if unit in PERCENT_UNITS:
        return "%"
    if unit in MONEY_UNITS:
        return "money"
    return unit


def direction_of(indicator: Indicator, target: Target) -> Direction:
    if target.comparator in _UP:
        return _UP[target.comparator]  # type: ignore[return-value]
    name = indicator.name or ""
    return "down" if any(word in name for word in REVERSE_WORDS) else "up"


def _in_unit(quantity: Quantity, family: str | None, shared_unit: str | None) -> tuple[Decimal, Decimal]:
    """Value and resolution; money in yuan so 万元 and 元 compare. A figure printed without a unit
    takes the one the other figure carries (the 度量单位 column serves both)."""
    unit = quantity.unit or shared_unit
    if family == "money" and unit in MONEY_UNITS:
        multiplier = MONEY_UNITS[unit]
        return quantity.value * multiplier, quantity.resolution * multiplier
    return quantity.value, quantity.resolution


def _met_tolerance(target_resolution: Decimal, actual_resolution: Decimal) -> Decimal:
    """Whole counts are exact (3次 misses =4次); decimals may differ in their last printed digit only."""
    finest = min(target_resolution, actual_resolution)
    return finest / 2 if finest < 1 else Decimal(0)


def measure(indicator: Indicator) -> Measured | None:
    """Target and actual as comparable numbers, or None (qualitative, missing, or in different units)."""
    target = parse_target(indicator.target) if indicator.target else None
    actual = parse_quantity(indicator.actual) if indicator.actual else None
    if target is None or target.value is None or target.quantity is None or actual is None:
        return None
    if target.quantity.kind in ("date", "reference", "ordinal"):
        return None
    target_family, actual_family = _unit_family(target.unit), _unit_family(actual.unit)
    if target_family and actual_family and target_family != actual_family:
        return None
    family = target_family or actual_family
    target_value, target_resolution = _in_unit(target.quantity, family, actual.unit)
    actual_value, actual_resolution = _in_unit(actual, family, target.unit)
    if family == "%":
        # a bare number beside a percentage may be a fraction: 1 for 100%, 0.96 for 96%
        if target.unit is None and (fraction := percent(target.text, fraction_ok=True)) is not None:
            target_value, target_resolution = fraction.value, fraction.resolution
        if actual.unit is None and (fraction := percent(actual.text, fraction_ok=True)) is not None:
            actual_value, actual_resolution = fraction.value, fraction.resolution
    return Measured(
        target=target_value,
        actual=actual_value,
        direction=direction_of(indicator, target),
        tolerance=_met_tolerance(target_resolution, actual_resolution),
        unit=target.unit or actual.unit,
        target_text=indicator.target or "",
        actual_text=indicator.actual or "",
    )
