"""Small self-evaluation forms generated as .docx, each with its own bytes, plus kinds of bad files."""

from __future__ import annotations

from pathlib import Path

import docx


def write_form(path: Path, number: int, spent: str | None = None) -> Path:
    """A minimal 项目支出绩效自评表: project block, funds row and one sentence, varied by `number`."""
    spent = spent or f"{90 + number}"
    document = docx.Document()
    document.add_paragraph(f"项目支出绩效自评表（{2018 + number % 4}年度）")
    rows = [
        ["项目名称", f"测试项目{number}", "", "", "", "", ""],
        ["主管部门", "省财政厅", "", "实施单位", f"第{number}服务中心", "", ""],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", f"{100 + number}", f"{100 + number}", spent, "10", "90%", "9"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph(f"本年度共支出{spent}万元。")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def write_forms(folder: Path, count: int, start: int = 0) -> list[Path]:
    return [write_form(folder / f"form-{n:03d}.docx", n) for n in range(start, start + count)]


def write_bad_files(folder: Path) -> dict[str, Path]:
    """Files a real archive holds: empty, a text file named .pdf, a truncated .docx."""
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "empty.docx"
    empty.write_bytes(b"")
    text = folder / "notes.pdf"
    text.write_text("这不是PDF文件", encoding="utf-8")
    truncated = folder / "truncated.docx"
    whole = write_form(folder / "whole.tmp", 999).read_bytes()
    truncated.write_bytes(whole[: len(whole) // 2])
    (folder / "whole.tmp").unlink()
    return {"empty": empty, "text": text, "truncated": truncated}
