"""What a document is and what each part of a table is, decided from their words alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from models.document import Document, Table
from models.report import Kind
from pipeline.extract.labels import label_core, match_label
from pipeline.extract.vocabulary import (
    DEPARTMENT_TITLE,
    FORM_TITLE,
    REPORT_TITLE,
    SCORE_COLUMNS,
    SECTION_HEAD,
    TARGET_COLUMNS,
    TIER_NAMES,
    TOTAL_WORDS,
    compact,
)

_TITLE_MAX = 60
_SENTENCE_MARKS = "，。；！？,;"

SectionKind = Literal["score", "indicator"]
LEVEL_ROLES = ("level1", "level2", "level3")


def _is_title_like(text: str) -> bool:
    return 0 < len(text) <= _TITLE_MAX and not any(mark in text for mark in _SENTENCE_MARKS)


def _title_like_texts(document: Document) -> list[str]:
    """Short paragraphs and first-row table cells without sentence punctuation: where a document names its genre."""
    texts = [t for p in document.paragraphs if _is_title_like(t := compact(p.text))]
    for table in document.tables:
        if table.n_rows:
            texts.extend(t for c in table.row_cells(0) if _is_title_like(t := compact(c.text)))
    return texts


def classify_document(document: Document) -> Kind:
    """Department-level reports first, then narrative reports, then forms; unknown when no title says."""
    titles = _title_like_texts(document)
    if any(DEPARTMENT_TITLE.search(t) for t in titles):
        return "department_report"
    if any(REPORT_TITLE.search(t) for t in titles):
        return "evaluation_report"
    if any(FORM_TITLE.search(t) for t in titles):
        return "self_evaluation_form"
    if _has_form_rows(document):
        return "self_evaluation_form"
    return "unknown"


def is_titled_form(document: Document) -> bool:
    """A title calls the document a form (…自评表), whatever level it reports on."""
    return any(FORM_TITLE.search(t) for t in _title_like_texts(document))


# Row labels only the self-evaluation form prints: a copy that lost its title is still a form.
_FORM_ROW_LABELS = ("年度资金总额", "年度总体目标")


def _has_form_rows(document: Document) -> bool:
    return any(label_core(cell.text) in _FORM_ROW_LABELS for table in document.tables for cell in table.cells)


@dataclass(frozen=True)
class Section:
    """A run of rows of one table under a recognised header: a score table or an indicator table."""

    table: Table
    kind: SectionKind
    header_rows: tuple[int, ...]
    start: int
    end: int
    roles: dict[int, str] = field(default_factory=dict)
    """Column → role: level1, level1_weight, level2, level2_weight, level3, weight, score, target, actual,
    comparator, unit, reason, or tier:优 … ."""
    repeated_headers: tuple[int, ...] = ()
    """Rows inside the section that print its header again (a table continued on the next page)."""


def _cell_role(text: str) -> str | None:
    return match_label(text, SCORE_COLUMNS) or match_label(text, TARGET_COLUMNS)


def _row_roles(table: Table, row: int) -> dict[int, str]:
    roles: dict[int, str] = {}
    for col in range(table.n_cols):
        role = _cell_role(table.text_at(row, col))
        if role:
            roles[col] = role
    return roles


def _own_row_roles(table: Table, row: int) -> dict[int, str]:
    """Roles of the cells that start on this row (a cell merged down from above belongs to its own row)."""
    if row >= table.n_rows:
        return {}
    return {c: r for c, r in _row_roles(table, row).items() if (cell := table.cell_at(row, c)) and cell.row == row}


def _is_header(roles: dict[int, str]) -> bool:
    kinds = set(roles.values())
    has_level = bool(kinds & {"level1", "level2", "level3"})
    measures = kinds & {"weight", "score", "target", "actual", "tiers"}
    return has_level and bool(measures) and len(kinds) >= 3


def _tier_roles(table: Table, row: int) -> dict[int, str]:
    return {
        c: f"tier:{label_core(t)}" for c in range(table.n_cols) if label_core(t := table.text_at(row, c)) in TIER_NAMES
    }


def _merge_second_header(table: Table, first: dict[int, str], row: int) -> dict[int, str] | None:
    """Roles from a second header row (优/良/中/差 under 绩效标准; 指标性质/指标值/度量单位 under 年度指标值)."""
    if row >= table.n_rows:
        return None
    tiers = _tier_roles(table, row)
    below = _row_roles(table, row)
    if not tiers and len(below) < 2:
        return None
    merged = dict(first)
    for col in range(table.n_cols):
        own = table.cell_at(row, col) is not table.cell_at(row - 1, col)
        if col in tiers:
            merged[col] = tiers[col]
        elif own and col in below:
            merged[col] = below[col]
    return merged


def _assign_weights(roles: dict[int, str]) -> dict[int, str]:
    """A 分值 column right after a level column weighs that level; the others weigh the row."""
    result: dict[int, str] = {}
    previous: str | None = None
    for col in sorted(roles):
        role = roles[col]
        if role == "weight" and previous in ("level1", "level2"):
            role = f"{previous}_weight"
        if role in result.values() and role in ("score", "weight", "target", "actual"):
            continue  # a second 得分 (复核分) or a repeated column: the first one is the self-assessed one
        result[col] = role
        previous = roles[col]
    if "weight" not in result.values():
        # 一级指标 | 分值 | … with no row weight: a lone weight column belongs to the leaf rows.
        for col, role in sorted(result.items()):
            if role in ("level2_weight",) and "level3" not in result.values():
                result[col] = "weight"
    weights = [col for col, role in roles.items() if role == "weight"]
    if "weight" not in result.values() and len(weights) == 1 and "score" in result.values():
        # the only 分值 of a table that scores its rows weighs the rows, wherever the column stands
        result[weights[0]] = "weight"
    return result


def _is_section_break(table: Table, row: int) -> bool:
    cells = [c for c in table.row_cells(row) if c.text.strip()]
    return (
        len(cells) == 1
        and cells[0].col_span >= max(2, table.n_cols - 1)
        and bool(SECTION_HEAD.match(compact(cells[0].text)))
    )


def _is_total_row(table: Table, row: int) -> bool:
    """合计/总分 closes a section: rows after it (评价结论, 项目负责人 …) are not indicators."""
    first = next((c for c in table.row_cells(row) if c.text.strip()), None)
    return first is not None and any(label_core(first.text).startswith(word) for word in TOTAL_WORDS)


def find_sections(table: Table) -> list[Section]:
    """Every score or indicator header in a table, with the rows that follow it."""
    heads: list[tuple[tuple[int, ...], dict[int, str]]] = []
    row = 0
    while row < table.n_rows:
        roles = _row_roles(table, row)
        # a second header row refines a first one that is header-like itself, never a data row above a header
        mergeable = len(roles) >= 2 and not _is_header(_own_row_roles(table, row + 1))
        merged = _merge_second_header(table, roles, row + 1) if mergeable else None
        if merged is not None and _is_header(merged):
            heads.append(((row, row + 1), merged))
            row += 2
        elif _is_header(roles):
            heads.append(((row,), roles))
            row += 1
        else:
            row += 1
    # The same header printed again (a table continued on the next page) continues the section above it.
    groups: list[tuple[tuple[int, ...], dict[int, str], list[int]]] = []
    for header_rows, roles in heads:
        previous = groups[-1] if groups else None
        if previous is not None and previous[1] == roles and not _closed_before(table, previous, header_rows[0]):
            previous[2].extend(header_rows)
        else:
            groups.append((header_rows, roles, []))
    sections: list[Section] = []
    for number, (header_rows, roles, repeats) in enumerate(groups):
        start = header_rows[-1] + 1
        limit = groups[number + 1][0][0] if number + 1 < len(groups) else table.n_rows
        end = next((r for r in range(start, limit) if _is_section_break(table, r)), limit)
        end = next((r + 1 for r in range(start, end) if _is_total_row(table, r)), end)
        final = _assign_weights(roles)
        kinds = set(final.values())
        kind: SectionKind = (
            "indicator" if kinds & {"target", "actual"} or any(k.startswith("tier:") for k in kinds) else "score"
        )
        section = Section(table, kind, header_rows, start, end, final, tuple(r for r in repeats if r < end))
        sections.append(section)
    return sections


def _closed_before(table: Table, group: tuple[tuple[int, ...], dict[int, str], list[int]], row: int) -> bool:
    """A total row or a section heading between two headers: the second one starts a table of its own."""
    after = max(group[0][-1], *group[2]) + 1 if group[2] else group[0][-1] + 1
    return any(_is_total_row(table, r) or _is_section_break(table, r) for r in range(after, row))
