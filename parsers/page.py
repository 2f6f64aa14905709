"""One page's content before a document is assembled: what the PDF text layer or OCR saw.

Both the PDF text-layer reader and the OCR stage produce `PageContent`; the same
assembly code then joins wrapped lines into paragraphs, drops running headers and
footers, and stitches tables continued across pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.document import BBox


@dataclass
class TextLine:
    """A line of text outside any table, in reading order."""

    text: str
    bbox: BBox
    size: float = 0.0
    """Font size (text layer) or line height (OCR), in points: tells headings and footers apart."""
    confidence: float | None = None


@dataclass
class GridCell:
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str = ""
    bbox: BBox | None = None
    confidence: float | None = None
    lines: list[TextLine] = field(default_factory=list)
    """The cell's text lines where known: tells a row cut by a page break from a finished one."""


@dataclass
class PageTable:
    n_rows: int
    n_cols: int
    cells: list[GridCell]
    bbox: BBox
    col_edges: list[float] = field(default_factory=list)
    """x positions of the column boundaries, left to right: matches a continuation on the next page."""
    open_top: bool = False
    """No ruling line closes the table's top (its first row may continue a row from the page before)."""
    open_bottom: bool = False
    """No ruling line closes the table's bottom (its last row may go on over the page)."""


@dataclass
class PageContent:
    number: int
    """1-based page number."""
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    scanned: bool = False
    """True when the content came from OCR."""
    order: list[tuple[str, int]] = field(default_factory=list)
    """Reading order of the page as ("line", i) / ("table", j) entries; empty means top-to-bottom by bbox."""
