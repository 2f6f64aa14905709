"""The weight tree of a score table: level-1 groups, their level-2 groups and leaf rows, plus the funds row.

Evaluation reports put weights and scores in `report.scores`; self-evaluation forms put them in
`report.indicators` and the budget-execution row in `report.budget` (the contract keeps that row out
of both lists). Both become the same `Leaf` rows here so one set of rules checks them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from models.facts import Extraction
from models.report import Evidence, Indicator, ScoreRow
from pipeline.validate.common import evidence_of

FULL_MARKS = Decimal(100)


def normalise_label(text: str | None) -> str:
    """NFKC, no spaces, no trailing weight such as (50分)."""
    if not text:
        return ""
    cleaned = unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "")
    if "(" in cleaned and cleaned.endswith(")"):
        cleaned = cleaned[: cleaned.index("(")]
    return cleaned


@dataclass
class Leaf:
    name: str
    weight: Decimal | None
    score: Decimal | None
    weight_evidence: Evidence | None
    score_evidence: Evidence | None
    row_evidence: Evidence | None
    level1: str | None = None
    level2: str | None = None
    level2_weight: Decimal | None = None
    level2_evidence: Evidence | None = None
    level1_weight: Decimal | None = None
    level1_evidence: Evidence | None = None


@dataclass
class Group:
    name: str
    weight: Decimal | None
    weight_evidence: Evidence | None
    leaves: list[Leaf] = field(default_factory=list)

    def leaf_weight_sum(self) -> Decimal | None:
        weights = [leaf.weight for leaf in self.leaves]
        if not weights or any(w is None for w in weights):
            return None
        return sum((w for w in weights if w is not None), Decimal(0))

    def effective_weight(self) -> Decimal | None:
        return self.weight if self.weight is not None else self.leaf_weight_sum()


def _row_evidence(row: ScoreRow | Indicator) -> Evidence | None:
    for name in ("level3", "name", "level2", "weight", "score", "target", "level1"):
        evidence = evidence_of(row, name)
        if evidence is not None:
            return evidence
    return None


def _leaf(row: ScoreRow | Indicator) -> Leaf:
    """A score row and a form's indicator row are the same leaf; only a score row has its own name
    column (level3) and a level-2 weight."""
    if isinstance(row, ScoreRow):
        own_name, level2_weight, level2_evidence = row.level3, row.level2_weight, evidence_of(row, "level2_weight")
    else:
        own_name, level2_weight, level2_evidence = row.name, None, None
    return Leaf(
        name=own_name or row.level2 or row.level1 or "",
        weight=row.weight,
        score=row.score,
        weight_evidence=evidence_of(row, "weight"),
        score_evidence=evidence_of(row, "score"),
        row_evidence=_row_evidence(row),
        level1=row.level1,
        level2=row.level2,
        level2_weight=level2_weight,
        level2_evidence=level2_evidence,
        level1_weight=row.level1_weight,
        level1_evidence=evidence_of(row, "level1_weight"),
    )


@dataclass
class ScoreTree:
    groups: list[Group]
    funds: Leaf | None
    """The budget-execution row of a self-evaluation form, when its weight or score was read."""
    funds_weight_unknown: bool = False
    """A self-evaluation form whose funds row weight was not read: the top level cannot be summed."""

    @property
    def leaves(self) -> list[Leaf]:
        rows = [leaf for group in self.groups for leaf in group.leaves]
        return ([self.funds] if self.funds else []) + rows

    def top_weights(self) -> list[tuple[str, Decimal, Evidence | None]] | None:
        """(name, weight, evidence) of every top-level part, or None when one of them is unknown.

        None too when no indicator or score row was read: the funds row alone says nothing about the table.
        """
        if not self.groups or self.funds_weight_unknown:
            return None
        parts: list[tuple[str, Decimal, Evidence | None]] = []
        if self.funds is not None and self.funds.weight is not None:
            parts.append(("预算执行", self.funds.weight, self.funds.weight_evidence))
        for group in self.groups:
            weight = group.effective_weight()
            if weight is None:
                return None
            evidence = group.weight_evidence if group.weight is not None else group.leaves[0].weight_evidence
            parts.append((group.name or "未分组", weight, evidence))
        return parts or None


def score_tree(extraction: Extraction) -> ScoreTree:
    """Group the weighted rows by level 1. A header weight with no rows under it (绩效指标(90分)
    over the level-1 sections) is not a level-1 group of its own."""
    report = extraction.report
    leaves = [_leaf(row) for row in report.scores]
    leaves += [_leaf(row) for row in report.indicators if row.weight is not None or row.score is not None]
    section_weights = {normalise_label(s.level1): s for s in extraction.facts.section_weights}
    groups: dict[str, Group] = {}
    for leaf in leaves:
        key = normalise_label(leaf.level1)
        group = groups.get(key)
        if group is None:
            section = section_weights.get(key)
            group = Group(
                name=leaf.level1 or "",
                weight=section.weight if section else None,
                weight_evidence=section.evidence if section else None,
            )
            groups[key] = group
        if group.weight is None and leaf.level1_weight is not None:
            group.weight, group.weight_evidence = leaf.level1_weight, leaf.level1_evidence
        group.leaves.append(leaf)
    budget = report.budget
    funds = None
    if not report.scores and (budget.execution_weight is not None or budget.execution_score is not None):
        funds = Leaf(
            name="预算执行率",
            weight=budget.execution_weight,
            score=budget.execution_score,
            weight_evidence=evidence_of(budget, "execution_weight"),
            score_evidence=evidence_of(budget, "execution_score"),
            row_evidence=evidence_of(budget, "execution_weight") or evidence_of(budget, "execution_score"),
        )
    funds_row_printed = budget.execution_score is not None or budget.execution_rate is not None
    unknown = report.kind == "self_evaluation_form" and budget.execution_weight is None and funds_row_printed
    return ScoreTree(groups=list(groups.values()), funds=funds, funds_weight_unknown=unknown)
