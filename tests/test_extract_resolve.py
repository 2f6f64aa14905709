"""One quantity printed with different values: the value the other figures corroborate, else the first."""

from __future__ import annotations

from decimal import Decimal

from models.facts import Itemisation, Mention, Part
from models.report import Evidence
from pipeline.extract.resolve import resolve_budget

WAN = Decimal(100)  # resolution of a 万元 figure with two decimals, in yuan


def _m(quantity: str, value: str, where: int, origin: str = "text", resolution: Decimal = WAN) -> Mention:
    return Mention(
        quantity=quantity, value=Decimal(value), label=quantity, origin=origin,  # type: ignore[arg-type]
        evidence=Evidence(paragraph=where, text=value, resolution=resolution),
    )  # fmt: skip


def test_the_corroborated_spending_wins_over_the_first_printing() -> None:
    mentions = [
        _m("planned", "6706400", 1, "table"),
        _m("spent", "5580100", 2, "table"),
        _m("adjusted", "5580100", 3),
        _m("spent", "5120200", 4),
        _m("balance", "459900", 5),
        _m("execution_rate", "91.76", 6, resolution=Decimal("0.01")),
    ]
    chosen = resolve_budget(mentions, [])
    assert chosen["spent"][0] == Decimal("5120200") and chosen["spent"][1].paragraph == 4
    assert chosen["planned"][0] == Decimal("6706400") and chosen["adjusted"][0] == Decimal("5580100")
    assert chosen["execution_rate"][0] == Decimal("91.76")


def test_itemised_parts_alone_decide() -> None:
    parts = [Part(name=n, value=Decimal(v), evidence=Evidence(paragraph=9, text=n, resolution=WAN))
             for n, v in (("甲", "300000"), ("乙", "212000"))]  # fmt: skip
    itemisation = Itemisation(
        label="共支出", whole=Decimal("512000"), whole_evidence=Evidence(paragraph=9), parts=parts
    )
    mentions = [_m("spent", "558000", 1, "table"), _m("spent", "512000", 9)]
    assert resolve_budget(mentions, [itemisation])["spent"][0] == Decimal("512000")


def test_nothing_decides_so_the_first_printing_wins() -> None:
    mentions = [_m("planned", "100000", 1), _m("planned", "120000", 2)]
    chosen = resolve_budget(mentions, [])
    assert chosen["planned"][0] == Decimal("100000") and chosen["planned"][1].paragraph == 1
    assert "spent" not in chosen and "execution_rate" not in chosen


def test_the_funds_table_rate_is_taken_as_printed_before_any_text_rate() -> None:
    mentions = [_m("execution_rate", "90", 1, resolution=Decimal(1)), _m("execution_rate", "86.19", 2, "table")]
    assert resolve_budget(mentions, [])["execution_rate"][0] == Decimal("86.19")
