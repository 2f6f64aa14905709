"""Funds blocks: the budget quantities a table prints and the funding sources under them.

Two layouts, both recognised by their labels: labels as column headers with the
total and 其中 rows below (central and provincial self-evaluation forms), and
label/value pairs along a row with the sources in the rows below (Hainan:
计划投资额 | 670.64 | 实际到位资金 | 670.64 | 实际使用情况 | 558.01).

Either may be printed transposed (quantities down the first column, the total and
the sources along the header row): such a table is read through a transposed view
of its grid by the same code, with evidence pointing at the real cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from models.document import Cell, Paragraph, Table
from models.facts import BlankCell, Mention
from models.report import Evidence, FundingSource
from pipeline.extract.figures import cell_money, cell_rate, is_figure_or_blank, is_not_given, is_placeholder, points
from pipeline.extract.labels import bracketed, cell_evidence, label_core, match_label, trim
from pipeline.extract.transpose import TableView, transposed, unchanged
from pipeline.extract.vocabulary import (
    BUDGET_TABLE_LABELS,
    FUNDS_TOTAL_ROWS,
    PROJECT_LABELS,
    SCORE_COLUMNS,
    SECTION_HEAD,
    SOURCE_PREFIX,
    SOURCES_HEADING,
    compact,
)

MONEY_FIELDS = ("planned", "adjusted", "received", "spent", "balance")
_UNIT_WORDS = ("亿元", "万元", "元")
_BLOCK_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)分")
_UNIT_NOTE = re.compile(r"(?:单位|金额单位)[:：]\s*(亿元|万元|元)")
_UNCLOSED_UNIT = re.compile(r"[(（](亿元|万元|元)$")  # 项目资金（万元 — OCR lost the closing bracket


@dataclass
class FundsFacts:
    """What the funds blocks of a document printed."""

    mentions: list[Mention] = field(default_factory=list)
    sources: list[FundingSource] = field(default_factory=list)
    extras: dict[str, object] = field(default_factory=dict)
    """execution_weight, execution_score, reason: first printing."""
    extras_evidence: dict[str, Evidence] = field(default_factory=dict)
    blank_cells: list[BlankCell] = field(default_factory=list)
    """The total row's 得分 left blank."""


def _unit_in(text: str) -> str | None:
    for part in bracketed(text):
        for unit in _UNIT_WORDS:
            if part == unit or part.endswith(unit) or part.startswith(unit):
                return unit
    if (note := _UNIT_NOTE.search(compact(text)) or _UNCLOSED_UNIT.search(compact(text))) is not None:
        return note.group(1)
    return None


def table_unit(table: Table, before: Paragraph | None) -> str | None:
    """The money unit a table states anywhere in its cells, or in the paragraph just before it."""
    for cell in table.cells:
        if (unit := _unit_in(cell.text)) is not None:
            return unit
    if before is not None:
        return _unit_in(before.text)
    return None


def _field(text: str) -> str | None:
    return match_label(text, BUDGET_TABLE_LABELS)


def _is_other_label(text: str) -> bool:
    return bool(match_label(text, PROJECT_LABELS) or match_label(text, SCORE_COLUMNS))


def _source_name(text: str) -> str:
    return trim(SOURCE_PREFIX.sub("", compact(text)))


_TOTALS = (*FUNDS_TOTAL_ROWS, "小计")


def _is_total_row(text: str) -> bool:
    core = label_core(SOURCE_PREFIX.sub("", compact(text)))
    return any(core.startswith(label_core(word)) for word in _TOTALS)


class _Reader:
    def __init__(self, view: TableView, unit: str | None, facts: FundsFacts) -> None:
        self.table = view.table
        self.view = view
        self.unit = unit
        self.facts = facts

    def evidence(self, cell: Cell, resolution: Decimal | None = None) -> Evidence:
        """Where the cell really is printed, whichever way the table is being read."""
        return cell_evidence(self.view.real_table, self.view.real(cell), resolution=resolution)

    def value(self, cell: Cell, quantity: str, label_cell: Cell, *, record: bool = True) -> object | None:
        """Read one cell as `quantity`; record the printing as a mention when it is a budget figure."""
        text = cell.text
        if is_not_given(text):
            return None
        label = label_core(label_cell.text)
        if quantity in MONEY_FIELDS:
            unit = _unit_in(label_cell.text) or self.unit
            found = cell_money(text, unit)
            if found is None:
                return None
            if record:
                self.facts.mentions.append(Mention(
                    quantity=quantity, value=found.yuan, label=label, origin="table",
                    unit=found.quantity.unit or unit,
                    evidence=self.evidence(cell, resolution=found.resolution),
                ))  # fmt: skip
            return found.yuan
        if quantity == "execution_rate":
            rate = cell_rate(text)
            if rate is None:
                return None
            if record:
                self.facts.mentions.append(Mention(
                    quantity=quantity, value=rate.value, label=label, origin="table", unit="%",
                    evidence=self.evidence(cell, resolution=rate.resolution),
                ))  # fmt: skip
            return rate.value
        if quantity in ("execution_weight", "execution_score"):
            parsed = points(text)
            if parsed is not None and record:
                self.extra(quantity, parsed[0], self.evidence(cell, resolution=parsed[1]))
            return parsed[0] if parsed else None
        if quantity == "reason" and record:
            self.extra(quantity, " ".join(text.split()), self.evidence(cell))
        return None

    def extra(self, name: str, value: object, evidence: Evidence) -> None:
        if name not in self.facts.extras:
            self.facts.extras[name] = value
            self.facts.extras_evidence[name] = evidence

    def source(self, name_cell: Cell, values: dict[str, tuple[Cell, Cell]]) -> None:
        if label_core(name_cell.text) in SOURCES_HEADING:
            return
        source = FundingSource(name=_source_name(name_cell.text))
        source.evidence["name"] = self.evidence(name_cell)
        for quantity, (cell, label_cell) in values.items():
            if quantity not in ("planned", "adjusted", "received", "spent"):
                continue
            value = self.value(cell, quantity, label_cell, record=False)
            if value is not None:
                setattr(source, quantity, value)
                found = cell_money(cell.text, _unit_in(label_cell.text) or self.unit)
                source.evidence[quantity] = self.evidence(cell, resolution=found.resolution if found else None)
        self.facts.sources.append(source)

    # --- label/value pairs along a row -----------------------------------------------------------------------
    def pairs(self, row: int, labelled: list[tuple[Cell, str]]) -> int:
        cells = self.table.row_cells(row)
        columns: list[tuple[Cell, str, int]] = []  # label cell, quantity, value column
        for cell, quantity in labelled:
            position = cells.index(cell)
            if position + 1 < len(cells):
                value_cell = cells[position + 1]
                self.value(value_cell, quantity, cell)
                columns.append((cell, quantity, value_cell.col))
        last = row
        for below in range(row + 1, self.table.n_rows):
            if self._ends_block(below):
                break
            names = [self.table.cell_at(below, label.col) for label, _, _ in columns]
            name_cell = next((c for c in names if c is not None and c.text.strip()), None)
            if name_cell is None or _field(name_cell.text) or _is_other_label(name_cell.text):
                break
            values = {}
            for label, quantity, col in columns:
                cell = self.table.cell_at(below, col)
                if cell is not None and cell.row == below and cell is not name_cell:
                    values[quantity] = (cell, label)
            self.source(name_cell, values)
            last = below
        return last

    # --- labels as column headers ------------------------------------------------------------------------------
    def columns(self, row: int, labelled: list[tuple[Cell, str]]) -> int:
        first_col = min(cell.col for cell, _ in labelled)
        last = row
        for below in range(row + 1, self.table.n_rows):
            if self._ends_block(below):
                break
            row_cells = self.table.row_cells(below)
            name_cell = next(
                (c for c in reversed(row_cells) if c.col < first_col and c.text.strip()
                 and self.table.cell_at(row, c.col) is not c),
                None,
            )  # fmt: skip
            values = {q: (c, label) for label, q in labelled if (c := self.table.cell_at(below, label.col)) is not None}
            if self._left_the_block(below, values, first_col):
                break
            if not any(c.row == below and not is_not_given(c.text) for c, _ in values.values()) and name_cell is None:
                break
            if name_cell is not None and (_is_other_label(name_cell.text) or _field(name_cell.text)):
                break
            if name_cell is None or _is_total_row(name_cell.text):
                for quantity, (cell, label) in values.items():
                    if cell.row == below:
                        self.value(cell, quantity, label)
                        if quantity == "execution_score" and is_placeholder(cell.text):
                            row_name = label_core(name_cell.text) if name_cell is not None else ""
                            self.facts.blank_cells.append(BlankCell(
                                field="execution_score", evidence=self.evidence(cell), label=row_name
                            ))  # fmt: skip
            else:
                self.source(name_cell, {q: v for q, v in values.items() if v[0].row == below})
            last = below
        if "execution_weight" not in self.facts.extras:
            self._weight_in_block_label(row, first_col)
        return last

    def _weight_in_block_label(self, row: int, first_col: int) -> None:
        """预算执行情况（元）（20分）: the funds weight printed in the block's label, when no column has it."""
        for cell in self.table.row_cells(row):
            if cell.col >= first_col:
                break
            for part in bracketed(cell.text):
                if (weight := _BLOCK_WEIGHT.fullmatch(part)) is not None and (parsed := points(weight.group(1))):
                    self.extra("execution_weight", parsed[0], self.evidence(cell, resolution=parsed[1]))
                    return

    def _left_the_block(self, row: int, values: dict[str, tuple[Cell, Cell]], first_col: int) -> bool:
        """A row whose cells run across the figure columns, or that holds words where figures belong."""
        for quantity, (cell, _) in values.items():
            if cell.col < first_col or sum(1 for c, _ in values.values() if c is cell) > 1:
                return True
            if cell.row == row and quantity != "reason" and not is_figure_or_blank(cell.text):
                return True
        return False

    def _ends_block(self, row: int) -> bool:
        cells = [c for c in self.table.row_cells(row) if c.text.strip()]
        if not cells:
            return False
        if len(cells) == 1 and SECTION_HEAD.match(compact(cells[0].text)):
            return True
        return sum(1 for c in cells if _field(c.text) in MONEY_FIELDS) >= 2


def _labelled_cells(table: Table, row: int) -> list[tuple[Cell, str]]:
    found = []
    for cell in table.row_cells(row):
        if cell.row != row:
            continue
        quantity = _field(cell.text)
        if quantity is not None:
            found.append((cell, quantity))
    return found


def _is_quantity_row(table: Table, row: int) -> bool:
    return sum(1 for _, q in _labelled_cells(table, row) if q in MONEY_FIELDS) >= 2


def _names_the_whole_or_a_source(table: Table, row: int, after_col: int) -> bool:
    """A header row of sources: right of the labels it prints the total (合计, 小计 …) or a 其中 source."""
    for cell in table.row_cells(row):
        text = compact(cell.text)
        if cell.row == row and cell.col > after_col and (_is_total_row(text) or text.startswith("其中")):
            return True
    return False


def _quantities_down_a_column(table: Table) -> bool:
    """Transposed: quantity labels run down a column and the row just above them names the total or sources.

    Asked only of a table none of whose rows prints two quantity labels, so an ordinary funds block
    (labels along the header row) is never read sideways.
    """
    for col in range(table.n_cols):
        rows = [
            cell.row for cell in table.cells
            if cell.col == col and _field(cell.text) in MONEY_FIELDS
        ]  # fmt: skip
        if len(rows) >= 2 and min(rows) > 0 and _names_the_whole_or_a_source(table, min(rows) - 1, col):
            return True
    return False


def _read_blocks(reader: _Reader) -> int:
    table = reader.table
    blocks = 0
    row = 0
    while row < table.n_rows:
        if not _is_quantity_row(table, row):
            row += 1
            continue
        labelled = _labelled_cells(table, row)
        cells = table.row_cells(row)
        beside = [cells[cells.index(c) + 1] for c, _ in labelled if cells.index(c) + 1 < len(cells)]
        paired = beside and all(_field(c.text) is None for c in beside)
        row = (reader.pairs(row, labelled) if paired else reader.columns(row, labelled)) + 1
        blocks += 1
    return blocks


def extract_funds(table: Table, before: Paragraph | None, facts: FundsFacts) -> None:
    """Every funds block of one table: budget mentions, sources, weight/score/reason of the execution row.

    The quantity labels are looked for along the rows first; only a table with none there is
    looked at sideways (quantities down a column, sources along the header row).
    """
    unit = table_unit(table, before)
    if _read_blocks(_Reader(unchanged(table), unit, facts)) == 0 and _quantities_down_a_column(table):
        _read_blocks(_Reader(transposed(table), unit, facts))
