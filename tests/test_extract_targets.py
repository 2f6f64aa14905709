"""Indicator sections: targets and tiers as printed, split cells joined, results and reasons kept."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.classify import find_sections
from pipeline.extract.targets import extract_indicators, printed_columns
from tests.extract_documents import grid_table


def _section(rows: list[list[str]]):  # type: ignore[no-untyped-def]
    (section,) = find_sections(grid_table(1, rows))
    return section


def test_target_table_with_tiers_carries_the_level_down() -> None:
    section = _section([
        ["指标类型", "指标名称", "绩效目标", "绩效标准", "<", "<", "<"],
        ["^", "^", "^", "优", "良", "中", "差"],
        ["产出指标", "计划维修（护）工作量完成率", "95% ", "95%", "90%", "85%", "85%以下"],
        ["^", "各种文件印刷工作量完成率", "95%", "95%", "90%", "85%", "85%以下"],
        ["效益指标", "政务大厅正常运转天数365天。", "365天", "365天", "350天", "330天", "320天以下"],
    ])  # fmt: skip
    indicators, subtotals = extract_indicators(section, 0)
    assert subtotals == []
    assert [(i.level1, i.name, i.target) for i in indicators] == [
        ("产出指标", "计划维修（护）工作量完成率", "95%"),
        ("产出指标", "各种文件印刷工作量完成率", "95%"),
        ("效益指标", "政务大厅正常运转天数365天。", "365天"),
    ]
    assert indicators[2].tiers == {"优": "365天", "良": "350天", "中": "330天", "差": "320天以下"}
    assert indicators[2].evidence["tiers.差"].col == 6 and indicators[2].evidence["target"].text == "365天"
    assert indicators[1].evidence["level1"].row == 2
    assert indicators[0].actual is None and indicators[0].weight is None
    assert printed_columns(section) == ["target", "tiers"]


def test_split_target_cells_are_joined_and_results_read() -> None:
    section = _section([
        ["绩效指标", "<", "<", "年度指标值", "<", "<", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "^", "^", "^", "^"],
        ["产出指标(50分)", "数量指标", "卫片执法补助经费", "﹦", "72890", "元", "72890", "10.00", "9.00", "无"],
        ["^", "质量指标", "项目验收合格率", "≥", "100", "%", "95", "20", "19", "部分未验收"],
        ["^", "时效指标", "资料归档", "定性", "及时", "", "及时", "20", "20", ""],
        ["总分", "<", "<", "<", "<", "<", "<", "100", "48", ""],
    ])  # fmt: skip
    indicators, subtotals = extract_indicators(section, 2)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in indicators] == [
        ("卫片执法补助经费", "﹦72890元", "72890", 10, 9),
        ("项目验收合格率", "≥100%", "95", 20, 19),
        ("资料归档", "及时", "及时", 20, 20),
    ]
    assert [(i.level1, i.level1_weight, i.level2) for i in indicators][:2] == [
        ("产出指标", 50, "数量指标"), ("产出指标", 50, "质量指标")
    ]  # fmt: skip
    assert indicators[1].deviation_reason == "部分未验收" and indicators[2].deviation_reason is None
    assert indicators[0].evidence["weight"].resolution == Decimal("0.01")
    (total,) = subtotals
    assert (total.label, total.rows, total.weight, total.score, total.target) == (
        "总分",
        [2, 3, 4],
        100,
        48,
        "indicators",
    )
    assert printed_columns(section) == ["target", "actual", "weight", "score", "reason"]


def test_rows_after_the_total_are_not_indicators_and_slashes_are_no_reason() -> None:
    """Sichuan: 合计, then 评价结论 / 项目负责人 rows in the same table."""
    header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"]
    header.append("未完成原因分析")
    section = _section([
        header,
        ["产出指标", "数量指标", "开展业务培训", "不少于", "1000", "次", "1149次", "13", "13", "/"],
        ["^", "^", "维修设施设备数量", "≥", "120", "台", "140台", "6", "6", "无"],
        ["合计", "<", "<", "<", "<", "<", "<", "100", "100", ""],
        ["评价结论", "项目年度目标基本完成。", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["项目负责人", "唐飞英", "<", "<", "<", "财务负责人", "马琳斌", "<", "<", "<"],
    ])  # fmt: skip
    assert section.end == 4
    indicators, (total,) = extract_indicators(section, 0)
    assert [(i.name, i.target, i.deviation_reason) for i in indicators] == [
        ("开展业务培训", "不少于1000次", None), ("维修设施设备数量", "≥120台", "无")
    ]  # fmt: skip
    assert total.label == "合计" and total.score == 100


def test_a_target_read_unsure_by_ocr_is_left_unknown() -> None:
    # scanned ≧ comes out as "=" (the recogniser has no ≧) or as marks it cannot read: both below 0.85
    rows = [
        ["绩效指标", "<", "<", "年度指标值", "<", "<", "实际完成值", "分值", "得分"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "^", "^", "^"],
        ["产出指标", "数量指标", "培训人次", "=", "98", "%", "99", "10", "10"],
        ["^", "质量指标", "验收合格率", "", "95", "百分比", "96", "10", "10"],
        ["^", "时效指标", "按时完成率", "≥", "90", "%", "92", "10", "10"],
    ]
    confidences = {(2, 3): 0.53, (3, 3): 0.0, (4, 3): 0.99}
    table = grid_table(1, rows)
    table = table.model_copy(update={"cells": tuple(
        c.model_copy(update={"confidence": confidences.get((c.row, c.col), 0.98)}) for c in table.cells)})
    (section,) = find_sections(table)
    indicators, _ = extract_indicators(section, 0)
    assert [(i.name, i.target, i.actual) for i in indicators] == [
        ("培训人次", None, "99"), ("验收合格率", None, "96"), ("按时完成率", "≥90%", "92")]
