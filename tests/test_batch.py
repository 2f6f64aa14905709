"""The batch on real files and a real SQLite database: bad files, resume, limits, duplicates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select, update

from parsers.limits import Limits
from pipeline.batch import RunOptions, run
from pipeline.batch.pool import WorkerPool
from pipeline.batch.tasks import Task
from pipeline.process import file_sha256, process_file
from pipeline.store import Store
from pipeline.store.schema import DocumentRow
from tests.batch_samples import write_bad_files, write_forms


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store(str(tmp_path / "db" / "perfaudit.db"))
    yield opened  # type: ignore[misc]
    opened.close()


def _statuses(store: Store) -> dict[str, tuple[str, str | None]]:
    with store.session() as session:
        rows = session.scalars(select(DocumentRow)).all()
        return {store.paths(row.sha256)[0]: (row.status, row.error) for row in rows}


def test_bad_files_among_good_ones_are_recorded_and_the_batch_completes(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    good = write_forms(folder, 3)
    bad = write_bad_files(folder / "bad")

    summary = run([folder], store, RunOptions(workers=2))

    assert summary.found == 6 and summary.stored == 6 and not summary.interrupted
    statuses = _statuses(store)
    for path in good:
        assert statuses[str(path)] == ("ok", None)
        stored = store.load_report(file_sha256(path))
        assert stored == process_file(path, str(path))
        assert store.original(file_sha256(path)) == path.read_bytes()
        assert store.load_document(file_sha256(path)) is not None
    for path in bad.values():
        status, error = statuses[str(path)]
        assert status == "unreadable"
        assert error and error.startswith("文件无法读取")
    assert summary.documents[("unreadable", "unreadable")] == 3
    assert summary.findings[("document.unreadable", "error")] == 3
    assert summary.failures == 3


def test_a_rerun_resumes_and_only_a_new_tool_version_processes_again(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_forms(folder, 2)
    first = run([folder], store, RunOptions(workers=1))
    with store.session() as session:
        stamps = {sha: stamp for sha, stamp in session.execute(select(DocumentRow.sha256, DocumentRow.processed_at))}
    write_forms(folder, 1, start=2)
    with store.engine.begin() as connection:  # as if the first file had been stored by an older release
        connection.execute(update(DocumentRow).where(DocumentRow.sha256 == min(stamps)).values(tool_version="0.0.1"))

    second = run([folder], store, RunOptions(workers=1))

    assert (first.stored, second.stored, second.skipped) == (2, 2, 1)
    assert store.count_documents() == 3
    assert store.current_hashes() == {file_sha256(p) for p in folder.iterdir()}
    with store.session() as session:
        now = {sha: stamp for sha, stamp in session.execute(select(DocumentRow.sha256, DocumentRow.processed_at))}
    assert now[max(stamps)] == stamps[max(stamps)]  # skipped: untouched
    assert now[min(stamps)] > stamps[min(stamps)]  # older version: processed again


def test_the_same_file_twice_in_one_run_is_stored_once_with_both_paths(store: Store, tmp_path: Path) -> None:
    (original,) = write_forms(tmp_path / "a", 1)
    copy = tmp_path / "b" / "copy.docx"
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())

    summary = run([tmp_path / "a", tmp_path / "b"], store, RunOptions(workers=2))

    assert (summary.stored, summary.duplicates) == (1, 1)
    assert store.paths(file_sha256(original)) == [str(original), str(copy)]


def test_a_runaway_document_is_stopped_and_its_worker_replaced(tmp_path: Path) -> None:
    # A named pipe nobody writes to: opening it blocks forever in the kernel, like a hung reader.
    stuck = tmp_path / "stuck.pdf"
    os.mkfifo(stuck)
    (good,) = write_forms(tmp_path, 1)
    tasks = [
        Task(index=0, path=str(stuck), display="stuck.pdf", sha256="0" * 64),
        Task(index=1, path=str(good), display=str(good), sha256=file_sha256(good)),
    ]
    pool = WorkerPool(1, Limits(seconds_per_document=1.0), grace=0.5)

    outcomes = {o.task.index: o for o in pool.run(tasks)}

    assert outcomes[0].status == "limit"
    assert outcomes[0].error is not None and "处理时间超过上限 1 秒" in outcomes[0].error
    stopped = outcomes[0].processed().report
    assert stopped.kind == "unreadable" and stopped.findings[0].rule == "document.unreadable"
    assert outcomes[1].status == "ok"  # the replacement worker took the next file


def test_a_document_past_the_memory_limit_is_recorded_with_the_limit_named(tmp_path: Path) -> None:
    (good,) = write_forms(tmp_path, 1)
    task = Task(index=0, path=str(good), display=str(good), sha256=file_sha256(good))
    pool = WorkerPool(1, Limits(), memory_limit_mb=32)

    (outcome,) = list(pool.run([task]))

    assert outcome.status == "limit"
    assert outcome.error is not None and "内存超过上限 32 MB" in outcome.error


def test_a_pipe_named_like_a_document_is_reported_not_read(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_forms(folder, 1)
    os.mkfifo(folder / "pipe.pdf")

    summary = run([folder], store, RunOptions(workers=1))

    assert summary.stored == 1 and summary.failures == 1
    assert summary.not_opened == [(str(folder / "pipe.pdf"), f"不是普通文件：{folder / 'pipe.pdf'}")]


def test_documents_cut_off_by_the_time_limit_are_stored_with_status_limit(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_forms(folder, 2)

    summary = run([folder], store, RunOptions(workers=1, limits=Limits(seconds_per_document=0.001)))

    assert summary.documents == {("unreadable", "limit"): 2}
    assert {error for _, (_, error) in _statuses(store).items()} == {"文件无法读取：处理时间超过上限 0.001 秒"}
