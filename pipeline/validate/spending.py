"""Itemised spending adds up to the whole it itemises (spending.items_sum)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from models.facts import Extraction
from pipeline.validate import messages as say
from pipeline.validate.common import complete_itemisations, evidence_list
from pipeline.validate.registry import Flag, rule
from pipeline.validate.tolerance import money_tolerance


@rule("spending.items_sum", severity="error")
def items_sum(extraction: Extraction) -> Iterator[Flag]:
    """The amounts of an itemisation (具体情况为：…) add up to the whole it itemises.

    Not flagged: an itemisation with a part whose amount is not printed (the sum is unknown);
    a difference within the rounding of the whole and all the parts; counts (see narrative.count_mismatch).
    """
    for itemisation, valued in complete_itemisations(extraction, "yuan"):
        parts_sum = sum((value for _, value in valued), Decimal(0))
        whole, whole_evidence = itemisation.whole, itemisation.whole_evidence
        figures = [(whole, whole_evidence)] + [(value, part.evidence) for part, value in valued]
        if abs(parts_sum - whole) <= money_tolerance(figures):
            continue
        yield Flag(
            message=(
                f"分项金额合计 {say.money(parts_sum, whole_evidence)}（{len(itemisation.parts)} 项），"
                f"与“{itemisation.label}” {say.money(whole, whole_evidence)} 相差 "
                f"{say.money_difference(parts_sum - whole, whole, whole_evidence)}"
            ),
            evidence=evidence_list([whole_evidence] + [part.evidence for part in itemisation.parts]),
        )
