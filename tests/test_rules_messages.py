"""Figures in messages are written in the unit they were printed in, places as people count them."""

from __future__ import annotations

from decimal import Decimal

from models.report import Evidence
from pipeline.validate import messages as say


def test_money_keeps_the_printed_unit_and_decimals() -> None:
    wan = Evidence(text="670.64", resolution=Decimal(100))
    assert say.money(Decimal("5121200"), wan) == "512.12万元"
    assert say.money_difference(Decimal("-1000"), Decimal("5120200"), wan) == "0.10万元"
    yuan = Evidence(text="10,690,000.00", resolution=Decimal("0.01"))
    assert say.money(Decimal("11590100"), yuan) == "11590100.00元"
    assert say.money(Decimal("2026400"), Evidence(text="2026400元")) == "2026400元"
    assert say.money(Decimal("550000"), Evidence(text="55", resolution=Decimal(10000))) == "55万元"
    assert say.money(Decimal("200"), Evidence(text="年初预算安排200元"), unit="元") == "200元"
    assert say.money(Decimal("3000000000"), Evidence(text="30亿元")) == "30亿元"
    assert say.money(Decimal("3050000000"), Evidence(text="30亿元")) == "30.50亿元"


def test_places_count_rows_and_columns_from_one() -> None:
    assert say.where(Evidence(table=2, row=5, col=5)) == "表2第6行第6列"
    assert say.where(Evidence(page=3, paragraph=23)) == "第3页第23段"
    assert say.where(None) == "位置不明"


def test_points_and_percentages() -> None:
    assert say.points(Decimal("8.50")) == "8.5分"
    assert say.points(Decimal("100")) == "100分"
    assert say.percent(Decimal("91.76")) == "91.76%"
    assert say.computed_percent(Decimal("79.459980713")) == "79.46%"
