"""Round trips: a Decimal printed in the forms documents use (万元/元/亿元, thousands separators, full-width
digits, Chinese numerals, percentages, fractions) must read back exactly, with its printed precision."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from models.numbers import (
    chinese_to_decimal,
    count,
    find_quantities,
    is_not_given,
    money,
    normalise_text,
    parse_target,
    percent,
    scaled,
    tolerance,
)

MULTIPLIER = {"元": Decimal(1), "万元": Decimal(10**4), "亿元": Decimal(10**8)}
_WIDE = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def grouped(integer: str) -> str:
    """1234567 → 1,234,567 (written here independently of the parser)."""
    head = len(integer) % 3 or 3
    return ",".join([integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)])


def chinese(n: int, capitals: bool = False) -> str:
    """A non-negative integer below 10^12 as a Chinese numeral, as a person writes it (一万零一十, 十二)."""
    digits = "零壹贰叁肆伍陆柒捌玖" if capitals else "零一二三四五六七八九"
    small = ("拾", "佰", "仟") if capitals else ("十", "百", "千")
    if n == 0:
        return digits[0]

    def below_10000(value: int) -> str:
        out, pending_zero = "", False
        for place, unit in ((1000, small[2]), (100, small[1]), (10, small[0]), (1, "")):
            digit = value // place % 10
            if digit == 0:
                pending_zero = pending_zero or bool(out)
                continue
            out += (digits[0] if pending_zero else "") + digits[digit] + unit
            pending_zero = False
        return out

    out, pending_zero = "", False
    for value, suffix in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if value == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if out and (pending_zero or value < 1000):
            out += digits[0]
        out += below_10000(value) + suffix
        pending_zero = False
    if not capitals and out.startswith("一十"):
        out = out[1:]  # 十二, not 一十二
    return out


@st.composite
def printed_decimals(draw: st.DrawFn, max_integer: int = 10**10, max_decimals: int = 4) -> tuple[str, Decimal, int]:
    integer = draw(st.integers(min_value=0, max_value=max_integer))
    decimals = draw(st.integers(min_value=0, max_value=max_decimals))
    fraction = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=decimals, max_size=decimals)))
    text = f"{integer}.{fraction}" if decimals else str(integer)
    return text, Decimal(text), decimals


@settings(max_examples=300, deadline=None)
@given(
    printed_decimals(),
    st.sampled_from(sorted(MULTIPLIER)),
    st.sampled_from(["plain", "grouped", "wide", "wide grouped", "spaced", "negative", "accounting"]),
)
def test_money_round_trip(printed: tuple[str, Decimal, int], unit: str, form: str) -> None:
    number, value, decimals = printed
    integer, dot, fraction = number.partition(".")
    if "grouped" in form:
        number = grouped(integer) + dot + fraction
    if "wide" in form:
        number = number.translate(_WIDE)
    text = {
        "spaced": f"{number} {unit}",
        "negative": f"-{number}{unit}",
        "accounting": f"（{number}）{unit}",
    }.get(form, f"{number}{unit}")
    expected = -value if form in ("negative", "accounting") else value

    read = money(text)

    assert read is not None
    assert read.yuan == expected * MULTIPLIER[unit]
    assert read.resolution == Decimal(1).scaleb(-decimals) * MULTIPLIER[unit]
    assert read.quantity.decimals == decimals
    assert read.quantity.text == text


@settings(max_examples=200, deadline=None)
@given(printed_decimals(max_integer=10**6), st.sampled_from(sorted(MULTIPLIER)))
def test_bare_number_takes_the_header_unit(printed: tuple[str, Decimal, int], unit: str) -> None:
    number, value, decimals = printed
    read = money(number, default_unit=unit)
    assert read is not None
    assert read.yuan == value * MULTIPLIER[unit]
    assert read.resolution == Decimal(1).scaleb(-decimals) * MULTIPLIER[unit]


@settings(max_examples=200, deadline=None)
@given(printed_decimals(max_integer=1000, max_decimals=3), st.sampled_from(["%", "％", "百分比", " %"]))
def test_percent_round_trip_keeps_printed_decimals(printed: tuple[str, Decimal, int], sign: str) -> None:
    number, _, decimals = printed
    read = percent(number + sign)
    assert read is not None
    assert str(read.value) == number
    assert read.resolution == Decimal(1).scaleb(-decimals)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**4), st.integers(min_value=0, max_value=4))
def test_fraction_reads_as_percent(numerator: int, decimals: int) -> None:
    fraction = (Decimal(min(numerator, 10**decimals)) / Decimal(10**decimals)).quantize(Decimal(1).scaleb(-decimals))
    read = percent(str(fraction), fraction_ok=True)
    assert read is not None
    assert read.value == fraction * 100
    assert read.resolution == Decimal(1).scaleb(2 - decimals)
    assert "E" not in str(read.value)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_chinese_numeral_round_trip(n: int, capitals: bool) -> None:
    assert chinese_to_decimal(chinese(n, capitals)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.text("0123456789", min_size=1, max_size=4))
def test_chinese_numeral_with_decimal_part(n: int, fraction: str) -> None:
    spoken = chinese(n) + "点" + "".join("零一二三四五六七八九"[int(d)] for d in fraction)
    assert chinese_to_decimal(spoken) == Decimal(f"{n}.{fraction}")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**8 - 1), st.sampled_from(["个", "人次", "项", "家"]))
def test_chinese_count_round_trip(n: int, unit: str) -> None:
    read = count(f"共{chinese(n)}{unit}")
    assert read is not None
    assert scaled(read) == (n, unit)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["万元", "元", "亿元"]))
def test_chinese_money_round_trip(n: int, unit: str) -> None:
    read = money(f"{chinese(n, capitals=True)}{unit}整")
    assert read is not None
    assert read.yuan == n * MULTIPLIER[unit]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**8), st.text("0123456789", min_size=1, max_size=4))
def test_chinese_money_with_decimals_round_trip(n: int, fraction: str) -> None:
    spoken = chinese(n) + "点" + "".join("零一二三四五六七八九"[int(d)] for d in fraction)
    read = money(f"合计{spoken}万元")
    assert read is not None
    assert read.yuan == Decimal(f"{n}.{fraction}") * 10**4
    assert read.resolution == Decimal(1).scaleb(4 - len(fraction))


_LABELS = ["预算数", "共支出", "其中", "结余", "实际到位资金", "调剂", "收回"]
_SEPARATORS = ["，", "；", "。", "、", ",", " "]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_LABELS),
            printed_decimals(max_integer=10**8),
            st.sampled_from([*sorted(MULTIPLIER), "%"]),
            st.sampled_from(_SEPARATORS),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_every_figure_of_a_sentence_is_found_whole(
    pieces: list[tuple[str, tuple[str, Decimal, int], str, str]],
) -> None:
    text = "".join(f"{label}{number}{unit}{sep}" for label, (number, _, _), unit, sep in pieces)
    found = find_quantities(text)
    assert [(q.value, q.unit, q.decimals) for q in found] == [
        (value, unit, decimals) for _, (_, value, decimals), unit, _ in pieces
    ]
    assert [q.text for q in found] == [f"{number}{unit}" for _, (number, _, _), unit, _ in pieces]


_FIGURE_CHARACTERS = "0123456789.,-%（）()万元亿年月日第一二十百千零个人次≥≤以上下不少于，。 ０５．％\u200b"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FIGURE_CHARACTERS)))
def test_spans_always_point_into_the_text(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end  # in order, never overlapping
        previous_end = quantity.end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalise_text_is_idempotent_and_never_raises(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    find_quantities(text)
    parse_target(text)


@settings(max_examples=200, deadline=None)
@given(printed_decimals())
def test_a_printed_zero_or_any_number_is_given(printed: tuple[str, Decimal, int]) -> None:
    assert not is_not_given(printed[0])


@settings(deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, allow_nan=False, places=4), st.decimals(0, 10, places=2))
def test_tolerance_is_half_a_unit_or_the_floor(resolution: Decimal, floor: Decimal) -> None:
    tol = tolerance(resolution, floor)
    assert tol >= floor
    assert tol >= resolution / 2
    assert tol in (floor, resolution / 2)


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=1, max_value=999),
    printed_decimals(max_integer=10**6),
    st.sampled_from(sorted(MULTIPLIER)),
)
def test_dates_and_document_numbers_are_never_money(
    day: date, document_no: int, printed: tuple[str, Decimal, int], unit: str
) -> None:
    number, value, _ = printed
    on_day = f"{day.year}年{day.month}月{day.day}日"
    text = f"根据财预〔{day.year}〕{document_no}号文件，截至{on_day}，共支出{number}{unit}。"
    found = find_quantities(text)
    kinds = [q.kind for q in found]
    assert kinds == ["reference", "reference", "date", "date", "date", "money"]
    read = money(text)
    assert read is not None
    assert read.yuan == value * MULTIPLIER[unit]


_PREFIXES = {
    "≥": ["≥", "≧", ">=", "＞＝", "不少于", "不低于", "至少", "达到", "大于等于"],
    "≤": ["≤", "≦", "<=", "不超过", "不高于", "小于等于"],
    "=": ["=", "═", "﹦", "＝"],
    ">": [">", "高于", "超过"],
    "<": ["<", "低于", "少于"],
}
_SUFFIXES = {"≥": ["以上", "及以上"], "≤": ["以内", "及以下"], "<": ["以下"]}


@settings(max_examples=300, deadline=None)
@given(
    st.data(),
    printed_decimals(max_integer=10**5, max_decimals=2),
    st.sampled_from(["%", "万元", "个", "人次", "百分比", "天", ""]),
    st.booleans(),
)
def test_target_round_trip(data: st.DataObject, printed: tuple[str, Decimal, int], unit: str, suffix: bool) -> None:
    number, value, decimals = printed
    if suffix:
        comparator = data.draw(st.sampled_from(sorted(_SUFFIXES)))
        text = f"{number}{unit}{data.draw(st.sampled_from(_SUFFIXES[comparator]))}"
    else:
        comparator = data.draw(st.sampled_from(sorted(_PREFIXES)))
        text = f"{data.draw(st.sampled_from(_PREFIXES[comparator]))}{number}{unit}"

    target = parse_target(text)

    assert target is not None
    assert (target.comparator, target.value, target.decimals) == (comparator, value, decimals)
    assert target.unit == (unit or None)
