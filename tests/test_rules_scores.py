"""Score-table rules on the seed's Hainan table (项目决策 20 + 项目管理 25 of 100) and planted faults."""

from __future__ import annotations

from decimal import Decimal

from models.facts import Facts, ScoreSubtotal, SectionWeight
from models.report import Indicator, ScoreRow
from pipeline.validate.scores import expected_grade
from tests.rules_builders import cell, extraction, findings, funds

SEED_TABLE = [
    ("项目决策", "20", "项目目标", "4", "目标内容", "4", "4"),
    ("项目决策", "20", "决策过程", "8", "决策依据", "3", "3"),
    ("项目决策", "20", "决策过程", "8", "决策程序", "5", "5"),
    ("项目决策", "20", "资金分配", "8", "分配办法", "2", "1"),
    ("项目决策", "20", "资金分配", "8", "分配结果", "6", "4"),
    ("项目管理", "25", "资金到位", "5", "到位率", "3", "3"),
    ("项目管理", "25", "资金到位", "5", "到位时效", "2", "2"),
    ("项目管理", "25", "资金管理", "10", "资金使用", "7", "7"),
    ("项目管理", "25", "资金管理", "10", "财务管理", "3", "3"),
    ("项目管理", "25", "组织实施", "10", "组织机构", "1", "1"),
    ("项目管理", "25", "组织实施", "10", "管理制度", "9", "9"),
]


def score_rows(table: list[tuple[str, ...]] = SEED_TABLE, first_row: int = 9) -> list[ScoreRow]:
    rows = []
    for i, (l1, l1w, l2, l2w, l3, w, s) in enumerate(table):
        r = first_row + i
        evidence = {
            "level1": cell(2, r, 0, l1),
            "level1_weight": cell(2, r, 1, l1w),
            "level2": cell(2, r, 2, l2),
            "level2_weight": cell(2, r, 3, l2w),
            "level3": cell(2, r, 4, l3),
            "weight": cell(2, r, 5, w),
        }
        if s:
            evidence["score"] = cell(2, r, 6, s)
        rows.append(
            ScoreRow(
                level1=l1,
                level1_weight=Decimal(l1w),
                level2=l2,
                level2_weight=Decimal(l2w),
                level3=l3,
                weight=Decimal(w),
                score=Decimal(s) if s else None,
                evidence=evidence,
            )
        )
    return rows


def total(value: str, grade: str | None = None) -> dict:
    evidence = {"total_score": cell(0, 0, 0, value).model_copy(update={"table": None, "paragraph": 60})}
    if grade:
        evidence["grade"] = evidence["total_score"].model_copy(update={"text": grade})
    return {"total_score": Decimal(value), "grade": grade, "evidence": evidence}


def test_seed_table_is_incomplete_but_consistent() -> None:
    data = extraction(scores=score_rows(), **total("97", "优"))
    [incomplete] = findings(data, "score.table_incomplete")
    assert incomplete.severity == "warning" and "45" in incomplete.message and "55" in incomplete.message
    assert [(e.row, e.col) for e in incomplete.evidence] == [(9, 1), (14, 1)]
    for rule_id in ("score.weights_sum", "score.exceeds_weight", "score.total", "score.grade", "score.subtotal"):
        assert findings(data, rule_id) == [], rule_id


def test_total_above_visible_scores_plus_missing_weight_is_r27() -> None:
    [finding] = findings(extraction(scores=score_rows(), **total("98")), "score.total")
    assert finding.code == "TOTAL_EXCEEDS_MAX" and finding.severity == "error"
    assert "97" in finding.message and "42" in finding.message and "55" in finding.message


def test_total_below_visible_scores_is_wrong_even_when_the_table_is_incomplete() -> None:
    [finding] = findings(extraction(scores=score_rows(), **total("40")), "score.total")
    assert finding.code is None and "42" in finding.message


def test_complete_table_total_must_equal_the_sum() -> None:
    complete = [*SEED_TABLE, ("项目绩效", "55", "项目产出", "55", "产出数量", "55", "50")]
    assert findings(extraction(scores=score_rows(complete), **total("92")), "score.total") == []
    [finding] = findings(extraction(scores=score_rows(complete), **total("93")), "score.total")
    assert "92" in finding.message
    assert findings(extraction(scores=score_rows(complete)), "score.table_incomplete") == []
    assert findings(extraction(scores=score_rows(complete), **total("92.4")), "score.total")
    assert findings(extraction(scores=score_rows(complete)), "score.total") == []


def test_child_weights_that_do_not_add_up_are_an_error() -> None:
    table = list(SEED_TABLE)
    table[4] = ("项目决策", "20", "资金分配", "8", "分配结果", "5", "4")
    flags = findings(extraction(scores=score_rows(table)), "score.weights_sum")
    [level2] = [f for f in flags if "资金分配" in f.message]
    assert level2.code == "CHILDREN_DIFFER" and "7" in level2.message
    assert not any("项目决策" in f.message for f in flags)  # level-2 weights still add up to 20


def test_top_level_over_100_is_an_error() -> None:
    table = [*SEED_TABLE, ("项目绩效", "60", "项目产出", "60", "产出数量", "60", "50")]
    [finding] = findings(extraction(scores=score_rows(table)), "score.weights_sum")
    assert finding.code == "TOP_OVER_100" and "105" in finding.message


def test_scores_above_weight_or_negative() -> None:
    table = list(SEED_TABLE)
    table[3] = ("项目决策", "20", "资金分配", "8", "分配办法", "2", "2.5")
    table[4] = ("项目决策", "20", "资金分配", "8", "分配结果", "6", "-1")
    flags = findings(extraction(scores=score_rows(table)), "score.exceeds_weight")
    assert sorted(f.code or "" for f in flags) == ["ABOVE_WEIGHT", "NEGATIVE"]
    assert all(f.severity == "error" for f in flags)


def test_grade_bands_are_lower_inclusive() -> None:
    assert [expected_grade(Decimal(v)) for v in ("90", "89.99", "80", "79.99", "60", "59.99")] == [
        "优",
        "良",
        "良",
        "中",
        "中",
        "差",
    ]
    assert findings(extraction(**total("90", "优")), "score.grade") == []
    [finding] = findings(extraction(**total("89.99", "优")), "score.grade")
    assert "良" in finding.message and [e.text for e in finding.evidence] == ["89.99", "优"]
    assert findings(extraction(**total("89.99")), "score.grade") == []


def _form_indicators(weights: list[tuple[str, str, str]]) -> list[Indicator]:
    rows = []
    for i, (level1, weight, score) in enumerate(weights):
        r = 10 + i
        rows.append(
            Indicator(
                level1=level1,
                name=f"指标{i}",
                target="100%",
                actual="100%",
                weight=Decimal(weight),
                score=Decimal(score) if score else None,
                evidence={
                    "name": cell(1, r, 2, f"指标{i}"),
                    "weight": cell(1, r, 5, weight),
                    "score": cell(1, r, 6, score),
                },
            )
        )
    return rows


def test_form_total_includes_the_funds_row_and_section_headers_are_parents() -> None:
    indicators = _form_indicators(
        [("产出指标", "30", "30"), ("产出指标", "20", "20"), ("效益指标", "30", "30"), ("满意度指标", "10", "9")]
    )
    headers = [SectionWeight(level1="产出指标", weight=Decimal(50), evidence=cell(1, 9, 0, "产出指标(50分)"))]
    base = funds(execution_rate="86.19%", execution_weight="10", execution_score="8.62")
    data = extraction(
        facts=Facts(section_weights=headers),
        indicators=indicators,
        kind="self_evaluation_form",
        **base,
        **total("97.62"),
    )
    for rule_id in ("score.total", "score.weights_sum", "score.table_incomplete"):
        assert findings(data, rule_id) == [], rule_id
    wrong_header = [SectionWeight(level1="产出指标", weight=Decimal(60), evidence=cell(1, 9, 0, "产出指标(60分)"))]
    data = extraction(
        facts=Facts(section_weights=wrong_header),
        indicators=indicators,
        kind="self_evaluation_form",
        **base,
        **total("97.62"),
    )
    flags = {f.code: f for f in findings(data, "score.weights_sum")}
    assert set(flags) == {"CHILDREN_DIFFER", "TOP_OVER_100"}
    assert flags["CHILDREN_DIFFER"].evidence[0].text == "产出指标(60分)" and "110" in flags["TOP_OVER_100"].message


def test_subtotals_check_scores_and_weights_and_leave_the_total_row_to_score_total() -> None:
    indicators = _form_indicators([("产出指标", "30", "30"), ("产出指标", "20", "18"), ("效益指标", "40", "40")])
    base = funds(execution_rate="100%", execution_weight="10", execution_score="10")
    subtotal_ok = ScoreSubtotal(
        label="小计",
        target="indicators",
        rows=[0, 1],
        weight=Decimal(50),
        score=Decimal(48),
        evidence={"score": cell(1, 12, 6, "48"), "weight": cell(1, 12, 5, "50")},
    )
    subtotal_bad = subtotal_ok.model_copy(update={"score": Decimal(50), "evidence": {"score": cell(1, 12, 6, "50")}})
    grand = ScoreSubtotal(
        label="合计",
        target="indicators",
        rows=[0, 1, 2],
        weight=Decimal(100),
        score=Decimal(98),
        evidence={"score": cell(1, 14, 6, "98"), "weight": cell(1, 14, 5, "100")},
    )
    ok = extraction(facts=Facts(subtotals=[subtotal_ok, grand]), indicators=indicators, **base)
    assert findings(ok, "score.subtotal") == [] and findings(ok, "score.weights_sum") == []
    [bad] = findings(extraction(facts=Facts(subtotals=[subtotal_bad]), indicators=indicators, **base), "score.subtotal")
    assert "48" in bad.message and bad.severity == "error"
    heavy = grand.model_copy(update={"weight": Decimal(110)})
    [weight] = findings(extraction(facts=Facts(subtotals=[heavy]), indicators=indicators, **base), "score.weights_sum")
    assert weight.code == "SUBTOTAL_WEIGHT"
    as_total = grand.model_copy(update={"score": Decimal(99), "evidence": {"score": cell(1, 14, 6, "99")}})
    record_total = {"total_score": Decimal(99), "evidence": {"total_score": cell(1, 14, 6, "99")}}
    data = extraction(facts=Facts(subtotals=[as_total]), indicators=indicators, **base, **record_total)
    assert findings(data, "score.subtotal") == []
    assert findings(data, "score.total")


def test_form_whose_funds_weight_was_not_read_has_no_known_top_level() -> None:
    indicators = _form_indicators([("产出指标", "40", "40"), ("效益指标", "30", "30"), ("满意度指标", "10", "10")])
    grand = ScoreSubtotal(
        label="总分",
        target="indicators",
        rows=[0, 1, 2],
        weight=Decimal(100),
        score=Decimal("99.8"),
        evidence={"score": cell(1, 14, 6, "99.8"), "weight": cell(1, 14, 5, "100")},
    )
    base = funds(execution_rate="99%", execution_score="19.8")
    data = extraction(
        facts=Facts(subtotals=[grand]), indicators=indicators, kind="self_evaluation_form", **base, **total("99.8")
    )
    for rule_id in ("score.table_incomplete", "score.weights_sum", "score.total", "form.standard_weights"):
        assert findings(data, rule_id) == [], rule_id


def test_form_without_a_funds_row_is_judged_on_its_indicators() -> None:
    indicators = _form_indicators([("产出指标", "60", "60"), ("效益指标", "30", "30")])
    data = extraction(indicators=indicators, kind="self_evaluation_form", **total("90"))
    [finding] = findings(data, "score.table_incomplete")
    assert "90" in finding.message


def test_grand_total_of_100_over_an_incomplete_table_is_one_finding() -> None:
    indicators = _form_indicators([("产出指标", "50", "50"), ("效益指标", "30", "30")])
    grand = ScoreSubtotal(
        label="总分",
        target="indicators",
        rows=[0, 1],
        weight=Decimal(100),
        score=Decimal(90),
        evidence={"score": cell(1, 14, 6, "90"), "weight": cell(1, 14, 5, "100")},
    )
    base = funds(execution_rate="100%", execution_weight="10", execution_score="10")
    data = extraction(facts=Facts(subtotals=[grand]), indicators=indicators, kind="self_evaluation_form", **base)
    assert len(findings(data, "score.table_incomplete")) == 1
    assert findings(data, "score.weights_sum") == [] and findings(data, "form.standard_weights") == []


def test_grand_total_row_is_held_to_every_score_not_to_the_rows_grouped_under_it() -> None:
    complete = [*SEED_TABLE, ("项目绩效", "55", "项目产出", "55", "产出数量", "55", "50")]

    def grand(score: str) -> ScoreSubtotal:
        return ScoreSubtotal(
            label="合计",
            target="scores",
            rows=[11],
            weight=Decimal(100),
            score=Decimal(score),
            evidence={"score": cell(2, 21, 6, score), "weight": cell(2, 21, 5, "100")},
        )

    same_as_text = extraction(facts=Facts(subtotals=[grand("92")]), scores=score_rows(complete), **total("92"))
    assert findings(same_as_text, "score.subtotal") == [] and findings(same_as_text, "score.total") == []
    [finding] = findings(
        extraction(facts=Facts(subtotals=[grand("95")]), scores=score_rows(complete), **total("92")), "score.subtotal"
    )
    assert "95" in finding.message and "92" in finding.message and len(finding.evidence) == 13
    incomplete = extraction(facts=Facts(subtotals=[grand("95")]), scores=score_rows(), **total("92"))
    assert findings(incomplete, "score.subtotal") == []
