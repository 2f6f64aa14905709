"""The conclusion of a report: its section text, the total score and the grade it states,
and the sentences reviewers look for (暂无问题) or that betray an unfilled template (…字以内)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from models.document import Document, Paragraph
from models.facts import BlankCell
from models.report import Evidence
from pipeline.extract.figures import is_placeholder, points
from pipeline.extract.labels import cell_evidence, label_core, paragraph_evidence
from pipeline.extract.vocabulary import (
    CONCLUSION_HEADINGS,
    GRADE_LABELS,
    GRADE_TEXT,
    SECTION_HEAD,
    SUBTOTAL_WORDS,
    TOTAL_SCORE_IN_CONCLUSION,
    TOTAL_SCORE_TEXT,
    compact,
)

_HEADING_STYLE = re.compile(r"^(heading|标题|title)", re.IGNORECASE)
_INLINE_CONCLUSION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]\s*)?(?:综合)?(?:评价|自评)结论\s*[:：]\s*(?P<text>.*)$", re.S
)
_GRADE_CELL = re.compile(r"[优良中差](?:秀|好|等|级)?")
_NO_PROBLEM = re.compile(r"暂无问题|暂未发现问题|无明显问题|不存在问题|没有问题|存在问题[:：]\s*无")
_TEMPLATE = re.compile(r"[(（]\s*\d+\s*字以内\s*[)）]|结合自评情况[,，]?说明")


@dataclass
class Conclusion:
    text: str | None = None
    text_evidence: Evidence | None = None
    total_score: Decimal | None = None
    grade: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


def is_heading(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    if not text:
        return False
    if paragraph.style and _HEADING_STYLE.match(paragraph.style):
        return True
    return bool(SECTION_HEAD.match(compact(text))) and len(text) <= 40 and not text.endswith("。")


def _conclusion_section(paragraphs: list[Paragraph]) -> list[Paragraph]:
    for number, paragraph in enumerate(paragraphs):
        if is_heading(paragraph) and any(word in compact(paragraph.text) for word in CONCLUSION_HEADINGS):
            body = []
            for following in paragraphs[number + 1 :]:
                if is_heading(following):
                    break
                if following.text.strip():
                    body.append(following)
            return body
    return []


def _inline_conclusion(paragraphs: list[Paragraph]) -> Paragraph | None:
    """评价结论：该项目… — a conclusion given after a colon rather than under a heading."""
    for paragraph in paragraphs:
        if (match := _INLINE_CONCLUSION.match(paragraph.text.strip())) and match.group("text").strip():
            return paragraph
    return None


def read_conclusion(document: Document) -> Conclusion:
    """Conclusion text, then the first stated total score and grade (conclusion section first)."""
    result = Conclusion()
    section = _conclusion_section(document.paragraphs)
    if section:
        result.text = "\n".join(p.text.strip() for p in section)
        result.text_evidence = paragraph_evidence(section[0], section[0].text.strip())
    elif (inline := _inline_conclusion(document.paragraphs)) is not None:
        match = _INLINE_CONCLUSION.match(inline.text.strip())
        assert match is not None
        result.text = match.group("text").strip()
        result.text_evidence = paragraph_evidence(inline, result.text)
        section = [inline]
    ordered = [(p, True) for p in section] + [(p, False) for p in document.paragraphs if p not in section]
    for paragraph, in_conclusion in ordered:
        if result.total_score is None:
            match = TOTAL_SCORE_TEXT.search(paragraph.text)
            if match is None and in_conclusion:
                match = TOTAL_SCORE_IN_CONCLUSION.search(paragraph.text)
            parsed = points(match.group("value")) if match else None
            if match and parsed is not None:
                result.total_score = parsed[0]
                result.evidence["total_score"] = paragraph_evidence(paragraph, match.group(0), parsed[1])
        if result.grade is None and (match := GRADE_TEXT.search(paragraph.text)):
            result.grade = match.group("grade")
            result.evidence["grade"] = paragraph_evidence(paragraph, match.group(0))
    return result


def no_problem_claims(document: Document) -> list[Evidence]:
    found = [paragraph_evidence(p, m.group(0)) for p in document.paragraphs if (m := _NO_PROBLEM.search(p.text))]
    for table in document.tables:
        found.extend(cell_evidence(table, c, m.group(0)) for c in table.cells if (m := _NO_PROBLEM.search(c.text)))
    return found


def template_text(document: Document) -> list[Evidence]:
    found = [paragraph_evidence(p, p.text.strip()) for p in document.paragraphs if _TEMPLATE.search(p.text)]
    for table in document.tables:
        found.extend(cell_evidence(table, c) for c in table.cells if _TEMPLATE.search(c.text))
    return found


def table_conclusion(document: Document) -> tuple[str, Evidence] | BlankCell | None:
    """评价结论 as a table row (Sichuan forms): the text in the cell beside the label, or that cell left blank."""
    for table in document.tables:
        for row in range(table.n_rows):
            cells = table.row_cells(row)
            for position, cell in enumerate(cells[:-1]):
                if label_core(cell.text) in ("评价结论", "自评结论", "总体评价"):
                    value = cells[position + 1]
                    if is_placeholder(value.text):
                        return BlankCell(field="conclusion", evidence=cell_evidence(table, value), label="评价结论")
                    return " ".join(value.text.split()), cell_evidence(table, value)
    return None


def table_grade(document: Document) -> tuple[str, Evidence] | None:
    """A grade printed in a table: beside 评价等级/自评等级, or alone in a 总分 row (总分 | 100 | 96 | 优)."""
    for table in document.tables:
        for row in range(table.n_rows):
            cells = table.row_cells(row)
            cores = [label_core(c.text) for c in cells]
            is_total = any(core.startswith(word) for core in cores for word in SUBTOTAL_WORDS)
            for position, (cell, core) in enumerate(zip(cells, cores, strict=True)):
                if is_total and _GRADE_CELL.fullmatch(core):
                    return core[0], cell_evidence(table, cell)
                if core in GRADE_LABELS and position + 1 < len(cells):
                    beside = label_core(cells[position + 1].text)
                    if _GRADE_CELL.fullmatch(beside):
                        return beside[0], cell_evidence(table, cells[position + 1])
    return None
