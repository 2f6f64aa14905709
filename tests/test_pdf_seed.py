"""The seed report printed to PDF reads back like the Word original: same tables, same paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.document import Document
from parsers import read

SEED = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "seed"


def _plain(text: str) -> str:
    # Word keeps line breaks inside a cell; a PDF cannot tell them from wrapping
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def both() -> tuple[Document, Document]:
    return read(SEED / "zonghe-shiwu-2020.docx"), read(SEED / "zonghe-shiwu-2020.pdf")


def test_tables_match_the_word_original_row_by_row(both: tuple[Document, Document]) -> None:
    word, pdf = both
    assert len(pdf.tables) == len(word.tables)
    for w, p in zip(word.tables, pdf.tables, strict=True):
        assert (p.index, p.n_rows, p.n_cols) == (w.index, w.n_rows, w.n_cols)
        for row in range(w.n_rows):
            assert [_plain(t) for t in p.row_texts(row)] == [_plain(t) for t in w.row_texts(row)], f"table {w.index}"
        spans = sorted((c.row, c.col, c.row_span, c.col_span) for c in w.cells)
        assert sorted((c.row, c.col, c.row_span, c.col_span) for c in p.cells) == spans


def test_paragraphs_match_the_word_original(both: tuple[Document, Document]) -> None:
    word, pdf = both
    assert [_plain(p.text) for p in pdf.paragraphs] == [_plain(p.text) for p in word.paragraphs if p.text.strip()]


def test_pdf_locations(both: tuple[Document, Document]) -> None:
    _, pdf = both
    assert pdf.source.format == "pdf" and pdf.source.pages == 8
    assert all(p.page and p.bbox for p in pdf.paragraphs)
    assert all(c.page and c.bbox for t in pdf.tables for c in t.cells)


def test_record_is_the_word_golden_record() -> None:
    # every value and finding as from the Word original; locations differ by nature (pages, PDF numbering)
    from pipeline.process import process_file
    from tests.golden import compare_with_golden, format_differences, load_golden

    report = process_file(SEED / "zonghe-shiwu-2020.pdf", display_path="corpus/samples/seed/zonghe-shiwu-2020.pdf")
    differences = [d for d in compare_with_golden(report, load_golden(SEED / "zonghe-shiwu-2020.golden.json"))
                   if not d.path.startswith("evidence of") and not d.path.endswith(".evidence")]
    assert not differences, format_differences(differences)
