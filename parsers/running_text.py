"""Running headers, footers and page numbers: lines that repeat at the same place on most pages."""

from __future__ import annotations

import re
from collections import defaultdict

from parsers.page import PageContent, TextLine

MARGIN_BAND = 0.12
"""Headers and footers sit in the top or bottom 12% of the page."""
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–‒·•]?\s*\d+\s*[-—–‒·•]?"
    r"|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|\d+\s*/\s*\d+"
    r"|page\s*\d+(?:\s*of\s*\d+)?"
    r"|[-—–]?\s*[ivxlcdm]+\s*[-—–]?)\s*$",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def _in_band(line: TextLine, page: PageContent) -> bool:
    return line.bbox[1] < page.height * MARGIN_BAND or line.bbox[3] > page.height * (1 - MARGIN_BAND)


def _key(line: TextLine) -> tuple[str, int]:
    # numbers may vary from page to page (第 3 页); the position is compared to about 6 points
    return _DIGITS.sub("#", line.text.replace(" ", "")), round(line.bbox[1] / 6)


def _number_offset(line: TextLine, page: PageContent) -> int | None:
    """Printed number minus page number: constant along a running line that counts pages."""
    numbers = _DIGITS.findall(line.text)
    return int(numbers[0]) - page.number if numbers else None


def running_lines(pages: list[PageContent]) -> set[tuple[int, int]]:
    """(page number, line index) of every header/footer/page-number line to drop.

    A running line repeats in the margin band at the same height on at least half the pages, with
    the same text, or with the same text around a number that counts the pages.
    """
    seen: dict[tuple[str, int], list[tuple[int, int | None, str]]] = defaultdict(list)
    for page in pages:
        for line in page.lines:
            if _in_band(line, page):
                seen[_key(line)].append((page.number, _number_offset(line, page), line.text.replace(" ", "")))
    needed = max(2, (len(pages) + 1) // 2)
    drop: set[tuple[int, int]] = set()
    for page in pages:
        for index, line in enumerate(page.lines):
            if not _in_band(line, page):
                continue
            if is_page_number(line.text) or (len(pages) > 1 and _repeats(seen, line, page, needed)):
                drop.add((page.number, index))
    return drop


def _repeats(seen: dict[tuple[str, int], list[tuple[int, int | None, str]]], line: TextLine, page: PageContent,
             needed: int) -> bool:
    text, slot = _key(line)
    exact = line.text.replace(" ", "")
    offset = _number_offset(line, page)
    pages_alike: set[int] = set()
    for near in (slot - 1, slot, slot + 1):  # one step of drift either way
        for number, other_offset, other_text in seen.get((text, near), []):
            if other_text == exact or (offset is not None and other_offset == offset):
                pages_alike.add(number)
    return len(pages_alike) >= needed
