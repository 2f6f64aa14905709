"""The unit of work of a batch: one file in, one `Outcome` out. Runs in a worker, anywhere."""

from __future__ import annotations

import contextlib
import resource
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from models.document import Document
from models.report import Report
from parsers.limits import Limits
from pipeline.process import process_document, unreadable_report
from pipeline.store import Processed, Status


@dataclass(frozen=True)
class Task:
    index: int
    path: str
    """Where the worker reads the file."""
    display: str
    """The path as the user gave it or as found under a given folder (the record's source.path)."""
    sha256: str


@dataclass
class Outcome:
    """What a worker sends back; records travel as JSON so workers and client need not share objects."""

    task: Task
    status: Status
    report_json: str
    document_json: str | None = None
    error: str | None = None
    seconds: float | None = None
    peak_memory_bytes: int | None = None

    def processed(self) -> Processed:
        report = Report.model_validate_json(self.report_json)
        document = Document.model_validate_json(self.document_json) if self.document_json else None
        return Processed(
            report=report,
            document=document,
            status=self.status,
            error=self.error,
            seconds=None if self.seconds is None else Decimal(f"{self.seconds:.3f}"),
            peak_memory_bytes=self.peak_memory_bytes,
        )


def failed(task: Task, status: Status, reason: str, seconds: float | None = None) -> Outcome:
    """The outcome of a document whose worker had to be stopped or died."""
    report = unreadable_report(task.display, task.sha256, reason)
    return Outcome(task=task, status=status, report_json=report.to_json(), error=reason, seconds=seconds)


def run_task(task: Task, limits: Limits, memory_limit_mb: int | None = None, path: Path | None = None) -> Outcome:
    """Process one file here and now. `path` overrides where the bytes are read (a Dask temporary copy)."""
    _reset_peak_memory()
    started = time.perf_counter()
    try:
        report, document = process_document(path or Path(task.path), task.display, limits)
    except MemoryError:
        return failed(task, "limit", memory_message(memory_limit_mb), time.perf_counter() - started)
    seconds = time.perf_counter() - started
    report.source = report.source.model_copy(update={"sha256": report.source.sha256 or task.sha256})
    status: Status = "ok"
    if report.kind == "unreadable":
        # an unreadable record that took the whole allowed time was cut off by the reader's own deadline
        status = "limit" if seconds >= limits.seconds_per_document else "unreadable"
    return Outcome(
        task=task,
        status=status,
        report_json=report.to_json(),
        document_json=document.model_dump_json() if document is not None else None,
        error=unreadable_reason(report),
        seconds=seconds,
        peak_memory_bytes=_peak_memory_bytes(),
    )


def warm_up() -> None:
    """Load the readers and the NLP pipeline (jieba's dictionary) before the first document's clock starts."""
    import importlib

    from models.document import Paragraph, SourceInfo
    from parsers import READERS

    for module in sorted(set(READERS.values())):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    try:
        from pipeline.extract import extract
        from pipeline.validate import validate
    except ImportError:
        return
    sample = Document(
        source=SourceInfo(path="warm-up", sha256="", format="docx"),
        blocks=[Paragraph(index=1, text="本年度预算100万元，共支出90万元，执行率90%。")],
    )
    with contextlib.suppress(Exception):  # a defect here shows again, with its document, in the real run
        validate(extract(sample))


def memory_message(memory_limit_mb: int | None) -> str:
    limit = f" {memory_limit_mb} MB" if memory_limit_mb else ""
    return f"处理所需内存超过上限{limit}，已停止"


def time_message(seconds: float) -> str:
    return f"处理时间超过上限 {seconds:g} 秒，已停止"


def unreadable_reason(report: Report) -> str | None:
    if report.kind != "unreadable":
        return None
    return next((f.message for f in report.findings if f.rule == "document.unreadable"), None)


def _reset_peak_memory() -> None:
    # Linux: writing 5 to clear_refs resets the peak resident size, so each task measures its own peak.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_memory_bytes() -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
