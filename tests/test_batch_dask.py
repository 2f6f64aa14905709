"""The Dask executor on a real (local, in-process) cluster: same records, written by the client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from parsers.limits import Limits
from pipeline.batch import RunOptions, run
from pipeline.process import file_sha256, process_file
from pipeline.store import Store
from tests.batch_samples import write_bad_files, write_forms

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None, silence_logs=50
    )
    with distributed.Client(cluster) as opened:
        yield opened
    cluster.close()


def test_a_dask_run_stores_the_same_records_as_a_local_run(client: object, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    good = write_forms(folder, 3)
    bad = write_bad_files(folder / "bad")

    with Store(str(tmp_path / "perfaudit.db")) as store:
        summary = run([folder], store, RunOptions(executor="dask", scheduler=client))
        assert (summary.found, summary.stored) == (6, 6)
        assert summary.documents == {("self_evaluation_form", "ok"): 3, ("unreadable", "unreadable"): 3}
        for path in [*good, *bad.values()]:
            assert store.load_report(file_sha256(path)) == process_file(path, str(path))
            assert store.original(file_sha256(path)) == path.read_bytes()

        again = run([folder], store, RunOptions(executor="dask", scheduler=client))
        assert (again.stored, again.skipped) == (0, 6)


def test_on_dask_a_document_past_the_time_limit_is_recorded_and_the_run_goes_on(client: object, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_forms(folder, 2)
    with Store(str(tmp_path / "perfaudit.db")) as store:
        # a limit no document can meet: every one is recorded as stopped, none blocks the others
        summary = run(
            [folder], store, RunOptions(executor="dask", scheduler=client, limits=Limits(seconds_per_document=1e-4))
        )
        assert summary.stored == 2
        assert summary.documents == {("unreadable", "limit"): 2}
        for _, report in store.documents():
            assert report.findings[0].message.endswith("处理时间超过上限 0.0001 秒，已停止")
