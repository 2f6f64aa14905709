"""Running the same per-document function on a Dask distributed cluster.

Files travel as bytes: the client reads each file and sends it with its task, so
workers need no shared folder and the cluster may be on other machines. The worker
writes the bytes to a private temporary file (keeping the name's suffix) and reads
that. Results come back to the client, which alone writes to the database.

Limits on a cluster: Dask runs tasks in worker threads, which cannot be killed, so
a document past the time limit is recorded as stopped (status "limit") and the
batch moves on, while the runaway thread finishes in the background. Memory is
bounded by the Dask workers' own `--memory-limit` (the nanny restarts a worker
that passes it; the document is then recorded as "crashed").
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from parsers.limits import Limits
from pipeline.batch.tasks import Outcome, Task, failed, run_task, time_message


def process_bytes(task: Task, content: bytes, limits: Limits) -> Outcome:
    """The Dask task: process one file given as bytes, giving up after the time limit."""
    with tempfile.TemporaryDirectory(prefix="perfaudit-") as folder:
        copy = Path(folder) / f"document{Path(task.display).suffix}"
        copy.write_bytes(content)
        result: list[Outcome] = []
        worker = threading.Thread(target=lambda: result.append(run_task(task, limits, path=copy)), daemon=True)
        worker.start()
        worker.join(limits.seconds_per_document)
        if not result:
            return failed(task, "limit", time_message(limits.seconds_per_document), limits.seconds_per_document)
        return result[0]


class DaskExecutor:
    def __init__(self, scheduler: str | Any, limits: Limits, window: int | None = None) -> None:
        """`scheduler` is an address (tcp://host:8786) or a `distributed.Client` already open."""
        self.scheduler = scheduler
        self.limits = limits
        self.window = window
        self._unsent: list[Outcome] = []

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        from distributed import Client, as_completed

        client = self.scheduler if isinstance(self.scheduler, Client) else Client(self.scheduler)
        own_client = client is not self.scheduler
        # only a few files per worker thread are in flight, so the client never holds a whole archive in memory
        window = self.window or max(2, 2 * sum(client.nthreads().values()))
        pending = iter(tasks)
        futures = as_completed()
        submitted: dict[Any, Task] = {}
        try:
            for _ in range(window):
                if not self._submit(client, pending, futures, submitted):
                    break
            yield from self._drain()
            for future in futures:
                task = submitted.pop(future)
                yield self._outcome(future, task)
                self._submit(client, pending, futures, submitted)
                yield from self._drain()
        finally:
            for future in submitted:
                future.cancel()
            if own_client:
                client.close()

    def _submit(self, client: Any, pending: Iterator[Task], futures: Any, submitted: dict[Any, Task]) -> bool:
        """Send the next file that can be read; False once there are none left."""
        for task in pending:
            try:
                content = Path(task.path).read_bytes()
            except OSError as error:  # gone or unreadable since it was hashed
                self._unsent.append(failed(task, "unreadable", f"文件无法打开：{error.strerror or error}"))
                continue
            future = client.submit(process_bytes, task, content, self.limits, pure=False)
            submitted[future] = task
            futures.add(future)
            return True
        return False

    def _drain(self) -> Iterator[Outcome]:
        while self._unsent:
            yield self._unsent.pop(0)

    @staticmethod
    def _outcome(future: Any, task: Task) -> Outcome:
        try:
            return future.result()
        except Exception as error:  # a worker lost or killed by the cluster: record it, keep going
            return failed(task, "crashed", f"集群任务失败（{type(error).__name__}: {error}）")
