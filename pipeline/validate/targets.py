"""Grading tiers (优/良/中/差) of a target: ordered, and covering every result (target.tier_order)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from models.facts import Extraction
from models.numbers import Target, parse_target
from models.report import Evidence, Indicator
from pipeline.validate import messages as say
from pipeline.validate.common import evidence_list, evidence_of
from pipeline.validate.measures import REVERSE_WORDS
from pipeline.validate.registry import Flag, rule

PASSING = ("优", "良", "中")
FAILING = "差"


def _tier_evidence(indicator: Indicator, tier: str) -> Evidence | None:
    """The tier's own cell: the figures involved are the tiers, not the indicator's name."""
    return evidence_of(indicator, f"tiers.{tier}") or evidence_of(indicator, "tiers")


def _direction(indicator: Indicator, values: list[Decimal]) -> str | None:
    """up (more is better), down, or None when the passing tiers are not monotonic either way."""
    falling = all(a >= b for a, b in itertools.pairwise(values))
    rising = all(a <= b for a, b in itertools.pairwise(values))
    target = parse_target(indicator.target) if indicator.target else None
    stated = None
    if target is not None and target.comparator in ("≥", ">"):
        stated = "up"
    elif (target is not None and target.comparator in ("≤", "<")) or any(
        w in (indicator.name or "") for w in REVERSE_WORDS
    ):
        stated = "down"
    if falling and stated != "down":
        return "up"
    if rising and stated != "up":
        return "down"
    return None


def _gap_or_overlap(direction: str, last: Decimal, fail: Target) -> str | None:
    """Compare the lowest passing tier with the failing tier's bound ("X以下" is below X)."""
    assert fail.value is not None
    bound = fail.value
    if direction == "up" and fail.comparator in ("<", "≤"):
        if bound < last:
            return "GAP"
        if bound > last:
            return "OVERLAP"
    if direction == "down" and fail.comparator in (">", "≥"):
        if bound > last:
            return "GAP"
        if bound < last:
            return "OVERLAP"
    return None


@rule("target.tier_order", severity="warning")
def tier_order(extraction: Extraction) -> Iterator[Flag]:
    """优 ≥ 良 ≥ 中 (or ≤ for less-is-better targets), and 差 starts where the last passing tier ends.

    "X以下" means below X: 中 330天 with 差 320天以下 leaves 320–330天 ungraded (GAP); 差 90%以下
    with 中 85% grades 85–90% twice (OVERLAP). Not flagged: tiers in different units or without
    figures (定性); equal neighbouring tiers; a 差 tier without 以下/以上; 差 "X及以下" touching X.
    """
    for indicator in extraction.report.indicators:
        if not indicator.tiers:
            continue
        parsed = {tier: parse_target(text) for tier, text in indicator.tiers.items()}
        passing = [(tier, parsed.get(tier)) for tier in PASSING if parsed.get(tier) is not None]
        values = [(tier, target) for tier, target in passing if target is not None and target.value is not None]
        fail = parsed.get(FAILING)
        units = {target.unit for _, target in values} | (
            {fail.unit} if fail is not None and fail.value is not None else set()
        )
        if len(values) < 2 or len(units) > 1:
            continue
        numbers = [target.value for _, target in values if target.value is not None]
        direction = _direction(indicator, numbers)
        name = indicator.name or "指标"
        shown = "，".join(f"{tier} {indicator.tiers[tier]}" for tier in (*PASSING, FAILING) if tier in indicator.tiers)
        evidence = evidence_list(_tier_evidence(indicator, t) for t in (*PASSING, FAILING))
        if direction is None:
            yield Flag(message=f"“{name}”的评分等级不是单调排列：{shown}", evidence=evidence, code="NOT_MONOTONIC")
            continue
        if fail is None or fail.value is None:
            continue
        last_tier, last = values[-1][0], numbers[-1]
        problem = _gap_or_overlap(direction, last, fail)
        if problem is None:
            continue
        low, high = sorted((last, fail.value))
        unit = fail.unit or ""
        span = f"{say.number(low)}{unit}至{say.number(high)}{unit}之间"
        what = "没有对应的等级" if problem == "GAP" else f"同时属于“{last_tier}”和“差”"
        yield Flag(
            message=f"“{name}”的评分等级不衔接：{shown}，{span}{what}",
            evidence=evidence_list(
                [
                    _tier_evidence(indicator, last_tier),
                    _tier_evidence(indicator, FAILING),
                ]
            ),
            code=problem,
        )
