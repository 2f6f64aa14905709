"""Column types that keep numbers exact on every backend.

PostgreSQL has a real NUMERIC and keeps the scale it is given (91.760 stays 91.760).
SQLite has none: a NUMERIC column there turns values into binary floats, so on SQLite
the same columns hold the exact decimal text instead ("6706400.00").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator[Decimal]):
    """A `Decimal` stored as its exact text (SQLite)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return format(Decimal(value), "f")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


def money() -> Any:
    """Yuan with two decimals: NUMERIC(18, 2)."""
    return Numeric(18, 2, asdecimal=True).with_variant(DecimalText(), "sqlite")


def exact_number() -> Any:
    """A rate, weight or score with the decimals it was printed with: unconstrained NUMERIC."""
    return Numeric(asdecimal=True).with_variant(DecimalText(), "sqlite")
