"""The main job: many files into the database, resumable, one writer, one transaction per document."""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from sqlalchemy.exc import DataError, IntegrityError

from parsers.digest import file_sha256
from parsers.limits import DEFAULT_LIMITS, Limits
from pipeline.batch.tasks import Outcome, Task, failed
from pipeline.discover import iter_documents
from pipeline.store import Processed, Store

log = logging.getLogger(__name__)

Executor = Literal["processes", "dask"]
Event = Literal["ok", "unreadable", "limit", "crashed", "skipped", "duplicate", "not_opened"]

DEFAULT_MEMORY_LIMIT_MB = 4096


@dataclass(frozen=True)
class RunOptions:
    workers: int | None = None
    """Worker processes; None means one per CPU core."""
    limits: Limits = DEFAULT_LIMITS
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB
    """Address space of one worker; None or 0 for no limit."""
    force: bool = False
    """Process files again even when this tool version has stored them."""
    executor: Executor = "processes"
    scheduler: str | Any | None = None
    """Dask scheduler address or `distributed.Client` (executor "dask")."""


class Listener(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, display: str, event: Event) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, display: str, event: Event) -> None:
        pass


@dataclass
class RunSummary:
    found: int = 0
    stored: int = 0
    skipped: int = 0
    """Already stored by this tool version (the path is recorded, nothing re-read)."""
    duplicates: int = 0
    """The same bytes as another file of this run: stored once, with both paths."""
    not_opened: list[tuple[str, str]] = field(default_factory=list)
    documents: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(kind, status) → documents stored by this run."""
    findings: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(rule, severity) → findings of the documents stored by this run."""
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        bad = sum(n for (_, status), n in self.documents.items() if status != "ok")
        return bad + len(self.not_opened)


def run(
    paths: Iterable[Path], store: Store, options: RunOptions = RunOptions(), listener: Listener | None = None
) -> RunSummary:
    """Process every document under `paths` into `store`. Ctrl-C stops cleanly: what is stored stays stored."""
    listener = listener or _Silent()
    started = time.perf_counter()
    files = list(iter_documents(paths))
    summary = RunSummary(found=len(files))
    listener.start(len(files))
    stored = set() if options.force else store.current_hashes()
    in_flight: dict[str, list[str]] = {}
    """sha256 → other paths of the same bytes seen while it was being processed."""

    def tasks() -> Iterator[Task]:
        for index, (file, display) in enumerate(files):
            try:
                if not file.exists():
                    raise OSError(f"文件不存在：{display}")
                if not file.is_file():  # a pipe or device named like a document would block the hashing
                    raise OSError(f"不是普通文件：{display}")
                sha256 = file_sha256(file)
            except OSError as error:
                summary.not_opened.append((display, error.strerror or str(error)))
                listener.advance(display, "not_opened")
                continue
            if sha256 in stored:
                store.add_path(sha256, display)
                summary.skipped += 1
                listener.advance(display, "skipped")
            elif sha256 in in_flight:
                in_flight[sha256].append(display)
                summary.duplicates += 1
                listener.advance(display, "duplicate")
            else:
                in_flight[sha256] = []
                yield Task(index=index, path=str(file), display=display, sha256=sha256)

    outcomes = _executor(options).run(tasks())
    try:
        for outcome in outcomes:
            other_paths = in_flight.pop(outcome.task.sha256, [])
            try:
                processed = _store(store, outcome, other_paths)
            except (DataError, IntegrityError, ValueError) as error:
                # the database refused this record (say, an amount past NUMERIC(18,2)): keep it as failed, go on
                log.warning("could not store %s: %s", outcome.task.display, error)
                reason = f"记录无法写入数据库（{type(error).__name__}: {str(error).splitlines()[0]}）"
                outcome = failed(outcome.task, "crashed", reason, outcome.seconds)
                processed = _store(store, outcome, other_paths)
            stored.add(outcome.task.sha256)
            _count(summary, processed)
            listener.advance(outcome.task.display, outcome.status)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        outcomes.close()  # type: ignore[attr-defined]
        summary.seconds = time.perf_counter() - started
    return summary


def _executor(options: RunOptions) -> Any:
    if options.executor == "dask":
        from pipeline.batch.dask_executor import DaskExecutor

        if options.scheduler is None:
            raise ValueError("the dask executor needs a scheduler address (--scheduler tcp://HOST:PORT)")
        return DaskExecutor(options.scheduler, options.limits)
    from pipeline.batch.pool import WorkerPool

    return WorkerPool(options.workers or os.cpu_count() or 1, options.limits, options.memory_limit_mb or None)


def _store(store: Store, outcome: Outcome, other_paths: list[str]) -> Processed:
    processed = outcome.processed()
    processed.paths = other_paths
    source = Path(outcome.task.path)
    try:
        original: bytes | None = source.read_bytes()
    except OSError:
        original = None  # gone since it was hashed: the record is still worth keeping
    processed.size_bytes = None if original is None else len(original)
    store.save(processed, original=original)
    return processed


def _count(summary: RunSummary, processed: Processed) -> None:
    summary.stored += 1
    report = processed.report
    summary.documents[(report.kind, processed.status)] += 1
    summary.findings.update((f.rule, f.severity) for f in report.findings)
