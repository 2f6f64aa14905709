"""A scanned PDF page → `PageContent`: deskew, ruling lines, table grids, OCR text in cells and lines.

Steps, all on one grayscale rendering of the page:
1. estimate the skew from the sharpness of the horizontal ink profile and rotate it back;
2. find ruling lines with long thin morphological openings (horizontal / vertical);
3. rebuild each table's grid from the rulings: row and column edges, a merged cell
   wherever a ruling between two grid units is missing;
4. erase the rulings, detect text boxes once for the page, split boxes that straddle
   a column ruling, recognise them, and put each word in its cell or text line.

Coordinates are PDF points (72/inch) with a top-left origin, measured on the
deskewed page. Every cell and line carries the OCR confidence of its weakest word;
below `LOW_CONFIDENCE` its figures should be treated as unknown (`blank_uncertain_figures`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

try:
    import cv2
except ImportError:  # the [ocr] extra is not installed: say so when a scanned page turns up
    cv2 = None

from models.document import BBox
from parsers.errors import UnreadableError
from parsers.ocr import MIN_CONFIDENCE, OcrWord, PixelBox, get_engine
from parsers.page import GridCell, PageContent, PageTable, TextLine

LOW_CONFIDENCE = 0.85
"""Below this a recognition is too often wrong in its digits (see benchmarks/bench_ocr.py) to take figures from it."""

MAX_SKEW_DEGREES = 5.0
GLYPH_HEIGHT_PER_POINT = 0.9
"""Ink height of a line of CJK text relative to its font size; turns measured ink into a font size."""

_FIGURE = re.compile(r"[0-9０-９][0-9０-９,，.．]*\s*[%％‰]?")


def blank_uncertain_figures(text: str, confidence: float | None, threshold: float = LOW_CONFIDENCE) -> str:
    """`text` with every digit-based figure removed when OCR was unsure of it; labels and units are kept.

    A confidence of None (not OCR) or at/above `threshold` leaves the text unchanged, so
    "实际支出512.02万元" read at 0.6 becomes "实际支出万元": the label still maps, the
    figure reads as not given. Chinese numerals are left alone (they also spell labels: 一级指标).
    """
    if confidence is None or confidence >= threshold:
        return text
    return _FIGURE.sub("", text)


def read_scanned_page(pdf_path: Path, page_index: int, dpi: int = 200) -> PageContent:
    """OCR one page (0-based `page_index`) of a PDF into lines and tables; `PageContent.number` is 1-based."""
    if cv2 is None:
        raise UnreadableError("扫描页需要 OCR，但 OCR 组件（opencv-python、rapidocr-onnxruntime）未安装")
    image, width, height = render_page(pdf_path, page_index, dpi)
    return scan_image(image, dpi, number=page_index + 1, width=width, height=height)


def render_page(pdf_path: Path, page_index: int, dpi: int) -> tuple[np.ndarray, float, float]:
    """The page as a grayscale array at `dpi`, and its size in points."""
    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError as error:
        raise UnreadableError(f"PDF 无法打开：{error}") from error
    try:
        page = pdf[page_index]
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = np.array(bitmap.to_numpy(), copy=True)
    finally:
        pdf.close()
    if image.ndim == 3:
        image = image[..., 0]
    return image, float(width), float(height)


def scan_image(gray: np.ndarray, dpi: float, *, number: int, width: float, height: float) -> PageContent:
    """Everything after rendering: usable on any grayscale page image at a known resolution."""
    return _scan(gray, dpi, number=number, width=width, height=height, upright=False)


def _scan(gray: np.ndarray, dpi: float, *, number: int, width: float, height: float, upright: bool) -> PageContent:
    angle = estimate_skew(gray)
    if abs(angle) >= 0.05:
        gray = rotate(gray, -angle)
    ink = binarize(gray)
    horizontal, vertical = table_rulings(*ruling_masks(ink, dpi), dpi)
    grids = find_grids(horizontal, vertical, dpi)
    # Erase only the cell borders the grids found: a glyph stroke fused to a ruling inside a merged cell stays.
    borders = np.zeros_like(ink)
    thickness = max(3, round(dpi * 0.03))
    for grid in grids:
        for index in range(len(grid.cells)):
            x0, top, x1, bottom = (round(v) for v in grid.cell_box(index))
            cv2.rectangle(borders, (x0, top), (x1, bottom), 255, thickness)
    borders &= cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))
    clean = gray.copy()
    clean[borders > 0] = 255
    ink[borders > 0] = 0

    engine = get_engine()
    detected = engine.detect(clean, dpi)
    if not upright and (turns := _quarter_turns(clean, detected, dpi)):
        # A page fed sideways or upside down: turn it upright and start again (sizes swap with a quarter turn).
        size = (height, width) if turns % 2 else (width, height)
        turned = np.ascontiguousarray(np.rot90(gray, k=turns))
        return _scan(turned, dpi, number=number, width=size[0], height=size[1], upright=True)
    boxes = join_overlapping(split_at_rulings(detected, grids, dpi), grids, dpi)
    words = engine.recognize(clean, boxes)
    words += engine.recognize(clean, _missed_cell_boxes(words, grids, ink, dpi))
    words = [_thousands_commas(_figures_unspaced(_dash_or_word(word, ink, dpi))) for word in words]
    return _assemble(words, grids, ink, dpi, number=number, width=width, height=height)


def _quarter_turns(gray: np.ndarray, boxes: list[PixelBox], dpi: float) -> int:
    """Counter-clockwise quarter turns that make the page upright: 0, 1, 2 or 3.

    Text runs are wider than tall; when most boxes stand upright the page lies sideways,
    and the angle classifier then tells which way up the turned page reads.
    """
    engine = get_engine()
    tall = sum(1 for b in boxes if (b[3] - b[1]) > 2 * (b[2] - b[0]))
    wide = sum(1 for b in boxes if (b[2] - b[0]) > 2 * (b[3] - b[1]))
    if tall >= 3 and tall > 2 * wide:
        turned = np.ascontiguousarray(np.rot90(gray, k=1))
        return 3 if engine.upside_down(turned, engine.detect(turned, dpi)) else 1
    return 2 if engine.upside_down(gray, boxes) else 0


# ── deskew ──────────────────────────────────────────────────────────────────────


def estimate_skew(gray: np.ndarray) -> float:
    """Counter-clockwise angle (degrees) the page content is turned by; 0 when it cannot tell.

    Text lines and rulings make the horizontal ink profile sharpest when sheared back
    by exactly the skew; the search is coarse then fine over ±`MAX_SKEW_DEGREES`.
    """
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(binarize(small))
    if len(ys) < 200:
        return 0.0
    if len(ys) > 80_000:
        pick = np.random.default_rng(0).choice(len(ys), 80_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys, xs = ys.astype(np.float64), xs.astype(np.float64)

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        profile = np.bincount(rows - rows.min()).astype(np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    coarse = np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.25)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.025)
    return float(max(fine, key=sharpness))


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate counter-clockwise by `angle` degrees about the centre, keeping the size, filling with white."""
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


# ── rulings and grids ───────────────────────────────────────────────────────────


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink = 255, paper = 0; a local threshold copes with uneven scanner lighting."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


def ruling_masks(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Pixels of horizontal and of vertical ruling lines.

    A horizontal ruling is a thin run longer than 0.35 inch (longer than any glyph
    stroke or dash); a vertical one is taller than 0.17 inch — taller than body-text
    strokes of body text, shorter than the smallest table row. Larger glyphs that pass are dropped
    by `table_rulings`.
    """
    closed_h = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, 5), np.uint8))
    horizontal = cv2.morphologyEx(closed_h, cv2.MORPH_OPEN, np.ones((1, round(dpi * 0.35)), np.uint8))
    closed_v = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((5, 1), np.uint8))
    vertical = cv2.morphologyEx(closed_v, cv2.MORPH_OPEN, np.ones((round(dpi * 0.17), 1), np.uint8))
    return horizontal, vertical


@dataclass
class Grid:
    """One table found in the image, in pixels: edges of its rows and columns and its merged cells."""

    row_edges: list[float]
    col_edges: list[float]
    cells: list[tuple[int, int, int, int]]
    """(row, col, row_span, col_span) of each cell, top-left anchored."""
    unit_cell: dict[tuple[int, int], int]
    """Grid unit → index into `cells`."""
    open_top: bool = False
    """No ruling closes the top: the column rulings run on above the first one (cut by a page break)."""
    open_bottom: bool = False

    @property
    def box(self) -> PixelBox:
        return (self.col_edges[0], self.row_edges[0], self.col_edges[-1], self.row_edges[-1])

    def cell_at(self, x: float, y: float) -> int | None:
        row = bisect.bisect_right(self.row_edges, y) - 1
        col = bisect.bisect_right(self.col_edges, x) - 1
        if 0 <= row < len(self.row_edges) - 1 and 0 <= col < len(self.col_edges) - 1:
            return self.unit_cell[(row, col)]
        return None

    def cell_box(self, index: int) -> PixelBox:
        row, col, row_span, col_span = self.cells[index]
        return (
            self.col_edges[col],
            self.row_edges[row],
            self.col_edges[col + col_span],
            self.row_edges[row + row_span],
        )


Segment = tuple[int, int, int, int]
"""(x, y, width, height) of one connected piece of a ruling mask, in pixels."""


def _segments(mask: np.ndarray) -> list[Segment]:
    """Connected pieces of a ruling mask as (x, y, w, h)."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [tuple(int(v) for v in stats[i][:4]) for i in range(1, count)]  # type: ignore[misc]


def _cluster(values: list[tuple[float, float]], tolerance: float, min_gap: float) -> list[float]:
    """Ruling positions from (position, length) pieces: pieces closer than `tolerance` are one ruling
    drawn a few pixels thick; of two rulings closer than `min_gap` (no text fits between them) the one
    with less length is a glyph stroke and is dropped."""
    groups: list[list[tuple[float, float]]] = []
    for value in sorted(values):
        if groups and value[0] - groups[-1][-1][0] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    edges = [(sum(p for p, _ in group) / len(group), sum(n for _, n in group)) for group in groups]
    while True:
        close = [i for i in range(len(edges) - 1) if edges[i + 1][0] - edges[i][0] < min_gap]
        if not close:
            return [position for position, _ in edges]
        i = close[0]
        del edges[i if edges[i][1] < edges[i + 1][1] else i + 1]


def table_rulings(horizontal: np.ndarray, vertical: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """The ruling masks with only the pieces that meet at least two pieces running the other way.

    Table rulings cross each other; glyph strokes and dashes that passed the openings
    do not, and they must stay ink: they are neither grid edges nor to be erased.
    """
    reach = max(2, round(dpi * 0.015))
    h_segs = [s for s in _segments(horizontal) if s[3] < dpi * 0.1]
    v_segs = [s for s in _segments(vertical) if s[2] < dpi * 0.1]
    v_segs = _crossed(v_segs, h_segs, reach)
    h_segs = _crossed(h_segs, v_segs, reach)
    v_segs = _crossed(v_segs, h_segs, reach)
    kept_h, kept_v = np.zeros_like(horizontal), np.zeros_like(vertical)
    for kept, source, segments in ((kept_h, horizontal, h_segs), (kept_v, vertical, v_segs)):
        for x, y, w, h in segments:
            kept[y : y + h, x : x + w] = source[y : y + h, x : x + w]
    return kept_h, kept_v


def find_grids(horizontal: np.ndarray, vertical: np.ndarray, dpi: float) -> list[Grid]:
    """Tables as grids: each group of crossing rulings (from `table_rulings`) with at least one cell."""
    joined = cv2.dilate(horizontal | vertical, np.ones((7, 7), np.uint8))
    tolerance = dpi * 0.04
    grids: list[Grid] = []
    for x, y, w, h in _segments(joined):
        if w < dpi * 0.5 or h < dpi * 0.15:
            continue
        region_h = horizontal[y : y + h, x : x + w]
        region_v = vertical[y : y + h, x : x + w]
        h_segs = [(sx + x, sy + y, sw, sh) for sx, sy, sw, sh in _segments(region_h)]
        v_segs = [(sx + x, sy + y, sw, sh) for sx, sy, sw, sh in _segments(region_v)]
        min_gap = dpi * 0.15  # a row lower than a line of small text, a column narrower than two characters
        rows = _cluster([(sy + sh / 2, sw) for _, sy, sw, sh in h_segs], tolerance, min_gap)
        cols = _cluster([(sx + sw / 2, sh) for sx, _, sw, sh in v_segs], tolerance, min_gap)
        # An open table (no outer vertical border) still has rulings reaching its outer edge.
        if h_segs and cols:
            left, right = min(s[0] for s in h_segs), max(s[0] + s[2] for s in h_segs)
            if cols[0] - left > dpi * 0.2:
                cols.insert(0, float(left))
            if right - cols[-1] > dpi * 0.2:
                cols.append(float(right))
        # A table cut by a page break often lacks the ruling under its last row (or above its first):
        # the column rulings still run on past the last ruling across them.
        open_top = open_bottom = False
        if rows and v_segs:
            top_end, bottom_end = min(s[1] for s in v_segs), max(s[1] + s[3] for s in v_segs)
            if rows[0] - top_end > dpi * 0.1:
                rows.insert(0, float(top_end))
                open_top = True
            if bottom_end - rows[-1] > dpi * 0.1:
                rows.append(float(bottom_end))
                open_bottom = True
        # Smaller than one row of body text: strokes of bold headings crossing, not a table.
        if len(rows) < 2 or len(cols) < 2 or cols[-1] - cols[0] < dpi * 0.75 or rows[-1] - rows[0] < dpi * 0.17:
            continue
        rows, cols = _supported(rows, cols, horizontal, vertical, dpi)
        grid = _grid(rows, cols, horizontal, vertical, dpi)
        grid.open_top, grid.open_bottom = open_top, open_bottom
        grids.append(grid)
    grids.sort(key=lambda grid: grid.row_edges[0])
    return grids


def _crossed(segments: list[Segment], across: list[Segment], tolerance: float) -> list[Segment]:
    """The segments that touch at least two of the segments running the other way."""

    def touch(a: Segment, b: Segment) -> bool:
        ax, ay, aw, ah = a
        bx, by, bw, bh = b
        return (
            ax - tolerance <= bx + bw
            and bx - tolerance <= ax + aw
            and ay - tolerance <= by + bh
            and (by - tolerance <= ay + ah)
        )

    return [segment for segment in segments if sum(touch(segment, other) for other in across) >= 2]


def _covered(mask: np.ndarray, band: slice, span: slice, *, along_rows: bool) -> bool:
    """Whether a ruling runs along nearly all of `span` within the thin `band` around an edge.

    Nearly all: a glyph stroke touching a ruling inside a merged cell covers part of the
    span, never all of it.
    """
    strip = mask[span, band] if along_rows else mask[band, span]
    if strip.size == 0:
        return False
    hits = strip.any(axis=1) if along_rows else strip.any(axis=0)
    return float(hits.mean()) >= 0.85


def _supported(
    rows: list[float], cols: list[float], horizontal: np.ndarray, vertical: np.ndarray, dpi: float
) -> tuple[list[float], list[float]]:
    """Drop inner edges whose ruling does not run the full length of a single grid unit anywhere.

    A real ruling always bounds at least one cell from corner to corner; strokes of glyphs
    that survived the filters cover part of a unit at most. (An edge that bounds nothing
    would only make every cell across it a merged one.)
    """
    reach = max(2, round(dpi * 0.03))
    rows, cols = list(rows), list(cols)

    def band(edge: float) -> slice:
        return slice(max(0, round(edge) - reach), round(edge) + reach + 1)

    def between(low: float, high: float) -> slice:
        return slice(round(low) + reach, round(high) - reach)

    def bounds(mask: np.ndarray, edge: float, low: float, high: float, *, along_rows: bool) -> bool:
        # Covered from end to end, and meeting the rulings at both ends: a tall glyph stroke in a low row
        # (the middle of 中) can cover most of the unit, but stops short of one of them.
        ends = (band(low), band(high))
        return _covered(mask, band(edge), between(low, high), along_rows=along_rows) and all(
            (mask[end, band(edge)] if along_rows else mask[band(edge), end]).any() for end in ends
        )

    changed = True
    while changed:
        changed = False
        for i in range(1, len(cols) - 1):
            if not any(bounds(vertical, cols[i], a, b, along_rows=True) for a, b in itertools.pairwise(rows)):
                del cols[i]
                changed = True
                break
        for i in range(1, len(rows) - 1):
            if not any(bounds(horizontal, rows[i], a, b, along_rows=False) for a, b in itertools.pairwise(cols)):
                del rows[i]
                changed = True
                break
    return rows, cols


def _grid(rows: list[float], cols: list[float], horizontal: np.ndarray, vertical: np.ndarray, dpi: float) -> Grid:
    """Merge grid units wherever the ruling between them is missing, and read off the cells."""
    reach = max(2, round(dpi * 0.03))
    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(unit: tuple[int, int]) -> tuple[int, int]:
        while parent[unit] != unit:
            parent[unit] = parent[parent[unit]]
            unit = parent[unit]
        return unit

    def between(low: float, high: float) -> slice:
        return slice(round(low) + reach, round(high) - reach)

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols:
                band = slice(max(0, round(cols[c + 1]) - reach), round(cols[c + 1]) + reach + 1)
                if not _covered(vertical, band, between(rows[r], rows[r + 1]), along_rows=True):
                    parent[find((r, c + 1))] = find((r, c))
            if r + 1 < n_rows:
                band = slice(max(0, round(rows[r + 1]) - reach), round(rows[r + 1]) + reach + 1)
                if not _covered(horizontal, band, between(cols[c], cols[c + 1]), along_rows=False):
                    parent[find((r + 1, c))] = find((r, c))

    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for unit in sorted(parent):
        groups.setdefault(find(unit), []).append(unit)
    cells: list[tuple[int, int, int, int]] = []
    unit_cell: dict[tuple[int, int], int] = {}
    for units in sorted(groups.values()):
        top, left = min(r for r, _ in units), min(c for _, c in units)
        bottom, right = max(r for r, _ in units), max(c for _, c in units)
        for unit in units:
            unit_cell[unit] = len(cells)
        cells.append((top, left, bottom - top + 1, right - left + 1))
    return Grid(row_edges=rows, col_edges=cols, cells=cells, unit_cell=unit_cell)


def split_at_rulings(boxes: list[PixelBox], grids: list[Grid], dpi: float) -> list[PixelBox]:
    """Cut text boxes that run across a column ruling, so each piece belongs to one cell."""
    margin = dpi * 0.04
    result: list[PixelBox] = []
    for box in boxes:
        x0, top, x1, bottom = box
        middle = (top + bottom) / 2
        cuts = [
            edge
            for grid in grids
            for edge in grid.col_edges
            if x0 + margin < edge < x1 - margin
            and grid.cell_at(edge - margin, middle) != grid.cell_at(edge + margin, middle)
        ]
        edges = [x0, *sorted(cuts), x1]
        result.extend((left, top, right, bottom) for left, right in itertools.pairwise(edges))
    return result


def join_overlapping(boxes: list[PixelBox], grids: list[Grid], dpi: float) -> list[PixelBox]:
    """One box for pieces in the same cell and line that overlap or touch side by side.

    The detector, working on a reduced page, may give two boxes over one run of text (one of
    them reaching in from the next cell); cut at the ruling, each piece holds part of the same
    glyphs, and read apart they add a stray character: 分值 + the right half of 值 → "分值直".
    """
    touching = dpi * 0.01
    while True:
        result: list[PixelBox] = []
        for box in boxes:
            for index, kept in enumerate(result):
                if _same_run(box, kept, grids, touching):
                    result[index] = (
                        min(box[0], kept[0]), min(box[1], kept[1]), max(box[2], kept[2]), max(box[3], kept[3])
                    )  # fmt: skip
                    break
            else:
                result.append(box)
        if len(result) == len(boxes):  # a joined box may now meet another one: join until nothing changes
            return result
        boxes = result


def _same_run(a: PixelBox, b: PixelBox, grids: list[Grid], touching: float) -> bool:
    """Whether two boxes are one run of text: same cell, same line, no gap between them."""
    vertical = min(a[3], b[3]) - max(a[1], b[1])
    if vertical <= 0.5 * min(a[3] - a[1], b[3] - b[1]):
        return False
    if max(a[0], b[0]) - min(a[2], b[2]) > touching:
        return False
    for grid in grids:
        cell_a = grid.cell_at((a[0] + a[2]) / 2, (a[1] + a[3]) / 2)
        if cell_a is not None:
            return cell_a == grid.cell_at((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
    return False


def _missed_cell_boxes(words: list[OcrWord], grids: list[Grid], ink: np.ndarray, dpi: float) -> list[PixelBox]:
    """Boxes around the marks of cells that hold ink but got no word: the detector misses lone digits and dashes."""
    filled: set[tuple[int, int]] = set()
    for word in words:
        x, y = (word.box[0] + word.box[2]) / 2, (word.box[1] + word.box[3]) / 2
        for number, grid in enumerate(grids):
            index = grid.cell_at(x, y)
            if index is not None:
                filled.add((number, index))
    pad = dpi * 0.02
    boxes: list[PixelBox] = []
    for number, grid in enumerate(grids):
        for index in range(len(grid.cells)):
            marks = None if (number, index) in filled else _ink_box(ink, grid.cell_box(index), dpi)
            if marks is not None:
                boxes.append((marks[0] - pad, marks[1] - pad, marks[2] + pad, marks[3] + pad))
    return boxes


def _ink_box(ink: np.ndarray, box: PixelBox, dpi: float) -> PixelBox | None:
    """The bounding box of the marks inside a cell (borders trimmed), or None for a blank cell."""
    trim = dpi * 0.03
    x0, top, x1, bottom = (round(box[0] + trim), round(box[1] + trim), round(box[2] - trim), round(box[3] - trim))
    if x1 <= x0 or bottom <= top:
        return None
    area = ink[top:bottom, x0:x1]
    if int(np.count_nonzero(area)) < (dpi / 40) ** 2:
        return None
    rows, cols = np.flatnonzero(area.any(axis=1)), np.flatnonzero(area.any(axis=0))
    return (x0 + cols[0], top + rows[0], x0 + cols[-1] + 1, top + rows[-1] + 1)


def _dash_or_word(word: OcrWord, ink: np.ndarray, dpi: float) -> OcrWord:
    """A lone dash (—, the forms' "not given") is often read as 一 or 二: its ink, one thin stroke, tells."""
    if len(word.text) > 2:
        return word
    x0, top, x1, bottom = (round(v) for v in word.box)
    rows = np.flatnonzero(ink[top:bottom, x0:x1].any(axis=1))
    if len(rows) and rows[-1] - rows[0] + 1 <= dpi * 0.035 and (x1 - x0) > 2 * (rows[-1] - rows[0] + 1):
        return OcrWord(text="—", box=word.box, confidence=word.confidence)
    return word


_SPACED_DIGITS = re.compile(r"(?<=[0-9.．])\s+(?=[0-9])")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _figures_unspaced(word: OcrWord) -> OcrWord:
    """Full-width digits (３１７．２７８１) stand half a character apart, and the recogniser reads the gaps as
    spaces ("66.4 287万元"): in Chinese text a space between digits is such a gap, never a separator."""
    if not _CJK.search(word.text) or not _SPACED_DIGITS.search(word.text):
        return word
    return OcrWord(text=_SPACED_DIGITS.sub("", word.text), box=word.box, confidence=word.confidence)


# ── assembly ────────────────────────────────────────────────────────────────────


def _join(words: list[OcrWord]) -> str:
    """Words of one cell or line in reading order: rows top to bottom, words left to right.

    Wrapped Chinese text joins without a space; a wide gap on one row, or two
    Latin/digit runs meeting, keeps one space.
    """
    rows: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: (w.box[1] + w.box[3]) / 2):
        centre = (word.box[1] + word.box[3]) / 2
        if rows:
            last = rows[-1][-1]
            if abs(centre - (last.box[1] + last.box[3]) / 2) < (last.box[3] - last.box[1]) * 0.5:
                rows[-1].append(word)
                continue
        rows.append([word])
    text = ""
    for row in rows:
        previous: OcrWord | None = None
        for word in sorted(row, key=lambda w: w.box[0]):
            gap_wide = previous is not None and word.box[0] - previous.box[2] > (word.box[3] - word.box[1])
            if text and (
                gap_wide
                or (text[-1].isascii() and text[-1].isalnum() and word.text[0].isascii() and word.text[0].isalnum())
            ):
                text += " "
            text += word.text
            previous = word
    return text


def _lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Words outside tables grouped into visual lines (vertical overlap with the line so far)."""
    lines: list[list[OcrWord]] = []
    spans: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.box[1], w.box[0])):
        top, bottom = word.box[1], word.box[3]
        for index, (line_top, line_bottom) in enumerate(spans):
            overlap = min(bottom, line_bottom) - max(top, line_top)
            if overlap > 0.5 * min(bottom - top, line_bottom - line_top):
                lines[index].append(word)
                spans[index] = (min(top, line_top), max(bottom, line_bottom))
                break
        else:
            lines.append([word])
            spans.append((top, bottom))
    return lines


def _assemble(
    words: list[OcrWord], grids: list[Grid], ink: np.ndarray, dpi: float, *, number: int, width: float, height: float
) -> PageContent:
    scale = 72 / dpi

    in_cells: list[dict[int, list[OcrWord]]] = [{} for _ in grids]
    outside: list[OcrWord] = []
    for word in words:
        x, y = (word.box[0] + word.box[2]) / 2, (word.box[1] + word.box[3]) / 2
        for grid, cell_words in zip(grids, in_cells, strict=True):
            index = grid.cell_at(x, y)
            if index is not None:
                cell_words.setdefault(index, []).append(word)
                break
        else:
            outside.append(word)

    page = PageContent(number=number, width=width, height=height, scanned=True)
    for grid, cell_words in zip(grids, in_cells, strict=True):
        cells = []
        for index, (row, col, row_span, col_span) in enumerate(grid.cells):
            found = cell_words.get(index, [])
            legible = [w for w in found if w.confidence >= MIN_CONFIDENCE]
            box = grid.cell_box(index)
            if found:
                confidence = min(w.confidence for w in found)
            else:  # nothing read: sure it is blank only when it holds no marks
                confidence = 0.0 if _ink_box(ink, box, dpi) is not None else 1.0
            cells.append(
                GridCell(
                    row=row,
                    col=col,
                    row_span=row_span,
                    col_span=col_span,
                    text=_join(legible),
                    bbox=_points(box, dpi),
                    confidence=round(confidence, 4),
                    lines=[line for words in _lines(found) if (line := _text_line(words, ink, dpi)) is not None],
                )
            )
        page.tables.append(
            PageTable(
                n_rows=len(grid.row_edges) - 1,
                n_cols=len(grid.col_edges) - 1,
                cells=cells,
                bbox=_points(grid.box, dpi),
                col_edges=[round(float(e) * scale, 2) for e in grid.col_edges],
                open_top=grid.open_top,
                open_bottom=grid.open_bottom,
            )
        )

    for words_of_line in _lines(outside):
        line = _text_line(words_of_line, ink, dpi)
        if line is not None:
            page.lines.append(line)

    _snap_to_body_size(page.lines)
    items = [(line.bbox[1], "line", i) for i, line in enumerate(page.lines)]
    items += [(table.bbox[1], "table", j) for j, table in enumerate(page.tables)]
    page.order = [(kind, index) for _, kind, index in sorted(items)]
    return page


def _text_line(words: list[OcrWord], ink: np.ndarray, dpi: float) -> TextLine | None:
    """One visual line; its confidence is that of its weakest word, illegible ones included."""
    legible = [w for w in words if w.confidence >= MIN_CONFIDENCE]
    if not legible:
        return None
    box = _tight(
        ink,
        (
            min(w.box[0] for w in words),
            min(w.box[1] for w in words),
            max(w.box[2] for w in words),
            max(w.box[3] for w in words),
        ),
    )
    return TextLine(
        text=_join(legible),
        bbox=_points(box, dpi),
        size=_font_size(ink, box, dpi),
        confidence=round(min(w.confidence for w in words), 4),
    )


def _ink_rows(ink: np.ndarray, box: PixelBox, share: float) -> tuple[int, int] | None:
    """First and last image row of the line's glyphs: the run of rows holding more than `share` of
    the fullest row's ink around the box's middle. The search reaches half a box beyond the box
    (detector boxes can clip glyph tops) and stops at the blank rows between lines."""
    x0, top, x1, bottom = (round(v) for v in box)
    reach = (bottom - top) // 2
    start = max(0, top - reach)
    profile = np.count_nonzero(ink[start : bottom + reach, x0:x1], axis=1)
    middle = (top + bottom) // 2 - start
    if profile.size == 0 or middle >= profile.size or not profile.max():
        return None
    inked = profile > share * profile[top - start : bottom - start].max()
    if not inked[middle]:
        candidates = np.flatnonzero(inked[top - start : bottom - start])
        if not len(candidates):
            return None
        middle = top - start + int(candidates[len(candidates) // 2])
    first = middle
    while first > 0 and inked[first - 1]:
        first -= 1
    last = middle
    while last + 1 < len(inked) and inked[last + 1]:
        last += 1
    # Within the box, a short blank run is the gap between strokes of one glyph (the top stroke of 元, 二, 六),
    # not between lines: a line of one or two such glyphs would otherwise measure smaller than it is.
    gap_limit = (bottom - top) // 5
    first = _bridged(inked, first, -1, max(0, top - start), gap_limit)
    last = _bridged(inked, last, 1, min(len(inked), bottom - start) - 1, gap_limit)
    return start + first, start + last


def _bridged(inked: np.ndarray, edge: int, step: int, bound: int, gap_limit: int) -> int:
    """`edge` moved by `step` to the farthest inked row up to `bound`, across blank runs of `gap_limit` rows at most."""
    probe, gap = edge + step, 0
    while (probe - bound) * step <= 0 and gap <= gap_limit:
        if inked[probe]:
            edge, gap = probe, 0
        else:
            gap += 1
        probe += step
    return edge


def _tight(ink: np.ndarray, box: PixelBox) -> PixelBox:
    """The box fitted to the line's ink: detector boxes carry a margin that grows with their size."""
    rows = _ink_rows(ink, box, 0.02)
    if rows is None:
        return box
    x0, x1 = round(box[0]), round(box[2])
    cols = np.flatnonzero(ink[rows[0] : rows[1] + 1, x0:x1].any(axis=0))
    return (x0 + cols[0], rows[0], x0 + cols[-1] + 1, rows[1] + 1) if len(cols) else box


def _points(box: PixelBox, dpi: float) -> BBox:
    scale = 72 / dpi
    return tuple(round(float(v) * scale, 2) for v in box)  # type: ignore[return-value]


def _font_size(ink: np.ndarray, box: PixelBox, dpi: float) -> float:
    """Font size in points from the height of the line's well-inked rows.

    Rows with little ink (the tails of brackets and quotes) are left out, so the
    measure follows the body of the glyphs rather than the punctuation a line holds.
    """
    rows = _ink_rows(ink, box, 0.15)
    ink_height = (rows[1] - rows[0] + 1) if rows else (box[3] - box[1]) * 0.6
    return round(float(ink_height) * 72 / dpi / GLYPH_HEIGHT_PER_POINT * 2) / 2


def _snap_to_body_size(lines: list[TextLine]) -> None:
    """Give lines within a point of the page's body size exactly that size.

    Measured sizes of one font wander by about half a point with the letters a line
    holds; paragraph assembly reads a change of more than a point as a new paragraph.
    """
    long_lines = [line.size for line in lines if len(line.text) >= 10] or [line.size for line in lines]
    if not long_lines:
        return
    body = float(np.median(long_lines))
    for line in lines:
        if abs(line.size - body) <= 1.0:
            line.size = body


_GROUPED_FIGURE = re.compile(
    r"(?<![0-9.．,，])(?P<groups>[0-9]{1,3}(?:[,，][0-9]{3})+)(?![0-9])(?P<decimals>[.．][0-9]+)?(?P<unit>\s*[万亿]?元)?"
)


def _thousands_commas(word: OcrWord) -> OcrWord:
    """A comma between digit groups read as the full-width one (9,225，409元): beside digits the recogniser cannot
    tell the two apart, and a figure cut at "，" reads as its last group (409元). Groups of three are taken for
    one figure only with more evidence of an amount: another comma that is a separator, decimals or a money
    unit; "95，100分" stays two figures."""
    if "，" not in word.text:
        return word

    def regrouped(match: re.Match[str]) -> str:
        groups = match.group("groups")
        if "," in groups or match.group("decimals") or match.group("unit"):
            groups = groups.replace("，", ",")
        return groups + (match.group("decimals") or "") + (match.group("unit") or "")

    text = _GROUPED_FIGURE.sub(regrouped, word.text)
    return word if text == word.text else OcrWord(text=text, box=word.box, confidence=word.confidence)
