"""The scanned-page stage against the text layer of the PDF the scan was made from.

The committed sample `corpus/samples/scanned/self-eval-form.scanned.pdf` is a scanned-looking
copy (turned ~1°, noise, blur, JPEG) of `self-eval-form.pdf`; pdfplumber reads the
original's text layer, and that is what the OCR stage must give back: the same grid,
the same merged cells, the same texts, in the same places.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from corpus.scanned import ScanStyle, make_scanned_pdf
from parsers.page import PageContent
from parsers.scan import LOW_CONFIDENCE, estimate_skew, read_scanned_page, render_page

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples" / "scanned"
ORIGINAL = SAMPLES / "self-eval-form.pdf"
SCANNED = SAMPLES / "self-eval-form.scanned.pdf"


def normalise(text: str | None) -> str:
    return re.sub(r"\s+", "", (text or "").translate(str.maketrans("（）：％", "():%")))


def spans_from_boxes(boxes: list[tuple[float, float, float, float]]) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) → (row_span, col_span) of each cell, from pdfplumber's cell boxes and the grid they form."""

    def edges(values: list[float]) -> list[float]:
        merged: list[float] = []
        for value in sorted(values):
            if not merged or value - merged[-1] > 2:
                merged.append(value)
        return merged

    def index(grid: list[float], value: float) -> int:
        return min(range(len(grid)), key=lambda i: abs(grid[i] - value))

    xs = edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = edges([b[1] for b in boxes] + [b[3] for b in boxes])
    spans = {}
    for x0, top, x1, bottom in boxes:
        row, col = index(ys, top), index(xs, x0)
        spans[(row, col)] = (index(ys, bottom) - row, index(xs, x1) - col)
    return spans


@pytest.fixture(scope="module")
def truth() -> dict:
    with pdfplumber.open(ORIGINAL) as pdf:
        page = pdf.pages[0]
        (table,) = page.find_tables()
        texts = table.extract()
        lines = [
            normalise(line["text"])
            for line in page.extract_text_lines()
            if line["bottom"] < table.bbox[1] or line["top"] > table.bbox[3]
        ]
        return {
            "size": (float(page.width), float(page.height)),
            "bbox": table.bbox,
            "n_rows": len(texts),
            "n_cols": len(texts[0]),
            "texts": {
                (r, c): normalise(text) for r, row in enumerate(texts) for c, text in enumerate(row) if text is not None
            },
            "spans": spans_from_boxes(table.cells),
            "lines": lines,
        }


@pytest.fixture(scope="module")
def page() -> PageContent:
    return read_scanned_page(SCANNED, 0)


def test_page_identity_and_size(page: PageContent, truth: dict) -> None:
    assert page.number == 1
    assert page.scanned
    assert page.width == pytest.approx(truth["size"][0], abs=1)
    assert page.height == pytest.approx(truth["size"][1], abs=1)


def test_table_grid_and_merged_cells_match_the_original(page: PageContent, truth: dict) -> None:
    assert len(page.tables) == 1
    table = page.tables[0]
    assert (table.n_rows, table.n_cols) == (truth["n_rows"], truth["n_cols"])
    for x, expected in zip(table.bbox, truth["bbox"], strict=True):
        assert x == pytest.approx(expected, abs=3)  # points, after deskew
    spans = {(cell.row, cell.col): (cell.row_span, cell.col_span) for cell in table.cells}
    assert spans == truth["spans"]
    assert len(table.col_edges) == table.n_cols + 1


def test_cell_texts_match_and_confident_figures_are_right(page: PageContent, truth: dict) -> None:
    cells = {(cell.row, cell.col): cell for cell in page.tables[0].cells}
    exact = [normalise(cells[key].text) == text for key, text in truth["texts"].items()]
    assert sum(exact) / len(exact) >= 0.95
    for key, text in truth["texts"].items():
        cell = cells[key]
        assert cell.confidence is not None and 0 <= cell.confidence <= 1
        assert normalise("".join(line.text for line in cell.lines)) == normalise(cell.text)
        # The contract: a figure read at or above the threshold is the printed figure.
        if re.search(r"\d", cell.text) and cell.confidence >= LOW_CONFIDENCE:
            assert normalise(cell.text) == text, key


def test_dashes_and_blank_cells_are_told_apart(page: PageContent, truth: dict) -> None:
    cells = {(cell.row, cell.col): cell for cell in page.tables[0].cells}
    for key, text in truth["texts"].items():
        if text == "—":
            assert cells[key].text == "—", key
        if text == "":
            assert cells[key].text == "", key


def test_lines_outside_the_table_in_reading_order(page: PageContent, truth: dict) -> None:
    read = Counter(normalise(line.text) for line in page.lines)
    assert sum((Counter(truth["lines"]) & read).values()) >= len(truth["lines"]) - 1
    for line in page.lines:
        assert line.confidence is not None and 0 <= line.confidence <= 1
        assert line.size > 0
    tops = [page.lines[i].bbox[1] if kind == "line" else page.tables[i].bbox[1] for kind, i in page.order]
    assert tops == sorted(tops)
    assert sorted(page.order) == sorted([("line", i) for i in range(len(page.lines))] + [("table", 0)])


@pytest.mark.parametrize("seed", [1, 7, 2022])
def test_skew_is_measured_to_a_tenth_of_a_degree(tmp_path: Path, seed: int) -> None:
    scanned = tmp_path / "page.pdf"
    (angle,) = make_scanned_pdf(ORIGINAL, scanned, style=ScanStyle(bilevel=seed % 2 == 1), seed=seed)
    image, _, _ = render_page(scanned, 0, 200)
    assert estimate_skew(image) == pytest.approx(angle, abs=0.1)
