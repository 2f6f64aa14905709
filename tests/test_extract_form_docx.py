"""Self-evaluation forms written as real .docx files (merged cells as Word stores them), read end to end."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parsers import read
from pipeline.extract import extract
from pipeline.process import process_file
from tests import form_grids
from tests.docx_builders import cell, docx_from_body, row, table, text_para
from tests.extract_documents import MERGED_LEFT, MERGED_UP, document


def grid_xml(rows: list[list[str]]) -> str:
    """A grid of `tests.extract_documents` as a Word table: "<" widens the cell on its left, "^" continues the
    cell above (vMerge)."""
    width = max(len(r) for r in rows)
    padded = [list(r) + [""] * (width - len(r)) for r in rows]
    body = []
    for r, cells in enumerate(padded):
        xml_cells = []
        c = 0
        while c < width:
            span = 1
            while c + span < width and cells[c + span] == MERGED_LEFT:
                span += 1
            below = padded[r + 1][c] if r + 1 < len(padded) else ""
            if cells[c] == MERGED_UP:
                xml_cells.append(cell(span=span, vmerge="continue"))
            else:
                xml_cells.append(cell(cells[c], span=span, vmerge="restart" if below == MERGED_UP else None))
            c += span
        body.append(row(*xml_cells))
    return table(*body, grid=width)


@pytest.mark.parametrize("layout", ["CENTRAL", "SICHUAN", "YUNNAN", "CHONGQING"])
def test_a_word_form_reads_as_its_grid_does(tmp_path: Path, layout: str) -> None:
    grid = getattr(form_grids, layout)
    path = docx_from_body(tmp_path / f"{layout}.docx", grid_xml(grid))
    from_word = extract(read(path)).report
    from_grid = extract(document(grid)).report
    assert from_word.kind == "self_evaluation_form"
    skip = {"source": True, "findings": True}
    assert from_word.model_dump(exclude=skip) == from_grid.model_dump(exclude=skip)


def test_two_forms_in_a_word_file_give_the_first_form_with_findings(tmp_path: Path) -> None:
    second = [
        ["项目支出绩效自评表", "<", "<", "<", "<", "<", "<", "<"],
        ["项目名称", "援滇对口支援经费", "<", "<", "<", "<", "<", "<"],
        ["项目资金（元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "<", "20000.00", "20000.00", "9034", "10", "45.17%", "4.52"],
    ]
    first = [r[:8] for r in form_grids.CENTRAL[:-1]] + [["总分", "<", "<", "<", "<", "<", "100", "99"]]
    body = text_para("附件2") + grid_xml(first) + text_para("") + grid_xml(second)
    path = docx_from_body(tmp_path / "two-forms.docx", body)
    report = process_file(path, "forms/two-forms.docx")
    assert (report.kind, report.source.format, report.source.path) == (
        "self_evaluation_form",
        "docx",
        "forms/two-forms.docx",
    )
    assert report.project.name == "农村公路养护补助" and report.budget.spent == Decimal("990000")
    assert report.scores == [] and len(report.indicators) == 4
    rules = {f.rule for f in report.findings}
    # the scores add up to 87 with one row of weight 10 unscored: 99 cannot be reached
    assert "score.total" in rules
    assert all(e.table == 1 for f in report.findings for e in f.evidence if e.table is not None)
