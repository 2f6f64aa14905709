"""Published forms (reference examples) rebuilt as extractions: their real inconsistencies are found.

Each test carries the figures as the form prints them; the records are what extraction yields for
those cells. A fixture per story, named after the form it comes from.
"""

from __future__ import annotations

from decimal import Decimal

from models.facts import Facts, SectionWeight
from models.report import Indicator
from tests.rules_builders import cell, extraction, findings, funds

Row = tuple[str, str, str, str, str, str]


def form_rows(rows: list[Row], table: int = 1, first: int = 8) -> list[Indicator]:
    """(level1, name, target, actual, weight, score) per printed row."""
    built = []
    for i, (level1, name, target, actual, weight, score) in enumerate(rows):
        r = first + i
        evidence = {
            "level1": cell(table, r, 0, level1),
            "name": cell(table, r, 2, name),
            "target": cell(table, r, 3, target),
            "actual": cell(table, r, 4, actual),
            "weight": cell(table, r, 5, weight),
            "score": cell(table, r, 6, score),
        }
        built.append(
            Indicator(
                level1=level1,
                name=name,
                target=target,
                actual=actual,
                weight=Decimal(weight),
                score=Decimal(score),
                evidence=evidence,
            )
        )
    return built


def total(value: str, row: int) -> dict:
    return {"total_score": Decimal(value), "evidence": {"total_score": cell(1, row, 6, value)}}


def rules_of(data) -> dict[str, list[str | None]]:
    found: dict[str, list[str | None]] = {}
    for rule_id in (
        "budget.execution_rate",
        "budget.execution_score",
        "budget.low_execution_unexplained",
        "score.total",
        "score.weights_sum",
        "score.table_incomplete",
        "form.standard_weights",
        "indicator.score_understated",
        "indicator.missing_deviation_reason",
        "indicator.score_inflated",
    ):
        codes = [f.code for f in findings(data, rule_id)]
        if codes:
            found[rule_id] = codes
    return found


SHANGHAI_ROWS: list[Row] = [
    ("产出指标", "与委托运营方结算完成率", "=100%", "100%", "10", "10"),
    ("产出指标", "合同结算条款完成率", "=100%", "100%", "20", "20"),
    ("产出指标", "费用结算及时性", "及时", "及时", "20", "20"),
    ("效益指标", "与委托运营方合同完成率", "=100%", "100%", "30", "30"),
    ("满意度指标", "场馆开放满意度", ">=90%", "100%", "10", "10"),
]


def test_shanghai_putuo_rate_86_19_is_not_215457_6_over_250000() -> None:
    # 215,457.6 ÷ 250,000.00 = 86.18%; the form prints 86.19% (and scores 8.62 from it, consistently).
    data = extraction(
        kind="self_evaluation_form",
        indicators=form_rows(SHANGHAI_ROWS),
        **total("98.62", 13),
        **funds(
            planned="250000.00",
            adjusted="250000.00",
            spent="215,457.6",
            execution_weight="10",
            execution_rate="86.19%",
            execution_score="8.62",
            unit="元",
        ),
    )
    assert rules_of(data) == {"budget.execution_rate": [None], "budget.low_execution_unexplained": ["NO_REASON"]}
    [finding] = findings(data, "budget.execution_rate")
    assert "86.18%" in finding.message and "215457.6元" in finding.message


def test_shanghai_putuo_second_form_low_execution_without_reason() -> None:
    data = extraction(
        kind="self_evaluation_form",
        **funds(
            planned="20000.00",
            adjusted="20000.00",
            spent="9,034",
            execution_weight="10",
            execution_rate="45.17%",
            execution_score="4.52",
            unit="元",
        ),
    )
    assert rules_of(data) == {"budget.low_execution_unexplained": ["NO_REASON"]}


SICHUAN_ROWS: list[Row] = [
    ("产出指标", "安装坡面水标尺", "≥266米", "≥266米", "10", "10"),
    ("产出指标", "水标尺宽度", "≥50厘米", "≥50厘米", "10", "10"),
    ("产出指标", "项目（工程）验收合格率", "100%", "100%", "20", "20"),
    ("产出指标", "及时（按期）开工率", "≥90%", "≥90%", "10", "10"),
    ("产出指标", "及时（按期）完工率", "≥90%", "≥90%", "10", "10"),
    ("产出指标", "项目计划总投资", "20万元", "20万元", "10", "10"),
    ("效益指标", "受益脱贫（含监测对象）户人口数", "≥1000人", "≥1000人", "10", "10"),
    ("效益指标", "群众生产生活条件改善状况", "显著提升", "显著提升", "10", "10"),
    ("满意度指标", "受益脱贫（含监测对象）户满意度", "≥95%", "≥95%", "10", "10"),
]


def test_sichuan_zhongjiang_sections_of_70_20_10_plus_funds_10_exceed_100() -> None:
    headers = [
        SectionWeight(level1=name, weight=Decimal(w), evidence=cell(1, r, 0, f"{name}({w}分)"))
        for name, w, r in (("产出指标", 70, 8), ("效益指标", 20, 14), ("满意度指标", 10, 16))
    ]
    data = extraction(
        facts=Facts(section_weights=headers),
        kind="self_evaluation_form",
        indicators=form_rows(SICHUAN_ROWS),
        **total("100", 17),
        **funds(adjusted="20", spent="20", execution_weight="10", execution_rate="100.00%", execution_score="10"),
    )
    found = rules_of(data)
    assert found["score.weights_sum"] == ["TOP_OVER_100"]
    assert "form.standard_weights" not in found  # a split over 100 is the weights' error, not a choice
    # the rows score 90 + 10 for funds = 110, yet the form prints 总分 100
    assert found["score.total"] == [None] and "score.table_incomplete" not in found
    [total_finding] = findings(data, "score.total")
    assert "110" in total_finding.message


YUNNAN_ROWS: list[Row] = [
    ("产出指标", "卫片执法补助经费", "﹦72890元", "72890", "10.00", "9.00"),
    ("产出指标", "项目验收合格率", "﹦100%", "100", "20", "19"),
    ("产出指标", "项目完成及时率", "﹦100%", "100", "20.00", "19.00"),
    ("效益指标", "违法行为责停率", "≥95%", "95", "30.00", "27.00"),
]


def test_yunnan_gucheng_targets_met_exactly_yet_marks_deducted_without_reason() -> None:
    data = extraction(
        facts=Facts(indicator_columns=["target", "actual", "weight", "score", "reason"]),
        kind="self_evaluation_form",
        indicators=form_rows(YUNNAN_ROWS),
        **funds(
            planned="7.29",
            adjusted="7.29",
            spent="7.29",
            execution_weight="10.00",
            execution_rate="100%",
            execution_score="10.00",
        ),
    )
    found = rules_of(data)
    assert found["indicator.score_understated"] == ["UNDER_SCORED_MET"] * 4
    assert len(found["indicator.missing_deviation_reason"]) == 4
    assert "indicator.score_inflated" not in found and "budget.execution_rate" not in found
