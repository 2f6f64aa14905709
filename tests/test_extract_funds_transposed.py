"""Funds tables printed sideways: quantities down the first column, the total and the sources along the header row."""

from __future__ import annotations

from decimal import Decimal

from models.document import Paragraph
from pipeline.extract.funds import FundsFacts, extract_funds
from tests.extract_documents import grid_table

SIDEWAYS = [
    ["项目", "合计", "其中：中央财政", "省级财政", "市县财政"],
    ["计划投资额（万元）", "120.50", "100.00", "", "20.50"],
    ["实际到位资金（万元）", "118.00", "100.00", "", "18.00"],
    ["实际支出（万元）", "96.3", "80.1", "", "16.2"],
]


def _read(rows: list[list[str]], before: str | None = None) -> FundsFacts:
    facts = FundsFacts()
    paragraph = Paragraph(index=1, text=before) if before is not None else None
    extract_funds(grid_table(3, rows), paragraph, facts)
    return facts


def _transpose(rows: list[list[str]]) -> list[list[str]]:
    return [list(column) for column in zip(*rows, strict=True)]


def test_total_column_gives_the_budget_with_the_real_cell_locations() -> None:
    facts = _read(SIDEWAYS)
    by_quantity = {m.quantity: m for m in facts.mentions}
    assert {q: m.value for q, m in by_quantity.items()} == {
        "planned": Decimal("1205000.00"), "received": Decimal("1180000.00"), "spent": Decimal("963000.0"),
    }  # fmt: skip
    spent = by_quantity["spent"]
    assert (spent.evidence.table, spent.evidence.row, spent.evidence.col, spent.evidence.text) == (3, 3, 1, "96.3")
    assert spent.evidence.resolution == Decimal(1000)
    assert spent.label == "实际支出" and spent.unit == "万元"


def test_each_source_column_is_a_source_blank_ones_included() -> None:
    facts = _read(SIDEWAYS)
    assert [s.name for s in facts.sources] == ["中央财政", "省级财政", "市县财政"]
    central, province, county = facts.sources
    assert (central.planned, central.received, central.spent) == (
        Decimal("1000000.00"), Decimal("1000000.00"), Decimal("801000.0")
    )  # fmt: skip
    assert (province.planned, province.received, province.spent) == (None, None, None)
    assert (county.evidence["received"].row, county.evidence["received"].col) == (2, 4)
    assert county.evidence["received"].resolution == Decimal(100)
    assert (central.evidence["name"].row, central.evidence["name"].col, central.evidence["name"].text) == (
        0, 2, "其中：中央财政"
    )  # fmt: skip


def test_both_orientations_read_the_same_figures() -> None:
    sideways, upright = _read(SIDEWAYS), _read(_transpose(SIDEWAYS))
    assert [(m.quantity, m.value) for m in sideways.mentions] == [(m.quantity, m.value) for m in upright.mentions]
    assert [s.model_dump(exclude={"evidence"}) for s in sideways.sources] == [
        s.model_dump(exclude={"evidence"}) for s in upright.sources
    ]
    # The same figure, found at mirrored places.
    side, up = sideways.sources[2].evidence["planned"], upright.sources[2].evidence["planned"]
    assert (side.row, side.col) == (up.col, up.row) == (1, 4)


def test_yuan_from_the_note_before_and_a_zero_total_over_a_non_zero_source() -> None:
    rows = [
        ["资金项目", "小计", "中央补助", "自筹资金"],
        ["预算数", "0", "50000.00", ""],
        ["执行数", "40,000.00", "40,000.00", "—"],
    ]
    facts = _read(rows, before="项目资金情况表（单位：元）")
    values = {m.quantity: m.value for m in facts.mentions}
    assert values == {"planned": Decimal("0"), "spent": Decimal("40000.00")}
    assert [(s.name, s.planned, s.spent) for s in facts.sources] == [
        ("中央补助", Decimal("50000.00"), Decimal("40000.00")),
        ("自筹资金", None, None),
    ]
    assert facts.sources[0].evidence["planned"].resolution == Decimal("0.01")


def test_quantities_down_a_column_without_a_total_or_source_header_are_not_read_sideways() -> None:
    # Label/value pairs stacked in rows (an information table), not a funds table printed sideways.
    stacked = [["项目名称", "某某项目"], ["预算数（万元）", "10"], ["执行数（万元）", "9"]]
    assert _read(stacked).mentions == []
    assert _read(stacked).sources == []
