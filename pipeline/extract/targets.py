"""Indicator tables (绩效目标表 with grading tiers, indicator blocks with targets and results) → `Indicator`s."""

from __future__ import annotations

from models.facts import ScoreSubtotal
from models.report import Evidence, Indicator
from pipeline.extract.classify import Section
from pipeline.extract.figures import is_not_given, is_placeholder, points
from pipeline.extract.labels import cell_evidence
from pipeline.extract.scores import (
    LevelCells,
    read_subtotal,
    role_cell,
    split_named_weight,
    subtotal_label,
    weighted_level,
)
from pipeline.extract.vocabulary import TIER_NAMES

# Which printed columns a rule may rely on, named as in `Facts.indicator_columns`.
COLUMN_FACTS = ("target", "actual", "weight", "score", "reason", "tiers")


def printed_columns(section: Section) -> list[str]:
    roles = set(section.roles.values())
    columns = [c for c in COLUMN_FACTS if c in roles]
    if any(r.startswith("tier:") for r in roles):
        columns.append("tiers")
    return columns


def _continuation_rows(section: Section, row: int) -> list[int]:
    """Rows that carry on this one where a page break cut it: the row's name cell spans them, and no
    weight, score or target of their own starts there (those would make them rows of their own)."""
    leaf_role = "level3" if "level3" in section.roles.values() else "level2"
    leaf = role_cell(section, row, leaf_role)
    if leaf is None or leaf.row != row or leaf.row_span == 1:
        return []
    rows = []
    for below in range(row + 1, min(row + leaf.row_span, section.end)):
        starts = [role_cell(section, below, role) for role in ("weight", "score", "target")]
        if any(c is not None and c.row == below and c.text.strip() for c in starts):
            break
        rows.append(below)
    return rows


def _text(section: Section, row: int, role: str) -> tuple[str | None, Evidence | None]:
    cell = role_cell(section, row, role)
    if cell is None or cell.row != row:
        return None, None
    parts = [cell.text]
    for below in _continuation_rows(section, row):
        rest = role_cell(section, below, role)
        if rest is not None and rest.row == below:
            parts.append(rest.text)
    text = "".join(" ".join(part.split()) for part in parts)
    if not text:
        return None, None
    return text, cell_evidence(section.table, cell)


LOW_OCR_CONFIDENCE = 0.85
"""Below this an OCR reading is too often wrong (the same threshold as `parsers.scan.LOW_CONFIDENCE`):
the recogniser has no ≧ or ≦ and reads them as "=" or leaves them out, but unsure of it."""


def _misread(section: Section, row: int, roles: tuple[str, ...]) -> bool:
    """Does any of these cells of the row hold an OCR reading below `LOW_OCR_CONFIDENCE`, or marks it could
    not read at all (confidence 0 on an empty cell)?"""
    for role in roles:
        cell = role_cell(section, row, role)
        confidence = cell.confidence if cell is not None and cell.row == row else None
        if confidence is not None and confidence < LOW_OCR_CONFIDENCE:
            return True
    return False


def _target(section: Section, row: int) -> tuple[str | None, Evidence | None]:
    """The target as printed; 指标性质 | 指标值 | 度量单位 cells are joined ("≥ | 100 | %" → "≥100%").

    A target adjusted during the year (调整指标值, Chongqing) is the one the result is scored against.
    """
    value, evidence = _text(section, row, "target")
    adjusted, adjusted_evidence = _text(section, row, "adjusted_target")
    if adjusted is not None and not is_not_given(adjusted):
        value, evidence = adjusted, adjusted_evidence
    if value is None:
        return None, None
    if _misread(section, row, ("comparator", "adjusted_target" if evidence is adjusted_evidence else "target", "unit")):
        return None, None  # a target with a part OCR was unsure of is unknown, not a guess
    comparator, _ = _text(section, row, "comparator")
    unit, _ = _text(section, row, "unit")
    joined = "".join(part for part in (comparator, value, unit) if part and not is_not_given(part))
    if comparator and "定性" in comparator:
        joined = value
    return joined or value, evidence


def extract_indicators(section: Section, offset: int) -> tuple[list[Indicator], list[ScoreSubtotal]]:
    """Rows of one indicator section; `offset` is the number of indicators already extracted."""
    indicators: list[Indicator] = []
    subtotals: list[ScoreSubtotal] = []
    levels = LevelCells()
    name_role = "level3" if "level3" in section.roles.values() else "level2"
    tier_cols = {int(c): r.split(":", 1)[1] for c, r in section.roles.items() if r.startswith("tier:")}
    for row in range(section.start, section.end):
        if row in section.repeated_headers:
            continue
        if (found := subtotal_label(section, row)) is not None:
            subtotals.append(
                read_subtotal(section, row, found[0], "indicators", [offset + i for i in range(len(indicators))])
            )
            continue
        l1 = levels.read(section, row, "level1")
        l1w = levels.read(section, row, "level1_weight")
        l2 = levels.read(section, row, "level2") if name_role == "level3" else None
        name, name_evidence = _text(section, row, name_role)
        target, target_evidence = _target(section, row)
        actual, actual_evidence = _text(section, row, "actual")
        if name is None and target is None and actual is None:
            continue
        if l1 is not None and all(c is l1 or not c.text.strip() for c in section.table.row_cells(row) if c.row == row):
            continue  # a heading across the table (产出指标（50分）): the level-1 of the rows below, not a row
        evidence: dict[str, Evidence] = {}
        level1, level1_weight = weighted_level(section, l1, l1w, evidence, "level1")
        level2, _ = weighted_level(section, l2, None, evidence, "level2")
        evidence.pop("level2_weight", None)
        if name is not None and name_evidence is not None:
            evidence["name"] = name_evidence
            name = split_named_weight(name)[0]
        if target_evidence is not None:
            evidence["target"] = target_evidence
        if actual_evidence is not None:
            evidence["actual"] = actual_evidence
        indicator = Indicator(
            level1=level1, level1_weight=level1_weight, level2=level2, name=name, target=target, actual=actual
        )
        for role in ("weight", "score"):
            cell = role_cell(section, row, role)
            if cell is not None and cell.row == row and (parsed := points(cell.text)) is not None:
                setattr(indicator, role, parsed[0])
                evidence[role] = cell_evidence(section.table, cell, resolution=parsed[1])
        reason, reason_evidence = _text(section, row, "reason")
        if reason is not None and reason_evidence is not None and not is_placeholder(reason):
            indicator.deviation_reason = reason
            evidence["deviation_reason"] = reason_evidence
        tiers: dict[str, str] = {}
        for col, tier in sorted(tier_cols.items()):
            cell = section.table.cell_at(row, col)
            if cell is not None and cell.text.strip() and tier in TIER_NAMES:
                tiers[tier] = " ".join(cell.text.split())
                evidence[f"tiers.{tier}"] = cell_evidence(section.table, cell)
        if tiers:
            indicator.tiers = tiers
        indicator.evidence = evidence
        indicators.append(indicator)
    return indicators, subtotals
