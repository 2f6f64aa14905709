"""A table read sideways: rows become columns, while every cell still knows where it was printed."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.document import Cell, Table


@dataclass(frozen=True)
class TableView:
    """A grid to read (`table`) and the way back from its cells to the printed ones (`real`)."""

    table: Table
    real_table: Table
    _printed: dict[int, Cell] = field(default_factory=dict)

    def real(self, cell: Cell) -> Cell:
        """The printed cell behind a cell of the view (itself when the view is the table)."""
        return self._printed.get(id(cell), cell)


def unchanged(table: Table) -> TableView:
    return TableView(table=table, real_table=table)


def transposed(table: Table) -> TableView:
    """Row r, column c printed → row c, column r read; spans swap with them."""
    turned = tuple(
        cell.model_copy(update={"row": cell.col, "col": cell.row, "row_span": cell.col_span, "col_span": cell.row_span})
        for cell in table.cells
    )
    # A new Table, not a copy: a copy would keep the printed table's cached grid.
    view = Table(
        index=table.index, n_rows=table.n_cols, n_cols=table.n_rows, cells=turned, page=table.page, parent=table.parent
    )
    printed = {id(read): cell for read, cell in zip(view.cells, table.cells, strict=True)}
    return TableView(table=view, real_table=table, _printed=printed)
