"""The document list: filters, sorting and pages that stay bounded however many documents are stored.

Pages are LIMIT/OFFSET over an order an index already holds (documents.id, reports.year,
reports.project_name …), so the database walks the index and stops after one page
instead of sorting everything; filters on findings are EXISTS probes of (report_id, rule).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from pipeline.store.schema import DecisionRow, DocumentRow, FindingRow, PathRow, ReportRow

PER_PAGE = 25
MAX_PAGE_SIZE = 200

_FINDING_COUNT = select(func.count()).where(FindingRow.report_id == ReportRow.id).correlate(ReportRow).scalar_subquery()
SORTS: dict[str, tuple[Any, ...]] = {
    "newest": (DocumentRow.id.desc(),),
    "oldest": (DocumentRow.id.asc(),),
    "project": (ReportRow.project_name.asc(), ReportRow.id.asc()),
    "unit": (ReportRow.implementing_unit.asc(), ReportRow.id.asc()),
    "year": (ReportRow.year.desc(), ReportRow.id.desc()),
    "findings": (_FINDING_COUNT.desc(), DocumentRow.id.desc()),
}
"""Sort name → ORDER BY. All but `findings` follow an index; `findings` counts per document (see the benchmark)."""


@dataclass(frozen=True)
class ListQuery:
    project: str = ""
    unit: str = ""
    year: int | None = None
    kind: str = ""
    status: str = ""
    rule: str = ""
    severity: str = ""
    sort: str = "newest"
    page: int = 1
    per_page: int = PER_PAGE

    def normalised(self) -> ListQuery:
        return replace(
            self,
            project=self.project.strip()[:200],
            unit=self.unit.strip()[:200],
            sort=self.sort if self.sort in SORTS else "newest",
            page=max(1, self.page),
            per_page=min(max(1, self.per_page), MAX_PAGE_SIZE),
        )

    def params(self, **changes: Any) -> str:
        """The query string of this view with some parameters changed (for links)."""
        values = {**self.__dict__, **changes}
        defaults = ListQuery().__dict__
        kept = {k: v for k, v in values.items() if v not in (None, "") and v != defaults[k]}
        return urlencode(kept)


@dataclass
class ListRow:
    sha256: str
    kind: str
    status: str
    format: str | None
    processed_at: datetime
    project_name: str | None
    year: int | None
    unit: str | None
    total_score: Decimal | None
    grade: str | None
    path: str = ""
    findings: dict[str, int] = field(default_factory=dict)
    """severity → findings"""
    decided: int = 0

    @property
    def finding_total(self) -> int:
        return sum(self.findings.values())

    @property
    def open_findings(self) -> int:
        return self.finding_total - self.decided


@dataclass
class ListPage:
    query: ListQuery
    rows: list[ListRow]
    total: int
    capped: bool = False
    """True when more than `total` documents match (the count stopped at COUNT_CAP)."""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))

    @property
    def has_next(self) -> bool:
        return len(self.rows) == self.query.per_page and (self.capped or self.query.page < self.pages)


def filtered(query: ListQuery, columns: tuple[Any, ...], whole_set: bool = False) -> Select[Any]:
    """SELECT columns FROM documents JOIN reports, with the query's filters applied.

    Finding filters probe each document (EXISTS) for a page, which stops after one page's
    matches; `whole_set` reads the matching findings once instead (IN), cheaper when
    every match is wanted, as when counting or aggregating.
    """
    statement = select(*columns).select_from(DocumentRow).join(ReportRow, ReportRow.document_id == DocumentRow.id)
    if query.project:
        statement = statement.where(ReportRow.project_name.contains(query.project, autoescape=True))
    if query.unit:
        statement = statement.where(
            or_(
                ReportRow.implementing_unit.contains(query.unit, autoescape=True),
                ReportRow.competent_department.contains(query.unit, autoescape=True),
            )
        )
    if query.year is not None:
        statement = statement.where(ReportRow.year == query.year)
    if query.kind:
        statement = statement.where(DocumentRow.kind == query.kind)
    if query.status:
        statement = statement.where(DocumentRow.status == query.status)
    finding_conditions = []
    if query.rule:
        finding_conditions.append(FindingRow.rule == query.rule)
    if query.severity:
        finding_conditions.append(FindingRow.severity == query.severity)
    if finding_conditions and whole_set:
        statement = statement.where(ReportRow.id.in_(select(FindingRow.report_id).where(*finding_conditions)))
    elif finding_conditions:
        statement = statement.where(exists().where(FindingRow.report_id == ReportRow.id, *finding_conditions))
    return statement


_ROW_COLUMNS = (
    DocumentRow.id,
    ReportRow.id,
    DocumentRow.sha256,
    DocumentRow.kind,
    DocumentRow.status,
    DocumentRow.format,
    DocumentRow.processed_at,
    ReportRow.project_name,
    ReportRow.year,
    ReportRow.implementing_unit,
    ReportRow.total_score,
    ReportRow.grade,
)


def _order(query: ListQuery) -> tuple[Any, ...]:
    if query.sort in ("newest", "oldest") and query.year is not None and not (query.kind or query.status):
        # the same order read from reports.document_id, so the (year, document_id) index serves filter and order
        column = ReportRow.document_id
        return (column.desc() if query.sort == "newest" else column.asc(),)
    return SORTS[query.sort]


def page_statement(query: ListQuery) -> Select[Any]:
    query = query.normalised()
    return (
        filtered(query, _ROW_COLUMNS)
        .order_by(*_order(query))
        .limit(query.per_page)
        .offset((query.page - 1) * query.per_page)
    )


COUNT_CAP = 10_000
"""Filtered totals are counted up to here: past it the list says "10,000+" and a page stays bounded."""


def count_documents(session: Session, query: ListQuery) -> tuple[int, bool]:
    """(documents matching the query, whether the count stopped at COUNT_CAP)."""
    if query == ListQuery(sort=query.sort, page=query.page, per_page=query.per_page):
        # no filter: the smallest index of documents answers
        return session.scalar(select(func.count()).select_from(DocumentRow)) or 0, False
    capped = filtered(query, (DocumentRow.id,), whole_set=True).limit(COUNT_CAP + 1).subquery()
    total = session.scalar(select(func.count()).select_from(capped)) or 0
    return min(total, COUNT_CAP), total > COUNT_CAP


def list_documents(session: Session, query: ListQuery) -> ListPage:
    query = query.normalised()
    total, capped = count_documents(session, query)
    found = session.execute(page_statement(query)).all()
    rows: dict[int, ListRow] = {}
    report_ids: dict[int, int] = {}
    for document_id, report_id, *values in found:
        rows[document_id] = ListRow(*values)
        report_ids[report_id] = document_id
    _add_counts(session, rows, report_ids)
    return ListPage(query=query, rows=list(rows.values()), total=total, capped=capped)


def _add_counts(session: Session, rows: dict[int, ListRow], report_ids: dict[int, int]) -> None:
    """Per-page extras in three small IN queries: finding counts by severity, decided findings, first path."""
    if not rows:
        return
    counts = select(FindingRow.report_id, FindingRow.severity, func.count()).where(FindingRow.report_id.in_(report_ids))
    for report_id, severity, n in session.execute(counts.group_by(FindingRow.report_id, FindingRow.severity)):
        rows[report_ids[report_id]].findings[severity] = n
    decided = (
        select(ReportRow.document_id, func.count())
        .join(FindingRow, FindingRow.report_id == ReportRow.id)
        .join(
            DecisionRow,
            and_(DecisionRow.document_id == ReportRow.document_id, DecisionRow.finding_key == FindingRow.key),
        )
        .where(ReportRow.id.in_(report_ids))
        .group_by(ReportRow.document_id)
    )
    for document_id, n in session.execute(decided):
        rows[document_id].decided = n
    first_paths: dict[int, str] = defaultdict(str)
    paths = select(PathRow.document_id, PathRow.path).where(PathRow.document_id.in_(rows)).order_by(PathRow.id.desc())
    for document_id, path in session.execute(paths):
        first_paths[document_id] = path  # descending ids: the first path written last wins
    for document_id, path in first_paths.items():
        rows[document_id].path = path


def distinct_years(session: Session) -> list[int]:
    """Years for the filter menu, read from the year index."""
    years = session.scalars(select(ReportRow.year).where(ReportRow.year.is_not(None)).distinct())
    return sorted(years, reverse=True)
