"""Claims made in the narrative: percentages against their figures, counts against each other."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from models.facts import CountClaim, Extraction
from models.numbers import parse_quantity
from models.report import Evidence
from pipeline.validate import messages as say
from pipeline.validate.common import complete_itemisations, evidence_list
from pipeline.validate.registry import Flag, rule
from pipeline.validate.tolerance import half_unit


def _rounding(value: Decimal, evidence: Evidence | None) -> Decimal:
    """Half a printed unit — except for counts (2074个事项), which are exact whole numbers."""
    printed = parse_quantity(evidence.text) if evidence is not None and evidence.text else None
    is_count = printed.kind == "count" if printed is not None else evidence is None or evidence.resolution is None
    if is_count and value == value.to_integral_value():
        return Decimal(0)
    return half_unit(value, evidence)


def _ratio_spread(
    part: Decimal, part_evidence: Evidence | None, whole: Decimal, whole_evidence: Evidence | None
) -> Decimal:
    return Decimal(100) * (
        _rounding(part, part_evidence) / abs(whole) + abs(part) * _rounding(whole, whole_evidence) / whole**2
    )


@rule("narrative.percent_claim", severity="info")
def percent_claim(extraction: Extraction) -> Iterator[Flag]:
    """A stated percentage equals the ratio of the figures it is stated from.

    share: part ÷ whole; change (同比): Δ ÷ (current − Δ), Δ signed (a decrease is negative) and the
    stated percentage compared by size. Not flagged: a whole (or previous value) of 0; a difference
    within the rounding of the stated percentage and of the figures.
    """
    for claim in extraction.facts.percent_claims:
        if claim.kind == "share":
            base, numerator = claim.whole, claim.part
            formula = f"{say.number(claim.part)} ÷ {say.number(claim.whole)}"
        else:
            base, numerator = claim.whole - claim.part, claim.part
            formula = f"{say.number(claim.part)} ÷ ({say.number(claim.whole)} − {say.number(claim.part)})"
        if base == 0:
            continue
        expected = Decimal(100) * numerator / base
        part_evidence = claim.evidence[0] if claim.evidence else None
        whole_evidence = claim.evidence[1] if len(claim.evidence) > 1 else None
        spread = _ratio_spread(numerator, part_evidence, base, whole_evidence)
        if claim.kind == "change":
            spread *= 2  # the base is itself a difference of two rounded figures
        tolerance = half_unit(claim.stated, claim.stated_evidence) + spread
        if abs(abs(expected) - abs(claim.stated)) <= tolerance:
            continue
        what = "占比" if claim.kind == "share" else "同比变化"
        label = claim.label or "文中"
        yield Flag(
            message=(
                f"{label}{what} {say.percent(claim.stated)} 与数据不符：{formula} = "
                f"{say.computed_percent(abs(expected))}"
            ),
            evidence=evidence_list([claim.stated_evidence, *claim.evidence]),
        )


def _same_thing(claim: CountClaim) -> tuple[str, str]:
    label = unicodedata.normalize("NFKC", claim.label).replace(" ", "")
    return label, unicodedata.normalize("NFKC", claim.unit)


@rule("narrative.count_mismatch", severity="info")
def count_mismatch(extraction: Extraction) -> Iterator[Flag]:
    """The text gives one count for one thing, and counted parts add up to their stated whole.

    Counts of the same thing are those the extractor labelled alike, with the same unit.
    Not flagged: counts of differently labelled things (36个审批办 vs 37个进驻部门 may be two
    groups); itemised counts with a part not given.
    """
    groups: dict[tuple[str, str], list[CountClaim]] = defaultdict(list)
    for claim in extraction.facts.count_claims:
        groups[_same_thing(claim)].append(claim)
    for (label, unit), claims in groups.items():
        values = sorted({claim.value for claim in claims})
        if len(values) < 2:
            continue
        firsts = [next(c for c in claims if c.value == value) for value in values]
        firsts.sort(key=claims.index)
        described = "；".join(f"{say.number(c.value)}{unit}（{say.where(c.evidence)}）" for c in firsts)
        yield Flag(
            message=f"“{label}”的数量前后不一致：{described}",
            evidence=evidence_list(c.evidence for c in firsts),
            code="COUNT_DIFFERS",
        )
    for itemisation, valued in complete_itemisations(extraction, "count"):
        parts_sum = sum((value for _, value in valued), Decimal(0))
        if parts_sum == itemisation.whole:
            continue
        parts_text = "、".join(f"{part.name} {say.number(value)}" for part, value in valued)
        yield Flag(
            message=(
                f"{itemisation.label}共 {say.number(itemisation.whole)}，分项（{parts_text}）合计 "
                f"{say.number(parts_sum)}，不相符"
            ),
            evidence=evidence_list([itemisation.whole_evidence] + [part.evidence for part in itemisation.parts]),
            code="PARTS_DIFFER",
        )
