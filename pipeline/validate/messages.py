"""Figures and places written the way a reviewer reads them: money in the unit it was printed in."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from models.report import Evidence
from pipeline.validate.tolerance import resolution

_SCALES: tuple[tuple[str, Decimal], ...] = (("亿元", Decimal(10) ** 8), ("万元", Decimal(10) ** 4), ("元", Decimal(1)))
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def printed_unit(value: Decimal, evidence: Evidence | None = None, unit: str | None = None) -> str:
    """万元, 元 or 亿元: named by the mention, written in the cell, or recognised from the printed digits."""
    if unit in {name for name, _ in _SCALES}:
        return unit
    text = unicodedata.normalize("NFKC", evidence.text).replace(",", "") if evidence else ""
    for name, _ in _SCALES:
        if name in text:
            return name
    tokens = _DIGITS.findall(text)
    if evidence is not None and evidence.resolution and len(tokens) == 1:
        # one unit of the last printed digit, in yuan, over that digit's place value is the unit's scale
        decimals = len(tokens[0].partition(".")[2])
        scale = evidence.resolution * Decimal(10) ** decimals
        named = next((name for name, size in _SCALES if size == scale), None)
        if named is not None:
            return named
    for name, scale in _SCALES:
        if any(Decimal(token) * scale == value for token in _DIGITS.findall(text)):
            return name
    if evidence is not None and evidence.resolution is not None and evidence.resolution >= 100:
        return "万元"
    return "万元" if abs(value) >= 10000 else "元"


def money(value: Decimal, evidence: Evidence | None = None, unit: str | None = None) -> str:
    name = printed_unit(value, evidence, unit)
    scale = dict(_SCALES)[name]
    scaled = value / scale
    step = resolution(value, evidence) / scale if evidence is not None and evidence.resolution else None
    if step is not None and step < 1:
        scaled = scaled.quantize(step.normalize())
    elif step is not None:
        scaled = scaled.quantize(Decimal(1))
    elif (printed := _printed_token(scaled, evidence)) is not None:
        scaled = printed
    else:
        scaled = _trim(scaled, minimum_places=2)
    return f"{scaled:f}{name}"


def _printed_token(scaled: Decimal, evidence: Evidence | None) -> Decimal | None:
    """The figure exactly as the evidence prints it (2026400 stays 2026400, 9.90 keeps its zero)."""
    if evidence is None:
        return None
    text = unicodedata.normalize("NFKC", evidence.text).replace(",", "")
    return next((Decimal(token) for token in _DIGITS.findall(text) if Decimal(token) == scaled), None)


def money_difference(
    difference: Decimal, like: Decimal, evidence: Evidence | None = None, unit: str | None = None
) -> str:
    """A difference written in the unit of the figure it is a difference of."""
    name = printed_unit(like, evidence, unit)
    scaled = _trim(abs(difference) / dict(_SCALES)[name], minimum_places=2)
    return f"{scaled:f}{name}"


def percent(value: Decimal) -> str:
    return f"{value:f}%"


def computed_percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}%"


def points(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return f"{text}分"


def number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def where(evidence: Evidence | None) -> str:
    """表2第5行第6列 / 第14段 (rows and columns counted from 1 for people), prefixed by the page of a PDF."""
    if evidence is None:
        return "位置不明"
    parts = []
    if evidence.page is not None:
        parts.append(f"第{evidence.page}页")
    if evidence.table is not None:
        cell = f"表{evidence.table}"
        if evidence.row is not None:
            cell += f"第{evidence.row + 1}行"
        if evidence.col is not None:
            cell += f"第{evidence.col + 1}列"
        parts.append(cell)
    elif evidence.paragraph is not None:
        parts.append(f"第{evidence.paragraph}段")
    return "".join(parts) or "位置不明"


def _trim(value: Decimal, minimum_places: int) -> Decimal:
    """Round to 4 places, then drop trailing zeros down to `minimum_places`."""
    rounded = value.quantize(Decimal("0.0001"))
    places = minimum_places
    while places < 4 and rounded != rounded.quantize(Decimal(1).scaleb(-places)):
        places += 1
    return rounded.quantize(Decimal(1).scaleb(-places))
