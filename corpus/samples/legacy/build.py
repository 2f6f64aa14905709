"""Rebuild the legacy-format samples: one small report as .docx, then .doc, .wps and .rtf by LibreOffice.

    python corpus/samples/legacy/build.py

The .wps is the .doc under another name: Kingsoft WPS saves Word-compatible OLE2
files with that extension. The report has a merged-cell table, a table nested in a
cell, and a table right before the closing line.
Figures are invented.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
NAME = "report"


def build_docx(path: Path) -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Noto Sans CJK SC", Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    document.add_heading("社区体育设施维护经费项目绩效自评报告", level=1)
    document.add_paragraph(
        "2022年度该项目年初预算数25.00万元，全年预算数23.65万元，全年执行数21.55万元，执行率91.10%。"
    )
    document.add_paragraph("")
    document.add_paragraph("一、项目基本信息")

    info = document.add_table(rows=4, cols=4)
    info.style = "Table Grid"
    rows = [
        ["项目名称", "社区体育设施维护经费", "", ""],
        ["主管部门", "区体育局", "实施单位", "区体育事业管理中心"],
        ["年初预算数（万元）", "25.00", "全年执行数（万元）", "21.55"],
        ["资金来源", "", "", ""],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            info.cell(r, c).text = value
    name = info.cell(0, 1).merge(info.cell(0, 3))
    for paragraph in name.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    sources = info.cell(3, 1).merge(info.cell(3, 3))
    for paragraph in sources.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    nested = sources.add_table(rows=2, cols=2)
    nested.style = "Table Grid"
    for r, values in enumerate([["当年财政拨款", "25.00"], ["上年结转资金", "0"]]):
        for c, value in enumerate(values):
            nested.cell(r, c).text = value

    document.add_paragraph("二、绩效指标完成情况")
    scores = document.add_table(rows=3, cols=4)
    scores.style = "Table Grid"
    for r, values in enumerate(
        [
            ["三级指标", "年度指标值", "实际完成值", "得分"],
            ["维护健身点位数", "≥120个", "126个", "15"],
            ["居民满意度", "≥90%", "92.8%", "10"],
        ]
    ):
        for c, value in enumerate(values):
            scores.cell(r, c).text = value
    # Word always closes the body with a paragraph; without one, LibreOffice's .doc export drops the last table.
    document.add_paragraph("填报日期：2023年3月10日")
    document.save(str(path))


def convert(source: Path, target: str, profile: str) -> Path:
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            target,
            "--outdir",
            str(HERE),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return HERE / f"{source.stem}.{target}"


def main() -> None:
    docx_path = HERE / f"{NAME}.docx"
    build_docx(docx_path)
    with tempfile.TemporaryDirectory() as profile:
        doc = convert(docx_path, "doc", profile)
        convert(docx_path, "rtf", profile)
    shutil.copyfile(doc, HERE / f"{NAME}.wps")


if __name__ == "__main__":
    main()
