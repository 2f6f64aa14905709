"""The intermediate document: paragraphs and tables in reading order, every item located.

Every parser (docx, pdf, legacy, OCR) produces this shape, so extraction never
cares where a figure came from — except in its `Location`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]
"""[x0, top, x1, bottom] in PDF points."""

SourceFormat = Literal["docx", "pdf", "pdf-scanned", "doc", "wps", "rtf"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Location(_Frozen):
    """Where something sits in the source; the fields follow the contract's Evidence."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None
    bbox: BBox | None = None


class SourceInfo(_Frozen):
    path: str
    sha256: str
    format: SourceFormat | None
    """What the bytes are; null only for a file too broken to tell."""
    pages: int | None = None


class Cell(_Frozen):
    """One table cell, addressed by its top-left grid position after merges are expanded."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str = ""
    page: int | None = None
    bbox: BBox | None = None
    confidence: float | None = None
    nested_tables: tuple[int, ...] = ()
    """1-based indexes of tables nested inside this cell."""


class Table(_Frozen):
    type: Literal["table"] = "table"
    index: int
    """1-based, pre-order over the whole document (a nested table follows its parent)."""
    n_rows: int
    n_cols: int
    cells: tuple[Cell, ...]
    """Only the anchor (top-left) cell of each merged region is stored."""
    page: int | None = None
    """First page the table appears on (PDF)."""
    parent: int | None = None
    """Index of the table this one is nested in."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    @cached_property
    def grid(self) -> list[list[Cell | None]]:
        """Every grid position mapped to the cell covering it (a merged cell repeats)."""
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    grid[r][c] = cell
        return grid

    def cell_at(self, row: int, col: int) -> Cell | None:
        if 0 <= row < self.n_rows and 0 <= col < self.n_cols:
            return self.grid[row][col]
        return None

    def text_at(self, row: int, col: int) -> str:
        cell = self.cell_at(row, col)
        return cell.text if cell else ""

    def row_texts(self, row: int) -> list[str]:
        """Texts along one row, a merged cell repeated at each position it covers."""
        return [self.text_at(row, c) for c in range(self.n_cols)]

    def row_cells(self, row: int) -> list[Cell]:
        """Distinct cells of one row from left to right (merged cells once)."""
        seen: list[Cell] = []
        for cell in self.grid[row]:
            if cell is not None and (not seen or seen[-1] is not cell):
                seen.append(cell)
        return seen

    def location(self, cell: Cell) -> Location:
        return Location(page=cell.page or self.page, table=self.index, row=cell.row, col=cell.col, bbox=cell.bbox)


class Paragraph(_Frozen):
    type: Literal["paragraph"] = "paragraph"
    index: int
    """1-based among body paragraphs outside tables, empty ones included."""
    text: str
    page: int | None = None
    bbox: BBox | None = None
    confidence: float | None = None
    style: str | None = None
    """Style name where the source has one (e.g. "Heading 1")."""

    def location(self) -> Location:
        return Location(page=self.page, paragraph=self.index, bbox=self.bbox)


Block = Annotated[Paragraph | Table, Field(discriminator="type")]


class Document(BaseModel):
    """A parsed file: body blocks in reading order."""

    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    source: SourceInfo
    blocks: list[Block] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    """Things the parser noticed but could work around (a dropped table, a low-confidence page)."""

    @cached_property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def table(self, index: int) -> Table:
        return next(t for t in self.tables if t.index == index)
