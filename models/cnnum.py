"""Chinese numerals (五百万, 三十六, 一千二百三十四点五, 壹佰万, 二〇二〇) to exact `Decimal`."""

from __future__ import annotations

from decimal import Decimal

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "◯": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
POINT = "点"
ZEROS = tuple("零〇○◯")

NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
"""Every character that may appear in the integer part of a Chinese numeral."""


def chinese_to_decimal(text: str) -> Decimal | None:
    """The value of a Chinese numeral, or None when `text` is not one.

    Reads the grouped form (一千二百三十四, 一万零五, 十二, 两千), the financial
    capitals (壹佰万), the positional form used for years (二〇二〇), a decimal
    part after 点 (三点一四), and the spoken abbreviation 三万五 (= 35000).
    """
    text = text.strip()
    whole, sep, fraction = text.partition(POINT)
    if sep and (not fraction or any(c not in DIGITS for c in fraction)):
        return None
    integer = _integer_part(whole)
    if integer is None:
        return None
    if not sep:
        return Decimal(integer)
    return Decimal(f"{integer}.{''.join(str(DIGITS[c]) for c in fraction)}")


def _integer_part(text: str) -> int | None:
    if not text:
        return None
    if any(c not in NUMERAL_CHARS for c in text):
        return None
    if all(c in DIGITS for c in text):
        # Positional: 二〇二〇, 一九九八, 五. 两 is never positional; two digits (五六) mean "five or six".
        if len(text) > 1 and any(c in "两兩" for c in text):
            return None
        if len(text) == 2 and not any(c in ZEROS for c in text):
            return None
        return int("".join(str(DIGITS[c]) for c in text))
    return _grouped(text)


def _grouped(text: str) -> int | None:
    total = 0  # completed 亿 groups and 万 groups
    section = 0  # below the current 万
    digit: int | None = None
    last_small = 10**5  # small units must fall inside a section (千 > 百 > 十)
    last_unit = 0  # the unit just read, for the 三万五 abbreviation
    zero_seen = False
    large_seen: list[int] = []
    for i, char in enumerate(text):
        if char in DIGITS:
            if digit:
                return None  # two digits in a row: 五六
            digit = DIGITS[char]
            if digit == 0:
                zero_seen = True
            last_unit = 0 if digit == 0 else last_unit
            continue
        if char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_small:
                return None
            if digit == 0 and unit != 10:
                return None  # 零百
            if digit is None or digit == 0:
                # A bare 十 stands for 一十 (十二, 一万十二, 一千零十); other bare units only open the numeral (百万).
                if i != 0 and not (unit == 10 and text[i - 1] in ZEROS + tuple(LARGE_UNITS)):
                    return None
                digit = 1
            section += digit * unit
            digit = None
            last_small = unit
            last_unit = unit
            zero_seen = False
            continue
        unit = LARGE_UNITS[char]
        if large_seen and unit >= 10**8 and large_seen[-1] == 10**8:
            return None  # 亿亿 is not a numeral we read
        if large_seen and unit == 10**4 and large_seen[-1] == 10**4:
            return None
        after_wan = unit == 10**8 and bool(large_seen) and large_seen[-1] == 10**4  # 一万亿
        if section == 0 and not digit and not after_wan:
            return None  # 万 alone, 一亿万
        section += digit or 0
        if unit == 10**8:
            total = (total + section) * unit
        else:
            total += section * unit
        section = 0
        digit = None
        last_small = 10**5
        last_unit = unit
        zero_seen = False
        large_seen.append(unit)
    if digit:
        if last_unit >= 100 and not zero_seen:
            # 三万五 = 35000, 一百一 = 110: a trailing digit counts in the next unit down.
            section += digit * (last_unit // 10)
        else:
            section += digit
    return total + section
