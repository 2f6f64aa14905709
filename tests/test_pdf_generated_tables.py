"""Every table of the committed generated PDFs reads back like the table of the Word file it was printed
from: same tables, same rows, every row's cells equal — rows cut by a page break and merged labels
carried over it included.

A row is compared as its distinct cells left to right: a grid column that no cell boundary ever
marks (Word's 2-column merges on every row of an information table) is invisible in print.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.document import Table
from parsers import read

GENERATED = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "generated"
PDFS = sorted((GENERATED / "pdf").glob("*.pdf"))


def _plain(text: str) -> str:
    # Word keeps line breaks inside a cell; a PDF cannot tell them from wrapping
    return re.sub(r"\s+", "", text)


def _rows(table: Table) -> list[list[str]]:
    return [[_plain(cell.text) for cell in table.row_cells(row)] for row in range(table.n_rows)]


def test_samples_are_present() -> None:
    assert len(PDFS) >= 3
    assert all((GENERATED / f"{pdf.stem}.docx").exists() for pdf in PDFS)
    assert any((read(pdf).source.pages or 0) >= 2 for pdf in PDFS)  # tables with page breaks to cross


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_every_row_equals_the_word_original(pdf: Path) -> None:
    word, printed = read(GENERATED / f"{pdf.stem}.docx"), read(pdf)
    assert len(printed.tables) == len(word.tables)
    for w, p in zip(word.tables, printed.tables, strict=True):
        assert p.n_rows == w.n_rows, f"table {w.index}"
        for row, (want, got) in enumerate(zip(_rows(w), _rows(p), strict=True)):
            assert got == want, f"table {w.index} row {row}"
