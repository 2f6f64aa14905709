"""Options more than one `perfaudit` command takes, declared once.

Kept apart from `pipeline.cli` so the command modules can import them without depending on
the order in which `pipeline.cli` registers its commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parsers.limits import DEFAULT_LIMITS, Limits

PathsArg = Annotated[
    list[Path],
    typer.Argument(
        exists=True,
        readable=True,
        help="Files or folders. Folders are walked recursively for .docx .doc .wps .rtf .pdf files.",
        show_default=False,
    ),
]
MaxSizeOpt = Annotated[int, typer.Option("--max-size-mb", min=1, help="Refuse files larger than this (MB).")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=1, help="Give up on one document after this many seconds.")]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", min=1, help="Refuse documents with more pages than this.")]
# typer takes no default inside Annotated, so the commands write these as their parameter defaults
DEFAULT_MAX_SIZE_MB = DEFAULT_LIMITS.max_file_bytes // (1024 * 1024)
DEFAULT_TIMEOUT = DEFAULT_LIMITS.seconds_per_document
DEFAULT_MAX_PAGES = DEFAULT_LIMITS.max_pages

DbOpt = Annotated[
    str,
    typer.Option(
        "--db",
        help="Database: a SQLite file (created if missing) or postgresql://user@host:port/name.",
        envvar="PERFAUDIT_DB",
    ),
]
YearOpt = Annotated[int | None, typer.Option("--year", help="Only documents of this year.")]
UnitOpt = Annotated[str | None, typer.Option("--unit", help="Only units whose name contains this text.")]
KindOpt = Annotated[str | None, typer.Option("--kind", help="Only this kind (evaluation_report, unreadable …).")]
RuleOpt = Annotated[str | None, typer.Option("--rule", help="Only findings of this rule (budget.sources_sum …).")]
SeverityOpt = Annotated[str | None, typer.Option("--severity", help="Only findings of this severity (error …).")]


def limits_from_options(max_size_mb: int, timeout: float, max_pages: int) -> Limits:
    return Limits(
        max_file_bytes=max_size_mb * 1024 * 1024,
        max_pages=max_pages,
        max_inflated_bytes=DEFAULT_LIMITS.max_inflated_bytes,
        max_inflation_ratio=DEFAULT_LIMITS.max_inflation_ratio,
        seconds_per_document=timeout,
    )
