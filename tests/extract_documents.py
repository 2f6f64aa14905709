"""Small `Document`s for extraction tests, written as readable grids.

In a grid, "^" marks a cell merged with the one above and "<" a cell merged with
the one to its left; everything else is the text of a cell of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.document import Cell, Document, Paragraph, SourceInfo, Table

MERGED_UP = "^"
MERGED_LEFT = "<"


def grid_table(index: int, rows: Sequence[Sequence[str]]) -> Table:
    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    padded = [list(r) + [""] * (n_cols - len(r)) for r in rows]
    cells: list[Cell] = []
    for r in range(n_rows):
        for c in range(n_cols):
            if padded[r][c] in (MERGED_UP, MERGED_LEFT):
                continue
            col_span = 1
            while c + col_span < n_cols and padded[r][c + col_span] == MERGED_LEFT:
                col_span += 1
            row_span = 1
            while r + row_span < n_rows and padded[r + row_span][c] == MERGED_UP:
                row_span += 1
            cells.append(Cell(row=r, col=c, row_span=row_span, col_span=col_span, text=padded[r][c]))
    return Table(index=index, n_rows=n_rows, n_cols=n_cols, cells=tuple(cells))


def document(*blocks: str | Sequence[Sequence[str]]) -> Document:
    """Paragraphs (strings) and tables (grids) in reading order, numbered as the contract numbers them."""
    built: list[Paragraph | Table] = []
    paragraphs = tables = 0
    for block in blocks:
        if isinstance(block, str):
            paragraphs += 1
            built.append(Paragraph(index=paragraphs, text=block))
        else:
            tables += 1
            built.append(grid_table(tables, block))
    return Document(source=SourceInfo(path="test.docx", sha256="0" * 64, format="docx"), blocks=built)
