"""The real format of a file, from its bytes — never from its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from models.document import SourceFormat
from parsers.errors import LimitExceeded, UnreadableError
from parsers.limits import Limits

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(path: Path, limits: Limits) -> SourceFormat:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise UnreadableError(f"文件无法打开：{error.strerror or error}") from error
    if size == 0:
        raise UnreadableError("文件为空（0 字节）")
    if size > limits.max_file_bytes:
        raise LimitExceeded(f"文件大小 {size / 1048576:.1f} MB 超过上限 {limits.max_file_bytes / 1048576:.0f} MB")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE2):
        return "wps" if path.suffix.lower() == ".wps" else "doc"
    if head.startswith(b"PK\x03\x04"):
        if _is_docx(path):
            return "docx"
        raise UnreadableError("文件是 ZIP 压缩包，但不是 Word（.docx）文档")
    raise UnreadableError("无法识别的文件类型：不是 Word、PDF 或 RTF 文档")


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        raise UnreadableError(f"Word 文档已损坏或不完整（ZIP 结构无法读取：{error}）") from error
