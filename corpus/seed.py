"""Rebuild the seed report — the 2020 综合事务 项目绩效评价报告 — as a Word document.

The seed reached the project as a text dump of its .docx (tables flattened one cell
per line). `corpus.seed_text` holds that text; this module lays it out again as a real document:
the 绩效目标表 with its two-row header and vertically merged 指标类型 cells, the
project-info and score tables as one Word table whose rows cover a 7-column grid
through gridSpan/vMerge, the narrative with Heading styles, a picture in the
项目目标 cell, a page header and a PAGE-field footer. The output is byte-stable so
the committed sample can be checked against a rebuild.

    python -m corpus.seed --out corpus/samples/seed/zonghe-shiwu-2020.docx
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from corpus.seed_text import BLOCKS, BODY, H1, H2, H3, PLAIN, SUBTITLE, TABLE_TEXT, TITLE, Cell, TableSpec
from corpus.wordfiles import save_stable, set_a4_page, set_fonts

UNIT_NAME = "海南省人民政府政务服务中心"
FIXED_TIME = dt.datetime(2021, 3, 31, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2021, 3, 31, 9, 0, 0)

BODY_FONT, HEADING_FONT = "宋体", "黑体"


def build_document() -> WordDocument:
    document = Document()
    set_a4_page(document, side_margin_cm=2.6)
    _set_styles(document)
    _add_header_and_footer(document)
    for block in BLOCKS:
        if isinstance(block, TableSpec):
            _add_table(document, block)
        else:
            document.add_paragraph(block.text, style=block.style)
    _set_core_properties(document)
    return document


def write_docx(out: Path) -> None:
    """Build the seed and save it byte-stable."""
    save_stable(build_document(), out, ZIP_TIME)


def _set_styles(document: WordDocument) -> None:
    styles = document.styles
    default_rpr = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(default_rpr, BODY_FONT)
    default_rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")

    normal = styles[PLAIN]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25
    body = styles[BODY]
    body.paragraph_format.first_line_indent = Pt(24)
    body.paragraph_format.space_after = Pt(0)
    table_text = styles.add_style(TABLE_TEXT, 1)
    table_text.base_style = normal
    table_text.font.size = Pt(10.5)
    table_text.paragraph_format.line_spacing = 1.0

    for name, size in ((TITLE, 18), (SUBTITLE, 14), (H1, 16), (H2, 14), (H3, 12)):
        style = styles[name]
        set_fonts(style.element.get_or_add_rPr(), HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if name in (H1, TITLE) else 6)
        style.paragraph_format.space_after = Pt(6)
        if name in (TITLE, SUBTITLE):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            border = style.element.pPr.find(qn("w:pBdr"))
            if border is not None:
                style.element.pPr.remove(border)


def _add_header_and_footer(document: WordDocument) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = UNIT_NAME
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(footer)


def _add_page_field(paragraph: WordParagraph) -> None:
    """第 {PAGE} 页, with PAGE as a real field that Word and LibreOffice update."""
    paragraph.add_run("第 ")
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    _field_char(paragraph, "separate")
    paragraph.add_run("1")
    _field_char(paragraph, "end")
    paragraph.add_run(" 页")


def _field_char(paragraph: WordParagraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _add_table(document: WordDocument, spec: TableSpec) -> None:
    n_cols = len(spec.widths_cm)
    table = document.add_table(rows=len(spec.rows), cols=n_cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, spec.widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)

    anchors: list[tuple[int, int, Cell]] = []
    for r, cells in enumerate(spec.rows):
        col = 0
        for cell in cells:
            if cell.span > 1:
                table.cell(r, col).merge(table.cell(r, col + cell.span - 1))
            anchors.append((r, col, cell))
            col += cell.span
        if col != n_cols:
            raise ValueError(f"row {r} covers {col} grid columns, not {n_cols}")

    covered = {(r, c) for r, c, cell in anchors if cell.vmerge == "continue"}
    for r, c, cell in anchors:
        if cell.vmerge == "restart":
            last = r
            while (last + 1, c) in covered:
                last += 1
            table.cell(r, c).merge(table.cell(last, c))
    for r, c, cell in anchors:
        if cell.vmerge != "continue":
            _fill_cell(table.cell(r, c), cell)


def _fill_cell(target: _Cell, cell: Cell) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = cell.text.split("\n")
    first = target.paragraphs[0]
    first.style = TABLE_TEXT
    first.add_run(lines[0])
    for line in lines[1:]:
        target.add_paragraph(line, style=TABLE_TEXT)
    if cell.picture:
        first.add_run().add_picture(io.BytesIO(target_icon_png()), width=Cm(0.5))


def target_icon_png(size: int = 16) -> bytes:
    """A tiny red-and-white bullseye, encoded by hand so the bytes never depend on an image library."""
    centre = (size - 1) / 2

    def pixel(x: int, y: int) -> bytes:
        ring = int(((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 // 2.5)
        return b"\xc8\x10\x2e" if ring % 2 == 0 and ring < 4 else b"\xff\xff\xff"

    raw = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(size)) for y in range(size))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _set_core_properties(document: WordDocument) -> None:
    props = document.core_properties
    props.author = UNIT_NAME
    props.last_modified_by = UNIT_NAME
    props.title = "综合事务项目绩效评价报告"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.seed", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to write the .docx")
    args = parser.parse_args(argv)
    write_docx(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
