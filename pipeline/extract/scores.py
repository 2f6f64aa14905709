"""Score tables: leaf rows become `ScoreRow`s, 小计/合计/总分 rows become subtotal facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from models.document import Cell
from models.facts import BlankCell, ScoreSubtotal, SectionWeight
from models.report import Evidence, Indicator, ScoreRow
from pipeline.extract.classify import Section
from pipeline.extract.figures import is_placeholder, points
from pipeline.extract.labels import cell_evidence, label_core, trim
from pipeline.extract.vocabulary import SUBTOTAL_WORDS, TOTAL_WORDS, compact

_NAMED_WEIGHT = re.compile(r"^(?P<name>.*?)[(（]?(?P<weight>\d+(?:\.\d+)?)分[)）]?$")
_IMAGE_NOTE = re.compile(r"\[image:[^\]]*\]")
_BELOW = {"level1": ("level1_weight", "level2", "level2_weight"), "level2": ("level2_weight",)}


def split_named_weight(text: str) -> tuple[str, str | None]:
    """ "产出指标(50分)" → ("产出指标", "50"); "项目决策 2 分" → ("项目决策", "2"); other text unchanged."""
    printed = " ".join(_IMAGE_NOTE.sub("", text).split())
    match = _NAMED_WEIGHT.match(compact(printed))
    if match and match.group("name"):
        return trim(match.group("name")), match.group("weight")
    return printed, None


def subtotal_label(section: Section, row: int) -> tuple[str, Cell] | None:
    """The 小计/合计/总分 word of a row that sums others, with its cell."""
    for cell in section.table.row_cells(row):
        core = label_core(cell.text)
        if core and any(core.startswith(word) for word in SUBTOTAL_WORDS):
            return core, cell
    return None


class LevelCells:
    """The level cells of the current row, carried down from the rows above when a cell is left blank."""

    def __init__(self) -> None:
        self.current: dict[str, Cell] = {}

    def read(self, section: Section, row: int, role: str) -> Cell | None:
        col = next((c for c, r in section.roles.items() if r == role), None)
        if col is None:
            return None
        cell = section.table.cell_at(row, col)
        if cell is not None and cell.text.strip():
            if self.current.get(role) is not cell:
                # a new parent: its children and its weight start afresh
                for lower in _BELOW.get(role, ()):
                    self.current.pop(lower, None)
            self.current[role] = cell
            return cell
        return self.current.get(role)


def role_cell(section: Section, row: int, role: str) -> Cell | None:
    col = next((c for c, r in section.roles.items() if r == role), None)
    return None if col is None else section.table.cell_at(row, col)


def weighted_level(
    section: Section, level_cell: Cell | None, weight_cell: Cell | None, evidence: dict[str, Evidence], key: str
) -> tuple[str | None, Decimal | None]:
    """A level's name and weight, from its own 分值 column or from "(50分)" in its name."""
    if level_cell is None:
        return None, None
    name, named_weight = split_named_weight(level_cell.text)
    evidence[key] = cell_evidence(section.table, level_cell)
    weight: Decimal | None = None
    if weight_cell is not None and (parsed := points(weight_cell.text)) is not None:
        weight = parsed[0]
        evidence[f"{key}_weight"] = cell_evidence(section.table, weight_cell, resolution=parsed[1])
    elif named_weight is not None and (parsed := points(named_weight)) is not None:
        weight = parsed[0]
        evidence[f"{key}_weight"] = cell_evidence(section.table, level_cell, resolution=parsed[1])
    return name or None, weight


def section_weights(rows: Sequence[ScoreRow | Indicator]) -> list[SectionWeight]:
    """One level-1 weight per run of rows under the same printed level-1 name and weight.

    A merged cell repeats over its rows; a PDF may print the parent again on every row.
    """
    weights: list[SectionWeight] = []
    previous: tuple[str | None, Decimal | None] | None = None
    for row in rows:
        evidence = row.evidence.get("level1_weight")
        key = (row.level1, row.level1_weight)
        if row.level1 is not None and row.level1_weight is not None and evidence is not None and key != previous:
            weights.append(SectionWeight(level1=row.level1, weight=row.level1_weight, evidence=evidence))
        previous = key
    return weights


def read_subtotal(section: Section, row: int, label: str, target: str, rows: list[int]) -> ScoreSubtotal:
    subtotal = ScoreSubtotal(label=label, target=target, rows=rows)  # type: ignore[arg-type]
    for role in ("weight", "score"):
        cell = role_cell(section, row, role)
        if cell is None and role == "weight":
            cell = next(
                (
                    role_cell(section, row, r)
                    for r in ("level1_weight", "level2_weight")
                    if role_cell(section, row, r) is not None
                ),
                None,
            )
        if cell is not None and cell.row == row and (parsed := points(cell.text)) is not None:
            setattr(subtotal, role, parsed[0])
            subtotal.evidence[role] = cell_evidence(section.table, cell, resolution=parsed[1])
    return subtotal


def _weight_after_leaf(section: Section, leaf_role: str) -> bool:
    """Whether the row-weight column stands after the leaf names, as a row's weight always is printed.

    One standing before them weighs a parent level whose header was not read (an OCR'd 二级指标 with a
    stray glyph leaves the 分值 after it unclaimed): its figures are a parent's, wrong for every row.
    """
    columns: dict[str, int] = {}
    for col, role in sorted(section.roles.items()):
        columns.setdefault(role, col)
    return "weight" in columns and (leaf_role not in columns or columns["weight"] > columns[leaf_role])


def extract_scores(section: Section, offset: int) -> tuple[list[ScoreRow], list[ScoreSubtotal]]:
    """Leaf rows of one score section; `offset` is the number of score rows already extracted."""
    rows: list[ScoreRow] = []
    subtotals: list[ScoreSubtotal] = []
    since_subtotal = 0
    levels = LevelCells()
    leaf_role = "level3" if "level3" in section.roles.values() else "level2"
    weight_role = "weight" if _weight_after_leaf(section, leaf_role) else None
    for row in range(section.start, section.end):
        if row in section.repeated_headers:
            continue
        if (found := subtotal_label(section, row)) is not None:
            label, _ = found
            covered = list(range(since_subtotal, len(rows))) if label.startswith("小计") else list(range(len(rows)))
            subtotals.append(read_subtotal(section, row, label, "scores", [offset + i for i in covered]))
            since_subtotal = len(rows)
            continue
        leaf = role_cell(section, row, leaf_role)
        weight_cell = role_cell(section, row, weight_role) if weight_role else None
        score_cell = role_cell(section, row, "score")
        l1 = levels.read(section, row, "level1")
        l1w = levels.read(section, row, "level1_weight")
        l2 = levels.read(section, row, "level2") if leaf_role == "level3" else None
        l2w = levels.read(section, row, "level2_weight")
        if leaf is None or leaf.row != row or not leaf.text.strip():
            continue
        if leaf is l1 and all(c is l1 or not c.text.strip() for c in section.table.row_cells(row) if c.row == row):
            continue  # a heading across the table (项目决策（20分）): the level-1 of the rows below, not a row
        weight = points(weight_cell.text) if weight_cell is not None and weight_cell.row == row else None
        score = points(score_cell.text) if score_cell is not None and score_cell.row == row else None
        if weight is None and score is None:
            continue
        evidence: dict[str, Evidence] = {}
        level1, level1_weight = weighted_level(section, l1, l1w, evidence, "level1")
        level2, level2_weight = weighted_level(section, l2, l2w, evidence, "level2")
        level3, _ = split_named_weight(leaf.text)
        evidence["level3" if leaf_role == "level3" else "level2"] = cell_evidence(section.table, leaf)
        if leaf_role == "level2":
            level2, level3 = level3, None
        if weight is not None and weight_cell is not None:
            evidence["weight"] = cell_evidence(section.table, weight_cell, resolution=weight[1])
        if score is not None and score_cell is not None:
            evidence["score"] = cell_evidence(section.table, score_cell, resolution=score[1])
        rows.append(
            ScoreRow(
                level1=level1,
                level1_weight=level1_weight,
                level2=level2,
                level2_weight=level2_weight,
                level3=level3,
                weight=weight[0] if weight else None,
                score=score[0] if score else None,
                evidence=evidence,
            )
        )
    return rows, subtotals


def blank_total_cells(section: Section) -> list[BlankCell]:
    """总分/合计 rows whose score cell was left blank (or holds only — or /)."""
    blanks = []
    for row in range(section.start, section.end):
        found = subtotal_label(section, row)
        cell = role_cell(section, row, "score")
        if found is None or cell is None or cell.row != row or not any(found[0].startswith(w) for w in TOTAL_WORDS):
            continue
        if is_placeholder(cell.text):
            blanks.append(BlankCell(field="total_score", evidence=cell_evidence(section.table, cell), label=found[0]))
    return blanks
