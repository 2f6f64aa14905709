"""A review-page database filled by really running the batch on the seed report (Word and PDF)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.batch.run import RunOptions, run
from pipeline.store import Store

SEED = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "seed"
SEED_DOCX = SEED / "zonghe-shiwu-2020.docx"
SEED_PDF = SEED / "zonghe-shiwu-2020.pdf"
DATABASE_NAME = "review.db"


def build_seed_database(folder: Path) -> Path:
    """Run `perfaudit run`'s library call over both seed files into a fresh SQLite database."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / DATABASE_NAME
    with Store(str(database)) as store:
        summary = run([SEED_DOCX, SEED_PDF], store, RunOptions(workers=2))
    assert summary.stored == 2 and summary.failures == 0
    return database


def copy_database(source: Path, folder: Path) -> Path:
    """A private copy (database file, its WAL and its folder of originals) that a test may change."""
    target = folder / "copy"
    shutil.copytree(source.parent, target)
    return target / source.name
