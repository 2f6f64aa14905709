"""The store API: save one processed document in one transaction, read records back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload, sessionmaker

from models.document import Document
from models.report import Report
from pipeline.store.blobs import Blobs, FolderBlobs, TableBlobs
from pipeline.store.database import database_url, open_engine, sqlite_file, upgrade_to_head
from pipeline.store.rows import report_from_rows, report_row
from pipeline.store.schema import (
    DocumentRow,
    FindingRow,
    ParsedDocumentRow,
    PathRow,
    ReportRow,
)

Status = Literal["ok", "unreadable", "limit", "crashed"]
STATUSES: tuple[Status, ...] = ("ok", "unreadable", "limit", "crashed")
"""ok: read and checked; unreadable: bad input; limit: stopped past a time or memory limit;
crashed: the worker died for another reason (recorded so one file never stops a batch)."""


def tool_version() -> str:
    try:
        return version("perfaudit")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass
class Processed:
    """One document's result as the store takes it."""

    report: Report
    document: Document | None = None
    status: Status = "ok"
    error: str | None = None
    seconds: Decimal | None = None
    peak_memory_bytes: int | None = None
    size_bytes: int | None = None
    paths: list[str] = field(default_factory=list)
    """Every path the file was found under; the report's own `source.path` is always kept."""


@dataclass(frozen=True)
class Filters:
    """What `export` and `findings` select: documents by year/unit/kind, findings by rule/severity."""

    year: int | None = None
    unit: str | None = None
    kind: str | None = None
    rule: str | None = None
    severity: str | None = None

    def keeps(self, report: Report) -> bool:
        project = report.project
        if self.year is not None and project.year != self.year:
            return False
        units = (project.implementing_unit or "", project.competent_department or "")
        if self.unit is not None and not any(self.unit in unit for unit in units):
            return False
        return self.kind is None or report.kind == self.kind

    def keeps_finding(self, rule: str, severity: str) -> bool:
        return (self.rule is None or rule == self.rule) and (self.severity is None or severity == self.severity)

    @property
    def selects_findings(self) -> bool:
        return self.rule is not None or self.severity is not None


class Store:
    """A perfaudit database. Opening it brings its schema up to date (Alembic `upgrade head`)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        database_file = sqlite_file(self.url)
        if database_file is not None:
            database_file.parent.mkdir(parents=True, exist_ok=True)
        self.engine = open_engine(self.url)
        upgrade_to_head(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.blobs: Blobs = FolderBlobs(database_file.with_suffix(".files")) if database_file else TableBlobs()
        self.version = tool_version()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def session(self) -> Session:
        return self._sessions()

    # --- writing -------------------------------------------------------------------------

    def save(self, processed: Processed, original: bytes | Path | None = None) -> None:
        """Store (or replace) one document and everything extracted from it, in one transaction."""
        report = processed.report
        sha256 = report.source.sha256
        if not sha256:
            raise ValueError(f"cannot store {report.source.path!r}: it has no sha256 (the file could not be opened)")
        content = original.read_bytes() if isinstance(original, Path) else original
        now = datetime.now(UTC)
        with self._sessions.begin() as session:
            if content is not None:
                self.blobs.put(session, sha256, content)
            document = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            if document is None:
                document = DocumentRow(sha256=sha256)
                session.add(document)
            else:  # replace: the old report and parsed document go, the paths stay
                session.execute(delete(ReportRow).where(ReportRow.document_id == document.id))
                session.execute(delete(ParsedDocumentRow).where(ParsedDocumentRow.document_id == document.id))
                session.expire(document, ["report", "parsed"])
            document.format = report.source.format
            document.pages = report.source.pages
            document.size_bytes = processed.size_bytes if processed.size_bytes is not None else _size(content)
            document.kind = report.kind
            document.status = processed.status
            document.error = processed.error
            document.seconds = processed.seconds
            document.peak_memory_bytes = processed.peak_memory_bytes
            document.tool_version = self.version
            document.processed_at = now
            session.flush()
            known = {p.path for p in document.paths}
            for path in [report.source.path, *processed.paths]:
                if path and path not in known:
                    known.add(path)
                    document.paths.append(PathRow(path=path, first_seen=now))
            session.add(_with_document(report_row(report), document.id))
            if processed.document is not None:
                session.add(
                    ParsedDocumentRow(document_id=document.id, content=processed.document.model_dump(mode="json"))
                )

    def add_path(self, sha256: str, path: str) -> bool:
        """Record another path of a stored document; False when the document is not stored."""
        with self._sessions.begin() as session:
            document = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            if document is None:
                return False
            if path not in {p.path for p in document.paths}:
                document.paths.append(PathRow(path=path, first_seen=datetime.now(UTC)))
            return True

    # --- reading -------------------------------------------------------------------------

    def current_hashes(self, version: str | None = None) -> set[str]:
        """sha256 of every document stored by this tool version (what a re-run may skip)."""
        with self.session() as session:
            query = select(DocumentRow.sha256).where(DocumentRow.tool_version == (version or self.version))
            return set(session.scalars(query))

    def count_documents(self) -> int:
        with self.session() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def load_report(self, sha256: str) -> Report | None:
        with self.session() as session:
            document = session.scalar(_documents_query().where(DocumentRow.sha256 == sha256))
            return None if document is None else report_from_rows(document)

    def load_document(self, sha256: str) -> Document | None:
        with self.session() as session:
            query = select(ParsedDocumentRow.content).join(DocumentRow).where(DocumentRow.sha256 == sha256)
            content = session.scalar(query)
            return None if content is None else Document.model_validate(content)

    def original(self, sha256: str) -> bytes | None:
        with self.session() as session:
            return self.blobs.get(session, sha256)

    def paths(self, sha256: str) -> list[str]:
        with self.session() as session:
            query = select(PathRow.path).join(DocumentRow).where(DocumentRow.sha256 == sha256).order_by(PathRow.id)
            return list(session.scalars(query))

    def documents(self, filters: Filters | None = None, batch_size: int = 200) -> Iterator[tuple[DocumentRow, Report]]:
        """Stored documents with their records, in storage order, filtered; findings filtered too."""
        filters = filters or Filters()
        with self.session() as session:
            query = _documents_query().order_by(DocumentRow.id)
            if filters.year is not None:
                query = query.join(ReportRow).where(ReportRow.year == filters.year)
            if filters.kind is not None:
                query = query.where(DocumentRow.kind == filters.kind)
            for document in session.scalars(query.execution_options(yield_per=batch_size)):
                report = report_from_rows(document)
                if not filters.keeps(report):
                    continue
                if filters.selects_findings:
                    kept = [f for f in report.findings if filters.keeps_finding(f.rule, f.severity)]
                    if not kept:
                        continue
                    report = report.model_copy(update={"findings": kept})
                yield document, report

    def summary(self) -> Summary:
        with self.session() as session:
            documents = Counter(
                {(kind, status): n for kind, status, n in session.execute(_count(DocumentRow.kind, DocumentRow.status))}
            )
            findings = Counter(
                {(rule, sev): n for rule, sev, n in session.execute(_count(FindingRow.rule, FindingRow.severity))}
            )
        return Summary(documents=documents, findings=findings)


@dataclass
class Summary:
    documents: Counter[tuple[str, str]]
    """(kind, status) → documents."""
    findings: Counter[tuple[str, str]]
    """(rule, severity) → findings."""


def _count(*columns: InstrumentedAttribute[str]) -> Select[Any]:
    return select(*columns, func.count()).group_by(*columns)  # type: ignore[return-value]


def _documents_query() -> Select[Any]:
    report = selectinload(DocumentRow.report)
    return select(DocumentRow).options(
        selectinload(DocumentRow.paths),
        report.selectinload(ReportRow.budget),
        report.selectinload(ReportRow.sources),
        report.selectinload(ReportRow.spending_items),
        report.selectinload(ReportRow.scores),
        report.selectinload(ReportRow.indicators),
        report.selectinload(ReportRow.findings).selectinload(FindingRow.evidence),
    )


def _with_document(row: ReportRow, document_id: int) -> ReportRow:
    row.document_id = document_id
    return row


def _size(content: bytes | None) -> int | None:
    return None if content is None else len(content)
