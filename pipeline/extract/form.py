"""Self-evaluation forms (项目支出绩效自评表 and its provincial variants).

The label-driven reading shared with reports (`general`) does the cell work: project
information, the funds block, indicator sections, 总分/合计 rows. What only a form
has is done here: the record is the first form of the file, every weighted row is an
indicator (a form has no `scores`), a 预算执行率 row inside the indicator block is
the budget-execution row, and a total stated outside the table (自评总分: 92) counts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models.document import Document, Paragraph
from models.facts import Extraction, Facts, Mention
from models.report import Indicator, Kind, Report
from pipeline.extract.classify import find_sections
from pipeline.extract.figures import cell_rate, points
from pipeline.extract.form_split import first_form
from pipeline.extract.general import extract_general
from pipeline.extract.labels import cell_evidence, label_core, paragraph_evidence
from pipeline.extract.scores import section_weights

# Names of the budget-execution row when a form prints it among the indicators.
EXECUTION_ROW_NAMES = ("预算执行率", "预算资金执行率", "资金执行率", "预算执行情况", "预算执行", "项目资金执行率")
# Labels of a total score stated beside the form rather than in its 总分 row.
STATED_TOTAL_LABELS = ("自评总分", "自评得分", "自评分数")
_STATED_TOTAL = re.compile(
    r"(?:" + "|".join(STATED_TOTAL_LABELS) + r")\s*[:：]?\s*(?P<value>\d+(?:\.\d+)?)(?!\d)(?!\.\d)"
)


def _scores_as_indicators(report: Report, facts: Facts) -> None:
    """Weighted rows of a form are indicators even in a table without target or result columns."""
    if not report.scores:
        return
    offset = len(report.indicators)
    for row in report.scores:
        evidence = {k: v for k, v in row.evidence.items() if k != "level2_weight"}
        leaf_is_level3 = row.level3 is not None
        if leaf_is_level3 and "level3" in evidence:
            evidence["name"] = evidence.pop("level3")
        elif "level2" in evidence:
            evidence["name"] = evidence.pop("level2")
        report.indicators.append(Indicator(
            level1=row.level1, level1_weight=row.level1_weight,
            level2=row.level2 if leaf_is_level3 else None,
            name=row.level3 if leaf_is_level3 else row.level2,
            weight=row.weight, score=row.score, evidence=evidence,
        ))  # fmt: skip
    for subtotal in facts.subtotals:
        if subtotal.target == "scores":
            subtotal.target = "indicators"
            subtotal.rows = [offset + i for i in subtotal.rows]
    for column in ("weight", "score"):
        if column not in facts.indicator_columns:
            facts.indicator_columns.append(column)
    report.scores = []


def _is_execution_row(indicator: Indicator) -> bool:
    return any(
        text is not None and label_core(text) in EXECUTION_ROW_NAMES
        for text in (indicator.name, indicator.level2, indicator.level1)
    )


def _execution_rows(report: Report, facts: Facts) -> None:
    """A 预算执行率 row among the indicators is the funds row (its weight and score belong to the budget).

    Taken out only when the funds block printed no weight or score, or when the row is a level-1
    heading of its own; a 预算执行率 leaf under 产出指标 beside a scored funds block is an indicator.
    """
    budget = report.budget
    funds_scored = budget.execution_weight is not None or budget.execution_score is not None
    kept: list[Indicator] = []
    moved: dict[int, int | None] = {}
    for number, indicator in enumerate(report.indicators):
        own_heading = indicator.level1 is not None and label_core(indicator.level1) in EXECUTION_ROW_NAMES
        if not _is_execution_row(indicator) or (funds_scored and not own_heading):
            moved[number] = len(kept)
            kept.append(indicator)
            continue
        moved[number] = None
        weight_field = "weight" if indicator.weight is not None else "level1_weight"
        if budget.execution_weight is None and getattr(indicator, weight_field) is not None:
            budget.execution_weight = getattr(indicator, weight_field)
            budget.evidence["execution_weight"] = indicator.evidence[weight_field]
        if budget.execution_score is None and indicator.score is not None:
            budget.execution_score = indicator.score
            budget.evidence["execution_score"] = indicator.evidence["score"]
        actual = indicator.evidence.get("actual")
        rate = cell_rate(actual.text) if budget.execution_rate is None and actual is not None else None
        # a bare number in a result column is not known to be a rate
        if actual is not None and rate is not None and rate.quantity.unit is not None:
            budget.execution_rate = rate.value
            budget.evidence["execution_rate"] = actual.model_copy(update={"resolution": rate.resolution})
            label = label_core(indicator.name or indicator.level2 or indicator.level1 or "")
            facts.mentions.append(Mention(
                quantity="execution_rate", value=rate.value, evidence=budget.evidence["execution_rate"],
                label=label, origin="table", unit="%",
            ))  # fmt: skip
    if len(kept) == len(report.indicators):
        return
    report.indicators = kept
    for subtotal in facts.subtotals:
        if subtotal.target == "indicators":
            subtotal.rows = [new for old in subtotal.rows if (new := moved.get(old)) is not None]


def _stated_in_text(text: str) -> tuple[str, tuple[Decimal, Decimal]] | None:
    match = _STATED_TOTAL.search(text)
    if match is not None and (parsed := points(match.group("value"))) is not None:
        return match.group(0), parsed
    return None


def _stated_total(document: Document, report: Report) -> None:
    """自评总分 printed beside the form: in a header line, in a cell of its own before the figure, or inline."""
    if report.total_score is not None:
        return
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if (found := _stated_in_text(block.text)) is not None:
                report.total_score = found[1][0]
                report.evidence["total_score"] = paragraph_evidence(block, found[0], found[1][1])
                return
            continue
        in_sections = {r for s in find_sections(block) for r in (*s.header_rows, *range(s.start, s.end))}
        for row in range(block.n_rows):
            if row in in_sections:
                continue
            cells = block.row_cells(row)
            for position, cell in enumerate(cells):
                if (found := _stated_in_text(cell.text)) is not None:
                    report.total_score = found[1][0]
                    report.evidence["total_score"] = cell_evidence(block, cell, found[0], found[1][1])
                    return
                beside = cells[position + 1] if position + 1 < len(cells) else None
                labelled = beside is not None and label_core(cell.text) in STATED_TOTAL_LABELS
                if labelled and beside is not None and (parsed := points(beside.text)) is not None:
                    report.total_score = parsed[0]
                    report.evidence["total_score"] = cell_evidence(block, beside, resolution=parsed[1])
                    return


def extract(document: Document, kind: Kind) -> Extraction:
    """The record of the document's first self-evaluation form."""
    form = first_form(document)
    extraction = extract_general(form, kind)
    report, facts = extraction.report, extraction.facts
    _scores_as_indicators(report, facts)
    _execution_rows(report, facts)
    facts.section_weights = section_weights(report.indicators)
    _stated_total(form, report)
    return extraction
