"""Exporting stored records: one table per record type, as xlsx, csv, jsonl or parquet.

The tables are built once from the store (`record_tables`) and each writer only lays
them out, so every format carries the same rows and columns.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from models.report import Evidence, Report
from pipeline.store import Filters, Store, finding_key
from pipeline.store.schema import DocumentRow

Format = Literal["xlsx", "csv", "jsonl", "parquet"]
ColumnKind = Literal["text", "int", "money", "number"]
"""money: yuan with two decimals; number: a rate, weight or score with its printed decimals."""


@dataclass
class RecordTable:
    name: str
    columns: list[tuple[str, ColumnKind]]
    rows: list[list[Any]] = field(default_factory=list)


_KEY: list[tuple[str, ColumnKind]] = [("sha256", "text"), ("path", "text"), ("project_name", "text"), ("year", "int")]
_M: ColumnKind = "money"
_N: ColumnKind = "number"
_T: ColumnKind = "text"


def _tables() -> dict[str, RecordTable]:
    specs: dict[str, list[tuple[str, ColumnKind]]] = {
        "documents": [
            *_KEY,
            ("other_paths", _T),
            ("format", _T),
            ("pages", "int"),
            ("kind", _T),
            ("status", _T),
            ("error", _T),
            ("implementing_unit", _T),
            ("competent_department", _T),
            ("leader", _T),
            ("phone", _T),
            ("address", _T),
            ("postcode", _T),
            ("project_type", _T),
            ("goal_expected", _T),
            ("goal_actual", _T),
            ("conclusion", _T),
            ("total_score", _N),
            ("grade", _T),
            ("findings", "int"),
            ("seconds", _N),
            ("tool_version", _T),
            ("processed_at", _T),
        ],
        "budgets": [
            *_KEY,
            *[(name, _M) for name in ("planned", "adjusted", "received", "spent", "balance")],
            ("execution_rate", _N),
            ("execution_weight", _N),
            ("execution_score", _N),
            ("reason", _T),
        ],
        "funding_sources": [*_KEY, ("name", _T), *[(n, _M) for n in ("planned", "adjusted", "received", "spent")]],
        "spending_items": [*_KEY, ("name", _T), ("amount", _M)],
        "scores": [
            *_KEY,
            ("level1", _T),
            ("level1_weight", _N),
            ("level2", _T),
            ("level2_weight", _N),
            ("level3", _T),
            ("weight", _N),
            ("score", _N),
        ],
        "indicators": [
            *_KEY,
            ("level1", _T),
            ("level1_weight", _N),
            ("level2", _T),
            ("name", _T),
            ("target", _T),
            ("actual", _T),
            ("weight", _N),
            ("score", _N),
            ("tiers", _T),
            ("deviation_reason", _T),
        ],
        "findings": [  # what a reviewer reads first on the left; the ids at the end
            ("path", _T),
            ("project_name", _T),
            ("year", "int"),
            ("implementing_unit", _T),
            ("rule", _T),
            ("severity", _T),
            ("code", _T),
            ("message", _T),
            ("evidence", _T),
            ("sha256", _T),
            ("finding_key", _T),
        ],
    }
    return {name: RecordTable(name, columns) for name, columns in specs.items()}


def evidence_text(evidence: Evidence) -> str:
    """A place a reviewer can find: "第3页 表2 第5行第6列：558.01", "第14段：共支出512.02万元"."""
    return evidence.describe()


_PROJECT_DETAILS = [
    "implementing_unit",
    "competent_department",
    "leader",
    "phone",
    "address",
    "postcode",
    "project_type",
    "goal_expected",
    "goal_actual",
    "conclusion",
]


def _values(model: Any, names: Iterable[str]) -> list[Any]:
    return [getattr(model, name) for name in names]


def _field_columns(table: RecordTable) -> list[str]:
    """The columns after the document key: in the record tables they are the model's own field names."""
    return [name for name, _ in table.columns[len(_KEY) :]]


def record_tables(store: Store, filters: Filters | None = None) -> dict[str, RecordTable]:
    """Every stored record (selected by `filters`) flattened into one table per record type."""
    tables = _tables()
    for document, report in store.documents(filters):
        _add(tables, document, report)
    return tables


def _add(tables: dict[str, RecordTable], document: DocumentRow, report: Report) -> None:
    project, budget = report.project, report.budget
    paths = [p.path for p in document.paths]
    key = [document.sha256, report.source.path, project.name, project.year]
    tables["documents"].rows.append(
        [
            *key,
            "; ".join(paths[1:]) or None,
            report.source.format,
            report.source.pages,
            report.kind,
            document.status,
            document.error,
            *_values(project, _PROJECT_DETAILS),
            report.total_score,
            report.grade,
            len(report.findings),
            document.seconds,
            document.tool_version,
            document.processed_at.isoformat() if document.processed_at else None,
        ]
    )
    tables["budgets"].rows.append([*key, *_values(budget, _field_columns(tables["budgets"]))])
    source_columns = _field_columns(tables["funding_sources"])
    for source in budget.sources:
        tables["funding_sources"].rows.append([*key, *_values(source, source_columns)])
    item_columns = _field_columns(tables["spending_items"])
    for item in report.spending_items:
        tables["spending_items"].rows.append([*key, *_values(item, item_columns)])
    score_columns = _field_columns(tables["scores"])
    for row in report.scores:
        tables["scores"].rows.append([*key, *_values(row, score_columns)])
    indicator_columns = _field_columns(tables["indicators"])
    for indicator in report.indicators:
        values = _values(indicator, indicator_columns)
        tiers = indicator.tiers
        values[indicator_columns.index("tiers")] = "；".join(f"{k}：{v}" for k, v in tiers.items()) if tiers else None
        tables["indicators"].rows.append([*key, *values])
    for finding in report.findings:
        evidence = "\n".join(evidence_text(e) for e in finding.evidence)
        tables["findings"].rows.append(
            [
                report.source.path,
                project.name,
                project.year,
                project.implementing_unit,
                finding.rule,
                finding.severity,
                finding.code,
                finding.message,
                evidence,
                document.sha256,
                finding_key(finding),
            ]
        )


# --- writers ---------------------------------------------------------------------------------


def export(store: Store, fmt: Format, output: Path, filters: Filters | None = None) -> dict[str, int]:
    """Write the selected records to `output`; returns rows written per record type."""
    if fmt == "jsonl":
        return {"records": write_jsonl((r for _, r in store.documents(filters)), output)}
    tables = record_tables(store, filters)
    writers = {"xlsx": write_xlsx, "csv": write_csv, "parquet": write_parquet}
    writers[fmt](tables, output)
    return {name: len(table.rows) for name, table in tables.items()}


def write_jsonl(reports: Iterable[Report], output: Path) -> int:
    count = 0
    with output.open("w", encoding="utf-8") as out:
        for report in reports:
            out.write(report.to_json() + "\n")
            count += 1
    return count


def write_csv(tables: dict[str, RecordTable], output: Path) -> None:
    """One CSV per record type: in a folder, or in a zip when `output` ends with .zip.

    UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese text right.
    """
    files = {f"{name}.csv": _csv_text(table) for name, table in tables.items()}
    if output.suffix.lower() == ".zip":
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text.encode("utf-8-sig"))
        return
    output.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (output / name).write_text(text, encoding="utf-8-sig")


def _csv_text(table: RecordTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in table.columns])
    for row in table.rows:
        writer.writerow(["" if v is None else format(v, "f") if isinstance(v, Decimal) else v for v in row])
    return buffer.getvalue()


_SHEET_TITLES = {
    "findings": "发现问题 findings",
    "documents": "文档 documents",
    "budgets": "预算 budgets",
    "funding_sources": "资金来源 funding_sources",
    "spending_items": "支出明细 spending_items",
    "scores": "评分 scores",
    "indicators": "绩效指标 indicators",
}
_WIDTHS = {"message": 60, "evidence": 48, "path": 36, "sha256": 14, "name": 28, "project_name": 24, "error": 40}


def write_xlsx(tables: dict[str, RecordTable], output: Path) -> None:
    """One sheet per record type, findings first: frozen header, autofilter, readable widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=False)
    book.remove(book.active)
    for name in _SHEET_TITLES:
        table = tables[name]
        sheet = book.create_sheet(_SHEET_TITLES[name][:31])
        sheet.append([column for column, _ in table.columns])
        for row in table.rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        last = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
        for index, (column, kind) in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = _WIDTHS.get(column, 16 if kind == "text" else 12)
            if kind == "money":
                for cells in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cells[0].number_format = "#,##0.00"
            if column in ("message", "evidence", "error"):
                for cells in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cells[0].alignment = Alignment(wrap_text=True, vertical="top")
    book.save(output)


_ARROW_DECIMALS = {"money": (18, 2), "number": (20, 6)}


def write_parquet(tables: dict[str, RecordTable], output: Path) -> None:
    """One Parquet file per record type in the folder `output`; money as decimal128(18, 2)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    output.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        fields, arrays = [], []
        for index, (column, kind) in enumerate(table.columns):
            values = [row[index] for row in table.rows]
            if kind in _ARROW_DECIMALS:
                precision, scale = _ARROW_DECIMALS[kind]
                quantum = Decimal(1).scaleb(-scale)
                data_type = pa.decimal128(precision, scale)
                values = [None if v is None else Decimal(v).quantize(quantum) for v in values]
            else:
                data_type = pa.int64() if kind == "int" else pa.string()
            fields.append(pa.field(column, data_type))
            arrays.append(pa.array(values, type=data_type))
        pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), output / f"{name}.parquet")
