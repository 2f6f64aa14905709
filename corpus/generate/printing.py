"""How a document prints a figure: unit, decimals, thousands separators, full-width digits, Chinese numerals.

A `MoneyStyle` is drawn once per place (a table, the narrative) so that a document is
consistent with itself, as real documents mostly are; the values it prints are always
exact multiples of its resolution, so the printed text is the value and nothing is rounded.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

WAN = Decimal(10000)
_FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
_CN_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class MoneyStyle:
    unit: str  # "万元" or "元"
    decimals: int
    thousands: bool = False
    full_width: bool = False

    @property
    def resolution(self) -> Decimal:
        """One unit of the last printed digit, in yuan."""
        scale = WAN if self.unit == "万元" else Decimal(1)
        return scale / (Decimal(10) ** self.decimals)

    def number(self, yuan: Decimal) -> str:
        """The figure without its unit (for a cell whose unit sits in a header)."""
        value = yuan / WAN if self.unit == "万元" else yuan
        quantum = Decimal(1).scaleb(-self.decimals)
        text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):{',' if self.thousands else ''}f}"
        return text.translate(_FULL_WIDTH) if self.full_width else text

    def with_unit(self, yuan: Decimal) -> str:
        return self.number(yuan) + self.unit


def draw_money_style(rng: random.Random, *, allow_yuan: bool = True) -> MoneyStyle:
    if allow_yuan and rng.random() < 0.3:
        return MoneyStyle("元", rng.choice((0, 2, 2)), thousands=rng.random() < 0.5)
    return MoneyStyle("万元", rng.choice((0, 1, 2, 2, 2, 3, 4)), full_width=rng.random() < 0.08)


def coarsest(*styles: MoneyStyle) -> Decimal:
    """The resolution every one of the styles can print exactly."""
    return max(style.resolution for style in styles)


def draw_amount(rng: random.Random, low: Decimal, high: Decimal, resolution: Decimal) -> Decimal:
    """A yuan amount in [low, high] that is a whole multiple of `resolution`."""
    steps_low, steps_high = int(low / resolution) + 1, max(int(high / resolution), int(low / resolution) + 1)
    return resolution * rng.randint(steps_low, steps_high)


def round_to(value: Decimal, resolution: Decimal) -> Decimal:
    """`value` rounded down to a whole multiple of `resolution` (at least one)."""
    return resolution * max(1, int(value / resolution))


def split_amount(rng: random.Random, whole: Decimal, parts: int, resolution: Decimal) -> list[Decimal]:
    """`parts` positive multiples of `resolution` adding up exactly to `whole`."""
    units = int(whole / resolution)
    if units < parts:
        raise ValueError("whole too small to split")
    cuts = sorted(rng.sample(range(1, units), parts - 1))
    bounds = [0, *cuts, units]
    return [resolution * (b - a) for a, b in itertools.pairwise(bounds)]


def quantize(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def plain(value: Decimal, decimals: int | None = None) -> str:
    """A score or percent value as printed: fixed decimals, or the shortest form when `decimals` is None."""
    if decimals is not None:
        return f"{quantize(value, decimals):f}"
    text = f"{value.normalize():f}"
    return text


def number_json(value: Decimal) -> int | float:
    """A weight or score as the contract's JSON number."""
    return int(value) if value == value.to_integral_value() else float(value)


def money_json(yuan: Decimal | None) -> str | None:
    return None if yuan is None else f"{yuan.quantize(Decimal('0.01')):f}"


def full_width(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def chinese_number(n: int) -> str:
    """五千六百零三 for 5603 (1–9999), as a text writes a round amount of 万元."""
    if not 0 < n < 10000:
        raise ValueError(n)
    if n < 100:
        return chinese_count(n)
    text, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            text += ("零" if zero and text else "") + _CN_DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return text


def chinese_count(n: int) -> str:
    """三十六 for 36 (counts up to 99, as documents write them in running text)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")
