"""Reviewer decisions: confirm or dismiss a finding, with a comment, a name and a time.

A decision names its finding by key (rule plus evidence locations), not by row id, so
re-extracting the same file — which replaces every finding row — keeps it attached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import select

from pipeline.store.schema import DecisionRow, DocumentRow
from pipeline.store.store import Store

Verdict = Literal["confirmed", "dismissed"]
VERDICTS: tuple[Verdict, ...] = ("confirmed", "dismissed")
MAX_COMMENT = 4000
MAX_REVIEWER = 100


@dataclass(frozen=True)
class Decision:
    finding_key: str
    verdict: Verdict
    comment: str
    reviewer: str
    decided_at: datetime


def decide(store: Store, sha256: str, finding_key: str, verdict: Verdict, comment: str, reviewer: str) -> Decision:
    """Record (or replace) the decision on one finding of a stored document."""
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    comment, reviewer = comment.strip()[:MAX_COMMENT], reviewer.strip()[:MAX_REVIEWER]
    now = datetime.now(UTC)
    with store.session() as session, session.begin():
        document_id = session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))
        if document_id is None:
            raise LookupError(f"no stored document {sha256}")
        query = select(DecisionRow).where(
            DecisionRow.document_id == document_id, DecisionRow.finding_key == finding_key
        )
        row = session.scalar(query)
        if row is None:
            row = DecisionRow(document_id=document_id, finding_key=finding_key)
            session.add(row)
        row.verdict, row.comment, row.reviewer, row.decided_at = verdict, comment, reviewer, now
    return Decision(finding_key, verdict, comment, reviewer, now)


def reopen(store: Store, sha256: str, finding_key: str) -> bool:
    """Withdraw the decision on a finding; False when there was none."""
    with store.session() as session, session.begin():
        query = (
            select(DecisionRow)
            .join(DocumentRow, DocumentRow.id == DecisionRow.document_id)
            .where(DocumentRow.sha256 == sha256, DecisionRow.finding_key == finding_key)
        )
        row = session.scalar(query)
        if row is None:
            return False
        session.delete(row)
        return True


def decisions_of(store: Store, sha256: str) -> dict[str, Decision]:
    """Every decision on a document, by finding key."""
    with store.session() as session:
        query = (
            select(DecisionRow)
            .join(DocumentRow, DocumentRow.id == DecisionRow.document_id)
            .where(DocumentRow.sha256 == sha256)
        )
        return {
            row.finding_key: Decision(
                row.finding_key,
                row.verdict,
                row.comment,
                row.reviewer,
                _aware(row.decided_at),  # type: ignore[arg-type]
            )
            for row in session.scalars(query)
        }


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
