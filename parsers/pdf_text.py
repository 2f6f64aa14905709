"""Characters → text lines, and wrapped lines → one string, the same way for page text and table cells."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from models.document import BBox
from parsers.page import TextLine
from parsers.pdf_objects import Char

# CJK Radicals Supplement look-alikes that some PDF fonts map instead of the ideograph (no NFKC form).
_RADICAL_SUPPLEMENT = {
    "⺀": "冫", "⺁": "厂", "⺇": "几", "⺌": "小", "⺍": "⺍", "⺎": "兀", "⺏": "尣", "⺐": "尢", "⺑": "𡯂",
    "⺒": "巳", "⺓": "幺", "⺛": "旡", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫",
    "⺦": "丬", "⺧": "牛", "⺨": "犭", "⺩": "王", "⺫": "罒", "⺬": "示", "⺭": "礻", "⺮": "竹", "⺯": "糹",
    "⺰": "纟", "⺱": "罓", "⺲": "罒", "⺳": "网", "⺴": "罓", "⺶": "羊", "⺷": "羊", "⺸": "⺸", "⺹": "耂",
    "⺺": "肀", "⺻": "聿", "⺼": "月", "⺽": "臼", "⺾": "艹", "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤",
    "⻃": "覀", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻌": "辶",
    "⻍": "辶", "⻎": "辶", "⻏": "阝", "⻐": "钅", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻖": "阝",
    "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻟": "食", "⻠": "饣",
    "⻡": "饣", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄",
    "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀",
    "⻳": "龟",
}


def _is_look_alike(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff" or "\U0002f800" <= ch <= "\U0002fa1f"


def normalise_glyph_text(text: str) -> str:
    """Map look-alikes that fonts put in place of ideographs — radicals (U+2E80–U+2FDF) and CJK
    compatibility ideographs (年 as U+F98E) — to the ideographs themselves; nothing else changes."""
    if not any(_is_look_alike(ch) for ch in text):
        return text
    out = []
    for ch in text:
        if "\u2f00" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff" or "\U0002f800" <= ch <= "\U0002fa1f":
            out.append(unicodedata.normalize("NFKC", ch))  # all of these have a compatibility form
        elif "\u2e80" <= ch <= "\u2eff":
            out.append(_RADICAL_SUPPLEMENT.get(ch, ch))
        else:
            out.append(ch)
    return "".join(out)


def _is_narrow(ch: str) -> bool:
    """Latin letters, digits and ASCII punctuation: the scripts that separate words with spaces."""
    return ch.isascii() and not ch.isspace()


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Cluster characters into lines: same vertical band, read left to right."""
    ordered = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    lines: list[list[Char]] = []
    band_top = band_bottom = 0.0
    for char in ordered:
        middle = (char.top + char.bottom) / 2
        if lines and band_top <= middle <= band_bottom:
            lines[-1].append(char)
            band_top, band_bottom = min(band_top, char.top), max(band_bottom, char.bottom)
            continue
        lines.append([char])
        band_top, band_bottom = char.top, char.bottom
    return [_without_overprints(sorted(line, key=lambda c: c.x0)) for line in lines]


def _without_overprints(line: list[Char]) -> list[Char]:
    """Drop a glyph printed again over itself (fake bold: the same character shifted a fraction of a point)."""
    kept: list[Char] = []
    for char in line:
        if kept and char.text == kept[-1].text and abs(char.x0 - kept[-1].x0) < 0.25 * max(char.size, 1.0):
            continue
        kept.append(char)
    return kept


def line_text(chars: Sequence[Char]) -> str:
    """One line's text; spaces come from gaps (between Latin words, or wide gaps anywhere)."""
    parts: list[str] = []
    previous: Char | None = None
    for char in chars:
        if char.text.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
            previous = char
            continue
        if previous is not None and parts and parts[-1] != " ":
            gap = char.x0 - previous.x1
            size = max(char.size, previous.size, 1.0)
            narrow = _is_narrow(char.text) and _is_narrow(previous.text)
            if gap > (0.15 if narrow else 1.0) * size:
                parts.append(" ")
        parts.append(char.text)
        previous = char
    return normalise_glyph_text("".join(parts).strip())


def chars_bbox(chars: Iterable[Char]) -> BBox:
    chars = list(chars)
    return (min(c.x0 for c in chars), min(c.top for c in chars), max(c.x1 for c in chars), max(c.bottom for c in chars))


def build_lines(chars: Iterable[Char]) -> list[TextLine]:
    lines = []
    for group in group_lines(chars):
        text = line_text(group)
        if text:
            size = max(c.size for c in group)
            lines.append(TextLine(text=text, bbox=chars_bbox(group), size=round(size, 2)))
    return lines


def join_wrapped(texts: Sequence[str]) -> str:
    """Join the lines of one wrapped paragraph: Chinese joins directly, Latin words keep a space."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if out and _is_word_char(out[-1]) and _is_word_char(text[0]):
            out += " "
        out += text
    return out
