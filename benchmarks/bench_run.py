"""Throughput of `perfaudit run` on a folder of documents, with 1 and 2 workers (or any list).

Run: python benchmarks/bench_run.py [FOLDER] [--workers 1 2] [--db URL]
Each configuration processes every distinct document into a fresh database. Prints the
wall time (worker start-up included), the steady rate in documents/s once every worker
has its first document done, and the peak resident memory of one worker (the largest
per-document peak, which includes the worker's own loaded libraries).
Not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from pipeline.batch import Event, RunOptions, run
from pipeline.store import Store
from pipeline.store.schema import DocumentRow

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


class _Clock:
    def __init__(self) -> None:
        self.done: list[float] = []
        self.started = 0.0

    def start(self, total: int) -> None:
        self.started = time.perf_counter()

    def advance(self, display: str, event: Event) -> None:
        if event not in ("skipped", "duplicate", "not_opened"):
            self.done.append(time.perf_counter())


def bench(folder: Path, workers: int, url: str | None) -> str:
    with tempfile.TemporaryDirectory() as scratch, Store(url or str(Path(scratch) / "bench.db")) as store:
        clock = _Clock()
        summary = run([folder], store, RunOptions(workers=workers, force=True), clock)
        with store.session() as session:
            peak = session.scalar(select(func.max(DocumentRow.peak_memory_bytes))) or 0
            per_doc = session.scalar(select(func.avg(DocumentRow.seconds)))
    n = len(clock.done)
    steady = (n - workers) / (clock.done[-1] - clock.done[workers - 1]) if n > workers else float("nan")
    statuses = ", ".join(f"{k}/{s}: {c}" for (k, s), c in sorted(summary.documents.items()))
    return (
        f"workers={workers}: {n} documents in {summary.seconds:.1f} s wall "
        f"({n / summary.seconds:.1f} docs/s with start-up), steady {steady:.1f} docs/s, "
        f"mean {float(per_doc or 0) * 1000:.0f} ms per document in a worker, "
        f"peak worker memory {peak / 1048576:.0f} MB  [{statuses}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=SAMPLES)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file per configuration)")
    args = parser.parse_args()
    print(f"corpus: {args.folder}")
    for workers in args.workers:
        print(bench(args.folder, workers, args.db), flush=True)


if __name__ == "__main__":
    main()
