"""Self-evaluation forms that depart from the printed templates: columns in another order, units in
cells, blank and dashed cells, the funds row among the indicators, score-only tables, several forms
in one file, unfilled template cells."""

from __future__ import annotations

from decimal import Decimal

from models.facts import Extraction
from pipeline.extract import extract
from tests import form_grids
from tests.extract_documents import document

TITLE = ["项目支出绩效自评表", "<", "<", "<", "<", "<", "<", "<"]
NAME = ["项目名称", "城区道路维修", "<", "<", "<", "<", "<", "<"]


def _extract(*blocks: str | list[list[str]]) -> Extraction:
    return extract(document(*blocks))


def test_reordered_columns_map_by_their_labels() -> None:
    grid = [
        TITLE,
        NAME,
        ["项目资金（万元）", "<", "得分", "全年执行数", "执行率", "年初预算数", "分值", "全年预算数"],
        ["年度资金总额", "<", "9.00", "99.00", "90.00%", "120.00", "10", "110.00"],
        ["其中：当年财政拨款", "<", "—", "99.00", "", "120.00", "—", "110.00"],
        ["得分", "三级指标", "偏差原因分析及改进措施", "实际完成值", "一级指标", "分值", "二级指标", "年度指标值"],
        ["28", "养护里程", "雨季停工", "280公里", "产出指标", "30", "数量指标", "≥300公里"],
        ["20", "优良路率", "", "82%", "^", "20", "质量指标", "≥80%"],
    ]
    report = _extract(grid).report
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (
        Decimal("1200000"),
        Decimal("1100000"),
        Decimal("990000"),
    )
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == ("90.00", 10, 9)
    assert [(s.name, s.planned, s.adjusted, s.spent) for s in budget.sources] == [
        ("当年财政拨款", Decimal("1200000"), Decimal("1100000"), Decimal("990000"))
    ]
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.deviation_reason)
            for i in report.indicators] == [
        ("产出指标", "数量指标", "养护里程", "≥300公里", "280公里", 30, 28, "雨季停工"),
        ("产出指标", "质量指标", "优良路率", "≥80%", "82%", 20, 20, None),
    ]  # fmt: skip
    assert report.indicators[0].evidence["score"].col == 0


def test_unit_from_the_cell_when_the_header_has_none_and_yuan_against_wan_yuan() -> None:
    in_cells = [
        TITLE,
        NAME,
        ["项目资金", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "120万元", "110万元", "99万元", "10", "90%", "9"],
    ]
    budget = _extract(in_cells).report.budget
    assert (budget.planned, budget.spent) == (Decimal("1200000"), Decimal("990000"))
    assert budget.evidence["planned"].text == "120万元" and budget.evidence["planned"].resolution == Decimal(10000)
    in_yuan = [
        TITLE,
        NAME,
        ["项目资金（元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "1,200,000.00", "1,100,000", "990000.5", "10", "90%", "9"],
    ]
    budget = _extract(in_yuan).report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (
        Decimal("1200000.00"), Decimal("1100000"), Decimal("990000.5")
    )  # fmt: skip
    assert budget.evidence["spent"].resolution == Decimal("0.1")
    wan = _extract([TITLE, NAME, in_yuan[2][:1] and ["项目资金（万元）", *in_yuan[2][1:]], in_yuan[3]]).report.budget
    assert wan.planned == Decimal("12000000000.00")  # the header's unit, as printed: a 元/万元 slip is the rules' job


def test_blank_dash_and_slash_cells_are_not_given_never_zero() -> None:
    grid = [
        TITLE,
        NAME,
        ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "100.00", "—", "/", "10", "", "—"],
        ["其中：当年财政拨款", "<", "/", "", "—", "—", "", "—"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "维修面积", "≥500平方米", "—", "/", "", "/"],
    ]
    extraction = _extract(grid)
    budget = extraction.report.budget
    assert (budget.planned, budget.adjusted, budget.spent, budget.execution_rate, budget.execution_score) == (
        Decimal("1000000"), None, None, None, None
    )  # fmt: skip
    assert budget.execution_weight == 10
    (source,) = budget.sources
    assert (source.planned, source.adjusted, source.spent) == (None, None, None)
    (indicator,) = extraction.report.indicators
    assert (indicator.target, indicator.weight, indicator.score, indicator.deviation_reason) == (
        "≥500平方米", None, None, None
    )  # fmt: skip
    assert indicator.actual in (None, "—")
    blank = {cell.field: cell.evidence for cell in extraction.facts.blank_cells}
    assert (blank["execution_score"].row, blank["execution_score"].col) == (3, 7)


def test_rate_printed_as_a_fraction_or_as_zero_percent() -> None:
    def rate(printed: str, planned: str = "7.29") -> str:
        grid = [
            TITLE,
            NAME,
            ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "<", planned, planned, planned, "10", printed, "10"],
        ]
        return str(_extract(grid).report.budget.execution_rate)

    assert rate("1") == "100"
    assert rate("0.00%", "0") == "0.00"
    assert rate("100.0%") == "100.0"


def test_budget_execution_row_inside_the_indicator_block_fills_the_budget() -> None:
    grid = [
        TITLE,
        NAME,
        ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "执行率", "<", "<"],
        ["年度资金总额", "<", "50", "50", "45", "90%", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["预算执行率(10分)", "<", "<", "100%", "90%", "10", "9", "项目延期"],
        ["产出指标(50分)", "数量指标", "维修里程", "≥10公里", "10公里", "50", "50", ""],
        ["效益指标(30分)", "社会效益指标", "通行条件", "改善", "改善", "30", "30", ""],
        ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "<", "<", "<", "<", "100", "99", ""],
    ]
    extraction = _extract(grid)
    report, facts = extraction.report, extraction.facts
    assert (report.budget.execution_weight, report.budget.execution_score) == (10, 9)
    assert (report.budget.evidence["execution_score"].row, report.budget.evidence["execution_score"].col) == (5, 6)
    assert [i.name for i in report.indicators] == ["维修里程", "通行条件", "满意度"]
    assert [(w.level1, w.weight) for w in facts.section_weights] == [
        ("产出指标", 50),
        ("效益指标", 30),
        ("满意度指标", 10),
    ]
    (total,) = facts.subtotals
    assert total.rows == [0, 1, 2] and total.score == 99


def test_execution_leaf_beside_a_scored_funds_block_stays_an_indicator() -> None:
    grid = [
        TITLE,
        NAME,
        ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "50", "50", "45", "10", "90%", "9"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "成本指标", "预算执行率", "≥95%", "90%", "10", "9", "项目延期"],
    ]
    report = _extract(grid).report
    assert (report.budget.execution_weight, report.budget.execution_score) == (10, 9)
    assert report.budget.evidence["execution_score"].row == 3
    assert [i.name for i in report.indicators] == ["预算执行率"]


def test_a_score_only_table_of_a_form_gives_indicators_not_scores() -> None:
    """Hubei county variant: 项目权重 | 评价内容 | 分值 | 自评分, no targets or results."""
    grid = [
        ["财政预算支出项目绩效目标自评表", "<", "<", "<"],
        ["项目名称", "办公局域网维护费", "<", "<"],
        ["项目权重", "评价内容", "分值", "自评分"],
        ["项目决策 2 分", "决策依据", "2", "2"],
        ["项目管理 13 分", "财务制度", "3", "3"],
        ["^", "组织机构", "2", "2"],
        ["^", "运行监管", "4", "3"],
        ["^", "目标申报", "4", "4"],
        ["合计", "<", "15", "14"],
    ]
    extraction = _extract(grid)
    report = extraction.report
    assert report.scores == []
    assert [(i.level1, i.level1_weight, i.level2, i.name, i.weight, i.score) for i in report.indicators] == [
        ("项目决策", 2, None, "决策依据", 2, 2),
        ("项目管理", 13, None, "财务制度", 3, 3),
        ("项目管理", 13, None, "组织机构", 2, 2),
        ("项目管理", 13, None, "运行监管", 4, 3),
        ("项目管理", 13, None, "目标申报", 4, 4),
    ]
    assert report.indicators[0].evidence["name"].text == "决策依据"
    (total,) = extraction.facts.subtotals
    assert (total.target, total.rows, total.score) == ("indicators", [0, 1, 2, 3, 4], 14)
    assert [(w.level1, w.weight) for w in extraction.facts.section_weights] == [("项目决策", 2), ("项目管理", 13)]


def _second_form(name: str, score: str) -> list[list[str]]:
    return [
        ["项目支出绩效自评表", "<", "<", "<", "<", "<", "<", "<"],
        ["项目名称", name, "<", "<", "<", "<", "<", "<"],
        ["项目资金（元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "20000.00", "20000.00", "9034", "10", "45.17%", "4.52"],
        ["其中：当年财政拨款", "<", "20000.00", "20000.00", "9034", "—", "", "—"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "经费使用率", "=100%", "45%", "90", score, "进度滞后"],
        ["总分", "<", "<", "<", "<", "100", "50", ""],
    ]


def test_only_the_first_of_several_forms_is_read() -> None:
    first = [row[:8] for row in form_grids.CENTRAL]
    extraction = _extract("附件", first, "财政项目支出绩效自评表（2021年度）", _second_form("援滇对口支援经费", "40"))
    report = extraction.report
    assert report.project.name == "农村公路养护补助"
    assert report.budget.spent == Decimal("990000")
    assert [s.name for s in report.budget.sources] == ["当年财政拨款", "上年结转资金", "其他资金"]
    assert [i.name for i in report.indicators] == ["养护里程", "优良路率", "群众出行条件", "沿线群众满意度"]
    assert {m.evidence.table for m in extraction.facts.mentions} == {1}
    assert len(extraction.facts.subtotals) == 1 and report.total_score == 87


def test_two_forms_in_one_table_are_cut_at_the_second_title() -> None:
    first = [row[:8] for row in form_grids.CENTRAL[:-1]] + [["总分", "<", "<", "<", "<", "<", "100", "87"]]
    extraction = _extract(first + _second_form("援滇对口支援经费", "40"))
    report = extraction.report
    assert report.project.name == "农村公路养护补助"
    assert len(report.indicators) == 4 and report.total_score == 87
    assert all((i.evidence["name"].row or 0) < len(first) for i in report.indicators)
    without_title = first + _second_form("援滇对口支援经费", "40")[1:]
    assert len(_extract(without_title).report.indicators) == 4


def test_template_instructions_and_blank_required_cells_are_facts() -> None:
    grid = [
        TITLE,
        NAME,
        ["年度总体目标", "预期目标", "<", "<", "实际完成情况", "<", "<", "<"],
        ["^", "维修道路3公里。", "<", "<", "（200字以内）", "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "维修里程", "≥3公里", "3公里", "90", "90", "结合自评情况,说明偏差原因"],
        ["总分", "<", "<", "<", "<", "100", "", ""],
        ["评价结论", "", "<", "<", "<", "<", "<", "<"],
    ]
    extraction = _extract(grid)
    facts = extraction.facts
    assert {(e.row, e.col) for e in facts.template_text} == {(3, 4), (5, 7)}
    blank = {cell.field: (cell.evidence.row, cell.evidence.col) for cell in facts.blank_cells}
    assert blank["total_score"] == (6, 6)
    assert blank["conclusion"] == (7, 1)
    assert extraction.report.total_score is None and extraction.report.project.conclusion is None


def test_figures_split_by_ocr_gaps_are_read_whole() -> None:
    """A scanned funds cell can come back as "5,426,8 26.00": one figure with a gap inside."""
    grid = [
        TITLE,
        NAME,
        ["项目资金（元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "5,426,8 26.00", "4996 526.0 0", "4504 397.0 0", "10", "90.1 5%", "9.01"],
    ]
    budget = _extract(grid).report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (
        Decimal("5426826.00"), Decimal("4996526.00"), Decimal("4504397.00")
    )  # fmt: skip
    assert str(budget.execution_rate) == "90.15"
    assert budget.evidence["planned"].text == "5,426,8 26.00" and budget.evidence["planned"].resolution == Decimal(
        "0.01"
    )


def test_a_form_that_lost_its_title_is_still_a_form() -> None:
    """A copy whose title sat in a page header or a text box: 年度资金总额/年度总体目标 rows say what it is."""
    report = _extract(form_grids.CENTRAL[2:]).report
    assert report.kind == "self_evaluation_form"
    assert (len(report.indicators), report.total_score, report.scores) == (4, 87, [])
    assert _extract([["项目名称", "综合事务"], ["计划投资额", "670.64"]]).report.kind == "unknown"


def test_total_stated_in_the_header_line_of_a_form() -> None:
    """Hubei: 填报日期 … 自评总分: 69 单位领导审签: — a line above the table, the table's own total blank."""
    grid = [
        ["项目名称", "办公局域网维护费", "<", "<"],
        ["项目权重", "评价内容", "分值", "自评分"],
        ["项目决策 2 分", "决策依据", "2", "2"],
        ["合计", "<", "2", ""],
    ]
    line = "填报日期:2020 年 2 月 18 日 自评总分: 69 单位领导审签:"
    report = _extract("广水市财政预算支出项目绩效目标自评表", line, grid).report
    assert report.total_score == 69
    assert (report.evidence["total_score"].paragraph, report.evidence["total_score"].text) == (2, "自评总分: 69")
    in_cell = [["财政预算支出项目绩效目标自评表", "<", "<", "<"], ["自评总分： 88.5", "<", "<", "<"], *grid]
    report = _extract(in_cell).report
    assert report.total_score == Decimal("88.5") and report.evidence["total_score"].text == "自评总分： 88.5"


def test_a_level1_heading_across_the_table_heads_the_rows_below() -> None:
    grid = [
        TITLE[:7],
        NAME[:7],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标（50分）", "<", "<", "<", "<", "<", "<"],
        ["", "数量指标", "养护里程", "≥300公里", "280公里", "30", "28"],
        ["", "质量指标", "优良路率", "≥80%", "82%", "20", "20"],
        ["效益指标（40分）", "<", "<", "<", "<", "<", "<"],
        ["", "社会效益指标", "出行条件", "改善", "改善", "40", "40"],
        ["总分", "<", "<", "<", "<", "90", "88"],
    ]
    extraction = _extract(grid)
    report, facts = extraction.report, extraction.facts
    assert [(i.level1, i.level1_weight, i.level2, i.name) for i in report.indicators] == [
        ("产出指标", 50, "数量指标", "养护里程"),
        ("产出指标", 50, "质量指标", "优良路率"),
        ("效益指标", 40, "社会效益指标", "出行条件"),
    ]
    assert [(w.level1, w.weight, w.evidence.row) for w in facts.section_weights] == [
        ("产出指标", 50, 3),
        ("效益指标", 40, 6),
    ]
    assert [s.rows for s in facts.subtotals] == [[0, 1, 2]]


def test_a_row_cut_by_a_page_break_is_read_whole() -> None:
    """The PDF reader keeps the part of a cell printed on the next page as a cell of its own under the first."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    grid = [
        TITLE,
        NAME,
        header,
        ["产出指标", "数量指标", "受益人口", "≥5000人", "4800人", "40", "38", "部分农户外出务工，下"],
        ["^", "^", "^", "^", "^", "^", "^", "年度加强宣传"],
        ["^", "质量指标", "合格率", "≥90%", "92%", "10", "10", "无"],
        ["^", "^", "^", "≥95%", "96%", "10", "10", "无"],
    ]
    indicators = _extract(grid).report.indicators
    assert [(i.name, i.target, i.deviation_reason) for i in indicators] == [
        ("受益人口", "≥5000人", "部分农户外出务工，下年度加强宣传"),
        ("合格率", "≥90%", "无"),
        (None, "≥95%", "无"),  # a second target under one merged name is a row of its own
    ]
    assert indicators[0].evidence["deviation_reason"].text == "部分农户外出务工，下"


def test_a_name_line_above_the_table_does_not_split_the_form() -> None:
    extraction = _extract("项目支出绩效自评表", "项目名称：农村公路养护补助", form_grids.CENTRAL[2:])
    report = extraction.report
    assert report.project.name == "农村公路养护补助"
    assert len(report.indicators) == 4 and report.budget.spent == Decimal("990000")


def test_execution_row_gives_its_rate_when_no_funds_block_prints_one() -> None:
    grid = [
        TITLE[:6],
        NAME[:6],
        ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["预算执行率（10分）", "预算执行率", "100%", "92%", "10", "9.2"],
        ["产出指标（90分）", "维修里程", "≥10公里", "10公里", "90", "90"],
    ]
    extraction = _extract(grid)
    budget = extraction.report.budget
    assert (budget.execution_weight, budget.execution_score, str(budget.execution_rate)) == (10, Decimal("9.2"), "92")
    assert (budget.evidence["execution_rate"].row, budget.evidence["execution_rate"].col) == (3, 3)
    assert [(m.quantity, m.value) for m in extraction.facts.mentions] == [("execution_rate", Decimal(92))]
    assert [i.name for i in extraction.report.indicators] == ["维修里程"]


def test_the_first_form_cut_from_a_shared_table_holds_only_its_own_rows() -> None:
    from pipeline.extract.form_split import first_form

    first = [row[:8] for row in form_grids.CENTRAL]
    doc = document(first + _second_form("援滇对口支援经费", "40"))
    doc.tables[0].grid  # noqa: B018 — the grid is cached on the whole table before the cut
    (table,) = first_form(doc).tables
    assert table.n_rows == len(first) and len(table.grid) == len(first)
    assert table.cell_at(0, 0) is not None and table.cell_at(0, 0).text == "项目支出绩效自评表"
    assert all(cell.row + cell.row_span <= len(first) for cell in table.cells)


def test_unit_of_a_block_label_whose_closing_bracket_ocr_lost() -> None:
    grid = [
        TITLE,
        NAME,
        ["项目资金（万元", "<", "年初预算数", "调整后预算数", "执行数", "执行率", "分值", "自评分"],
        ["^", "合计", "546.2 5", "553.28", "524.38", "94.8%", "10", "9.48"],
    ]
    budget = _extract(grid).report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (
        Decimal("5462500"), Decimal("5532800"), Decimal("5243800")
    )  # fmt: skip
