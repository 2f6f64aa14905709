"""A file dropped on the page: checked, then processed and stored by the same code as `perfaudit run`.

The type is sniffed from the bytes (a .docx is a ZIP holding word/document.xml, a PDF starts
with %PDF); the name the browser sent is ignored, the file is stored under its sha256.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from parsers.errors import UnreadableError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.sniff import sniff_format
from pipeline.batch import DEFAULT_MEMORY_LIMIT_MB
from pipeline.batch.pool import WorkerPool
from pipeline.batch.tasks import Task
from pipeline.store import Store

ACCEPTED_FORMATS = ("docx", "pdf")
DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
UPLOAD_FOLDER = "uploads"
"""The folder part of an uploaded document's recorded path: uploads/<sha256>.<format>."""


class UploadRefused(Exception):
    """The upload is not a document we take: wrong type or too large."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class UploadSettings:
    max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    limits: Limits = DEFAULT_LIMITS
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB


def too_large_reason(max_bytes: int) -> str:
    """Said both when the declared length is too large (before the body is read) and when the body is."""
    return f"文件超过 {max_bytes // (1024 * 1024)} MB 上限"


def sniffed_format(path: Path, settings: UploadSettings) -> str:
    try:
        kind = sniff_format(path, settings.limits)
    except UnreadableError as error:
        raise UploadRefused(415, f"不是 Word（.docx）或 PDF 文件：{error.reason}") from error
    if kind not in ACCEPTED_FORMATS:
        raise UploadRefused(415, f"只接受 .docx 和 PDF 文件，这个文件是 {kind} 格式")
    return kind


def process_upload(store: Store, content: bytes, settings: UploadSettings) -> str:
    """Check, process and store one uploaded file; returns its sha256."""
    if not content:
        raise UploadRefused(400, "文件为空")
    if len(content) > settings.max_bytes:
        raise UploadRefused(413, too_large_reason(settings.max_bytes))
    sha256 = hashlib.sha256(content).hexdigest()
    with tempfile.TemporaryDirectory(prefix="perfaudit-upload-") as folder:
        # our own name, never the client's: the bytes decide the suffix
        staged = Path(folder) / "upload.bin"
        staged.write_bytes(content)
        kind = sniffed_format(staged, settings)
        named = staged.rename(staged.with_name(f"{sha256}.{kind}"))
        task = Task(index=0, path=str(named), display=f"{UPLOAD_FOLDER}/{sha256}.{kind}", sha256=sha256)
        # one worker process, as in a batch: the time and memory limits hold for uploads too
        outcomes = WorkerPool(1, settings.limits, settings.memory_limit_mb).run([task])
        try:
            outcome = next(outcomes)
        finally:
            outcomes.close()  # type: ignore[attr-defined]
    processed = outcome.processed()
    processed.size_bytes = len(content)
    store.save(processed, original=content)
    return sha256
