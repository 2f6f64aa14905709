"""Build test .docx files in a temporary folder: python-docx for the package, raw XML for what it cannot make.

The XML helpers write WordprocessingML the way Word does (gridSpan, vMerge, gridBefore,
fields, text boxes), so tests state a table's structure in a few readable lines.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_DECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


# --- WordprocessingML fragments -------------------------------------------------------------------


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*content: str, style: str | None = None) -> str:
    """A paragraph of raw run-level XML; plain strings must be wrapped with `run()` first."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(content)}</w:p>"


def text_para(text: str, style: str | None = None) -> str:
    return para(run(text), style=style)


def cell(
    text: str = "",
    *,
    span: int = 1,
    vmerge: str | None = None,
    hmerge: str | None = None,
    blocks: str | None = None,
) -> str:
    """A w:tc; `vmerge` is "restart" or "continue"; `blocks` replaces the text with raw paragraphs/tables."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "continue":
        props += "<w:vMerge/>"
    elif vmerge:
        props += f'<w:vMerge w:val="{vmerge}"/>'
    if hmerge:
        props += f'<w:hMerge w:val="{hmerge}"/>'
    content = blocks if blocks is not None else "".join(text_para(line) for line in text.split("\n"))
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def row(*cells: str, before: int = 0, after: int = 0, deleted: bool = False) -> str:
    props = ""
    if before:
        props += f'<w:gridBefore w:val="{before}"/>'
    if after:
        props += f'<w:gridAfter w:val="{after}"/>'
    if deleted:
        props += '<w:del w:id="90" w:author="审核人" w:date="2021-01-01T00:00:00Z"/>'
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def table(*rows: str, grid: int) -> str:
    cols = "".join('<w:gridCol w:w="1200"/>' for _ in range(grid))
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def text_table(rows: Iterable[Iterable[str]]) -> str:
    """A plain table without merges, one string per cell."""
    rows = [list(r) for r in rows]
    return table(*(row(*(cell(text) for text in r)) for r in rows), grid=max(len(r) for r in rows))


def complex_field(code: str, result: str) -> str:
    """A field as Word writes it: begin, instruction, separate, displayed result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def text_box(text: str) -> str:
    """A floating text box as Word 2010+ saves it: a DrawingML shape with a VML fallback, same text in both."""
    inner = f"<w:txbxContent>{text_para(text)}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def block_sdt(content: str) -> str:
    """A block-level content control wrapping paragraphs or tables."""
    return f'<w:sdt><w:sdtPr><w:alias w:val="项目信息"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


# --- documents ------------------------------------------------------------------------------------


def new_document() -> WordDocument:
    return docx.Document()


def append_xml(document: WordDocument, fragment: str) -> None:
    """Append raw body XML (paragraphs, tables, content controls) before the section properties."""
    holder = etree.fromstring(f"<holder {_DECLS}>{fragment}</holder>")
    body = document.element.body
    section = body.find(f"{{{NAMESPACES['w']}}}sectPr")
    for element in list(holder):
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)


def hyperlink(document: WordDocument, url: str, text: str) -> str:
    """An external hyperlink run (registers the relationship in the document part)."""
    rel_id = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    return f'<w:hyperlink r:id="{rel_id}">{run(text)}</w:hyperlink>'


def save(document: WordDocument, path: Path) -> Path:
    document.save(str(path))
    return path


def docx_from_body(path: Path, fragment: str) -> Path:
    """A one-shot document whose body is exactly `fragment`."""
    document = new_document()
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{NAMESPACES['w']}}}sectPr":
            body.remove(child)
    append_xml(document, fragment)
    return save(document, path)


# --- package surgery ------------------------------------------------------------------------------


def rewrite_members(source: Path, target: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing members by name (None drops the member)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in replace:
                data = replace[info.filename]
                if data is not None:
                    new.writestr(info.filename, data)
            else:
                new.writestr(info, old.read(info))
    return target


def minimal_package(path: Path) -> Path:
    """A valid empty .docx to patch parts into."""
    return save(new_document(), path)


def write_inflating_docx(path: Path, inflated_bytes: int, *, level: int = 1) -> Path:
    """A zip bomb shaped like a .docx: word/document.xml of `inflated_bytes` spaces, written in streamed chunks.

    Spaces compress several hundred to one, so the file on disk stays a few MB at most.
    """
    template = minimal_package(path.with_suffix(".template.docx"))
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(template) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as new:
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info, old.read(info))
        with new.open("word/document.xml", "w", force_zip64=inflated_bytes > 0x7FFFFFFF) as stream:
            remaining = inflated_bytes
            while remaining > 0:
                stream.write(chunk[: min(remaining, len(chunk))])
                remaining -= len(chunk)
    template.unlink()
    return path


def understate_size(path: Path, member: str, declared: int) -> Path:
    """Patch both the local header and the central directory so `member` claims to inflate to `declared` bytes.

    Only for archives without zip64 records (members under 4 GB written without force_zip64).
    """
    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, declared)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<I", data, central + 24, declared)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise ValueError(f"{member} not in central directory")
    path.write_bytes(bytes(data))
    return path


def copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
