"""`perfaudit run`, `export` and `findings` called in-process as a user would, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.process import file_sha256
from pipeline.store import Store
from tests.batch_samples import write_bad_files, write_form, write_forms
from tests.databases import backends, database

runner = CliRunner()


@pytest.fixture(params=backends())
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path / "db") as url:
        yield url


def test_run_stores_everything_and_reports_a_summary(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    forms = write_forms(folder, 2)
    write_bad_files(folder / "bad")

    result = runner.invoke(app, ["run", str(folder), "--db", db, "--workers", "2"])

    assert result.exit_code == 1, result.output  # unreadable files among them
    assert "5 files: 5 stored, 0 already stored" in result.output
    assert "document.unreadable" in result.output and "self_evaluation_form" in result.output
    with Store(db) as store:
        assert store.count_documents() == 5
        assert store.load_report(file_sha256(forms[0])) is not None

    again = runner.invoke(app, ["run", str(folder), "--db", db])
    assert again.exit_code == 0, again.output
    assert "5 files: 0 stored, 5 already stored" in again.output


def test_run_uses_perfaudit_db_in_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (form,) = write_forms(tmp_path / "in", 1)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", str(form), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "perfaudit.db").exists()
    sha = file_sha256(form)
    assert (tmp_path / "perfaudit.files" / sha[:2] / sha).read_bytes() == form.read_bytes()


def test_findings_and_export_read_what_run_stored(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_forms(folder, 2)
    write_bad_files(folder / "bad")
    runner.invoke(app, ["run", str(folder), "--db", db, "--workers", "1"])

    shown = runner.invoke(app, ["findings", "--db", db, "--rule", "document.unreadable"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "findings: 3" in shown.output and "truncated.docx" in shown.output

    output = tmp_path / "records.jsonl"
    exported = runner.invoke(
        app, ["export", "--db", db, "--format", "jsonl", "-o", str(output), "--kind", "unreadable"]
    )
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["source"]["path"]).name for r in records) == ["empty.docx", "notes.pdf", "truncated.docx"]

    workbook = tmp_path / "review.xlsx"
    assert runner.invoke(app, ["export", "--db", db, "-o", str(workbook)]).exit_code == 0
    assert workbook.stat().st_size > 0


def test_a_record_the_database_refuses_is_kept_as_failed_and_the_run_goes_on(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (form,) = write_forms(folder, 1)
    huge = write_form(folder / "huge.docx", 7, spent="9" * 20)  # 10^24 yuan: past NUMERIC(18,2)

    result = runner.invoke(app, ["run", str(folder), "--db", db, "--workers", "1"])

    assert "2 files: 2 stored" in result.output, result.output
    with Store(db) as store:
        assert store.load_report(file_sha256(form)) is not None
        kept = store.load_report(file_sha256(huge))
        assert kept is not None
        if store.engine.dialect.name == "sqlite":  # exact text: any size fits
            assert kept.budget.spent == 10**24 - 10**4
            assert result.exit_code == 0
        else:
            assert kept.kind == "unreadable" and "记录无法写入数据库" in kept.findings[0].message
            assert result.exit_code == 1


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    (form,) = write_forms(tmp_path, 1)
    assert runner.invoke(app, ["run", str(form), "--executor", "dask"]).exit_code == 2
    assert runner.invoke(app, ["run", str(form), "--executor", "threads"]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "pdf", "-o", str(tmp_path / "x")]).exit_code == 2
    missing = str(tmp_path / "typo.db")
    assert runner.invoke(app, ["findings", "--db", missing]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", missing, "-o", str(tmp_path / "x.xlsx")]).exit_code == 2
    assert not Path(missing).exists()


def test_run_on_a_dask_scheduler_address(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "archive"
    write_forms(folder, 2)
    db = str(tmp_path / "perfaudit.db")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=50
    ) as cluster:
        result = runner.invoke(
            app, ["run", str(folder), "--db", db, "--executor", "dask", "--scheduler", cluster.scheduler_address]
        )
    assert result.exit_code == 0, result.output
    assert "2 files: 2 stored" in result.output
