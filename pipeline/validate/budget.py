"""Budget rules: sources add up, rate / score / balance agree with the amounts, low or adjusted budgets explained."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from models.facts import Extraction
from models.report import FundingSource
from pipeline.validate import messages as say
from pipeline.validate.common import (
    BUDGET_LABELS,
    evidence_list,
    evidence_of,
    present_bases,
    report_scores_are_integers,
    says_nothing,
)
from pipeline.validate.registry import Flag, rule
from pipeline.validate.tolerance import (
    HUNDRED,
    half_unit,
    money_tolerance,
    percent_of,
    ratio_rounding,
)

SOURCE_COLUMNS: tuple[str, ...] = ("planned", "adjusted", "received", "spent")
LOW_EXECUTION = Decimal(90)
ADJUSTMENT_SHARE = Decimal("0.10")


@rule("budget.sources_sum", severity="error")
def sources_sum(extraction: Extraction) -> Iterator[Flag]:
    """Each column's total equals the sum of its funding-source rows.

    Not flagged: a column whose total is blank, or whose every source is blank (only the
    total was filled in); differences within the rounding of all the printed figures; sources that
    add up once a source itemised by the rows right after it (财政拨款 then 其中 中央 / 省级) is
    counted once.
    """
    budget = extraction.report.budget
    for column in SOURCE_COLUMNS:
        total = getattr(budget, column)
        printed = [(source, getattr(source, column)) for source in budget.sources]
        printed = [(source, value) for source, value in printed if value is not None]
        if total is None or not printed:
            continue
        parts_sum = sum((value for _, value in printed), Decimal(0))
        total_evidence = evidence_of(budget, column)
        figures = [(total, total_evidence)] + [(value, evidence_of(src, column)) for src, value in printed]
        tolerance = money_tolerance(figures)
        if abs(total - parts_sum) <= tolerance:
            continue
        if any(abs(total - alternative) <= tolerance for alternative in _sums_without_nested_parents(printed)):
            continue
        code = "TOTAL_ZERO_PARTS_NONZERO" if total == 0 and parts_sum != 0 else None
        parts_text = "、".join(f"{src.name} {say.money(value, evidence_of(src, column))}" for src, value in printed)
        yield Flag(
            message=(
                f"{BUDGET_LABELS[column]}各资金来源合计 {say.money(parts_sum, total_evidence)}（{parts_text}），"
                f"与合计行 {say.money(total, total_evidence)} 相差 "
                f"{say.money_difference(total - parts_sum, total, total_evidence)}"
            ),
            evidence=evidence_list([total_evidence] + [evidence_of(src, column) for src, _ in printed]),
            code=code,
        )


def _sums_without_nested_parents(printed: list[tuple[FundingSource, Decimal]]) -> Iterator[Decimal]:
    """The column's sum with one source left out whenever the next two or more sources add up to it
    exactly: that source is their parent, printed as a row of its own."""
    values = [value for _, value in printed]
    whole = sum(values, Decimal(0))
    for i, value in enumerate(values):
        running = Decimal(0)
        for j in range(i + 1, len(values)):
            running += values[j]
            if j > i + 1 and running == value and value != 0:
                yield whole - value
                break


@rule("budget.execution_rate", severity="error")
def execution_rate(extraction: Extraction) -> Iterator[Flag]:
    """The printed execution rate equals spent ÷ one of the bases present (adjusted, received, planned).

    Not flagged: any base that reproduces the rate within the rounding of the rate and the amounts;
    a rate printed 100% over a spent amount above its base (forms cap the rate); 0.00% for 0 ÷ 0.
    """
    budget = extraction.report.budget
    rate, spent, bases = budget.execution_rate, budget.spent, present_bases(budget)
    if rate is None or spent is None or not bases:
        return
    rate_evidence, spent_evidence = evidence_of(budget, "execution_rate"), evidence_of(budget, "spent")
    computed: list[str] = []
    for name, base in bases:
        base_evidence = evidence_of(budget, name)
        if base == 0:
            if spent == 0 and rate == 0:
                return
            continue
        expected = percent_of(spent, base)
        assert expected is not None
        tolerance = half_unit(rate, rate_evidence) + ratio_rounding((spent, spent_evidence), (base, base_evidence))
        if abs(expected - rate) <= tolerance or (expected > HUNDRED and rate == HUNDRED):
            return
        computed.append(
            f"{say.money(spent, spent_evidence)} ÷ {BUDGET_LABELS[name]} {say.money(base, base_evidence)} = "
            f"{say.computed_percent(expected)}"
        )
    if not computed:
        return
    yield Flag(
        message=f"预算执行率 {say.percent(rate)} 与实际支出算得的执行率不符：" + "；".join(computed),
        evidence=evidence_list([rate_evidence, spent_evidence] + [evidence_of(budget, n) for n, _ in bases]),
    )


@rule("budget.execution_score", severity="error")
def execution_score(extraction: Extraction) -> Iterator[Flag]:
    """The budget-execution score equals 分值 × min(rate, 1).

    The rate is the printed one; without it, spent ÷ each base present, passing if any base fits.
    Not flagged: a difference within the rounding of the score and the rate. When every score of the
    document is an integer, a difference within 0.5 is reported at info level (INTEGER_ROUNDING).
    """
    report = extraction.report
    budget = report.budget
    weight, score = budget.execution_weight, budget.execution_score
    if weight is None or score is None:
        return
    score_evidence = evidence_of(budget, "execution_score")
    rate_evidence = evidence_of(budget, "execution_rate")
    candidates: list[tuple[Decimal, Decimal, list]] = []
    if budget.execution_rate is not None:
        candidates.append((budget.execution_rate, half_unit(budget.execution_rate, rate_evidence), [rate_evidence]))
    elif budget.spent is not None:
        for name, base in present_bases(budget):
            rate = percent_of(budget.spent, base)
            if rate is not None:
                spread = ratio_rounding((budget.spent, evidence_of(budget, "spent")), (base, evidence_of(budget, name)))
                candidates.append((rate, spread, [evidence_of(budget, "spent"), evidence_of(budget, name)]))
    if not candidates:
        return
    deviations = []
    for rate, rate_spread, rate_evidence_list in candidates:
        expected = weight * min(rate, HUNDRED) / HUNDRED
        tolerance = half_unit(score, score_evidence) + weight * rate_spread / HUNDRED
        deviation = abs(score - expected)
        if deviation <= tolerance:
            if deviation > Decimal("0.005") + weight * rate_spread / HUNDRED and report_scores_are_integers(report):
                deviations.append((deviation, expected, rate, rate_evidence_list, "info"))
                continue
            return
        deviations.append((deviation, expected, rate, rate_evidence_list, None))
    deviation, expected, rate, rate_evidence_list, level = min(deviations, key=lambda item: item[0])
    rounding_note = "（全表得分均为整数，差异在取整范围内）" if level == "info" else ""
    yield Flag(
        message=(
            f"预算执行得分 {say.points(score)} 与 分值 {say.points(weight)} × min(执行率 "
            f"{say.computed_percent(rate)}, 100%) = {say.points(expected.quantize(Decimal('0.01')))} 不符"
            f"{rounding_note}"
        ),
        evidence=evidence_list([score_evidence, evidence_of(budget, "execution_weight"), *rate_evidence_list]),
        code="INTEGER_ROUNDING" if level == "info" else None,
        severity="info" if level == "info" else None,
    )


@rule("budget.balance", severity="error")
def balance(extraction: Extraction) -> Iterator[Flag]:
    """The printed balance equals base − spent for at least one base present.

    Not flagged: any base that fits within the rounding of the three amounts.
    """
    budget = extraction.report.budget
    stated, spent, bases = budget.balance, budget.spent, present_bases(budget)
    if stated is None or spent is None or not bases:
        return
    stated_evidence, spent_evidence = evidence_of(budget, "balance"), evidence_of(budget, "spent")
    computed = []
    for name, base in bases:
        base_evidence = evidence_of(budget, name)
        tolerance = money_tolerance([(stated, stated_evidence), (spent, spent_evidence), (base, base_evidence)])
        if abs(base - spent - stated) <= tolerance:
            return
        computed.append(
            f"{BUDGET_LABELS[name]} {say.money(base, base_evidence)} − 实际支出 {say.money(spent, spent_evidence)} = "
            f"{say.money(base - spent, stated_evidence)}"
        )
    yield Flag(
        message=f"结余 {say.money(stated, stated_evidence)} 与预算减支出不符：" + "；".join(computed),
        evidence=evidence_list([stated_evidence, spent_evidence] + [evidence_of(budget, n) for n, _ in bases]),
    )


@rule("budget.over_execution", severity="warning")
def over_execution(extraction: Extraction) -> Iterator[Flag]:
    """Spent exceeds every base present (adjusted, received, planned).

    Not flagged: spending above one base but within another (e.g. above the initial budget, within
    the adjusted one); an excess within rounding.
    """
    budget = extraction.report.budget
    spent, bases = budget.spent, present_bases(budget)
    if spent is None or not bases:
        return
    spent_evidence = evidence_of(budget, "spent")
    for name, base in bases:
        if spent - base <= money_tolerance([(spent, spent_evidence), (base, evidence_of(budget, name))]):
            return
    bases_text = "、".join(f"{BUDGET_LABELS[n]} {say.money(v, evidence_of(budget, n))}" for n, v in bases)
    yield Flag(
        message=f"实际支出 {say.money(spent, spent_evidence)} 超过{bases_text}",
        evidence=evidence_list([spent_evidence] + [evidence_of(budget, n) for n, _ in bases]),
    )


def _low_rate(extraction: Extraction) -> tuple[str, list] | None:
    """The execution rate when it is below 90%: the printed one, else spent ÷ every base present."""
    budget = extraction.report.budget
    if budget.execution_rate is not None:
        if budget.execution_rate < LOW_EXECUTION:
            return say.percent(budget.execution_rate), [evidence_of(budget, "execution_rate")]
        return None
    if budget.spent is None:
        return None
    rates = [(percent_of(budget.spent, base), name) for name, base in present_bases(budget)]
    rates = [(rate, name) for rate, name in rates if rate is not None]
    if not rates or any(rate >= LOW_EXECUTION for rate, _ in rates):
        return None
    highest, name = max(rates)
    return say.computed_percent(highest), [evidence_of(budget, "spent"), evidence_of(budget, name)]


@rule("budget.low_execution_unexplained", severity="warning")
def low_execution_unexplained(extraction: Extraction) -> Iterator[Flag]:
    """An execution rate below 90% needs a reason, and the text must not say there is no problem (暂无问题).

    Not flagged: a rate of 90% or more by any base present; a rate that is not printed and cannot be
    computed.
    """
    low = _low_rate(extraction)
    if low is None:
        return
    rate, rate_evidence = low
    budget, facts = extraction.report.budget, extraction.facts
    if says_nothing(budget.reason):
        yield Flag(
            message=f"预算执行率 {rate} 低于 90%，未说明原因",
            evidence=evidence_list([*rate_evidence, evidence_of(budget, "reason")]),
            code="NO_REASON",
        )
    elif facts.no_problem_claims:
        yield Flag(
            message=f"预算执行率 {rate} 低于 90%，文中却称“暂无问题”",
            evidence=evidence_list(rate_evidence + list(facts.no_problem_claims)),
            code="NO_PROBLEM_CLAIMED",
        )


@rule("budget.adjustment_unexplained", severity="info")
def adjustment_unexplained(extraction: Extraction) -> Iterator[Flag]:
    """An adjusted budget more than 10% away from the initial one (or from an initial 0) needs a reason.

    A reason is the budget's 原因 cell or a sentence explaining the adjustment (收回, 调剂, 追加 …,
    `Facts.adjustment_reasons`). Not flagged: a change of 10% or less; either budget missing.
    """
    budget = extraction.report.budget
    planned, adjusted = budget.planned, budget.adjusted
    if planned is None or adjusted is None:
        return
    planned_evidence, adjusted_evidence = evidence_of(budget, "planned"), evidence_of(budget, "adjusted")
    change = adjusted - planned
    if abs(change) <= money_tolerance([(planned, planned_evidence), (adjusted, adjusted_evidence)]):
        return
    if planned != 0 and abs(change) <= ADJUSTMENT_SHARE * abs(planned):
        return
    if not says_nothing(budget.reason) or extraction.facts.adjustment_reasons:
        return
    share = f"（{say.computed_percent(HUNDRED * change / planned)}）" if planned != 0 else ""
    yield Flag(
        message=(
            f"调整后预算 {say.money(adjusted, adjusted_evidence)} 与年初预算 {say.money(planned, planned_evidence)} "
            f"相差 {say.money_difference(change, planned, planned_evidence)}{share}，超过 10%，未说明调整原因"
        ),
        evidence=evidence_list([planned_evidence, adjusted_evidence]),
    )
