"""A process pool where every task slot is a process of its own that can be killed.

A runaway document (past the time limit, or dying past the memory limit) costs one
worker, which is replaced; the other slots carry on. Workers set RLIMIT_AS on
themselves, ignore Ctrl-C (the parent decides), and die with the parent.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from parsers.limits import Limits
from pipeline.batch.tasks import Outcome, Task, failed, memory_message, run_task, time_message, warm_up

READY = "ready"
"""Sent by a worker once its imports are done: the parent's clock for its task starts then."""

STARTUP_SECONDS = 120.0
"""How long a new worker may take to load its readers before its first task counts as stuck."""

OUT_OF_MEMORY_EXIT = 86
"""Exit status of a worker that ran out of memory where it could not say so in a reply."""

GRACE_SECONDS = 5.0
"""The worker's own deadline fires at the limit; the parent kills it only this much later."""


def _worker_main(connection: Connection, limits: Limits, memory_limit_mb: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if memory_limit_mb:
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        warm_up()
        connection.send(READY)
        _serve(connection, limits, memory_limit_mb)
    except MemoryError:
        # out of memory outside a document's own processing (receiving, replying): the parent names the limit
        os._exit(OUT_OF_MEMORY_EXIT)


def _serve(connection: Connection, limits: Limits, memory_limit_mb: int | None) -> None:
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = run_task(task, limits, memory_limit_mb)
        try:
            connection.send(outcome)
        except (BrokenPipeError, OSError):
            return
        if outcome.status == "limit":
            return  # a MemoryError leaves the heap in doubt: let a fresh worker take the next file


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@dataclass
class _Slot:
    process: BaseProcess
    connection: Connection
    task: Task | None = None
    started: float = 0.0
    ready: bool = False
    """The worker has finished its imports; until then its task's clock allows for them too."""

    def deadline(self, hard_limit: float) -> float:
        return self.started + hard_limit + (0.0 if self.ready else STARTUP_SECONDS)


class WorkerPool:
    def __init__(
        self, workers: int, limits: Limits, memory_limit_mb: int | None = None, grace: float = GRACE_SECONDS
    ) -> None:
        self.workers = max(1, workers)
        self.limits = limits
        self.memory_limit_mb = memory_limit_mb
        self.hard_limit = limits.seconds_per_document + grace
        if "forkserver" in multiprocessing.get_all_start_methods():
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(["pipeline.batch.preload"])
        else:
            self._context = multiprocessing.get_context("spawn")
        self._slots: list[_Slot] = []

    def _start(self) -> _Slot:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child_end, self.limits, self.memory_limit_mb), daemon=True
        )
        process.start()
        child_end.close()
        return _Slot(process=process, connection=parent_end)

    def _replace(self, slot: _Slot) -> None:
        _stop(slot)
        self._slots[self._slots.index(slot)] = self._start()

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Outcomes in completion order. Workers keep working while the caller handles an outcome."""
        pending = iter(tasks)
        exhausted = False
        try:
            while True:
                if not exhausted:
                    exhausted = self._fill(pending)
                busy = [slot for slot in self._slots if slot.task is not None]
                if not busy:
                    if exhausted:
                        return
                    continue
                timeout = max(0.0, min(slot.deadline(self.hard_limit) for slot in busy) - time.monotonic())
                wait([slot.connection for slot in busy] + [slot.process.sentinel for slot in busy], timeout)
                done = [outcome for slot in busy if (outcome := self._collect(slot)) is not None]
                if not exhausted:
                    exhausted = self._fill(pending)
                yield from done
        finally:
            self.close()

    def _fill(self, pending: Iterator[Task]) -> bool:
        """Give every idle slot a task; True once there are no more tasks."""
        while len(self._slots) < self.workers:
            self._slots.append(self._start())
        for index, slot in enumerate(self._slots):
            if slot.task is not None:
                continue
            task = next(pending, None)
            if task is None:
                return True
            self._send(index, task)
        return False

    def _send(self, index: int, task: Task) -> None:
        slot = self._slots[index]
        try:
            if not slot.process.is_alive():
                raise BrokenPipeError
            slot.connection.send(task)
        except (BrokenPipeError, OSError):  # the idle worker died: hand the task to a fresh one
            self._replace(slot)
            slot = self._slots[index]
            slot.connection.send(task)
        slot.task, slot.started = task, time.monotonic()

    def _collect(self, slot: _Slot) -> Outcome | None:
        """The outcome of a busy slot if it has one: a result, a crash, or a kill past the time limit."""
        task = slot.task
        assert task is not None
        elapsed = time.monotonic() - slot.started
        outcome: Outcome | None = None
        if slot.connection.poll():
            try:
                message = slot.connection.recv()
            except (EOFError, OSError):
                message = self._crashed(slot, task, elapsed)
            if message == READY:
                slot.started, slot.ready = time.monotonic(), True
                return self._collect(slot) if slot.connection.poll() else None
            outcome = message
        elif not slot.process.is_alive():
            outcome = self._crashed(slot, task, elapsed)
        elif time.monotonic() > slot.deadline(self.hard_limit):
            outcome = failed(task, "limit", time_message(self.limits.seconds_per_document), elapsed)
        if outcome is None:
            return None
        slot.task = None
        if outcome.status in ("limit", "crashed") or not slot.process.is_alive():
            self._replace(slot)
        return outcome

    def _crashed(self, slot: _Slot, task: Task, elapsed: float) -> Outcome:
        slot.process.join(1)
        code = slot.process.exitcode
        native_failure = code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGKILL, -signal.SIGBUS)
        if code == OUT_OF_MEMORY_EXIT or (self.memory_limit_mb and native_failure):
            # allocation failures past RLIMIT_AS in native code end like this, not as MemoryError
            return failed(task, "limit", f"{memory_message(self.memory_limit_mb)}（进程退出码 {code}）", elapsed)
        return failed(task, "crashed", f"处理进程异常退出（退出码 {code}）", elapsed)

    def close(self) -> None:
        for slot in self._slots:
            _stop(slot)
        self._slots.clear()


def _stop(slot: _Slot) -> None:
    with contextlib.suppress(OSError):
        slot.connection.close()
    if slot.process.is_alive():
        with contextlib.suppress(ProcessLookupError):
            os.kill(slot.process.pid, signal.SIGKILL)  # type: ignore[arg-type]
    slot.process.join(5)
