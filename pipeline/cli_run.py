"""The `run`, `export` and `findings` commands: archives into a database and back out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from pipeline.cli import app
from pipeline.cli_options import (
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_SIZE_MB,
    DEFAULT_TIMEOUT,
    DbOpt,
    KindOpt,
    MaxPagesOpt,
    MaxSizeOpt,
    PathsArg,
    RuleOpt,
    SeverityOpt,
    TimeoutOpt,
    UnitOpt,
    YearOpt,
    limits_from_options,
)

if TYPE_CHECKING:
    from pipeline.batch import RunSummary

_stderr = Console(stderr=True)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("— docs/s" if speed is None else f"{speed:.1f} docs/s", style="progress.data.speed")


class _ProgressBar:
    """A rich progress bar fed by the batch (documents done, documents/s, ETA)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("documents", total=None)
        self.events: Counter[str] = Counter()

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, display: str, event: str) -> None:
        self.events[event] += 1
        problems = sum(n for e, n in self.events.items() if e not in ("ok", "skipped", "duplicate"))
        note = f"[red]{problems} unreadable[/] " if problems else ""
        self.progress.update(self.task, advance=1, description=f"{note}{Path(display).name[:40]}")


@app.command()
def run(
    paths: PathsArg,
    db: DbOpt = "perfaudit.db",
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Worker processes [default: all cores].")
    ] = None,
    memory_mb: Annotated[
        int, typer.Option("--memory-mb", min=0, help="Memory limit of one worker in MB (0: none).")
    ] = 4096,
    force: Annotated[
        bool, typer.Option("--force", help="Process again files this version has already stored.")
    ] = False,
    executor: Annotated[
        str, typer.Option("--executor", help="processes (this machine) or dask (a Dask cluster).")
    ] = "processes",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
    ] = None,
    max_size_mb: MaxSizeOpt = DEFAULT_MAX_SIZE_MB,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    max_pages: MaxPagesOpt = DEFAULT_MAX_PAGES,
) -> None:
    """Process every document into a database; a re-run resumes where the last one stopped.

    Files already stored by this version (same sha256) are skipped. Each document is
    written in its own transaction, so Ctrl-C or a crash never loses what is stored.

    Exit status: 0 when every document was processed, 1 when any was unreadable or
    stopped at a limit, 130 when interrupted.

    Examples:

      perfaudit run reports/                      # into ./perfaudit.db

      perfaudit run reports/ --db postgresql://audit@db.example:5432/perfaudit --workers 8

      perfaudit run reports/ --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from pipeline.batch import RunOptions
    from pipeline.batch import run as run_batch
    from pipeline.store import Store

    if executor not in ("processes", "dask"):
        raise typer.BadParameter("use processes or dask", param_hint="--executor")
    if executor == "dask" and not scheduler:
        raise typer.BadParameter("the dask executor needs --scheduler tcp://HOST:PORT", param_hint="--scheduler")
    options = RunOptions(
        workers=workers,
        limits=limits_from_options(max_size_mb, timeout, max_pages),
        memory_limit_mb=memory_mb or None,
        force=force,
        executor=executor,  # type: ignore[arg-type]
        scheduler=scheduler,
    )
    columns = [
        TextColumn("{task.description}", style="dim"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
    ]
    with Store(db) as store:
        with Progress(*columns, console=_stderr, transient=False) as progress:
            summary = run_batch(paths, store, options, _ProgressBar(progress))
        print_run_summary(summary, _stderr)
    if summary.interrupted:
        raise typer.Exit(130)
    raise typer.Exit(1 if summary.failures else 0)


def print_run_summary(summary: RunSummary, console: Console) -> None:
    head = (
        f"{summary.found} files: {summary.stored} stored, {summary.skipped} already stored, "
        f"{summary.duplicates} duplicates, {len(summary.not_opened)} not opened — {summary.seconds:.1f} s"
    )
    if summary.interrupted:
        head = "[bold yellow]interrupted[/] — " + head
    console.print(head, soft_wrap=True)  # one line, whatever the width: scripts grep it
    for display, reason in summary.not_opened:
        console.print(Text(f"  not opened: {display}: {reason}", style="red"), soft_wrap=True)
    documents = Table("kind", "status", "documents", title="documents")
    for (kind, status), count in sorted(summary.documents.items()):
        documents.add_row(kind, status, str(count))
    findings = Table("rule", "severity", "findings", title="findings")
    for (rule, severity), count in sorted(summary.findings.items()):
        findings.add_row(rule, severity, str(count))
    if summary.documents:
        console.print(documents)
    if summary.findings:
        console.print(findings)


def _existing(db: str) -> str:
    """Reading commands never create a database: a mistyped path is an error, not an empty result."""
    from pipeline.store.database import database_url, sqlite_file

    database_file = sqlite_file(database_url(db))
    if database_file is not None and not database_file.exists():
        raise typer.BadParameter(f"no database at {database_file}", param_hint="--db")
    return db


@app.command("export")
def export_command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File (xlsx, jsonl), folder (csv, parquet) or .zip (csv).")
    ],
    fmt: Annotated[str, typer.Option("--format", help="xlsx, csv, jsonl or parquet.")] = "xlsx",
    db: DbOpt = "perfaudit.db",
    year: YearOpt = None,
    unit: UnitOpt = None,
    kind: KindOpt = None,
    rule: RuleOpt = None,
    severity: SeverityOpt = None,
) -> None:
    """Export stored records: one sheet/file per record type, findings with readable evidence.

    Examples:

      perfaudit export --format xlsx -o findings.xlsx --severity error

      perfaudit export --db postgresql://audit@db/perfaudit --format parquet -o out/ --year 2020
    """
    from pipeline.export import export
    from pipeline.store import Filters, Store

    if fmt not in ("xlsx", "csv", "jsonl", "parquet"):
        raise typer.BadParameter("use xlsx, csv, jsonl or parquet", param_hint="--format")
    filters = Filters(year=year, unit=unit, kind=kind, rule=rule, severity=severity)
    with Store(_existing(db)) as store:
        counts = export(store, fmt, output, filters)  # type: ignore[arg-type]
    _stderr.print(f"wrote {output}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))


@app.command()
def findings(
    db: DbOpt = "perfaudit.db",
    year: YearOpt = None,
    unit: UnitOpt = None,
    kind: KindOpt = None,
    rule: RuleOpt = None,
    severity: SeverityOpt = None,
) -> None:
    """Show stored findings in a table.

    Examples:

      perfaudit findings --severity error

      perfaudit findings --rule budget.amount_mismatch --year 2020 --unit 政务中心
    """
    from pipeline.findings_view import print_findings
    from pipeline.store import Filters, Store

    with Store(_existing(db)) as store:
        print_findings(store, Filters(year=year, unit=unit, kind=kind, rule=rule, severity=severity))
