"""Content-addressed copies of the original files, so the review page can show them later.

A SQLite database keeps them in a folder beside its file (`perfaudit.db` →
`perfaudit.files/ab/abcdef…`), which keeps the database small and the files plain to
copy. Any other database (PostgreSQL, in-memory SQLite) keeps them in its `blobs`
table, so a server database holds everything and needs no shared folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from pipeline.store.schema import BlobRow


class Blobs(Protocol):
    def put(self, session: Session, sha256: str, content: bytes) -> None: ...

    def get(self, session: Session, sha256: str) -> bytes | None: ...


class FolderBlobs:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, session: Session, sha256: str, content: bytes) -> None:
        target = self.path(sha256)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        # write aside, then rename: a killed run never leaves a half-written file under the final name
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, session: Session, sha256: str) -> bytes | None:
        target = self.path(sha256)
        return target.read_bytes() if target.exists() else None


class TableBlobs:
    def put(self, session: Session, sha256: str, content: bytes) -> None:
        if session.get(BlobRow, sha256) is None:
            session.add(BlobRow(sha256=sha256, size_bytes=len(content), content=content))

    def get(self, session: Session, sha256: str) -> bytes | None:
        row = session.get(BlobRow, sha256)
        return None if row is None else row.content
