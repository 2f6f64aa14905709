"""The document list at scale: pages follow an index and cost the same at 2,000 or 20,000 documents.

Rows are bulk-inserted (see `fill_documents`); SQLite's progress handler counts virtual-machine
steps, a measure of work that, unlike a clock, does not depend on the machine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from pipeline.store import Store
from pipeline.web.listing import ListQuery, list_documents, page_statement
from tests.databases import backends, database
from tests.web_seed import fill_documents

BOUNDED = [
    ListQuery(sort="newest"),
    ListQuery(sort="oldest"),
    ListQuery(sort="project"),
    ListQuery(sort="unit"),
    ListQuery(sort="year"),
    ListQuery(sort="newest", page=9),
    ListQuery(kind="self_evaluation_form"),
    ListQuery(status="ok"),
    ListQuery(rule="score.total"),
    ListQuery(severity="error"),
    ListQuery(rule="budget.balance", severity="warning"),
    ListQuery(year=2020),
    ListQuery(year=2020, sort="oldest"),
]


def _steps(engine: Engine, query: ListQuery) -> int:
    statement = page_statement(query)
    with engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        steps = 0

        def tick() -> int:
            nonlocal steps
            steps += 1
            return 0

        raw.set_progress_handler(tick, 100)
        try:
            rows = connection.execute(statement).all()
        finally:
            raw.set_progress_handler(None, 0)
    assert len(rows) == query.normalised().per_page
    return steps


def _plan(engine: Engine, query: ListQuery) -> str:
    compiled = page_statement(query).compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        return "\n".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("list")
    store = Store(str(folder / "big.db"))
    fill_documents(store, 2_000)
    small = {repr(q): _steps(store.engine, q) for q in BOUNDED}
    fill_documents(store, 18_000, start=2_000)
    yield store, small
    store.close()


@pytest.mark.parametrize("query", BOUNDED, ids=repr)
def test_a_page_costs_the_same_at_ten_times_the_documents(big_store: Any, query: ListQuery) -> None:
    store, small = big_store
    assert store.count_documents() == 20_000
    steps = _steps(store.engine, query)
    assert steps <= 2 * small[repr(query)] + 50, (small[repr(query)], steps)


@pytest.mark.parametrize("query", BOUNDED[:5], ids=repr)
def test_sorted_pages_walk_an_index_instead_of_sorting(big_store: Any, query: ListQuery) -> None:
    store, _ = big_store
    plan = _plan(store.engine, query)
    assert "TEMP B-TREE" not in plan, plan
    assert "USING INDEX" in plan or "PRIMARY KEY" in plan, plan  # the join looks rows up, it does not scan


def test_finding_filters_probe_the_findings_index(big_store: Any) -> None:
    store, _ = big_store
    plan = _plan(store.engine, ListQuery(rule="score.total", severity="error"))
    # a probe of one document's few findings by index, not a scan of the findings table
    assert re.search(r"SEARCH findings USING (COVERING )?INDEX ix_findings_report_id\w* \(report_id=\?", plan), plan


@pytest.mark.parametrize("backend", backends())
def test_pages_cover_every_match_once_in_order(backend: str, tmp_path: Path) -> None:
    with database(backend, tmp_path) as url, Store(url) as store:
        fill_documents(store, 130)
        with store.session() as session:
            for query in (ListQuery(sort="project"), ListQuery(sort="year"), ListQuery(kind="evaluation_report")):
                seen: list[str] = []
                first = list_documents(session, query)
                for page in range(1, first.pages + 1):
                    listing = list_documents(session, ListQuery(**{**query.__dict__, "page": page}))
                    seen.extend(row.sha256 for row in listing.rows)
                assert len(seen) == len(set(seen)) == first.total
            projects = list_documents(session, ListQuery(sort="project", per_page=200)).rows
            assert [r.project_name for r in projects] == sorted(r.project_name or "" for r in projects)
            counted = list_documents(session, ListQuery(sort="findings", per_page=10)).rows
            assert [r.finding_total for r in counted] == [7] * 10
            unit = list_documents(session, ListQuery(unit="第7单位")).rows
            assert unit and all(r.unit == "第7单位" for r in unit)
            literal = list_documents(session, ListQuery(project="%")).rows
            assert literal == []  # LIKE wildcards typed by a user are plain text


@pytest.mark.parametrize("backend", backends())
def test_charts_count_what_the_database_holds(backend: str, tmp_path: Path) -> None:
    from collections import Counter
    from decimal import Decimal

    from sqlalchemy import select

    from pipeline.store.schema import BudgetRow, DocumentRow, FindingRow, ReportRow
    from pipeline.web.charts import RATE_BINS, execution_rates, findings_by_rule, findings_by_year

    with database(backend, tmp_path) as url, Store(url) as store:
        fill_documents(store, 300)
        with store.session() as session:
            for query in (ListQuery(), ListQuery(kind="self_evaluation_form")):
                kept = select(ReportRow.id).join(DocumentRow, DocumentRow.id == ReportRow.document_id)
                if query.kind:
                    kept = kept.where(DocumentRow.kind == query.kind)
                reports = set(session.scalars(kept))
                findings = [
                    (r, rule, sev)
                    for r, rule, sev in session.execute(
                        select(FindingRow.report_id, FindingRow.rule, FindingRow.severity)
                    )
                    if r in reports
                ]
                by_rule = {bar.label: bar.value for bar in findings_by_rule(session, query).bars}
                assert by_rule == dict(Counter(rule for _, rule, _ in findings))
                years = dict(session.execute(select(ReportRow.id, ReportRow.year)).all())
                by_year = {bar.label: bar.value for bar in findings_by_year(session, query).bars}
                assert by_year == {f"{y}年": n for y, n in Counter(years[r] for r, _, _ in findings).items()}
                rates = [
                    rate
                    for r, rate in session.execute(select(BudgetRow.report_id, BudgetRow.execution_rate))
                    if r in reports
                ]
                expected = Counter(
                    next(
                        label
                        for label, low, high in RATE_BINS
                        if (low is None or Decimal(rate) >= low) and (high is None or Decimal(rate) < high)
                    )
                    for rate in rates
                )
                columns = {column.label: column.value for column in execution_rates(session, query).columns}
                assert columns == {label: expected.get(label, 0) for label, _, _ in RATE_BINS}
                assert sum(columns.values()) == len(reports)


def test_counts_stop_at_the_cap_and_the_pager_goes_on(big_store: Any) -> None:
    from pipeline.web.listing import COUNT_CAP

    store, _ = big_store
    with store.session() as session:
        everything = list_documents(session, ListQuery())
        assert (everything.total, everything.capped) == (20_000, False)
        many = list_documents(session, ListQuery(status="ok"))
        assert many.capped and many.total == COUNT_CAP and many.has_next
        few = list_documents(session, ListQuery(year=2020, kind="evaluation_report"))
        assert not few.capped and 0 < few.total < COUNT_CAP
