"""Score sections: leaf rows with their parents carried down, subtotal rows kept apart."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.classify import find_sections
from pipeline.extract.scores import extract_scores, section_weights, split_named_weight
from tests.extract_documents import grid_table

HEADER = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]


def _rows(rows: list[list[str]], offset: int = 0):  # type: ignore[no-untyped-def]
    (section,) = find_sections(grid_table(3, rows))
    return extract_scores(section, offset)


def test_merged_parents_are_carried_down_with_their_own_locations() -> None:
    rows, subtotals = _rows([
        HEADER,
        ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
        ["^", "^", "决策过程", "8", "决策依据", "3", "3"],
        ["^", "^", "^", "^", "决策程序", "5", "5"],
        ["项目管理", "25", "资金到位", "5", "到位率", "3", "2.5"],
    ])  # fmt: skip
    assert subtotals == []
    assert [(r.level1, r.level1_weight, r.level2, r.level2_weight, r.level3, r.weight, r.score) for r in rows] == [
        ("项目决策", 20, "项目目标", 4, "目标内容", 4, 4),
        ("项目决策", 20, "决策过程", 8, "决策依据", 3, 3),
        ("项目决策", 20, "决策过程", 8, "决策程序", 5, 5),
        ("项目管理", 25, "资金到位", 5, "到位率", 3, Decimal("2.5")),
    ]
    third = rows[2].evidence
    assert (third["level1_weight"].row, third["level1_weight"].col, third["level1_weight"].text) == (1, 1, "20")
    assert (third["level2"].row, third["score"].row, third["score"].col) == (2, 3, 6)
    assert rows[3].evidence["score"].resolution == Decimal("0.1")


def test_blank_parent_cells_in_unmerged_tables_are_carried_down_too() -> None:
    rows, _ = _rows([
        HEADER,
        ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
        ["", "", "决策过程", "8", "决策依据", "3", "3"],
        ["项目管理", "", "资金到位", "5", "到位率", "3", "3"],
    ])  # fmt: skip
    assert [(r.level1, r.level1_weight, r.level2) for r in rows] == [
        ("项目决策", 20, "项目目标"), ("项目决策", 20, "决策过程"), ("项目管理", None, "资金到位")
    ]  # fmt: skip


def test_subtotal_and_total_rows_are_facts_not_rows() -> None:
    rows, subtotals = _rows([
        HEADER,
        ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
        ["^", "^", "决策过程", "16", "决策依据", "16", "15"],
        ["小计", "<", "<", "<", "<", "20", "19"],
        ["项目管理", "80", "资金到位", "80", "到位率", "80", "70"],
        ["合计", "<", "<", "<", "<", "100", "89"],
    ], offset=5)  # fmt: skip
    assert len(rows) == 3
    small, total = subtotals
    assert (small.label, small.rows, small.weight, small.score) == ("小计", [5, 6], 20, 19)
    assert (total.label, total.rows, total.weight, total.score) == ("合计", [5, 6, 7], 100, 89)
    assert total.evidence["score"].row == 5 and total.target == "scores"


def test_level_weight_printed_inside_the_name() -> None:
    """Anhui: 序号 | 一级指标 | 二级指标 | 三级指标 | 指标分值 | … | 自评得分, with 规划 (15分)."""
    rows, _ = _rows([
        ["序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "自评得分"],
        ["1", "规划 (15分)", "基础信息 (3分)", "基础信息完整性", "3", "是否真实", "3"],
        ["2", "^", "工作计划 (6分)", "年度工作计划完整性", "3", "是否完整", "2"],
    ])  # fmt: skip
    assert [(r.level1, r.level1_weight, r.level2, r.level2_weight, r.level3, r.weight, r.score) for r in rows] == [
        ("规划", 15, "基础信息", 3, "基础信息完整性", 3, 3),
        ("规划", 15, "工作计划", 6, "年度工作计划完整性", 3, 2),
    ]
    (weight,) = section_weights(rows)
    assert (weight.level1, weight.weight, weight.evidence.text) == ("规划", 15, "规划 (15分)")


def test_split_named_weight() -> None:
    assert split_named_weight("产出指标(50分)") == ("产出指标", "50")
    assert split_named_weight("项目决策 2 分") == ("项目决策", "2")
    assert split_named_weight("政务大厅正常运转天数365天。") == ("政务大厅正常运转天数365天。", None)


def test_a_parent_printed_again_on_every_row_gives_one_section_weight() -> None:
    """PDF tables may repeat 项目决策 | 20 on each row instead of merging the cell."""
    rows, _ = _rows([
        HEADER,
        ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
        ["项目决策", "20", "决策过程", "16", "决策依据", "16", "15"],
        ["项目管理", "80", "资金到位", "80", "到位率", "80", "70"],
    ])  # fmt: skip
    assert [(w.level1, w.weight, w.evidence.row) for w in section_weights(rows)] == [
        ("项目决策", 20, 1),
        ("项目管理", 80, 3),
    ]


def test_a_weight_column_before_the_leaf_names_is_a_parents_not_the_rows() -> None:
    # OCR added a stray glyph to two header cells: 二级指标 and the rows' own 分值 are not recognised, so the
    # only 分值 left unclaimed is the level-2 one, which stands before the 三级指标 names.
    rows, _ = _rows([
        ["一级指标", "分值", "二级指标示", "分值", "三级指标", "分值直", "得分"],
        ["决策", "10", "项目立项", "5", "立项依据充分性", "3", "2"],
        ["^", "^", "^", "^", "立项程序规范性", "2", "2"],
        ["^", "^", "绩效目标", "5", "绩效目标合理性", "3", "3"],
    ])  # fmt: skip
    assert [(r.level3, r.weight, r.score) for r in rows] == [
        ("立项依据充分性", None, 2), ("立项程序规范性", None, 2), ("绩效目标合理性", None, 3)
    ]  # fmt: skip
    assert all("weight" not in r.evidence for r in rows)
