"""The one place where printed figures are understood: 万元/元/亿元, full-width digits, Chinese numerals,
percentages and fractions, comparison targets, "not given" markers, and the precision each figure was printed with.

Everything is `Decimal`. A `Quantity` keeps the number as printed in its printed unit; `money`, `percent`
and `count` turn it into the value a rule compares, with the resolution of its last printed digit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import regex

from models.cnnum import DIGITS as CN_DIGITS
from models.cnnum import NUMERAL_CHARS as CN_NUMERAL_CHARS
from models.cnnum import chinese_to_decimal

__all__ = [
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
    "to_yuan",
    "tolerance",
    "yuan_string",
]

# ---------------------------------------------------------------------------------------------------------------------
# Text folding


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
# Chinese punctuation whose NFKC form (ASCII) would lose what it means in running text: a full-width comma after
# ASCII digits ends a clause (共3个，120人), it does not group thousands.
_KEEP = frozenset("，：；（）！？")
# CJK Radicals Supplement look-alikes that PDF text layers emit for ordinary ideographs (NFKC handles Kangxi radicals).
_RADICALS = dict(
    zip(
        "⺁⺄⺅⺆⺇⺉⺊⺋⺌⺍⺎⺐⺒⺓⺔⺕⺖⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺲⺶⺷⺹⺺⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
        "厂乙亻冂几刂卜㔾小小兀尢巳幺彑彐忄扌攵旡日月歺母民氵氺灬爫丬牛犭王疋罒示礻竹糹纟罒羊羊耂聿月臼艹艹艹虎衤覀西见角角讠贝足车辶辶辶阝钅長镸长门阝雨青韦页风飞食飠饣首马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
        strict=True,
    )
)
_MINUS_SIGNS = {"−": "-", "–": "–", "﹣": "-", "－": "-"}
_LOOKALIKE = {"═": "=", "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "﹪": "%", "﹦": "=", "．": "."}


def _fold_char(char: str, before: str, after: str) -> str:
    if char in _ZERO_WIDTH:
        return ""
    if char in _RADICALS:
        return _RADICALS[char]
    if char == "，" and _is_wide_digit(before) and _is_wide_digit(after):
        return ","  # ７，８００ groups thousands
    if char in _KEEP:
        return char
    if char in _LOOKALIKE:
        return _LOOKALIKE[char]
    if char in _MINUS_SIGNS:
        return _MINUS_SIGNS[char]
    if char == "\u3000":
        return " "
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char  # ㎡, …, ⑴ keep their shape: they are units, punctuation or ordinals, not text to re-read
    if folded.isdigit() and not char.isdecimal():
        return char  # ①, ², ⒈ are ordinals or superscripts, not digits
    return folded


def _is_wide_digit(char: str) -> bool:
    return "０" <= char <= "９"


def _fold(text: str) -> tuple[str, list[int]]:
    """`text` folded for reading numbers, and for each folded character the index it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        folded = _fold_char(char, before, after)
        out.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def normalise_text(text: str) -> str:
    """Text as it is read: NFKC (full-width digits, ％, ．, letters), radical look-alikes → ideographs,
    comparator look-alikes (≧ ═ ﹦) → ≥ =, zero-width characters removed.

    Chinese punctuation that carries meaning stays as it is (，：；（）), except a full-width comma between
    full-width digits, which groups thousands. Circled and parenthesised numbers (①, ⑴) stay ordinals.
    """
    return _fold(text)[0]


# ---------------------------------------------------------------------------------------------------------------------
# Values


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
    """money, percent, count, date, reference (phone, postcode, document number), ordinal, or number (no unit)."""

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


MAGNITUDES: dict[str, Decimal] = {
    "万": Decimal(10**4),
    "亿": Decimal(10**8),
    "千万": Decimal(10**7),
    "百万": Decimal(10**6),
    "十万": Decimal(10**5),
    "千": Decimal(10**3),
    "万亿": Decimal(10**12),
}
MONEY_UNITS: dict[str, Decimal] = (
    {"元": Decimal(1)}
    | {f"{m}元": v for m, v in MAGNITUDES.items()}
    | {m: v for m, v in MAGNITUDES.items() if m != "千"}
)
PERCENT_UNITS = frozenset({"%", "百分比", "百分点", "‰"})

# Base units a figure may carry. Longer spellings first so that 人次 wins over 人 and 个月 over 个.
# fmt: off
_COUNT_UNITS = sorted(
    [
        "个月", "个", "人次", "台次", "车次", "班次", "架次", "户次", "批次", "人", "次", "种", "份", "篇",
        "例", "台", "套", "件", "项", "家", "户", "所", "名", "辆", "处", "场", "期", "批", "册", "本", "部",
        "张", "条", "座", "间", "栋", "幢", "块", "株", "棵", "头", "只", "匹", "门", "节", "课时", "学时",
        "小时", "分钟", "秒", "天", "日", "周", "月", "年", "季度", "公里", "千米", "厘米", "米", "km",
        "平方公里", "平方米", "平米", "㎡", "亩", "公顷", "吨", "千克", "公斤", "斤", "kg", "立方米", "方",
        "岁", "分", "倍", "号", "届", "轮", "宗", "笔", "单", "孔", "口", "眼", "盏", "座次", "床", "间次",
        "人日", "工日", "元",
    ],
    key=len,
    reverse=True,
)
# fmt: on
_PER_UNIT = "人|次|吨|天|日|月|年|亩|平方米|㎡|个|件|台|套|公里|米|千克|kg|户|生|床|人次|小时"
_UNIT_RE = (
    r"(?P<unit>"
    r"%|‰|个?百分点|百分比"
    r"|(?:千克|千米|千瓦时?)(?:/(?:" + _PER_UNIT + r"))?"
    r"|(?:万亿|千万|百万|十万|万|亿|千)?(?:" + "|".join(regex.escape(u) for u in _COUNT_UNITS) + r")"
    r"(?:/(?:" + _PER_UNIT + r"))?"
    r"|万亿|千万|百万|万|亿"
    r")"
)

_CMP_WORDS: dict[str, str] = {
    "大于或等于": "≥",
    "大于等于": "≥",
    "不少于": "≥",
    "不低于": "≥",
    "不小于": "≥",
    "不短于": "≥",
    "至少": "≥",
    "达到": "≥",
    "≥": "≥",
    ">=": "≥",
    "小于或等于": "≤",
    "小于等于": "≤",
    "不超过": "≤",
    "未超过": "≤",
    "不高于": "≤",
    "不大于": "≤",
    "不多于": "≤",
    "不长于": "≤",
    "最多": "≤",
    "≤": "≤",
    "<=": "≤",
    "等于": "=",
    "=": "=",
    "高于": ">",
    "大于": ">",
    "超过": ">",
    "多于": ">",
    ">": ">",
    "低于": "<",
    "小于": "<",
    "少于": "<",
    "不足": "<",
    "<": "<",
}
# "X以下" means below X (the contract's target.tier_order: 中 85%, 差 85%以下); 以上/以内 include X.
_CMP_SUFFIXES: dict[str, str] = {
    "及以上": "≥",
    "以上(含)": "≥",
    "以上（含）": "≥",
    "(含)以上": "≥",
    "（含）以上": "≥",
    "以上": "≥",
    "及以下": "≤",
    "以下(含)": "≤",
    "以下（含）": "≤",
    "(含)以下": "≤",
    "（含）以下": "≤",
    "以下": "<",
    "以内": "≤",
    "之内": "≤",
    "内": "≤",
}


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_CN_CHARS = regex.escape(CN_NUMERAL_CHARS)
_CN_DIGIT_CHARS = regex.escape("".join(CN_DIGITS))
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER_RE = regex.compile(
    r"(?P<cmp>(?:" + _alternation(list(_CMP_WORDS)) + r")[ \t]*)?"
    r"(?:"
    r"(?P<sign>(?<![0-9A-Za-z%)）])-[ \t]*)?(?<![\d.A-Za-z])(?P<arabic>" + _ARABIC + r")(?![\d])"
    r"|百分之(?P<cnpct>[" + _CN_CHARS + r"]+(?:点[" + _CN_DIGIT_CHARS + r"]+)?)"
    r"|(?P<chinese>[" + _CN_CHARS + r"]+(?:点[" + _CN_DIGIT_CHARS + r"]+)?)"
    r")"
    r"(?:[ \t]*" + _UNIT_RE + r")?"
    r"(?P<suffix>" + _alternation(list(_CMP_SUFFIXES)) + r")?",
)

_DATE_RE = regex.compile(
    r"(?<![\d.])(?P<y>\d{4})[ \t]*年(?:[ \t]*(?P<m>\d{1,2})[ \t]*月(?:[ \t]*(?P<d>\d{1,2})[ \t]*[日号])?)?"
    r"|(?<![\d.])(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*[日号]"
    r"|(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.])"
)
_DOCUMENT_NO_RE = regex.compile(r"[〔\[［【(（][ \t]*(?P<y>\d{4})[ \t]*[〕\]］】)）][ \t]*第?[ \t]*(?P<n>\d+)[ \t]*号")
_PHONE_RE = regex.compile(
    r"(?<![\d.])(?P<a>0\d{2,3})[ \t]*[-－—][ \t]*(?P<b>\d{7,8})(?![\d.])|(?<![\d.])(?P<b>1[3-9]\d{9})(?![\d.])"
)
_LABELLED_CODE_RE = regex.compile(
    r"(?:电话|手机|传真|邮编|邮政编码|联系方式|账号|帐号|编号|代码)[ \t]*[:：]?[ \t]*(?P<b>\d{5,})(?![\d.])"
)
_ORDINAL_RE = regex.compile(
    r"第[ \t]*(?P<n>\d+|[" + _CN_CHARS + r"]+)"
    r"|[（(][ \t]*(?P<n>\d{1,3}|[" + _CN_CHARS + r"]{1,3})[ \t]*[）)]"
    r"|(?:^|(?<=[\s。；;:：,，)）]))(?P<n>\d{1,2}|[" + _CN_CHARS + r"]{1,3})[ \t]*(?:、|\.(?!\d)|是)"
)
# Words in which a numeral character is not a number, checked where a lone character meets a unit.
_CN_IDIOMS = ("十分", "一次性", "一方面", "万一", "一分为二", "三公", "一日游")


def _decimals(number: str) -> int:
    _, dot, fraction = number.partition(".")
    return len(fraction) if dot else 0


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    if raw == "人/次":
        return "人次"
    if raw.startswith("个百分点"):
        return "百分点"
    return raw


def _kind(unit: str | None, value: Decimal, decimals: int) -> str:
    if unit is None:
        return "number"
    if unit in MONEY_UNITS or unit.split("/")[0] in MONEY_UNITS:
        return "money"
    if unit in PERCENT_UNITS:
        return "percent"
    if unit == "年" and decimals == 0 and 1900 <= value <= 2100:
        return "date"
    if unit == "月" and decimals == 0 and 1 <= value <= 12:
        return "date"
    return "count"


class _Scanner:
    """Reads every figure of one string; specials (dates, codes, ordinals) claim their spans first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.origin = _fold(text)
        self.taken: list[tuple[int, int]] = []
        self.found: list[Quantity] = []

    def run(self) -> list[Quantity]:
        self._specials()
        self._general()
        return sorted(self.found, key=lambda q: (q.start, q.end))

    def _free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def _add(self, start: int, end: int, value: Decimal, decimals: int, unit: str | None, comparator: str | None,
             kind: str) -> Quantity:  # fmt: skip
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        quantity = Quantity(value, decimals, unit, comparator, self.text[o_start:o_end], o_start, o_end, kind)
        self.found.append(quantity)
        self.taken.append((start, end))
        return quantity

    def _specials(self) -> None:
        f = self.folded
        for m in _DOCUMENT_NO_RE.finditer(f):
            if self._free(m.start(), m.end()):
                self._add(m.start("y"), m.end("y"), Decimal(m["y"]), 0, None, None, "reference")
                self._add(m.start("n"), m.end(), Decimal(m["n"]), 0, "号", None, "reference")
        for m in _PHONE_RE.finditer(f):
            if self._free(m.start(), m.end()):
                if m["a"]:
                    self._add(m.start("a"), m.end("a"), Decimal(m["a"]), 0, None, None, "reference")
                self._add(m.start("b"), m.end("b"), Decimal(m["b"]), 0, None, None, "reference")
        for m in _LABELLED_CODE_RE.finditer(f):
            if self._free(m.start("b"), m.end("b")):
                self._add(m.start("b"), m.end("b"), Decimal(m["b"]), 0, None, None, "reference")
        for m in _DATE_RE.finditer(f):
            if not self._free(m.start(), m.end()):
                continue
            iso = m["s"] is not None
            parts = [("y", "年"), ("m", "月"), ("d", "日")]
            spans = [(key, unit) for key, unit in parts if m[key]]
            for idx, (key, unit) in enumerate(spans):
                # The unit character ends this part's span: it runs to where the next part starts.
                end = m.start(spans[idx + 1][0]) if idx + 1 < len(spans) else m.end()
                end = m.end(key) if iso else end
                text_end = end
                while not iso and text_end > m.end(key) and f[text_end - 1] in " \t":
                    text_end -= 1
                self._add(m.start(key), text_end, Decimal(m[key]), 0, None if iso else unit, None, "date")
        for m in _ORDINAL_RE.finditer(f):
            if not self._free(m.start(), m.end()):
                continue
            raw = m["n"]
            value = Decimal(raw) if raw.isdigit() else chinese_to_decimal(raw)
            if value is None:
                continue
            self._add(m.start(), m.end(), value, 0, None, None, "ordinal")

    def _general(self) -> None:
        f = self.folded
        pos = 0
        while True:
            m = _NUMBER_RE.search(f, pos)
            if m is None:
                return
            pos = m.end() if m.end() > m.start() else m.start() + 1
            number_start = m.start("arabic") if m["arabic"] else m.start("chinese") if m["chinese"] else m.start()
            if not self._free(number_start, m.end()):
                # A comparator word or unit may run into a taken span; retry from after the number start.
                pos = number_start + 1
                continue
            if self._read(m) is None:
                # Not a figure (十分, 五六个): skip the numeral, but let a comparator word's characters be re-read.
                pos = m.end("chinese") if m["chinese"] else m.start() + 1

    def _read(self, m: regex.Match[str]) -> Quantity | None:
        unit = _unit(m["unit"])
        comparator = _CMP_WORDS[m["cmp"].strip()] if m["cmp"] else None
        if m["suffix"] and comparator is None:
            comparator = _CMP_SUFFIXES[m["suffix"]]
        end = m.end() if m["suffix"] else (m.end("unit") if m["unit"] else self._number_end(m))
        start = m.start()
        if m["arabic"]:
            value = Decimal(m["arabic"].replace(",", ""))
            decimals = _decimals(m["arabic"])
            if m["sign"]:
                value = -value
        elif m["cnpct"]:
            value_or_none = chinese_to_decimal(m["cnpct"])
            if value_or_none is None:
                return None
            value, decimals = value_or_none, _decimals(str(value_or_none))
            unit = "%"
            end = m.end("cnpct") if not m["suffix"] else end
        else:
            read = self._read_chinese(m, unit)
            if read is None:
                return None
            value, decimals, unit = read
            if unit is None:
                end = m.end("chinese") if not m["suffix"] else end
        if m["cmp"] is None and m["suffix"] is None and not m["unit"]:
            end = self._number_end(m)
        return self._add(start, end, value, decimals, unit, comparator, _kind(unit, value, decimals))

    @staticmethod
    def _number_end(m: regex.Match[str]) -> int:
        for group in ("arabic", "chinese", "cnpct"):
            if m[group]:
                return m.end(group)
        return m.end()

    def _read_chinese(self, m: regex.Match[str], unit: str | None) -> tuple[Decimal, int, str | None] | None:
        run = m["chinese"]
        after = self.folded[m.end("chinese") : m.end("chinese") + 3]
        if any((run[-1:] + after).startswith(idiom) or (run + after).startswith(idiom) for idiom in _CN_IDIOMS):
            return None
        # A trailing 万/亿 is the unit's magnitude (五百万元 = 500 万元), as it is after Arabic digits.
        if len(run) > 1 and run[-1] in "万亿" and "点" not in run[:-1] and chinese_to_decimal(run[:-1]) is not None:
            head = run[:-1]
            if not (unit and unit[0] in "万亿千百"):
                return self._chinese_value(head, run[-1] + (unit or ""))
        return self._chinese_value(run, unit)

    @staticmethod
    def _chinese_value(run: str, unit: str | None) -> tuple[Decimal, int, str | None] | None:
        value = chinese_to_decimal(run)
        if value is None:
            return None
        has_digit = any(c in CN_DIGITS for c in run)
        if not has_digit and run[0] not in "十拾":
            return None  # 千万 (an adverb), 百姓
        integer = run.partition("点")[0]
        positional = all(c in CN_DIGITS for c in integer)
        if unit is None and (positional or len(run) < 2):
            return None  # a lone 一, 二〇 without a unit is a word, not a figure
        if positional and len(integer) == 2 and unit != "年":
            return None  # 五六个 means five or six
        return value, _decimals(str(value)) if "点" in run else 0, _unit(unit)


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, in order, with spans into `text` (not into its normalised form).

    Dates (2020年12月31日), phone numbers, postcodes, document numbers (财预〔2020〕10号) and ordinals
    ((1), 一是, 第18) are returned too, with `kind` date/reference/ordinal, so callers can skip them.
    """
    return _Scanner(text).run()


def parse_quantity(text: str) -> Quantity | None:
    """The first figure in `text` that is a measure (not a date, code or ordinal), with unit and comparator.

    A cell holding only a parenthesised number, （12.5）, is an accounting negative.
    """
    if text is None or is_not_given(text):
        return None
    negative = _accounting_negative(text)
    if negative is not None:
        return negative
    for quantity in find_quantities(text):
        if quantity.kind not in ("date", "reference", "ordinal"):
            return quantity
    return None


_ACCOUNTING_RE = regex.compile(r"[ \t]*[(（][ \t]*(" + _ARABIC + r")[ \t]*" + _UNIT_RE + r"?[ \t]*[)）][ \t]*")


def _accounting_negative(text: str) -> Quantity | None:
    folded, origin = _fold(text)
    m = _ACCOUNTING_RE.fullmatch(folded)
    if m is None:
        return None
    value = -Decimal(m[1].replace(",", ""))
    unit = _unit(m["unit"])
    decimals = _decimals(m[1])
    start, end = origin[len(folded) - len(folded.lstrip())], origin[len(folded.rstrip()) - 1] + 1
    return Quantity(value, decimals, unit, None, text[start:end], start, end, _kind(unit, value, decimals))


def to_yuan(q: Quantity, default_unit: str = "元") -> Decimal:
    """The amount in yuan, exact: 万元 ×10⁴, 亿元 ×10⁸; a figure without unit is in `default_unit`."""
    unit = q.unit or default_unit
    multiplier = MONEY_UNITS.get(unit.split("/")[0])
    if multiplier is None:
        raise ValueError(f"{q.text!r} is not an amount of money (unit {unit!r})")
    return q.value * multiplier


def money(text: str, default_unit: str = "元") -> Money | None:
    """The first amount of money in `text`, in yuan with its resolution; None when none is given.

    A figure without a unit is taken in `default_unit` (the unit a table header states, e.g. 万元).
    """
    if text is None or is_not_given(text):
        return None
    negative = _accounting_negative(text)
    candidates = [negative] if negative is not None else find_quantities(text)
    for quantity in candidates:
        if quantity.kind == "money" or (quantity.kind == "number" and quantity.unit is None):
            unit = quantity.unit or default_unit
            multiplier = MONEY_UNITS.get(unit)
            if multiplier is None:
                raise ValueError(f"unknown money unit {default_unit!r}")
            return Money(to_yuan(quantity, default_unit), quantity.resolution * multiplier, quantity)
    return None


def percent(text: str, fraction_ok: bool = False) -> Percent | None:
    """The first percentage in `text` as its percent value: 91.76% → 91.76, 100百分比 → 100.

    With `fraction_ok` (a cell where a rate is expected) a bare number up to 1 is a fraction:
    1 → 100, 0.9176 → 91.76; a bare number above 1 is already in percent.
    """
    if text is None or is_not_given(text):
        return None
    for quantity in find_quantities(text):
        if quantity.unit in ("%", "百分比", "百分点"):
            return Percent(quantity.value, quantity.resolution, quantity)
        if quantity.unit == "‰":
            return Percent(quantity.value.scaleb(-1), quantity.resolution.scaleb(-1), quantity)
        if fraction_ok and quantity.kind == "number":
            if quantity.value <= 1:
                return Percent(_plain(quantity.value.scaleb(2)), quantity.resolution.scaleb(2), quantity)
            return Percent(quantity.value, quantity.resolution, quantity)
    return None


def count(text: str) -> Quantity | None:
    """The first count in `text` ("36个", "三十六个", "55人/次"), or a bare number; None for money and percentages."""
    if text is None or is_not_given(text):
        return None
    for quantity in find_quantities(text):
        if quantity.kind in ("count", "number"):
            return quantity
        if quantity.kind in ("money", "percent"):
            return None
    return None


def parse_target(text: str) -> Target | None:
    """A comparison target: "≥95%", "≤90万元", "不少于12种", "至少全年完成2次", "90%以上", "═100%", "≧".

    The comparator may stand a few words before its figure (至少全年完成2次). None when no figure
    and no comparator is printed (完成, 好).
    """
    if text is None or is_not_given(text):
        return None
    folded, _ = _fold(text)
    quantity = parse_quantity(text)
    if quantity is None:
        lone = folded.strip()
        if lone in _CMP_WORDS:
            return Target(_CMP_WORDS[lone], None, None, None, text.strip())
        return None
    comparator = quantity.comparator
    if comparator is None:
        before = folded[: _folded_index(text, quantity.start)]
        m = regex.search(r"(" + _alternation(list(_CMP_WORDS)) + r")[\p{Han} \t]{0,8}$", before)
        if m:
            comparator = _CMP_WORDS[m[1]]
    return Target(comparator, quantity.value, quantity.unit, quantity.decimals, quantity.text, quantity)


def _folded_index(text: str, original_index: int) -> int:
    return len(_fold(text[:original_index])[0])


_NOT_GIVEN = frozenset({"", "无", "不适用", "不涉及", "n/a", "na", "null", "none"})
_DASHES_RE = regex.compile(r"[\s\-—–―─－/／\\_…·.]*")


def is_not_given(text: str | None) -> bool:
    """True for blank, —, –, -, /, ／, 无, 不适用: the figure is not given. "0" is a value."""
    if text is None:
        return True
    folded = normalise_text(text).strip()
    return folded.lower() in _NOT_GIVEN or _DASHES_RE.fullmatch(folded) is not None


def tolerance(resolution: Decimal, floor: Decimal = Decimal(0)) -> Decimal:
    """Half a unit of the last printed digit, at least `floor`."""
    return max(resolution / 2, Decimal(floor))


def yuan_string(yuan: Decimal) -> str:
    """Money as the contract prints it: yuan with two decimals ("6706400.00")."""
    return str(yuan.quantize(Decimal("0.01")))


def _plain(value: Decimal) -> Decimal:
    """Drop a positive exponent (1E+2 → 100) so that str() prints digits."""
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]
