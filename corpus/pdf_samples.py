"""Test PDFs for the PDF reader: Word documents built with python-docx, printed to PDF by LibreOffice
(and one HTML form printed by Chromium, whose fonts are embedded CID-keyed).

Each sample is a document whose tables we know cell by cell, so the expected tables come from the
generator, never from a PDF reader. Run as a script to rebuild the committed samples:

    python -m corpus.pdf_samples corpus/samples/pdf
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_SECTION_START
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable

SOFFICE_TIMEOUT_SECONDS = 180


@dataclass
class SpecCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


@dataclass
class TableSpec:
    """A table as the reader should return it: anchor cells of a grid, merges as spans."""

    n_rows: int
    n_cols: int
    cells: list[SpecCell] = field(default_factory=list)
    header_rows: int = 0
    """Rows marked to repeat at the top of every page."""

    def row_texts(self) -> list[list[str]]:
        grid = [[""] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    grid[r][c] = cell.text
        return grid

    def to_json(self) -> dict[str, object]:
        return {
            "n_rows": self.n_rows,
            "n_cols": self.n_cols,
            "rows": self.row_texts(),
            "cells": [[c.row, c.col, c.row_span, c.col_span, c.text] for c in self.cells],
        }


SCORE_WIDTHS_CM = [2.2, 1.3, 2.2, 1.3, 6.0, 1.3, 1.7]
SCORE_HEADER = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]

# (一级, weight, [(二级, weight, [(三级, weight, score)])]) — the Hainan three-level score table.
SCORE_TREE: list[tuple[str, int, list[tuple[str, int, list[tuple[str, int, float]]]]]] = [
    ("项目决策", 20, [
        ("项目目标", 4, [("目标内容", 4, 4)]),
        ("决策过程", 8, [("决策依据", 3, 3), ("决策程序", 5, 5)]),
        ("资金分配", 8, [("分配办法", 2, 2), ("分配结果", 6, 5)]),
    ]),
    ("项目管理", 25, [
        ("资金到位", 5, [("到位率", 3, 3), ("到位时效", 2, 2)]),
        ("资金管理", 10, [("资金使用", 7, 6), ("财务管理", 3, 3)]),
        ("组织实施", 10, [("组织机构", 1, 1), ("管理制度", 9, 8.5)]),
    ]),
    ("项目绩效", 55, [
        ("项目产出", 15, [("产出数量", 5, 5), ("产出质量", 4, 4), ("产出时效", 3, 3), ("产出成本", 3, 2)]),
        ("项目效益", 40, [("经济效益", 8, 7), ("社会效益", 8, 8), ("环境效益", 8, 8),
                      ("可持续影响", 8, 8), ("服务对象满意度", 8, 7.5)]),
    ]),
]

LONG_CELL = (
    "根据《项目支出绩效评价管理办法》的规定，评价组对项目资金的拨付、使用和管理情况逐项进行了核查，"
    "查阅了会计凭证、合同、验收资料和相关会议纪要，并对实施单位的财务人员和项目负责人进行了访谈。"
)


def score_table_spec(long_rows: dict[str, int], header_rows: int) -> TableSpec:
    """The score tree as a grid; `long_rows` maps a 三级指标 name to how many times its remark repeats."""
    spec = TableSpec(n_rows=1, n_cols=7, header_rows=header_rows)
    spec.cells = [SpecCell(0, c, text) for c, text in enumerate(SCORE_HEADER)]
    row = 1
    for level1, weight1, children in SCORE_TREE:
        level1_rows = sum(len(leaves) for _, _, leaves in children)
        spec.cells += [SpecCell(row, 0, level1, level1_rows), SpecCell(row, 1, str(weight1), level1_rows)]
        for level2, weight2, leaves in children:
            spec.cells += [SpecCell(row, 2, level2, len(leaves)), SpecCell(row, 3, str(weight2), len(leaves))]
            for level3, weight3, score in leaves:
                name = level3 + LONG_CELL * long_rows.get(level3, 0)
                spec.cells += [SpecCell(row, 4, name), SpecCell(row, 5, str(weight3)), SpecCell(row, 6, f"{score:g}")]
                row += 1
    spec.cells.sort(key=lambda c: (c.row, c.col))
    spec.n_rows = row
    return spec


def fill_table(table: DocxTable, spec: TableSpec, widths_cm: list[float] | None = None) -> None:
    if widths_cm:
        # LibreOffice lays out from the grid columns; Word from the cell widths: set both.
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)
    for cell in spec.cells:
        target = table.cell(cell.row, cell.col)
        if cell.row_span > 1 or cell.col_span > 1:
            target = target.merge(table.cell(cell.row + cell.row_span - 1, cell.col + cell.col_span - 1))
        target.text = cell.text
    for index in range(spec.header_rows):
        properties = table.rows[index]._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        properties.append(flag)


def add_page_field(paragraph_xml: OxmlElement, before: str, after: str) -> None:
    """Append 'before{PAGE}after' to a header/footer paragraph, the page number as a live field."""
    for text, is_field in ((before, False), ("PAGE", True), (after, False)):
        if is_field:
            field_xml = OxmlElement("w:fldSimple")
            field_xml.set(qn("w:instr"), "PAGE")
            run = OxmlElement("w:r")
            run_text = OxmlElement("w:t")
            run_text.text = "1"
            run.append(run_text)
            field_xml.append(run)
            paragraph_xml.append(field_xml)
        elif text:
            run = OxmlElement("w:r")
            run_text = OxmlElement("w:t")
            run_text.set(qn("xml:space"), "preserve")
            run_text.text = text
            run.append(run_text)
            paragraph_xml.append(run)


def new_document(header: str | None, footer: tuple[str, str] | None, font: str = "Noto Serif CJK SC"):
    document = new_docx()
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.font.name = font
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        add_page_field(section.footer.paragraphs[0]._p, *footer)
    return document


BODY = [
    "一、项目基本情况",
    "综合事务项目是省政务中心为保障政务服务大厅正常运转而设立的经常性项目，主要用于长聘人员工资发放、"
    "大厅设施设备维修维护、文件资料印刷以及政务服务事项要素核查等工作。项目实施单位和主管部门均为省政务中心。",
    "2020年度项目计划投资额670.64万元，全部为省财政资金，实际到位资金670.64万元，资金到位率100%。"
    "截至2020年12月31日，项目共支出512.02万元，结余158.62万元，预算执行率76.35%。",
    "二、绩效评价工作开展情况",
    "评价组按照Performance Evaluation Guideline的要求，采取案卷研究、实地核查和问卷调查相结合的方式，"
    "对项目决策、项目管理和项目绩效三个方面进行了综合评价，评分结果如下表所示。",
]

AFTER = [
    "三、评价结论",
    "经综合评价，该项目得分为91.5分，评价等级为优。项目立项依据充分，资金管理较为规范，"
    "产出和效益目标基本实现，服务对象满意度较高。",
]


def build_score_report(path: Path, *, header_rows: int, long_rows: dict[str, int], header: str,
                       footer: tuple[str, str], font: str) -> Expected:
    document = new_document(header, footer, font)
    for text in BODY:
        document.add_paragraph(text)
    spec = score_table_spec(long_rows, header_rows)
    table = document.add_table(rows=spec.n_rows, cols=spec.n_cols)
    table.style = "Table Grid"
    fill_table(table, spec, SCORE_WIDTHS_CM)
    for text in AFTER:
        document.add_paragraph(text)
    document.save(str(path))
    return Expected([spec], BODY + AFTER)


def build_split_row(path: Path) -> Expected:
    """A score table over two pages whose 资金使用 row is cut by the page break, merged 一级指标 carried over."""
    return build_score_report(path, header_rows=0, long_rows={"资金使用": 4}, header="综合事务项目绩效评价报告",
                              footer=("- ", " -"), font="Noto Serif CJK SC")


def build_repeated_header(path: Path) -> Expected:
    """The same table with its header row repeated on the next page, and a different footer style."""
    return build_score_report(path, header_rows=1, long_rows={"组织机构": 4}, header="省政务中心",
                              footer=("第 ", " 页"), font="WenQuanYi Micro Hei")


NARRATIVE = [
    "项目资金使用情况分析",
    "本项目资金全部来源于省财政拨款，年初预算数为670.64万元，年中因政策调整收回部分资金，调整后预算数为558.01万元。"
    "资金主要用于长聘人员工资、政务大厅维修维护和文件资料印刷三个方面，各项支出均按照预算批复的用途执行。",
    "从支出结构看，长聘人员工资支出412.42万元，占总支出的80.55%；政务大厅维修（护）支出9.96万元；"
    "文件印刷支出89.64万元。支出结构与项目目标基本一致，未发现挤占挪用项目资金的情况。",
    "存在的问题",
    "一是绩效目标设置不够细化，部分指标缺少可衡量的目标值；二是预算执行进度偏慢，下半年支出集中；"
    "三是项目档案管理不够规范，部分合同和验收资料未及时归档。",
    "改进建议",
    "建议实施单位进一步细化绩效目标，加强预算执行进度管理，完善项目档案管理制度，确保资金使用安全高效。",
]


def build_paragraphs(path: Path) -> Expected:
    """Three pages of narrative under a running header and a '第 N 页' footer; no tables."""
    document = new_document("海南省省级财政支出绩效评价报告", ("第 ", " 页"))
    paragraphs = []
    for repeat in range(6):
        # rotate, trim and lengthen the paragraphs so that no two pages look alike
        for number, text in enumerate(NARRATIVE[repeat % 3:] + NARRATIVE[: repeat % 3]):
            if len(text) < 12:
                text = f"{text}（{repeat + 1}）"
            else:
                text = text[: len(text) - 7 * ((repeat + number) % 4)] + NARRATIVE[1][: 13 * (repeat % 3)]
            document.add_paragraph(text)
            paragraphs.append(text)
        if repeat == 1:  # a long paragraph near the end of page 1 runs on to page 2
            text = NARRATIVE[1] + NARRATIVE[2] + NARRATIVE[4]
            document.add_paragraph(text)
            paragraphs.append(text)
    document.save(str(path))
    return Expected([], paragraphs)


@dataclass
class Expected:
    tables: list[TableSpec]
    paragraphs: list[str]


FORM_ROWS: list[list[tuple[str, int, int]]] = [
    # (text, row_span, col_span) of each anchor cell, row by row: a central 项目支出绩效自评表
    [("项目名称", 1, 1), ("综合事务", 1, 5)],
    [("项目资金（万元）", 3, 1), ("类别", 1, 1), ("年初预算数", 1, 1), ("全年预算数", 1, 1), ("全年执行数", 1, 1),
     ("执行率", 1, 1)],
    [("年度资金总额", 1, 1), ("670.64", 1, 1), ("558.01", 1, 1), ("512.02", 1, 1), ("91.76%", 1, 1)],
    [("其中：当年财政拨款", 1, 1), ("670.64", 1, 1), ("558.01", 1, 1), ("512.02", 1, 1), ("—", 1, 1)],
    [("一级指标", 1, 1), ("二级指标", 1, 1), ("三级指标", 1, 1), ("年度指标值", 1, 1), ("实际完成值", 1, 1),
     ("得分", 1, 1)],
    [("产出指标", 2, 1), ("数量指标", 1, 1), ("维修（护）工作量完成率", 1, 1), ("≥95%", 1, 1), ("100%", 1, 1),
     ("20", 1, 1)],
    [("质量指标", 1, 1), ("文件印刷完成率", 1, 1), ("≥95%", 1, 1), ("98%", 1, 1), ("30", 1, 1)],
    [("总分", 1, 4), ("100", 1, 1), ("96", 1, 1)],
]


def form_spec() -> TableSpec:
    spec = TableSpec(n_rows=len(FORM_ROWS), n_cols=6)
    taken: set[tuple[int, int]] = set()
    for row, anchors in enumerate(FORM_ROWS):
        col = 0
        for text, row_span, col_span in anchors:
            while (row, col) in taken:
                col += 1
            spec.cells.append(SpecCell(row, col, text, row_span, col_span))
            taken.update((r, c) for r in range(row, row + row_span) for c in range(col, col + col_span))
            col += col_span
    return spec


def build_cid_form(path: Path) -> Expected:
    """A self-evaluation form printed by Chromium: its TrueType font is embedded CID-keyed (Identity-H)."""
    title, note = "项目支出绩效自评表（2020年度）", "注：本表金额单位为万元，执行率保留两位小数。"
    rows = "".join(
        "<tr>" + "".join(f'<td rowspan="{r}" colspan="{c}">{text}</td>' for text, r, c in anchors) + "</tr>"
        for anchors in FORM_ROWS
    )
    html = (
        '<html><head><meta charset="utf-8"><style>'
        'body{font-family:"WenQuanYi Micro Hei";font-size:11pt} table{border-collapse:collapse;width:100%}'
        "td{border:1px solid #000;padding:3pt}"
        f"</style></head><body><p>{title}</p><table>{rows}</table><p>{note}</p></body></html>"
    )
    html_path = path.with_suffix(".html")
    html_path.write_text(html, encoding="utf-8")
    return Expected([form_spec()], [title, note])


def build_long_report(path: Path, sections: int = 8) -> Expected:
    """A report of about 20 pages for benchmarks: narrative and score tables, page breaks landing
    at different places in each table (inside rows, between rows, under merged cells)."""
    document = new_document("综合事务项目绩效评价报告", ("第 ", " 页"))
    leaves = [leaf for _, _, children in SCORE_TREE for _, _, items in children for leaf, _, _ in items]
    tables: list[TableSpec] = []
    paragraphs: list[str] = []
    for section in range(sections):
        texts = [f"{section + 1}. 评价情况（第{section + 1}部分）", *NARRATIVE[1 + section % 2:5 + section % 3]]
        for text in texts:
            document.add_paragraph(text)
            paragraphs.append(text)
        long_rows = {leaves[(5 * section + 3) % len(leaves)]: 1 + section % 4, leaves[(7 * section) % len(leaves)]: 1}
        spec = score_table_spec(long_rows, header_rows=section % 2)
        table = document.add_table(rows=spec.n_rows, cols=spec.n_cols)
        table.style = "Table Grid"
        fill_table(table, spec, SCORE_WIDTHS_CM)
        tables.append(spec)
    document.save(str(path))
    return Expected(tables, paragraphs)


SAMPLES: dict[str, Callable[[Path], Expected]] = {
    "score-table-split-row": build_split_row,
    "score-table-repeated-header": build_repeated_header,
    "narrative-header-footer": build_paragraphs,
    "cid-font-form": build_cid_form,
}


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Print a Word file to PDF with LibreOffice headless in a private profile (no clash with other runs)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_SECONDS,
        )
    pdf_path = out_dir / (docx_path.stem + ".pdf")
    if not pdf_path.exists():
        raise RuntimeError(f"LibreOffice produced no PDF for {docx_path.name}")
    return pdf_path


def print_html_to_pdf(html_path: Path, out_dir: Path) -> Path:
    """Print an HTML file to PDF with headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        raise RuntimeError("Chromium is not installed")
    pdf_path = out_dir / (html_path.stem + ".pdf")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}", html_path.as_uri()],
            check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_SECONDS,
        )
    return pdf_path


def build_sample(name: str, out_dir: Path) -> Path:
    """Build one sample's PDF and its expected tables and paragraphs (`<name>.expected.json`) in `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pdf-sample-") as work:
        docx_path = Path(work) / f"{name}.docx"
        expected = SAMPLES[name](docx_path)
        html_path = docx_path.with_suffix(".html")
        if html_path.exists():
            pdf_path = print_html_to_pdf(html_path, Path(work))
        else:
            pdf_path = convert_to_pdf(docx_path, Path(work))
        target = out_dir / pdf_path.name
        shutil.copyfile(pdf_path, target)
    record = {"tables": [spec.to_json() for spec in expected.tables], "paragraphs": expected.paragraphs}
    (out_dir / f"{name}.expected.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docx", type=Path, nargs="*", default=[], help="also convert these .docx files")
    args = parser.parse_args(argv)
    for name in SAMPLES:
        print(build_sample(name, args.out_dir))
    for docx_path in args.docx:
        print(convert_to_pdf(docx_path, args.out_dir))


if __name__ == "__main__":
    main()
