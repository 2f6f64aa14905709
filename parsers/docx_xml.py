"""WordprocessingML tag names and the walk through wrappers (content controls, custom XML) to real blocks."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_P, W_TBL, W_TR, W_TC = w("p"), w("tbl"), w("tr"), w("tc")
W_P_PR, W_P_STYLE, W_R, W_R_PR = w("pPr"), w("pStyle"), w("r"), w("rPr")
W_TBL_GRID, W_GRID_COL, W_TR_PR, W_TC_PR = w("tblGrid"), w("gridCol"), w("trPr"), w("tcPr")
W_GRID_SPAN, W_V_MERGE, W_H_MERGE = w("gridSpan"), w("vMerge"), w("hMerge")
W_GRID_BEFORE, W_GRID_AFTER = w("gridBefore"), w("gridAfter")
W_SDT, W_SDT_PR, W_SDT_CONTENT, W_CUSTOM_XML = w("sdt"), w("sdtPr"), w("sdtContent"), w("customXml")
W_DEL, W_INS, W_MOVE_FROM = w("del"), w("ins"), w("moveFrom")
W_STYLE, W_STYLE_ID, W_STYLE_NAME = w("style"), w("styleId"), w("name")
W_ALT_CHUNK = w("altChunk")
W_VAL, W_TYPE, W_DEFAULT = w("val"), w("type"), w("default")
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"

_BLOCKS = frozenset({W_P, W_TBL, W_ALT_CHUNK})
_BLOCK_WRAPPERS = frozenset({W_SDT, W_SDT_CONTENT, W_CUSTOM_XML, MC_ALTERNATE})


def alternate_branch(alternate: etree._Element) -> etree._Element | None:
    """The one branch of an mc:AlternateContent to read, so its content is never read twice."""
    fallback = alternate.find(MC_FALLBACK)
    return fallback if fallback is not None else alternate.find(MC_CHOICE)


def block_children(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a body or cell in order, looking through content controls and custom XML.

    Also yields w:altChunk (content imported from another file, kept as a separate part) so the caller can say
    it was not read.
    """
    for child in container:
        tag = child.tag
        if tag in _BLOCKS:
            yield child
        elif tag in _BLOCK_WRAPPERS:
            inner = alternate_branch(child) if tag == MC_ALTERNATE else child
            if inner is not None:
                yield from block_children(inner)


def wrapped_children(container: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, looking through row- and cell-level content controls."""
    for child in container:
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag in (W_SDT, W_SDT_CONTENT, W_CUSTOM_XML):
            yield from wrapped_children(child, wanted)


def is_deleted_row(tr: etree._Element) -> bool:
    """A row removed with tracked changes on: not part of the printed table."""
    tr_pr = tr.find(W_TR_PR)
    return tr_pr is not None and tr_pr.find(W_DEL) is not None
