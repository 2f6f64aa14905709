"""Project information: label → value wherever the label sits (beside it, below it, or after a colon)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.document import Document, Paragraph, Table
from models.report import Evidence, Project
from pipeline.extract.labels import cell_evidence, label_core, match_label, paragraph_evidence, trim
from pipeline.extract.vocabulary import (
    BUDGET_TABLE_LABELS,
    EMPTY_BOXES,
    PROJECT_LABELS,
    PROJECT_TYPE_OPTIONS,
    SCORE_COLUMNS,
    TEXT_FIELDS,
    TICKS,
    YEAR_TEXT,
    compact,
)

_ANY_LABEL = (PROJECT_LABELS, BUDGET_TABLE_LABELS, SCORE_COLUMNS)
_ALL_PROJECT_LABELS = sorted({label for labels in PROJECT_LABELS.values() for label in labels}, key=len, reverse=True)
_INLINE = re.compile(
    r"(?P<label>" + "|".join(map(re.escape, _ALL_PROJECT_LABELS)) + r")\s*[:：]\s*"
    r"(?P<value>.*?)(?=\s{2,}|\t|[；;]|\s*[\u4e00-\u9fff]{2,10}\s*[:：]|$)"
)
_LEADER_AND_PHONE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff·]{2,5})\s*[,，、/]?\s*(?P<phone>[\d*＊\-－—()（）\s]{5,}.*)?$"
)


@dataclass
class _Found:
    value: str
    evidence: Evidence


def _is_label(text: str) -> bool:
    return any(match_label(text, vocabulary) for vocabulary in _ANY_LABEL)


def _table_values(table: Table) -> list[tuple[str, _Found, str]]:
    """(field, value, raw value text) for every project label in a table, in reading order."""
    found: list[tuple[str, _Found, str]] = []
    for row in range(table.n_rows):
        cells = table.row_cells(row)
        for position, cell in enumerate(cells):
            if cell.row != row:
                continue  # a vertically merged label is read on its first row only
            field = match_label(cell.text, PROJECT_LABELS)
            if field is None:
                continue
            value_cell = None
            beside = cells[position + 1] if position + 1 < len(cells) else None
            if beside is not None and beside.text.strip() and not _is_label(beside.text):
                value_cell = beside
            else:
                below = table.cell_at(cell.row + cell.row_span, cell.col)
                if below is not None and below.text.strip() and not _is_label(below.text):
                    value_cell = below
            if value_cell is None:
                if field == "project_type":
                    found.append((field, _Found(cell.text, cell_evidence(table, cell)), cell.text))
                continue
            value = " ".join(value_cell.text.split()) if field in TEXT_FIELDS else trim(value_cell.text)
            found.append((field, _Found(value, cell_evidence(table, value_cell)), value_cell.text))
    return found


def _inline_values(text: str) -> list[tuple[str, str, str]]:
    """(field, value, fragment) for "项目名称：综合事务"-style labels in running text."""
    found = []
    for match in _INLINE.finditer(text):
        field = match_label(match.group("label"), PROJECT_LABELS)
        if field == "project_type":  # the options run on past spaces: 经常性项目（ ）    一次性项目（√）
            found.append((field, text[match.end("label") :], text[match.start() :].strip()))
            continue
        value = trim(match.group("value"))
        if field and value:
            found.append((field, value, match.group(0).strip()))
    return found


def ticked_project_type(text: str) -> str | None:
    """The option marked with a tick: "经常性项目（ √ ） 一次性项目（ ）" → recurring."""
    plain = compact(text)
    positions = sorted((plain.find(option), option) for option in PROJECT_TYPE_OPTIONS if option in plain)
    ticked: list[str] = []
    for number, (start, option) in enumerate(positions):
        previous = plain[start - 1] if start > 0 else ""
        end = positions[number + 1][0] if number + 1 < len(positions) else len(plain)
        after = plain[start + len(option) : end]
        if previous and previous in TICKS + EMPTY_BOXES:
            if previous in TICKS:
                ticked.append(option)
        elif any(ch in TICKS for ch in after):
            ticked.append(option)
    meanings = {PROJECT_TYPE_OPTIONS[option] for option in ticked}
    return meanings.pop() if len(meanings) == 1 else None


def _split_leader(value: str) -> tuple[str, str | None]:
    match = _LEADER_AND_PHONE.match(compact(value) if " " not in value.strip() else value.strip())
    if match and match.group("phone"):
        return match.group("name"), trim(match.group("phone"))
    return value, None


def _year(document: Document) -> tuple[int, Evidence] | None:
    for paragraph in document.paragraphs:
        if (match := YEAR_TEXT.search(paragraph.text)) is not None:
            return int(match.group(1)), paragraph_evidence(paragraph, match.group(0))
    for table in document.tables:
        for cell in table.cells:
            if (match := YEAR_TEXT.search(cell.text)) is not None:
                return int(match.group(1)), cell_evidence(table, cell, match.group(0))
    return None


def _title_year(document: Document) -> tuple[int, Evidence] | None:
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if 0 < len(text) <= 60 and (match := YEAR_TEXT.search(text)) and ("表" in text or "报告" in text):
            return int(match.group(1)), paragraph_evidence(paragraph, match.group(0))
    for table in document.tables:
        for cell in table.row_cells(0) if table.n_rows else []:
            if (match := YEAR_TEXT.search(cell.text)) and "表" in cell.text:
                return int(match.group(1)), cell_evidence(table, cell, match.group(0))
    return None


def extract_project(document: Document) -> Project:
    """Every project field from its first printing in document order; null where nothing is printed."""
    project = Project()
    values: dict[str, object] = {}

    def put(field: str, value: object, evidence: Evidence) -> None:
        if value is None or value == "" or field in values:
            return
        values[field] = value
        project.evidence[field] = evidence

    def take(field: str, value: str, evidence: Evidence, raw: str) -> None:
        if field == "project_type":
            put(field, ticked_project_type(raw), evidence)
        elif field == "leader":
            name, phone = _split_leader(value)
            put("leader", name, evidence)
            if phone:
                put("phone", phone, evidence)
        elif field == "postcode":
            digits = re.search(r"\d{6}", compact(value))
            put(field, digits.group(0) if digits else None, evidence)
        elif field == "phone":
            put(field, trim(value) or None, evidence)
        else:
            put(field, value, evidence)

    for block in document.blocks:
        if isinstance(block, Paragraph):
            for field, value, fragment in _inline_values(block.text):
                take(field, value, paragraph_evidence(block, fragment), value)
        else:
            for field, found, raw in _table_values(block):
                take(field, found.value, found.evidence, raw)
            for cell in block.cells:
                for field, value, fragment in _inline_values(cell.text):
                    if label_core(cell.text) != label_core(fragment):
                        take(field, value, cell_evidence(block, cell, fragment), value)

    if (year := _title_year(document) or _year(document)) is not None:
        put("year", *year)
    for field, value in values.items():
        setattr(project, field, value)
    return project
