"""Where the first self-evaluation form of a document ends.

Units often publish several forms in one file (one per project). The record is
one project, so extraction reads the first form and ignores the later ones; a
later form starts at a second form title or a second 项目名称 label, whichever
comes first after the first form's 项目名称.
"""

from __future__ import annotations

from collections.abc import Iterator

from models.document import Block, Document, Paragraph, Table
from pipeline.extract.labels import match_label
from pipeline.extract.vocabulary import (
    BUDGET_TABLE_LABELS,
    FORM_TITLE,
    PROJECT_LABELS,
    SCORE_COLUMNS,
    TARGET_COLUMNS,
    compact,
)

_BODY_BUDGET = {q: BUDGET_TABLE_LABELS[q] for q in ("planned", "adjusted", "spent")}
_BODY_INDICATORS = {r: SCORE_COLUMNS[r] for r in ("level1", "level2", "level3")} | {"target": TARGET_COLUMNS["target"]}
_TITLE_MAX = 60
_SENTENCE_MARKS = "，。；！？,;"

Position = tuple[int, int]
"""(block number in `Document.blocks`, table row; 0 for a paragraph)."""


def _is_form_title(text: str) -> bool:
    plain = compact(text)
    if "续" in plain:  # 项目支出绩效自评表（续）: the same form on its next page
        return False
    return (
        0 < len(plain) <= _TITLE_MAX and not any(m in plain for m in _SENTENCE_MARKS) and bool(FORM_TITLE.search(plain))
    )


def _is_name_label(text: str) -> bool:
    return match_label(text, PROJECT_LABELS) == "name"


def _is_body_label(text: str) -> bool:
    """A funds column (年初预算数, 全年执行数 …) or an indicator column (一级指标, 年度指标值 …)."""
    return match_label(text, _BODY_BUDGET) is not None or match_label(text, _BODY_INDICATORS) is not None


def _markers(blocks: list[Block]) -> Iterator[tuple[Position, str]]:
    """Form titles, 项目名称 labels and the labels of a form's body, in reading order."""
    for number, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if _is_form_title(block.text):
                yield (number, 0), "title"
            elif compact(block.text).startswith("项目名称"):
                yield (number, 0), "name"
            continue
        for row in range(block.n_rows):
            kinds = set()
            for cell in block.row_cells(row):
                if cell.row != row:
                    continue
                if _is_form_title(cell.text):
                    kinds.add("title")
                elif _is_name_label(cell.text):
                    kinds.add("name")
                elif _is_body_label(cell.text):
                    kinds.add("body")
            for kind in ("title", "name", "body"):
                if kind in kinds:
                    yield (number, row), kind


def second_form_start(document: Document) -> Position | None:
    """Where a second form begins, or None when the document holds one form at most.

    Only after the first form's name and some of its body: a 项目名称 line above the table that
    prints 项目名称 again is still the first form.
    """
    seen_name = seen_body = False
    for position, kind in _markers(document.blocks):
        if kind == "body":
            seen_body = seen_name
        elif not seen_name:
            seen_name = kind == "name"
        elif seen_body:
            return position
    return None


def _rows_before(table: Table, end: int) -> Table:
    cells = tuple(
        cell.model_copy(update={"row_span": min(cell.row_span, end - cell.row)})
        for cell in table.cells
        if cell.row < end
    )
    # a new Table rather than a copy: a copy would keep the grid cached on the whole table
    return Table(index=table.index, n_rows=end, n_cols=table.n_cols, cells=cells, page=table.page, parent=table.parent)


def first_form(document: Document) -> Document:
    """The document up to where its second form begins (the whole document when there is one form).

    Block and table numbering is kept, so evidence still points into the original file.
    """
    cut = second_form_start(document)
    if cut is None:
        return document
    number, row = cut
    blocks: list[Block] = list(document.blocks[:number])
    kept_nested: set[int] = set()
    boundary = document.blocks[number]
    if isinstance(boundary, Table) and row > 0:
        kept = _rows_before(boundary, row)
        blocks.append(kept)
        kept_nested = {index for cell in kept.cells for index in cell.nested_tables}
    # tables nested in the rows kept come after their parent in reading order
    for block in document.blocks[number + 1 :]:
        if isinstance(block, Table) and block.index in kept_nested:
            blocks.append(block)
            kept_nested.update(index for cell in block.cells for index in cell.nested_tables)
    return Document(source=document.source, blocks=blocks, warnings=list(document.warnings))
