"""budget.amount_mismatch and spending.items_sum: one quantity printed twice, itemised amounts."""

from __future__ import annotations

from decimal import Decimal

from models.facts import Facts, Itemisation, Mention, Part
from tests.rules_builders import cell, extraction, findings, funds, money_at, para


def mention(quantity: str, label: str, evidence, unit: str = "万元") -> Mention:
    value, located = money_at(evidence, unit)
    return Mention(
        quantity=quantity,
        value=value,
        evidence=located,
        label=label,
        origin="table" if located.table else "text",
        unit=unit,
    )


def test_seed_spent_printed_558_01_in_the_table_and_512_02_in_the_text() -> None:
    mentions = [
        mention("spent", "实际使用情况", cell(2, 4, 5, "558.01")),
        mention("spent", "共支出", para(14, "共支出512.02万元")),
        mention("spent", "共支付", para(40, "共支付512.02万元")),
    ]
    recorded = funds(spent="512.02")
    recorded["budget"]["evidence"]["spent"] = mentions[1].evidence
    data = extraction(facts=Facts(mentions=mentions), **recorded)
    [finding] = findings(data, "budget.amount_mismatch")
    assert finding.severity == "warning" and finding.code is None
    assert "558.01万元" in finding.message and "512.02万元" in finding.message
    assert [e.key() for e in finding.evidence][:2] == [(None, 2, 4, 5, None), (None, None, None, None, 14)]
    assert not any(e.paragraph == 40 for e in finding.evidence)


def test_yuan_printed_where_wan_yuan_was_meant_is_a_unit_slip() -> None:
    mentions = [
        mention("planned", "年初预算数", cell(1, 1, 1, "200")),
        mention("planned", "预算安排", para(5, "年初预算安排200元"), unit="元"),
    ]
    [finding] = findings(extraction(facts=Facts(mentions=mentions)), "budget.amount_mismatch")
    assert finding.code == "UNIT_SLIP" and "200元" in finding.message and "200万元" in finding.message


def test_printings_equal_within_their_rounding_are_silent() -> None:
    mentions = [
        mention("planned", "计划投资额", cell(2, 4, 1, "670.64")),
        mention("planned", "概算总投资", para(10, "概算总投资为670.6万元")),
        mention("received", "实际到位资金", cell(2, 4, 3, "670.64")),
    ]
    assert findings(extraction(facts=Facts(mentions=mentions)), "budget.amount_mismatch") == []


def test_the_record_value_counts_as_a_printing_when_no_mention_holds_it() -> None:
    mentions = [mention("balance", "结余", para(41, "结余45.99万元未支出"))]
    data = extraction(facts=Facts(mentions=mentions), **funds(balance="54.99"))
    [finding] = findings(data, "budget.amount_mismatch")
    assert {e.key() for e in finding.evidence} == {(None, 1, 1, 8, None), (None, None, None, None, 41)}


def test_rates_printed_differently_are_compared_in_percentage_points() -> None:
    a = Mention(
        quantity="execution_rate",
        value=Decimal("91.76"),
        evidence=para(41, "预算执行率为91.76%"),
        label="预算执行率",
        origin="text",
        unit="%",
    )
    b = Mention(
        quantity="execution_rate",
        value=Decimal("91.8"),
        evidence=cell(3, 1, 5, "91.8%"),
        label="执行率",
        origin="table",
        unit="%",
    )
    c = Mention(
        quantity="execution_rate",
        value=Decimal("97.6"),
        evidence=para(50, "执行率97.6%"),
        label="执行率",
        origin="text",
        unit="%",
    )
    assert findings(extraction(facts=Facts(mentions=[a, b])), "budget.amount_mismatch") == []
    [finding] = findings(extraction(facts=Facts(mentions=[a, b, c])), "budget.amount_mismatch")
    assert "97.6%" in finding.message and len(finding.evidence) == 2


def _spending(whole_text: str, parts: list[str], unit: str = "yuan") -> Facts:
    whole, whole_evidence = money_at(para(14, whole_text))
    items = []
    for i, text in enumerate(parts):
        value, evidence = money_at(para(14, text))
        items.append(
            Part(name=f"项目{i + 1}", value=value, evidence=evidence.model_copy(update={"text": text + f"#{i}"}))
        )
    return Facts(
        itemisations=[Itemisation(label="共支出", whole=whole, whole_evidence=whole_evidence, parts=items, unit=unit)]
    )


SEED_ITEMS = [
    "25.39万元",
    "9.96万元",
    "11.06万元",
    "31.69万元",
    "0.94万元",
    "0.43万元",
    "179.10万元",
    "29.79万元",
    "4.42万元",
    "162.63万元",
    "56.61万元",
]


def test_seed_spending_items_add_up_to_512_02() -> None:
    assert findings(extraction(facts=_spending("共支出512.02万元", SEED_ITEMS)), "spending.items_sum") == []


def test_items_off_by_a_tenth_of_a_wan_yuan_are_an_error_in_the_printed_unit() -> None:
    items = [*SEED_ITEMS[:-1], "56.71万元"]
    [finding] = findings(extraction(facts=_spending("共支出512.02万元", items)), "spending.items_sum")
    assert finding.severity == "error"
    assert "512.12万元" in finding.message and "512.02万元" in finding.message and "0.10万元" in finding.message
    assert len(finding.evidence) == 12


def test_items_within_accumulated_rounding_or_with_a_blank_part_are_silent() -> None:
    # Eleven parts each rounded to 0.01万元 may be off by 550元 together.
    items = [*SEED_ITEMS[:-1], "56.66万元"]
    assert findings(extraction(facts=_spending("共支出512.02万元", items)), "spending.items_sum") == []
    facts = _spending("共支出512.02万元", SEED_ITEMS[:3])
    facts.itemisations[0].parts.append(Part(name="其他", value=None, evidence=para(14, "其他")))
    assert findings(extraction(facts=facts), "spending.items_sum") == []
