"""PDF reader: text layer through PDFium, ruling-line tables, OCR for pages without usable text."""

from __future__ import annotations

import importlib
import importlib.util
import time
from pathlib import Path

import pypdfium2 as pdfium

from models.document import Document, SourceFormat, SourceInfo
from parsers.assemble import assemble
from parsers.digest import file_sha256
from parsers.errors import LimitExceeded, UnreadableError
from parsers.limits import Limits
from parsers.page import PageContent
from parsers.pdf_objects import Char, PageObjects, count_objects, is_unmapped, read_page_objects
from parsers.pdf_tables import build_tables
from parsers.pdf_text import build_lines

MAX_OBJECTS_PER_PAGE = 20_000
"""Past this many drawing objects a page is read for text only (no table finder): bounded time."""
MAX_EDGES_PER_PAGE = 4_000
UNMAPPED_SHARE = 0.5
"""A page whose glyphs are mostly without Unicode meaning is read like a scan."""
SCAN_IMAGE_SHARE = 0.3
MIN_TEXT_CHARS = 10
OCR_DPI = 200


def read(path: Path, limits: Limits, *, fmt: SourceFormat = "pdf") -> Document:
    started = time.monotonic()
    pdf = _open(path)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise UnreadableError("PDF 文件没有任何页面")
        if n_pages > limits.max_pages:
            raise LimitExceeded(f"PDF 共 {n_pages} 页，超过上限 {limits.max_pages} 页")
        pages: list[PageContent] = []
        warnings: list[str] = []
        for index in range(n_pages):
            elapsed = time.monotonic() - started
            if elapsed > limits.seconds_per_document:
                raise LimitExceeded(
                    f"读取 PDF 超过时间上限 {limits.seconds_per_document:g} 秒（已读 {index}/{n_pages} 页）")
            pages.append(_read_page(pdf, path, index, warnings))
    finally:
        pdf.close()
    scanned = any(page.scanned for page in pages)
    source = SourceInfo(path=str(path), sha256=file_sha256(path), format="pdf-scanned" if scanned else "pdf",
                        pages=n_pages)
    return Document(source=source, blocks=assemble(pages), warnings=warnings)


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise UnreadableError(_why_unopenable(path, getattr(error, "err_code", None))) from error


def _why_unopenable(path: Path, code: int | None) -> str:
    """A plain reason for a PDF that PDFium refused. PDFium's error code can be stale from an earlier
    document (it refuses a page-less file with "success"), so the file itself is asked as well."""
    if code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY) and _mentions_encryption(path):
        return "PDF 已加密，需要密码才能打开"
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            count = resolve1(resolve1(document.catalog.get("Pages")).get("Count"))
    except Exception:  # pdfminer's many error types all say the same here: the file is broken
        return "PDF 文件已损坏或不完整，无法打开"
    if count == 0:
        return "PDF 文件没有任何页面"
    return "PDF 文件已损坏或不完整，无法打开"


def _mentions_encryption(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - (1 << 20)))
        return b"/Encrypt" in handle.read()


def _read_page(pdf: pdfium.PdfDocument, path: Path, index: int, warnings: list[str]) -> PageContent:
    number = index + 1
    try:
        page = pdf[index]
    except pdfium.PdfiumError as error:
        raise UnreadableError(f"PDF 第 {number} 页已损坏，无法读取") from error
    try:
        if count_objects(page) > MAX_OBJECTS_PER_PAGE:
            warnings.append(f"第 {number} 页图形对象过多（超过 {MAX_OBJECTS_PER_PAGE} 个），未识别表格")
            objects = read_page_objects(page, with_paths=False)
        else:
            objects = read_page_objects(page)
    finally:
        page.close()
    if objects.chars and objects.unmapped_chars / len(objects.chars) > UNMAPPED_SHARE:
        # PDFium found no Unicode for most glyphs; pdfminer also reads the embedded font's own cmap
        chars = _pdfminer_chars(path, index)
        if chars is not None:
            objects.chars, objects.unmapped_chars = chars, 0
            warnings.append(f"第 {number} 页字体缺少 Unicode 映射，已改用字体内置编码读取文字")
    if _needs_ocr(objects):
        return _ocr_page(path, index)
    if len(objects.edges) > MAX_EDGES_PER_PAGE:
        # the cell finder compares every rule with every other: a hatched drawing would take minutes
        warnings.append(f"第 {number} 页线条过多（{len(objects.edges)} 条），未识别表格")
        objects.edges = []
    tables, outside = build_tables(objects.edges, objects.chars) if objects.edges else ([], objects.chars)
    return PageContent(number=number, width=objects.width, height=objects.height, lines=build_lines(outside),
                       tables=tables)


def _pdfminer_chars(path: Path, index: int) -> list[Char] | None:
    """The page's characters as pdfminer decodes them, or None when it cannot map them either."""
    import pdfplumber

    with pdfplumber.open(path, pages=[index + 1]) as pdf:
        raw_chars = pdf.pages[0].chars
    unmapped = sum(1 for c in raw_chars if c["text"].startswith("(cid:") or _is_unmapped_text(c["text"]))
    if not raw_chars or unmapped / len(raw_chars) > UNMAPPED_SHARE:
        return None
    return [Char(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], float(c["size"])) for c in raw_chars
            if not c["text"].startswith("(cid:") and len(c["text"]) == 1]


def _is_unmapped_text(text: str) -> bool:
    return len(text) == 1 and is_unmapped(ord(text))


def _needs_ocr(objects: PageObjects) -> bool:
    total = len(objects.chars)
    if total and objects.unmapped_chars / total > UNMAPPED_SHARE:
        return True
    return total < MIN_TEXT_CHARS and objects.image_area > SCAN_IMAGE_SHARE


def _ocr_page(path: Path, index: int) -> PageContent:
    """Hand a page without a usable text layer to the OCR stage (`parsers.scan`), when it is installed."""
    reason = f"PDF 第 {index + 1} 页没有可用的文字层（扫描件或字体无法解码）"
    if importlib.util.find_spec("parsers.scan") is None:
        raise UnreadableError(f"{reason}，暂不支持文字识别")
    try:
        scan = importlib.import_module("parsers.scan")
    except ImportError as error:
        raise UnreadableError(f"{reason}，文字识别组件未安装（{error.name}）") from error
    page: PageContent = scan.read_scanned_page(path, index, OCR_DPI)
    page.scanned = True
    return page
