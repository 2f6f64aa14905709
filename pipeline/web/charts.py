"""Charts drawn on the server as SVG geometry (the template draws the shapes): no chart library, no JS.

Counts come from GROUP BY queries over the same filtered documents as the list.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Numeric, String, and_, case, cast, func, select, type_coerce
from sqlalchemy.orm import Session

from pipeline.store.schema import BudgetRow, FindingRow, ReportRow
from pipeline.web.listing import ListQuery, filtered

SEVERITY_ORDER = ("error", "warning", "info")
RATE_BINS: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("<50%", None, Decimal(50)),
    ("50–70%", Decimal(50), Decimal(70)),
    ("70–80%", Decimal(70), Decimal(80)),
    ("80–90%", Decimal(80), Decimal(90)),
    ("90–95%", Decimal(90), Decimal(95)),
    ("95–100%", Decimal(95), Decimal(100)),
    ("100%", Decimal(100), Decimal("100.0000001")),
    (">100%", Decimal("100.0000001"), None),
)
"""Execution-rate bins: lower bound inclusive, upper exclusive. 90% is where a missing reason gets flagged."""


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    severity: str
    value: int


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: float
    segments: tuple[Segment, ...]
    href: str


@dataclass(frozen=True)
class HBarChart:
    """Horizontal bars, one per label, each split by severity."""

    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    bar_height: int
    max_value: int


@dataclass(frozen=True)
class Column:
    label: str
    value: int
    x: float
    y: float
    height: float
    href: str
    highlight: bool = False


@dataclass(frozen=True)
class ColumnChart:
    title: str
    columns: tuple[Column, ...]
    width: int
    height: int
    column_width: float
    baseline: float
    max_value: int


def _hbars(title: str, counts: dict[str, Counter[str]], hrefs: dict[str, str], width: int = 560) -> HBarChart:
    label_width, bar_height, gap = 210, 18, 6
    ordered = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    peak = max((sum(c.values()) for _, c in ordered), default=0) or 1
    scale = (width - label_width - 50) / peak
    bars = []
    for i, (label, by_severity) in enumerate(ordered):
        x = float(label_width)
        segments = []
        for severity in SEVERITY_ORDER:
            n = by_severity.get(severity, 0)
            if n:
                segments.append(Segment(x=x, width=max(n * scale, 1.0), severity=severity, value=n))
                x += n * scale
        bars.append(Bar(label, sum(by_severity.values()), i * (bar_height + gap) + 4, tuple(segments), hrefs[label]))
    height = max(len(bars), 1) * (bar_height + gap) + 8
    return HBarChart(title, tuple(bars), width, height, label_width, bar_height, peak)


def _columns(title: str, values: list[tuple[str, int, str, bool]], width: int = 560, height: int = 220) -> ColumnChart:
    top, bottom, left = 16, 36, 8
    peak = max((v for _, v, _, _ in values), default=0) or 1
    slot = (width - left * 2) / max(len(values), 1)
    usable = height - top - bottom
    columns = []
    for i, (label, value, href, highlight) in enumerate(values):
        bar = value / peak * usable
        columns.append(Column(label, value, left + i * slot + slot * 0.15, top + usable - bar, bar, href, highlight))
    return ColumnChart(title, tuple(columns), width, height, slot * 0.7, float(top + usable), peak)


def _unfiltered(query: ListQuery) -> bool:
    return query.normalised() == ListQuery().normalised()


def findings_by_rule(session: Session, query: ListQuery) -> HBarChart:
    statement = select(FindingRow.rule, FindingRow.severity, func.count()).group_by(
        FindingRow.rule, FindingRow.severity
    )
    if not _unfiltered(query):
        documents = filtered(query.normalised(), (ReportRow.id,), whole_set=True).subquery()
        statement = statement.where(FindingRow.report_id.in_(select(documents.c.id)))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rule, severity, n in session.execute(statement):
        counts[rule][severity] += n
    hrefs = {rule: "/?" + query.params(rule=rule, page=1) for rule in counts}
    return _hbars("按规则统计的问题", counts, hrefs, width=900)


def findings_by_year(session: Session, query: ListQuery) -> HBarChart:
    # one group per year, severities summed side by side: the year index gives the groups in order, no sort
    per_severity = [func.sum(case((FindingRow.severity == severity, 1), else_=0)) for severity in SEVERITY_ORDER]
    statement = (
        select(ReportRow.year, *per_severity)
        .join(FindingRow, FindingRow.report_id == ReportRow.id)
        .group_by(ReportRow.year)
    )
    if not _unfiltered(query):
        documents = filtered(query.normalised(), (ReportRow.id,), whole_set=True).subquery()
        statement = statement.where(ReportRow.id.in_(select(documents.c.id)))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    years: dict[str, int | None] = {}
    for year, *numbers in session.execute(statement):
        label = "年度不详" if year is None else f"{year}年"
        years[label] = year
        counts[label].update({s: int(n or 0) for s, n in zip(SEVERITY_ORDER, numbers, strict=True) if n})
    hrefs = {label: "/?" + query.params(year=years[label], page=1) for label in counts}
    chart = _hbars("按年度统计的问题", counts, hrefs)
    # years read better in order than by size
    bars = sorted(chart.bars, key=lambda bar: -(years[bar.label] or 0))
    step = chart.bar_height + 6
    reordered = tuple(Bar(b.label, b.value, i * step + 4, b.segments, b.href) for i, b in enumerate(bars))
    return HBarChart(
        chart.title, reordered, chart.width, chart.height, chart.label_width, chart.bar_height, chart.max_value
    )


def execution_rates(session: Session, query: ListQuery) -> ColumnChart:
    # SQLite keeps rates as exact decimal text: compare them as numbers there, only to pick a bin
    rate = BudgetRow.execution_rate
    if session.get_bind().dialect.name == "sqlite":
        rate = cast(type_coerce(BudgetRow.execution_rate, String), Numeric)  # type: ignore[assignment]
    conditions = []
    for label, low, high in RATE_BINS:
        bounds = []
        if low is not None:
            bounds.append(rate >= low)
        if high is not None:
            bounds.append(rate < high)
        conditions.append((and_(*bounds), label))
    binned = case(*conditions, else_=RATE_BINS[-1][0]).label("bin")
    statement = select(binned, func.count()).where(BudgetRow.execution_rate.is_not(None)).group_by(binned)
    if not _unfiltered(query):
        documents = filtered(query.normalised(), (ReportRow.id,), whole_set=True).subquery()
        statement = statement.where(BudgetRow.report_id.in_(select(documents.c.id)))
    bins: Counter[str] = Counter(dict(session.execute(statement).all()))  # type: ignore[arg-type]
    values = [(label, bins[label], "", label in ("<50%", "50–70%", "70–80%", "80–90%")) for label, _, _ in RATE_BINS]
    return _columns("预算执行率分布（份数）", values)
