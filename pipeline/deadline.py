"""A wall-clock limit for work done in the main thread (one document must never hang a run)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from parsers.errors import LimitExceeded


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise `LimitExceeded` if the block runs longer than `seconds`.

    Uses SIGALRM, so it only acts in the main thread of a process; elsewhere the caller
    (a worker pool) is responsible for stopping runaway work.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise LimitExceeded(f"处理时间超过上限 {seconds:g} 秒")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
