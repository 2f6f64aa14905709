"""Nothing lost: `perfaudit run` killed (SIGKILL) or interrupted (Ctrl-C) mid-batch, then run again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.process import file_sha256, process_file
from pipeline.store import Store
from pipeline.store.schema import PathRow
from tests.batch_samples import write_forms

FILES = 80


def _start(folder: Path, database: Path) -> subprocess.Popen[bytes]:
    cli = "from pipeline.cli import main; main()"  # what the perfaudit script runs
    command = [sys.executable, "-c", cli, "run", str(folder), "--db", str(database), "--workers", "2"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _stored(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created or not migrated yet


def _wait_for_some(process: subprocess.Popen[bytes], database: Path, count: int = 3) -> None:
    deadline = time.monotonic() + 120
    while _stored(database) < count:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the run stored nothing within two minutes"
        time.sleep(0.02)


def _finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err.decode()


def _assert_intact(database: Path, files: list[Path]) -> int:
    """Every stored document is complete: its record, parsed document and original are all there."""
    by_sha = {file_sha256(f): f for f in files}
    with Store(str(database)) as store:
        stored = store.current_hashes()
        for sha256 in stored:
            file = by_sha[sha256]
            assert store.load_report(sha256) == process_file(file, str(file))
            assert store.load_document(sha256) is not None
            assert store.original(sha256) == file.read_bytes()
            assert store.paths(sha256) == [str(file)]
        return len(stored)


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "archive"
    return folder, write_forms(folder, FILES)


def test_sigkill_mid_batch_keeps_every_stored_document_whole_and_a_rerun_completes(
    archive: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    folder, files = archive
    database = tmp_path / "perfaudit.db"
    process = _start(folder, database)
    _wait_for_some(process, database)
    os.kill(process.pid, signal.SIGKILL)
    code, _ = _finish(process)
    assert code == -signal.SIGKILL

    before = _assert_intact(database, files)
    assert 0 < before < FILES

    code, err = _finish(_start(folder, database))
    assert code == 0, err
    assert f"{before} already stored" in err
    assert _assert_intact(database, files) == FILES
    with Store(str(database)) as store, store.session() as session:
        assert session.query(PathRow).count() == FILES


def test_ctrl_c_stops_cleanly_and_keeps_what_is_stored(archive: tuple[Path, list[Path]], tmp_path: Path) -> None:
    folder, files = archive
    database = tmp_path / "perfaudit.db"
    process = _start(folder, database)
    _wait_for_some(process, database)
    os.killpg(process.pid, signal.SIGINT)  # the terminal sends Ctrl-C to the whole process group
    code, err = _finish(process)

    assert code == 130, err
    assert "interrupted" in err
    assert 0 < _assert_intact(database, files) < FILES
