"""Indicator rules: marks against results (R09–R13, R24), blank results and reasons, measurability."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from models.facts import Extraction
from models.numbers import normalise_text, parse_quantity, parse_target, percent
from models.report import Evidence, Indicator
from pipeline.validate import messages as say
from pipeline.validate.common import evidence_list, evidence_of, present_bases, report_scores_are_integers, says_nothing
from pipeline.validate.measures import Measured, measure
from pipeline.validate.registry import Flag, rule
from pipeline.validate.tolerance import HUNDRED, half_unit, percent_of

PROPORTIONAL_SLACK = Decimal("0.15")
"""Local rules round proportional scores; domain rules allow max(0.15, the printed rounding)."""
TOO_LOW_RATIO = Decimal("1.5")
PARTIAL_CEILING = Decimal("0.8")
"""部分达成 earns at most 80% of the weight (both published variants agree)."""
MISSED_CEILING = Decimal("0.6")
"""未达成 earns below 60% (the 0.8/0.5 variant is stricter, so 0.6 is the conservative ceiling)."""


def _name(indicator: Indicator) -> str:
    return indicator.name or indicator.level2 or indicator.level1 or "指标"


def _scored(indicator: Indicator) -> bool:
    return indicator.weight is not None and indicator.score is not None and indicator.weight > 0


def _full_marks(indicator: Indicator) -> bool:
    assert indicator.weight is not None and indicator.score is not None
    return indicator.score >= indicator.weight - half_unit(indicator.score, evidence_of(indicator, "score"))


def _row_evidence(indicator: Indicator, *fields: str) -> list[Evidence]:
    return evidence_list(evidence_of(indicator, field) for field in ("name", *fields))


def _expected_score(indicator: Indicator, measured: Measured) -> Decimal | None:
    assert indicator.weight is not None
    ratio = measured.ratio()
    return None if ratio is None else indicator.weight * min(ratio, Decimal(1))


def _quantitative_inflation(indicator: Indicator, measured: Measured, integers: bool) -> Flag | None:
    if measured.met() or not _scored(indicator):
        return None
    assert indicator.weight is not None and indicator.score is not None
    if indicator.score - indicator.weight > half_unit(indicator.score, evidence_of(indicator, "score")):
        return None  # above its weight: score.exceeds_weight reports it
    evidence = _row_evidence(indicator, "target", "actual", "score", "weight")
    figures = f"目标 {measured.target_text}，实际完成 {measured.actual_text}"
    if _full_marks(indicator):
        return Flag(
            message=f"“{_name(indicator)}”未完成目标（{figures}），却得满分 {say.points(indicator.score)}",
            evidence=evidence,
            code="FULL_SCORE_TARGET_UNMET",
        )
    expected = _expected_score(indicator, measured)
    if expected is None:
        return None
    excess = indicator.score - expected
    slack = max(PROPORTIONAL_SLACK, half_unit(indicator.score, evidence_of(indicator, "score")))
    if excess > slack:
        code, level = "OVER_SCORED", None
    elif integers and excess > PROPORTIONAL_SLACK:
        code, level = "INTEGER_ROUNDING", "info"
    else:
        return None
    return Flag(
        message=(
            f"“{_name(indicator)}”按完成比例应得 {say.points(expected.quantize(Decimal('0.01')))}"
            f"（分值 {say.points(indicator.weight)}，{figures}），实际给分 {say.points(indicator.score)}"
        ),
        evidence=evidence,
        code=code,
        severity=level,  # type: ignore[arg-type]
    )


def _qualitative_class(actual: str | None) -> str | None:
    if not actual:
        return None
    text = normalise_text(actual).replace(" ", "")
    if "部分达成" in text or "部分完成" in text:
        return "partial"
    if text.startswith(("未达成", "未完成", "没有达成", "未达到")):
        return "missed"
    return None


def _qualitative_inflation(indicator: Indicator) -> Flag | None:
    kind = _qualitative_class(indicator.actual)
    if kind is None or not _scored(indicator):
        return None
    assert indicator.weight is not None and indicator.score is not None
    ceiling = PARTIAL_CEILING if kind == "partial" else MISSED_CEILING
    allowed = indicator.weight * ceiling
    if indicator.score - allowed <= half_unit(indicator.score, evidence_of(indicator, "score")):
        return None
    band = "部分达成最高 80%" if kind == "partial" else "未达成应低于 60%"
    return Flag(
        message=(
            f"“{_name(indicator)}”实际完成“{indicator.actual}”，得分 {say.points(indicator.score)} 超出定性评分区间"
            f"（{band}，即 {say.points(allowed)}）"
        ),
        evidence=_row_evidence(indicator, "actual", "score", "weight"),
        code="QUALITATIVE_OVER_BAND",
    )


def _rate_row_kind(name: str) -> str | None:
    if "到位率" in name:
        return "arrival"
    if "执行率" in name:
        return "execution"
    return None


def _budget_rate(extraction: Extraction, kind: str) -> tuple[Decimal, list[Evidence | None]] | None:
    """到位率 = received ÷ planned (else adjusted); 执行率 = the printed rate, else spent ÷ the bases."""
    budget = extraction.report.budget
    if kind == "arrival":
        base_name = "planned" if budget.planned is not None else "adjusted"
        base = getattr(budget, base_name)
        if budget.received is None or base is None:
            return None
        rate = percent_of(budget.received, base)
        return None if rate is None else (rate, [evidence_of(budget, "received"), evidence_of(budget, base_name)])
    if budget.execution_rate is not None:
        return budget.execution_rate, [evidence_of(budget, "execution_rate")]
    if budget.spent is None:
        return None
    rates = [(percent_of(budget.spent, base), name) for name, base in present_bases(budget)]
    known = [(rate, name) for rate, name in rates if rate is not None]
    if not known:
        return None
    rate, name = max(known)
    return rate, [evidence_of(budget, "spent"), evidence_of(budget, name)]


def _rate_row_flags(extraction: Extraction) -> Iterator[Flag]:
    """R24: full marks on a 到位率/执行率 row whose figure is below 100%."""
    rows: list[tuple[str, Decimal, Decimal, list[Evidence | None], str | None]] = []
    for row in extraction.report.scores:
        name = row.level3 or row.level2 or ""
        if row.weight is not None and row.score is not None:
            rows.append((name, row.weight, row.score, [evidence_of(row, "level3"), evidence_of(row, "score")], None))
    for indicator in extraction.report.indicators:
        if _scored(indicator) and measure(indicator) is None:
            assert indicator.weight is not None and indicator.score is not None
            evidence = [evidence_of(indicator, "name"), evidence_of(indicator, "score")]
            rows.append((_name(indicator), indicator.weight, indicator.score, evidence, indicator.actual))
    for name, weight, score, evidence, actual in rows:
        kind = _rate_row_kind(name)
        if kind is None or score != weight:  # below: not full marks; above: score.exceeds_weight
            continue
        figure: tuple[Decimal, list[Evidence | None]] | None = None
        if actual is not None:
            printed = percent(actual)
            if printed is not None:
                figure = (printed.value, [])
        else:
            figure = _budget_rate(extraction, kind)
        if figure is None:
            continue
        rate, rate_evidence = figure
        if rate >= HUNDRED - Decimal("0.005"):
            continue
        what = "资金到位率" if kind == "arrival" else "预算执行率"
        yield Flag(
            message=f"“{name}”得满分 {say.points(score)}，但{what}仅 {say.computed_percent(rate)}，未达 100%",
            evidence=evidence_list([*evidence, *rate_evidence]),
            code="FULL_SCORE_RATE_BELOW_100",
        )


@rule("indicator.score_inflated", severity="warning")
def score_inflated(extraction: Extraction) -> Iterator[Flag]:
    """More marks than the document's own scoring allows.

    Quantitative rows (R09–R11): full marks with the target missed (FULL_SCORE_TARGET_UNMET); a score
    above weight × actual/target (≥ targets) or weight × target/actual (≤ targets) by more than
    max(0.15, the printed rounding) (OVER_SCORED). Qualitative rows (R12): 部分达成 above 80% or 未达成
    at 60% or more of the weight. Rate rows (R24): full marks on 到位率/执行率 below 100%.
    Not flagged: a target met within the rounding of both figures; target and actual in different
    units; a score above its weight (score.exceeds_weight); qualitative results other than
    部分达成/未达成 (达成 may score anywhere in 80–100%).
    """
    integers = report_scores_are_integers(extraction.report)
    for indicator in extraction.report.indicators:
        measured = measure(indicator)
        flag = _quantitative_inflation(indicator, measured, integers) if measured else _qualitative_inflation(indicator)
        if flag is not None:
            yield flag
    yield from _rate_row_flags(extraction)


@rule("indicator.score_understated", severity="info")
def score_understated(extraction: Extraction) -> Iterator[Flag]:
    """A met quantitative target given less than full marks (UNDER_SCORED_MET).

    Not flagged: a result 1.5 times the target or more (10号: marks may be cut for a target set too
    low); qualitative rows (达成 may score 80–100%).
    """
    for indicator in extraction.report.indicators:
        measured = measure(indicator)
        if measured is None or not _scored(indicator) or not measured.met() or _full_marks(indicator):
            continue
        ratio = measured.ratio()
        if measured.direction == "up" and ratio is not None and ratio >= TOO_LOW_RATIO:
            continue
        assert indicator.weight is not None and indicator.score is not None
        yield Flag(
            message=(
                f"“{_name(indicator)}”已完成目标（目标 {measured.target_text}，实际完成 {measured.actual_text}），"
                f"得分 {say.points(indicator.score)} 低于分值 {say.points(indicator.weight)}"
            ),
            evidence=_row_evidence(indicator, "target", "actual", "score", "weight"),
            code="UNDER_SCORED_MET",
        )


@rule("indicator.target_too_low", severity="info")
def target_too_low(extraction: Extraction) -> Iterator[Flag]:
    """The result is 1.5 times a positive target or more, and the row still has full marks (R13).

    Not flagged: ≤ targets (less is better); a target of 0; rows without weight and score.
    """
    for indicator in extraction.report.indicators:
        measured = measure(indicator)
        if measured is None or measured.direction != "up" or not _scored(indicator) or not _full_marks(indicator):
            continue
        ratio = measured.ratio()
        if ratio is None or ratio < TOO_LOW_RATIO:
            continue
        yield Flag(
            message=(
                f"“{_name(indicator)}”实际完成 {measured.actual_text} 为目标 {measured.target_text} 的 "
                f"{say.number(ratio.quantize(Decimal('0.01')))} 倍，仍得满分：目标值可能设定偏低"
            ),
            evidence=_row_evidence(indicator, "target", "actual", "score"),
        )


def _table_of(indicator: Indicator) -> int | None:
    for field in ("name", "target", "actual", "score"):
        evidence = evidence_of(indicator, field)
        if evidence is not None and evidence.table is not None:
            return evidence.table
    return None


def _by_table(extraction: Extraction) -> dict[int | None, list[Indicator]]:
    tables: dict[int | None, list[Indicator]] = defaultdict(list)
    for indicator in extraction.report.indicators:
        tables[_table_of(indicator)].append(indicator)
    return tables


def _table_has(extraction: Extraction, rows: list[Indicator], column: str, field: str) -> bool:
    """A table has a column when one of its rows filled it, or when the only indicator table printed it."""
    if any(getattr(row, field) is not None for row in rows):
        return True
    return column in extraction.facts.indicator_columns and len(_by_table(extraction)) == 1


@rule("indicator.missing_actual", severity="warning")
def missing_actual(extraction: Extraction) -> Iterator[Flag]:
    """A row of a table with an actual column (实际完成值, 完成值, 全年实际值) leaves it blank.

    Not flagged: tables without an actual column (a 绩效目标表 lists targets only).
    """
    for rows in _by_table(extraction).values():
        if not _table_has(extraction, rows, "actual", "actual"):
            continue
        for indicator in rows:
            if indicator.actual is not None and not says_nothing(indicator.actual):
                continue
            yield Flag(
                message=f"“{_name(indicator)}”未填写实际完成值（目标 {indicator.target or '未填'}）",
                evidence=_row_evidence(indicator, "actual", "target"),
            )


def _missed_or_deducted(indicator: Indicator) -> str | None:
    measured = measure(indicator)
    if measured is not None and not measured.met():
        return f"未完成目标（目标 {measured.target_text}，实际完成 {measured.actual_text}）"
    if _scored(indicator) and not _full_marks(indicator):
        assert indicator.weight is not None and indicator.score is not None
        return f"被扣分（分值 {say.points(indicator.weight)}，得分 {say.points(indicator.score)}）"
    return None


@rule("indicator.missing_deviation_reason", severity="warning")
def missing_deviation_reason(extraction: Extraction) -> Iterator[Flag]:
    """A missed target or deducted marks needs a reason in the table's reason column.

    A reason holding only 无, 0, /, — counts as blank. Not flagged: tables without a reason column.
    """
    for rows in _by_table(extraction).values():
        if not _table_has(extraction, rows, "reason", "deviation_reason"):
            continue
        for indicator in rows:
            why = _missed_or_deducted(indicator)
            if why is None or not says_nothing(indicator.deviation_reason):
                continue
            yield Flag(
                message=f"“{_name(indicator)}”{why}，偏差原因未说明",
                evidence=_row_evidence(indicator, "deviation_reason", "actual", "score"),
            )


VAGUE_ACTUALS = frozenset(
    {
        "达成预期指标",
        "达到预期指标",
        "达成预期目标",
        "达到预期目标",
        "完成",
        "已完成",
        "全部完成",
        "完成目标",
        "达成",
        "已达成",
        "达标",
        "有效",
        "好",
        "较好",
        "良好",
        "高",
        "较高",
        "是",
        "符合",
        "满意",
    }
)
COMPLETED_PERCENT = ("已完成100%", "完成100%")
VAGUE_TARGETS = (
    "效果明显",
    "不断提升",
    "按质按量完成",
    "逐步提高",
    "进一步提升",
    "进一步提高",
    "稳步提升",
    "持续提升",
    "不断提高",
    "不断完善",
)
"""Open-ended wording with no end point to check against (有所提高 is not here: any rise meets it)."""
PROPORTION_WORDS = (
    "满意度",
    "合格率",
    "达标率",
    "准确率",
    "及时率",
    "覆盖率",
    "知晓率",
    "到位率",
    "执行率",
    "通过率",
    "出勤率",
    "参保率",
    "入学率",
    "验收率",
    "办结率",
    "正确率",
    "使用率",
    "完好率",
)
COPY_MIN_LENGTH = 10
"""A short qualitative answer repeating its target (及时 / 及时) is normal; a long copied sentence is not."""


def _clean(text: str | None) -> str:
    return normalise_text(text or "").replace(" ", "").strip("。.;；")


def _unmeasurable_reason(indicator: Indicator) -> tuple[str, str, tuple[str, ...]] | None:
    target_text, actual_text = _clean(indicator.target), _clean(indicator.actual)
    target = parse_target(indicator.target) if indicator.target else None
    numeric_target = target is not None and target.value is not None
    if numeric_target and actual_text:
        assert target is not None
        words_only = parse_quantity(indicator.actual) is None and actual_text in VAGUE_ACTUALS
        if words_only or (actual_text in COMPLETED_PERCENT and target.unit != "%"):
            return (
                "QUALITATIVE_ACTUAL",
                f"定量目标 {indicator.target} 的实际完成值只写“{indicator.actual}”，无法衡量",
                ("target", "actual"),
            )
    if target_text and not numeric_target and any(word in target_text for word in VAGUE_TARGETS):
        return "VAGUE_TARGET", f"目标“{indicator.target}”无法衡量（没有可核对的数值或标准）", ("target",)
    if not numeric_target and len(target_text) >= COPY_MIN_LENGTH and target_text == actual_text:
        return "ACTUAL_COPIES_TARGET", f"实际完成情况照抄目标“{indicator.target}”，未说明实际结果", ("target", "actual")
    name = _clean(indicator.name)
    if any(word in name for word in PROPORTION_WORDS):
        for field in ("target", "actual"):
            text = getattr(indicator, field)
            value = percent(text) if text else None
            if value is not None and not 0 <= value.value <= HUNDRED:
                ocr = _clean(text).startswith("2") and 200 <= value.value <= 300
                hint = "，疑似“≥”被识别为“2”" if ocr else ""
                label = "目标" if field == "target" else "实际完成值"
                return "OUT_OF_RANGE", f"{label} {text} 超出 0–100% 的范围{hint}", (field,)
    return None


@rule("indicator.unmeasurable", severity="warning")
def unmeasurable(extraction: Extraction) -> Iterator[Flag]:
    """Targets and results that cannot be checked (R19) or cannot be right (R28).

    Codes: QUALITATIVE_ACTUAL (a number asked for, words given: 完成, 达成预期指标, 好), VAGUE_TARGET
    (效果明显, 不断提升 without a figure), ACTUAL_COPIES_TARGET (a long qualitative target repeated as
    the result), OUT_OF_RANGE (a satisfaction or pass rate outside 0–100%, e.g. 290% read from ≥90%),
    GOAL_ONLY_NUMBER (年度总体目标 that is only a figure). Not flagged: short qualitative answers equal
    to their target (及时 / 及时); dates as results; completion rates above 100%.
    """
    for indicator in extraction.report.indicators:
        found = _unmeasurable_reason(indicator)
        if found is None:
            continue
        code, message, fields = found
        yield Flag(message=f"“{_name(indicator)}”{message}", evidence=_row_evidence(indicator, *fields), code=code)
    project = extraction.report.project
    goal = _clean(project.goal_expected)
    quantity = parse_quantity(project.goal_expected) if goal else None
    if quantity is not None and not any("\u4e00" <= ch <= "\u9fff" for ch in goal.replace(_clean(quantity.text), "")):
        yield Flag(
            message=f"年度总体目标只写了数字“{project.goal_expected}”，没有说明要达成什么",
            evidence=evidence_list([evidence_of(project, "goal_expected")]),
            code="GOAL_ONLY_NUMBER",
        )
