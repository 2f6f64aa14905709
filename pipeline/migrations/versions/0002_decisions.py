"""Reviewer decisions on findings; indexes for the review page's document list

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("finding_key", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_decisions_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("document_id", "finding_key", name=op.f("uq_decisions_document_id")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_document_id"), ["document_id"], unique=False)
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index("ix_findings_report_id_rule", ["report_id", "rule"], unique=False)
        batch_op.create_index("ix_findings_report_id_severity", ["report_id", "severity"], unique=False)
        batch_op.create_index("ix_findings_rule_severity", ["rule", "severity"], unique=False)
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index("ix_reports_project_name", ["project_name"], unique=False)
        batch_op.create_index("ix_reports_year_document_id", ["year", "document_id"], unique=False)
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_processed_at", ["processed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_processed_at")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index("ix_reports_year_document_id")
        batch_op.drop_index("ix_reports_project_name")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_rule_severity")
        batch_op.drop_index("ix_findings_report_id_severity")
        batch_op.drop_index("ix_findings_report_id_rule")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_document_id"))
    op.drop_table("decisions")
