"""A review-page database filled by really running the batch on the seed report (Word and PDF)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "samples" / "seed"
SEED_DOCX = SEED / "zonghe-shiwu-2020.docx"
SEED_PDF = SEED / "zonghe-shiwu-2020.pdf"
DATABASE_NAME = "review.db"


def build_seed_database(folder: Path) -> Path:
    """`perfaudit run` over both seed files into a fresh SQLite database, from the repository root,
    so the recorded paths read corpus/samples/seed/… as a user would have typed them."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / DATABASE_NAME
    seeds = [str(path.relative_to(ROOT)) for path in (SEED_DOCX, SEED_PDF)]
    command = [sys.executable, "-c", "from pipeline.cli import main; main()", "run", *seeds, "--db", str(database)]
    subprocess.run([*command, "--workers", "2"], cwd=ROOT, check=True, capture_output=True, timeout=300)
    with Store(str(database)) as store:
        assert store.count_documents() == 2
    return database


def shared_seed_database(base: Path) -> Path:
    """The seed database under the test session's base folder, built by the first test module that asks."""
    database = base / "seed-review" / DATABASE_NAME
    return database if database.exists() else build_seed_database(database.parent)


def copy_database(source: Path, folder: Path) -> Path:
    """A private copy (database file, its WAL and its folder of originals) that a test may change."""
    target = folder / "copy"
    shutil.copytree(source.parent, target)
    return target / source.name


def fill_documents(store: Store, count: int, start: int = 0, chunk: int = 5000) -> None:
    """Bulk-insert `count` plain documents (with report, budget, findings and a path) fast, for list scale tests.

    Row i: one of three kinds, eight years, ~1,000 project names, ~130 units, 0–7 findings.
    """
    from datetime import UTC, datetime
    from decimal import Decimal

    from sqlalchemy import insert

    from pipeline.store.schema import BudgetRow, DocumentRow, FindingRow, PathRow, ReportRow
    from pipeline.validate.registry import CONTRACT_RULE_IDS

    kinds = ("evaluation_report", "self_evaluation_form", "department_report")
    severities = ("error", "warning", "info")
    now = datetime.now(UTC)
    with store.engine.begin() as connection:
        for first in range(start, start + count, chunk):
            ids = range(first + 1, min(first + chunk, start + count) + 1)
            connection.execute(
                insert(DocumentRow.__table__),
                [
                    {
                        "id": i,
                        "sha256": f"{i:064x}",
                        "format": "pdf",
                        "pages": 10,
                        "size_bytes": 1000,
                        "kind": kinds[i % 3],
                        "status": "ok" if i % 50 else "unreadable",
                        "tool_version": "fill",
                        "processed_at": now,
                    }
                    for i in ids
                ],
            )
            connection.execute(
                insert(ReportRow.__table__),
                [
                    {
                        "id": i,
                        "document_id": i,
                        "schema_version": "1",
                        "project_name": f"项目{(i * 7919) % 997:03d}",
                        "year": 2015 + i % 8,
                        "implementing_unit": f"第{i % 131}单位",
                        "project_evidence": {},
                        "evidence": {},
                    }
                    for i in ids
                ],
            )
            connection.execute(
                insert(BudgetRow.__table__),
                [{"report_id": i, "execution_rate": Decimal(40 + (i * 37) % 70), "evidence": {}} for i in ids],
            )
            connection.execute(
                insert(PathRow.__table__),
                [{"document_id": i, "path": f"reports/{i}.pdf", "first_seen": now} for i in ids],
            )
            findings = [
                {
                    "report_id": i,
                    "position": j,
                    "rule": CONTRACT_RULE_IDS[(i + j * 5) % (len(CONTRACT_RULE_IDS) - 1)],
                    "severity": severities[(i + j) % 3],
                    "message": f"第{j}条",
                    "key": f"{i:032x}{j:032x}",
                }
                for i in ids
                for j in range(i % 8)
            ]
            connection.execute(insert(FindingRow.__table__), findings)
