"""Shaping a parsed document and its findings for the page: location ids, marked runs, boxes, citations."""

from __future__ import annotations

import pytest

from models.document import Cell, Document, Paragraph, SourceInfo, Table
from models.report import Evidence, Finding
from pipeline.web.layout import Citations, document_view, evidence_loc, finding_views, split_marked


def _document() -> Document:
    merged = Table(
        index=1,
        n_rows=3,
        n_cols=3,
        cells=(
            Cell(row=0, col=0, row_span=2, col_span=2, text="合并"),
            Cell(row=0, col=2, text="A"),
            Cell(row=1, col=2, text="B"),
            Cell(row=2, col=0, text="C"),
            Cell(row=2, col=1, text="D"),
            Cell(row=2, col=2, text="558.01"),
        ),
    )
    return Document(
        source=SourceInfo(path="x.docx", sha256="0" * 64, format="docx"),
        blocks=[
            Paragraph(index=1, text="资金使用情况", style="Heading 2"),
            merged,
            Paragraph(index=2, text="共支出512.02万元，其中维修9.96万元，印刷9.96万元。"),
        ],
    )


def _finding(*evidence: Evidence, rule: str = "budget.amount_mismatch") -> Finding:
    return Finding(rule=rule, severity="warning", message="不一致", evidence=list(evidence))


def test_a_position_inside_a_merged_cell_is_named_by_its_anchor() -> None:
    document = _document()
    assert evidence_loc(Evidence(table=1, row=1, col=1), document) == "t1r0c0"
    assert evidence_loc(Evidence(table=1, row=2, col=2), document) == "t1r2c2"
    assert evidence_loc(Evidence(paragraph=2)) == "p2"
    assert evidence_loc(Evidence(text="文件")) is None


def test_table_rows_skip_positions_covered_by_a_merge() -> None:
    document = _document()
    views = finding_views([_finding(Evidence(table=1, row=2, col=2, text="558.01"))], document, {})
    table = document_view(document, views).blocks[1]
    assert [[c.loc for c in row] for row in table.rows] == [
        ["t1r0c0", "t1r0c2"],
        ["t1r1c2"],
        ["t1r2c0", "t1r2c1", "t1r2c2"],
    ]
    assert (table.rows[0][0].rowspan, table.rows[0][0].colspan) == (2, 2)
    assert table.rows[2][2].findings == "1"
    assert document_view(document, views).blocks[0].heading == 2


def test_quoted_words_become_marked_runs_that_know_their_findings() -> None:
    runs = split_marked("共支出512.02万元，其中维修9.96万元，印刷9.96万元。", [("9.96万元", 2), ("维修9.96", 1)])
    assert "".join(r.text for r in runs) == "共支出512.02万元，其中维修9.96万元，印刷9.96万元。"
    marked = [(r.text, r.findings) for r in runs if r.findings]
    assert marked == [("维修", "1"), ("9.96", "1 2"), ("万元", "2"), ("9.96万元", "2")]
    assert split_marked("", [("x", 1)]) == []
    assert [(r.text, r.findings) for r in split_marked("abc", [("zz", 1)])] == [("abc", "")]


def test_evidence_boxes_are_percentages_of_their_page() -> None:
    finding = _finding(
        Evidence(page=2, bbox=(100.0, 200.0, 200.0, 220.0), text="558.01"), Evidence(page=9, bbox=(1, 1, 2, 2))
    )
    view = finding_views([finding], None, {}, page_sizes=[(500.0, 1000.0), (500.0, 1000.0)])[0]
    assert list(view.boxes) == [2]  # a page the PDF does not have gets no box
    box = view.boxes[2][0]
    assert box.left == pytest.approx((100 - 1.5) / 500 * 100)
    assert box.top == pytest.approx((200 - 1.5) / 1000 * 100)
    assert box.width == pytest.approx(103 / 500 * 100)
    assert box.height == pytest.approx(23 / 1000 * 100)
    assert view.pages == [2, 9]


def test_a_record_value_is_cited_by_its_cell_or_by_the_same_words() -> None:
    document = _document()
    findings = finding_views(
        [
            _finding(Evidence(table=1, row=1, col=0, text="合并"), Evidence(paragraph=2, text="共支出512.02万元")),
            _finding(Evidence(paragraph=2, text="印刷9.96万元"), rule="spending.items_sum"),
        ],
        document,
        {},
    )
    cited = Citations(findings, document)
    assert cited.of(Evidence(table=1, row=0, col=0, text="合并")) == "1"
    assert cited.of(Evidence(paragraph=2, text="512.02万元")) == "1"
    assert cited.of(Evidence(paragraph=2, text="印刷9.96万元")) == "2"
    assert cited.of(Evidence(paragraph=2, text="维修9.96万元")) == ""  # same paragraph, other words
    assert cited.of(Evidence(table=1, row=0, col=2, text="A")) == ""
    assert cited.of(None) == ""
