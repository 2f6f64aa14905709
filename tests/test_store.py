"""The store on real databases: lossless round trip, exact money, idempotent replace, paths, originals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text
from sqlalchemy.exc import DataError

from models.report import SpendingItem
from pipeline.process import unreadable_report
from pipeline.store import Filters, Processed, Store, database_url
from pipeline.store.database import MIGRATIONS_DIR
from pipeline.store.schema import DocumentRow, EvidenceRow, FindingRow, PathRow, SpendingItemRow
from tests.databases import backends, database
from tests.store_samples import full_report, sha_of, small_document


@pytest.fixture(params=backends())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database(request.param, tmp_path) as url, Store(url) as opened:
        yield opened


def _count(store: Store, column: object) -> int:
    with store.session() as session:
        return session.scalar(select(func.count(column))) or 0


def test_a_stored_report_reads_back_identical(store: Store) -> None:
    content = b"%PDF-1.7 pretend"
    report = full_report("reports/综合事务.pdf", sha_of(content))
    store.save(Processed(report), original=content)

    loaded = store.load_report(report.source.sha256)

    assert loaded == report
    assert loaded is not None and loaded.model_dump_json() == report.model_dump_json()


def test_money_is_exact_and_rates_keep_their_printed_decimals(store: Store) -> None:
    report = full_report("a.pdf", sha_of(b"a"))
    store.save(Processed(report))

    loaded = store.load_report(report.source.sha256)

    assert loaded is not None
    assert loaded.spending_items[1].amount == Decimal("123456789012345.67")
    assert str(loaded.budget.execution_rate) == "91.760"
    assert loaded.to_json().count('"execution_rate":"91.760"') == 1


def test_money_columns_are_numeric_on_postgresql_and_exact_text_on_sqlite(store: Store) -> None:
    store.save(Processed(full_report("a.pdf", sha_of(b"a"))))
    with store.engine.connect() as connection:
        if store.engine.dialect.name == "sqlite":
            stored = connection.execute(text("SELECT typeof(amount), amount FROM spending_items WHERE position = 1"))
            assert stored.one() == ("text", "123456789012345.67")
        else:
            kinds = connection.execute(
                text(
                    "SELECT column_name, data_type, numeric_scale FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = 'budgets' AND column_name = 'planned'"
                )
            )
            assert kinds.one() == ("planned", "numeric", 2)


def test_storing_again_replaces_the_rows_of_that_document(store: Store) -> None:
    sha = sha_of(b"same bytes")
    first = full_report("a.pdf", sha)
    store.save(Processed(first))
    second = first.model_copy(update={"findings": first.findings[:1], "spending_items": []})
    store.save(Processed(second, status="ok"))

    assert store.count_documents() == 1
    assert store.load_report(sha) == second
    assert _count(store, FindingRow.id) == 1
    assert _count(store, EvidenceRow.id) == 2
    assert _count(store, SpendingItemRow.id) == 0


def test_the_same_file_under_two_paths_is_stored_once_with_both_paths(store: Store) -> None:
    sha = sha_of(b"twin")
    store.save(Processed(full_report("2020/a.pdf", sha)))
    store.save(Processed(full_report("copies/a-copy.pdf", sha)))
    assert store.add_path(sha, "third/a.pdf")
    assert store.add_path(sha, "third/a.pdf")
    assert not store.add_path(sha_of(b"never stored"), "x.pdf")

    assert store.count_documents() == 1
    assert store.paths(sha) == ["2020/a.pdf", "copies/a-copy.pdf", "third/a.pdf"]
    assert _count(store, PathRow.id) == 3


def test_original_file_and_parsed_document_are_kept(store: Store, tmp_path: Path) -> None:
    original = tmp_path / "综合事务.docx"
    original.write_bytes(b"PK\x03\x04 not really a docx")
    sha = sha_of(original.read_bytes())
    document = small_document(str(original), sha)

    store.save(Processed(full_report(str(original), sha), document=document), original=original)

    assert store.original(sha) == original.read_bytes()
    assert store.load_document(sha) == document
    if store.engine.dialect.name == "sqlite":
        assert (tmp_path / "perfaudit.files" / sha[:2] / sha).read_bytes() == original.read_bytes()


def test_an_unreadable_document_is_stored_with_its_reason(store: Store) -> None:
    sha = sha_of(b"garbage")
    report = unreadable_report("broken.pdf", sha, "PDF 文件已损坏")
    store.save(Processed(report, status="unreadable", error="PDF 文件已损坏", seconds=Decimal("0.013")))

    assert store.load_report(sha) == report
    summary = store.summary()
    assert summary.documents == {("unreadable", "unreadable"): 1}
    assert summary.findings == {("document.unreadable", "error"): 1}
    with store.session() as session:
        row = session.scalar(select(DocumentRow))
        assert row is not None and row.error == "PDF 文件已损坏" and row.seconds == Decimal("0.013")


def test_a_report_without_sha256_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="sha256"):
        store.save(Processed(unreadable_report("gone.pdf", "", "文件无法打开")))
    assert store.count_documents() == 0


def test_resume_knows_what_this_tool_version_stored(store: Store) -> None:
    store.save(Processed(full_report("a.pdf", sha_of(b"a"))))
    assert store.current_hashes() == {sha_of(b"a")}
    assert store.current_hashes("0.0.0-older") == set()


def test_filters_select_documents_and_findings(store: Store) -> None:
    store.save(Processed(full_report("a.pdf", sha_of(b"a"), year=2020, unit="省政务中心")))
    store.save(Processed(full_report("b.pdf", sha_of(b"b"), year=2021, unit="市教育局")))

    def paths(filters: Filters) -> list[str]:
        return [report.source.path for _, report in store.documents(filters)]

    assert paths(Filters()) == ["a.pdf", "b.pdf"]
    assert paths(Filters(year=2021)) == ["b.pdf"]
    assert paths(Filters(unit="政务")) == ["a.pdf"]
    assert paths(Filters(kind="unreadable")) == []
    only_errors = [r for _, r in store.documents(Filters(severity="error"))]
    assert [f.rule for r in only_errors for f in r.findings] == ["score.grade", "score.grade"]


def test_opening_runs_migrations_once_and_again_is_harmless(tmp_path: Path) -> None:
    url = str(tmp_path / "x.db")
    with Store(url) as store:
        store.save(Processed(full_report("a.pdf", sha_of(b"a"))))
    with Store(url) as store, store.engine.connect() as connection:
        head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert store.count_documents() == 1


def test_database_urls_are_normalised(tmp_path: Path) -> None:
    assert database_url("postgresql://u@h:5433/db") == "postgresql+psycopg://u@h:5433/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url(None).endswith("/perfaudit.db")


@pytest.fixture(params=[b for b in backends() if b.id == "postgresql"])
def postgres_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database(request.param, tmp_path) as url, Store(url) as opened:
        yield opened


def test_a_replacement_the_database_refuses_leaves_the_stored_version_whole(postgres_store: Store) -> None:
    """Only PostgreSQL refuses (NUMERIC(18,2) cannot hold 10^24); SQLite keeps exact text of any size."""
    store = postgres_store
    sha = sha_of(b"a")
    good = full_report("a.pdf", sha)
    store.save(Processed(good))
    refused = good.model_copy(update={"spending_items": [SpendingItem(name="误读", amount=Decimal(10) ** 24)]})

    with pytest.raises(DataError):
        store.save(Processed(refused))

    assert store.load_report(sha) == good
    assert _count(store, SpendingItemRow.id) == len(good.spending_items)
