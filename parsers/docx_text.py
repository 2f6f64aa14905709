"""The printed text of one Word paragraph: runs, hyperlinks, fields' results, inserted text.

Most paragraphs hold only plain runs, read in one lxml `iter`. A paragraph with
anything that changes what is printed — a complex field, tracked deletions,
hidden text, a text box, alternate content — is walked element by element.
"""

from __future__ import annotations

from lxml import etree

from parsers.docx_xml import (
    M_NS,
    MC_ALTERNATE,
    W_DEL,
    W_MOVE_FROM,
    W_P,
    W_P_PR,
    W_R,
    W_R_PR,
    W_SDT_PR,
    W_VAL,
    alternate_branch,
    w,
)

W_T, W_TAB, W_PTAB, W_BR, W_CR, W_SYM = w("t"), w("tab"), w("ptab"), w("br"), w("cr"), w("sym")
W_NO_BREAK_HYPHEN, W_SOFT_HYPHEN = w("noBreakHyphen"), w("softHyphen")
W_FLD_CHAR, W_FLD_CHAR_TYPE, W_INSTR_TEXT = w("fldChar"), w("fldCharType"), w("instrText")
W_TXBX_CONTENT, W_VANISH, W_RUBY_TEXT = w("txbxContent"), w("vanish"), w("rt")
W_DRAWING, W_PICT, W_OBJECT = w("drawing"), w("pict"), w("object")
W_FONT, W_CHAR = w("font"), w("char")
W_TABS = w("tabs")
M_T = f"{{{M_NS}}}t"

_PLAIN = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-", W_SOFT_HYPHEN: ""}
_TEXT_TAGS = (W_T, M_T, W_SYM, *_PLAIN)
# Their presence anywhere in a paragraph sends it down the careful walk.
_NEEDS_CARE = frozenset(
    {W_FLD_CHAR, W_INSTR_TEXT, W_DEL, W_MOVE_FROM, W_TXBX_CONTENT, W_VANISH, MC_ALTERNATE, W_RUBY_TEXT}
)
# Subtrees that are never printed body text (or, for properties, hold no text at all).
_SKIPPED = frozenset(
    {
        W_P_PR,
        W_R_PR,
        W_DEL,
        W_MOVE_FROM,
        W_SDT_PR,
        W_TXBX_CONTENT,
        W_DRAWING,
        W_PICT,
        W_OBJECT,
        W_RUBY_TEXT,
        W_INSTR_TEXT,
    }
)

# Symbol-font and Wingdings code points (w:sym) that occur in these forms: math signs and check boxes.
_SYMBOL_FONT = {
    0x2D: "−", 0xA3: "≤", 0xA5: "∞", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•",
    0xB8: "÷", 0xB9: "≠", 0xBB: "≈", 0xD6: "√", 0xE0: "◊", 0xD7: "·",
}  # fmt: skip
_WINGDINGS = {0x6F: "□", 0xA8: "□", 0xFE: "☑", 0xFD: "☒", 0xFB: "☒", 0xFC: "✓", 0x9F: "•", 0x6C: "●"}
_WINGDINGS_2 = {0x52: "☑", 0x54: "☒", 0xA3: "□", 0x50: "✓", 0x4F: "✗", 0x81: "□"}


class BodyText:
    """Texts of every paragraph under a body, gathered in one pass over the tree.

    One `iter` over the whole body costs far less than one per paragraph. Text is
    credited to the paragraph most recently opened, which is only wrong inside a
    paragraph holding a text box — and such a paragraph is re-read carefully anyway.
    """

    def __init__(self, body: etree._Element) -> None:
        self._plain: dict[etree._Element, list[str]] = {}
        self._careful: set[etree._Element] = set()
        current: list[str] = []
        paragraph: etree._Element | None = None
        for element in body.iter(W_P, *_TEXT_TAGS, *_NEEDS_CARE):
            tag = element.tag
            if tag == W_P:
                paragraph, current = element, []
                self._plain[element] = current
            elif tag in _NEEDS_CARE:
                if paragraph is not None:
                    self._careful.add(paragraph)
            else:
                current.append(_element_text(element, tag))

    def of(self, p: etree._Element) -> str:
        if p in self._careful:
            return _careful_text(p)
        parts = self._plain.get(p)
        return "".join(parts) if parts is not None else paragraph_text(p)


def paragraph_text(p: etree._Element) -> str:
    """The printed text of one paragraph on its own (see `BodyText` for a whole body at once)."""
    parts: list[str] = []
    for element in p.iter(*_TEXT_TAGS, *_NEEDS_CARE):
        tag = element.tag
        if tag in _NEEDS_CARE:
            return _careful_text(p)
        parts.append(_element_text(element, tag))
    return "".join(parts)


def _element_text(element: etree._Element, tag: str) -> str:
    if tag in (W_T, M_T):
        return element.text or ""
    if tag == W_SYM:
        return symbol_text(element.get(W_FONT, ""), element.get(W_CHAR, ""))
    if tag == W_TAB and element.getparent().tag == W_TABS:
        return ""  # a tab-stop definition in the paragraph's properties, not a printed tab
    return _PLAIN[tag]


def symbol_text(font: str, char: str) -> str:
    """The character a w:sym shows; empty when its font's glyph has no known Unicode equivalent."""
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    if code >= 0xF000:
        code -= 0xF000  # symbol fonts address their glyphs through the private-use area
    name = font.lower()
    if name == "symbol":
        return _SYMBOL_FONT.get(code, chr(code) if 0x20 <= code < 0x7F and code not in (0x22, 0x24, 0x27, 0x2A) else "")
    if name == "wingdings":
        return _WINGDINGS.get(code, "")
    if name == "wingdings 2":
        return _WINGDINGS_2.get(code, "")
    return chr(code) if code >= 0x20 else ""


class _CarefulWalk:
    """Element-by-element walk that tracks complex fields (show the result, not the code) and hidden runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.fields: list[bool] = []
        """One entry per open complex field: False while in its code, True once in its result."""

    def visit(self, parent: etree._Element, hidden: bool) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == W_FLD_CHAR:
                self._field_char(child.get(W_FLD_CHAR_TYPE))
            elif tag in _TEXT_TAGS:
                if not hidden and all(self.fields):
                    self.parts.append(_element_text(child, tag))
            elif tag == MC_ALTERNATE:
                branch = alternate_branch(child)
                if branch is not None:
                    self.visit(branch, hidden)
            elif tag == W_R:
                self.visit(child, hidden or _is_hidden(child))
            else:
                self.visit(child, hidden)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()


def _careful_text(p: etree._Element) -> str:
    walk = _CarefulWalk()
    walk.visit(p, hidden=False)
    return "".join(walk.parts)


def _is_hidden(run: etree._Element) -> bool:
    r_pr = run.find(W_R_PR)
    vanish = r_pr.find(W_VANISH) if r_pr is not None else None
    return vanish is not None and vanish.get(W_VAL, "true").lower() not in ("0", "false", "off")
