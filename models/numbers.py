"""The one place where printed figures are understood: 万元/元/亿元, full-width digits, Chinese numerals,
percentages and fractions, comparison targets, "not given" markers, and the precision each figure was printed with.

Everything is `Decimal`. A `Quantity` keeps the number as printed in its printed unit; `money`, `percent`
and `count` turn it into the value a rule compares, with the resolution of its last printed digit.
Helpers: `textfold` (full-width and look-alike characters), `numwords` (units, comparators), `cnnum`
(Chinese numerals).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Context, Decimal
from typing import NamedTuple

import regex

from models.cnnum import DIGITS as CN_DIGITS
from models.cnnum import NUMERAL_CHARS as CN_NUMERAL_CHARS
from models.cnnum import chinese_to_decimal
from models.numwords import (
    CMP_SUFFIXES,
    CMP_WORDS,
    MAGNITUDES,
    MONEY_UNITS,
    PERCENT_UNITS,
    SUFFIX_RE,
    UNIT_BODY,
    UNIT_RE,
    Kind,
    alternation,
    kind_of,
    unit_name,
)
from models.textfold import normalise_text, reading_fold

__all__ = [
    "MAGNITUDES",
    "MONEY_UNITS",
    "PERCENT_UNITS",
    "Kind",
    "Money",
    "Percent",
    "Quantity",
    "Target",
    "chinese_to_decimal",
    "count",
    "find_quantities",
    "is_not_given",
    "label_unit",
    "money",
    "normalise_text",
    "parse_quantity",
    "parse_target",
    "percent",
    "scaled",
    "to_yuan",
    "tolerance",
    "yuan_string",
]


@dataclass(frozen=True)
class Quantity:
    """One printed figure, read but not converted."""

    value: Decimal
    """The number as printed, in its printed unit: 670.64 for 670.64万元, -12.5 for （12.5）."""
    decimals: int
    """Decimals as printed: 2 for 670.64, 0 for 36 (and for Chinese numerals without 点)."""
    unit: str | None
    """The printed unit, normalised: 万元, 元, 亿元, %, 百分比, 个, 人次 (also from 人/次), 天, 年 …"""
    comparator: str | None
    """≥ ≤ = > < when the figure is printed with one (≧, 不少于, 以上 …), else None."""
    text: str
    """The exact source fragment that was read, comparator and unit included."""
    start: int
    end: int
    kind: Kind = "number"
    """money, percent, count, date, reference (phone, postcode, document number), ordinal, foreign_money,
    or number (no unit)."""

    @property
    def resolution(self) -> Decimal:
        """One unit of the last printed digit, in the printed unit."""
        return Decimal(1).scaleb(-self.decimals)


class Money(NamedTuple):
    yuan: Decimal
    resolution: Decimal
    """One unit of the last printed digit, in yuan: 670.64万元 → 100."""
    quantity: Quantity


class Percent(NamedTuple):
    value: Decimal
    """The percent value with the printed decimals: 91.76% → 91.76; the fraction 1 → 100."""
    resolution: Decimal
    quantity: Quantity


@dataclass(frozen=True)
class Target:
    """A comparison target such as ≥95%, ≤90万元, 不少于12种; the value is None for a lone comparator (≧)."""

    comparator: str | None
    """None when none is printed; the caller picks the default its indicator implies."""
    value: Decimal | None
    unit: str | None
    decimals: int | None
    text: str
    quantity: Quantity | None = None
    ocr_repaired: bool = False
    """The comparator was read from a sign OCR damaged (第90% or 到90% for ≥90%, W5% for ≤5%)."""


_CN = "[" + regex.escape(CN_NUMERAL_CHARS) + "]"
_CN_DECIMAL = r"(?:点[" + regex.escape("".join(CN_DIGITS)) + r"]+)?"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NOT_AFTER = r"(?<![\dA-Za-z])(?<!\d\.)"  # never start inside 512.02, V2, or after a digit
_NUMBER_RE = regex.compile(
    r"(?P<cmp>(?:" + alternation(list(CMP_WORDS)) + r")[ \t]*)?"
    r"(?:(?P<sign>(?<![0-9A-Za-z%)）][ \t]*)-)?" + _NOT_AFTER + r"(?P<arabic>" + _ARABIC + r")(?!\d)"
    r"|百分之(?P<cnpct>" + _CN + r"+" + _CN_DECIMAL + r")"
    r"|千分之(?P<cnpermille>" + _CN + r"+" + _CN_DECIMAL + r")"
    r"|(?P<chinese>" + _CN + r"+" + _CN_DECIMAL + r"))"
    r"(?:[ \t]*" + UNIT_RE + r"|[ \t]*[(（][ \t]*(?P<punit>亿元|万元|元|%)[ \t]*(?P<pclose>[)）]))?" + SUFFIX_RE
)
_DATE_RE = regex.compile(
    _NOT_AFTER + r"(?P<y>(?:19|20)\d{2})[ \t]*年(?:[ \t]*(?P<m>\d{1,2})[ \t]*月(?:[ \t]*(?P<d>\d{1,2})[ \t]*[日号])?)?"
    r"|" + _NOT_AFTER + r"(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*[日号]"
    r"|" + _NOT_AFTER + r"(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.])"
)
_DOCUMENT_NO_RE = regex.compile(r"[〔\[［【(（][ \t]*(?P<y>\d{4})[ \t]*[〕\]］】)）][ \t]*第?[ \t]*(?P<n>\d+)[ \t]*号")
_PHONE_RE = regex.compile(
    _NOT_AFTER + r"(?P<a>0\d{2,3})[ \t]*[-—][ \t]*(?P<b>\d{7,8})(?![\d.])"
    r"|" + _NOT_AFTER + r"(?P<b>1[3-9]\d{9})(?![\d.])"
)
_LABELLED_CODE_RE = regex.compile(
    r"(?:电话|手机|传真|邮编|邮政编码|联系方式|账号|帐号|编号|代码)[ \t]*[:：]?[ \t]*(?P<b>\d{5,})(?![\d.])"
)
_CLAUSE_START = r"(?:^|(?<=[\s。；;:：,，、)）]))"  # ordinals open a line or clause; 产出指标(50) is a weight
_ORDINAL_RE = regex.compile(
    r"第[ \t]*(?P<n>\d+|" + _CN + r"+)"
    r"|" + _CLAUSE_START + r"[（(][ \t]*(?P<n>\d{1,3}|" + _CN + r"{1,3})[ \t]*[）)]"
    r"|" + _CLAUSE_START + r"(?P<n>\d{1,2})[ \t]*(?:、|\.(?!\d))(?=[ \t]*[^\s\d])"  # 1.项目概况, not a lone 10.
    r"|" + _CLAUSE_START + r"(?P<n>" + _CN + r"{1,3})[ \t]*[、是]"
)
_RANGE_JOINER = regex.compile(r"[ \t]*[-~—至到][ \t]*")
# Words in which numeral characters are not a figure though a unit character follows (十分重要, 一次性补助).
_CN_IDIOMS = ("十分", "一次性", "一方面", "万一", "一分为二", "三公", "一日游", "一门心思", "一口气")
_HAN = regex.compile(r"\p{Han}")
_SKIPPED_KINDS = ("date", "reference", "ordinal")


def _decimals(number: str) -> int:
    _, dot, fraction = number.partition(".")
    return len(fraction) if dot else 0


# ---------------------------------------------------------------------------------------------------------------------
# Reading


class _Scanner:
    """Reads every figure of one string; dates, codes and ordinals claim their spans first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.origin = reading_fold(text)
        self.taken = bytearray(len(self.folded))  # 1 where a figure already claimed the folded character
        self.found: list[Quantity] = []

    def run(self) -> list[Quantity]:
        self._specials()
        self._general()
        found = sorted(self.found, key=lambda q: q.start)
        return _share_range_units(self.text, _chinese_dates(self.text, found))

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def _add(self, span: tuple[int, int], value: Decimal, decimals: int, unit: str | None, comparator: str | None,
             kind: Kind) -> None:  # fmt: skip
        start, end = span
        o_start, o_end = self.origin[start], self.origin[end - 1] + 1
        self.found.append(Quantity(value, decimals, unit, comparator, self.text[o_start:o_end], o_start, o_end, kind))
        self.taken[start:end] = b"\x01" * (end - start)

    def _specials(self) -> None:
        f = self.folded
        for m in _DOCUMENT_NO_RE.finditer(f):
            if self._free(*m.span()):
                self._add(m.span("y"), Decimal(m["y"]), 0, None, None, "reference")
                self._add((m.start("n"), m.end()), Decimal(m["n"]), 0, "号", None, "reference")
        for pattern in (_PHONE_RE, _LABELLED_CODE_RE):
            for m in pattern.finditer(f):
                for group in ("a", "b"):
                    if group in m.groupdict() and m[group] and self._free(*m.span(group)):
                        self._add(m.span(group), Decimal(m[group]), 0, None, None, "reference")
        for m in _DATE_RE.finditer(f):
            if self._free(*m.span()):
                self._date(m)
        for m in _ORDINAL_RE.finditer(f):
            value = Decimal(m["n"]) if m["n"].isdigit() else chinese_to_decimal(m["n"])
            if value is not None and self._free(*m.span()):
                self._add(m.span(), value, 0, None, None, "ordinal")

    def _date(self, m: regex.Match[str]) -> None:
        iso = m["s"] is not None
        parts = [(key, unit) for key, unit in (("y", "年"), ("m", "月"), ("d", "日")) if m[key]]
        for i, (key, unit) in enumerate(parts):
            end = m.end(key)
            if not iso:  # the part runs to its unit character: 2020年 | 12月 | 31日
                end = m.start(parts[i + 1][0]) if i + 1 < len(parts) else m.end()
                while self.folded[end - 1] in " \t":
                    end -= 1
            self._add((m.start(key), end), Decimal(m[key]), 0, None if iso else unit, None, "date")

    def _general(self) -> None:
        pos = 0
        while (m := _NUMBER_RE.search(self.folded, pos)) is not None:
            pos = m.end()
            number = next(g for g in ("arabic", "cnpct", "cnpermille", "chinese") if m[g] is not None)
            if not self._free(m.start(number), m.end()):
                pos = m.start(number) + 1
            elif not self._read(m, number):
                # Not a figure (十分, 五六个): skip the numeral, but let a comparator word be read again.
                pos = m.end("chinese") if m["chinese"] else m.start() + 1

    def _read(self, m: regex.Match[str], number: str) -> bool:
        unit = unit_name(m["unit"] or m["punit"])  # 670.64（万元） as well as 670.64万元
        after_gap = m["unit"] and m.start("unit") > m.end(number) and not m["suffix"]
        if after_gap and _HAN.fullmatch(m["unit"]) and _HAN.match(self.folded, m.end("unit")):
            unit = None  # 69 单位领导 in text flattened from a table: a lone unit character after a gap starts a word
        if number == "arabic":
            value = Decimal(m["arabic"].replace(",", ""))
            decimals = _decimals(m["arabic"])
            value = -value if m["sign"] else value
        elif number in ("cnpct", "cnpermille"):
            read = chinese_to_decimal(m[number])
            if read is None:
                return False
            value, decimals, unit = read, _decimals(str(read)), "%" if number == "cnpct" else "‰"
        else:
            chinese = self._read_chinese(m, unit)
            if chinese is None:
                return False
            value, decimals, unit = chinese
        comparator = CMP_WORDS[m["cmp"].strip()] if m["cmp"] else None
        if m["suffix"]:
            comparator = comparator or CMP_SUFFIXES.get(m["suffix"], "≤")  # 内: 30日内
        end = m.end(number)
        if m["suffix"]:
            end = m.end()
        elif m["unit"] and unit:
            end = m.end("unit")
        elif m["punit"]:
            end = m.end("pclose")
        self._add((m.start(), end), value, decimals, unit, comparator, kind_of(unit, value, decimals))
        return True

    def _read_chinese(self, m: regex.Match[str], unit: str | None) -> tuple[Decimal, int, str | None] | None:
        run = m["chinese"]
        following = self.folded[m.end("chinese") : m.end("chinese") + 3]
        if any((run[-1] + following).startswith(idiom) or (run + following).startswith(idiom) for idiom in _CN_IDIOMS):
            return None
        if following.startswith("分之") or following.startswith("是"):
            return None  # 三分之一 is a fraction; 一是 an ordinal in running text
        # A trailing 万/亿 is the magnitude of the unit, as after Arabic digits: 五百万元 → 500 万元.
        head, last = run[:-1], run[-1:]
        splits = head and last in "万亿" and "点" not in head and not (unit and unit[0] in "万亿千百")
        if splits and chinese_to_decimal(head) is not None:
            return _chinese_value(head, last + (unit or ""))
        return _chinese_value(run, unit)


def _chinese_value(run: str, unit: str | None) -> tuple[Decimal, int, str | None] | None:
    value = chinese_to_decimal(run)
    if value is None:
        return None
    integer = run.partition("点")[0]
    if not any(c in CN_DIGITS for c in run) and integer[:1] not in ("十", "拾"):
        return None  # 千万 (an adverb), 百姓
    positional = all(c in CN_DIGITS for c in integer)
    if unit is None and (positional or len(run) < 2):
        return None  # a lone 一 or 二〇二〇 without a unit is part of a word
    return value, len(run.partition("点")[2]), unit_name(unit)


def _chinese_dates(text: str, found: list[Quantity]) -> list[Quantity]:
    """十二月三十一日: a day right after a month is a date, as 12月31日 is."""
    out = list(found)
    for i in range(1, len(out)):
        before, day = out[i - 1], out[i]
        if day.unit in ("日", "号") and before.kind == "date" and before.unit == "月" and before.end == day.start:
            out[i] = replace(day, kind="date")
    return out


def _share_range_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """80-90分, 1-12月: the first figure of a range takes the unit printed after the second."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        joined = _RANGE_JOINER.fullmatch(text[first.end : second.start])
        if joined and first.unit is None and first.kind == "number" and second.unit and second.kind != "reference":
            out[i] = replace(first, unit=second.unit, kind=kind_of(second.unit, first.value, first.decimals))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, in order, with spans into `text` itself (not into its normalised form).

    Dates (2020年12月31日), phone numbers, postcodes, document numbers (财预〔2020〕10号) and ordinals
    ((1), 一是, 第18) are returned too, with `kind` date/reference/ordinal, so callers can skip them.
    """
    return _Scanner(text).run()


_ACCOUNTING_RE = regex.compile(
    r"\s*[(（]\s*(?P<number>" + _ARABIC + r")\s*" + UNIT_RE + r"?\s*[)）]\s*(?P<outer>" + UNIT_BODY + r")?\s*"
)


def _accounting_negative(text: str) -> Quantity | None:
    """A cell that is only a parenthesised number, （12.5） or （12.5）万元: an accounting negative."""
    folded, origin = reading_fold(text)
    m = _ACCOUNTING_RE.fullmatch(folded)
    if m is None or (m["unit"] and m["outer"]):
        return None
    value = -Decimal(m["number"].replace(",", ""))
    unit = unit_name(m["unit"] or m["outer"])
    decimals = _decimals(m["number"])
    start = origin[len(folded) - len(folded.lstrip())]
    end = origin[len(folded.rstrip()) - 1] + 1
    return Quantity(value, decimals, unit, None, text[start:end], start, end, kind_of(unit, value, decimals))


def parse_quantity(text: str | None) -> Quantity | None:
    """The first figure in `text` that is a measure (not a date, code or ordinal), with unit and comparator.

    A cell holding only a parenthesised number, （12.5）, is an accounting negative.
    """
    if is_not_given(text):
        return None
    assert text is not None
    negative = _accounting_negative(text)
    if negative is not None:
        return negative
    return next((q for q in find_quantities(text) if q.kind not in _SKIPPED_KINDS), None)


# ---------------------------------------------------------------------------------------------------------------------
# Converting

_EXACT = Context(prec=200)  # products of printed figures and powers of ten are never rounded


_LABEL_UNIT_RE = regex.compile(
    r"[(（][ \t]*(?:(?:金额)?单位[ \t]*[:：][ \t]*)?(?P<u>万亿元|亿元|万元|千元|元|%|百分比)[ \t]*[)）]"
    r"|(?:金额)?单位[ \t]*[:：][ \t]*(?P<u>万亿元|亿元|万元|千元|元|%)"
)


def label_unit(label: str) -> str | None:
    """The unit a label or header states for the figures under it: 项目资金（万元）, 金额单位：元, 执行率(%)."""
    m = _LABEL_UNIT_RE.search(reading_fold(label)[0])
    return m["u"] if m else None


def to_yuan(q: Quantity, default_unit: str = "元") -> Decimal:
    """The amount in yuan, exact: 万元 ×10⁴, 亿元 ×10⁸; a figure without a unit is in `default_unit`."""
    unit = (q.unit or default_unit).split("/")[0]
    if unit not in MONEY_UNITS:
        raise ValueError(f"{q.text!r} is not an amount of money (unit {unit!r})")
    return _EXACT.multiply(q.value, MONEY_UNITS[unit])


def scaled(q: Quantity) -> tuple[Decimal, str | None]:
    """The value with a magnitude in its unit applied: 2.5万人次 → (25000, 人次); 670.64万元 → (6706400, 元)."""
    unit = q.unit or ""
    if unit.startswith(("千米", "千克", "千瓦")):
        return q.value, q.unit
    for magnitude, factor in MAGNITUDES.items():
        if unit.startswith(magnitude):
            return _EXACT.multiply(q.value, factor), unit.removeprefix(magnitude) or None
    return q.value, q.unit


def money(text: str | None, default_unit: str = "元") -> Money | None:
    """The first amount of money in `text`, in yuan, with its resolution; None when none is given.

    A figure without a unit is taken in `default_unit` (the unit a table header states, e.g. 万元).
    Counts, percentages, dates and codes are passed over.
    """
    if default_unit not in MONEY_UNITS:
        raise ValueError(f"{default_unit!r} is not a unit of money")
    if is_not_given(text):
        return None
    assert text is not None
    negative = _accounting_negative(text)
    for quantity in [negative] if negative is not None else find_quantities(text):
        if quantity.kind in ("money", "number"):
            multiplier = MONEY_UNITS[(quantity.unit or default_unit).split("/")[0]]
            return Money(_EXACT.multiply(quantity.value, multiplier), quantity.resolution * multiplier, quantity)
    return None


def percent(text: str | None, fraction_ok: bool = False) -> Percent | None:
    """The first percentage in `text` as its percent value: 91.76% → 91.76, 100百分比 → 100, 5‰ → 0.5.

    With `fraction_ok` (a cell where a rate is expected) a bare number up to 1 is a fraction:
    1 → 100, 0.9176 → 91.76; a bare number above 1 is a percent value already (95 → 95).
    """
    if is_not_given(text):
        return None
    assert text is not None
    for quantity in find_quantities(text):
        if quantity.unit in ("%", "百分比", "百分点"):
            return Percent(quantity.value, quantity.resolution, quantity)
        if quantity.unit == "‰":
            return Percent(quantity.value.scaleb(-1), quantity.resolution.scaleb(-1), quantity)
        if fraction_ok and quantity.kind == "number":
            if quantity.value <= 1:
                return Percent(_digits(quantity.value.scaleb(2)), quantity.resolution.scaleb(2), quantity)
            return Percent(quantity.value, quantity.resolution, quantity)
    return None


def count(text: str | None) -> Quantity | None:
    """The first count in `text` ("36个", "三十六个", "55人/次") or bare number; None when money or a
    percentage comes first."""
    if is_not_given(text):
        return None
    assert text is not None
    for quantity in find_quantities(text):
        if quantity.kind in ("count", "number"):
            return quantity
        if quantity.kind not in _SKIPPED_KINDS:
            return None
    return None


_CMP_BEFORE_RE = regex.compile(r"(" + alternation(list(CMP_WORDS)) + r")[\p{Han} \t]{0,8}$")


def parse_target(text: str | None) -> Target | None:
    """A comparison target: "≥95%", "≤90万元", "不少于12种", "至少全年完成2次", "90%以上", "═100%", "≧".

    The comparator word may stand a few characters before its figure (至少全年完成2次). None when the
    text holds neither a figure nor a comparator (完成, 好).
    """
    if is_not_given(text):
        return None
    assert text is not None
    repaired = _ocr_repaired_target(text)
    if repaired is not None:
        return repaired
    quantity = parse_quantity(text)
    folded, _ = reading_fold(text)
    if quantity is None:
        lone = folded.strip()
        return Target(CMP_WORDS[lone], None, None, None, text.strip()) if lone in CMP_WORDS else None
    comparator = quantity.comparator
    if comparator is None:
        before = reading_fold(text[: quantity.start])[0]
        m = _CMP_BEFORE_RE.search(before)
        comparator = CMP_WORDS[m[1]] if m else None
    return Target(comparator, quantity.value, quantity.unit, quantity.decimals, quantity.text, quantity)


# OCR reads ≥ as 到 or 第 and ≤ as W (domain rules §4); only a target cell that is nothing but sign and figure
# is repaired, and 第 only before a percentage, where it can be no ordinal.
_OCR_SIGN_RE = regex.compile(r"\s*(?P<sign>[到第W])[ \t]*(?P<figure>\S.*?)\s*")


def _ocr_repaired_target(text: str) -> Target | None:
    folded, origin = reading_fold(text)
    m = _OCR_SIGN_RE.fullmatch(folded)
    if m is None:
        return None
    offset = origin[m.start("figure")]
    quantity = parse_quantity(text[offset:])
    if quantity is None or quantity.comparator is not None or quantity.start != 0:
        return None
    if text[offset + quantity.end :].strip() or (m["sign"] == "第" and quantity.unit not in ("%", "百分比")):
        return None
    quantity = replace(quantity, start=quantity.start + offset, end=quantity.end + offset)
    comparator = "≤" if m["sign"] == "W" else "≥"
    target_text = text.strip()
    return Target(comparator, quantity.value, quantity.unit, quantity.decimals, target_text, quantity, True)


_NOT_GIVEN_WORDS = frozenset({"无", "暂无", "不适用", "不涉及", "n/a", "na", "null", "none"})
_NOT_GIVEN_MARKS = regex.compile(r"[\s\-—–―─/\\_…·.]*")


def is_not_given(text: str | None) -> bool:
    """True for blank, —, –, -, /, ／, 无, 不适用: the figure is not given. "0" is a value."""
    if text is None:
        return True
    folded = normalise_text(text).strip()
    return folded.lower() in _NOT_GIVEN_WORDS or _NOT_GIVEN_MARKS.fullmatch(folded) is not None


def tolerance(resolution: Decimal, floor: Decimal = Decimal(0)) -> Decimal:
    """Half a unit of the last printed digit, at least `floor`."""
    return max(resolution / 2, Decimal(floor))


def yuan_string(yuan: Decimal) -> str:
    """Money as the contract prints it: yuan with two decimals ("6706400.00")."""
    amount = _EXACT.quantize(yuan, Decimal("0.01"))
    return str(amount.copy_abs() if amount.is_zero() else amount)  # never "-0.00"


def _digits(value: Decimal) -> Decimal:
    """1E+2 → 100, so that str() prints digits as a person would."""
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]
