"""One registry of consistency rules: a rule id, its contract severity, and the function that checks it.

A rule function reads an `Extraction` and yields `Flag`s; the registry turns them into
contract `Finding`s carrying the rule id and (unless the flag overrides it) the contract severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from models.facts import Extraction
from models.report import Evidence, Finding, Severity

CONTRACT_RULE_IDS: tuple[str, ...] = (
    "budget.sources_sum",
    "budget.execution_rate",
    "budget.execution_score",
    "budget.balance",
    "budget.over_execution",
    "budget.low_execution_unexplained",
    "budget.adjustment_unexplained",
    "budget.amount_mismatch",
    "spending.items_sum",
    "score.exceeds_weight",
    "score.weights_sum",
    "score.table_incomplete",
    "score.subtotal",
    "score.total",
    "score.grade",
    "indicator.score_inflated",
    "indicator.score_understated",
    "indicator.target_too_low",
    "indicator.missing_actual",
    "indicator.missing_deviation_reason",
    "indicator.unmeasurable",
    "indicator.misplaced",
    "target.tier_order",
    "form.standard_weights",
    "form.unfilled",
    "narrative.percent_claim",
    "narrative.count_mismatch",
    "document.unreadable",
)
"""Every rule id of the contract's findings table, in its order."""

PRODUCED_ELSEWHERE = frozenset({"document.unreadable"})
"""Rule ids whose findings come from the pipeline itself (a file that could not be read)."""


@dataclass(frozen=True)
class Flag:
    """One inconsistency a rule found: what to say and where every figure involved was printed."""

    message: str
    evidence: list[Evidence]
    code: str | None = None
    severity: Severity | None = None
    """Overrides the rule's severity (e.g. INTEGER_ROUNDING is reported at info level)."""


RuleCheck = Callable[[Extraction], Iterable[Flag]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    check: RuleCheck = field(compare=False)

    def run(self, extraction: Extraction) -> list[Finding]:
        return [
            Finding(
                rule=self.id,
                severity=flag.severity or self.severity,
                code=flag.code,
                message=flag.message,
                evidence=[e.model_copy() for e in flag.evidence],
            )
            for flag in self.check(extraction)
        ]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity) -> Callable[[RuleCheck], RuleCheck]:
    """Register `check` as the one function of `rule_id`."""
    if rule_id not in CONTRACT_RULE_IDS:
        raise ValueError(f"{rule_id} is not a rule id of the contract")

    def register(check: RuleCheck) -> RuleCheck:
        if rule_id in RULES:
            raise ValueError(f"{rule_id} is registered twice")
        RULES[rule_id] = Rule(rule_id, severity, check)
        return check

    return register
