"""The PDF reader on LibreOffice-printed samples whose tables and paragraphs the generator knows."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from models.document import Document
from parsers import read

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "pdf"
NAMES = sorted(p.stem for p in SAMPLES.glob("*.pdf"))


def _expected(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=NAMES)
def sample(request: pytest.FixtureRequest) -> tuple[str, Document, dict]:
    name = request.param
    return name, read(SAMPLES / f"{name}.pdf"), _expected(name)


def test_samples_are_present() -> None:
    assert {"score-table-split-row", "score-table-repeated-header", "narrative-header-footer"} <= set(NAMES)


def test_every_table_row_is_exact(sample: tuple[str, Document, dict]) -> None:
    name, document, expected = sample
    assert len(document.tables) == len(expected["tables"]), name
    for table, want in zip(document.tables, expected["tables"], strict=True):
        assert (table.n_rows, table.n_cols) == (want["n_rows"], want["n_cols"])
        for row, want_row in enumerate(want["rows"]):
            assert table.row_texts(row) == want_row, f"{name} row {row}"


def test_merged_cells_have_the_docx_spans(sample: tuple[str, Document, dict]) -> None:
    _, document, expected = sample
    for table, want in zip(document.tables, expected["tables"], strict=True):
        got = sorted([c.row, c.col, c.row_span, c.col_span, c.text] for c in table.cells)
        assert got == sorted(want["cells"])


def test_paragraphs_are_whole_and_free_of_running_lines(sample: tuple[str, Document, dict]) -> None:
    _, document, expected = sample
    assert [p.text for p in document.paragraphs] == expected["paragraphs"]
    assert [p.index for p in document.paragraphs] == list(range(1, len(document.paragraphs) + 1))


def test_every_item_is_located(sample: tuple[str, Document, dict]) -> None:
    _, document, _ = sample
    pages = document.source.pages or 0
    for paragraph in document.paragraphs:
        assert paragraph.bbox is not None and 1 <= (paragraph.page or 0) <= pages
    for table in document.tables:
        for cell in table.cells:
            location = table.location(cell)
            assert location.bbox is not None and 1 <= (location.page or 0) <= pages
            assert location.table == table.index


def test_source_info(sample: tuple[str, Document, dict]) -> None:
    name, document, _ = sample
    assert document.source.format == "pdf"
    assert document.source.sha256 == hashlib.sha256((SAMPLES / f"{name}.pdf").read_bytes()).hexdigest()
    assert document.source.pages and document.source.pages >= 1


def test_table_crossing_the_page_is_one_table_on_two_pages() -> None:
    document = read(SAMPLES / "score-table-split-row.pdf")
    (table,) = document.tables
    assert table.index == 1 and table.page == 1
    pages = {cell.page for cell in table.cells}
    assert pages == {1, 2}
    # the 一级指标 项目管理 starts on page 1 and covers the rows continued on page 2
    level1 = next(c for c in table.cells if c.text == "项目管理")
    assert level1.page == 1 and level1.row_span == 6
    covered = [table.cell_at(r, 0) for r in range(level1.row, level1.row + level1.row_span)]
    assert all(cell is level1 for cell in covered)


def test_row_cut_by_the_page_break_is_one_row() -> None:
    document = read(SAMPLES / "score-table-split-row.pdf")
    (table,) = document.tables
    rows = [table.row_texts(r) for r in range(table.n_rows)]
    long_rows = [row for row in rows if row[4].startswith("资金使用")]
    assert len(long_rows) == 1
    assert long_rows[0][5:] == ["7", "6"]
    assert long_rows[0][4].endswith("进行了访谈。")


def test_repeated_header_row_is_dropped() -> None:
    document = read(SAMPLES / "score-table-repeated-header.pdf")
    (table,) = document.tables
    headers = [r for r in range(table.n_rows) if table.row_texts(r)[0] == "一级指标"]
    assert headers == [0]


def test_running_header_and_page_numbers_are_gone() -> None:
    document = read(SAMPLES / "narrative-header-footer.pdf")
    texts = [p.text for p in document.paragraphs]
    assert "海南省省级财政支出绩效评价报告" not in texts
    assert not any(t.replace(" ", "").startswith("第") and t.endswith("页") for t in texts)
    assert all("海南省省级财政支出绩效评价报告" not in t for t in texts)
    # the long paragraph that runs over the page break is one paragraph, located on its first page
    long = next(p for p in document.paragraphs if len(p.text) > 250)
    assert long.page == 1
