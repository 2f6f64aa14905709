"""Ruling lines → tables: pdfplumber's cell finder, then one grid per table with merged cells as spans.

The grid is computed from the distinct x and y edges of the cells, so a cell covering several grid
columns or rows gets col_span/row_span — the same model the Word reader produces.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from pdfplumber import table as plumber_table
from pdfplumber import utils as plumber_utils

from models.document import BBox
from parsers.page import GridCell, PageTable
from parsers.pdf_objects import Char, Edge
from parsers.pdf_text import build_lines, join_wrapped

SNAP = 3.0
"""pdfplumber's default snap/join/intersection tolerance, in points."""
TOUCHING_SHARED = 0.5
"""Two touching tables share at most this share of the inner column boundaries of the one with fewer."""
OPEN_END_MIN = 4.0
"""A vertical rule running this far past the last horizontal rule marks a row left open by a page break."""


def _cluster(values: Sequence[float], tolerance: float = SNAP) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > tolerance:
            result.append(value)
    return result


def _close_open_ends(edges: list[Edge]) -> tuple[list[Edge], set[float], set[float]]:
    """Add a horizontal rule where several vertical rules stop with nothing across their ends.

    A table cut by a page break often loses the rule under its last row (or above its first row on
    the next page); without it pdfplumber finds no cells there and the row's text would be lost.
    Returns the edges plus the y positions of the added bottom and top rules.
    """
    horizontals = [e for e in edges if e.orientation == "h"]
    verticals = [e for e in edges if e.orientation == "v"]

    def crossed(x: float, y: float) -> bool:
        return any(abs(h.top - y) <= SNAP and h.x0 - SNAP <= x <= h.x1 + SNAP for h in horizontals)

    def beyond(v: Edge, y: float, below: bool) -> bool:
        # the rule also crosses some horizontal rule, and runs on past it by a margin
        ys = [h.top for h in horizontals
              if h.x0 - SNAP <= v.x0 <= h.x1 + SNAP and v.top - SNAP <= h.top <= v.bottom + SNAP]
        if not ys:
            return False
        return y - max(ys) >= OPEN_END_MIN if below else min(ys) - y >= OPEN_END_MIN

    added: list[Edge] = []
    bottoms: set[float] = set()
    tops: set[float] = set()
    for below in (True, False):
        ends = [(v.bottom if below else v.top, v) for v in verticals]
        open_ends = [(y, v) for y, v in ends if not crossed(v.x0, y) and beyond(v, y, below)]
        for y in _cluster([y for y, _ in open_ends]):
            group = [v for yy, v in open_ends if abs(yy - y) <= SNAP]
            if len(group) >= 2:
                x0, x1 = min(v.x0 for v in group), max(v.x0 for v in group)
                added.append(Edge("h", x0, y, x1, y))
                (bottoms if below else tops).add(y)
    return edges + added, bottoms, tops


def find_cell_groups(edges: list[Edge]) -> tuple[list[list[BBox]], set[float], set[float]]:
    """Cell boxes of each table on the page (pdfplumber's lattice algorithm on our edges)."""
    edges, open_bottoms, open_tops = _close_open_ends(edges)
    merged = plumber_table.merge_edges([e.as_plumber() for e in edges], SNAP, SNAP, SNAP, SNAP)
    merged = plumber_utils.filter_edges(merged, min_length=SNAP)
    intersections = plumber_table.edges_to_intersections(merged, SNAP, SNAP)
    cells = plumber_table.intersections_to_cells(intersections)
    groups = [group for group in plumber_table.cells_to_tables(cells) if len(group) >= 2]
    groups = [part for group in groups for part in _split_touching(group) if len(part) >= 2]
    return groups, open_bottoms, open_tops


def _split_touching(cells: list[BBox]) -> list[list[BBox]]:
    """Tables printed one right under the other share a ruling and come out of the cell finder as one.

    They are told apart where no cell crosses a horizontal boundary and the column boundaries on either
    side have little in common (two tables may share one by chance), both between the two rows that
    meet there and between everything above and everything below: the rows of one table share its
    grid (a label and one wide cell under a table keep the label's boundary from some row above).
    """
    left, right = min(c[0] for c in cells), max(c[2] for c in cells)

    def inner(chosen: list[BBox]) -> list[float]:
        return _cluster([x for c in chosen for x in (c[0], c[2]) if x - left > SNAP and right - x > SNAP])

    for y in _cluster([c[1] for c in cells])[1:]:
        if any(c[1] < y - SNAP and c[3] > y + SNAP for c in cells):
            continue
        upper = [c for c in cells if c[3] <= y + SNAP]
        lower = [c for c in cells if c[1] >= y - SNAP]
        meeting_above = inner([c for c in upper if abs(c[3] - y) <= SNAP])
        meeting_below = inner([c for c in lower if abs(c[1] - y) <= SNAP])
        if _apart(meeting_above, meeting_below) and _apart(inner(upper), inner(lower)) and len(upper) >= 2:
            return [upper, *_split_touching(lower)] if len(lower) >= 2 else [cells]
    return [cells]


def _apart(a: list[float], b: list[float]) -> bool:
    """Both sides have inner boundaries, and few of the smaller side's are on the other side."""
    fewer, more = sorted((a, b), key=len)
    shared = sum(1 for x in fewer if any(abs(x - y) <= SNAP for y in more))
    return bool(fewer) and shared <= TOUCHING_SHARED * len(fewer)


class _Grid:
    def __init__(self, cells: list[BBox]) -> None:
        self.xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
        self.ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])

    def col(self, x: float) -> int:
        return _nearest(self.xs, x)

    def row(self, y: float) -> int:
        return _nearest(self.ys, y)


def _nearest(values: list[float], x: float) -> int:
    """Index of the sorted value closest to x."""
    i = bisect_right(values, x)
    if i == 0:
        return 0
    if i == len(values) or x - values[i - 1] <= values[i] - x:
        return i - 1
    return i


def build_tables(edges: list[Edge], chars: list[Char]) -> tuple[list[PageTable], list[Char]]:
    """Tables on the page with their cell texts, and the characters that lie outside every table."""
    groups, open_bottoms, open_tops = find_cell_groups(edges)
    if not groups:
        return [], chars
    boxes = [_bbox_of(group) for group in groups]
    tables: list[tuple[_Grid, list[tuple[int, int, int, int, BBox]], dict[tuple[int, int], int]]] = []
    for group in groups:
        grid = _Grid(group)
        anchors: list[tuple[int, int, int, int, BBox]] = []
        owner: dict[tuple[int, int], int] = {}
        for box in sorted(group, key=lambda b: (b[1], b[0])):
            r0, r1, c0, c1 = grid.row(box[1]), grid.row(box[3]), grid.col(box[0]), grid.col(box[2])
            if r1 <= r0 or c1 <= c0 or (r0, c0) in owner:
                continue
            for r in range(r0, r1):
                for c in range(c0, c1):
                    owner.setdefault((r, c), len(anchors))
            anchors.append((r0, c0, r1 - r0, c1 - c0, box))
        _fill_holes_from_above(anchors, owner, grid.ys)
        tables.append((grid, anchors, owner))

    cell_chars: list[list[list[Char]]] = [[[] for _ in anchors] for _, anchors, _ in tables]
    outside: list[Char] = []
    for char in chars:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        for index, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= x <= x1 and top <= y <= bottom:
                grid, _, owner = tables[index]
                slot = owner.get((bisect_right(grid.ys, y) - 1, bisect_right(grid.xs, x) - 1))
                if slot is None:
                    outside.append(char)  # in a gap of the ruling: keep it as page text, never lose it
                else:
                    cell_chars[index][slot].append(char)
                break
        else:
            outside.append(char)

    page_tables = []
    for index, (grid, anchors, _) in enumerate(tables):
        cells = []
        for slot, (row, col, row_span, col_span, box) in enumerate(anchors):
            lines = build_lines(cell_chars[index][slot])
            cells.append(GridCell(row=row, col=col, row_span=row_span, col_span=col_span,
                                  text=join_wrapped([line.text for line in lines]), bbox=_rounded(box), lines=lines))
        bbox = boxes[index]
        page_tables.append(PageTable(
            n_rows=len(grid.ys) - 1, n_cols=len(grid.xs) - 1, cells=cells, bbox=_rounded(bbox),
            col_edges=[round(x, 2) for x in grid.xs],
            open_top=any(abs(y - bbox[1]) <= SNAP for y in open_tops),
            open_bottom=any(abs(y - bbox[3]) <= SNAP for y in open_bottoms),
        ))
    return page_tables, outside


def _fill_holes_from_above(anchors: list[tuple[int, int, int, int, BBox]], owner: dict[tuple[int, int], int],
                           ys: list[float]) -> None:
    """Grow a cell down into the grid positions under it that no ruled cell covers.

    A position without a cell is a place where the rule under the cell above was not drawn (a merged
    label whose bottom border a renderer left out): it belongs to that cell.
    """
    for row in range(1, len(ys) - 1):
        for slot, (r0, c0, row_span, col_span, box) in enumerate(anchors):
            if r0 + row_span != row:
                continue
            columns = range(c0, c0 + col_span)
            if any((row, c) in owner for c in columns):
                continue
            for c in columns:
                owner[(row, c)] = slot
            anchors[slot] = (r0, c0, row_span + 1, col_span, (box[0], box[1], box[2], ys[row + 1]))


def _bbox_of(cells: list[BBox]) -> BBox:
    return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))


def _rounded(box: BBox) -> BBox:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))
