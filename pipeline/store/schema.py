"""The database tables (SQLAlchemy 2). One row per stored document, keyed by its sha256.

Every table below `documents` hangs off it with ON DELETE CASCADE, so replacing a
document is "delete its report, insert the new one" in one transaction.
Reviewer decisions (confirm/dismiss a finding) live in `decisions`, keyed by the document
and `findings.key`, which stays stable across re-runs of a file; replacing a report keeps them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pipeline.store.types import exact_number, money

# plain JSON, not JSONB: JSONB reorders keys, and tier order (优良中差) and evidence order are data
JSONType = JSON()

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _parent(table: str) -> Any:
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


_CHILD: dict[str, Any] = {"cascade": "all, delete-orphan", "passive_deletes": True}


class _ReportListItem:
    """A row of one of a report's lists (sources, spending items, scores, indicators, findings), in printed order."""

    # sort_order -1: these lead each table, as in the migrations (mixin columns would otherwise come last)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-1)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True, sort_order=-1)
    position: Mapped[int] = mapped_column(sort_order=-1)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str | None] = mapped_column(String(16))
    pages: Mapped[int | None]
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    """ok | unreadable | limit | crashed — see `pipeline.store.STATUSES`."""
    error: Mapped[str | None] = mapped_column(Text)
    seconds: Mapped[Decimal | None] = mapped_column(exact_number())
    peak_memory_bytes: Mapped[int | None] = mapped_column(BigInteger)
    tool_version: Mapped[str] = mapped_column(String(32))
    processed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    paths: Mapped[list[PathRow]] = relationship(back_populates="document", order_by="PathRow.id", **_CHILD)
    report: Mapped[ReportRow | None] = relationship(back_populates="document", **_CHILD)
    parsed: Mapped[ParsedDocumentRow | None] = relationship(**_CHILD)


class PathRow(Base):
    """Every path a document was found under (the same bytes under two names are stored once)."""

    __tablename__ = "document_paths"
    __table_args__ = (UniqueConstraint("document_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _parent("documents")
    path: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    document: Mapped[DocumentRow] = relationship(back_populates="paths")


class ParsedDocumentRow(Base):
    """The parsed `Document` (paragraphs and tables) as JSON, for the review page."""

    __tablename__ = "parsed_documents"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSONType)


class BlobRow(Base):
    """Original files by sha256, for databases without a folder beside them (PostgreSQL)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class ReportRow(Base):
    """The contract record's top level and its project block (one per document)."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    schema_version: Mapped[str] = mapped_column(String(8))
    project_name: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    implementing_unit: Mapped[str | None] = mapped_column(Text, index=True)
    competent_department: Mapped[str | None] = mapped_column(Text)
    leader: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(Text)
    project_type: Mapped[str | None] = mapped_column(String(16))
    goal_expected: Mapped[str | None] = mapped_column(Text)
    goal_actual: Mapped[str | None] = mapped_column(Text)
    conclusion: Mapped[str | None] = mapped_column(Text)
    total_score: Mapped[Decimal | None] = mapped_column(exact_number())
    grade: Mapped[str | None] = mapped_column(String(4))
    project_evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)

    document: Mapped[DocumentRow] = relationship(back_populates="report")
    budget: Mapped[BudgetRow | None] = relationship(**_CHILD)
    sources: Mapped[list[FundingSourceRow]] = relationship(order_by="FundingSourceRow.position", **_CHILD)
    spending_items: Mapped[list[SpendingItemRow]] = relationship(order_by="SpendingItemRow.position", **_CHILD)
    scores: Mapped[list[ScoreRowRow]] = relationship(order_by="ScoreRowRow.position", **_CHILD)
    indicators: Mapped[list[IndicatorRow]] = relationship(order_by="IndicatorRow.position", **_CHILD)
    findings: Mapped[list[FindingRow]] = relationship(order_by="FindingRow.position", **_CHILD)


class BudgetRow(Base):
    __tablename__ = "budgets"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    planned: Mapped[Decimal | None] = mapped_column(money())
    adjusted: Mapped[Decimal | None] = mapped_column(money())
    received: Mapped[Decimal | None] = mapped_column(money())
    spent: Mapped[Decimal | None] = mapped_column(money())
    balance: Mapped[Decimal | None] = mapped_column(money())
    execution_rate: Mapped[Decimal | None] = mapped_column(exact_number())
    execution_weight: Mapped[Decimal | None] = mapped_column(exact_number())
    execution_score: Mapped[Decimal | None] = mapped_column(exact_number())
    reason: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)


class FundingSourceRow(_ReportListItem, Base):
    __tablename__ = "funding_sources"

    name: Mapped[str] = mapped_column(Text)
    planned: Mapped[Decimal | None] = mapped_column(money())
    adjusted: Mapped[Decimal | None] = mapped_column(money())
    received: Mapped[Decimal | None] = mapped_column(money())
    spent: Mapped[Decimal | None] = mapped_column(money())
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)


class SpendingItemRow(_ReportListItem, Base):
    __tablename__ = "spending_items"

    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal | None] = mapped_column(money())
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)


class ScoreRowRow(_ReportListItem, Base):
    __tablename__ = "score_rows"

    level1: Mapped[str | None] = mapped_column(Text)
    level1_weight: Mapped[Decimal | None] = mapped_column(exact_number())
    level2: Mapped[str | None] = mapped_column(Text)
    level2_weight: Mapped[Decimal | None] = mapped_column(exact_number())
    level3: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[Decimal | None] = mapped_column(exact_number())
    score: Mapped[Decimal | None] = mapped_column(exact_number())
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)


class IndicatorRow(_ReportListItem, Base):
    __tablename__ = "indicators"

    level1: Mapped[str | None] = mapped_column(Text)
    level1_weight: Mapped[Decimal | None] = mapped_column(exact_number())
    level2: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    actual: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[Decimal | None] = mapped_column(exact_number())
    score: Mapped[Decimal | None] = mapped_column(exact_number())
    tiers: Mapped[dict[str, str] | None] = mapped_column(JSONType)
    deviation_reason: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType)


class FindingRow(_ReportListItem, Base):
    __tablename__ = "findings"

    rule: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(16), index=True)
    code: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(64), index=True)
    """sha256 of the rule and its evidence locations: stable across re-runs of the same file."""

    evidence: Mapped[list[EvidenceRow]] = relationship(order_by="EvidenceRow.position", **_CHILD)


class EvidenceRow(Base):
    __tablename__ = "finding_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = _parent("findings")
    position: Mapped[int]
    page: Mapped[int | None]
    table_index: Mapped[int | None]
    row_index: Mapped[int | None]
    col_index: Mapped[int | None]
    paragraph: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text)
    bbox: Mapped[list[float] | None] = mapped_column(JSONType)
    confidence: Mapped[float | None] = mapped_column(Float)
    """OCR confidence 0–1: a measurement, not money, so a float is right."""
    resolution: Mapped[Decimal | None] = mapped_column(exact_number())


class DecisionRow(Base):
    """A reviewer's verdict on one finding. Keyed by document and finding key, so it outlives re-runs of the file."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("document_id", "finding_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _parent("documents")
    finding_key: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))
    """confirmed | dismissed"""
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# Indexes the review page's document list walks (filters by rule/severity, sorting by name or time).
Index("ix_findings_report_id_rule", FindingRow.report_id, FindingRow.rule)
Index("ix_findings_report_id_severity", FindingRow.report_id, FindingRow.severity)
Index("ix_findings_rule_severity", FindingRow.rule, FindingRow.severity)
Index("ix_reports_project_name", ReportRow.project_name)
Index("ix_reports_year_document_id", ReportRow.year, ReportRow.document_id)
Index("ix_documents_processed_at", DocumentRow.processed_at)
