"""Project information: label → value beside it, below it, or after a colon; ticked project types."""

from __future__ import annotations

import pytest

from pipeline.extract.info_table import extract_project, ticked_project_type
from tests.extract_documents import document


def test_values_beside_their_labels_with_locations() -> None:
    doc = document(
        "项目名称：综合事务",
        [
            ["项目实施单位", "省政务中心", "主管部门", "省政务中心"],
            ["项目负责人", "郑锋", "联系电话", "65203253"],
            ["地址", "海南省海口市五指山南路3号", "邮编", "570203"],
            ["项目类型", "经常性项目（  √ ）       一次性项目（  ）", "<", "<"],
        ],
    )
    project = extract_project(doc)
    assert (project.name, project.implementing_unit, project.competent_department) == (
        "综合事务",
        "省政务中心",
        "省政务中心",
    )
    assert (project.leader, project.phone, project.postcode) == ("郑锋", "65203253", "570203")
    assert project.address == "海南省海口市五指山南路3号"
    assert project.project_type == "recurring"
    assert project.evidence["name"].paragraph == 1 and project.evidence["name"].text == "项目名称：综合事务"
    phone = project.evidence["phone"]
    assert (phone.table, phone.row, phone.col, phone.text) == (1, 1, 3, "65203253")
    assert project.evidence["project_type"].col == 1


def test_values_below_labels_in_a_header_row_layout() -> None:
    doc = document([["项目名称", "主管部门", "实施单位"], ["水标尺制作安装", "中江县水利局", "中江县水利局"]])
    project = extract_project(doc)
    assert (project.name, project.competent_department, project.implementing_unit) == (
        "水标尺制作安装", "中江县水利局", "中江县水利局"
    )  # fmt: skip
    assert project.evidence["name"].row == 1


def test_leader_and_phone_in_one_cell_are_split() -> None:
    doc = document([["项目负责人及电话", "谢凯139****0322(办公)", "主管部门", "中江县水利局"]])
    project = extract_project(doc)
    assert project.leader == "谢凯"
    assert project.phone is not None and project.phone.startswith("139****0322")


def test_nothing_printed_means_null_and_no_evidence() -> None:
    project = extract_project(document("一、项目概况", [["项目实施单位", ""], ["主管部门", "省财政厅"]]))
    assert project.implementing_unit is None and "implementing_unit" not in project.evidence
    assert project.competent_department == "省财政厅"
    assert project.year is None and project.project_type is None


def test_first_printing_wins_and_year_comes_from_the_title() -> None:
    doc = document("2021年度项目支出绩效自评报告", "项目名称：甲项目", "项目名称：乙项目", "2020年度预算已下达。")
    project = extract_project(doc)
    assert project.name == "甲项目" and project.year == 2021
    assert project.evidence["year"].paragraph == 1


def test_inline_project_type_reads_every_option_and_unit_name_of_a_department() -> None:
    doc = document(
        "项目类型：经常性项目（  ）       一次性项目（ √ ）", "部门（单位）名称：岳阳县荣湾湖建设开发服务中心"
    )
    project = extract_project(doc)
    assert project.project_type == "one_off" and project.evidence["project_type"].paragraph == 1
    assert project.implementing_unit == "岳阳县荣湾湖建设开发服务中心"


def test_a_title_alone_does_not_name_the_project() -> None:
    """Where a name would end inside a title (建设项目…报告: 建设? 建设项目?) is a guess; only labels name it."""
    project = extract_project(document("综合事务项目绩效评价报告", "2020年度该项目实际投资为558.01万元。"))
    assert project.name is None and project.year == 2020


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经常性项目（  √ ）       一次性项目（  ）", "recurring"),
        ("经常性项目（ ）一次性项目（√）", "one_off"),
        ("1、常年性 √ 2、延续性□ 4、新增性□ 3、一次性□", "recurring"),
        ("□常年性 □延续性 ☑一次性", "one_off"),
        ("□常年性 □延续性 □一次性", None),
        ("新增性 √", None),
        ("经常性项目（√） 一次性项目（√）", None),
    ],
)
def test_ticked_project_type(text: str, expected: str | None) -> None:
    assert ticked_project_type(text) == expected
