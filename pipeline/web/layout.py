"""The parsed `Document` and a report's findings, shaped for the document page.

Every table cell and paragraph gets a location id (`t2r5c5`, `p38`) and each finding the
ids of its evidence, so the page can light up a finding's figures. Evidence text inside a
paragraph becomes its own segment; the template escapes every segment, nothing is marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.document import BBox, Document, Paragraph, Table
from models.report import Evidence, Finding
from pipeline.store.decisions import Decision
from pipeline.store.rows import finding_key


def cell_loc(table: int, row: int, col: int) -> str:
    return f"t{table}r{row}c{col}"


def paragraph_loc(paragraph: int) -> str:
    return f"p{paragraph}"


def evidence_loc(evidence: Evidence, document: Document | None = None) -> str | None:
    """The location id of a piece of evidence; a cell inside a merged region is named by its anchor."""
    if evidence.table is not None and evidence.row is not None and evidence.col is not None:
        row, col = evidence.row, evidence.col
        if document is not None:
            table = next((t for t in document.tables if t.index == evidence.table), None)
            anchor = table.cell_at(row, col) if table is not None else None
            if anchor is not None:
                row, col = anchor.row, anchor.col
        return cell_loc(evidence.table, row, col)
    if evidence.paragraph is not None:
        return paragraph_loc(evidence.paragraph)
    return None


@dataclass(frozen=True)
class Box:
    """An evidence box on a PDF page, in percent of the page size (the overlay scales with the image)."""

    left: float
    top: float
    width: float
    height: float
    text: str


@dataclass
class FindingView:
    number: int
    key: str
    finding: Finding
    locs: list[str]
    pages: list[int]
    boxes: dict[int, list[Box]] = field(default_factory=dict)
    decision: Decision | None = None


@dataclass(frozen=True)
class CellView:
    text: str
    loc: str
    rowspan: int
    colspan: int
    findings: str
    """Space-separated numbers of the findings that point at this cell."""


@dataclass(frozen=True)
class TableView:
    index: int
    page: int | None
    rows: list[list[CellView]]


@dataclass(frozen=True)
class Segment:
    text: str
    findings: str


@dataclass(frozen=True)
class ParagraphView:
    index: int
    loc: str
    page: int | None
    heading: int | None
    segments: list[Segment]
    findings: str


@dataclass
class DocumentView:
    blocks: list[TableView | ParagraphView]


def finding_views(
    findings: list[Finding],
    document: Document | None,
    decisions: dict[str, Decision],
    page_sizes: list[tuple[float, float]] | None = None,
) -> list[FindingView]:
    views = []
    for number, finding in enumerate(findings, start=1):
        locs = [loc for e in finding.evidence if (loc := evidence_loc(e, document)) is not None]
        pages = sorted({e.page for e in finding.evidence if e.page is not None})
        key = finding_key(finding)
        view = FindingView(number, key, finding, list(dict.fromkeys(locs)), pages, decision=decisions.get(key))
        for evidence in finding.evidence:
            page = evidence.page
            if page is not None and evidence.bbox is not None and page_sizes and 1 <= page <= len(page_sizes):
                view.boxes.setdefault(page, []).append(_box(evidence.bbox, page_sizes[page - 1], evidence.text))
        views.append(view)
    return views


def _box(bbox: BBox, size: tuple[float, float], text: str) -> Box:
    width, height = size
    x0, top, x1, bottom = bbox
    pad = 1.5  # points, so the outline does not sit on the glyphs
    return Box(
        left=max(0.0, (x0 - pad) / width * 100),
        top=max(0.0, (top - pad) / height * 100),
        width=(x1 - x0 + 2 * pad) / width * 100,
        height=(bottom - top + 2 * pad) / height * 100,
        text=text,
    )


class Citations:
    """Which findings cite a value of the extracted record: the same cell, or the same words of a paragraph.

    A paragraph may hold many figures (an itemised list), so a paragraph value counts as cited only
    when its text and the finding's evidence text overlap, not merely because they share the paragraph.
    """

    def __init__(self, findings: list[FindingView], document: Document | None) -> None:
        self._document = document
        self._cells: dict[str, set[int]] = {}
        self._sentences: dict[int, list[tuple[str, int]]] = {}
        for view in findings:
            for evidence in view.finding.evidence:
                if evidence.table is not None:
                    loc = evidence_loc(evidence, document)
                    if loc is not None:
                        self._cells.setdefault(loc, set()).add(view.number)
                elif evidence.paragraph is not None:
                    self._sentences.setdefault(evidence.paragraph, []).append((evidence.text, view.number))

    def of(self, evidence: Evidence | None) -> str:
        """Space-separated numbers of the findings citing this piece of evidence ("" for none)."""
        if evidence is None:
            return ""
        if evidence.table is not None:
            return _numbers(self._cells.get(evidence_loc(evidence, self._document) or "", set()))
        if evidence.paragraph is None or not evidence.text:
            return ""
        quoted = self._sentences.get(evidence.paragraph, [])
        return _numbers({n for text, n in quoted if text and (text in evidence.text or evidence.text in text)})


def document_view(document: Document, findings: list[FindingView]) -> DocumentView:
    by_loc: dict[str, list[int]] = {}
    snippets: dict[int, list[tuple[str, int]]] = {}
    for view in findings:
        for loc in view.locs:
            by_loc.setdefault(loc, []).append(view.number)
        for evidence in view.finding.evidence:
            if evidence.paragraph is not None and evidence.table is None and evidence.text:
                snippets.setdefault(evidence.paragraph, []).append((evidence.text, view.number))
    blocks: list[TableView | ParagraphView] = []
    for block in document.blocks:
        if isinstance(block, Table):
            blocks.append(_table_view(block, by_loc))
        else:
            blocks.append(_paragraph_view(block, by_loc, snippets.get(block.index, [])))
    return DocumentView(blocks)


def _numbers(numbers: list[int] | set[int]) -> str:
    return " ".join(str(n) for n in sorted(set(numbers)))


def _table_view(table: Table, by_loc: dict[str, list[int]]) -> TableView:
    rows: list[list[CellView]] = []
    for r in range(table.n_rows):
        row = []
        for cell in table.row_cells(r):
            if cell.row != r:
                continue  # covered by a cell merged down from above
            loc = cell_loc(table.index, cell.row, cell.col)
            row.append(CellView(cell.text, loc, cell.row_span, cell.col_span, _numbers(by_loc.get(loc, []))))
        rows.append(row)
    return TableView(table.index, table.page, rows)


def _paragraph_view(
    paragraph: Paragraph, by_loc: dict[str, list[int]], snippets: list[tuple[str, int]]
) -> ParagraphView:
    loc = paragraph_loc(paragraph.index)
    return ParagraphView(
        index=paragraph.index,
        loc=loc,
        page=paragraph.page,
        heading=_heading_level(paragraph.style),
        segments=split_marked(paragraph.text, snippets),
        findings=_numbers(by_loc.get(loc, [])),
    )


def _heading_level(style: str | None) -> int | None:
    if style and style.lower().startswith(("heading", "标题")):
        digits = "".join(ch for ch in style if ch.isdigit())
        return min(int(digits), 4) if digits else 1
    return None


def split_marked(text: str, snippets: list[tuple[str, int]]) -> list[Segment]:
    """Cut a paragraph into plain and marked runs: each run knows which findings quote it."""
    marks: list[set[int]] = [set() for _ in text]
    for snippet, number in snippets:
        start = text.find(snippet)
        while start != -1:
            for i in range(start, start + len(snippet)):
                marks[i].add(number)
            start = text.find(snippet, start + len(snippet))
    segments: list[Segment] = []
    run_start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[run_start]:
            segments.append(Segment(text[run_start:i], _numbers(marks[run_start])))
            run_start = i
    return segments
