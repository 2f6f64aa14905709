"""Pages → document blocks: paragraphs from text lines, running headers/footers dropped, tables
stitched across pages. Text-layer pages and OCR pages go through the same code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from models.document import Paragraph, Table
from parsers.page import PageContent, PageTable, TextLine
from parsers.pdf_text import join_wrapped
from parsers.running_text import running_lines
from parsers.table_stitch import StitchedTable

MIN_LINES_FOR_PAGE_LAYOUT = 6
PARAGRAPH_GAP = 1.4
"""A line pitch this many times the page's usual pitch means a new paragraph."""


@dataclass
class _Layout:
    """A page's body text geometry: where lines start and end, and their usual pitch."""

    left: float
    right: float
    pitch: float


@dataclass
class _Open:
    """A paragraph being built."""

    page: int
    lines: list[TextLine] = field(default_factory=list)
    first_page_lines: list[TextLine] = field(default_factory=list)


MARGIN_SHARE = 0.1
"""A left edge shared by this share of a page's lines (and at least two) can be its text margin."""
_HANGING = "，。、；：！？．,.;:!?）)”’》」』"
"""Punctuation that typesetting lets hang past the right margin."""
_SENTENCE_END = "。！？；：!?;:"


def _layout(lines: list[TextLine], width: float | None = None) -> _Layout | None:
    if not lines:
        return None
    lefts = Counter(round(line.bbox[0] / 2) * 2 for line in lines)
    # the leftmost common edge, not the most common one: on a page of one-line paragraphs most lines are
    # indented first lines, and only headings and the few wrapped lines start at the margin
    margins = [x for x, n in lefts.items() if n >= max(2, MARGIN_SHARE * len(lines))]
    left = float(min(margins) if margins else lefts.most_common(1)[0][0])
    # the second longest line, not the longest: one overflowing line must not make every other line look
    # short (nor a percentile: on a page of one-line paragraphs most lines are short). A line ending in
    # punctuation counts a character shorter: the punctuation may hang past the margin.
    ends = sorted(line.bbox[2] - (line.size if line.text[-1:] in tuple(_HANGING) else 0) for line in lines)
    right = ends[-2] if len(ends) >= 10 else ends[-1]
    if width is not None:
        # the longest line may count where it stays within the margin mirrored from the left one: a
        # document of one-line paragraphs has few lines that reach the right margin
        size = sorted(line.size for line in lines)[len(lines) // 2] or 12.0
        within = [end for end in ends if end <= width - left + size]
        right = max(right, within[-1]) if within else right
    pitches = [b.bbox[1] - a.bbox[1] for a, b in pairwise(lines)
               if b.bbox[1] > a.bbox[1] and abs(a.size - b.size) < 0.5]
    # the lower quartile: lines inside a paragraph outnumber the gaps between paragraphs only in long text
    pitch = sorted(pitches)[len(pitches) // 4] if pitches else max(lines[0].bbox[3] - lines[0].bbox[1], 1.0) * 1.5
    return _Layout(left, right, pitch)


def _starts_paragraph(previous: TextLine, line: TextLine, layout: _Layout, same_page: bool) -> bool:
    size = max(line.size, previous.size) or max(line.bbox[3] - line.bbox[1], 1.0)
    if abs(line.size - previous.size) > 1.0:
        return True
    if line.bbox[0] > layout.left + 0.8 * size:
        return not _centred_under(previous, line, layout, size)  # first-line indent, or a centred line
    if layout.right - previous.bbox[2] > _leading_width(line.text, size) + 0.5 * size:
        return True  # the next line's first word would have fitted: the previous line ended its paragraph
    return same_page and line.bbox[1] - previous.bbox[1] > PARAGRAPH_GAP * layout.pitch


def _centred_under(previous: TextLine, line: TextLine, layout: _Layout, size: float) -> bool:
    """Is `line` the centred rest of a centred line (a title) that filled the width above it?"""
    if previous.text.endswith(tuple(_SENTENCE_END)) or layout.right - previous.bbox[2] > size:
        return False
    if previous.bbox[0] > layout.left + 0.8 * size:
        return False  # the line above was indented, not centred across the whole width
    centre, previous_centre = (line.bbox[0] + line.bbox[2]) / 2, (previous.bbox[0] + previous.bbox[2]) / 2
    return abs(centre - previous_centre) <= 0.5 * size


_OPENING = "（(“‘《〈【[「『"
_CLOSING = "）)”’》〉】]」』，,。.、；;：:！!？?%％"


def _leading_width(text: str, size: float) -> float:
    """Rough width of what could not be split from the start of a line: a number or Latin word, or
    one character with the brackets and punctuation that line breaking keeps attached to it."""
    unit = len(text) - len(text.lstrip(_OPENING))
    rest = text[unit:]
    word = len(rest) - len(rest.lstrip("0123456789.,%abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if word:
        # a per cent sign is nearly a full character wide; punctuation after the word stays with it
        after = rest[word:]
        closing = len(after) - len(after.lstrip(_CLOSING))
        return (unit + closing + 0.45 * rest[:word].count("%")) * size + word * 0.55 * size
    closing = len(rest[1:]) - len(rest[1:].lstrip(_CLOSING))
    return (unit + 1 + closing) * size


def _page_items(page: PageContent, dropped: set[tuple[int, int]]) -> list[tuple[str, int]]:
    if page.order:
        return [(kind, i) for kind, i in page.order if kind != "line" or (page.number, i) not in dropped]
    items = [("line", i) for i in range(len(page.lines)) if (page.number, i) not in dropped]
    items += [("table", j) for j in range(len(page.tables))]

    def top(item: tuple[str, int]) -> float:
        kind, i = item
        return page.lines[i].bbox[1] if kind == "line" else page.tables[i].bbox[1]

    return sorted(items, key=top)


def assemble(pages: list[PageContent]) -> list[Paragraph | Table]:
    """Blocks in reading order with paragraphs and tables numbered from 1 across the document."""
    dropped = running_lines(pages)
    blocks: list[Paragraph | StitchedTable] = []
    paragraph: _Open | None = None
    previous_line: TextLine | None = None
    previous_layout: _Layout | None = None
    last_table: StitchedTable | None = None
    """The table that was the last item of the previous page, if any: a candidate to continue."""

    def close() -> None:
        nonlocal paragraph
        if paragraph is not None:
            blocks.append(_paragraph(paragraph))
        paragraph = None

    page_items = [_page_items(page, dropped) for page in pages]
    page_lines = [[page.lines[i] for kind, i in items if kind == "line"] for page, items in zip(pages, page_items,
                                                                                                strict=True)]
    # a page with a few lines says little about the margins: the whole document's lines decide then
    document_layouts = _document_layouts(pages, page_lines)
    for page, items, body_lines in zip(pages, page_items, page_lines, strict=True):
        document_layout = document_layouts[_width_key(page)]
        layout = _layout(body_lines, page.width) if len(body_lines) >= MIN_LINES_FOR_PAGE_LAYOUT else document_layout
        if layout is not None and document_layout is not None and document_layout.right > layout.right:
            # a page of short lines says little about where lines end; pages as wide share the margin
            layout = _Layout(layout.left, document_layout.right, layout.pitch)
        page_started = False  # anything but continuation markers seen on this page yet
        for position, (kind, i) in enumerate(items):
            if kind == "table":
                table = page.tables[i]
                close()
                previous_line = None
                if not page_started and last_table is not None and _continues(last_table, table):
                    last_table.extend(table, page.number)
                else:
                    blocks.append(StitchedTable.start(table, page.number))
                last_table = blocks[-1] if isinstance(blocks[-1], StitchedTable) else None
                page_started = True
                continue
            line = page.lines[i]
            if last_table is not None and _is_continuation_marker(line.text) and _table_follows(items, position):
                continue  # "续表" over the rest of a table: a printing aid, not a paragraph
            last_table = None
            page_started = True
            same_page = paragraph is not None and paragraph.page == page.number and bool(paragraph.lines)
            if paragraph is None or previous_line is None or layout is None or _starts_paragraph(
                    previous_line, line, layout if same_page else (previous_layout or layout), same_page):
                close()
                paragraph = _Open(page=page.number)
            paragraph.lines.append(line)
            if paragraph.page == page.number:
                paragraph.first_page_lines.append(line)
            previous_line = line
        if items and items[-1][0] != "table":
            last_table = None
        previous_layout = layout
    close()
    return _numbered(blocks)


def _width_key(page: PageContent) -> int:
    return round(page.width / 10)


def _document_layouts(pages: list[PageContent], page_lines: list[list[TextLine]]) -> dict[int, _Layout | None]:
    """One layout from the lines of all pages of each width (portrait and landscape pages apart)."""
    by_width: dict[int, list[TextLine]] = {}
    widths: dict[int, float] = {}
    for page, lines in zip(pages, page_lines, strict=True):
        by_width.setdefault(_width_key(page), []).extend(lines)
        widths.setdefault(_width_key(page), page.width)
    return {key: _layout(lines, widths[key]) for key, lines in by_width.items()}


_CONTINUATION_MARKER = re.compile(r"^\s*(续表|接上表|[（(]续[）)])|[（(]续(表)?[）)]\s*$")


def _is_continuation_marker(text: str) -> bool:
    return bool(_CONTINUATION_MARKER.search(text)) and len(text) <= 40


def _table_follows(items: list[tuple[str, int]], position: int) -> bool:
    """Only continuation markers (or nothing) stand between this line and a table below it."""
    return any(kind == "table" for kind, _ in items[position + 1:position + 3])


def _continues(previous: StitchedTable, table: PageTable) -> bool:
    """The first item of this page is a table with the columns of the table that ended the page before.

    Where the previous table stops on its page does not matter: a row that may not be split, or a
    merged block kept together, moves whole to the next page and leaves the bottom of the page blank.
    """
    return previous.matches(table)


def _paragraph(building: _Open) -> Paragraph:
    lines = building.first_page_lines or building.lines
    bbox = (min(ln.bbox[0] for ln in lines), min(ln.bbox[1] for ln in lines),
            max(ln.bbox[2] for ln in lines), max(ln.bbox[3] for ln in lines))
    confidences = [ln.confidence for ln in building.lines if ln.confidence is not None]
    return Paragraph(index=0, text=join_wrapped([ln.text for ln in building.lines]), page=building.page,
                     bbox=tuple(round(v, 2) for v in bbox), confidence=min(confidences) if confidences else None)


def _numbered(blocks: list[Paragraph | StitchedTable]) -> list[Paragraph | Table]:
    out: list[Paragraph | Table] = []
    paragraphs = tables = 0
    for block in blocks:
        if isinstance(block, StitchedTable):
            tables += 1
            out.append(block.to_table(tables))
        else:
            paragraphs += 1
            out.append(block.model_copy(update={"index": paragraphs}))
    return out
