"""Text of PDF pages: PDFium gives the same characters as pdfplumber, lines and joins are right,
and glyphs without Unicode are recovered or sent to OCR."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from parsers import UnreadableError, read
from parsers.pdf_objects import Char, read_page_objects
from parsers.pdf_text import build_lines, join_wrapped, line_text, normalise_glyph_text
from parsers.running_text import is_page_number
from tests.test_pdf_bad import one_page_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "pdf"
PDFS = [*sorted(SAMPLES.glob("*.pdf")), SAMPLES.parent / "seed" / "zonghe-shiwu-2020.pdf"]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_pdfium_reads_the_same_characters_as_pdfplumber(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as plumber:
        for index, plumber_page in enumerate(plumber.pages):
            ours = Counter(c.text for c in read_page_objects(pdf[index]).chars if not c.text.isspace())
            theirs = Counter(c["text"] for c in plumber_page.chars if not c["text"].isspace())
            assert ours == theirs, f"{path.name} page {index + 1}"
    pdf.close()


def test_lines_match_pdfplumber_lines_on_a_text_page() -> None:
    path = SAMPLES / "narrative-header-footer.pdf"
    pdf = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as plumber:
        for index, plumber_page in enumerate(plumber.pages):
            ours = [line.text.replace(" ", "") for line in build_lines(read_page_objects(pdf[index]).chars)]
            theirs = [line.replace(" ", "") for line in plumber_page.extract_text().splitlines()]
            assert ours == theirs
    pdf.close()


def test_font_without_unicode_map_is_read_through_its_own_cmap(tmp_path: Path) -> None:
    source = SAMPLES / "cid-font-form.pdf"
    data = source.read_bytes()
    assert b"/ToUnicode" in data
    path = tmp_path / "no-tounicode.pdf"
    path.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))  # same length: the xref stays valid
    document = read(path)
    expected = json.loads((SAMPLES / "cid-font-form.expected.json").read_text(encoding="utf-8"))
    (table,) = document.tables
    assert [table.row_texts(r) for r in range(table.n_rows)] == expected["tables"][0]["rows"]
    assert any("Unicode" in w for w in document.warnings)


def test_page_of_undecodable_glyphs_is_treated_as_a_scan(tmp_path: Path) -> None:
    descriptor = (b"<< /Type /FontDescriptor /FontName /NoSuchFont /Flags 4 /FontBBox [0 0 1000 1000] "
                  b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /NoSuchFont /Encoding /Identity-H /DescendantFonts "
            b"[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoSuchFont /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>] >>")
    glyphs = b"".join(b"%04X" % (0x1234 + 37 * i) for i in range(40))
    data = one_page_pdf(b"BT /F2 12 Tf 72 720 Td <" + glyphs + b"> Tj ET", extra_objects=[font, descriptor])
    data = data.replace(b"/Font << /F1", b"/Font << /F2 5 0 R /F1")
    path = tmp_path / "cid.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as plumber:
        assert "(cid:" in plumber.pages[0].extract_text()  # the situation under test
    if importlib.util.find_spec("parsers.scan") is None:
        with pytest.raises(UnreadableError, match="文字层"):
            read(path)
    else:
        assert read(path).source.format == "pdf-scanned"


def test_radical_look_alikes_become_ideographs() -> None:
    assert normalise_glyph_text("⼀级指标：⺠⽣⻓效") == "一级指标：民生长效"
    assert normalise_glyph_text("\uf98e度数\uf97e") == "年度数量"  # compatibility ideographs
    assert normalise_glyph_text("６７０．６４万元") == "６７０．６４万元"  # nothing else is touched


def _chars(text: str, x: float = 0.0, gap: float = 0.0, size: float = 12.0) -> list[Char]:
    out = []
    for ch in text:
        width = size * (0.55 if ch.isascii() else 1.0)
        out.append(Char(ch, x, 100.0, x + width, 112.0, size))
        x += width + gap
    return out


def test_spaces_come_from_gaps_between_latin_words_only() -> None:
    words = _chars("Performance") + _chars("Evaluation", x=6.6 * 11 + 3.5)
    assert line_text(words) == "Performance Evaluation"
    assert line_text(_chars("项目资金使用情况", gap=1.5)) == "项目资金使用情况"  # justified Chinese
    assert line_text(_chars("项目名称") + _chars("综合事务", x=48 + 40)) == "项目名称 综合事务"


def test_wrapped_lines_join_without_space_in_chinese() -> None:
    assert join_wrapped(["实际到位资金670.", "64万元"]) == "实际到位资金670.64万元"
    assert join_wrapped(["按照Performance", "Evaluation要求"]) == "按照Performance Evaluation要求"


@pytest.mark.parametrize("text", ["-1-", "- 12 -", "第 1 页", "第3页 共20页", "1/20", "Page 2 of 9", "7"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2020年度", "一、项目基本情况", "670.64"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_media_box_not_at_the_origin(tmp_path: Path) -> None:
    data = one_page_pdf(b"BT /F1 12 Tf 172 820 Td (Offset) Tj ET").replace(b"[0 0 595 842]", b"[100 100 695 942]")
    path = tmp_path / "offset.pdf"
    path.write_bytes(data)
    (paragraph,) = read(path).paragraphs
    assert paragraph.text == "Offset"
    assert paragraph.bbox is not None
    assert abs(paragraph.bbox[0] - 72) < 1 and 100 < paragraph.bbox[1] < 125  # 942 - 820 = 122 to the baseline


def test_fake_bold_overprint_is_read_once(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (Bold title) Tj ET BT /F1 12 Tf 72.3 720 Td (Bold title) Tj ET"
    path = tmp_path / "bold.pdf"
    path.write_bytes(one_page_pdf(content))
    assert [p.text for p in read(path).paragraphs] == ["Bold title"]
