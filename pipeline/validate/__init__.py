"""Consistency rules: one function per contract rule id, all in one registry (`registry.RULES`).

`validate(extraction)` runs every rule and returns the findings sorted by rule, then by their
first evidence, so a finding's key (rule + evidence locations) is stable across re-runs.

The rules are conservative: a rule whose inputs are missing is silent; a comparison allows the
rounding of every printed figure it uses (`tolerance`), counts being exact; when a quantity can be
computed in several ways the templates allow (a rate over the adjusted, received or initial
budget), one that fits is enough; and an inconsistency another rule owns is left to that rule.
Each rule's docstring lists what it deliberately does not flag.
"""

from __future__ import annotations

from typing import Any

from models.facts import Extraction
from models.report import Finding
from pipeline.validate import (  # noqa: F401  (importing a family registers its rules)
    amounts,
    budget,
    form,
    hierarchy,
    indicators,
    narrative,
    scores,
    spending,
    targets,
)
from pipeline.validate.registry import CONTRACT_RULE_IDS, RULES

__all__ = ["CONTRACT_RULE_IDS", "RULES", "validate"]


def _location_order(finding: Finding) -> tuple[Any, ...]:
    def key(value: Any) -> tuple[int, Any]:
        return (1, 0) if value is None else (0, value)

    first = finding.evidence[0] if finding.evidence else None
    location = first.key() if first is not None else ()
    return (finding.rule, tuple(key(v) for v in location), finding.message)


def validate(extraction: Extraction) -> list[Finding]:
    """Every finding of every rule, sorted by rule id, then by first evidence."""
    findings = [finding for rule in RULES.values() for finding in rule.run(extraction)]
    return sorted(findings, key=_location_order)
