"""What PDFium sees on one page: characters with boxes, ruling-line edges, and object counts.

PDFium is used instead of pdfminer for the raw page objects because it reads a page in about
a millisecond where pdfminer's layout pass takes tens; the geometry that follows (lines, tables)
is ours and pdfplumber's, independent of which engine read the bytes.
All coordinates are PDF points with the origin at the page's top-left corner (as in pdfplumber).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

_AXIS_TOLERANCE = 0.5
"""A segment whose ends differ by less than this in x (or y) is a vertical (horizontal) rule."""
_MIN_EDGE_LENGTH = 1.0


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Edge:
    """A horizontal ("h") or vertical ("v") ruling segment."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float

    def as_plumber(self) -> dict[str, float | str]:
        return {"orientation": self.orientation, "x0": self.x0, "x1": self.x1, "top": self.top,
                "bottom": self.bottom, "width": self.x1 - self.x0, "height": self.bottom - self.top,
                "object_type": "line"}


@dataclass
class PageObjects:
    width: float
    height: float
    chars: list[Char]
    edges: list[Edge]
    unmapped_chars: int
    """Glyphs without a Unicode meaning ((cid:x)-style, private-use, replacement characters)."""
    object_count: int
    image_area: float
    """Share of the page covered by images (0–1): a scan is one big image."""


def count_objects(page: pdfium.PdfPage) -> int:
    return int(raw.FPDFPage_CountObjects(page.raw))


def read_page_objects(page: pdfium.PdfPage, *, with_paths: bool = True) -> PageObjects:
    """Characters always; ruling edges and image coverage unless `with_paths` is off (huge pages)."""
    left, bottom, right, top = page.get_mediabox()
    width, height = right - left, top - bottom
    frame = (left, top)  # PDF user space → top-left origin of the media box (which need not be 0, 0)
    text_page = page.get_textpage()
    try:
        chars, unmapped = _read_chars(text_page, frame)
    finally:
        text_page.close()
    edges, image_area = _read_paths_and_images(page, frame, width * height) if with_paths else ([], 0.0)
    return PageObjects(width, height, chars, edges, unmapped, count_objects(page), image_area)


def is_unmapped(code: int) -> bool:
    return code == 0xFFFD or 0xE000 <= code <= 0xF8FF or (code < 0x20 and code not in (9, 10, 13))


def _read_chars(text_page: pdfium.PdfTextPage, frame: tuple[float, float]) -> tuple[list[Char], int]:
    left, top = frame
    handle = text_page.raw
    rect = raw.FS_RECTF()
    chars: list[Char] = []
    unmapped = 0
    for index in range(raw.FPDFText_CountChars(handle)):
        if raw.FPDFText_IsGenerated(handle, index):
            continue  # PDFium's own guessed spaces and line breaks: we place spaces from geometry
        code = raw.FPDFText_GetUnicode(handle, index)
        if code in (10, 13):
            continue
        if is_unmapped(code) or raw.FPDFText_HasUnicodeMapError(handle, index) == 1:
            unmapped += 1
        if not raw.FPDFText_GetLooseCharBox(handle, index, rect):
            continue
        text = chr(code) if code < 0x110000 else "\ufffd"
        chars.append(Char(text, rect.left - left, top - rect.top, rect.right - left, top - rect.bottom,
                          raw.FPDFText_GetFontSize(handle, index)))
    return chars, unmapped


def _read_paths_and_images(page: pdfium.PdfPage, frame: tuple[float, float],
                           page_area: float) -> tuple[list[Edge], float]:
    edges: list[Edge] = []
    image_area = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                image_area += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            edges.extend(_path_edges(obj, frame))
    return edges, min(1.0, image_area / page_area) if page_area else 0.0


def _path_edges(obj: raw.FPDF_PAGEOBJECT, frame: tuple[float, float]) -> list[Edge]:
    """Axis-aligned straight segments of one path (rectangles give their four sides)."""
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    edges: list[Edge] = []

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        edge = _edge_between(p, q, frame)
        if edge is not None:
            edges.append(edge)

    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and points:
            add(points[-1], point)
        points.append(point)
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            add(point, start)
    return edges


def _edge_between(p: tuple[float, float], q: tuple[float, float], frame: tuple[float, float]) -> Edge | None:
    left, page_top = frame
    (x0, y0), (x1, y1) = (p[0] - left, p[1]), (q[0] - left, q[1])
    if abs(y0 - y1) < _AXIS_TOLERANCE and abs(x1 - x0) >= _MIN_EDGE_LENGTH:
        top = page_top - y0
        return Edge("h", min(x0, x1), top, max(x0, x1), top)
    if abs(x0 - x1) < _AXIS_TOLERANCE and abs(y1 - y0) >= _MIN_EDGE_LENGTH:
        return Edge("v", x0, page_top - max(y0, y1), x0, page_top - min(y0, y1))
    return None
