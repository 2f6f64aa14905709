"""Stored findings in the terminal: one rich table, filterable like the export."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.export import record_tables
from pipeline.store import Filters, Store
from pipeline.summary import SEVERITY_STYLES


def findings_table(store: Store, filters: Filters | None = None) -> Table:
    rows = record_tables(store, filters)["findings"]
    column = {name: index for index, (name, _) in enumerate(rows.columns)}
    table = Table(title=f"发现问题 findings: {len(rows.rows)}", show_lines=True, expand=True)
    table.add_column("文件 path", overflow="fold", ratio=2)
    table.add_column("年度", no_wrap=True)
    table.add_column("单位 unit", overflow="fold", ratio=1)
    table.add_column("规则 rule", overflow="fold", ratio=1)
    table.add_column("级别", no_wrap=True)
    table.add_column("说明 message", overflow="fold", ratio=3)
    table.add_column("位置 evidence", overflow="fold", ratio=2)
    for row in rows.rows:
        severity = row[column["severity"]]
        year = row[column["year"]]
        table.add_row(  # Text, not markup: messages may hold brackets
            Text(row[column["path"]]),
            Text("" if year is None else str(year)),
            Text(row[column["implementing_unit"]] or ""),
            Text(row[column["rule"]]),
            Text(severity, style=SEVERITY_STYLES.get(severity, "")),
            Text(row[column["message"]]),
            Text(row[column["evidence"]]),
        )
    return table


def print_findings(store: Store, filters: Filters | None = None, console: Console | None = None) -> int:
    """Print the findings; returns how many there were."""
    table = findings_table(store, filters)
    (console or Console()).print(table)
    return table.row_count
