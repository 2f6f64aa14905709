"""Rebuild the scanned sample: a one-page 项目支出绩效自评表 (.docx) → PDF (LibreOffice) → scanned PDF.

    python corpus/samples/scanned/build.py

The form follows the central standard layout (年初预算数/全年预算数/全年执行数/分值/执行率/得分,
then 一级/二级/三级指标 rows) with the merged cells real forms have, so the OCR stage's
grid rebuilding meets row spans and column spans. Figures are invented.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from corpus.scanned import ScanStyle, make_scanned_pdf  # noqa: E402

NAME = "self-eval-form"

FUNDS = [
    ["年度资金总额", "250000.00", "236500.00", "215457.60", "10", "91.10%", "9.11"],
    ["其中：当年财政拨款", "250000.00", "236500.00", "215457.60", "—", "", "—"],
    ["上年结转资金", "0", "0", "0", "—", "", "—"],
    ["其他资金", "", "", "", "—", "", "—"],
]
INDICATORS = [
    ["产出指标", "数量指标", "维护健身点位数", "≥120个", "126个", "15", "15", ""],
    ["", "质量指标", "设施完好率", "≥95%", "96.4%", "15", "15", ""],
    ["", "时效指标", "维修响应时间", "≤48小时", "36小时", "10", "10", ""],
    ["", "成本指标", "单点维护成本", "≤1900元", "1709.98元", "10", "9", "材料涨价"],
    ["效益指标", "社会效益指标", "居民健身参与率", "≥60%", "63.5%", "30", "28.5", "部分点位夜间照明不足"],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "92.8%", "10", "10", ""],
]


WIDTHS_MM = [20, 22, 26, 23, 23, 13, 17, 26]


def merge(table: Table, row0: int, col0: int, row1: int, col1: int) -> None:
    """Merge a block keeping only the first cell's text (python-docx would stack empty paragraphs)."""
    text = table.cell(row0, col0).text
    merged = table.cell(row0, col0).merge(table.cell(row1, col1))
    for paragraph in merged.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    merged.paragraphs[0].text = text


def build_docx(path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Noto Sans CJK SC", Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    document.add_paragraph("项目支出绩效自评表").runs[0].font.size = Pt(16)
    document.add_paragraph("（2022年度）")
    table = document.add_table(rows=0, cols=8)
    table.style = "Table Grid"

    def add(values: list[str]) -> None:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=False):
            cell.text = value

    add(["项目名称", "社区体育设施维护经费"])
    merge(table, 0, 1, 0, 7)
    add(["主管部门", "区体育局", "", "", "实施单位", "区体育事业管理中心"])
    merge(table, 1, 1, 1, 3)
    merge(table, 1, 5, 1, 7)
    add(["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    merge(table, 2, 0, 2, 1)
    for values in FUNDS:
        add([values[0], "", *values[1:]])
        merge(table, len(table.rows) - 1, 0, len(table.rows) - 1, 1)
    add(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    first = len(table.rows)
    for values in INDICATORS:
        add(values)
    merge(table, first, 0, first + 3, 0)
    add(["总分", "", "", "", "", "100", "97.61", ""])
    merge(table, len(table.rows) - 1, 0, len(table.rows) - 1, 4)
    for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, WIDTHS_MM, strict=True):
        grid_column.w = Mm(width)
    for column, width in zip(table.columns, WIDTHS_MM, strict=True):
        for cell in column.cells:
            cell.width = Mm(width)
    document.add_paragraph("填报人：王敏        联系电话：021-52564588        填报日期：2023年3月10日")
    document.save(str(path))


def main() -> None:
    docx_path = HERE / f"{NAME}.docx"
    build_docx(docx_path)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(HERE),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    style = ScanStyle(noise_sigma=5.0, jpeg_quality=40)
    angles = make_scanned_pdf(HERE / f"{NAME}.pdf", HERE / f"{NAME}.scanned.pdf", style=style, seed=2022)
    print(f"{NAME}.scanned.pdf turned by {angles}")


if __name__ == "__main__":
    main()
