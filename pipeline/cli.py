"""The `perfaudit` command: a thin layer that parses options, calls the library, maps errors to exit codes."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from models.report import report_json_schema
from pipeline.cli_options import (
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_SIZE_MB,
    DEFAULT_TIMEOUT,
    MaxPagesOpt,
    MaxSizeOpt,
    PathsArg,
    TimeoutOpt,
    limits_from_options,
)

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


@app.command()
def extract(
    paths: PathsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per document (JSON Lines).")] = False,
    max_size_mb: MaxSizeOpt = DEFAULT_MAX_SIZE_MB,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    max_pages: MaxPagesOpt = DEFAULT_MAX_PAGES,
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
    # Run the commands registered on the importable module's `app`, not on this __main__ copy's.
    from pipeline.cli import main as installed_main

    installed_main()
