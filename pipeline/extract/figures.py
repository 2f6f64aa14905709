"""Reading one table cell as a figure, on top of `models.numbers` (the one number parser)."""

from __future__ import annotations

import re
from decimal import Decimal

from models.numbers import Money, Percent, is_not_given, money, normalise_text, parse_quantity, percent

__all__ = ["cell_money", "cell_rate", "is_figure_or_blank", "is_not_given", "is_placeholder", "points", "single_figure"]

_POINT_UNITS = (None, "分")


def points(text: str) -> tuple[Decimal, Decimal] | None:
    """A weight or score as printed ("4", "8.5", "20分"), with the resolution of its last digit."""
    quantity = parse_quantity(text)
    if quantity is None or quantity.kind not in ("number", "count") or quantity.unit not in _POINT_UNITS:
        return None
    if quantity.comparator is not None:
        return None
    return quantity.value, quantity.resolution


_SPLIT_FIGURE = re.compile(r"[\d,，.．\s]+(?:亿元|万元|元|%|％)?")
_GAP_IN_DIGITS = re.compile(r"(?<=[\d,，.．])\s+(?=[\d,，.．])")


def single_figure(text: str) -> str:
    """A cell that holds one figure, with the gaps OCR leaves inside it closed ("5,426,8 26.00" → "5,426,826.00")."""
    stripped = text.strip()
    if _SPLIT_FIGURE.fullmatch(stripped) and _GAP_IN_DIGITS.search(stripped):
        return _GAP_IN_DIGITS.sub("", stripped)
    return text


def cell_money(text: str, unit: str | None) -> Money | None:
    """An amount in a cell; a bare number takes the unit its label or header states, and without one is not read."""
    found = money(single_figure(text), unit or "元")
    if found is None:
        return None
    if found.quantity.unit is None and unit is None:
        return None
    return found


def cell_rate(text: str) -> Percent | None:
    """A rate in a cell where a rate is expected: 91.76%, 100百分比, or the fraction 1."""
    return percent(single_figure(text), fraction_ok=True)


def is_figure_or_blank(text: str) -> bool:
    """A cell where a figure belongs holds one, or nothing (blank, —, /)."""
    return is_not_given(text) or parse_quantity(text) is not None


_WORDS_OF_NOTHING = frozenset({"无", "不适用", "不涉及"})


def is_placeholder(text: str) -> bool:
    """Blank or only a dash or slash: nothing was written. Words such as 无 were written, and are kept."""
    return is_not_given(text) and normalise_text(text).strip() not in _WORDS_OF_NOTHING
