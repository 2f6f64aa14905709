"""The registry covers every rule id of the contract, and validate() orders findings stably."""

from __future__ import annotations

import inspect

from models.facts import Facts, Mention
from pipeline.validate import RULES, validate
from pipeline.validate.registry import CONTRACT_RULE_IDS, PRODUCED_ELSEWHERE
from tests.rules_builders import cell, extraction, funds, money_at, para


def test_every_contract_rule_id_has_one_function() -> None:
    assert len(set(CONTRACT_RULE_IDS)) == len(CONTRACT_RULE_IDS) == 28
    assert set(RULES) == set(CONTRACT_RULE_IDS) - PRODUCED_ELSEWHERE
    for rule in RULES.values():
        assert inspect.isfunction(rule.check) and rule.check.__doc__, rule.id
        assert (
            "Not flagged" in rule.check.__doc__
            or "not flagged" in rule.check.__doc__.lower()
            or rule.id == "score.grade"
        )


def test_contract_severities_are_the_registered_ones() -> None:
    severities = {
        "budget.over_execution": "warning",
        "budget.low_execution_unexplained": "warning",
        "budget.adjustment_unexplained": "info",
        "budget.amount_mismatch": "warning",
        "score.table_incomplete": "warning",
        "indicator.score_inflated": "warning",
        "indicator.score_understated": "info",
        "indicator.target_too_low": "info",
        "indicator.missing_actual": "warning",
        "indicator.missing_deviation_reason": "warning",
        "indicator.unmeasurable": "warning",
        "indicator.misplaced": "warning",
        "target.tier_order": "warning",
        "form.standard_weights": "info",
        "form.unfilled": "warning",
        "narrative.percent_claim": "info",
        "narrative.count_mismatch": "info",
    }
    for rule_id, rule in RULES.items():
        assert rule.severity == severities.get(rule_id, "error"), rule_id


def test_findings_are_sorted_by_rule_then_first_evidence_and_stable() -> None:
    mentions = []
    for evidence in (cell(2, 4, 5, "558.01"), para(14, "共支出512.02万元")):
        value, located = money_at(evidence)
        mentions.append(Mention(quantity="spent", value=value, evidence=located, label="x", origin="text", unit="万元"))
    data = extraction(
        facts=Facts(mentions=mentions),
        **funds(planned="670.64", adjusted="558.01", spent="512.02", balance="55.99", execution_rate="93%"),
    )
    first = validate(data)
    assert [f.rule for f in first] == sorted(f.rule for f in first)
    assert {"budget.amount_mismatch", "budget.balance", "budget.execution_rate"} <= {f.rule for f in first}
    again = validate(data.model_copy(deep=True))
    assert [f.key() for f in first] == [f.key() for f in again]
    assert all(f.evidence for f in first)
