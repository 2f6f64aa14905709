"""Bad PDFs become UnreadableError with a plain reason, or are read within bounded time; never a hang."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from parsers import LimitExceeded, UnreadableError, read
from parsers.limits import Limits
from parsers.pdf import MAX_OBJECTS_PER_PAGE, _needs_ocr
from parsers.pdf_objects import PageObjects

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "pdf" / "score-table-split-row.pdf"


def raw_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF file from numbered object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def one_page_pdf(content: bytes, trailer_extra: bytes = b"", extra_objects: list[bytes] | None = None) -> bytes:
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        stream(content),
        *(extra_objects or []),
    ], trailer_extra)


def test_encrypted_pdf_names_the_password(tmp_path: Path) -> None:
    path = tmp_path / "encrypted.pdf"
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -4 >>"
    path.write_bytes(one_page_pdf(b"BT /F1 12 Tf 72 720 Td (secret) Tj ET", b"/Encrypt 5 0 R /ID [<00> <00>] ",
                                  [encrypt]))
    with pytest.raises(UnreadableError, match="加密"):
        read(path)


def test_zero_pages(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    with pytest.raises(UnreadableError, match="没有任何页面"):
        read(path)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_unreadable_or_read(tmp_path: Path, keep: float) -> None:
    data = SAMPLE.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    try:
        document = read(path)
    except UnreadableError as error:
        assert error.reason  # a plain-words reason, not a traceback
    else:
        assert document.source.pages is not None


def test_garbage_after_the_header_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(UnreadableError, match="损坏"):
        read(path)


def _blank_pages(path: Path, count: int) -> None:
    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842).close()
    pdf.save(str(path))
    pdf.close()


def test_page_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.pdf"
    _blank_pages(path, 1001)
    with pytest.raises(LimitExceeded, match="1001"):
        read(path, Limits(max_pages=1000))
    document = read(path)  # within the default limit: read, all pages counted
    assert document.source.pages == 1001 and document.blocks == []


def test_time_limit_is_checked_between_pages(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    _blank_pages(path, 2)
    with pytest.raises(LimitExceeded, match="时间"):
        read(path, Limits(seconds_per_document=0.0))


def test_page_with_a_hundred_thousand_objects_skips_the_table_finder(tmp_path: Path) -> None:
    squares = b"".join(b"%d %d 0.5 0.5 re f\n" % (50 + i % 500, 50 + i // 500 * 3) for i in range(100_000))
    path = tmp_path / "dense.pdf"
    path.write_bytes(one_page_pdf(b"BT /F1 12 Tf 72 800 Td (Dense page) Tj ET\n" + squares))
    document = read(path)
    assert [p.text for p in document.paragraphs] == ["Dense page"]
    assert document.tables == []
    assert any(str(MAX_OBJECTS_PER_PAGE) in w for w in document.warnings)


def _objects(chars: int, unmapped: int, image_area: float) -> PageObjects:
    return PageObjects(width=595, height=842, chars=[None] * chars, edges=[], unmapped_chars=unmapped,  # type: ignore[list-item]
                       object_count=chars, image_area=image_area)


def test_which_pages_go_to_ocr() -> None:
    assert _needs_ocr(_objects(0, 0, 0.95))  # a scanned page: one big image, no text
    assert _needs_ocr(_objects(500, 400, 0.0))  # text mostly unmapped glyphs ((cid:x))
    assert not _needs_ocr(_objects(500, 10, 0.0))
    assert not _needs_ocr(_objects(0, 0, 0.0))  # a blank page is just blank
    assert not _needs_ocr(_objects(800, 0, 0.9))  # text over a background picture


def test_image_only_page_goes_to_the_ocr_stage_or_says_why_not(tmp_path: Path) -> None:
    from PIL import Image

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.from_pil(Image.new("RGB", (60, 80), "white"))
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(image)
    page.gen_content()
    path = tmp_path / "scan.pdf"
    pdf.save(str(path))
    pdf.close()
    if importlib.util.find_spec("parsers.scan") is None:
        with pytest.raises(UnreadableError, match="文字层"):
            read(path)
    else:
        document = read(path)
        assert document.source.format == "pdf-scanned"


def test_page_with_thousands_of_rules_skips_the_table_finder(tmp_path: Path) -> None:
    rules = b"".join(b"%d 100 m %d 700 l S\n" % (50 + i * 0.2, 50 + i * 0.2) for i in range(2500))
    rules += b"".join(b"50 %d m 550 %d l S\n" % (100 + i * 0.24, 100 + i * 0.24) for i in range(2500))
    path = tmp_path / "hatched.pdf"
    path.write_bytes(one_page_pdf(b"BT /F1 12 Tf 72 800 Td (Hatched) Tj ET\n" + rules))
    document = read(path)
    assert document.tables == [] and [p.text for p in document.paragraphs] == ["Hatched"]
    assert any("线条过多" in w for w in document.warnings)
