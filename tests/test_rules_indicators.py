"""Indicator rules: marks against results, blank results and reasons, measurability, hierarchy."""

from __future__ import annotations

from decimal import Decimal

from models.facts import Facts
from models.report import Indicator, Project, ScoreRow
from tests.rules_builders import cell, extraction, findings, funds


def indicator(
    name: str,
    target: str | None,
    actual: str | None,
    weight: str | None = "10",
    score: str | None = "10",
    reason: str | None = None,
    row: int = 10,
    level1: str = "产出指标",
    level2: str = "数量指标",
    table: int = 1,
) -> Indicator:
    evidence = {
        "name": cell(table, row, 2, name),
        "level1": cell(table, row, 0, level1),
        "level2": cell(table, row, 1, level2),
    }
    for field, col, text in (
        ("target", 3, target),
        ("actual", 4, actual),
        ("weight", 5, weight),
        ("score", 6, score),
        ("deviation_reason", 7, reason),
    ):
        if text is not None:
            evidence[field] = cell(table, row, col, text)
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        target=target,
        actual=actual,
        weight=Decimal(weight) if weight else None,
        score=Decimal(score) if score else None,
        deviation_reason=reason,
        evidence=evidence,
    )


def codes(data, rule_id: str) -> list[str | None]:
    return [f.code for f in findings(data, rule_id)]


def test_full_marks_with_the_target_missed() -> None:
    data = extraction(indicators=[indicator("维修完成率", "≥95%", "90%", score="10", reason="资金收回")])
    [finding] = findings(data, "indicator.score_inflated")
    assert finding.code == "FULL_SCORE_TARGET_UNMET" and finding.severity == "warning"
    assert "≥95%" in finding.message and "90%" in finding.message


def test_a_score_above_its_weight_is_left_to_exceeds_weight() -> None:
    data = extraction(indicators=[indicator("维修设施设备数量", "≥300台", "218台", score="11")])
    assert findings(data, "indicator.score_inflated") == []
    assert [f.code for f in findings(data, "score.exceeds_weight")] == ["ABOVE_WEIGHT"]


def test_proportional_score_for_positive_reverse_and_equality_targets() -> None:
    # 90/95 × 10 = 9.47: 9.6 is within 0.15, 9.7 is not.
    assert (
        codes(extraction(indicators=[indicator("完成率", "≥95%", "90%", score="9.6")]), "indicator.score_inflated")
        == []
    )
    assert codes(
        extraction(indicators=[indicator("完成率", "≥95%", "90%", score="9.7")]), "indicator.score_inflated"
    ) == ["OVER_SCORED"]
    # less is better: ≤90万元 spent 100万元 → 10 × 90/100 = 9.
    assert codes(
        extraction(indicators=[indicator("成本控制", "≤90万元", "100万元", score="9.5")]), "indicator.score_inflated"
    ) == ["OVER_SCORED"]
    assert (
        codes(
            extraction(indicators=[indicator("成本控制", "≤90万元", "100万元", score="9")]), "indicator.score_inflated"
        )
        == []
    )
    assert codes(
        extraction(indicators=[indicator("培训次数", "=4次", "3次", score="10")]), "indicator.score_inflated"
    ) == ["FULL_SCORE_TARGET_UNMET"]
    assert (
        codes(extraction(indicators=[indicator("培训次数", "=4次", "5次", score="10")]), "indicator.score_inflated")
        == []
    )


def test_reverse_indicator_by_name_and_units_of_money() -> None:
    # 项目成本 with no comparator: less is better; 85万元 against 90万元 is met.
    assert (
        codes(
            extraction(indicators=[indicator("项目成本", "90万元", "850000元", score="10")]), "indicator.score_inflated"
        )
        == []
    )


def test_fractions_beside_percentages_are_read_as_percentages() -> None:
    assert findings(extraction(indicators=[indicator("完成率", "≥95%", "0.96")]), "indicator.score_inflated") == []
    assert findings(extraction(indicators=[indicator("完成率", "1", "100%")]), "indicator.target_too_low") == []
    assert codes(extraction(indicators=[indicator("完成率", "≥95%", "0.9")]), "indicator.score_inflated") == [
        "FULL_SCORE_TARGET_UNMET"
    ]


def test_integer_tables_report_small_excess_as_integer_rounding() -> None:
    # 92/100 × 10 = 9.2; printed 9.5 would be over; in an all-integer table the nearest is 9 or 10.
    rows = [
        indicator("完成率", "100%", "96%", score="10", weight="10"),
        indicator("覆盖率", "100%", "93%", weight="5", score="5", row=11),
    ]
    assert codes(extraction(indicators=rows), "indicator.score_inflated") == ["FULL_SCORE_TARGET_UNMET"] * 2
    [rounding] = findings(
        extraction(
            indicators=[
                indicator("完成率", "100%", "96.5%", weight="10", score="10").model_copy(update={"score": Decimal(9)}),
                indicator("a", "100%", "86.7%", weight="10", score="9", row=12),
            ]
        ),
        "indicator.score_inflated",
    )
    assert rounding.code == "INTEGER_ROUNDING" and rounding.severity == "info"


def test_qualitative_bands() -> None:
    assert codes(
        extraction(indicators=[indicator("社会效益", "有效提升", "部分达成", score="9")]), "indicator.score_inflated"
    ) == ["QUALITATIVE_OVER_BAND"]
    assert (
        codes(
            extraction(indicators=[indicator("社会效益", "有效提升", "部分达成", score="7")]),
            "indicator.score_inflated",
        )
        == []
    )
    assert codes(
        extraction(indicators=[indicator("社会效益", "有效提升", "未达成", score="7")]), "indicator.score_inflated"
    ) == ["QUALITATIVE_OVER_BAND"]
    assert (
        codes(extraction(indicators=[indicator("社会效益", "有效提升", "达成", score="8")]), "indicator.score_inflated")
        == []
    )


def test_full_marks_on_arrival_rate_row_below_100_percent() -> None:
    rows = [
        ScoreRow(
            level1="项目管理",
            level2="资金到位",
            level3="到位率",
            weight=Decimal(3),
            score=Decimal(3),
            evidence={"level3": cell(2, 14, 4, "到位率"), "score": cell(2, 14, 6, "3")},
        )
    ]
    short = extraction(scores=rows, **funds(planned="670.64", received="600.00"))
    [finding] = findings(short, "indicator.score_inflated")
    assert finding.code == "FULL_SCORE_RATE_BELOW_100" and "89.47%" in finding.message
    assert (
        findings(extraction(scores=rows, **funds(planned="670.64", received="670.64")), "indicator.score_inflated")
        == []
    )
    assert findings(extraction(scores=rows, **funds(planned="670.64")), "indicator.score_inflated") == []


def test_met_target_with_marks_deducted_is_understated_unless_far_above_target() -> None:
    [finding] = findings(
        extraction(indicators=[indicator("办件量", "≥80000项", "81000项", score="8")]), "indicator.score_understated"
    )
    assert finding.code == "UNDER_SCORED_MET" and finding.severity == "info"
    assert (
        findings(
            extraction(indicators=[indicator("办件量", "≥80000项", "130000项", score="8")]),
            "indicator.score_understated",
        )
        == []
    )
    assert (
        findings(extraction(indicators=[indicator("办件量", "≥80000项", "81000项")]), "indicator.score_understated")
        == []
    )


def test_target_too_low() -> None:
    [finding] = findings(
        extraction(indicators=[indicator("培训人次", "≥100人次", "150人次")]), "indicator.target_too_low"
    )
    assert finding.severity == "info" and "1.5" in finding.message
    assert (
        findings(extraction(indicators=[indicator("培训人次", "≥100人次", "149人次")]), "indicator.target_too_low")
        == []
    )
    assert findings(extraction(indicators=[indicator("成本", "≤100万元", "30万元")]), "indicator.target_too_low") == []
    assert (
        findings(
            extraction(indicators=[indicator("培训人次", "≥100人次", "150人次", score="9")]), "indicator.target_too_low"
        )
        == []
    )


def test_missing_actual_only_in_tables_with_an_actual_column() -> None:
    rows = [indicator("a", "100%", "100%"), indicator("b", "100%", None, row=11), indicator("c", "100%", "—", row=12)]
    flags = findings(extraction(indicators=rows), "indicator.missing_actual")
    assert [f.evidence[0].row for f in flags] == [11, 12] and flags[0].severity == "warning"
    target_table = [indicator("a", "100%", None, weight=None, score=None), indicator("b", "95%", None, row=11)]
    assert findings(extraction(indicators=target_table), "indicator.missing_actual") == []
    columns = Facts(indicator_columns=["target", "actual"])
    assert len(findings(extraction(facts=columns, indicators=target_table), "indicator.missing_actual")) == 2


def test_missing_deviation_reason_when_missed_or_deducted() -> None:
    rows = [
        indicator("a", "≥95%", "90%", score="9.47", reason="无"),
        indicator("b", "100%", "100%", score="8", row=11),
        indicator("c", "100%", "100%", row=12, reason="/"),
        indicator("d", "≥95%", "80%", score="8.4", row=13, reason="资金收回导致部分维修推迟"),
    ]
    flags = findings(extraction(indicators=rows), "indicator.missing_deviation_reason")
    assert [f.evidence[0].row for f in flags] == [10, 11]
    no_column = [indicator("a", "≥95%", "90%", score="9.47")]
    assert findings(extraction(indicators=no_column), "indicator.missing_deviation_reason") == []


def test_unmeasurable_codes() -> None:
    rows = [
        indicator("满意度", "≥90%", "达成预期指标"),
        indicator("社会效益", "效果明显", "效果明显", row=11),
        indicator("服务质量", "服务质量得到全面提升群众满意", "服务质量得到全面提升群众满意", row=12),
        indicator("群众满意度", "≥90%", "290%", row=13),
        indicator("完成时限", "≤12个月", "已完成100%", row=14),
    ]
    flags = findings(extraction(indicators=rows), "indicator.unmeasurable")
    assert [f.code for f in flags] == [
        "QUALITATIVE_ACTUAL",
        "VAGUE_TARGET",
        "ACTUAL_COPIES_TARGET",
        "OUT_OF_RANGE",
        "QUALITATIVE_ACTUAL",
    ]
    assert "≥" in flags[3].message
    goal = Project(goal_expected="95%", evidence={"goal_expected": cell(1, 5, 1, "95%")})
    [only_number] = findings(extraction(project=goal), "indicator.unmeasurable")
    assert only_number.code == "GOAL_ONLY_NUMBER"


def test_measurable_rows_are_not_unmeasurable() -> None:
    rows = [
        indicator("完成及时性", "及时", "及时"),
        indicator("完成率", "≥95%", "100%", row=11),
        indicator("任务完成率", "≥100%", "120%", row=12),
        indicator("完成时间", "2021年12月", "2021年12月完成", row=13),
    ]
    assert findings(extraction(indicators=rows), "indicator.unmeasurable") == []
    goal = Project(goal_expected="保障政务大厅全年正常运转365天", evidence={"goal_expected": cell(1, 5, 1, "x")})
    assert findings(extraction(project=goal), "indicator.unmeasurable") == []


def test_misplaced_level2_once_per_pair() -> None:
    rows = [
        indicator("a", "1", "1", level1="项目决策", level2="数量指标"),
        indicator("b", "1", "1", level1="项目决策", level2="数量指标", row=11),
        indicator("c", "1", "1", level1="效益指标", level2="服务对象满意度指标", row=12),
        indicator("d", "1", "1", level1="产出指标", level2="生态环境成本指标", row=13),
        indicator("e", "1", "1", level1="项目绩效", level2="数量指标", row=14),
        indicator("f", "1", "1", level1="产出指标", level2="本地自定二级", row=15),
    ]
    [finding] = findings(extraction(indicators=rows), "indicator.misplaced")
    assert "数量指标" in finding.message and "项目决策" in finding.message and finding.evidence[0].row == 10
