"""Readers: one module per format, each exposing `read(path, limits) -> Document`.

`read()` sniffs the real format from the file's bytes and dispatches through the
one registry below; nothing else in the project looks at file extensions.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from models.document import Document, SourceFormat
from parsers.errors import LimitExceeded, UnreadableError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.sniff import sniff_format


class Reader(Protocol):
    def __call__(self, path: Path, limits: Limits, *, fmt: SourceFormat) -> Document: ...


# format → module whose `read` handles it; imported on first use (pdf and OCR are heavy).
READERS: dict[SourceFormat, str] = {
    "docx": "parsers.docx",
    "pdf": "parsers.pdf",
    "doc": "parsers.legacy",
    "wps": "parsers.legacy",
    "rtf": "parsers.legacy",
}


def read(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse any supported file into a `Document`; raise `UnreadableError` for bad input."""
    path = Path(path)
    fmt = sniff_format(path, limits)
    module = importlib.import_module(READERS[fmt])
    reader: Reader = module.read
    return reader(path, limits, fmt=fmt)


__all__ = ["READERS", "LimitExceeded", "Limits", "UnreadableError", "read", "sniff_format"]
