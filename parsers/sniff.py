"""The real format of a file, from its bytes — never from its name."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from models.document import SourceFormat
from parsers.errors import LimitExceeded, UnreadableError
from parsers.limits import Limits

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
_ZIP_EMPTY = b"PK\x05\x06"
_HEAD_BYTES = 512
# Formats Word and WPS can save that we do not read, with what the user can do about it.
_UNSUPPORTED_TEXT_FORMATS = (
    (b"mime-version:", "文件是网页存档（MHT）格式的 Word 文件，请在 Word 中另存为 .docx 后再处理"),
    (b"<html", "文件是网页（HTML）格式的 Word 文件，请在 Word 中另存为 .docx 后再处理"),
    (b"<?mso-application", "文件是 Word 2003 XML 格式，请在 Word 中另存为 .docx 后再处理"),
    (b"<w:worddocument", "文件是 Word 2003 XML 格式，请在 Word 中另存为 .docx 后再处理"),
)


def sniff_format(path: Path, limits: Limits) -> SourceFormat:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as error:
        raise UnreadableError(f"文件无法打开：{error.strerror or error}") from error
    check_size(size, limits)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(OLE2_SIGNATURE):
        # Legacy Word, WPS, and also an encrypted .docx (Office wraps those in OLE2): the legacy reader decides.
        return "wps" if path.suffix.lower() == ".wps" else "doc"
    if head.startswith(ZIP_SIGNATURE):
        if _is_docx(path):
            return "docx"
        raise UnreadableError("文件是 ZIP 压缩包，但不是 Word（.docx）文档（缺少 word/document.xml）")
    if head.startswith(_ZIP_EMPTY):
        raise UnreadableError("文件是空的 ZIP 压缩包，不是 Word 文档")
    raise UnreadableError(_unknown_reason(head))


def check_size(size: int, limits: Limits) -> None:
    """Refuse an empty file, or one past the size limit, before any of it is parsed."""
    if size == 0:
        raise UnreadableError("文件为空（0 字节）")
    if size > limits.max_file_bytes:
        raise LimitExceeded(f"文件大小 {size / 1048576:.1f} MB 超过上限 {limits.max_file_bytes / 1048576:.0f} MB")


def _is_docx(path: Path) -> bool:
    """Only the central directory is read here: nothing is inflated, so a zip bomb costs nothing yet."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise UnreadableError(f"Word 文档已损坏或不完整（ZIP 结构无法读取：{error}）") from error


def _unknown_reason(head: bytes) -> str:
    lowered = head.lower()
    for marker, reason in _UNSUPPORTED_TEXT_FORMATS:
        if marker in lowered:
            return reason
    if _looks_like_text(head):
        return "文件是纯文本，不是 Word、PDF 或 RTF 文档（可能是改了扩展名的文本文件）"
    return "无法识别的文件类型：不是 Word、PDF 或 RTF 文档"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # Not final: the head may end inside a multi-byte character.
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False
