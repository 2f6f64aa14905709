"""Which files a command works on: files as given, folders walked for document files."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# Inside folders only these names are taken; a file named explicitly is always read,
# whatever its name, because the real type is sniffed from its bytes.
DOCUMENT_SUFFIXES = frozenset({".docx", ".doc", ".wps", ".rtf", ".pdf"})


def iter_documents(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, display path) in a stable order; folders are walked recursively."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path, str(path)


def _walk(folder: Path) -> Iterator[tuple[Path, str]]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")):
                continue  # hidden files and Office lock files
            if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                file = Path(root) / name
                yield file, str(file)
