"""A small block model (paragraphs and merged-cell tables) and its deterministic .docx writer.

Genre modules describe a document as `Para` and `Grid` blocks; this module alone
knows python-docx. Saving rewrites the zip with fixed timestamps and fixed core
properties, so one seed always yields the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor

from corpus.wordfiles import save_stable, set_a4_page, set_fonts

FIXED_TIME = dt.datetime(2022, 1, 1, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2022, 1, 1, 9, 0, 0)
BODY_FONT, HEADING_FONT = "宋体", "黑体"
PAGE_TEXT_WIDTH_CM = 16.0
_SHORT_COLUMN_CM = 2.0

Style = Literal["title", "subtitle", "heading", "body", "plain"]
_WORD_STYLES: dict[str, str] = {
    "title": "Title",
    "subtitle": "Subtitle",
    "heading": "Heading 2",
    "body": "Body Text",
    "plain": "Normal",
}


@dataclass(frozen=True)
class Para:
    text: str
    style: Style = "body"


@dataclass(frozen=True)
class Cell:
    """One logical cell: text, grid columns covered, and its role in a vertical merge."""

    text: str = ""
    span: int = 1
    vmerge: Literal["restart", "continue"] | None = None


UNDER = Cell(vmerge="continue")
"""A grid position covered by the vertically merged cell above."""


def top(text: str, span: int = 1) -> Cell:
    """The first cell of a vertical merge."""
    return Cell(text, span=span, vmerge="restart")


@dataclass
class Grid:
    """A table as rows of logical cells; every row covers `n_cols` grid columns."""

    n_cols: int
    rows: list[list[Cell]] = field(default_factory=list)
    widths: list[float] | None = None

    def add(self, *cells: str | Cell) -> int:
        """Append a row and return its 0-based grid row index."""
        row = [c if isinstance(c, Cell) else Cell(c) for c in cells]
        covered = sum(c.span for c in row)
        if covered != self.n_cols:
            raise ValueError(f"row covers {covered} grid columns, not {self.n_cols}: {row}")
        self.rows.append(row)
        return len(self.rows) - 1


Block = Para | Grid


def build(blocks: list[Block], header_text: str | None = None) -> WordDocument:
    document = Document()
    set_a4_page(document, side_margin_cm=2.5)
    _set_styles(document)
    if header_text:
        header = document.sections[0].header.paragraphs[0]
        header.text = header_text
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in blocks:
        if isinstance(block, Grid):
            _add_table(document, block)
        else:
            document.add_paragraph(block.text, style=_WORD_STYLES[block.style])
    props = document.core_properties
    props.author = props.last_modified_by = "perfaudit corpus"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return document


def write_docx(blocks: list[Block], out: Path, header_text: str | None = None) -> None:
    """Build and save byte-stable."""
    save_stable(build(blocks, header_text), out, ZIP_TIME)


def document_xml(blocks: list[Block], header_text: str | None = None) -> bytes:
    """The word/document.xml part the blocks produce (what determinism is judged on)."""
    buffer = io.BytesIO()
    build(blocks, header_text).save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return package.read("word/document.xml")


def _set_styles(document: WordDocument) -> None:
    styles = document.styles
    default_rpr = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(default_rpr, BODY_FONT)
    default_rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    body = styles["Body Text"]
    body.paragraph_format.first_line_indent = Pt(24)
    body.paragraph_format.space_after = Pt(0)
    for name, size in (("Title", 18), ("Subtitle", 14), ("Heading 2", 14)):
        style = styles[name]
        set_fonts(style.element.get_or_add_rPr(), HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(8)
        style.paragraph_format.space_after = Pt(6)
        if name in ("Title", "Subtitle"):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            border = style.element.pPr.find(qn("w:pBdr"))
            if border is not None:
                style.element.pPr.remove(border)


def _text_width(text: str) -> float:
    """Width in em of the longest line: a CJK character is one em, a digit or Latin letter about half."""
    return max((sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in line) for line in text.split("\n")), default=0.0)


def column_widths(grid: Grid) -> list[float]:
    """Columns as wide as their longest single-column text wants (within limits), scaled to the page.

    Widths are in cm: 10-point text is about 0.36 cm per em, plus the cell's left and right margins.
    """
    wants = [1.5] * grid.n_cols
    for row in grid.rows:
        col = 0
        for cell in row:
            if cell.span == 1:
                wants[col] = max(wants[col], min(_text_width(cell.text), 6.0))
            col += cell.span
    centimetres = [want * 0.36 + 0.45 for want in wants]
    # Short columns (figures, scores) keep their width; long text columns give way, as they can wrap.
    short = sum(width for width in centimetres if width <= _SHORT_COLUMN_CM)
    long = sum(width for width in centimetres if width > _SHORT_COLUMN_CM)
    scale = (PAGE_TEXT_WIDTH_CM - short) / long if long and short < PAGE_TEXT_WIDTH_CM else 1.0
    widths = [width if width <= _SHORT_COLUMN_CM else width * scale for width in centimetres]
    total = sum(widths)
    return [width * PAGE_TEXT_WIDTH_CM / total for width in widths]


def _add_table(document: WordDocument, grid: Grid) -> None:
    """Rows written as w:tc elements with gridSpan and vMerge directly: python-docx's cell merging
    re-walks the whole table per call, which is quadratic on forms of forty rows."""
    n_cols = grid.n_cols
    widths = grid.widths or column_widths(grid)
    table = document.add_table(rows=0, cols=n_cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    tbl = table._tbl
    for r, cells in enumerate(grid.rows):
        tr = OxmlElement("w:tr")
        col = 0
        for cell in cells:
            width = sum(widths[col : col + cell.span])
            tr.append(_tc(cell, Cm(width), continues=cell.vmerge == "continue" and r > 0))
            col += cell.span
        tbl.append(tr)


def _tc(cell: Cell, width: int, *, continues: bool) -> BaseOxmlElement:
    tc = OxmlElement("w:tc")
    pr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(int(width / 635)))  # EMU → twentieths of a point
    tcw.set(qn("w:type"), "dxa")
    pr.append(tcw)
    if cell.span > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(cell.span))
        pr.append(span)
    if cell.vmerge is not None:
        merge = OxmlElement("w:vMerge")
        if not continues:
            merge.set(qn("w:val"), "restart")
        pr.append(merge)
    align = OxmlElement("w:vAlign")
    align.set(qn("w:val"), "center")
    pr.append(align)
    tc.append(pr)
    lines = [""] if continues else cell.text.split("\n")
    for line in lines:
        paragraph = OxmlElement("w:p")
        if line:
            run = OxmlElement("w:r")
            run_pr = OxmlElement("w:rPr")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "20")
            run_pr.append(size)
            run.append(run_pr)
            text = OxmlElement("w:t")
            text.set(qn("xml:space"), "preserve")
            text.text = line
            run.append(text)
            paragraph.append(run)
        tc.append(paragraph)
    return tc
