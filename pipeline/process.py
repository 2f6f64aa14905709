"""One document, start to finish: read → extract → validate → Report. Never raises for bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

from models.document import SourceInfo
from models.report import Evidence, Finding, Report
from parsers import UnreadableError, read
from parsers.limits import DEFAULT_LIMITS, Limits


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unreadable_report(display_path: str, sha256: str, reason: str) -> Report:
    """The record of a file that could not be parsed: kind unreadable, one finding saying why."""
    finding = Finding(
        rule="document.unreadable",
        severity="error",
        message=f"文件无法读取：{reason}",
        evidence=[Evidence(text=display_path)],
    )
    source = SourceInfo(path=display_path, sha256=sha256, format=None)
    return Report(source=source, kind="unreadable", findings=[finding])


def process_file(path: Path, display_path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read, extract and validate one file. Bad input yields an `unreadable` record, not an exception."""
    from pipeline.extract import extract
    from pipeline.validate import validate

    display = display_path if display_path is not None else str(path)
    try:
        sha256 = file_sha256(path)
    except OSError as error:
        return unreadable_report(display, "", f"文件无法打开：{error.strerror or error}")
    try:
        document = read(path, limits)
    except UnreadableError as error:
        return unreadable_report(display, sha256, error.reason)
    document.source = document.source.model_copy(update={"path": display, "sha256": sha256})
    extraction = extract(document)
    extraction.report.findings = validate(extraction)
    return extraction.report
