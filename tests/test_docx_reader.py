"""The Word reader: true merged-cell spans, nested tables, body order, the printed text of runs."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parsers
from models.document import Document, Paragraph, Table
from parsers.docx import read as read_docx
from parsers.limits import DEFAULT_LIMITS
from tests.docx_builders import (
    append_xml,
    block_sdt,
    cell,
    complex_field,
    docx_from_body,
    hyperlink,
    new_document,
    para,
    row,
    run,
    save,
    table,
    text_box,
    text_para,
    text_table,
)


def read_body(tmp_path: Path, fragment: str) -> Document:
    return read_docx(docx_from_body(tmp_path / "body.docx", fragment), DEFAULT_LIMITS, fmt="docx")


def only_table(document: Document) -> Table:
    assert len(document.tables) == 1
    return document.tables[0]


def anchors(grid: Table) -> list[tuple[int, int, int, int, str]]:
    return [(c.row, c.col, c.row_span, c.col_span, c.text) for c in grid.cells]


# --- merged cells ----------------------------------------------------------------------------------


def test_indicator_table_merged_down_and_across_keeps_only_anchor_cells(tmp_path: Path) -> None:
    grid = only_table(
        read_body(
            tmp_path,
            table(
                row(cell("绩效指标", span=2), cell("三级指标"), cell("分值")),
                row(cell("产出指标", vmerge="restart"), cell("数量指标"), cell("培训人次"), cell("20")),
                row(cell(vmerge="continue"), cell("质量指标"), cell("合格率"), cell("20")),
                row(cell(vmerge="continue"), cell("时效指标"), cell("及时率"), cell("10")),
                row(cell("效益指标", vmerge="restart"), cell("社会效益指标"), cell("覆盖率"), cell("30")),
                row(cell(vmerge="continue"), cell("可持续影响指标", span=2), cell("10")),
                grid=4,
            ),
        )
    )
    assert (grid.n_rows, grid.n_cols) == (6, 4)
    assert anchors(grid) == [
        (0, 0, 1, 2, "绩效指标"),
        (0, 2, 1, 1, "三级指标"),
        (0, 3, 1, 1, "分值"),
        (1, 0, 3, 1, "产出指标"),
        (1, 1, 1, 1, "数量指标"),
        (1, 2, 1, 1, "培训人次"),
        (1, 3, 1, 1, "20"),
        (2, 1, 1, 1, "质量指标"),
        (2, 2, 1, 1, "合格率"),
        (2, 3, 1, 1, "20"),
        (3, 1, 1, 1, "时效指标"),
        (3, 2, 1, 1, "及时率"),
        (3, 3, 1, 1, "10"),
        (4, 0, 2, 1, "效益指标"),
        (4, 1, 1, 1, "社会效益指标"),
        (4, 2, 1, 1, "覆盖率"),
        (4, 3, 1, 1, "30"),
        (5, 1, 1, 2, "可持续影响指标"),
        (5, 3, 1, 1, "10"),
    ]
    assert grid.row_texts(3) == ["产出指标", "时效指标", "及时率", "10"]
    assert grid.cell_at(3, 0) is grid.cell_at(1, 0)


def test_vmerge_continuation_under_a_different_width_starts_a_new_cell(tmp_path: Path) -> None:
    grid = only_table(
        read_body(
            tmp_path,
            table(
                row(cell("合并", span=2, vmerge="restart"), cell("x")),
                row(cell("窄", vmerge="continue"), cell("y"), cell("z")),
                grid=3,
            ),
        )
    )
    assert anchors(grid)[:1] == [(0, 0, 1, 2, "合并")]
    assert (1, 0, 1, 1, "窄") in anchors(grid)


def test_vertical_merge_stops_at_a_row_that_does_not_continue_it(tmp_path: Path) -> None:
    grid = only_table(
        read_body(
            tmp_path,
            table(
                row(cell("A", vmerge="restart"), cell("1")),
                row(cell(vmerge="continue"), cell("2")),
                row(cell("B"), cell("3")),
                row(cell(vmerge="continue"), cell("4")),
                grid=2,
            ),
        )
    )
    assert [(c.row, c.row_span, c.text) for c in grid.cells if c.col == 0] == [(0, 2, "A"), (2, 2, "B")]


def test_grid_before_and_after_shift_cells_and_short_rows_leave_gaps(tmp_path: Path) -> None:
    grid = only_table(
        read_body(
            tmp_path,
            table(
                row(cell("项目名称"), cell("综合事务", span=3)),
                row(cell("年初预算数"), cell("全年执行数"), before=1, after=1),
                row(cell("短行")),
                row(cell("末列"), before=3),
                grid=4,
            ),
        )
    )
    assert grid.n_cols == 4
    assert anchors(grid) == [
        (0, 0, 1, 1, "项目名称"),
        (0, 1, 1, 3, "综合事务"),
        (1, 1, 1, 1, "年初预算数"),
        (1, 2, 1, 1, "全年执行数"),
        (2, 0, 1, 1, "短行"),
        (3, 3, 1, 1, "末列"),
    ]
    assert grid.cell_at(1, 0) is None and grid.cell_at(1, 3) is None and grid.cell_at(2, 1) is None


def test_n_cols_counts_the_widest_row_when_the_declared_grid_is_narrower(tmp_path: Path) -> None:
    grid = only_table(read_body(tmp_path, table(row(cell("a"), cell("b"), cell("c"), after=2), grid=2)))
    assert grid.n_cols == 5


def test_legacy_hmerge_widens_the_cell_on_its_left(tmp_path: Path) -> None:
    grid = only_table(
        read_body(
            tmp_path,
            table(row(cell("合计", hmerge="restart"), cell(hmerge="continue"), cell("100")), grid=3),
        )
    )
    assert anchors(grid) == [(0, 0, 1, 2, "合计"), (0, 2, 1, 1, "100")]


def test_row_deleted_with_tracked_changes_is_not_in_the_table(tmp_path: Path) -> None:
    grid = only_table(
        read_body(tmp_path, table(row(cell("保留")), row(cell("已删除"), deleted=True), row(cell("末行")), grid=1))
    )
    assert grid.n_rows == 2
    assert [c.text for c in grid.cells] == ["保留", "末行"]


def test_absurd_spans_are_clamped_and_bad_values_ignored(tmp_path: Path) -> None:
    fragment = table(row(cell("a", span=10**9), cell("b")), grid=2).replace(
        '<w:tc><w:tcPr></w:tcPr><w:p><w:r><w:t xml:space="preserve">b',
        '<w:tc><w:tcPr><w:gridSpan w:val="two"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">b',
    )
    grid = only_table(read_body(tmp_path, fragment))
    assert anchors(grid)[1][1:4] == (anchors(grid)[0][3], 1, 1)
    assert grid.n_cols <= 1024


@pytest.mark.parametrize(
    "merges",
    [
        [((0, 0), (0, 2))],
        [((1, 0), (3, 0)), ((1, 1), (1, 3))],
        [((0, 1), (2, 2)), ((3, 0), (3, 3))],
        [((0, 0), (3, 0)), ((0, 3), (3, 3)), ((1, 1), (2, 2))],
    ],
)
def test_grid_agrees_with_python_docx_row_cells_on_tables_merged_by_python_docx(
    tmp_path: Path, merges: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    """python-docx repeats a merged cell at every grid position; our grid view must show the same texts."""
    document = new_document()
    word_table = document.add_table(rows=4, cols=4)
    for r in range(4):
        for c in range(4):
            word_table.cell(r, c).text = f"r{r}c{c}"
    for (r0, c0), (r1, c1) in merges:
        merged = word_table.cell(r0, c0).merge(word_table.cell(r1, c1))
        merged.text = f"合并{r0}{c0}"
    path = save(document, tmp_path / "merged.docx")

    grid = only_table(read_docx(path, DEFAULT_LIMITS, fmt="docx"))
    reference = docx.Document(str(path)).tables[0]
    assert (grid.n_rows, grid.n_cols) == (4, 4)
    for r, word_row in enumerate(reference.rows):
        assert grid.row_texts(r) == [c.text.rstrip() for c in word_row.cells]
    expected_anchor_count = 16 - sum((r1 - r0 + 1) * (c1 - c0 + 1) - 1 for (r0, c0), (r1, c1) in merges)
    assert len(grid.cells) == expected_anchor_count


# --- nested tables ---------------------------------------------------------------------------------


def test_nested_tables_follow_their_parent_in_pre_order(tmp_path: Path) -> None:
    grandchild = text_table([["孙表"]])
    child = table(row(cell("子表甲"), cell(blocks=text_para("含孙表") + grandchild)), grid=2)
    second_child = text_table([["子表乙"]])
    outer = table(
        row(cell("资金来源"), cell(blocks=text_para("见下表：") + child + text_para("") + second_child)),
        row(cell("合计"), cell("100")),
        grid=2,
    )
    document = read_body(tmp_path, outer + text_para("之后") + text_table([["后续表"]]))

    assert [(t.index, t.parent) for t in document.tables] == [(1, None), (2, 1), (3, 2), (4, 1), (5, None)]
    assert [b.type for b in document.blocks] == ["table"] * 4 + ["paragraph", "table"]
    outer_table = document.table(1)
    holder = outer_table.cell_at(0, 1)
    assert holder is not None
    assert holder.nested_tables == (2, 4)
    assert holder.text == "见下表："  # nested tables' text stays out of the parent cell
    assert document.table(2).cell_at(0, 1).nested_tables == (3,)
    assert document.table(3).text_at(0, 0) == "孙表"
    assert document.table(5).text_at(0, 0) == "后续表"
    assert document.paragraphs[0].index == 1 and document.paragraphs[0].text == "之后"


# --- body order and paragraph numbering ------------------------------------------------------------


def test_paragraphs_and_tables_interleave_in_body_order_with_contract_paragraph_indexes(tmp_path: Path) -> None:
    fragment = (
        text_para("综合事务项目绩效评价报告", style="Title")
        + text_para("")
        + text_para("一、项目基本情况", style="Heading1")
        + text_table([["项目名称", "综合事务"]])
        + block_sdt(text_para("　　项目由省政务中心实施。") + text_table([["年初预算数", "558.01"]]))
        + text_para("二、绩效评价结论", style="Heading1")
    )
    document = read_body(tmp_path, fragment)
    summary = [
        (b.type, b.index, b.text if isinstance(b, Paragraph) else b.text_at(0, 0), getattr(b, "style", None))
        for b in document.blocks
    ]
    assert summary == [
        ("paragraph", 1, "综合事务项目绩效评价报告", "Title"),
        ("paragraph", 2, "", "Normal"),
        ("paragraph", 3, "一、项目基本情况", "Heading 1"),
        ("table", 1, "项目名称", None),
        ("paragraph", 4, "　　项目由省政务中心实施。", "Normal"),
        ("table", 2, "年初预算数", None),
        ("paragraph", 5, "二、绩效评价结论", "Heading 1"),
    ]


def test_paragraphs_inside_cells_do_not_advance_the_paragraph_count(tmp_path: Path) -> None:
    document = read_body(tmp_path, text_para("前") + table(row(cell("一\n二\n三")), grid=1) + text_para("后"))
    assert [(p.index, p.text) for p in document.paragraphs] == [(1, "前"), (2, "后")]


def test_cell_text_joins_paragraphs_and_strips_only_trailing_whitespace(tmp_path: Path) -> None:
    cell_xml = cell(blocks=text_para("  558.01 ") + text_para("（万元）") + text_para("") + text_para("  "))
    grid = only_table(read_body(tmp_path, table(row(cell_xml), grid=1)))
    assert grid.cells[0].text == "  558.01 \n（万元）"


# --- printed text of runs --------------------------------------------------------------------------


def test_hyperlinks_fields_and_inline_wrappers_give_the_displayed_text(tmp_path: Path) -> None:
    document = new_document()
    link = hyperlink(document, "https://czt.example.gov.cn/", "财政厅网站")
    nested_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        f"{complex_field('PAGE', '7')}"
        '<w:r><w:instrText xml:space="preserve"> = 7 "是" "否" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run('是')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    fragment = (
        para(run("详见"), link, run("。"))
        + para(run("共"), '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>', run("页"))
        + para(run("预算"), complex_field("=558.01-46", "512.01"), run("万元"))
        + para(nested_field)
        + para(
            '<w:smartTag w:uri="urn:x" w:element="date">',
            run("2020年"),
            "</w:smartTag>",
            '<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent>',
            run("省政务中心"),
            "</w:sdtContent></w:sdt>",
        )
        + para(
            run("执行"),
            '<w:ins w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z">',
            run("512.02"),
            "</w:ins>",
            '<w:del w:id="2" w:author="a" w:date="2021-01-01T00:00:00Z">',
            "<w:r><w:delText>498.00</w:delText><w:tab/><w:t>（旧）</w:t></w:r>",
            "</w:del>",
            run("万元"),
        )
        + para(run("隐藏"), "<w:r><w:rPr><w:vanish/></w:rPr><w:t>批注草稿</w:t></w:r>", run("之外"))
    )
    append_xml(document, fragment)
    path = save(document, tmp_path / "fields.docx")
    texts = [p.text for p in read_docx(path, DEFAULT_LIMITS, fmt="docx").paragraphs]
    assert texts[-7:] == [
        "详见财政厅网站。",
        "共12页",
        "预算512.01万元",
        "是",
        "2020年省政务中心",
        "执行512.02万元",
        "隐藏之外",
    ]


def test_tabs_breaks_and_symbols(tmp_path: Path) -> None:
    fragment = para(
        run("项目名称"),
        "<w:r><w:tab/><w:t>综合事务</w:t><w:br/><w:t>第二行</w:t></w:r>",
        '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>是</w:t><w:sym w:font="Wingdings" w:char="F0A8"/>',
        "<w:t>否</w:t></w:r>",
        '<w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>90%</w:t></w:r>',
    )
    (paragraph,) = read_body(tmp_path, fragment).paragraphs
    assert paragraph.text == "项目名称\t综合事务\n第二行☑是□否≥90%"


def test_headers_footers_and_text_boxes_are_not_body_text(tmp_path: Path) -> None:
    document = new_document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：内部资料"
    section.footer.paragraphs[0].text = "页脚：第1页"
    append_xml(
        document,
        text_para("正文第一段")
        + para(run("正文"), text_box("文本框里的备注"), run("第二段"))
        + table(row(cell(blocks=para(run("单元格"), text_box("单元格里的文本框")))), grid=1)
        + text_para("正文第三段"),
    )
    path = save(document, tmp_path / "furniture.docx")
    result = read_docx(path, DEFAULT_LIMITS, fmt="docx")
    all_text = "\n".join([p.text for p in result.paragraphs] + [c.text for t in result.tables for c in t.cells])
    for hidden in ("页眉", "页脚", "文本框里的备注", "单元格里的文本框"):
        assert hidden not in all_text
    # the text-box paragraphs are not counted: the body's three paragraphs are numbered 1 to 3
    assert [(p.index, p.text) for p in result.paragraphs] == [(1, "正文第一段"), (2, "正文第二段"), (3, "正文第三段")]
    assert result.tables[0].cells[0].text == "单元格"


# --- end to end ------------------------------------------------------------------------------------


def test_parsers_read_sniffs_and_dispatches_a_docx_whatever_its_name(tmp_path: Path) -> None:
    path = docx_from_body(tmp_path / "自评表.pdf", text_para("项目支出绩效自评表（2020年度）") + text_table([["a"]]))
    document = parsers.read(path)
    assert document.source.format == "docx"
    assert document.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.source.pages is None
    assert document.paragraphs[0].text == "项目支出绩效自评表（2020年度）"
    assert document.tables[0].location(document.tables[0].cells[0]).table == 1
    assert document.warnings == []


@st.composite
def merge_layouts(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """A grid split into rectangles (row, col, height, width) that tile it exactly, as Word merges do."""
    n_rows, n_cols = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    covered = [[False] * n_cols for _ in range(n_rows)]
    rectangles = []
    for r in range(n_rows):
        for c in range(n_cols):
            if covered[r][c]:
                continue
            max_width = next((k for k in range(c, n_cols) if covered[r][k]), n_cols) - c
            width = draw(st.integers(1, max_width))
            max_height = 1
            while r + max_height < n_rows and not any(covered[r + max_height][c : c + width]):
                max_height += 1
            height = draw(st.integers(1, max_height))
            for rr in range(r, r + height):
                for cc in range(c, c + width):
                    covered[rr][cc] = True
            rectangles.append((r, c, height, width))
    return n_rows, n_cols, rectangles


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=merge_layouts())
def test_any_merge_layout_made_by_python_docx_reads_back_as_its_rectangles(
    tmp_path: Path, layout: tuple[int, int, list[tuple[int, int, int, int]]]
) -> None:
    n_rows, n_cols, rectangles = layout
    document = new_document()
    word_table = document.add_table(rows=n_rows, cols=n_cols)
    for r, c, height, width in rectangles:
        merged = word_table.cell(r, c).merge(word_table.cell(r + height - 1, c + width - 1))
        merged.text = f"格{r}-{c}"
    path = save(document, tmp_path / "layout.docx")

    grid = only_table(read_docx(path, DEFAULT_LIMITS, fmt="docx"))
    assert (grid.n_rows, grid.n_cols) == (n_rows, n_cols)
    assert sorted((c.row, c.col, c.row_span, c.col_span) for c in grid.cells) == sorted(rectangles)
    assert all(c.text == f"格{c.row}-{c.col}" for c in grid.cells)
    reference = docx.Document(str(path)).tables[0]
    for r, word_row in enumerate(reference.rows):
        assert grid.row_texts(r) == [c.text for c in word_row.cells]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_docx_rewritten_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    """The legacy reader converts .doc/.wps through LibreOffice and hands us its .docx: same grid, same text."""
    document = new_document()
    document.add_paragraph("一、项目基本情况", style="Heading 1")
    word_table = document.add_table(rows=5, cols=5)
    for r in range(5):
        for c in range(5):
            word_table.cell(r, c).text = f"r{r}c{c}"
    word_table.cell(1, 0).merge(word_table.cell(4, 0)).text = "产出指标"
    word_table.cell(0, 1).merge(word_table.cell(0, 3)).text = "年初预算数"
    word_table.cell(2, 2).merge(word_table.cell(3, 3)).text = "558.01"
    word_table.cell(1, 4).add_table(rows=1, cols=2).cell(0, 0).text = "内表"
    document.add_paragraph("　　全年执行数512.02万元。")
    original = save(document, tmp_path / "original.docx")

    profile = (tmp_path / "profile").as_uri()
    for target, source, folder in (("doc", original, tmp_path), ("docx", tmp_path / "original.doc", tmp_path / "back")):
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                folder,
                source,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    expected = read_docx(original, DEFAULT_LIMITS, fmt="docx")
    converted = read_docx(tmp_path / "back" / "original.docx", DEFAULT_LIMITS, fmt="docx")

    def shape(document: Document) -> list[object]:
        return [
            (b.index, b.text, b.style) if isinstance(b, Paragraph) else (b.index, b.parent, anchors(b))
            for b in document.blocks
        ]

    assert shape(converted) == shape(expected)
    assert expected.table(1).cell_at(3, 0).text == "产出指标"


def test_imported_alt_chunk_content_is_reported_not_silently_lost(tmp_path: Path) -> None:
    document = read_body(tmp_path, text_para("前") + '<w:altChunk r:id="rIdImported"/>' + text_para("后"))
    assert [p.text for p in document.paragraphs] == ["前", "后"]
    assert any("altChunk" in warning for warning in document.warnings)


def test_alternate_content_is_read_from_one_branch_only(tmp_path: Path) -> None:
    def alternate(content: str) -> str:
        return (
            f'<mc:AlternateContent><mc:Choice Requires="w14">{content}</mc:Choice>'
            f"<mc:Fallback>{content}</mc:Fallback></mc:AlternateContent>"
        )

    document = read_body(tmp_path, para(run("完成"), alternate(run("☑")), run("是")) + alternate(text_para("备注")))
    assert [(p.index, p.text) for p in document.paragraphs] == [(1, "完成☑是"), (2, "备注")]


def test_tab_stop_definitions_are_not_printed_tabs(tmp_path: Path) -> None:
    """Tab stops in a paragraph's properties (w:pPr/w:tabs/w:tab) print nothing; a run's w:tab prints a tab."""
    from docx import Document as WordDocument
    from docx.shared import Cm

    word = WordDocument()
    paragraph = word.add_paragraph("项目名称")
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(4))
    paragraph.add_run().add_tab()
    paragraph.add_run("综合事务")
    path = tmp_path / "tabs.docx"
    word.save(path)

    (read_back,) = parsers.read(path).paragraphs
    assert read_back.text == "项目名称\t综合事务"
