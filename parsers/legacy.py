""".doc, .wps and .rtf: converted to .docx by LibreOffice (headless), then read by the Word reader.

Each conversion runs in its own temporary folder with its own LibreOffice profile
(parallel workers never share one), in its own process group, under the document's
time limit; on time-out the whole group is killed. LibreOffice's own view of the
original (a flat ODF copy) gives the number of tables it holds: when the .docx
round trip lost one (it can drop a final table), the flat copy is converted instead,
and a warning says what happened if the count still differs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from lxml import etree

from models.document import Document, SourceFormat, SourceInfo
from parsers.digest import file_sha256
from parsers.errors import LimitExceeded, UnreadableError
from parsers.limits import Limits

_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODF_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

# A Word-compatible .wps is read as what it is, a Word 97 file. The import filter is named
# because LibreOffice would otherwise fall back to importing a broken file as plain text.
_INPUT_SUFFIX: dict[str, str] = {"doc": ".doc", "wps": ".doc", "rtf": ".rtf"}
_IMPORT_FILTERS: dict[str, tuple[str, ...]] = {
    "doc": ("MS Word 97", "MS Word 95"),
    "wps": ("MS Word 97", "MS Word 95"),
    "rtf": ("Rich Text Format",),
}


def read(path: Path, limits: Limits, *, fmt: SourceFormat) -> Document:
    """Parse a .doc/.wps/.rtf into a `Document` (format kept, pages null); `UnreadableError` for bad input."""
    from parsers import docx

    soffice = find_soffice()
    deadline = time.monotonic() + limits.seconds_per_document
    with tempfile.TemporaryDirectory(prefix="perfaudit-lo-") as work:
        folder = Path(work)
        source = folder / f"original{_INPUT_SUFFIX.get(fmt, '.doc')}"
        try:
            shutil.copyfile(path, source)
        except OSError as error:
            raise UnreadableError(f"文件无法打开：{error.strerror or error}") from error
        converted, import_filter = _convert_original(soffice, source, fmt, folder, deadline, limits)
        flat = convert(soffice, source, "fodt", folder / "fodt", folder, deadline, limits, import_filter)
        expected = count_odf_tables(flat)
        document = docx.read(converted, limits, fmt=fmt)
        warnings: list[str] = []
        if _count(document) != expected:
            retried = docx.read(
                convert(soffice, flat, "docx", folder / "retry", folder, deadline, limits), limits, fmt=fmt
            )
            lost = f"LibreOffice 转换为 .docx 后有 {_count(document)} 个表格，原文件有 {expected} 个"
            if _count(retried) == expected:
                document, note = retried, "；已改经 ODF 转换，表格数一致"
            else:
                note = f"；改经 ODF 转换后为 {_count(retried)} 个，可能有表格缺失"
            warnings.append(lost + note)

    source_info = SourceInfo(path=str(path), sha256=file_sha256(path), format=fmt, pages=None)
    return document.model_copy(update={"source": source_info, "warnings": [*document.warnings, *warnings]})


def find_soffice() -> str:
    """The LibreOffice command (`PERFAUDIT_SOFFICE` may name it), or a clear error when it is not installed."""
    for candidate in (os.environ.get("PERFAUDIT_SOFFICE"), "soffice", "libreoffice"):
        if candidate and (found := shutil.which(candidate)):
            return found
    raise UnreadableError("读取 .doc/.wps/.rtf 文件需要 LibreOffice（soffice），但本机未安装")


def _convert_original(
    soffice: str, source: Path, fmt: str, folder: Path, deadline: float, limits: Limits
) -> tuple[Path, str]:
    """The original as .docx through the first import filter that loads it, and that filter's name."""
    filters = _IMPORT_FILTERS.get(fmt, ("MS Word 97",))
    for import_filter in filters[:-1]:
        try:
            return convert(
                soffice, source, "docx", folder / "docx", folder, deadline, limits, import_filter
            ), import_filter
        except LimitExceeded:
            raise
        except UnreadableError:
            continue
    return convert(soffice, source, "docx", folder / "docx", folder, deadline, limits, filters[-1]), filters[-1]


def convert(
    soffice: str,
    source: Path,
    target: str,
    outdir: Path,
    work: Path,
    deadline: float,
    limits: Limits,
    import_filter: str | None = None,
) -> Path:
    """Convert `source` to the `target` format in `outdir` (with a named import filter); returns the new file."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _too_slow(limits)
    profile = work / "profile"
    command = [
        soffice,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        f"-env:UserInstallation={profile.as_uri()}",
        *([f"--infilter={import_filter}"] if import_filter else []),
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        str(source),
    ]
    # Own session = own process group: a time-out kills LibreOffice's helper processes too.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=_environment(work)
    )
    try:
        _, stderr = process.communicate(timeout=remaining)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise _too_slow(limits) from None
    finally:
        _kill_group(process)
    result = outdir / f"{source.stem}.{target}"
    if not result.is_file() or result.stat().st_size == 0:
        detail = stderr.decode("utf-8", errors="replace").strip().splitlines()
        reason = detail[-1] if detail else f"退出码 {process.returncode}"
        raise UnreadableError(f"LibreOffice 无法转换该文件（损坏、加密或不是 Word/RTF 文档）：{reason}")
    return result


def count_odf_tables(flat: Path) -> int:
    """Tables in the body of a flat ODF text document, nested ones included, text-box ones not."""
    try:
        tree = etree.parse(str(flat), etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as error:
        raise UnreadableError(f"LibreOffice 的转换结果无法解析：{error}") from error
    body = tree.find(f"{{{_ODF_OFFICE}}}body")
    if body is None:
        return 0
    frame = f"{{{_ODF_DRAW}}}frame"
    return sum(
        1 for table in body.iter(f"{{{_ODF_TABLE}}}table") if not any(a.tag == frame for a in table.iterancestors())
    )


def _count(document: Document) -> int:
    return len(document.tables)


def _environment(work: Path) -> dict[str, str]:
    """LibreOffice writes caches under HOME: keep them in the private folder too."""
    return {**os.environ, "HOME": str(work)}


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _too_slow(limits: Limits) -> LimitExceeded:
    return LimitExceeded(f"LibreOffice 转换超过每个文档的时限 {limits.seconds_per_document:g} 秒")
