"""What every Word file the corpus writes shares: A4 pages, explicit CJK fonts, byte-stable saving."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm

LATIN_FONT = "Times New Roman"
ZipTime = tuple[int, int, int, int, int, int]


def set_a4_page(document: WordDocument, side_margin_cm: float, top_margin_cm: float = 2.5) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(side_margin_cm)
    section.top_margin = section.bottom_margin = Cm(top_margin_cm)


def set_fonts(rpr: BaseOxmlElement, east_asian: str) -> None:
    """Explicit Latin and East-Asian fonts instead of theme fonts, so CJK text renders as Chinese."""
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
    rpr.insert(0, fonts)


def save_stable(document: WordDocument, out: Path, zip_time: ZipTime) -> None:
    """Save with fixed zip timestamps and attributes, so a rebuild is byte-identical."""
    buffer = io.BytesIO()
    document.save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=zip_time)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            dst.writestr(stable, src.read(info.filename))
