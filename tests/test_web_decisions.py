"""Decisions in the store, on SQLite and PostgreSQL: one per finding, kept when the report is stored again."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.store import Processed, Store, finding_key
from pipeline.store.decisions import decide, decisions_of, reopen
from tests.databases import backends, database
from tests.store_samples import full_report, sha_of


@pytest.mark.parametrize("backend", backends())
def test_decisions_are_kept_across_a_new_extraction_and_replaced_by_a_new_verdict(backend: str, tmp_path: Path) -> None:
    sha = sha_of(b"report")
    report = full_report("a.pdf", sha)
    key = finding_key(report.findings[0])
    with database(backend, tmp_path) as url, Store(url) as store:
        store.save(Processed(report))
        decide(store, sha, key, "dismissed", "  表内为调整前数 ", "王")
        store.save(Processed(full_report("a.pdf", sha)))  # the same file extracted again
        kept = decisions_of(store, sha)
        assert list(kept) == [key]
        assert (kept[key].verdict, kept[key].comment, kept[key].reviewer) == ("dismissed", "表内为调整前数", "王")

        decide(store, sha, key, "confirmed", "", "李")
        again = decisions_of(store, sha)
        assert len(again) == 1 and again[key].verdict == "confirmed" and again[key].reviewer == "李"
        assert again[key].decided_at >= kept[key].decided_at

        assert reopen(store, sha, key) is True
        assert reopen(store, sha, key) is False
        assert decisions_of(store, sha) == {}


@pytest.mark.parametrize("backend", backends())
def test_a_decision_needs_a_stored_document_and_a_known_verdict(backend: str, tmp_path: Path) -> None:
    with database(backend, tmp_path) as url, Store(url) as store:
        with pytest.raises(LookupError):
            decide(store, sha_of(b"missing"), "0" * 64, "confirmed", "", "王")
        store.save(Processed(full_report("a.pdf", sha_of(b"a"))))
        with pytest.raises(ValueError):
            decide(store, sha_of(b"a"), "0" * 64, "maybe", "", "王")  # type: ignore[arg-type]
