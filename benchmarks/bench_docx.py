"""Time the Word reader on a generated ~20-page report with 15 tables: our lxml walk vs python-docx `row.cells`.

The report (15 sections of narrative and a 17-row indicator table with merged cells) renders to 24 A4 pages.

Run: python benchmarks/bench_docx.py [--repeat 20]
Prints milliseconds (best and median of the repeats) for each stage.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document as WordDocument

from parsers.docx import _BodyWalker, _style_names, read
from parsers.limits import DEFAULT_LIMITS

INDICATORS = [
    ("产出指标", "数量指标", "培训人次", "≥500人次", "526人次"),
    ("产出指标", "质量指标", "验收合格率", "100%", "100%"),
    ("产出指标", "时效指标", "完成及时率", "≥95%", "97%"),
    ("产出指标", "成本指标", "人均成本", "≤300元", "288元"),
    ("效益指标", "社会效益指标", "服务覆盖率", "≥90%", "93%"),
    ("效益指标", "可持续影响指标", "机制健全", "健全", "健全"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%"),
]
NARRATIVE = (
    "　　本项目年初预算数为{a}万元，全年预算数为{b}万元，全年执行数为{c}万元，预算执行率为{r}%。"
    "项目单位按照财政部门的要求，对项目资金使用情况和绩效目标完成情况进行了全面梳理和自查，"
    "资金管理规范，支出符合有关规定，未发现截留、挤占和挪用项目资金的情况。"
)


def build_report(path: Path, n_tables: int = 15) -> Path:
    """Narrative paragraphs between self-evaluation style tables with merged 一级/二级 indicator cells."""
    document = docx.Document()
    document.add_heading("综合事务项目支出绩效评价报告", level=0)
    for t in range(n_tables):
        document.add_heading(f"{t + 1}、项目支出绩效情况", level=1)
        for k in range(4):
            document.add_paragraph(NARRATIVE.format(a=100 + t, b=120 + k, c=110 + t + k, r=91.5 + k))
        rows = 3 + len(INDICATORS) * 2
        grid = document.add_table(rows=rows, cols=8)
        for col, label in enumerate(
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
        ):
            grid.cell(0, col).text = label
        grid.cell(1, 0).merge(grid.cell(2, 7)).text = "年度总体目标：完成培训任务，提升服务能力。"
        for i in range(rows - 3):
            first, second, third, target, actual = INDICATORS[i % len(INDICATORS)]
            r = 3 + i
            for col, text in enumerate([first, second, third, target, actual, "5", "5", ""]):
                grid.cell(r, col).text = text
        start = 3
        for i in range(3, rows + 1):  # merge each run of equal 一级指标 down the column
            if i == rows or grid.cell(i, 0).text != grid.cell(start, 0).text:
                if i - start > 1:
                    label = grid.cell(start, 0).text
                    grid.cell(start, 0).merge(grid.cell(i - 1, 0)).text = label
                start = i
    document.save(str(path))
    return path


def our_walk(word: WordDocument) -> int:
    walker = _BodyWalker(*_style_names(word))
    walker.walk(word.element.body)
    return sum(len(b.cells) for b in walker.blocks if b.type == "table")


def python_docx_cells(word: WordDocument) -> int:
    count = 0
    for grid in word.tables:
        for table_row in grid.rows:
            for table_cell in table_row.cells:
                count += len(table_cell.text) >= 0
    return count


def timed(label: str, action: Callable[[], object], repeat: int) -> None:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"{label:<44} best {min(samples):7.1f} ms   median {statistics.median(samples):7.1f} ms")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = build_report(Path(folder) / "report.docx")
        word = docx.Document(str(path))
        print(
            f"report: {path.stat().st_size / 1024:.0f} KB, {len(word.tables)} tables, {len(word.paragraphs)} paragraphs"
        )
        print(
            f"anchor cells (ours): {our_walk(word)}; grid positions (python-docx row.cells): {python_docx_cells(word)}"
        )
        timed("open with python-docx only", lambda: docx.Document(str(path)), args.repeat)
        timed("our body walk (paragraphs + 15 tables)", lambda: our_walk(word), args.repeat)
        timed("python-docx row.cells + cell.text", lambda: python_docx_cells(word), args.repeat)
        timed(
            "parsers.docx.read end to end (with zip checks)",
            lambda: read(path, DEFAULT_LIMITS, fmt="docx"),
            args.repeat,
        )


if __name__ == "__main__":
    main()
