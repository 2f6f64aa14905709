"""A 20-page report printed by LibreOffice: every table row exact across a dozen page breaks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.pdf_samples import build_long_report, convert_to_pdf
from parsers import read

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


def test_long_report_tables_and_paragraphs_are_exact(tmp_path: Path) -> None:
    expected = build_long_report(tmp_path / "long-report.docx", sections=12)
    document = read(convert_to_pdf(tmp_path / "long-report.docx", tmp_path))
    assert document.source.pages is not None and document.source.pages >= 15
    assert len(document.tables) == len(expected.tables)
    crossing = 0
    for table, spec in zip(document.tables, expected.tables, strict=True):
        assert table.n_rows == spec.n_rows
        for row, texts in enumerate(spec.row_texts()):
            assert table.row_texts(row) == texts, f"table {table.index} row {row}"
        crossing += len({cell.page for cell in table.cells}) > 1
    assert crossing >= len(expected.tables) // 2  # the page breaks really fall inside the tables
    assert [p.text for p in document.paragraphs] == expected.paragraphs
