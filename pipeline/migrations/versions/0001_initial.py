"""Initial schema: documents, reports and everything extracted from them

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipeline.store.types import DecimalText

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Exact numbers: NUMERIC on PostgreSQL, exact decimal text on SQLite (see pipeline.store.types).
MONEY = sa.Numeric(precision=18, scale=2).with_variant(DecimalText(length=40), "sqlite")
NUMBER = sa.Numeric().with_variant(DecimalText(length=40), "sqlite")
JSON = sa.JSON()


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("seconds", NUMBER, nullable=True),
        sa.Column("peak_memory_bytes", sa.BigInteger(), nullable=True),
        sa.Column("tool_version", sa.String(length=32), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_status"), ["status"], unique=False)

    op.create_table(
        "document_paths",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_document_paths_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_paths")),
        sa.UniqueConstraint("document_id", "path", name=op.f("uq_document_paths_document_id")),
    )
    with op.batch_alter_table("document_paths", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_paths_document_id"), ["document_id"], unique=False)

    op.create_table(
        "parsed_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("content", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_parsed_documents_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_parsed_documents")),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("schema_version", sa.String(length=8), nullable=False),
        sa.Column("project_name", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("implementing_unit", sa.Text(), nullable=True),
        sa.Column("competent_department", sa.Text(), nullable=True),
        sa.Column("leader", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("postcode", sa.Text(), nullable=True),
        sa.Column("project_type", sa.String(length=16), nullable=True),
        sa.Column("goal_expected", sa.Text(), nullable=True),
        sa.Column("goal_actual", sa.Text(), nullable=True),
        sa.Column("conclusion", sa.Text(), nullable=True),
        sa.Column("total_score", NUMBER, nullable=True),
        sa.Column("grade", sa.String(length=4), nullable=True),
        sa.Column("project_evidence", JSON, nullable=False),
        sa.Column("evidence", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_reports_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.UniqueConstraint("document_id", name=op.f("uq_reports_document_id")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_implementing_unit"), ["implementing_unit"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_year"), ["year"], unique=False)

    op.create_table(
        "budgets",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("planned", MONEY, nullable=True),
        sa.Column("adjusted", MONEY, nullable=True),
        sa.Column("received", MONEY, nullable=True),
        sa.Column("spent", MONEY, nullable=True),
        sa.Column("balance", MONEY, nullable=True),
        sa.Column("execution_rate", NUMBER, nullable=True),
        sa.Column("execution_weight", NUMBER, nullable=True),
        sa.Column("execution_score", NUMBER, nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("evidence", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_budgets_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_budgets")),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_findings_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_key"), ["key"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_report_id"), ["report_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_rule"), ["rule"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_severity"), ["severity"], unique=False)

    op.create_table(
        "funding_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("planned", MONEY, nullable=True),
        sa.Column("adjusted", MONEY, nullable=True),
        sa.Column("received", MONEY, nullable=True),
        sa.Column("spent", MONEY, nullable=True),
        sa.Column("evidence", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_funding_sources_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_sources")),
    )
    with op.batch_alter_table("funding_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funding_sources_report_id"), ["report_id"], unique=False)

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.Text(), nullable=True),
        sa.Column("level1_weight", NUMBER, nullable=True),
        sa.Column("level2", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("actual", sa.Text(), nullable=True),
        sa.Column("weight", NUMBER, nullable=True),
        sa.Column("score", NUMBER, nullable=True),
        sa.Column("tiers", JSON, nullable=True),
        sa.Column("deviation_reason", sa.Text(), nullable=True),
        sa.Column("evidence", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_indicators_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicators_report_id"), ["report_id"], unique=False)

    op.create_table(
        "score_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.Text(), nullable=True),
        sa.Column("level1_weight", NUMBER, nullable=True),
        sa.Column("level2", sa.Text(), nullable=True),
        sa.Column("level2_weight", NUMBER, nullable=True),
        sa.Column("level3", sa.Text(), nullable=True),
        sa.Column("weight", NUMBER, nullable=True),
        sa.Column("score", NUMBER, nullable=True),
        sa.Column("evidence", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_score_rows_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_rows")),
    )
    with op.batch_alter_table("score_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_score_rows_report_id"), ["report_id"], unique=False)

    op.create_table(
        "spending_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", MONEY, nullable=True),
        sa.Column("evidence", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_spending_items_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spending_items")),
    )
    with op.batch_alter_table("spending_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_spending_items_report_id"), ["report_id"], unique=False)

    op.create_table(
        "finding_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("table_index", sa.Integer(), nullable=True),
        sa.Column("row_index", sa.Integer(), nullable=True),
        sa.Column("col_index", sa.Integer(), nullable=True),
        sa.Column("paragraph", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("bbox", JSON, nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("resolution", NUMBER, nullable=True),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["findings.id"], name=op.f("fk_finding_evidence_finding_id_findings"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_evidence")),
    )
    with op.batch_alter_table("finding_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_evidence_finding_id"), ["finding_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("finding_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_evidence_finding_id"))

    op.drop_table("finding_evidence")
    with op.batch_alter_table("spending_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spending_items_report_id"))

    op.drop_table("spending_items")
    with op.batch_alter_table("score_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_score_rows_report_id"))

    op.drop_table("score_rows")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicators_report_id"))

    op.drop_table("indicators")
    with op.batch_alter_table("funding_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funding_sources_report_id"))

    op.drop_table("funding_sources")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_severity"))
        batch_op.drop_index(batch_op.f("ix_findings_rule"))
        batch_op.drop_index(batch_op.f("ix_findings_report_id"))
        batch_op.drop_index(batch_op.f("ix_findings_key"))

    op.drop_table("findings")
    op.drop_table("budgets")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_year"))
        batch_op.drop_index(batch_op.f("ix_reports_implementing_unit"))

    op.drop_table("reports")
    op.drop_table("parsed_documents")
    with op.batch_alter_table("document_paths", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_paths_document_id"))

    op.drop_table("document_paths")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_status"))
        batch_op.drop_index(batch_op.f("ix_documents_kind"))

    op.drop_table("documents")
    op.drop_table("blobs")
