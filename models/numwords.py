"""The words figures are printed with: units and their magnitudes (万元, 人次, 万人次), comparators (≥, 不少于,
以上), and the kind of quantity a unit makes a figure."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import regex

Kind = Literal["money", "percent", "count", "date", "reference", "ordinal", "foreign_money", "number"]

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
FOREIGN_CURRENCIES = "美元|欧元|港元|港币|日元|英镑"
MAGNITUDE_RE = "万亿|千万|百万|万|亿|千"

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
UNIT_BODY = (
    r"(?:%|‰|个?百分点|百分比"
    r"|(?:千克|千米|千瓦时|千瓦)" + _PER + r"|(?:" + MAGNITUDE_RE + r")?(?:元)?人民币"
    r"|(?:" + MAGNITUDE_RE + r")?(?:" + FOREIGN_CURRENCIES + r")"
    r"|(?:" + MAGNITUDE_RE + r")?(?:" + _COUNT_UNIT_RE + r")" + _PER + r"(?!之)"
    r"|万亿|千万|百万|万|亿)"
)
UNIT_RE = r"(?P<unit>" + UNIT_BODY + ")"


def _words(table: str) -> dict[str, str]:
    """`≥: 不少于 至少` lines → {"不少于": "≥", "至少": "≥"}."""
    pairs = (line.split(":", 1) for line in table.strip().splitlines())
    return {word: symbol.strip() for symbol, words in pairs for word in words.split()}


CMP_WORDS = _words("""
    ≥: ≥ >= 大于或等于 大于等于 不少于 不低于 不小于 不短于 至少 达到
    ≤: ≤ <= 小于或等于 小于等于 不超过 未超过 不高于 不大于 不多于 不长于 最多
    =: = 等于
    >: > 高于 大于 超过 多于 逾
    <: < 低于 小于 少于 不足
""")
# "X以下" means below X (the contract's target.tier_order: 中 85%, 差 85%以下); 以上 and 以内 include X.
CMP_SUFFIXES = _words("""
    ≥: 及以上 以上(含) 以上（含） (含)以上 （含）以上 以上
    ≤: 及以下 以下(含) 以下（含） (含)以下 （含）以下 以内 之内
    <: 以下
""")


def alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


SUFFIX_RE = r"(?P<suffix>" + alternation(list(CMP_SUFFIXES)) + r"|内(?![容部涵在存设置地外网务控])" + r")?"


def unit_name(raw: str | None) -> str | None:
    """A printed unit in its normal spelling: 人/次 → 人次, 个百分点 → 百分点, 万元人民币 → 万元."""
    if not raw:
        return None
    if raw == "人/次":
        return "人次"
    if raw.endswith("百分点"):
        return "百分点"
    if raw.endswith("人民币"):
        return raw.removesuffix("人民币").removesuffix("元") + "元"  # 万元人民币, 万人民币 → 万元
    return raw


def kind_of(unit: str | None, value: Decimal, decimals: int) -> Kind:
    """money, percent, foreign_money, count, date (2020年, 12月) or number, from the unit a figure carries."""
    if unit is None:
        return "number"
    if unit.split("/")[0] in MONEY_UNITS:
        return "money"
    if unit in PERCENT_UNITS:
        return "percent"
    if regex.search(FOREIGN_CURRENCIES, unit):
        return "foreign_money"
    if unit == "年" and decimals == 0 and 1900 <= value <= 2100:
        return "date"
    if unit == "月" and decimals == 0 and 1 <= value <= 12:
        return "date"
    return "count"
