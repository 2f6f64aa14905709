"""Self-evaluation form rules: the default weight split, and cells left blank or still holding instructions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from models.facts import Extraction
from models.numbers import normalise_text
from models.report import Evidence
from pipeline.validate import messages as say
from pipeline.validate.common import evidence_list, evidence_of, says_nothing
from pipeline.validate.hierarchy import level1_family
from pipeline.validate.registry import Flag, rule
from pipeline.validate.weights import normalise_label, score_tree

STANDARD_SPLIT: tuple[tuple[str, Decimal], ...] = (
    ("预算执行", Decimal(10)),
    ("产出", Decimal(50)),
    ("效益", Decimal(30)),
    ("满意度", Decimal(10)),
)
"""财预〔2020〕10号: 原则上 预算执行率 10%、产出 50%、效益 30%、满意度 10% — a default, hence info."""

TEMPLATE_PATTERNS = (re.compile(r"[(（]\s*\d+\s*字以内\s*[)）]"), re.compile(r"结合自评情况[,，]?\s*说明"))

BLANK_LABELS = {
    "score": "得分",
    "execution_score": "预算执行得分",
    "total_score": "总分",
    "goal_actual": "年度总体目标实际完成情况",
    "conclusion": "评价结论",
}


@rule("form.standard_weights", severity="info")
def standard_weights(extraction: Extraction) -> Iterator[Flag]:
    """A self-evaluation form's top-level weights differ from 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10.

    Not flagged: other kinds of document; a form whose funds weight is not printed; a form with a
    level-1 heading outside the four (its split cannot be compared) or with an unknown level-1 weight;
    a top level that does not add up to 100 (score.table_incomplete / score.weights_sum say so).
    """
    report = extraction.report
    if report.kind != "self_evaluation_form":
        return
    tree = score_tree(extraction)
    top = tree.top_weights()
    if tree.funds is None or tree.funds.weight is None or top is None:
        return
    if abs(sum((weight for _, weight, _ in top), Decimal(0)) - 100) > Decimal("0.5"):
        return  # an incomplete or overfull table is reported by the score rules, not as a different split
    parts: dict[str, tuple[Decimal, Evidence | None]] = {"预算执行": (tree.funds.weight, tree.funds.weight_evidence)}
    for group in tree.groups:
        family, weight = level1_family(normalise_label(group.name)), group.effective_weight()
        if family is None or family not in dict(STANDARD_SPLIT) or weight is None or family in parts:
            return
        evidence = group.weight_evidence if group.weight is not None else group.leaves[0].weight_evidence
        parts[family] = (weight, evidence)
    differing = [
        (name, standard) for name, standard in STANDARD_SPLIT if parts.get(name, (Decimal(0), None))[0] != standard
    ]
    if not differing:
        return
    printed = "、".join(f"{name} {say.number(parts.get(name, (Decimal(0), None))[0])}" for name, _ in STANDARD_SPLIT)
    yield Flag(
        message=f"一级指标权重为 {printed}，与默认的 预算执行率 10、产出 50、效益 30、满意度 10 不同",
        evidence=evidence_list(evidence for _, evidence in parts.values()),
    )


def _template_cells(extraction: Extraction) -> list[Evidence]:
    report = extraction.report
    found = list(extraction.facts.template_text)
    candidates: list[tuple[str | None, Evidence | None]] = [
        (report.project.goal_actual, evidence_of(report.project, "goal_actual")),
        (report.project.conclusion, evidence_of(report.project, "conclusion")),
    ]
    for indicator in report.indicators:
        candidates.append((indicator.actual, evidence_of(indicator, "actual")))
        candidates.append((indicator.deviation_reason, evidence_of(indicator, "deviation_reason")))
    for text, evidence in candidates:
        if text and evidence is not None and any(p.search(normalise_text(text)) for p in TEMPLATE_PATTERNS):
            found.append(evidence)
    one_per_place = {evidence.key(): evidence for evidence in reversed(found)}
    return [evidence for evidence in evidence_list(found) if one_per_place[evidence.key()] is evidence]


@rule("form.unfilled", severity="warning")
def unfilled(extraction: Extraction) -> Iterator[Flag]:
    """Score, total, goal-result or conclusion cells left blank, or cells still holding the template's
    instructions (…字以内, 结合自评情况说明…).

    Blank cells come from `Facts.blank_cells`, and on self-evaluation forms also from weighted rows
    without a score in a table where other rows have one, and a 预期目标 without its 实际完成情况.
    All blank score cells make one finding. A blank funds-row score is reported only from
    `Facts.blank_cells` (a score column that was not read is not a blank cell).
    Not flagged: blank actuals (indicator.missing_actual reports them); cells a template does not
    have; documents other than forms, except for cells the extractor reported blank.
    """
    report = extraction.report
    blank: dict[str, list[tuple[str, Evidence]]] = {}
    for cell in extraction.facts.blank_cells:
        if cell.field != "actual":
            blank.setdefault(cell.field, []).append((cell.label, cell.evidence))
    if report.kind == "self_evaluation_form":
        scored_tables = {
            e.table for row in report.indicators if row.score is not None and (e := evidence_of(row, "score"))
        }
        for indicator in report.indicators:
            evidence = evidence_of(indicator, "weight")
            if indicator.weight is None or indicator.score is not None or evidence is None:
                continue
            if evidence.table in scored_tables:  # the table has a score column: this cell of it is blank
                blank.setdefault("score", []).append((indicator.name or "", evidence))
        goal_evidence = evidence_of(report.project, "goal_expected")
        if report.project.goal_expected and says_nothing(report.project.goal_actual) and goal_evidence is not None:
            blank.setdefault("goal_actual", []).append(("年度总体目标", goal_evidence))
    for field, cells in blank.items():
        cells = [(label, evidence) for label, evidence in cells if evidence is not None]
        unique = evidence_list(evidence for _, evidence in cells)
        if not unique:
            continue
        names = "、".join(dict.fromkeys(label for label, _ in cells if label))
        what = BLANK_LABELS.get(field, field)
        detail = f"（{names}）" if names and field in ("score", "execution_score") else ""
        yield Flag(
            message=f"{what}未填写{detail}" if len(unique) == 1 else f"{len(unique)} 处{what}未填写{detail}",
            evidence=unique,
            code=f"{field.upper()}_BLANK",
        )
    for evidence in _template_cells(extraction):
        yield Flag(
            message=f"单元格仍是模板的填写说明：“{evidence.text[:40]}”",
            evidence=[evidence],
            code="TEMPLATE_TEXT",
        )
