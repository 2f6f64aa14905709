"""The `perfaudit` command: a thin layer that parses options, calls the library, maps errors to exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from models.report import report_json_schema
from parsers.limits import DEFAULT_LIMITS, Limits

app = typer.Typer(
    name="perfaudit",
    help=(
        "Read 绩效评价报告 and 项目支出绩效自评表 (Word, PDF, scanned PDF), extract every figure with its "
        "place in the document, and flag the figures that disagree.\n\n"
        "Example:  perfaudit extract reports/ --json > records.jsonl"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

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


def limits_from_options(max_size_mb: int, timeout: float, max_pages: int) -> Limits:
    return Limits(
        max_file_bytes=max_size_mb * 1024 * 1024,
        max_pages=max_pages,
        max_inflated_bytes=DEFAULT_LIMITS.max_inflated_bytes,
        max_inflation_ratio=DEFAULT_LIMITS.max_inflation_ratio,
        seconds_per_document=timeout,
    )


@app.command()
def extract(
    paths: PathsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per document (JSON Lines).")] = False,
    max_size_mb: MaxSizeOpt = DEFAULT_LIMITS.max_file_bytes // (1024 * 1024),
    timeout: TimeoutOpt = DEFAULT_LIMITS.seconds_per_document,
    max_pages: MaxPagesOpt = DEFAULT_LIMITS.max_pages,
) -> None:
    """Extract the record of each document and check its figures.

    Without --json a readable summary is printed.

    Exit status: 0 when every document was processed (findings do not change it),
    1 when any document was unreadable, 2 for usage errors.

    Examples:

      perfaudit extract 综合事务.docx

      perfaudit extract reports/ --json > records.jsonl
    """
    from pipeline.discover import iter_documents
    from pipeline.process import process_file
    from pipeline.summary import print_report, print_totals

    limits = limits_from_options(max_size_mb, timeout, max_pages)
    unreadable = 0
    kinds: dict[str, int] = {}
    for file, display in iter_documents(paths):
        report = process_file(file, display, limits)
        kinds[report.kind] = kinds.get(report.kind, 0) + 1
        unreadable += report.kind == "unreadable"
        if as_json:
            sys.stdout.write(report.to_json() + "\n")
            sys.stdout.flush()
        else:
            print_report(report)
    if not as_json:
        print_totals(kinds)
    raise typer.Exit(1 if unreadable else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the extracted record, generated from the models.

    Example:  perfaudit schema > record.schema.json
    """
    sys.stdout.write(json.dumps(report_json_schema(), ensure_ascii=False, indent=2) + "\n")


import pipeline.cli_run  # noqa: E402, F401  (registers run, export, findings on `app`)
from pipeline import cli_serve  # noqa: E402, F401  (registers serve on `app`)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
