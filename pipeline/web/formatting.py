"""Jinja filters: money, rates and scores as a reviewer reads them. Every filter returns plain text (escaped later)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from jinja2 import Environment

from models.report import Evidence
from pipeline.web.layout import evidence_loc

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_NAMES = {
    "evaluation_report": "绩效评价报告",
    "self_evaluation_form": "绩效自评表",
    "department_report": "部门报告",
    "unknown": "未识别",
    "unreadable": "无法读取",
}
STATUS_NAMES = {"ok": "已处理", "unreadable": "无法读取", "limit": "超出限制", "crashed": "处理失败"}
VERDICT_NAMES = {"confirmed": "已确认", "dismissed": "已驳回"}
_TEN_THOUSAND = Decimal(10000)


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def wan(value: Decimal | None) -> str:
    """The same amount in 万元, as most reports print it: 5580100.00 → 558.01万."""
    if value is None:
        return ""
    text = format((value / _TEN_THOUSAND).normalize(), "f")
    return f"{text}万"


def number(value: Decimal | int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return str(value)


def percent(value: Decimal | None) -> str:
    return "" if value is None else f"{format(value, 'f')}%"


def moment(value: datetime | None) -> str:
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def place(evidence: Evidence) -> str:
    """Where a figure is, in words: 第1页 表2 第6行第6列 / 第38段."""
    return evidence.place() or "文件"


def options(values: Iterable[object], names: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(value, label) pairs for a <select>."""
    return [(str(v), (names or {}).get(str(v), str(v))) for v in values]


def install(env: Environment) -> None:
    env.filters.update(money=money, wan=wan, number=number, percent=percent, moment=moment, place=place)
    env.globals.update(
        options=options,
        evidence_loc=evidence_loc,
        SEVERITY_NAMES=SEVERITY_NAMES,
        KIND_NAMES=KIND_NAMES,
        STATUS_NAMES=STATUS_NAMES,
        VERDICT_NAMES=VERDICT_NAMES,
    )
