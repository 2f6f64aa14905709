"""Text as figures are read from it: full-width forms, radical look-alikes and zero-width characters folded,
with a map back to the original positions so that every span still points into the printed text."""

from __future__ import annotations

import unicodedata

import regex

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
# Chinese punctuation whose NFKC form (ASCII) would lose what it means: a full-width comma after a figure ends a
# clause (共3个，120人) rather than grouping thousands; （）：； stay as the labels print them (项目资金（万元）).
_KEEP = frozenset("，：；（）！？")
# CJK Radicals Supplement characters that PDF text layers emit for ordinary ideographs (NFKC itself folds the Kangxi
# radicals U+2F00–U+2FD5, e.g. ⾦ → 金, but leaves these).
_RADICALS = dict(
    zip(
        "⺁⺄⺅⺆⺇⺉⺊⺋⺌⺍⺎⺐⺒⺓⺔⺕⺖⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺲⺶⺷⺹⺺⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
        "厂乙亻冂几刂卜㔾小小兀尢巳幺彑彐忄扌攵旡日月歺母民氵氺灬爫丬牛犭王疋罒示礻竹糹纟罒羊羊耂聿月臼艹艹艹虎衤覀西见角角讠贝足车辶辶辶阝钅長镸长门阝雨青韦页风飞食飠饣首马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
        strict=True,
    )
)
_LOOKALIKE = {
    "═": "=",  # box drawing, typed for = in many forms
    "≧": "≥",
    "≦": "≤",
    "⩾": "≥",
    "⩽": "≤",
    "−": "-",
    "﹣": "-",
    "\u3000": " ",
}
# A full-width comma inside a figure groups thousands only where the figure cannot be read as two: several
# groups (7，800，000), or one group and a decimal part (1，234.5). Between two full-width digits it always does.
_WIDE_COMMA_FIGURE = regex.compile(
    r"(?<![\d,，.．])\d{1,3}(?:，\d{3}){2,}(?:[.．]\d+)?(?![\d，])|(?<![\d,，.．])\d{1,3}(?:，\d{3})+[.．]\d+"
)


def _fold_char(char: str) -> str:
    if char in _ZERO_WIDTH:
        return ""
    if char in _KEEP:
        return char
    if char in _RADICALS:
        return _RADICALS[char]
    if char in _LOOKALIKE:
        return _LOOKALIKE[char]
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char  # ㎡, …, ⑴ keep their shape: units, punctuation and ordinals, not text to re-read
    if folded.isdigit() and not char.isdecimal():
        return char  # ①, ², ⒈ are ordinals or superscripts, not digits
    return folded


def _grouping_commas(text: str) -> set[int]:
    positions = {m.start() + i for m in _WIDE_COMMA_FIGURE.finditer(text) for i, c in enumerate(m[0]) if c == "，"}
    for i, char in enumerate(text[1:-1], start=1):
        if char == "，" and "０" <= text[i - 1] <= "９" and "０" <= text[i + 1] <= "９":
            positions.add(i)
    return positions


def fold(text: str) -> tuple[str, list[int]]:
    """`text` folded for reading figures, and for each folded character (plus the end) the index it came from."""
    commas = _grouping_commas(text) if "，" in text else set()
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = "," if i in commas else _fold_char(char)
        out.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def normalise_text(text: str) -> str:
    """Text as it is read: NFKC (full-width digits, ％, ．, letters), radical look-alikes → ideographs,
    comparator look-alikes (≧ ≦ ═ ﹦) → ≥ ≤ =, zero-width characters removed.

    Chinese punctuation that carries meaning stays (，：；（）！？), except a full-width comma that groups
    the thousands of a figure (７，８００; 7，800，000.00). Circled and parenthesised numbers (①, ⑴) stay.
    Every character maps to at most one, so lengths change only where zero-width characters go.
    """
    return fold(text)[0]


# Traditional forms of the characters figures are read by (units, comparators, 点), and 兀, which OCR reads for 元
# (万兀), mapped one to one so that spans still hold; only the reading uses them, the text is not converted.
_READING = str.maketrans(
    "萬億個項種臺於達過內歲時鐘點門張條間棟塊頭節課頃筆單盞類組冊頁園處場輛噸畝戶週幣貨兀",
    "万亿个项种台于达过内岁时钟点门张条间栋块头节课顷笔单盏类组册页园处场辆吨亩户周币货元",
)


def reading_fold(text: str) -> tuple[str, list[int]]:
    """`fold`, with traditional unit and comparator characters read as simplified (萬元 → 万元)."""
    folded, origin = fold(text)
    return folded.translate(_READING), origin
