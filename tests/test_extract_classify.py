"""Genre of a document and the meaning of table sections, decided from their words."""

from __future__ import annotations

from pipeline.extract.classify import classify_document, find_sections
from pipeline.extract.scores import extract_scores
from tests.extract_documents import document, grid_table


def test_genre_from_title_words() -> None:
    assert classify_document(document("综合事务项目绩效评价报告", "一、项目概况")) == "evaluation_report"
    assert classify_document(document("建设项目绩效自评报告")) == "evaluation_report"
    form = document([["项目支出绩效自评表（2021年度）", "<", "<"], ["项目名称", "某项目", "<"]])
    assert classify_document(form) == "self_evaluation_form"
    assert classify_document(document("岳阳县2016年度部门（单位）整体支出绩效评价自评报告")) == "department_report"
    assert classify_document(document([["2023年度部门整体支出绩效评价自评表", "<"]])) == "department_report"
    assert classify_document(document("会议纪要", "今天开会。")) == "unknown"


def test_a_long_sentence_mentioning_a_form_does_not_make_a_report_a_form() -> None:
    long_text = "根据要求，我单位认真填报了项目支出绩效自评表，并对照各项指标逐项进行了分析，形成如下报告内容供参考。"
    assert classify_document(document(long_text)) == "unknown"


def test_score_header_found_in_the_middle_of_an_info_table() -> None:
    table = grid_table(
        1,
        [
            ["一、项目基本情况", "<", "<", "<", "<", "<", "<"],
            ["项目实施单位", "省政务中心", "主管部门", "省政务中心", "", "", ""],
            ["二、绩效评价指标评分", "<", "<", "<", "<", "<", "<"],
            ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
            ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
            ["^", "^", "决策过程", "8", "决策依据", "3", "3"],
        ],
    )
    (section,) = find_sections(table)
    assert section.kind == "score"
    assert (section.start, section.end) == (4, 6)
    assert section.roles == {
        0: "level1", 1: "level1_weight", 2: "level2", 3: "level2_weight", 4: "level3", 5: "weight", 6: "score"
    }  # fmt: skip


def test_two_row_header_with_grading_tiers_is_an_indicator_section() -> None:
    table = grid_table(
        1,
        [
            ["指标类型", "指标名称", "绩效目标", "绩效标准", "<", "<", "<"],
            ["^", "^", "^", "优", "良", "中", "差"],
            ["产出指标", "完成率", "95%", "95%", "90%", "85%", "85%以下"],
        ],
    )
    (section,) = find_sections(table)
    assert section.kind == "indicator"
    assert section.header_rows == (0, 1) and section.start == 2
    assert section.roles[3] == "tier:优" and section.roles[6] == "tier:差"
    assert section.roles[2] == "target"


def test_columns_named_in_a_second_header_row_refine_the_first() -> None:
    """Yunnan: 年度指标值 spans 指标性质 | 指标值 | 度量单位 named in the row below."""
    table = grid_table(
        1,
        [
            ["绩效指标", "<", "<", "年度指标值", "<", "<", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "^", "^", "^", "^"],
            ["产出指标", "质量指标", "验收合格率", "=", "100", "%", "100", "20", "19", ""],
        ],
    )
    (section,) = find_sections(table)
    assert section.kind == "indicator"
    roles = section.roles
    assert [roles[c] for c in range(10)] == [
        "level1", "level2", "level3", "comparator", "target", "unit", "actual", "weight", "score", "reason"
    ]  # fmt: skip


def test_a_table_without_score_vocabulary_has_no_section() -> None:
    table = grid_table(1, [["项目名称", "综合事务"], ["联系电话", "65203253"]])
    assert find_sections(table) == []


def test_a_header_repeated_mid_table_continues_the_section() -> None:
    """A table continued on the next page prints its header again; a data row whose level-2 name is also a
    header word (绩效目标) stays data, and a 合计 under the repeat adds up the rows of both parts."""
    header = ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    table = grid_table(
        1,
        [
            header,
            ["决策", "项目立项", "立项依据充分性", "3", "1"],
            ["决策", "绩效目标", "绩效指标明确性", "2", "2"],
            header,
            ["管理", "资金管理", "资金到位率", "5", "5"],
            ["合计", "<", "<", "10", "8"],
        ],
    )
    (section,) = find_sections(table)
    assert (section.header_rows, section.start, section.end, section.repeated_headers) == ((0,), 1, 6, (3,))
    rows, (total,) = extract_scores(section, 0)
    assert [r.level3 for r in rows] == ["立项依据充分性", "绩效指标明确性", "资金到位率"]
    assert total.rows == [0, 1, 2] and total.score == 8


def test_a_header_after_a_total_starts_a_table_of_its_own() -> None:
    header = ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    table = grid_table(
        1,
        [header, ["决策", "项目立项", "立项依据充分性", "3", "1"], ["合计", "<", "<", "3", "1"], header,
         ["管理", "资金管理", "资金到位率", "5", "5"]],
    )  # fmt: skip
    first, second = find_sections(table)
    assert (first.end, second.start, second.repeated_headers) == (3, 4, ())
