"""One document, start to finish: read → extract → validate → Report. Never raises for bad input."""

from __future__ import annotations

import logging
from pathlib import Path

from models.document import Document, SourceInfo
from models.report import Evidence, Finding, Report
from parsers import UnreadableError, read
from parsers.digest import file_sha256
from parsers.limits import DEFAULT_LIMITS, Limits
from pipeline.deadline import deadline

log = logging.getLogger(__name__)


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
    try:
        return process_document(path, display_path, limits)[0]
    except MemoryError:
        display = display_path if display_path is not None else str(path)
        return unreadable_report(display, file_sha256(path), "内存不足，文件未能处理")


def process_document(
    path: Path, display_path: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[Report, Document | None]:
    """`process_file`, also returning the parsed `Document` (None when the file could not be read).

    A `MemoryError` is raised, not recorded: whoever set the memory limit names it.
    """
    display = display_path if display_path is not None else str(path)
    try:
        sha256 = file_sha256(path)
    except OSError as error:
        return unreadable_report(display, "", f"文件无法打开：{error.strerror or error}"), None
    document: Document | None = None
    try:
        with deadline(limits.seconds_per_document):
            document = read(path, limits)
            # Imported on first use: a run of unreadable files need not load the NLP pipeline.
            from pipeline.extract import extract
            from pipeline.validate import validate

            document.source = document.source.model_copy(update={"path": display, "sha256": sha256})
            extraction = extract(document)
            extraction.report.findings = validate(extraction)
    except UnreadableError as error:
        return unreadable_report(display, sha256, error.reason), document
    except MemoryError:
        raise
    except Exception as error:  # a defect of ours must not stop a batch; keep the trace for a bug report
        wrapped = _wrapped_unreadable(error)
        if wrapped is not None:
            return unreadable_report(display, sha256, wrapped.reason), document
        log.exception("internal error while processing %s", display)
        reason = f"内部错误，文件未能处理（{type(error).__name__}: {error}）"
        return unreadable_report(display, sha256, reason), document
    return extraction.report, document


def _wrapped_unreadable(error: BaseException) -> UnreadableError | None:
    """Our own `UnreadableError` (a deadline, say) re-raised by a library inside its own exception type."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, UnreadableError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
