"""Time the review page's document list and overview over 100,000 stored documents.

Run: python benchmarks/bench_web.py [--documents 100000] [--repeat 5] [--db URL]
Fills a fresh SQLite file (or the given empty database) with plain bulk-inserted documents
(3 kinds, 8 years, ~1,000 projects, 0–7 findings each), then prints the best and median time
of each list query (page 1, a deep page, filters, sorts) and of whole HTTP requests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the bulk filler is shared with the tests

from fastapi.testclient import TestClient  # noqa: E402

from pipeline.store import Store  # noqa: E402
from pipeline.web import create_app  # noqa: E402
from pipeline.web.charts import execution_rates, findings_by_rule, findings_by_year  # noqa: E402
from pipeline.web.listing import ListQuery, list_documents  # noqa: E402
from tests.web_seed import fill_documents  # noqa: E402

QUERIES = {
    "page 1, newest first": ListQuery(),
    "page 2000, newest first": ListQuery(page=2000),
    "page 1, by project": ListQuery(sort="project"),
    "page 1000, by project": ListQuery(sort="project", page=1000),
    "page 1, by year": ListQuery(sort="year"),
    "page 1, by unit": ListQuery(sort="unit"),
    "page 1, by finding count": ListQuery(sort="findings"),
    "kind = self-evaluation form": ListQuery(kind="self_evaluation_form"),
    "year = 2020": ListQuery(year=2020),
    "rule = score.total": ListQuery(rule="score.total"),
    "rule + severity": ListQuery(rule="budget.balance", severity="warning"),
    "project contains 项目123": ListQuery(project="项目123"),
    "unit contains 第7单位": ListQuery(unit="第7单位"),
}


def _time(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def _row(name: str, best: float, median: float) -> None:
    print(f"  {name:<34} best {best * 1000:8.1f} ms   median {median * 1000:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = args.db or str(Path(folder) / "bench.db")
        with Store(url) as store:
            started = time.perf_counter()
            fill_documents(store, args.documents)
            print(f"filled {args.documents:,} documents in {time.perf_counter() - started:.1f} s ({url.split('://')[0]})")
            print("list queries (total count + one page of 25 + its finding counts):")
            with store.session() as session:
                for name, query in QUERIES.items():
                    _row(name, *_time(lambda q=query: list_documents(session, q), args.repeat))
                print("overview charts:")
                for chart in (findings_by_rule, findings_by_year, execution_rates):
                    _row(chart.__name__, *_time(lambda c=chart: c(session, ListQuery()), args.repeat))
        print("whole HTTP requests (render included):")
        with TestClient(create_app(url)) as client:
            for path in ("/", "/?page=2000", "/?rule=score.total&sort=project", "/overview"):
                _row(f"GET {path}", *_time(lambda p=path: client.get(p).raise_for_status(), args.repeat))


if __name__ == "__main__":
    main()
