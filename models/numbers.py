"""The one place where printed figures are understood: 万元/元/亿元, full-width digits, Chinese numerals,
percentages and fractions, comparison targets, "not given" markers, and the precision each figure was printed with.

Everything is `Decimal`. A `Quantity` keeps the number as printed in its printed unit; `money`, `percent`
and `count` turn it into the value a rule compares, with the resolution of its last printed digit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

import regex

from models.cnnum import DIGITS as CN_DIGITS
from models.cnnum import NUMERAL_CHARS as CN_NUMERAL_CHARS
from models.cnnum import chinese_to_decimal
from models.textfold import fold, normalise_text

__all__ = [
    "MONEY_UNITS",
    "PERCENT_UNITS",
    "Money",
    "Percent",
    "Quantity",
    "Target",
    "chinese_to_decimal",
    "count",
    "find_quantities",
    "is_not_given",
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
    kind: str = "number"
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


# ---------------------------------------------------------------------------------------------------------------------
# Vocabulary

MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10**12),
    "亿": Decimal(10**8),
    "千万": Decimal(10**7),
    "百万": Decimal(10**6),
    "万": Decimal(10**4),
    "千": Decimal(10**3),
}
MONEY_UNITS: dict[str, Decimal] = (
    {"元": Decimal(1)}
    | {f"{m}元": v for m, v in MAGNITUDES.items()}
    | {m: v for m, v in MAGNITUDES.items() if m != "千"}  # 2.5万 is money; 3千 alone is not said of amounts
)
PERCENT_UNITS = frozenset({"%", "百分比", "百分点", "‰"})
_FOREIGN_CURRENCIES = "美元|欧元|港元|港币|日元|英镑"
_MAGNITUDE_RE = "万亿|千万|百万|万|亿|千"

# fmt: off
# Units a figure may carry after an optional magnitude (万人次). Longer spellings first: 人次 before 人, 个月 before 个.
_COUNT_UNITS = sorted(
    [
        "个月", "个", "人次", "台次", "车次", "班次", "架次", "户次", "批次", "人", "次", "种", "份", "篇",
        "例", "台", "套", "件", "项", "家", "户", "所", "名", "辆", "处", "场", "期", "批", "册", "本", "部", "方",
        "张", "条", "座", "间", "栋", "幢", "块", "株", "棵", "头", "只", "匹", "门", "节", "课时", "学时",
        "小时", "分钟", "秒", "天", "日", "周", "月", "年", "季度", "公里", "千米", "厘米", "米", "km",
        "平方公里", "平方米", "平米", "㎡", "亩", "公顷", "吨", "千克", "公斤", "斤", "kg", "立方米", "岁",
        "分", "倍", "号", "届", "轮", "宗", "笔", "单", "孔", "口", "眼", "盏", "床", "人日", "工日", "元", "类",
        "位", "组", "支", "个工作日", "工作日", "个次", "人月", "辆次", "册次", "卷", "页", "字", "平方",
        "座次", "课", "班", "园",
    ],
    key=len,
    reverse=True,
)
# fmt: on
# A unit character that starts a common word is no unit there: 69 单位领导, 一部分, 三方面, 3处理.
# fmt: off
_UNIT_GUARDS = {
    "单": "位价据元", "名": "称单额", "处": "理置室长", "条": "件例款", "期": "间末初限望", "场": "所地景",
    "所": "有属在得以需", "方": "面案式法向针位便可能", "口": "径号头", "本": "级年地单部次", "部": "分署门",
    "门": "户槛诊类", "头": "脑等", "家": "庭长属", "节": "约点能", "只": "有是要能", "次": "数要序",
    "分": "之别析配类管享解值", "人": "民员", "周": "边期转围", "号": "召",
}
# fmt: on
_COUNT_UNIT_RE = "|".join(
    regex.escape(u) + (f"(?![{_UNIT_GUARDS[u]}])" if u in _UNIT_GUARDS else "") for u in _COUNT_UNITS
)
_PER = r"(?:/(?:人次|人|次|吨|天|日|月|年|亩|平方米|㎡|个|件|台|套|公里|米|千克|kg|户|生|床|小时))?"
_UNIT_BODY = (
    r"(?:%|‰|个?百分点|百分比"
    r"|(?:千克|千米|千瓦时|千瓦)" + _PER + r"|(?:" + _MAGNITUDE_RE + r")?(?:元)?人民币"
    r"|(?:" + _MAGNITUDE_RE + r")?(?:" + _FOREIGN_CURRENCIES + r")"
    r"|(?:" + _MAGNITUDE_RE + r")?(?:" + _COUNT_UNIT_RE + r")" + _PER + r"(?!之)"
    r"|万亿|千万|百万|万|亿)"
)
_UNIT_RE = r"(?P<unit>" + _UNIT_BODY + ")"


def _words(table: str) -> dict[str, str]:
    """`≥: 不少于 至少` lines → {"不少于": "≥", "至少": "≥"}."""
    pairs = (line.split(":", 1) for line in table.strip().splitlines())
    return {word: symbol.strip() for symbol, words in pairs for word in words.split()}


_CMP_WORDS = _words("""
    ≥: ≥ >= 大于或等于 大于等于 不少于 不低于 不小于 不短于 至少 达到
    ≤: ≤ <= 小于或等于 小于等于 不超过 未超过 不高于 不大于 不多于 不长于 最多
    =: = 等于
    >: > 高于 大于 超过 多于 逾
    <: < 低于 小于 少于 不足
""")
# "X以下" means below X (the contract's target.tier_order: 中 85%, 差 85%以下); 以上 and 以内 include X.
_CMP_SUFFIXES = _words("""
    ≥: 及以上 以上(含) 以上（含） (含)以上 （含）以上 以上
    ≤: 及以下 以下(含) 以下（含） (含)以下 （含）以下 以内 之内
    <: 以下
""")


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_SUFFIX_RE = r"(?P<suffix>" + _alternation(list(_CMP_SUFFIXES)) + r"|内(?![容部涵在存设置地外网务控])" + r")?"
_CN = "[" + regex.escape(CN_NUMERAL_CHARS) + "]"
_CN_DECIMAL = r"(?:点[" + regex.escape("".join(CN_DIGITS)) + r"]+)?"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NOT_AFTER = r"(?<![\dA-Za-z])(?<!\d\.)"  # never start inside 512.02, V2, or after a digit
_NUMBER_RE = regex.compile(
    r"(?P<cmp>(?:" + _alternation(list(_CMP_WORDS)) + r")[ \t]*)?"
    r"(?:(?P<sign>(?<![0-9A-Za-z%)）][ \t]*)-)?" + _NOT_AFTER + r"(?P<arabic>" + _ARABIC + r")(?!\d)"
    r"|百分之(?P<cnpct>" + _CN + r"+" + _CN_DECIMAL + r")"
    r"|千分之(?P<cnpermille>" + _CN + r"+" + _CN_DECIMAL + r")"
    r"|(?P<chinese>" + _CN + r"+" + _CN_DECIMAL + r"))"
    r"(?:[ \t]*" + _UNIT_RE + r")?" + _SUFFIX_RE
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
_ORDINAL_RE = regex.compile(
    r"第[ \t]*(?P<n>\d+|" + _CN + r"+)"
    r"|[（(][ \t]*(?P<n>\d{1,3}|" + _CN + r"{1,3})[ \t]*[）)]"
    r"|(?:^|(?<=[\s。；;:：,，)）]))(?:(?P<n>\d{1,2})[ \t]*(?:、|\.(?!\d))|(?P<n>" + _CN + r"{1,3})[ \t]*[、是])"
)
_RANGE_JOINER = regex.compile(r"[ \t]*[-~—至到][ \t]*")
# Words in which numeral characters are not a figure though a unit character follows (十分重要, 一次性补助).
_CN_IDIOMS = ("十分", "一次性", "一方面", "万一", "一分为二", "三公", "一日游", "一门心思", "一口气")
_SKIPPED_KINDS = ("date", "reference", "ordinal")


def _decimals(number: str) -> int:
    _, dot, fraction = number.partition(".")
    return len(fraction) if dot else 0


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    if raw == "人/次":
        return "人次"
    if raw.endswith("百分点"):
        return "百分点"
    if raw.endswith("人民币"):
        return raw.removesuffix("人民币").removesuffix("元") + "元"  # 万元人民币, 万人民币 → 万元
    return raw


def _kind(unit: str | None, value: Decimal, decimals: int) -> str:
    if unit is None:
        return "number"
    if unit.split("/")[0] in MONEY_UNITS:
        return "money"
    if unit in PERCENT_UNITS:
        return "percent"
    if regex.search(_FOREIGN_CURRENCIES, unit):
        return "foreign_money"
    if unit == "年" and decimals == 0 and 1900 <= value <= 2100:
        return "date"
    if unit == "月" and decimals == 0 and 1 <= value <= 12:
        return "date"
    return "count"


# ---------------------------------------------------------------------------------------------------------------------
# Reading


# Traditional forms of the characters figures are read by (units, comparators, 点), mapped one to one so that
# spans still hold; only the reading uses them, the text itself is not converted.
_TRADITIONAL = str.maketrans(
    "萬億個項種臺於達過內歲時鐘點門張條間棟塊頭節課頃筆單盞類組冊頁園處場輛噸畝戶週幣貨",
    "万亿个项种台于达过内岁时钟点门张条间栋块头节课顷笔单盏类组册页园处场辆吨亩户周币货",
)


def _read_fold(text: str) -> tuple[str, list[int]]:
    folded, origin = fold(text)
    return folded.translate(_TRADITIONAL), origin


class _Scanner:
    """Reads every figure of one string; dates, codes and ordinals claim their spans first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.origin = _read_fold(text)
        self.taken: list[tuple[int, int]] = []
        self.found: list[Quantity] = []

    def run(self) -> list[Quantity]:
        self._specials()
        self._general()
        found = sorted(self.found, key=lambda q: q.start)
        return _share_range_units(self.text, found)

    def _free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def _add(self, span: tuple[int, int], value: Decimal, decimals: int, unit: str | None, comparator: str | None,
             kind: str) -> None:  # fmt: skip
        start, end = span
        o_start, o_end = self.origin[start], self.origin[end - 1] + 1
        self.found.append(Quantity(value, decimals, unit, comparator, self.text[o_start:o_end], o_start, o_end, kind))
        self.taken.append(span)

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
        unit = _unit(m["unit"])
        gap = unit and len(unit) == 1 and m.start("unit") > m.end(number) and not m["suffix"]
        if gap and regex.match(r"\p{Han}", self.folded[m.end("unit") : m.end("unit") + 1]):
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
        comparator = _CMP_WORDS[m["cmp"].strip()] if m["cmp"] else None
        if m["suffix"]:
            comparator = comparator or _CMP_SUFFIXES.get(m["suffix"], "≤")  # 内: 30日内
        end = m.end() if m["suffix"] else m.end("unit") if m["unit"] and unit else m.end(number)
        self._add((m.start(), end), value, decimals, unit, comparator, _kind(unit, value, decimals))
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
    return value, len(run.partition("点")[2]), _unit(unit)


def _share_range_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """80-90分, 1-12月: the first figure of a range takes the unit printed after the second."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        joined = _RANGE_JOINER.fullmatch(text[first.end : second.start])
        if joined and first.unit is None and first.kind == "number" and second.unit and second.kind != "reference":
            out[i] = replace(first, unit=second.unit, kind=_kind(second.unit, first.value, first.decimals))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, in order, with spans into `text` itself (not into its normalised form).

    Dates (2020年12月31日), phone numbers, postcodes, document numbers (财预〔2020〕10号) and ordinals
    ((1), 一是, 第18) are returned too, with `kind` date/reference/ordinal, so callers can skip them.
    """
    return _Scanner(text).run()


_ACCOUNTING_RE = regex.compile(
    r"\s*[(（]\s*(?P<number>" + _ARABIC + r")\s*" + _UNIT_RE + r"?\s*[)）]\s*(?P<outer>" + _UNIT_BODY + r")?\s*"
)


def _accounting_negative(text: str) -> Quantity | None:
    """A cell that is only a parenthesised number, （12.5） or （12.5）万元: an accounting negative."""
    folded, origin = _read_fold(text)
    m = _ACCOUNTING_RE.fullmatch(folded)
    if m is None or (m["unit"] and m["outer"]):
        return None
    value = -Decimal(m["number"].replace(",", ""))
    unit = _unit(m["unit"] or m["outer"])
    decimals = _decimals(m["number"])
    start = origin[len(folded) - len(folded.lstrip())]
    end = origin[len(folded.rstrip()) - 1] + 1
    return Quantity(value, decimals, unit, None, text[start:end], start, end, _kind(unit, value, decimals))


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


def to_yuan(q: Quantity, default_unit: str = "元") -> Decimal:
    """The amount in yuan, exact: 万元 ×10⁴, 亿元 ×10⁸; a figure without a unit is in `default_unit`."""
    unit = (q.unit or default_unit).split("/")[0]
    if unit not in MONEY_UNITS:
        raise ValueError(f"{q.text!r} is not an amount of money (unit {unit!r})")
    return q.value * MONEY_UNITS[unit]


def scaled(q: Quantity) -> tuple[Decimal, str | None]:
    """The value with a magnitude in its unit applied: 2.5万人次 → (25000, 人次); 670.64万元 → (6706400, 元)."""
    unit = q.unit or ""
    if unit.startswith(("千米", "千克", "千瓦")):
        return q.value, q.unit
    for magnitude, factor in MAGNITUDES.items():
        if unit.startswith(magnitude):
            return q.value * factor, unit.removeprefix(magnitude) or None
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
            return Money(quantity.value * multiplier, quantity.resolution * multiplier, quantity)
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


def parse_target(text: str | None) -> Target | None:
    """A comparison target: "≥95%", "≤90万元", "不少于12种", "至少全年完成2次", "90%以上", "═100%", "≧".

    The comparator word may stand a few characters before its figure (至少全年完成2次). None when the
    text holds neither a figure nor a comparator (完成, 好).
    """
    if is_not_given(text):
        return None
    assert text is not None
    quantity = parse_quantity(text)
    folded, _ = _read_fold(text)
    if quantity is None:
        lone = folded.strip()
        return Target(_CMP_WORDS[lone], None, None, None, text.strip()) if lone in _CMP_WORDS else None
    comparator = quantity.comparator
    if comparator is None:
        before = _read_fold(text[: quantity.start])[0]
        m = regex.search(r"(" + _alternation(list(_CMP_WORDS)) + r")[\p{Han} \t]{0,8}$", before)
        comparator = _CMP_WORDS[m[1]] if m else None
    return Target(comparator, quantity.value, quantity.unit, quantity.decimals, quantity.text, quantity)


_NOT_GIVEN_WORDS = frozenset({"无", "不适用", "不涉及", "n/a", "na", "null", "none"})
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
    return str(yuan.quantize(Decimal("0.01")))


def _digits(value: Decimal) -> Decimal:
    """1E+2 → 100, so that str() prints digits as a person would."""
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]
