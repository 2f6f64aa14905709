"""Tables continued across pages, joined back into one: repeated header rows dropped, a row cut by
the page break put back together, and merged cells (a 一级指标 spanning the break) carried over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.document import BBox, Cell, Table
from parsers.page import GridCell, PageTable, TextLine
from parsers.pdf_text import join_wrapped

EDGE_TOLERANCE = 3.0
"""Column boundaries this close (points) are the same boundary."""
MAX_HEADER_ROWS = 3
MIN_CUT_CHARS = 8
_SENTENCE_END = tuple("。；;.!！?？")
_DECIMAL_POINT_END = re.compile(r"[0-9０-９][.．]$")


@dataclass
class _Cell:
    row: int
    row_span: int
    x0: float
    x1: float
    text: str
    page: int
    bbox: BBox | None
    confidence: float | None
    lines: list[TextLine] = field(default_factory=list)
    col: int = 0
    col_span: int = 1


@dataclass
class StitchedTable:
    """A table being built from one or more page tables."""

    page: int
    cells: list[_Cell]
    edges: list[float]
    n_rows: int
    open_bottom: bool = False
    parts: int = 1

    @classmethod
    def start(cls, table: PageTable, page: int) -> StitchedTable:
        edges = _edges_of(table)
        cells = [_from_grid(cell, edges, page, 0) for cell in table.cells]
        stitched = cls(page=page, cells=cells, edges=edges, n_rows=table.n_rows,
                       open_bottom=table.open_bottom)
        stitched._place()
        return stitched

    def matches(self, table: PageTable) -> bool:
        """Same outer column boundaries, and most inner ones, within tolerance."""
        other = _edges_of(table)
        if abs(other[0] - self.edges[0]) > EDGE_TOLERANCE or abs(other[-1] - self.edges[-1]) > EDGE_TOLERANCE:
            return False
        shared = sum(1 for x in other if any(abs(x - y) <= EDGE_TOLERANCE for y in self.edges))
        return shared >= 0.6 * min(len(other), len(self.edges))

    def extend(self, table: PageTable, page: int) -> None:
        """Append the continuation `table` (first on `page`) to this one."""
        self.edges = _merge_edges(self.edges, _edges_of(table))
        self._place()
        incoming = [_from_grid(cell, _edges_of(table), page, 0) for cell in table.cells]
        for cell in incoming:
            cell.col, cell.col_span = _columns(self.edges, cell.x0, cell.x1)
        incoming, n_rows = _drop_repeated_header(self, incoming, table.n_rows)
        first = [c for c in incoming if c.row == 0]
        last_row = self.n_rows - 1
        split = _is_split_row(self, first, table.open_top)
        offset = last_row if split else self.n_rows
        wrapped = set() if split else {id(c) for c in first if _continues_wrapped_label(self._covering(last_row, c), c)}
        leading = _leading_empty([c for c in first if id(c) not in wrapped])
        self._carry_over_holes(incoming, leading, n_rows, split)
        for cell in incoming:
            above = self._covering(last_row, cell) if cell.row == 0 else None
            if above is not None and (split or id(cell) in wrapped
                                      or _carries_merge(above, cell, cell.col in leading)):
                if cell.text:
                    above.text = join_wrapped([above.text, cell.text])
                    above.lines = above.lines + cell.lines
                above.row_span += cell.row_span - (1 if split else 0)
                continue
            cell.row += offset
            self.cells.append(cell)
        self.n_rows = offset + n_rows
        self.open_bottom = table.open_bottom
        self.parts += 1

    def _carry_over_holes(self, incoming: list[_Cell], leading: set[int], n_rows: int, split: bool) -> None:
        """Extend merged labels over the break where the continuation has no cell at all under them.

        A merged cell carried over the page often gets no rule above its continuation, so no cell is
        found there: the hole reaches down to the first cell found in those columns.
        """
        last_row = self.n_rows - 1
        for above in [c for c in self.cells if c.row <= last_row < c.row + c.row_span and c.text]:
            columns = range(above.col, above.col + above.col_span)
            if not set(columns) <= leading:
                continue
            below = [c.row for c in incoming if c.col < above.col + above.col_span and above.col < c.col + c.col_span]
            depth = min(below, default=n_rows)
            if depth > 0:
                above.row_span += depth - (1 if split else 0)  # a split row's first line is the row itself

    def _covering(self, row: int, cell: _Cell) -> _Cell | None:
        for candidate in self.cells:
            ends_here = candidate.row <= row < candidate.row + candidate.row_span
            if ends_here and candidate.col == cell.col and candidate.col_span == cell.col_span:
                return candidate
        return None

    def _place(self) -> None:
        for cell in self.cells:
            cell.col, cell.col_span = _columns(self.edges, cell.x0, cell.x1)

    def to_table(self, index: int) -> Table:
        self._place()
        cells = sorted(self.cells, key=lambda c: (c.row, c.col))
        return Table(
            index=index, n_rows=self.n_rows, n_cols=len(self.edges) - 1, page=self.page,
            cells=tuple(Cell(row=c.row, col=c.col, row_span=c.row_span, col_span=c.col_span, text=c.text,
                             page=c.page, bbox=c.bbox, confidence=c.confidence) for c in cells),
        )


def _edges_of(table: PageTable) -> list[float]:
    if len(table.col_edges) == table.n_cols + 1:
        return list(table.col_edges)
    # no boundaries given (e.g. OCR): spread the bbox evenly, the best guess without rulings
    x0, _, x1, _ = table.bbox
    return [x0 + (x1 - x0) * i / table.n_cols for i in range(table.n_cols + 1)]


def _merge_edges(a: list[float], b: list[float]) -> list[float]:
    merged: list[float] = []
    for x in sorted(a + b):
        if not merged or x - merged[-1] > EDGE_TOLERANCE:
            merged.append(x)
    return merged


def _nearest(edges: list[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def _columns(edges: list[float], x0: float, x1: float) -> tuple[int, int]:
    start, end = _nearest(edges, x0), _nearest(edges, x1)
    return start, max(1, end - start)


def _from_grid(cell: GridCell, edges: list[float], page: int, row_offset: int) -> _Cell:
    x0 = edges[min(cell.col, len(edges) - 1)]
    x1 = edges[min(cell.col + cell.col_span, len(edges) - 1)]
    return _Cell(row=cell.row + row_offset, row_span=cell.row_span, x0=x0, x1=x1, text=cell.text, page=page,
                 bbox=cell.bbox, confidence=cell.confidence, lines=list(cell.lines))


def _row_signature(cells: list[_Cell], row: int) -> list[tuple[int, int, str]]:
    return sorted((c.col, c.col_span, c.text.replace(" ", "")) for c in cells if c.row == row)


def _drop_repeated_header(table: StitchedTable, incoming: list[_Cell], n_rows: int) -> tuple[list[_Cell], int]:
    """Remove the continuation's first rows when they repeat the table's first rows."""
    for k in range(min(MAX_HEADER_ROWS, n_rows - 1), 0, -1):
        rows = [_row_signature(incoming, r) for r in range(k)]
        same = all(row == _row_signature(table.cells, r) and any(t for _, _, t in row) for r, row in enumerate(rows))
        if same:
            kept = [c for c in incoming if c.row >= k]
            for cell in kept:
                cell.row -= k
            return kept, n_rows - k
    return incoming, n_rows


def _is_cut(cell: _Cell) -> bool:
    """Does the cell's text look cut off by the page break rather than finished?"""
    if not cell.text or (cell.text.endswith(_SENTENCE_END) and not _DECIMAL_POINT_END.search(cell.text)):
        return False  # a finished sentence; "85." is a figure cut after its decimal point
    if not cell.lines or cell.bbox is None:
        # no geometry (OCR): only an unfinished sentence of some length can have been cut
        return len(cell.text) >= MIN_CUT_CHARS
    last = cell.lines[-1]
    size = max(last.size, 1.0)
    # a wrapped line stops less than about two characters (plus padding) short of the cell's right side
    return cell.bbox[2] - last.bbox[2] <= 2 * size + 6


def _is_split_row(table: StitchedTable, first: list[_Cell], open_top: bool) -> bool:
    """Is the continuation's first row the rest of the table's last row, cut in two by the page break?

    Yes when every cell with text in the continuation row continues a cut cell of the last row, and
    the last row has some finished cell left empty below (a weight, a score) or the rule at the
    break is missing.
    """
    last_row = table.n_rows - 1
    own = [c for c in table.cells if c.row == last_row and c.row_span == 1]
    with_text = [c for c in first if c.text]
    if not own or not with_text:
        return False
    for cell in with_text:
        above = next((c for c in own if c.col == cell.col and c.col_span == cell.col_span), None)
        if above is None or not _is_cut(above):
            return False
    text_columns = {c.col for c in with_text}
    # merged labels carried on, not finished cells; a figure (a weight, a score) is never such a label
    labels = _leading_empty(first)
    left_empty = any(c.text and c.col not in text_columns and (c.col not in labels or _is_figure(c.text))
                     for c in own)
    return left_empty or table.open_bottom or open_top


_FIGURE = re.compile(r"^[-+]?[\d０-９.,．，%％]+$")
_OPENING_BRACKETS = "（(【[《〈「『"
_CLOSING_BRACKETS = "）)】]》〉」』"
_NO_LINE_START = _CLOSING_BRACKETS + "，。、；：！？"
"""Marks line breaking keeps off the start of a line (a unit such as % may start a cell of its own)."""


def _is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.replace(" ", "")))


def _continues_wrapped_label(above: _Cell | None, cell: _Cell) -> bool:
    """Is this text at the top of the continuation the rest of the cut cell above, though the rows differ?

    A merged label that starts on the page's last row prints its first line there and the rest in
    the cell the next page rules over the rows it still spans. Only text that cannot start a cell of
    its own says so: a closing bracket or punctuation, or the close of a bracket left open above.
    """
    if above is None or not cell.text or not _is_cut(above):
        return False
    if cell.text[0] in _NO_LINE_START:
        return True
    unclosed = sum(above.text.count(ch) for ch in _OPENING_BRACKETS) - sum(
        above.text.count(ch) for ch in _CLOSING_BRACKETS)
    closes = sum(cell.text.count(ch) for ch in _CLOSING_BRACKETS) - sum(cell.text.count(ch) for ch in _OPENING_BRACKETS)
    return unclosed > 0 and closes >= unclosed


def _leading_empty(first: list[_Cell]) -> set[int]:
    """Columns left of the first text in the continuation's first row (empty cells or no cell at all).

    Tree-shaped tables (一级/二级指标) leave exactly these empty under a label merged over the break.
    """
    with_text = [c.col for c in first if c.text]
    return set(range(min(with_text))) if with_text else set()  # an empty row: nothing to tell


def _carries_merge(above: _Cell, cell: _Cell, in_leading_gap: bool) -> bool:
    """An empty cell at the top of the continuation that continues a merged cell from the page before."""
    return not cell.text and bool(above.text) and (above.row_span >= 2 or cell.row_span >= 2 or in_leading_gap)
