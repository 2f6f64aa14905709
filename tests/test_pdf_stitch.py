"""Stitching tables across pages, on page contents built by hand (as the OCR stage would give them)."""

from __future__ import annotations

import pytest

from models.document import Table
from parsers.assemble import assemble
from parsers.page import GridCell, PageContent, PageTable, TextLine

EDGES = [50.0, 150.0, 250.0, 450.0, 500.0]
WIDTH, HEIGHT = 595.0, 842.0


def _table(rows: list[list[str | None]], top: float, *, spans: dict[tuple[int, int], int] | None = None,
           lines: dict[tuple[int, int], list[TextLine]] | None = None, open_bottom: bool = False) -> PageTable:
    """A 4-column table; None marks a position covered by a cell above (its span is in `spans`)."""
    spans, lines = spans or {}, lines or {}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            span = spans.get((r, c), 1)
            bbox = (EDGES[c], top + 20 * r, EDGES[c + 1], top + 20 * (r + span))
            cells.append(GridCell(row=r, col=c, row_span=span, text=text, bbox=bbox, lines=lines.get((r, c), [])))
    bbox = (EDGES[0], top, EDGES[-1], top + 20 * len(rows))
    return PageTable(n_rows=len(rows), n_cols=4, cells=cells, bbox=bbox, col_edges=EDGES, open_bottom=open_bottom)


def _page(number: int, tables: list[PageTable], lines: list[TextLine] | None = None) -> PageContent:
    return PageContent(number=number, width=WIDTH, height=HEIGHT, lines=lines or [], tables=tables)


def _single_table(pages: list[PageContent]) -> Table:
    tables = [b for b in assemble(pages) if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


def _line(text: str, x0: float, x1: float, top: float) -> TextLine:
    return TextLine(text=text, bbox=(x0, top, x1, top + 12), size=12)


def test_new_row_under_a_carried_merged_cell_is_not_a_split_row() -> None:
    page1 = _table([["一级", "分值", "三级", "得分"], ["项目绩效", "55", "产出数量", "5"],
                    [None, None, "产出成本", "2"]], top=700, spans={(1, 0): 2, (1, 1): 2})
    page2 = _table([["", "", "经济效益", "7"], [None, None, "社会效益", "8"]], top=60,
                   spans={(0, 0): 2, (0, 1): 2})
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 5
    assert [table.row_texts(r) for r in range(5)] == [
        ["一级", "分值", "三级", "得分"],
        ["项目绩效", "55", "产出数量", "5"],
        ["项目绩效", "55", "产出成本", "2"],
        ["项目绩效", "55", "经济效益", "7"],
        ["项目绩效", "55", "社会效益", "8"],
    ]
    assert table.cell_at(4, 0).page == 1 and table.cell_at(3, 2).page == 2


def test_row_cut_by_the_break_is_joined_and_keeps_its_numbers() -> None:
    cut = [_line("资金使用根据管理办法的规定，评价组对项目资", 252, 444, 745),
           _line("金的拨付、使用和管理情况逐项进行了核查，查", 252, 445, 760)]
    long_text = "资金使用根据管理办法的规定，评价组对项目资金的拨付、使用和管理情况逐项进行了核查，查"
    page1 = _table([["一级", "分值", "三级", "得分"], ["项目管理", "25", long_text, "6"]], top=720,
                   lines={(1, 2): cut})
    page1.cells[-2].bbox = (250, 740, 450, 780)
    page2 = _table([["", "", "阅了会计凭证。", ""], ["", "", "财务管理", "3"]], top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 3
    assert table.row_texts(1) == ["项目管理", "25", "资金使用根据管理办法的规定，评价组对项目资金的拨付、使用和管理情况"
                                  "逐项进行了核查，查阅了会计凭证。", "6"]
    assert table.row_texts(2) == ["", "", "财务管理", "3"]


def test_finished_short_row_is_not_joined_with_a_row_that_lacks_its_score() -> None:
    page1 = _table([["一级", "分值", "三级", "得分"], ["项目管理", "25", "到位率", "3"]], top=740,
                   lines={(1, 2): [_line("到位率", 252, 288, 765)]})
    page1.cells[-2].bbox = (250, 760, 450, 780)
    page2 = _table([["", "", "到位时效", ""]], top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 3
    assert table.row_texts(1) == ["项目管理", "25", "到位率", "3"]
    assert table.row_texts(2) == ["项目管理", "25", "到位时效", ""]  # the labels carried, the rows kept apart


def test_open_bottom_rule_marks_a_split_even_without_geometry() -> None:
    page1 = _table([["一级", "分值", "三级", "得分"], ["项目管理", "25", "资金使用情况逐项进行了核查，查", "6"]],
                   top=740, open_bottom=True)
    page2 = _table([["", "", "阅了会计凭证。", ""]], top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 2
    assert table.text_at(1, 2) == "资金使用情况逐项进行了核查，查阅了会计凭证。"


def test_repeated_header_dropped_and_text_between_tables_prevents_stitching() -> None:
    header = ["一级", "分值", "三级", "得分"]
    page1 = _table([header, ["项目决策", "20", "目标内容", "4"]], top=700)
    page2 = _table([header, ["项目管理", "25", "到位率", "3"]], top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert [table.row_texts(r)[0] for r in range(table.n_rows)] == ["一级", "项目决策", "项目管理"]

    body = [_line("表2 资金情况", 50, 150, 40)]
    blocks = assemble([_page(1, [page1]), _page(2, [page2], lines=body)])
    assert [b.index for b in blocks if isinstance(b, Table)] == [1, 2]


def test_labels_carried_over_a_hole_without_cells() -> None:
    page1 = _table([["一级", "分值", "三级", "得分"], ["项目绩效", "55", "经济效益", "7"]], top=740)
    page2 = _table([[None, None, "社会效益", "8"], [None, None, "生态效益", "6"], ["满意度", "10", "满意度", "9"]],
                   top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert [table.row_texts(r)[:2] for r in range(table.n_rows)] == [
        ["一级", "分值"], ["项目绩效", "55"], ["项目绩效", "55"], ["项目绩效", "55"], ["满意度", "10"]]


def test_split_row_under_labels_without_cells() -> None:
    page1 = _table([["一级", "分值", "三级", "得分"], ["项目管理", "25", "资金使用情况逐项进行了核查，查", "6"]],
                   top=740, open_bottom=True)
    page2 = _table([[None, None, "阅了会计凭证。", ""], [None, None, "财务管理", "3"], ["项目绩效", "55", "产出", "5"]],
                   top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert [table.row_texts(r) for r in range(table.n_rows)] == [
        ["一级", "分值", "三级", "得分"],
        ["项目管理", "25", "资金使用情况逐项进行了核查，查阅了会计凭证。", "6"],
        ["项目管理", "25", "财务管理", "3"],
        ["项目绩效", "55", "产出", "5"],
    ]


@pytest.mark.parametrize("marker", ["续表", "表2 绩效评价得分表（续）", "(续)"])
def test_continuation_marker_does_not_break_the_table(marker: str) -> None:
    header = ["一级", "分值", "三级", "得分"]
    page1 = _table([header, ["项目决策", "20", "目标内容", "4"]], top=700)
    page2 = _table([["项目管理", "25", "到位率", "3"]], top=80)
    blocks = assemble([_page(1, [page1]), _page(2, [page2], lines=[_line(marker, 50, 200, 60)])])
    assert [type(b).__name__ for b in blocks] == ["Table"]
    assert blocks[0].n_rows == 3


def test_tables_with_other_columns_are_not_stitched() -> None:
    page1 = _table([["a", "b", "c", "d"]], top=740)
    page2 = _table([["e", "f", "g", "h"]], top=60)
    page2.col_edges = [50.0, 300.0, 350.0, 400.0, 560.0]
    page2.bbox = (50.0, 60.0, 560.0, 80.0)
    tables = [b for b in assemble([_page(1, [page1]), _page(2, [page2])]) if isinstance(b, Table)]
    assert len(tables) == 2


def test_cut_last_column_under_finished_figures_is_a_split_row() -> None:
    # a form's 偏差原因 column wraps onto the next page by one character; every column left of it is
    # finished (labels, target, figures) and ruled empty on the continuation — found on a generated form
    remark = [_line("部分设备到货延迟，已督", 452, 494, 740), _line("促供应商尽快完", 452, 494, 754)]
    rows = [["一级", "分值", "三级", "原因"], ["满意度", "10", "对象满意度", "部分设备到货延迟，已督促供应商尽快完"]]
    page1 = _table(rows, top=700, lines={(1, 3): remark})
    page1.cells[-1].bbox = (450, 720, 500, 765)
    page2 = _table([["", "", "", "成"], ["自评总分", "100", "", ""]], top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 3
    assert table.row_texts(1) == ["满意度", "10", "对象满意度", "部分设备到货延迟，已督促供应商尽快完成"]
    assert table.row_texts(2) == ["自评总分", "100", "", ""]


def test_merged_label_whose_text_wraps_over_the_break_is_one_cell() -> None:
    # 项目管理（25分） starts on the page's last row and its second line prints on the next page, in a cell
    # ruled over the rows it still spans; the 二级 label beside it carries on empty
    page1 = _table([["一级", "二级", "三级", "得分"], ["项目决策（20分）", "目标（5分）", "依据", "5"],
                    ["项目管理（25", "到位（5分）", "到位率", "3"]], top=700,
                   lines={(2, 0): [_line("项目管理（25", 52, 140, 744)]})
    page1.cells[8].bbox = (50, 740, 150, 760)
    page2 = _table([["分）", "", "到位时效", "2"], [None, "管理（10分）", "资金使用", "7"],
                    [None, None, "财务管理", "3"]], top=60, spans={(0, 0): 3, (1, 1): 2})
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 6
    assert [table.row_texts(r)[:2] for r in range(2, 6)] == [
        ["项目管理（25分）", "到位（5分）"], ["项目管理（25分）", "到位（5分）"],
        ["项目管理（25分）", "管理（10分）"], ["项目管理（25分）", "管理（10分）"]]
    assert [table.text_at(r, 2) for r in range(2, 6)] == ["到位率", "到位时效", "资金使用", "财务管理"]


def test_a_figure_cut_after_its_decimal_point_is_a_split_row() -> None:
    # "85." is no finished sentence: the page break cut 85.1% after the point (a scanned form)
    page1 = _table([["一级", "分值", "实际", "得分"], ["满意", "10", "85.", "8.96"]], top=740,
                   lines={(1, 0): [_line("满意", 52, 148, 745)], (1, 2): [_line("85.", 252, 440, 745)]})
    page1.cells[4].bbox, page1.cells[6].bbox = (50, 740, 150, 760), (250, 740, 450, 760)
    page2 = _table([["度指标", "", "1%", ""], ["总分", "100", "", "98.96"]], top=60)
    table = _single_table([_page(1, [page1]), _page(2, [page2])])
    assert table.n_rows == 3
    assert table.row_texts(1) == ["满意度指标", "10", "85.1%", "8.96"]
