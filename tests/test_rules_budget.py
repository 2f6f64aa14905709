"""Budget rules: each fires on a planted inconsistency and stays silent on its near misses."""

from __future__ import annotations

from models.facts import Facts
from tests.rules_builders import extraction, findings, funds, para


def test_sources_not_adding_up_name_every_figure_in_the_printed_unit() -> None:
    data = extraction(
        **funds(planned="670.64", sources={"中央财政": {"planned": "100.00"}, "省财政": {"planned": "570.00"}})
    )
    [finding] = findings(data, "budget.sources_sum")
    assert finding.severity == "error" and finding.code is None
    assert "670.00万元" in finding.message and "670.64万元" in finding.message and "0.64万元" in finding.message
    assert [(e.row, e.col) for e in finding.evidence] == [(1, 1), (2, 1), (3, 1)]


def test_total_printed_zero_over_a_nonzero_source_is_caught_blank_sources_count_as_zero() -> None:
    data = extraction(**funds(spent="0", sources={"当年财政拨款": {"spent": "90"}, "其他资金": {}}))
    [finding] = findings(data, "budget.sources_sum")
    assert finding.code == "TOTAL_ZERO_PARTS_NONZERO"


def test_a_source_itemised_by_the_rows_after_it_is_counted_once() -> None:
    nested = funds(
        planned="150",
        sources={
            "财政拨款": {"planned": "100"},
            "中央": {"planned": "60"},
            "省级": {"planned": "40"},
            "其他资金": {"planned": "50"},
        },
    )
    assert findings(extraction(**nested), "budget.sources_sum") == []
    wrong = funds(
        planned="160",
        sources={
            "财政拨款": {"planned": "100"},
            "中央": {"planned": "60"},
            "省级": {"planned": "40"},
            "其他资金": {"planned": "50"},
        },
    )
    assert findings(extraction(**wrong), "budget.sources_sum")


def test_sources_within_rounding_or_all_blank_are_silent() -> None:
    rounding = funds(planned="100.01", sources={"a": {"planned": "50.00"}, "b": {"planned": "50.00"}})
    assert findings(extraction(**rounding), "budget.sources_sum") == []
    blank = funds(planned="670.64", spent="512.02", sources={"省财政": {"planned": "670.64"}, "其他": {}})
    assert findings(extraction(**blank), "budget.sources_sum") == []


def test_rate_matching_no_base_is_an_error_and_any_matching_base_passes() -> None:
    wrong = extraction(**funds(adjusted="558.01", planned="670.64", spent="512.02", execution_rate="93.76%"))
    [finding] = findings(wrong, "budget.execution_rate")
    assert finding.severity == "error"
    assert "93.76%" in finding.message and "91.76%" in finding.message and "76.35%" in finding.message
    right = extraction(**funds(adjusted="558.01", planned="670.64", spent="512.02", execution_rate="91.76%"))
    assert findings(right, "budget.execution_rate") == []
    by_planned = extraction(**funds(adjusted="558.01", planned="670.64", spent="512.02", execution_rate="76.35%"))
    assert findings(by_planned, "budget.execution_rate") == []


def test_rate_rounding_follows_its_printed_decimals() -> None:
    # 512.02 / 558.01 = 91.758…%: "91.8%" is right to one decimal, "91.7%" is not.
    assert (
        findings(
            extraction(**funds(adjusted="558.01", spent="512.02", execution_rate="91.8%")), "budget.execution_rate"
        )
        == []
    )
    assert findings(
        extraction(**funds(adjusted="558.01", spent="512.02", execution_rate="91.7%")), "budget.execution_rate"
    )


def test_rate_fraction_one_zero_over_zero_and_missing_inputs_are_silent() -> None:
    assert findings(extraction(**funds(adjusted="20", spent="20", execution_rate="1")), "budget.execution_rate") == []
    assert findings(extraction(**funds(adjusted="0", spent="0", execution_rate="0.00%")), "budget.execution_rate") == []
    assert findings(extraction(**funds(spent="20", execution_rate="50%")), "budget.execution_rate") == []


def test_execution_score_must_be_weight_times_capped_rate() -> None:
    wrong = extraction(
        **funds(
            adjusted="250000",
            spent="215457.6",
            execution_rate="86.19%",
            execution_weight="10",
            execution_score="9.62",
            unit="元",
        )
    )
    [finding] = findings(wrong, "budget.execution_score")
    assert finding.severity == "error" and "8.62" in finding.message and "9.62" in finding.message
    right = extraction(**funds(execution_rate="86.19%", execution_weight="10", execution_score="8.62"))
    assert findings(right, "budget.execution_score") == []
    capped = extraction(**funds(execution_rate="105.00%", execution_weight="10", execution_score="10"))
    assert findings(capped, "budget.execution_score") == []
    over_cap = extraction(**funds(execution_rate="105.00%", execution_weight="10", execution_score="10.5"))
    assert findings(over_cap, "budget.execution_score")


def test_execution_score_of_an_all_integer_form_within_half_a_point_is_integer_rounding_info() -> None:
    data = extraction(**funds(execution_rate="91.76%", execution_weight="10", execution_score="9"))
    [finding] = findings(data, "budget.execution_score")
    assert finding.code == "INTEGER_ROUNDING" and finding.severity == "info"


def test_execution_score_without_rate_uses_spent_over_each_base() -> None:
    data = extraction(**funds(adjusted="200", spent="100", execution_weight="20", execution_score="10"))
    assert findings(data, "budget.execution_score") == []
    data = extraction(**funds(adjusted="200", spent="100", execution_weight="20", execution_score="15"))
    assert findings(data, "budget.execution_score")


def test_balance_must_be_a_base_minus_spent() -> None:
    right = extraction(**funds(adjusted="558.01", planned="670.64", spent="512.02", balance="45.99"))
    assert findings(right, "budget.balance") == []
    wrong = extraction(**funds(adjusted="558.01", planned="670.64", spent="512.02", balance="54.99"))
    [finding] = findings(wrong, "budget.balance")
    assert "54.99万元" in finding.message and "45.99万元" in finding.message and finding.severity == "error"
    assert findings(extraction(**funds(spent="512.02", balance="54.99")), "budget.balance") == []


def test_over_execution_needs_spending_above_every_base() -> None:
    over = extraction(**funds(adjusted="100", planned="90", spent="120"))
    [finding] = findings(over, "budget.over_execution")
    assert finding.severity == "warning" and "120万元" in finding.message and "100万元" in finding.message
    within_adjusted = extraction(**funds(adjusted="130", planned="90", spent="120"))
    assert findings(within_adjusted, "budget.over_execution") == []
    assert findings(extraction(**funds(adjusted="100.00", spent="100.004")), "budget.over_execution") == []


def test_low_execution_needs_a_reason_and_no_claim_of_no_problem() -> None:
    silent = extraction(
        **funds(adjusted="100", spent="80", execution_rate="80%", reason="项目延期，合同款未到支付节点")
    )
    assert findings(silent, "budget.low_execution_unexplained") == []
    [no_reason] = findings(
        extraction(**funds(adjusted="100", spent="80", execution_rate="80%", reason="无")),
        "budget.low_execution_unexplained",
    )
    assert no_reason.code == "NO_REASON" and "80%" in no_reason.message
    claim = para(30, "存在的问题：暂无问题。")
    data = extraction(
        facts=Facts(no_problem_claims=[claim]),
        **funds(adjusted="100", spent="80", execution_rate="80%", reason="进度滞后"),
    )
    [denied] = findings(data, "budget.low_execution_unexplained")
    assert denied.code == "NO_PROBLEM_CLAIMED" and denied.evidence[-1].paragraph == 30


def test_low_execution_is_judged_on_every_base_when_no_rate_is_printed() -> None:
    # 80 / 100 is low against the adjusted budget but 80 / 85 received is 94%: no finding.
    assert (
        findings(extraction(**funds(adjusted="100", received="85", spent="80")), "budget.low_execution_unexplained")
        == []
    )
    assert findings(extraction(**funds(adjusted="100", spent="80")), "budget.low_execution_unexplained")
    assert findings(extraction(**funds(execution_rate="90.00%")), "budget.low_execution_unexplained") == []


def test_adjustment_over_ten_percent_needs_a_reason() -> None:
    [finding] = findings(extraction(**funds(planned="670.64", adjusted="558.01")), "budget.adjustment_unexplained")
    assert finding.severity == "info" and "-16.79%" in finding.message
    explained = Facts(adjustment_reasons=[para(12, "年中财政收回57.63万元，调剂55万元给下属单位")])
    assert (
        findings(
            extraction(facts=explained, **funds(planned="670.64", adjusted="558.01")), "budget.adjustment_unexplained"
        )
        == []
    )
    assert findings(extraction(**funds(planned="100", adjusted="110")), "budget.adjustment_unexplained") == []
    assert findings(extraction(**funds(planned="0", adjusted="10")), "budget.adjustment_unexplained")
    assert (
        findings(
            extraction(**funds(planned="100", adjusted="80", reason="年中追加调减")), "budget.adjustment_unexplained"
        )
        == []
    )
