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
from pipeline.extract.vocabulary import FORM_TITLE, PROJECT_LABELS, compact

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


def _markers(blocks: list[Block]) -> Iterator[tuple[Position, str]]:
    """Form titles and 项目名称 labels in reading order."""
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
            for kind in sorted(kinds, reverse=True):  # a title before a name on the same row
                yield (number, row), kind


def second_form_start(document: Document) -> Position | None:
    """Where a second form begins, or None when the document holds one form at most."""
    seen_name = False
    for position, kind in _markers(document.blocks):
        if kind == "name" and not seen_name:
            seen_name = True
        elif seen_name:
            return position
    return None


def _rows_before(table: Table, end: int) -> Table:
    cells = tuple(
        cell.model_copy(update={"row_span": min(cell.row_span, end - cell.row)})
        for cell in table.cells
        if cell.row < end
    )
    return table.model_copy(update={"n_rows": end, "cells": cells})


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
