"""target.tier_order, form.standard_weights, form.unfilled."""

from __future__ import annotations

from decimal import Decimal

from models.facts import BlankCell, Facts
from models.report import Indicator, Project
from tests.rules_builders import cell, extraction, findings, funds


def tiered(name: str, tiers: dict[str, str], target: str | None = None, row: int = 7) -> Indicator:
    evidence = {"name": cell(1, row, 1, name)}
    for col, (tier, text) in enumerate(tiers.items(), start=3):
        evidence[f"tiers.{tier}"] = cell(1, row, col, text)
    return Indicator(level1="效益指标", name=name, target=target or tiers.get("优"), tiers=tiers, evidence=evidence)


SEED_DAYS = {"优": "365天", "良": "350天", "中": "330天", "差": "320天以下"}


def test_seed_365_day_row_leaves_320_to_330_ungraded() -> None:
    [finding] = findings(extraction(indicators=[tiered("政务大厅正常运转天数365天。", SEED_DAYS)]), "target.tier_order")
    assert finding.code == "GAP" and finding.severity == "warning"
    assert "320天至330天" in finding.message
    assert [(e.row, e.col) for e in finding.evidence] == [(7, 5), (7, 6)]


def test_well_formed_tiers_are_silent() -> None:
    rows = [
        tiered("工资发放及时率", {"优": "100%", "良": "95%", "中": "90%", "差": "90%以下"}),
        tiered("满意度", {"优": "98%", "良": "90%", "中": "85%", "差": "85%以下"}, target="达到98%", row=8),
        tiered("投诉率", {"优": "1%", "良": "3%", "中": "5%", "差": "5%以上"}, target="≤1%", row=9),
        tiered("定性", {"优": "好", "良": "较好", "中": "一般", "差": "差"}, row=10),
        tiered("差无边界", {"优": "100%", "良": "95%", "中": "90%", "差": "80%"}, row=11),
    ]
    assert findings(extraction(indicators=rows), "target.tier_order") == []


def test_non_monotonic_and_overlapping_tiers() -> None:
    rows = [
        tiered("a", {"优": "95%", "良": "97%", "中": "85%", "差": "85%以下"}),
        tiered("b", {"优": "100%", "良": "95%", "中": "85%", "差": "90%以下"}, row=8),
        tiered("c", {"优": "1%", "良": "3%", "中": "5%", "差": "8%以上"}, target="≤1%", row=9),
    ]
    assert [f.code for f in findings(extraction(indicators=rows), "target.tier_order")] == [
        "NOT_MONOTONIC",
        "OVERLAP",
        "GAP",
    ]


def form_indicators(split: dict[str, str]) -> list[Indicator]:
    return [
        Indicator(
            level1=level1,
            name=f"{level1}-1",
            target="100%",
            actual="100%",
            weight=Decimal(weight),
            score=Decimal(weight),
            evidence={"weight": cell(1, 10 + i, 5, weight), "score": cell(1, 10 + i, 6, weight)},
        )
        for i, (level1, weight) in enumerate(split.items())
    ]


def test_standard_split_is_silent_and_a_different_one_is_info() -> None:
    standard = form_indicators({"产出指标": "50", "效益指标": "30", "满意度指标": "10"})
    base = funds(execution_weight="10", execution_score="10", execution_rate="100%")
    assert findings(extraction(kind="self_evaluation_form", indicators=standard, **base), "form.standard_weights") == []
    other = form_indicators({"产出指标": "60", "效益指标": "30"})
    [finding] = findings(extraction(kind="self_evaluation_form", indicators=other, **base), "form.standard_weights")
    assert finding.severity == "info" and "产出 60" in finding.message and "满意度 0" in finding.message
    assert findings(extraction(kind="evaluation_report", indicators=other, **base), "form.standard_weights") == []
    local = form_indicators({"产出指标": "60", "地方特色指标": "30"})
    assert findings(extraction(kind="self_evaluation_form", indicators=local, **base), "form.standard_weights") == []


def test_unfilled_scores_goal_and_template_text() -> None:
    rows = form_indicators({"产出指标": "50", "效益指标": "30", "满意度指标": "10"})
    rows[1] = rows[1].model_copy(update={"score": None})
    rows[2] = rows[2].model_copy(update={"score": None})
    project = Project(
        goal_expected="保障大厅运转",
        goal_actual="（300字以内）",
        evidence={"goal_expected": cell(1, 5, 1, "保障大厅运转"), "goal_actual": cell(1, 5, 2, "（300字以内）")},
    )
    blank_total = BlankCell(field="total_score", evidence=cell(1, 20, 6, ""), label="总分")
    seen_by_extractor = cell(1, 5, 2, "（300字以内） ")
    data = extraction(
        facts=Facts(
            template_text=[seen_by_extractor],
            blank_cells=[blank_total, BlankCell(field="execution_score", evidence=cell(1, 3, 7, "—"))],
        ),
        kind="self_evaluation_form",
        indicators=rows,
        project=project,
        **funds(execution_weight="10", execution_rate="100%"),
    )
    flags = {f.code: f for f in findings(data, "form.unfilled")}
    assert set(flags) == {"SCORE_BLANK", "EXECUTION_SCORE_BLANK", "TOTAL_SCORE_BLANK", "TEMPLATE_TEXT"}
    assert len(flags["SCORE_BLANK"].evidence) == 2 and flags["SCORE_BLANK"].severity == "warning"
    templates = [f for f in findings(data, "form.unfilled") if f.code == "TEMPLATE_TEXT"]
    assert len(templates) == 1 and [(e.row, e.col) for e in templates[0].evidence] == [(5, 2)]


def test_filled_form_is_silent_and_blank_actuals_are_left_to_missing_actual() -> None:
    rows = form_indicators({"产出指标": "50", "效益指标": "30", "满意度指标": "10"})
    project = Project(
        goal_expected="保障大厅运转",
        goal_actual="已保障全年运转",
        evidence={"goal_expected": cell(1, 5, 1, "x"), "goal_actual": cell(1, 5, 2, "y")},
    )
    facts = Facts(blank_cells=[BlankCell(field="actual", evidence=cell(1, 10, 4, ""))])
    data = extraction(
        facts=facts,
        kind="self_evaluation_form",
        indicators=rows,
        project=project,
        **funds(execution_weight="10", execution_score="10", execution_rate="100%"),
    )
    assert findings(data, "form.unfilled") == []
