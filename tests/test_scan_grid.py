"""Grid rebuilding from ruling lines, on drawn images (no PDF): merges, open sides, glyphs that are not rulings."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.scan import (
    LOW_CONFIDENCE,
    binarize,
    blank_uncertain_figures,
    find_grids,
    join_overlapping,
    rotate,
    ruling_masks,
    scan_image,
    split_at_rulings,
    table_rulings,
)

DPI = 200
ROWS = [200, 260, 320, 380, 440]
COLS = [100, 350, 600, 850, 1100]


def font(size: int, style: str = "") -> ImageFont.FreeTypeFont:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig is not installed")
    query = "Noto Sans CJK SC:lang=zh-cn" + (f":style={style}" if style else "")
    found = subprocess.run(["fc-match", "-f", "%{file}", query], capture_output=True, text=True)
    if found.returncode != 0 or not Path(found.stdout).exists():
        pytest.skip("no CJK font")
    return ImageFont.truetype(found.stdout, size)


def draw_grid(missing: set[tuple[str, int, int]], *, outer_verticals: bool = True) -> Image.Image:
    """A 4×4 ruled table; `missing` lists ruling pieces left out: ("v", row, col_edge) or ("h", row_edge, col)."""
    image = Image.new("L", (1240, 700), 255)
    draw = ImageDraw.Draw(image)
    for r, y in enumerate(ROWS):
        for c in range(len(COLS) - 1):
            if ("h", r, c) not in missing:
                draw.line([(COLS[c], y), (COLS[c + 1], y)], fill=0, width=3)
    for c, x in enumerate(COLS):
        if not outer_verticals and c in (0, len(COLS) - 1):
            continue
        for r in range(len(ROWS) - 1):
            if ("v", r, c) not in missing:
                draw.line([(x, ROWS[r]), (x, ROWS[r + 1])], fill=0, width=3)
    return image


def grids_of(image: Image.Image) -> list:
    gray = np.asarray(image)
    return find_grids(*table_rulings(*ruling_masks(binarize(gray), DPI), DPI), DPI)


def test_missing_rulings_become_merged_cells() -> None:
    # A 2×2 block at (1,1) and a 3-wide cell at (3,0).
    missing = {("v", 1, 2), ("v", 2, 2), ("h", 2, 1), ("h", 2, 2), ("v", 3, 1), ("v", 3, 2)}
    (grid,) = grids_of(draw_grid(missing))
    assert len(grid.row_edges) == 5 and len(grid.col_edges) == 5
    assert (1, 1, 2, 2) in grid.cells
    assert (3, 0, 1, 3) in grid.cells
    assert len(grid.cells) == 16 - 3 - 2
    covered = sorted(grid.unit_cell)
    assert covered == [(r, c) for r in range(4) for c in range(4)]


def test_open_sided_table_keeps_its_outer_columns() -> None:
    (grid,) = grids_of(draw_grid(set(), outer_verticals=False))
    assert len(grid.col_edges) == 5
    assert grid.col_edges[0] == pytest.approx(COLS[0], abs=4)
    assert grid.col_edges[-1] == pytest.approx(COLS[-1], abs=4)


def test_stray_strokes_inside_a_cell_add_no_rows_or_columns() -> None:
    image = draw_grid(set())
    draw = ImageDraw.Draw(image)
    # A glyph-like cross of strokes touching the cell's top ruling, as heavy blur makes of some characters.
    x, y = COLS[1] + 60, ROWS[1]
    draw.line([(x, y + 22), (x + 90, y + 22)], fill=0, width=2)
    draw.line([(x + 10, y), (x + 10, y + 40)], fill=0, width=2)
    draw.line([(x + 80, y), (x + 80, y + 40)], fill=0, width=2)
    (grid,) = grids_of(image)
    assert len(grid.row_edges) == len(ROWS) and len(grid.col_edges) == len(COLS)
    assert len(grid.cells) == 16


def test_a_tall_stroke_in_a_low_row_is_no_column_ruling() -> None:
    # Rows only 42 px high: the upright strokes of a blurred 中央, joined by a long crossing stroke, cover most
    # of the row and touch the ruling under it, but stop short of the one above it; a real ruling meets both.
    rows = [200, 242, 284, 326]
    image = Image.new("L", (1240, 500), 255)
    draw = ImageDraw.Draw(image)
    for y in rows:
        draw.line([(COLS[0], y), (COLS[-1], y)], fill=0, width=3)
    for x in COLS:
        draw.line([(x, rows[0]), (x, rows[-1])], fill=0, width=3)
    x = COLS[0] + 110
    for stroke in (x, x + 58):
        draw.line([(stroke, rows[1] + 9), (stroke, rows[2])], fill=0, width=2)
    draw.line([(x - 8, rows[1] + 25), (x + 66, rows[1] + 25)], fill=0, width=1)
    (grid,) = grids_of(image)
    assert len(grid.col_edges) == len(COLS) and len(grid.row_edges) == len(rows)
    assert len(grid.cells) == (len(COLS) - 1) * (len(rows) - 1)


def test_table_cut_by_a_page_break_keeps_its_unruled_last_row() -> None:
    image = draw_grid({("h", len(ROWS) - 1, c) for c in range(len(COLS) - 1)})
    (grid,) = grids_of(image)
    assert len(grid.row_edges) == len(ROWS)
    assert grid.row_edges[-1] == pytest.approx(ROWS[-1], abs=4)
    assert grid.open_bottom and not grid.open_top


def test_bold_heading_strokes_are_not_a_table() -> None:
    image = Image.new("L", (1240, 300), 255)
    ImageDraw.Draw(image).text((100, 100), "（二）项目基本性质、用途和主要内容", font=font(46, "Bold"), fill=0)
    assert grids_of(image) == []


def test_text_box_across_a_column_ruling_is_cut_there() -> None:
    (grid,) = grids_of(draw_grid(set()))
    across = (COLS[1] - 80, ROWS[0] + 10, COLS[1] + 80, ROWS[0] + 50)
    inside = (COLS[1] + 20, ROWS[0] + 10, COLS[1] + 200, ROWS[0] + 50)
    pieces = split_at_rulings([across, inside], [grid], DPI)
    assert len(pieces) == 3
    assert pieces[0][2] == pytest.approx(COLS[1], abs=3) and pieces[1][0] == pytest.approx(COLS[1], abs=3)
    assert pieces[2] == inside


def test_overlapping_pieces_in_one_cell_are_read_as_one_run() -> None:
    # The detector's two boxes over one header row: the second starts inside the first's last
    # glyph, and another ends just before a cell's right ruling with a blank sliver after it.
    (grid,) = grids_of(draw_grid(set()))
    top, bottom = ROWS[0] + 10, ROWS[0] + 50
    first = (COLS[0] + 20, top, COLS[1] + 180, bottom)
    second = (COLS[1] + 160, top + 1, COLS[2] - 10, bottom - 1)
    before_sliver = (COLS[2] + 30, top, COLS[3] - 30, bottom)
    sliver = (COLS[3] - 30, top, COLS[3] + 60, bottom)
    pieces = join_overlapping(split_at_rulings([first, second, before_sliver, sliver], [grid], DPI), [grid], DPI)
    cells = sorted(grid.cell_at((p[0] + p[2]) / 2, (p[1] + p[3]) / 2) for p in pieces)
    assert len(cells) == len(set(cells)) == 4  # one box per cell, none twice
    in_second_column = next(p for p in pieces if COLS[1] <= p[0] and p[2] <= COLS[2] + 3)
    assert in_second_column[0] == pytest.approx(COLS[1], abs=3)
    assert in_second_column[2] == pytest.approx(COLS[2] - 10, abs=3)
    in_third_column = next(p for p in pieces if COLS[2] - 3 <= p[0] and p[2] <= COLS[3] + 3)
    assert in_third_column[0] == pytest.approx(COLS[2] + 30, abs=3)
    assert in_third_column[2] == pytest.approx(COLS[3], abs=3)


def test_boxes_on_separate_lines_or_apart_stay_apart() -> None:
    (grid,) = grids_of(draw_grid(set()))
    upper = (COLS[1] + 10, ROWS[0] + 5, COLS[1] + 120, ROWS[0] + 28)
    lower = (COLS[1] + 10, ROWS[0] + 30, COLS[1] + 120, ROWS[0] + 55)
    apart = (COLS[1] + 150, ROWS[0] + 5, COLS[1] + 240, ROWS[0] + 28)
    assert join_overlapping([upper, lower, apart], [grid], DPI) == [upper, lower, apart]


def test_a_turned_drawn_table_is_read_cell_by_cell() -> None:
    image = draw_grid({("v", 0, 2), ("v", 0, 3)})  # header cell over three columns
    draw = ImageDraw.Draw(image)
    body = font(round(10.5 * DPI / 72))
    texts = {
        (0, 0): "项目名称",
        (0, 1): "社区体育设施维护",
        (1, 0): "年初预算数",
        (1, 1): "250000.00",
        (2, 3): "91.10%",
    }
    for (r, c), text in texts.items():
        draw.text((COLS[c] + 15, ROWS[r] + 12), text, font=body, fill=0)
    draw.text((100, 520), "填报日期：2023年3月10日", font=body, fill=0)
    turned = rotate(np.asarray(image), 0.8)
    page = scan_image(turned, DPI, number=3, width=1240 * 72 / DPI, height=700 * 72 / DPI)

    assert page.number == 3 and page.scanned
    (table,) = page.tables
    assert (table.n_rows, table.n_cols) == (4, 4)
    cells = {(cell.row, cell.col): cell for cell in table.cells}
    assert cells[(0, 1)].col_span == 3
    for key, text in texts.items():
        assert cells[key].text == text
        assert cells[key].confidence is not None and cells[key].confidence >= LOW_CONFIDENCE
        x0, top, _, _ = cells[key].bbox
        assert (x0, top) == pytest.approx((COLS[key[1]] * 72 / DPI, ROWS[key[0]] * 72 / DPI), abs=3)
    wide = cells[(0, 1)]
    assert [line.text for line in wide.lines] == [texts[(0, 1)]]
    assert wide.lines[0].size == pytest.approx(10.5, abs=2)
    assert not table.open_top and not table.open_bottom
    empty = cells[(3, 3)]
    assert empty.text == "" and empty.confidence == 1.0
    assert [line.text for line in page.lines] == ["填报日期：2023年3月10日"]
    assert page.order == [("table", 0), ("line", 0)]


def test_a_last_line_of_one_glyph_with_a_gap_keeps_the_body_size() -> None:
    # 元 is a short top stroke, a blank gap, then the rest: measured without its top stroke the
    # line looked several points smaller, and paragraph assembly cut "…工资76,640.00" from its "元。".
    image = Image.new("L", (1240, 400), 255)
    draw = ImageDraw.Draw(image)
    body = font(round(12 * DPI / 72))
    draw.text((100, 100), "资金实际支出2,627,798.00元，分别为聘用人员工资76,640.00", font=body, fill=0)
    draw.text((100, 160), "元。", font=body, fill=0)
    page = scan_image(np.asarray(image), DPI, number=1, width=1240 * 72 / DPI, height=400 * 72 / DPI)

    long_line, short_line = sorted(page.lines, key=lambda line: line.bbox[1])
    assert short_line.text == "元。"
    assert short_line.size == long_line.size
    assert short_line.size == pytest.approx(12, abs=1.5)
    assert short_line.bbox[3] - short_line.bbox[1] > 0.8 * (long_line.bbox[3] - long_line.bbox[1])


@pytest.mark.parametrize("quarter_turns", [1, 2, 3])
def test_a_page_fed_sideways_or_upside_down_is_turned_upright(quarter_turns: int) -> None:
    image = draw_grid(set())
    draw = ImageDraw.Draw(image)
    body = font(round(10.5 * DPI / 72))
    texts = {(0, 0): "年初预算数", (0, 1): "全年预算数", (1, 0): "250000.00", (1, 1): "236500.00", (2, 2): "91.10%"}
    for (r, c), text in texts.items():
        draw.text((COLS[c] + 15, ROWS[r] + 12), text, font=body, fill=0)
    draw.text((100, 520), "填报日期：2023年3月10日，单位：万元", font=body, fill=0)
    width, height = 1240 * 72 / DPI, 700 * 72 / DPI
    turned = np.ascontiguousarray(np.rot90(np.asarray(image), k=quarter_turns))
    size = (height, width) if quarter_turns % 2 else (width, height)
    page = scan_image(turned, DPI, number=1, width=size[0], height=size[1])

    assert (page.width, page.height) == pytest.approx((width, height))
    (table,) = page.tables
    assert (table.n_rows, table.n_cols) == (4, 4)
    cells = {(cell.row, cell.col): cell.text for cell in table.cells}
    assert {key: cells[key] for key in texts} == texts
    assert [line.text for line in page.lines] == ["填报日期：2023年3月10日，单位：万元"]


@pytest.mark.parametrize(
    ("text", "confidence", "expected"),
    [
        ("实际支出512.02万元", 0.6, "实际支出万元"),
        ("实际支出512.02万元", 0.99, "实际支出512.02万元"),
        ("９１．７６％", 0.5, ""),
        ("1,234.5", 0.1, ""),
        ("一级指标", 0.2, "一级指标"),
        ("670.64", None, "670.64"),
        ("670.64", LOW_CONFIDENCE, "670.64"),
    ],
)
def test_blank_uncertain_figures(text: str, confidence: float | None, expected: str) -> None:
    assert blank_uncertain_figures(text, confidence) == expected
