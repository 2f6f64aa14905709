"""Exports read back with their own libraries: xlsx (openpyxl), csv, jsonl (the contract), parquet (pyarrow)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from models.report import Evidence, Report
from pipeline.export import evidence_text, export, record_tables
from pipeline.store import Filters, Processed, Store
from tests.databases import backends, database
from tests.store_samples import full_report, sha_of


@pytest.fixture(params=backends())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database(request.param, tmp_path / "db") as url, Store(url) as opened:
        opened.save(Processed(full_report("2020/综合事务.pdf", sha_of(b"a"), year=2020, unit="省政务中心")))
        opened.save(Processed(full_report("2021/教育.pdf", sha_of(b"b"), year=2021, unit="市教育局")))
        yield opened


def test_evidence_reads_like_a_place_in_the_document() -> None:
    assert evidence_text(Evidence(table=2, row=4, col=5, text="558.01")) == "表2 第5行第6列：558.01"
    assert evidence_text(Evidence(paragraph=14, text="共支出512.02万元")) == "第14段：共支出512.02万元"
    assert evidence_text(Evidence(page=3, table=1, row=0, col=0, text="项目")) == "第3页 表1 第1行第1列：项目"
    assert evidence_text(Evidence(text="broken.pdf")) == "broken.pdf"


def test_xlsx_has_a_sheet_per_record_type_and_a_filterable_findings_sheet(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    output = tmp_path / "out.xlsx"
    counts = export(store, "xlsx", output)

    book = load_workbook(output)
    assert book.sheetnames[0] == "发现问题 findings"
    assert len(book.sheetnames) == 7
    findings = book["发现问题 findings"]
    assert findings.freeze_panes == "A2"
    assert findings.auto_filter.ref == f"A1:K{counts['findings'] + 1}"
    header = [c.value for c in findings[1]]
    evidence = [row[header.index("evidence")] for row in findings.iter_rows(min_row=2, values_only=True)]
    assert "表2 第5行第6列：558.01\n第14段：共支出512.02万元" in evidence
    assert header[7:9] == ["message", "evidence"]
    assert findings.column_dimensions["H"].width >= 40  # the message column is readable
    items = book["支出明细 spending_items"]
    amounts = [r[-1] for r in items.iter_rows(min_row=2, values_only=True)]
    assert 99600 in amounts
    assert items.cell(row=2, column=len(header_items := [c.value for c in items[1]])).number_format == "#,##0.00"
    assert header_items[-1] == "amount"


def test_csv_writes_one_file_per_record_type_with_exact_money(store: Store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "csv")
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == sorted(f"{t}.csv" for t in record_tables(store))
    with (tmp_path / "csv" / "spending_items.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["amount"] for r in rows] == ["99600.00", "123456789012345.67", ""] * 2

    export(store, "csv", tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        budgets = archive.read("budgets.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(budgets)))
    assert rows[0]["execution_rate"] == "91.760" and rows[0]["planned"] == "6706400.00"


def test_jsonl_holds_the_contract_records(store: Store, tmp_path: Path) -> None:
    export(store, "jsonl", tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    records = [Report.model_validate_json(line) for line in lines]
    assert records == [store.load_report(sha_of(b"a")), store.load_report(sha_of(b"b"))]
    assert json.loads(lines[0])["budget"]["planned"] == "6706400.00"


def test_parquet_keeps_money_as_decimal128(store: Store, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path / "pq")
    budgets = pq.read_table(tmp_path / "pq" / "budgets.parquet")
    assert budgets.schema.field("planned").type == pa.decimal128(18, 2)
    assert budgets.column("planned").to_pylist() == [Decimal("6706400.00")] * 2
    items = pq.read_table(tmp_path / "pq" / "spending_items.parquet")
    assert Decimal("123456789012345.67") in items.column("amount").to_pylist()


def test_filters_select_documents_and_findings(store: Store, tmp_path: Path) -> None:
    def paths(**filters: object) -> list[str]:
        return [row[1] for row in record_tables(store, Filters(**filters))["documents"].rows]  # type: ignore[arg-type]

    assert paths() == ["2020/综合事务.pdf", "2021/教育.pdf"]
    assert paths(year=2021) == ["2021/教育.pdf"]
    assert paths(unit="政务") == ["2020/综合事务.pdf"]
    assert paths(kind="self_evaluation_form") == []
    findings = record_tables(store, Filters(rule="score.grade", year=2020))["findings"].rows
    assert [(row[0], row[4]) for row in findings] == [("2020/综合事务.pdf", "score.grade")]
    export(store, "jsonl", tmp_path / "errors.jsonl", Filters(severity="error"))
    kept = [Report.model_validate_json(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [f.severity for r in kept for f in r.findings] == ["error", "error"]
