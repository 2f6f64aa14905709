"""Funds blocks by their labels: label/value pairs (Hainan) and labels as column headers (self-evaluation forms)."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.funds import FundsFacts, extract_funds
from tests.extract_documents import grid_table

HAINAN = [
    ["计划投资额\n\n（万元）", "670.64", "实际到位资金（万元）", "670.64", "实际使用情况（万元）", "558.01"],
    ["其中：中央财政", "", "其中：中央财政", "", "", ""],
    ["省财政", "670.64", "省财政", "670.64", "", ""],
    ["市县财政", "", "市县财政", "", "", ""],
    ["二、绩效评价指标评分", "<", "<", "<", "<", "<"],
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "得分"],
]

CENTRAL = [
    ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "<", "7.29", "8.00", "7.29", "10", "1", "9.11"],
    ["其中：当年财政拨款", "<", "7.29", "8.00", "7.29", "—", "", "—"],
    ["上年结转资金", "<", "", "", "", "—", "", "—"],
    ["其他资金", "<", "", "", "", "—", "", "—"],
]


def _read(rows: list[list[str]]) -> FundsFacts:
    facts = FundsFacts()
    extract_funds(grid_table(2, rows), None, facts)
    return facts


def test_label_value_pairs_give_mentions_in_yuan_with_locations() -> None:
    facts = _read(HAINAN)
    by_quantity = {m.quantity: m for m in facts.mentions}
    assert {q: m.value for q, m in by_quantity.items()} == {
        "planned": Decimal("6706400.00"), "received": Decimal("6706400.00"), "spent": Decimal("5580100.00")
    }  # fmt: skip
    spent = by_quantity["spent"]
    assert (spent.evidence.table, spent.evidence.row, spent.evidence.col, spent.evidence.text) == (2, 0, 5, "558.01")
    assert spent.evidence.resolution == Decimal(100)
    assert spent.label == "实际使用情况" and spent.unit == "万元" and spent.origin == "table"


def test_sources_under_pairs_keep_blank_rows_and_stop_at_the_next_section() -> None:
    facts = _read(HAINAN)
    assert [s.name for s in facts.sources] == ["中央财政", "省财政", "市县财政"]
    central, province, county = facts.sources
    assert central.planned is None and central.received is None
    assert province.planned == Decimal("6706400.00") and province.received == Decimal("6706400.00")
    assert province.spent is None
    assert (province.evidence["planned"].row, province.evidence["planned"].col) == (2, 1)
    assert county.evidence["name"].text == "市县财政"


def test_column_headers_give_total_row_rate_weight_score_and_sources() -> None:
    facts = _read(CENTRAL)
    values = {m.quantity: m.value for m in facts.mentions}
    assert values == {
        "planned": Decimal("72900.00"), "adjusted": Decimal("80000.00"), "spent": Decimal("72900.00"),
        "execution_rate": Decimal("100"),
    }  # fmt: skip
    assert facts.extras == {"execution_weight": Decimal("10"), "execution_score": Decimal("9.11")}
    assert facts.extras_evidence["execution_score"].resolution == Decimal("0.01")
    assert [s.name for s in facts.sources] == ["当年财政拨款", "上年结转资金", "其他资金"]
    assert facts.sources[0].adjusted == Decimal("80000.00")
    assert facts.sources[1].planned is None


def test_unit_from_a_note_or_a_cell_and_no_unit_means_not_read() -> None:
    in_yuan = [["单位：元", "<", "<"], ["项目", "预算数", "执行数"], ["合计", "250000.00", "215,457.6"]]
    values = {m.quantity: m.value for m in _read(in_yuan).mentions}
    assert values == {"planned": Decimal("250000.00"), "spent": Decimal("215457.6")}
    unitless = [["项目", "预算数", "执行数"], ["合计", "250000.00", "215457.6"]]
    assert _read(unitless).mentions == []
    with_units = [["项目", "预算数", "执行数"], ["合计", "25万元", "21.5万元"]]
    assert {m.value for m in _read(with_units).mentions} == {Decimal("250000"), Decimal("215000.0")}


def test_a_table_without_two_budget_labels_is_not_a_funds_block() -> None:
    assert _read([["项目名称", "综合事务"], ["实际到位资金", "670.64"]]).mentions == []


def test_a_sources_heading_row_is_not_a_source() -> None:
    rows = [
        ["年初预算数（万元）", "25.00", "全年执行数（万元）", "21.55"],
        ["资金来源", "", "", ""],
        ["当年财政拨款", "25.00", "当年财政拨款", "21.55"],
    ]
    facts = _read(rows)
    assert [(s.name, s.planned, s.spent) for s in facts.sources] == [
        ("当年财政拨款", Decimal("250000.00"), Decimal("215500.00"))
    ]


def test_funds_weight_from_the_block_label_and_self_score_column() -> None:
    local20 = [
        ["预算执行情况（元）（20分）", "<", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        ["^", "合计", "7,123,491.00", "6,837,872.00", "95.99%", "19.20"],
        ["^", "其中：财政拨款", "5,521,305.00", "5,235,686.00", "", ""],
    ]
    facts = _read(local20)
    assert facts.extras == {"execution_score": Decimal("19.20"), "execution_weight": Decimal("20")}
    assert facts.extras_evidence["execution_weight"].text == "预算执行情况（元）（20分）"
    assert {m.quantity: m.value for m in facts.mentions}["planned"] == Decimal("7123491.00")
    hubei = [
        ["项目资金（万元）", "<", "年初预算数", "调整后预算数", "执行数", "执行率", "分值", "自评分"],
        ["^", "合计", "29.37", "29.37", "28.78", "98.0%", "10", "9.8"],
    ]
    assert _read(hubei).extras == {"execution_weight": Decimal("10"), "execution_score": Decimal("9.8")}


def test_a_rate_printed_as_a_fraction_is_a_percent_with_a_plain_resolution() -> None:
    rows = [["项目资金（万元）", "年初预算数", "全年执行数", "执行率"], ["年度资金总额", "10", "10", "1"]]
    (rate,) = [m for m in _read(rows).mentions if m.quantity == "execution_rate"]
    assert rate.value == 100 and str(rate.evidence.resolution) == "100"
