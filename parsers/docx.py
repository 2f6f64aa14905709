"""Word (.docx) reader: body paragraphs and tables in reading order, merged cells as true spans.

python-docx opens the package; the body is then walked with lxml directly, because
python-docx's `row.cells` repeats a merged cell at every grid position it covers
and builds a Python object per cell, which is slow on long reports.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import OpcError
from docx.styles import BabelFish
from lxml import etree

from models.document import Block, Cell, Document, Paragraph, SourceFormat, SourceInfo, Table
from parsers import ziplimits
from parsers.digest import file_sha256
from parsers.docx_text import BodyText
from parsers.docx_xml import (
    W_DEFAULT,
    W_GRID_AFTER,
    W_GRID_BEFORE,
    W_GRID_COL,
    W_GRID_SPAN,
    W_H_MERGE,
    W_P,
    W_P_PR,
    W_P_STYLE,
    W_STYLE,
    W_STYLE_ID,
    W_STYLE_NAME,
    W_TBL,
    W_TBL_GRID,
    W_TC,
    W_TC_PR,
    W_TR,
    W_TR_PR,
    W_TYPE,
    W_V_MERGE,
    W_VAL,
    block_children,
    is_deleted_row,
    wrapped_children,
)
from parsers.errors import UnreadableError
from parsers.limits import Limits
from parsers.sniff import OLE2_SIGNATURE, ZIP_SIGNATURE, check_size

_ZIP_ENCRYPTED = 0x1
MAX_SPAN = 512
"""Word allows 63 columns; anything far past that is a crafted file, clamped so the grid stays small."""
MAX_COLS = 1024

# What the libraries raise for a broken package: converted to UnreadableError at this boundary only.
_BROKEN_PACKAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    KeyError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OpcError,
    etree.LxmlError,
)


def read(path: Path, limits: Limits, *, fmt: SourceFormat = "docx") -> Document:
    """Parse a .docx into a `Document`; raise `UnreadableError` (or `LimitExceeded`) for bad input.

    Texts keep their leading indentation and lose trailing whitespace, which is never printed;
    a paragraph without its own style gets the document's default paragraph style name.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            _check_file(handle, limits)
            word = _open_package(handle, limits)
        sha256 = file_sha256(path)
    except OSError as error:
        raise UnreadableError(f"文件无法打开：{error.strerror or error}") from error
    walker = _BodyWalker(*_style_names(word))
    try:
        walker.walk(word.element.body)
    except RecursionError as error:
        raise UnreadableError("Word 文档结构嵌套过深，无法读取（nesting too deep）") from error
    source = SourceInfo(path=str(path), sha256=sha256, format=fmt, pages=None)
    return Document(source=source, blocks=walker.blocks, warnings=walker.warnings)


def _check_file(handle: BinaryIO, limits: Limits) -> None:
    """Size limit, emptiness, and the signature: an OLE2 wrapper means a legacy or encrypted file."""
    handle.seek(0, 2)
    check_size(handle.tell(), limits)
    handle.seek(0)
    head = handle.read(4)
    if head == OLE2_SIGNATURE[:4]:
        raise UnreadableError("文件是 OLE2 复合文档（旧版 .doc 或加密的 .docx），不能按 .docx 读取")
    if head != ZIP_SIGNATURE:
        raise UnreadableError("文件不是 .docx 格式（不是 ZIP 压缩包），可能是改了扩展名的其他文件")
    handle.seek(0)


def _open_package(handle: BinaryIO, limits: Limits) -> WordDocument:
    try:
        with ziplimits.open_checked(handle, limits) as archive:
            if "word/document.xml" not in archive.namelist():
                raise UnreadableError("文件是 ZIP 压缩包，但缺少 Word 正文（word/document.xml），不是有效的 .docx 文档")
            if any(info.flag_bits & _ZIP_ENCRYPTED for info in archive.infolist()):
                raise UnreadableError("Word 文档的压缩包设置了密码，无法读取（encrypted zip members）")
            ziplimits.verify_inflation(archive, limits)
        handle.seek(0)
        return docx.Document(handle)
    except etree.XMLSyntaxError as error:
        raise UnreadableError(f"Word 文档的 XML 内容已损坏，无法解析（{error}）") from error
    except _BROKEN_PACKAGE as error:
        raise UnreadableError(f"Word 文档已损坏或不完整，无法读取（{type(error).__name__}: {error}）") from error


def _style_names(word: WordDocument) -> tuple[dict[str, str], str | None]:
    """styleId → the name Word shows (e.g. "Heading 1"; ids are often localised or numeric),
    and the default paragraph style's name, which a paragraph without w:pStyle has."""
    names: dict[str, str] = {}
    default: str | None = None
    for style in word.styles.element.iterchildren(W_STYLE):
        name = style.find(W_STYLE_NAME)
        style_id = style.get(W_STYLE_ID)
        if style_id and name is not None and name.get(W_VAL):
            names[style_id] = BabelFish.internal2ui(name.get(W_VAL))
            if style.get(W_TYPE) == "paragraph" and style.get(W_DEFAULT) in ("1", "true", "on"):
                default = names[style_id]
    return names, default


@dataclass
class _CellDraft:
    row: int
    col: int
    col_span: int
    row_span: int = 1
    text: str = ""
    nested: list[int] = field(default_factory=list)


@dataclass
class _BodyWalker:
    style_names: dict[str, str]
    default_style: str | None
    texts: BodyText = field(init=False)
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0

    def walk(self, body: etree._Element) -> None:
        self.texts = BodyText(body)
        for element in block_children(body):
            if element.tag == W_P:
                self._paragraph(element)
            elif element.tag == W_TBL:
                self._table(element, parent=None)
            else:
                self._skip_alt_chunk()

    def _skip_alt_chunk(self) -> None:
        warning = "文档含有从其他文件导入的内容（altChunk），这部分内容未读取"
        if warning not in self.warnings:
            self.warnings.append(warning)

    def _paragraph(self, p: etree._Element) -> None:
        self.paragraphs += 1
        self.blocks.append(Paragraph(index=self.paragraphs, text=self.texts.of(p).rstrip(), style=self._style(p)))

    def _style(self, p: etree._Element) -> str | None:
        p_pr = p.find(W_P_PR)
        style = p_pr.find(W_P_STYLE) if p_pr is not None else None
        if style is None or not style.get(W_VAL):
            return self.default_style
        return self.style_names.get(style.get(W_VAL), style.get(W_VAL))

    def _table(self, tbl: etree._Element, parent: int | None) -> None:
        """Append this table then its nested tables (pre-order), reserving its slot before the nested ones."""
        self.tables += 1
        index = self.tables
        slot = len(self.blocks)
        self.blocks.append(Paragraph(index=0, text=""))  # placeholder until the cells are known
        cells, n_rows, width = self._grid(tbl, index)
        grid = tbl.find(W_TBL_GRID)
        declared_cols = len(grid.findall(W_GRID_COL)) if grid is not None else 0
        n_cols = max(width, declared_cols)
        if n_cols > MAX_COLS:
            self.warnings.append(f"表 {index} 的列数 {n_cols} 过多，只保留前 {MAX_COLS} 列")
            n_cols = MAX_COLS
            cells = [c for c in cells if c.col < MAX_COLS]
        self.blocks[slot] = Table(
            index=index,
            n_rows=n_rows,
            n_cols=n_cols,
            parent=parent,
            cells=tuple(
                Cell.model_construct(  # fields built right here; validation would double the walk's cost
                    row=c.row,
                    col=c.col,
                    row_span=c.row_span,
                    col_span=min(c.col_span, n_cols - c.col),
                    text=c.text,
                    nested_tables=tuple(c.nested),
                )
                for c in cells
            ),
        )

    def _grid(self, tbl: etree._Element, index: int) -> tuple[list[_CellDraft], int, int]:
        """Anchor cells with their spans, the row count and the widest row (grid columns)."""
        cells: list[_CellDraft] = []
        open_above: dict[int, _CellDraft] = {}  # grid column → cell a vMerge continuation below would extend
        width = 0
        rows = [tr for tr in wrapped_children(tbl, W_TR) if not is_deleted_row(tr)]
        for r, tr in enumerate(rows):
            tr_pr = tr.find(W_TR_PR)
            col = _int_prop(tr_pr, W_GRID_BEFORE, 0)
            open_here: dict[int, _CellDraft] = {}
            last: _CellDraft | None = None
            for tc in wrapped_children(tr, W_TC):
                span, v_merge, h_merge = _merge_props(tc)
                above = open_above.get(col)
                if v_merge == "continue" and above is not None and above.col_span == span:
                    above.row_span = r - above.row + 1
                    open_here[col] = above
                elif h_merge == "continue" and last is not None and last.row == r and last.col + last.col_span == col:
                    last.col_span += span  # legacy horizontal merge: widen the cell on the left
                else:
                    last = _CellDraft(row=r, col=col, col_span=span)
                    last.text, last.nested = self._cell_content(tc, index)
                    cells.append(last)
                    open_here[col] = last
                col += span
            width = max(width, col + _int_prop(tr_pr, W_GRID_AFTER, 0))
            open_above = open_here
        return cells, len(rows), width

    def _cell_content(self, tc: etree._Element, table_index: int) -> tuple[str, list[int]]:
        texts: list[str] = []
        nested: list[int] = []
        for element in block_children(tc):
            if element.tag == W_P:
                texts.append(self.texts.of(element))
            elif element.tag == W_TBL:
                nested.append(self.tables + 1)
                self._table(element, parent=table_index)
            else:
                self._skip_alt_chunk()
        return "\n".join(texts).rstrip(), nested


def _merge_props(tc: etree._Element) -> tuple[int, str | None, str | None]:
    """gridSpan, vMerge and hMerge of a cell in one pass over its properties ("continue" when val is absent)."""
    span, v_merge, h_merge = 1, None, None
    tc_pr = tc.find(W_TC_PR)
    if tc_pr is None:
        return span, v_merge, h_merge
    for prop in tc_pr:
        tag = prop.tag
        if tag == W_GRID_SPAN:
            try:
                span = min(max(int(prop.get(W_VAL, 1)), 1), MAX_SPAN)
            except ValueError:
                span = 1
        elif tag == W_V_MERGE:
            v_merge = prop.get(W_VAL, "continue")
        elif tag == W_H_MERGE:
            h_merge = prop.get(W_VAL, "continue")
    return span, v_merge, h_merge


def _int_prop(props: etree._Element | None, tag: str, default: int) -> int:
    """An integer w:val of a child property (gridSpan, gridBefore…), clamped to a sane range."""
    if props is None:
        return default
    element = props.find(tag)
    if element is None:
        return default
    try:
        return min(max(int(element.get(W_VAL, default)), 0), MAX_SPAN)
    except ValueError:
        return default
