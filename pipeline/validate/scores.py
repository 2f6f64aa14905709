"""Score-table rules: scores within weights, weights add up, subtotals, total and grade agree."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from models.facts import Extraction, ScoreSubtotal
from models.report import Evidence
from pipeline.validate import messages as say
from pipeline.validate.common import evidence_list
from pipeline.validate.registry import Flag, rule
from pipeline.validate.tolerance import half_unit
from pipeline.validate.weights import FULL_MARKS, Group, Leaf, score_tree

GRADE_BANDS: tuple[tuple[Decimal, str], ...] = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"))


def expected_grade(total: Decimal) -> str:
    """财预〔2020〕10号 bands, lower bound inclusive: 90→优, 89.99→良, 60→中, 59.99→差."""
    return next((grade for bound, grade in GRADE_BANDS if total >= bound), "差")


def _top_text(top: list[tuple[str, Decimal, Evidence | None]]) -> str:
    return _weight_sum_text([(name, weight) for name, weight, _ in top])


def _weight_sum_text(parts: list[tuple[str, Decimal]]) -> str:
    return "、".join(f"{name} {say.number(weight)}" for name, weight in parts)


@rule("score.exceeds_weight", severity="error")
def exceeds_weight(extraction: Extraction) -> Iterator[Flag]:
    """Every score lies between 0 and its weight.

    Not flagged: a score or weight that is not printed; a score above its weight by less than half
    a unit of the score's last printed digit.
    """
    for leaf in score_tree(extraction).leaves:
        if leaf.score is None:
            continue
        if leaf.score < 0:
            yield Flag(
                message=f"“{leaf.name}”得分 {say.points(leaf.score)} 为负数",
                evidence=evidence_list([leaf.score_evidence, leaf.row_evidence]),
                code="NEGATIVE",
            )
        elif leaf.weight is not None and leaf.score - leaf.weight > half_unit(leaf.score, leaf.score_evidence):
            yield Flag(
                message=f"“{leaf.name}”得分 {say.points(leaf.score)} 超过分值 {say.points(leaf.weight)}",
                evidence=evidence_list([leaf.score_evidence, leaf.weight_evidence]),
                code="ABOVE_WEIGHT",
            )


def _children_mismatch(
    parent_name: str,
    parent_weight: Decimal,
    parent_evidence: Evidence | None,
    children: list[tuple[str, Decimal, Evidence | None]],
) -> Flag | None:
    total = sum((weight for _, weight, _ in children), Decimal(0))
    if abs(total - parent_weight) <= half_unit(parent_weight, parent_evidence):
        return None
    return Flag(
        message=(
            f"“{parent_name}”分值 {say.points(parent_weight)}，其下各项分值合计 {say.points(total)}"
            f"（{_weight_sum_text([(n, w) for n, w, _ in children])}）"
        ),
        evidence=evidence_list([parent_evidence] + [evidence for _, _, evidence in children]),
        code="CHILDREN_DIFFER",
    )


def _level2_groups(group: Group) -> list[list[Leaf]]:
    """Leaves of one level-1 group split by level 2, in order; empty when the rows have no level 2."""
    if not any(leaf.level2 for leaf in group.leaves):
        return []
    buckets: dict[str, list[Leaf]] = {}
    for leaf in group.leaves:
        buckets.setdefault(leaf.level2 or "", []).append(leaf)
    return list(buckets.values())


def _group_flags(group: Group) -> Iterator[Flag]:
    level2 = _level2_groups(group)
    level2_parts: list[tuple[str, Decimal, Evidence | None]] | None = []
    for leaves in level2:
        head = leaves[0]
        leaf_parts = [(leaf.name, leaf.weight, leaf.weight_evidence) for leaf in leaves]
        known_leaves = [(n, w, e) for n, w, e in leaf_parts if w is not None]
        if head.level2_weight is not None:
            if level2_parts is not None:
                level2_parts.append((head.level2 or "", head.level2_weight, head.level2_evidence))
            if len(known_leaves) == len(leaf_parts) and not (len(leaves) == 1 and head.name == head.level2):
                flag = _children_mismatch(head.level2 or "", head.level2_weight, head.level2_evidence, known_leaves)
                if flag:
                    yield flag
        else:
            level2_parts = None
    if group.weight is None:
        return
    if level2 and level2_parts:
        children = level2_parts
    else:
        children = [(leaf.name, leaf.weight, leaf.weight_evidence) for leaf in group.leaves]
        if any(weight is None for _, weight, _ in children):
            return
    if children:
        flag = _children_mismatch(group.name, group.weight, group.weight_evidence, children)  # type: ignore[arg-type]
        if flag:
            yield flag


@rule("score.weights_sum", severity="error")
def weights_sum(extraction: Extraction) -> Iterator[Flag]:
    """Child weights add up to their parent's weight; the top level adds up to at most 100.

    Also a printed 小计/合计 row's weight against its rows (a 合计 of 100 may include the funds row).
    Not flagged: a parent whose children are not all weighted; a top level under 100 (that is
    score.table_incomplete).
    """
    tree = score_tree(extraction)
    for group in tree.groups:
        yield from _group_flags(group)
    top = tree.top_weights()
    if top is not None:
        total = sum((weight for _, weight, _ in top), Decimal(0))
        if total - FULL_MARKS > half_unit(FULL_MARKS):
            yield Flag(
                message=f"一级指标分值合计 {say.points(total)}（{_top_text(top)}），超过 100 分",
                evidence=evidence_list(evidence for _, _, evidence in top),
                code="TOP_OVER_100",
            )
    yield from _subtotal_weight_flags(extraction, tree.funds)


def _subtotal_rows(extraction: Extraction, target: str, rows: list[int]) -> list:
    pool = extraction.report.scores if target == "scores" else extraction.report.indicators
    return [pool[i] for i in rows if 0 <= i < len(pool)]


def _subtotal_weight_flags(extraction: Extraction, funds: Leaf | None) -> Iterator[Flag]:
    """Printed 小计/合计 weights against their rows. A 总分 weight of 100 is the standard the top-level
    checks already hold the table to (over 100: TOP_OVER_100 or CHILDREN_DIFFER; under: table_incomplete),
    so it is not reported a second time here."""
    for subtotal in extraction.facts.subtotals:
        if subtotal.weight is None or not subtotal.rows or subtotal.weight == FULL_MARKS:
            continue
        rows = _subtotal_rows(extraction, subtotal.target, subtotal.rows)
        if not rows or any(row.weight is None for row in rows):
            continue
        total = sum((row.weight for row in rows), Decimal(0))
        evidence = subtotal.evidence.get("weight")
        tolerance = half_unit(subtotal.weight, evidence)
        with_funds = total + funds.weight if funds is not None and funds.weight is not None else None
        if abs(total - subtotal.weight) <= tolerance:
            continue
        if with_funds is not None and abs(with_funds - subtotal.weight) <= tolerance:
            continue
        yield Flag(
            message=f"{subtotal.label}分值 {say.points(subtotal.weight)} 与所列各行分值合计 {say.points(total)} 不符",
            evidence=evidence_list([evidence] + [row.evidence.get("weight") for row in rows]),
            code="SUBTOTAL_WEIGHT",
        )


@rule("score.table_incomplete", severity="warning")
def table_incomplete(extraction: Extraction) -> Iterator[Flag]:
    """The top-level weights add up to less than 100: rows are missing or the table was cut off.

    Not flagged: a document without weights; a top level with a part of unknown weight.
    """
    tree = score_tree(extraction)
    top = tree.top_weights()
    if top is None:
        return
    total = sum((weight for _, weight, _ in top), Decimal(0))
    if FULL_MARKS - total <= half_unit(FULL_MARKS):
        return
    yield Flag(
        message=(
            f"一级指标分值合计 {say.points(total)}（{_top_text(top)}），"
            f"不足 100 分，缺 {say.points(FULL_MARKS - total)}：评分表可能缺行或被截断"
        ),
        evidence=evidence_list(evidence for _, _, evidence in top),
    )


def _is_total_row(extraction: Extraction, item: ScoreSubtotal) -> bool:
    """The table's grand total: the record's total itself, a row weighing 100, or a 总分/总计 row."""
    evidence, total_evidence = item.evidence.get("score"), extraction.report.evidence.get("total_score")
    if evidence is not None and total_evidence is not None and evidence.key() == total_evidence.key():
        return True
    return item.weight == FULL_MARKS or "总分" in item.label or "总计" in item.label


def _grand_total_flag(extraction: Extraction, item: ScoreSubtotal) -> Flag | None:
    """A grand-total row is a second printing of the total: checked against every score of a complete
    table, unless it prints the same value as the record's total (score.total checks that value)."""
    report = extraction.report
    assert item.score is not None
    if report.total_score is not None and report.total_score == item.score:
        return None
    tree = score_tree(extraction)
    top = tree.top_weights()
    if top is None or any(leaf.score is None for leaf in tree.leaves if leaf.weight is not None):
        return None
    if abs(sum((weight for _, weight, _ in top), Decimal(0)) - FULL_MARKS) > half_unit(FULL_MARKS):
        return None
    scored = [leaf for leaf in tree.leaves if leaf.score is not None]
    total = sum((leaf.score for leaf in scored if leaf.score is not None), Decimal(0))
    evidence = item.evidence.get("score")
    if abs(total - item.score) <= half_unit(item.score, evidence):
        return None
    return Flag(
        message=f"{item.label}得分 {say.points(item.score)} 与全部 {len(scored)} 项得分合计 {say.points(total)} 不符",
        evidence=evidence_list([evidence] + [leaf.score_evidence for leaf in scored]),
    )


@rule("score.subtotal", severity="error")
def subtotal(extraction: Extraction) -> Iterator[Flag]:
    """A printed 小计/合计 score equals the sum of the scores of its rows (a 合计 may include the funds row).

    A grand-total row (weight 100, 总分, 总计) is held to every score of the table, not to the rows
    extraction grouped under it. Not flagged: a subtotal over a row without a score; a grand total
    printing the record's total (score.total checks it); a grand total over an incomplete table.
    """
    funds = score_tree(extraction).funds
    for item in extraction.facts.subtotals:
        evidence = item.evidence.get("score")
        if item.score is None or not item.rows:
            continue
        if _is_total_row(extraction, item):
            if flag := _grand_total_flag(extraction, item):
                yield flag
            continue
        rows = _subtotal_rows(extraction, item.target, item.rows)
        if not rows or any(row.score is None for row in rows):
            continue
        total = sum((row.score for row in rows), Decimal(0))
        tolerance = half_unit(item.score, evidence)
        if abs(total - item.score) <= tolerance:
            continue
        if funds is not None and funds.score is not None and abs(total + funds.score - item.score) <= tolerance:
            continue
        yield Flag(
            message=f"{item.label}得分 {say.points(item.score)} 与所列 {len(rows)} 行得分合计 {say.points(total)} 不符",
            evidence=evidence_list([evidence] + [row.evidence.get("score") for row in rows]),
        )


@rule("score.total", severity="error")
def total(extraction: Extraction) -> Iterator[Flag]:
    """The printed total equals the sum of the scores (funds row included on self-evaluation forms).

    Incomplete table (R27): the total may not exceed the visible scores plus the weight of what is
    missing (rows without a score, and 100 − the top-level weights). Not flagged: a total when no
    score is printed; an upper bound when the weights are unknown (only a total below the visible
    scores is certain then); differences within half a unit of the total's last printed digit.
    """
    report = extraction.report
    printed = report.total_score
    if printed is None:
        return
    tree = score_tree(extraction)
    scored = [leaf for leaf in tree.leaves if leaf.score is not None]
    if not scored:
        return
    visible = sum((leaf.score for leaf in scored if leaf.score is not None), Decimal(0))
    unscored = [leaf for leaf in tree.leaves if leaf.score is None]
    top = tree.top_weights()
    top_sum = sum((w for _, w, _ in top), Decimal(0)) if top is not None else None
    missing: Decimal | None = None
    if top_sum is not None and not any(leaf.weight is None for leaf in unscored):
        missing = sum((leaf.weight for leaf in unscored if leaf.weight is not None), Decimal(0))
        missing += max(FULL_MARKS - top_sum, Decimal(0))
    total_evidence = report.evidence.get("total_score")
    tolerance = half_unit(printed, total_evidence)
    evidence = evidence_list([total_evidence] + [leaf.score_evidence for leaf in scored])
    if visible - printed > tolerance:
        yield Flag(
            message=f"总分 {say.points(printed)} 低于各项得分合计 {say.points(visible)}",
            evidence=evidence,
        )
        return
    if missing is None:
        return
    if missing == 0 and printed - visible > tolerance:
        yield Flag(message=f"总分 {say.points(printed)} 与各项得分合计 {say.points(visible)} 不符", evidence=evidence)
    elif missing > 0 and printed - (visible + missing) > tolerance:
        yield Flag(
            message=(
                f"评分表不完整，总分 {say.points(printed)} 超过可得的最高分 {say.points(visible + missing)}"
                f"（可见得分 {say.points(visible)} + 缺失部分分值 {say.points(missing)}）"
            ),
            evidence=evidence,
            code="TOTAL_EXCEEDS_MAX",
        )


@rule("score.grade", severity="error")
def grade(extraction: Extraction) -> Iterator[Flag]:
    """The printed grade matches the total by the 10号 bands (优 ≥ 90, 80 ≤ 良 < 90, 60 ≤ 中 < 80, 差 < 60).

    Not flagged: a grade or total that is not printed.
    """
    report = extraction.report
    if report.total_score is None or report.grade is None:
        return
    expected = expected_grade(report.total_score)
    if expected == report.grade:
        return
    yield Flag(
        message=f"总分 {say.points(report.total_score)} 应评为“{expected}”，文中评为“{report.grade}”",
        evidence=evidence_list([report.evidence.get("total_score"), report.evidence.get("grade")]),
    )
