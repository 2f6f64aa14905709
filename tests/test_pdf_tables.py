"""Ruling lines → cell groups: tables printed one right under the other are told apart, rows of one
table with different merges are not."""

from __future__ import annotations

from parsers.pdf_objects import Edge
from parsers.pdf_tables import find_cell_groups

LEFT, RIGHT = 70.0, 525.0


def _rows(top: float, rows: list[list[float]], height: float = 20.0) -> list[Edge]:
    """Ruled rows from `top` down, each given by its inner column boundaries."""
    edges = []
    for i, inner in enumerate(rows):
        y0, y1 = top + i * height, top + (i + 1) * height
        edges += [Edge("h", LEFT, y0, RIGHT, y0), Edge("h", LEFT, y1, RIGHT, y1)]
        edges += [Edge("v", x, y0, x, y1) for x in (LEFT, *inner, RIGHT)]
    return edges


def _groups(edges: list[Edge]) -> list[int]:
    groups, _, _ = find_cell_groups(edges)
    return sorted(len(group) for group in groups)


def test_touching_tables_with_other_columns_are_two() -> None:
    goals = [[150.0], [150.0, 206.0, 275.0, 343.0, 412.0], [150.0, 343.0], [150.0, 343.0]]
    indicators = [[124.0, 180.0, 236.0, 291.0, 347.0, 402.0, 436.0, 469.0]] * 3
    assert _groups(_rows(100, goals) + _rows(180, indicators)) == [14, 27]  # 2 + 6 + 3 + 3 cells over 3 × 9


def test_a_last_row_of_label_and_wide_cell_stays_in_its_table() -> None:
    grid = [112.0, 153.0, 194.0, 236.0, 277.0, 318.0, 360.0, 401.0, 442.0, 483.0]
    assert _groups(_rows(100, [grid, grid, [401.0, 442.0, 483.0], [112.0]])) == [28]


def test_a_header_band_over_a_finer_grid_stays_in_its_table() -> None:
    # 年度指标值 over 指标性质 | 指标值 | 度量单位: the coarse row keeps some boundaries of the fine one
    header = [124.0, 180.0, 236.0, 402.0, 436.0]
    body = [124.0, 180.0, 236.0, 291.0, 347.0, 402.0, 436.0]
    assert _groups(_rows(100, [header, body, body])) == [22]


def test_touching_tables_sharing_a_boundary_by_chance_are_two() -> None:
    goals = [[133.0], [133.0, 245.0, 299.0, 352.0, 406.0, 439.0, 491.0], [133.0, 299.0]]
    indicators = [[124.0, 178.0, 212.0, 245.0, 299.0, 342.0, 396.0, 424.0, 458.0, 491.0]] * 2
    assert _groups(_rows(100, goals) + _rows(160, indicators)) == [13, 22]
