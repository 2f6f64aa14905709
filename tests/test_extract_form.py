"""Self-evaluation forms of every provincial layout, read by their labels into the contract record."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from models.document import Document
from models.facts import Extraction
from models.report import Evidence
from pipeline.extract import extract
from tests import form_grids
from tests.extract_documents import document

LAYOUTS = ["CENTRAL", "SICHUAN", "YUNNAN", "BEIJING_2016", "CHONGQING", "LOCAL_20"]


def _extract(grid: list[list[str]], *before: str) -> Extraction:
    return extract(document(*before, grid))


def _yuan(text: str) -> Decimal:
    return Decimal(text)


def _printed(doc: Document, evidence: Evidence) -> str:
    if evidence.table is not None:
        cell = doc.table(evidence.table).cell_at(evidence.row or 0, evidence.col or 0)
        assert cell is not None and (cell.row, cell.col) == (evidence.row, evidence.col), "not a cell's top-left"
        return cell.text
    return next(p.text for p in doc.paragraphs if p.index == evidence.paragraph)


def _filled(holder: Any) -> list[str]:
    data = holder.model_dump()
    return [k for k, v in data.items() if k not in ("evidence", "sources", "tiers") and v is not None]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_filled_field_has_evidence_printed_where_it_points(layout: str) -> None:
    doc = document(getattr(form_grids, layout))
    extraction = extract(doc)
    report = extraction.report
    assert report.kind == "self_evaluation_form" and report.scores == []
    holders = [report.project, report.budget, *report.budget.sources, *report.indicators]
    for holder in holders:
        for field in _filled(holder):
            evidence = holder.evidence.get(field)
            assert evidence is not None, f"{layout}: {type(holder).__name__}.{field} has no evidence"
            assert evidence.text.strip() and evidence.text.strip() in _printed(doc, evidence), (layout, field)
    for field in ("planned", "spent", "execution_rate", "execution_weight", "execution_score"):
        assert report.budget.evidence[field].resolution is not None, (layout, field)
    for indicator in report.indicators:
        for field in ("weight", "score"):
            if getattr(indicator, field) is not None:
                assert indicator.evidence[field].resolution is not None
    assert report.evidence["total_score"].text in _printed(doc, report.evidence["total_score"])
    assert {m.quantity for m in extraction.facts.mentions} >= {"planned", "spent", "execution_rate"}


def test_central_form() -> None:
    extraction = _extract(form_grids.CENTRAL)
    report, facts = extraction.report, extraction.facts
    project = report.project
    assert (project.name, project.year, project.competent_department, project.implementing_unit) == (
        "农村公路养护补助", 2021, "某县交通运输局", "某县公路管理段"
    )  # fmt: skip
    assert (project.leader, project.phone) == ("王立新", "13800001111")
    assert (project.goal_expected, project.goal_actual) == ("养护农村公路300公里。", "完成养护280公里。")
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (_yuan("1200000"), _yuan("1100000"), _yuan("990000"))
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == ("90.00", 10, 9)
    assert budget.evidence["planned"].resolution == Decimal(100)
    assert (budget.evidence["execution_score"].row, budget.evidence["execution_score"].col) == (6, 7)
    assert [(s.name, s.planned, s.adjusted, s.spent) for s in budget.sources] == [
        ("当年财政拨款", _yuan("1000000"), _yuan("900000"), _yuan("850000")),
        ("上年结转资金", _yuan("200000"), _yuan("200000"), _yuan("140000")),
        ("其他资金", None, None, None),
    ]
    assert [(i.level1, i.level1_weight, i.level2, i.name, i.target, i.actual, i.weight, i.score)
            for i in report.indicators] == [
        ("产出指标", 50, "数量指标", "养护里程", "≥300公里", "280公里", 30, 28),
        ("产出指标", 50, "质量指标", "优良路率", "≥80%", "82%", 20, 20),
        ("效益指标", 30, "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30),
        ("满意度指标", 10, "服务对象满意度指标", "沿线群众满意度", "≥90%", None, 10, None),
    ]  # fmt: skip
    assert report.indicators[0].deviation_reason == "雨季停工"
    assert report.indicators[1].deviation_reason is None
    assert (report.total_score, report.grade) == (87, "良")
    assert (report.evidence["grade"].row, report.evidence["grade"].col) == (17, 8)
    (total,) = facts.subtotals
    assert (total.label, total.target, total.rows, total.weight, total.score) == ("总分", "indicators", [0, 1, 2, 3],
                                                                                   100, 87)  # fmt: skip
    assert [(s.level1, s.weight, s.evidence.text) for s in facts.section_weights] == [
        ("产出指标", 50, "产出指标(50分)"), ("效益指标", 30, "效益指标(30分)"), ("满意度指标", 10, "满意度指标(10分)")
    ]  # fmt: skip
    assert facts.indicator_columns == ["target", "actual", "weight", "score", "reason"]
    assert {(m.quantity, m.label, m.unit) for m in facts.mentions} >= {("spent", "全年执行数", "万元")}
    assert not any(i.name in ("年度资金总额", "当年财政拨款") for i in report.indicators)


def test_sichuan_form() -> None:
    report = _extract(form_grids.SICHUAN).report
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (_yuan("2000000"), _yuan("1800000"), _yuan("1620000"))
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == ("90", 10, 9)
    assert budget.reason == "年中收回20万元"
    assert [s.name for s in budget.sources] == ["财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    assert budget.sources[3].planned is None  # "/" is not given, never 0
    assert (report.project.goal_expected, report.project.goal_actual) == (
        "保障5000人饮水安全。",
        "保障4800人饮水安全。",
    )
    assert report.project.conclusion == "项目年度目标基本完成。"
    assert [(i.name, i.target, i.actual, i.weight, i.score, i.deviation_reason) for i in report.indicators] == [
        ("受益人口", "≥5000人", "4800", 40, 38, "部分农户外出"),
        ("完工时间", "≤12月", "11", 20, 20, None),
        ("水质达标率", "≥95%", "96", 20, 20, None),
        ("群众满意度", "≥90%", "92", 10, 10, None),
    ]
    assert report.total_score == 97 and report.grade is None
    assert report.indicators[0].evidence["target"].text == "5000"


def test_yunnan_form_in_yuan_with_split_targets_and_grade() -> None:
    report = _extract(form_grids.YUNNAN).report
    assert (report.budget.planned, report.budget.spent) == (_yuan("72890"), _yuan("72890"))
    assert report.budget.evidence["planned"].resolution == Decimal("0.01")
    assert str(report.budget.execution_rate) == "100"
    assert [i.target for i in report.indicators] == ["﹦72890元", "≥100%", "﹦100%", "≥95%", "好"]
    assert [i.level1 for i in report.indicators] == ["产出指标"] * 3 + ["效益指标", "满意度指标"]
    assert (report.total_score, report.grade) == (94, "优")
    assert report.project.year == 2020


def test_beijing_2016_form_has_no_adjusted_budget() -> None:
    report = _extract(form_grids.BEIJING_2016).report
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (_yuan("500000"), None, _yuan("450000"))
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == ("90.00", 10, 9)
    assert budget.evidence["execution_weight"].text == "10"
    assert [(s.name, s.planned, s.spent) for s in budget.sources] == [
        ("财政拨款", _yuan("500000"), _yuan("450000")), ("其他资金", None, None)
    ]  # fmt: skip
    assert [i.deviation_reason for i in report.indicators] == ["场地维修", None, None]
    assert report.total_score == 94


def test_chongqing_form_adjusted_targets_and_stated_total() -> None:
    report = _extract(form_grids.CHONGQING).report
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (_yuan("3000000"), _yuan("3200000"), _yuan("3040000"))
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == (
        "95.00",
        10,
        Decimal("9.5"),
    )
    assert budget.evidence["planned"].resolution == Decimal(1)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in report.indicators] == [
        ("建档率", "≥85%", "88", 40, 40),
        ("随访人次", "≥4500人次", "4600", 30, 30),  # the adjusted target, not the initial 5000
        ("群众满意度", "≥90%", "85", 20, 13),
    ]
    assert report.indicators[1].evidence["target"].col == 4
    assert report.total_score == Decimal("92.5")
    assert (report.evidence["total_score"].row, report.evidence["total_score"].col) == (1, 7)


def test_local_20_point_form() -> None:
    extraction = _extract(form_grids.LOCAL_20)
    budget = extraction.report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (_yuan("7123500"), None, _yuan("6837900"))
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == (
        "95.99", 20, Decimal("19.2")
    )  # fmt: skip
    assert budget.evidence["execution_weight"].text == "预算执行情况（万元）（20分）"
    assert [s.name for s in budget.sources] == ["财政拨款", "其他资金"]
    assert extraction.report.total_score == Decimal("97.2")
    assert [w.weight for w in extraction.facts.section_weights] == [40, 30, 10]


def test_a_department_self_evaluation_form_is_read_as_a_form_and_keeps_its_kind() -> None:
    """部门整体绩效自评表 (Chongqing's layout) is a department-level document printed as a form."""
    grid = [["2023年度部门整体绩效自评表", *form_grids.CHONGQING[0][1:]], *form_grids.CHONGQING[1:]]
    report = _extract(grid).report
    assert report.kind == "department_report"
    assert report.scores == []
    assert report.total_score == Decimal("92.5")  # the 自评总分 printed beside the table: form-only reading
    assert [i.name for i in report.indicators] == ["建档率", "随访人次", "群众满意度"]
