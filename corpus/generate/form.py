"""Self-evaluation forms (项目支出绩效自评表): the central layout and the provincial variants.

A form is drawn as consistent facts (funds row, sources, indicator rows, total), the
planted faults change those facts, and only then is it laid out as one merged-cell
table; the truth record is read from the same facts, so it is what the form prints.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from decimal import Decimal

from corpus.generate import vocab
from corpus.generate.common import Built, Planted, ProjectFacts, draw_project, grade_of, person, wrong_grade
from corpus.generate.docx_writer import UNDER, Cell, Grid, Para, top
from corpus.generate.indicators import (
    IndicatorRow,
    draw_rows,
    met_reason,
    miss,
    reason_for_deduction,
)
from corpus.generate.printing import (
    MoneyStyle,
    draw_amount,
    money_json,
    number_json,
    plain,
    quantize,
    round_to,
    split_amount,
)


@dataclass(frozen=True)
class FormLayout:
    name: str
    title: str
    funds_block: str  # the vertically merged label of the funds block; {unit} is filled in
    row_head: str  # the header of the row-label column of the funds block ("" when none)
    funds_columns: tuple[tuple[str, str], ...]  # (role, header)
    total_row: str
    sources: tuple[str, ...]
    indicator_block: str
    indicator_columns: tuple[tuple[str, str], ...]
    total_label: str = "总分"
    prints_grade: bool = False
    exec_weight: int = 10
    rate_base: str = "adjusted"
    split_target: bool = False
    goal_labels: tuple[str, str, str] | None = ("年度总体目标", "预期目标", "实际完成情况")
    section_weights_in_heads: bool = False
    rate_in_header_percent: bool = False
    unit_in_cells: bool = False
    """Amounts printed with their unit (12.5万元) under a block label without one."""

    def prints(self, role: str) -> bool:
        return role in dict(self.funds_columns)


_CENTRAL_FUNDS = (
    ("planned", "年初预算数"), ("adjusted", "全年预算数"), ("spent", "全年执行数"),
    ("weight", "分值"), ("rate", "执行率"), ("score", "得分"),
)  # fmt: skip
_CENTRAL_INDICATORS = (
    ("level1", "一级指标"), ("level2", "二级指标"), ("level3", "三级指标"), ("target", "年度指标值"),
    ("actual", "实际完成值"), ("weight", "分值"), ("score", "得分"), ("reason", "偏差原因分析及改进措施"),
)  # fmt: skip
_SPLIT_INDICATORS = (
    ("level1", "一级指标"), ("level2", "二级指标"), ("level3", "三级指标"), ("comparator", "指标性质"),
    ("value", "指标值"), ("unit", "度量单位"), ("actual", "实际完成值"), ("weight", "分值"), ("score", "得分"),
    ("reason", "偏差原因分析及改进措施"),
)  # fmt: skip

LAYOUTS: dict[str, FormLayout] = {
    "central": FormLayout(
        "central", "项目支出绩效自评表", "项目资金（{unit}）", "", _CENTRAL_FUNDS, "年度资金总额",
        ("其中：当年财政拨款", "上年结转资金", "其他资金"), "绩效指标", _CENTRAL_INDICATORS,
    ),
    "central_local": FormLayout(
        "central_local", "财政项目支出绩效自评表", "项目资金（{unit}）", "", _CENTRAL_FUNDS, "年度资金总额",
        ("其中：本年一般公共预算拨款", "上年结转资金", "其他资金"), "绩效指标", _CENTRAL_INDICATORS,
        section_weights_in_heads=True,
    ),
    "yunnan": FormLayout(
        "yunnan", "项目支出绩效自评表", "项目资金（{unit}）", "", _CENTRAL_FUNDS, "年度资金总额",
        ("其中：当年财政拨款", "上年结转资金", "其他资金"), "绩效指标", _SPLIT_INDICATORS,
        prints_grade=True, split_target=True,
    ),
    "sichuan": FormLayout(
        "sichuan", "部门预算项目支出绩效自评表", "预算执行情况(10分)", "年度预算数（{unit}）",
        (("planned", "年初预算"), ("adjusted", "调整后预算数"), ("spent", "预算执行数"), ("rate", "预算执行率"),
         ("weight", "权重"), ("score", "得分"), ("reason", "原因")),
        "总额", ("其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"), "绩效指标(90分)",
        (("level1", "一级指标"), ("level2", "二级指标"), ("level3", "三级指标"), ("comparator", "指标性质"),
         ("value", "指标值"), ("unit", "度量单位"), ("actual", "完成值"), ("weight", "权重"), ("score", "得分"),
         ("reason", "未完成原因分析")),
        total_label="合计", split_target=True, goal_labels=None,
    ),
    "beijing2016": FormLayout(
        "beijing2016", "项目支出绩效自评表", "项目资金（{unit}）", "",
        (("planned", "年初预算数(A)"), ("spent", "全年执行数(B)"), ("weight", "分值(10分)"),
         ("rate", "执行率(B/A)"), ("score", "得分"), ("method", "得分计算方法")),
        "年度资金总额", ("其中：财政拨款", "其他资金"), "绩效指标", _CENTRAL_INDICATORS, rate_base="planned",
    ),
    "chongqing": FormLayout(
        "chongqing", "项目支出绩效自评表", "项目资金（{unit}）", "",
        (("planned", "年初预算数"), ("adjusted", "全年(调整)预算数"), ("spent", "全年执行数"),
         ("rate", "执行率(%)"), ("weight", "执行率权重"), ("score", "执行率得分")),
        "年度资金总额", ("其中：当年财政拨款", "上年结转资金", "其他资金"), "绩效指标",
        (("level1", "一级指标"), ("level2", "二级指标"), ("level3", "指标名称"), ("target", "年初指标值"),
         ("actual", "全年完成值"), ("weight", "指标权重(分)"), ("score", "指标得分(分)"), ("reason", "偏差原因")),
        total_label="自评总分", rate_in_header_percent=True,
    ),
    "local20": FormLayout(
        "local20", "项目支出绩效自评表", "预算执行情况（{unit}）（20分）", "",
        (("planned", "预算数(A)"), ("spent", "执行数(B)"), ("rate", "执行率(B/A)"), ("score", "得分(20分*执行率)")),
        "合计", ("其中：财政拨款", "其他资金"), "绩效指标", _CENTRAL_INDICATORS,
        exec_weight=20, rate_base="planned", section_weights_in_heads=True,
    ),
    "zhongjiang": FormLayout(
        "zhongjiang", "绩效目标自评表", "资金情况（{unit}）", "",
        (("adjusted", "全年预算数(A)"), ("spent", "全年执行数(B)"), ("weight", "分值"), ("rate", "执行率(B/A)"),
         ("score", "得分")),
        "年度资金总额", ("其中：本年财政拨款", "其他资金"), "绩效指标",
        (("level1", "一级指标"), ("level2", "二级指标"), ("level3", "三级指标"), ("weight", "分值"),
         ("target", "年度指标值"), ("actual", "全年实际值"), ("score", "得分"),
         ("reason", "未完成原因及拟采取的改进措施")),
        goal_labels=("年度总体目标", "年初设定目标", "年度总体目标完成情况综述"), section_weights_in_heads=True,
    ),
    "hubei": FormLayout(
        "hubei", "财政预算支出项目绩效目标自评表", "项目资金（{unit}）", "",
        (("planned", "年初预算数"), ("adjusted", "调整后预算数"), ("spent", "执行数"), ("rate", "执行率"),
         ("weight", "分值"), ("score", "自评分")),
        "合计", ("其中：本年财政拨款", "其他资金"), "绩效指标",
        (("level1", "一级指标"), ("level2", "二级指标"), ("level3", "三级指标"), ("target", "年初指标值"),
         ("actual", "年终完成值"), ("weight", "分值"), ("score", "自评分"), ("review", "复核分"),
         ("reason", "未完成原因分析")),
        total_label="自评总分",
    ),
}  # fmt: skip

FORM_RULES = (
    "budget.sources_sum", "budget.execution_rate", "budget.execution_score", "budget.over_execution",
    "budget.low_execution_unexplained", "budget.adjustment_unexplained",
    "score.exceeds_weight", "score.weights_sum", "score.table_incomplete", "score.total", "score.grade",
    "indicator.score_inflated", "indicator.score_understated", "indicator.target_too_low",
    "indicator.missing_actual", "indicator.missing_deviation_reason", "indicator.unmeasurable",
    "indicator.misplaced", "form.standard_weights", "form.unfilled",
)  # fmt: skip


def layout_for(rng: random.Random, faults: list[str]) -> FormLayout:
    """A layout that can show every planted fault (a grade column for score.grade, an adjusted budget …)."""
    names = list(LAYOUTS)
    if "form.standard_weights" in faults and "budget.adjustment_unexplained" not in faults and rng.random() < 0.5:
        return LAYOUTS["local20"]
    names.remove("local20")
    if "score.grade" in faults:
        return LAYOUTS["yunnan"]
    if "budget.adjustment_unexplained" in faults:
        names.remove("beijing2016")
        names.remove("zhongjiang")
    layout = LAYOUTS[rng.choice(names)]
    if layout.name in ("central", "central_local", "yunnan") and rng.random() < 0.4:
        # Column order varies between printings of the same template.
        order = rng.choice(
            (
                ("planned", "adjusted", "spent", "rate", "weight", "score"),
                ("planned", "adjusted", "spent", "weight", "score", "rate"),
            )
        )
        columns = dict(layout.funds_columns)
        layout = replace(layout, funds_columns=tuple((role, columns[role]) for role in order))
    if rng.random() < 0.15:
        layout = replace(layout, unit_in_cells=True)
    return layout


@dataclass
class Source:
    name: str
    planned: Decimal | None
    adjusted: Decimal | None
    spent: Decimal | None


@dataclass
class FormFacts:
    project: ProjectFacts
    layout: FormLayout
    money: MoneyStyle
    planned: Decimal
    adjusted: Decimal | None
    spent: Decimal
    rate: Decimal
    rate_text: str
    weight: Decimal
    score: Decimal | None
    reason: str | None
    sources: list[Source]
    rows: list[IndicatorRow]
    section_weights: dict[str, int]
    goal_expected: str
    goal_actual: str | None
    conclusion: str | None
    fixed_scores: bool
    repeat_header: bool = False
    """The indicator header printed again before 效益指标, as in a table continued on a new page."""
    total_override: Decimal | None = None
    grade_override: str | None = None
    planted: list[Planted] = field(default_factory=list)

    @property
    def base(self) -> Decimal:
        return self.adjusted if self.layout.rate_base == "adjusted" and self.adjusted is not None else self.planned

    def total(self) -> Decimal:
        if self.total_override is not None:
            return self.total_override
        scores = [r.score for r in self.rows if r.score is not None]
        return (self.score or Decimal(0)) + sum(scores, Decimal(0))

    def grade(self) -> str:
        return self.grade_override or grade_of(self.total())


def _rate_text(rng: random.Random, rate: Decimal, decimals: int, layout: FormLayout) -> str:
    if layout.rate_in_header_percent:
        return plain(rate, decimals)
    if rate == 100 and rng.random() < 0.25:
        return rng.choice(("1", "100百分比"))
    return plain(rate, decimals) + "%"


def _set_rate(rng: random.Random, facts: FormFacts, rate: Decimal | None = None) -> None:
    """Print the rate spent ÷ base (or the given one) and the score 分值 × min(rate, 1) from it."""
    decimals = rng.choice((2, 2, 1, 0)) if rate is None else 2
    if rate is None:
        rate = quantize(Decimal(100) * facts.spent / facts.base, decimals) if facts.base else Decimal(0)
    facts.rate = rate
    facts.rate_text = _rate_text(rng, rate, decimals, facts.layout)
    facts.score = quantize(facts.weight * min(rate, Decimal(100)) / 100, 2)


def draw_form(rng: random.Random, layout: FormLayout) -> FormFacts:
    project = draw_project(rng)
    money = (
        MoneyStyle("元", 2, thousands=rng.random() < 0.5)
        if rng.random() < 0.25
        else MoneyStyle("万元", rng.choice((2, 2, 2, 1, 3, 4)), full_width=rng.random() < 0.1)
    )
    resolution = max(money.resolution, Decimal(1))
    planned = draw_amount(rng, Decimal(50_000), Decimal(8_000_000), resolution)
    adjusted: Decimal | None = None
    if "adjusted" in dict(layout.funds_columns):
        adjusted = planned
        if rng.random() < 0.4:
            adjusted = planned + draw_amount(rng, -planned / 12, planned / 12, resolution)
    base = adjusted if layout.rate_base == "adjusted" and adjusted is not None else planned
    spent = base if rng.random() < 0.45 else draw_amount(rng, base * Decimal("0.905"), base, resolution)
    exec_weight = Decimal(layout.exec_weight)
    indicator_total = 100 - layout.exec_weight
    section_weights = (
        {"产出": 50, "效益": 30, "满意度": 10} if indicator_total == 90 else {"产出": 40, "效益": 30, "满意度": 10}
    )
    rows = draw_rows(rng, section_weights, project.year, quantitative_only=layout.split_target)
    for row in rows:
        row.reason = met_reason(rng)
        row.bare_actual = layout.split_target and rng.random() < 0.5
        if layout.split_target and row.unit == "%" and rng.random() < 0.3:
            row.unit = "百分比"
    if rng.random() < 0.4:
        candidates = [r for r in rows if r.quantitative and r.kind != "equal"]
        if candidates:
            miss(rng, rng.choice(candidates))
    facts = FormFacts(
        project=project, layout=layout, money=money, planned=planned, adjusted=adjusted, spent=spent,
        rate=Decimal(0), rate_text="", weight=exec_weight, score=None, reason=None,
        sources=[], rows=rows, section_weights=section_weights,
        goal_expected=f"按期完成{project.name}各项任务，资金使用规范，项目效益有效发挥。",
        goal_actual=f"已按计划完成{project.name}年度任务，资金按规定使用，达到预期效果。",
        conclusion=None, fixed_scores=rng.random() < 0.3, repeat_header=rng.random() < 0.15,
    )  # fmt: skip
    if layout.name == "sichuan":
        facts.conclusion = "项目年度目标基本完成，资金管理规范。"
        if rng.random() < 0.4 and adjusted is not None:
            facts.adjusted = planned + draw_amount(rng, planned / 6, planned / 4, resolution)
            facts.spent = draw_amount(rng, facts.adjusted * Decimal("0.92"), facts.adjusted, resolution)
            facts.reason = "年中追加资金用于设备更新"
    _set_rate(rng, facts)
    facts.sources = _draw_sources(rng, facts, resolution)
    return facts


def _draw_sources(rng: random.Random, facts: FormFacts, resolution: Decimal) -> list[Source]:
    names = facts.layout.sources
    sources = [Source(name, None, None, None) for name in names]
    funded = 1 if rng.random() < 0.6 or facts.planned < resolution * 20 else 2
    planned_parts = split_amount(rng, facts.planned, funded, resolution)
    for source, part in zip(sources, planned_parts, strict=False):
        source.planned = part
        source.adjusted = part if facts.adjusted is not None else None
    if facts.adjusted is not None:
        sources[0].adjusted = (sources[0].planned or Decimal(0)) + facts.adjusted - facts.planned
    others_spent = sum((s.adjusted if s.adjusted is not None else s.planned or Decimal(0)) for s in sources[1:funded])
    for source in sources[1:funded]:
        source.spent = source.adjusted if source.adjusted is not None else source.planned
    sources[0].spent = facts.spent - others_spent
    if sources[0].spent < 0:
        sources[0].spent = facts.spent
        for source in sources[1:funded]:
            source.spent = Decimal(0)
    # Unfunded sources: blank, or a printed 0 (which is a value, not "not given").
    if rng.random() < 0.4:
        for source in sources[funded:]:
            source.planned = Decimal(0)
            source.adjusted = Decimal(0) if facts.adjusted is not None else None
            source.spent = Decimal(0)
    return sources


# ---------------------------------------------------------------- faults


def plant(rng: random.Random, facts: FormFacts, rule: str) -> None:
    resolution = max(facts.money.resolution, Decimal(1))
    code: str | None = None
    rows = facts.rows
    if rule == "budget.sources_sum":
        source = facts.sources[0]
        column = "planned" if facts.layout.prints("planned") else "adjusted"
        delta = max(resolution * 10, round_to(facts.planned / 10, resolution))
        setattr(source, column, (getattr(source, column) or Decimal(0)) + delta)
    elif rule == "budget.execution_rate":
        if facts.adjusted is not None:  # one base only, so that no other base can explain the printed rate
            facts.adjusted = facts.planned
        facts.spent = draw_amount(rng, facts.base * Decimal("0.92"), facts.base, resolution)
        facts.sources = _draw_sources(rng, facts, resolution)
        true_rate = Decimal(100) * facts.spent / facts.base
        shown = true_rate - 5 if true_rate >= 96 else true_rate + 4
        _set_rate(rng, facts, quantize(shown, 2))
    elif rule == "budget.execution_score":
        facts.spent = draw_amount(rng, facts.base * Decimal("0.90"), facts.base * Decimal("0.94"), resolution)
        facts.sources = _draw_sources(rng, facts, resolution)
        _set_rate(rng, facts)
        facts.score = facts.weight
    elif rule == "budget.over_execution":
        top = max(facts.planned, facts.adjusted or Decimal(0))
        facts.spent = draw_amount(rng, top * Decimal("1.05"), top * Decimal("1.15"), resolution)
        facts.sources = _draw_sources(rng, facts, resolution)
        _set_rate(rng, facts)
        facts.score = facts.weight
    elif rule == "budget.low_execution_unexplained":
        if facts.reason is not None and facts.adjusted is not None:  # that reason explained an adjustment
            facts.adjusted = facts.planned
        facts.spent = draw_amount(rng, facts.base * Decimal("0.6"), facts.base * Decimal("0.85"), resolution)
        facts.sources = _draw_sources(rng, facts, resolution)
        facts.reason = None
        _set_rate(rng, facts)
        code = "NO_REASON"
    elif rule == "budget.adjustment_unexplained":
        shift = draw_amount(rng, facts.planned * Decimal("0.15"), facts.planned * Decimal("0.35"), resolution)
        facts.adjusted = facts.planned + shift if rng.random() < 0.6 else facts.planned - shift
        facts.spent = draw_amount(rng, facts.adjusted * Decimal("0.92"), facts.adjusted, resolution)
        facts.reason = None
        facts.sources = _draw_sources(rng, facts, resolution)
        _set_rate(rng, facts)
    elif rule == "score.exceeds_weight":
        row = rng.choice(rows)
        row.score = row.weight + rng.choice((1, 2, 3))
    elif rule == "score.weights_sum":
        facts.layout = _with_section_heads(facts.layout)
        row = rng.choice([r for r in rows if r.family == "产出"])
        was_full = row.score == row.weight
        row.weight += rng.choice((2, 3, 5))
        if was_full:
            row.score = row.weight
    elif rule == "score.table_incomplete":
        facts.rows = [r for r in rows if r.family != "满意度"]
        facts.section_weights = {k: v for k, v in facts.section_weights.items() if k != "满意度"}
    elif rule == "score.total":
        true_total = facts.total()
        facts.total_override = true_total - rng.choice((3, 4, 5)) if true_total > 95 else true_total + 3
    elif rule == "score.grade":
        facts.grade_override = wrong_grade(facts.total())
    elif rule == "indicator.score_inflated":
        row = rng.choice([r for r in rows if r.kind in ("rate", "count")])
        miss(rng, row)
        row.score = row.weight
        code = "FULL_SCORE_TARGET_UNMET"
    elif rule == "indicator.score_understated":
        row = rng.choice([r for r in rows if r.quantitative and r.met()])
        row.score = quantize(row.weight * Decimal("0.8"), 2)
        row.reason = reason_for_deduction(rng)
        code = "UNDER_SCORED_MET"
    elif rule == "indicator.target_too_low":
        candidates = [r for r in rows if r.kind == "count"] or [r for r in rows if r.kind == "rate"]
        row = rng.choice(candidates)
        if row.kind == "rate":
            row.target_value = Decimal(60)
            row.actual_value = Decimal(rng.choice((95, 98, 100)))
        else:
            row.actual_value = (row.target_value * Decimal(rng.uniform(1.6, 2.2))).quantize(Decimal(1))
        row.score = row.weight
    elif rule == "indicator.missing_actual":
        row = rng.choice(rows)
        row.actual_value, row.actual_word = None, None
        row.score = row.weight
    elif rule == "indicator.missing_deviation_reason":
        row = rng.choice([r for r in rows if r.kind in ("rate", "count", "cap")])
        if row.met():
            miss(rng, row)
        row.reason = rng.choice((None, "无", "/"))
    elif rule == "indicator.unmeasurable":
        row = rng.choice([r for r in rows if r.kind in ("rate", "count")])
        row.actual_value, row.actual_word = None, rng.choice(("完成", "达成预期指标", "已完成"))
        row.score = row.weight
        code = "QUALITATIVE_ACTUAL"
    elif rule == "indicator.misplaced":
        row = rng.choice([r for r in rows if r.family in ("产出", "效益")])
        row.level2 = vocab.MISPLACED_LEVEL2[row.family]
        _move_to_end_of_family(facts.rows, row)
    elif rule == "form.standard_weights":
        if facts.layout.exec_weight == 10:
            _reweigh(rng, facts, {"产出": 40, "效益": 40, "满意度": 10})
    elif rule == "form.unfilled":
        choice = rng.choice(("goal", "template", "score"))
        if choice == "goal" and facts.layout.goal_labels is not None:
            facts.goal_actual = None
            code = "GOAL_ACTUAL_BLANK"
        elif choice in ("goal", "template"):
            facts.goal_actual = "结合自评情况，说明年度总体目标完成情况（200字以内）"
            code = "TEMPLATE_TEXT"
        else:
            rng.choice(rows).score = None
            code = "SCORE_BLANK"
    else:
        raise ValueError(f"no way to plant {rule} on a self-evaluation form")
    facts.planted.append(Planted(rule, code))


def _with_section_heads(layout: FormLayout) -> FormLayout:
    return replace(layout, section_weights_in_heads=True)


def _move_to_end_of_family(rows: list[IndicatorRow], row: IndicatorRow) -> None:
    rows.remove(row)
    last = (
        max(i for i, r in enumerate(rows) if r.family == row.family)
        if any(r.family == row.family for r in rows)
        else len(rows) - 1
    )
    rows.insert(last + 1, row)


def _reweigh(rng: random.Random, facts: FormFacts, weights: dict[str, int]) -> None:
    facts.section_weights = weights
    for family, total in weights.items():
        family_rows = [r for r in facts.rows if r.family == family]
        if not family_rows:
            continue
        each, extra = divmod(total, len(family_rows))
        for index, row in enumerate(family_rows):
            was_full = row.score == row.weight
            row.weight = Decimal(each + (1 if index < extra else 0))
            if was_full or not row.quantitative:
                row.score = row.weight
            else:
                row.score = row.proportional_score()
    facts.layout = _with_section_heads(facts.layout)


# ---------------------------------------------------------------- layout and truth


def _score_text(facts: FormFacts, value: Decimal | None) -> str:
    if value is None:
        return ""
    return plain(value, 2) if facts.fixed_scores else plain(value)


def _money_cell(facts: FormFacts, value: Decimal | None, rng: random.Random) -> str:
    if value is None:
        return rng.choice(("", "", "—", "/"))
    return facts.money.with_unit(value) if facts.layout.unit_in_cells else facts.money.number(value)


def _level1_text(facts: FormFacts, family: str) -> str:
    word = vocab.FORM_LEVEL1[family][0]
    if facts.layout.section_weights_in_heads:
        weight = facts.section_weights[family]
        return f"{word}({weight}分)" if family != "满意度" else f"{word}（{weight}分）"
    return word


def layout_form(rng: random.Random, facts: FormFacts) -> list[Para | Grid]:
    layout = facts.layout
    columns = layout.indicator_columns
    n_cols = 1 + len(columns)
    blocks: list[Para | Grid] = []
    year = facts.project.year
    if layout.name == "sichuan":
        blocks.append(Para("报表编号：510000_0013zp", "plain"))
    if rng.random() < 0.5:
        blocks += [Para(layout.title, "title"), Para(f"（{year}年度）", "subtitle")]
    else:
        blocks.append(Para(f"{year}年度{layout.title}", "title"))
    grid = Grid(n_cols)
    rest = n_cols - 1
    grid.add("项目名称", Cell(facts.project.name, span=rest))
    left, right = rest // 2, rest - rest // 2
    dept_label, unit_label = ("项目主管单位", "项目实施单位") if layout.name == "hubei" else ("主管部门", "实施单位")
    grid.add(
        dept_label,
        Cell(facts.project.competent_department, span=left - 1),
        unit_label,
        Cell(facts.project.implementing_unit, span=right),
    )
    if layout.name == "zhongjiang":
        grid.add("项目负责人及电话", Cell(f"{facts.project.leader} {facts.project.phone}", span=rest))
    if layout.name == "hubei":
        grid.add(
            "项目负责人", Cell(facts.project.leader, span=left - 1), "联系电话", Cell(facts.project.phone, span=right)
        )
    if layout.name == "sichuan":
        grid.add(top("项目基本情况"), "项目年度目标", Cell(facts.goal_expected, span=rest - 1))
        grid.add(UNDER, "年度目标完成情况", Cell(facts.goal_actual or "", span=rest - 1))
    _funds_rows(rng, facts, grid)
    if layout.goal_labels is not None:
        label, expected, actual = layout.goal_labels
        grid.add(top(label), Cell(expected, span=left), Cell(actual, span=right))
        grid.add(UNDER, Cell(facts.goal_expected, span=left), Cell(facts.goal_actual or "", span=right))
    if rng.random() < 0.2:  # the indicator block as a second table, as when a form is pasted in two pieces
        blocks.append(grid)
        grid = Grid(n_cols)
    _indicator_rows(facts, grid)
    if layout.name == "sichuan":
        for label, text in (
            ("评价结论", facts.conclusion or ""),
            ("存在问题", "部分项目进度偏慢。"),
            ("改进措施", "加强项目管理，加快实施进度。"),
        ):
            grid.add(label, Cell(text, span=rest))
        grid.add("项目负责人", Cell(facts.project.leader, span=left - 1), "财务负责人", Cell(person(rng), span=right))
    blocks.append(grid)
    return blocks


def _funds_rows(rng: random.Random, facts: FormFacts, grid: Grid) -> None:
    layout = facts.layout
    columns = layout.funds_columns
    label_span = grid.n_cols - 1 - len(columns)
    unit = "" if layout.unit_in_cells else facts.money.unit
    block = layout.funds_block.format(unit=unit).replace("（）", "").replace("()", "")
    row_head = layout.row_head.format(unit=unit).replace("（）", "")
    grid.add(top(block), Cell(row_head, span=label_span), *[Cell(h) for _, h in columns])
    values = {
        "planned": _money_cell(facts, facts.planned, rng),
        "adjusted": _money_cell(facts, facts.adjusted, rng),
        "spent": _money_cell(facts, facts.spent, rng),
        "weight": plain(facts.weight),
        "rate": facts.rate_text,
        "score": _score_text(facts, facts.score),
        "reason": facts.reason or "",
        "method": "执行率×分值",
    }
    grid.add(UNDER, Cell(layout.total_row, span=label_span), *[Cell(values[role]) for role, _ in columns])
    dash = rng.choice(("—", "/", ""))
    for source in facts.sources:
        cells = []
        for role, _ in columns:
            if role in ("planned", "adjusted", "spent"):
                cells.append(Cell(_money_cell(facts, getattr(source, role), rng)))
            else:
                cells.append(Cell(dash if role in ("weight", "score", "rate") else ""))
        grid.add(UNDER, Cell(source.name, span=label_span), *cells)


def _indicator_rows(facts: FormFacts, grid: Grid) -> None:
    layout = facts.layout
    columns = [role for role, _ in layout.indicator_columns]
    grid.add(top(layout.indicator_block), *[Cell(h) for _, h in layout.indicator_columns])
    previous_family, previous_level2 = None, None
    for row in facts.rows:
        if facts.repeat_header and row.family == "效益" and previous_family != "效益":
            grid.add(UNDER, *[Cell(h) for _, h in layout.indicator_columns])
            previous_family = None
        cells: list[Cell] = []
        for role in columns:
            if role == "level1":
                cells.append(UNDER if row.family == previous_family else top(_level1_text(facts, row.family)))
            elif role == "level2":
                same = row.family == previous_family and row.level2 == previous_level2
                cells.append(UNDER if same else top(row.level2))
            elif role == "level3":
                cells.append(Cell(row.name))
            elif role == "target":
                cells.append(Cell(row.target_text()))
            elif role in ("comparator", "value", "unit"):
                comparator, value, unit = row.target_parts()
                cells.append(Cell({"comparator": comparator, "value": value, "unit": unit}[role]))
            elif role == "actual":
                cells.append(Cell(row.actual_text() or ""))
            elif role == "weight":
                cells.append(Cell(_score_text(facts, row.weight)))
            elif role in ("score", "review"):
                cells.append(Cell(_score_text(facts, row.score)))
            elif role == "reason":
                cells.append(Cell(row.reason or ""))
        grid.add(UNDER, *cells)
        previous_family, previous_level2 = row.family, row.level2
    weight_at = columns.index("weight") + 1
    total_cells = [Cell(layout.total_label, span=weight_at)]
    after_score = False
    for role in columns[weight_at - 1 :]:
        text = {"weight": "100", "score": _score_text(facts, facts.total())}.get(role, "")
        if after_score and layout.prints_grade:
            text, after_score = facts.grade(), False
        after_score = after_score or role == "score"
        total_cells.append(Cell(text))
    grid.add(*total_cells)


def _reason_json(text: str | None) -> str | None:
    return None if text is None or text.strip() in ("", "/", "—") else text


def truth_of(facts: FormFacts) -> dict:
    project = facts.project
    layout = facts.layout
    exec_weight = Decimal(layout.exec_weight)
    indicators = []
    for row in facts.rows:
        indicators.append({
            "level1": vocab.FORM_LEVEL1[row.family][0],
            "level1_weight": facts.section_weights[row.family] if layout.section_weights_in_heads else None,
            "level2": row.level2, "name": row.name, "target": row.target_text(), "actual": row.actual_text(),
            "weight": number_json(row.weight), "score": None if row.score is None else number_json(row.score),
            "tiers": None, "deviation_reason": _reason_json(row.reason),
        })  # fmt: skip
    rate_json = "100" if facts.rate_text in ("1", "100百分比") else facts.rate_text.rstrip("%")
    total = facts.total()
    return {
        "schema_version": "1",
        "kind": "self_evaluation_form",
        "project": {
            "name": project.name,
            "year": project.year,
            "implementing_unit": project.implementing_unit,
            "competent_department": project.competent_department,
            "leader": project.leader if layout.name in ("hubei", "sichuan", "zhongjiang") else None,
            "phone": project.phone if layout.name in ("hubei", "zhongjiang") else None,
            "address": None,
            "postcode": None,
            "project_type": None,
            "goal_expected": facts.goal_expected,
            "goal_actual": facts.goal_actual,
            "conclusion": facts.conclusion,
        },
        "budget": {
            "planned": money_json(facts.planned) if layout.prints("planned") else None,
            "adjusted": money_json(facts.adjusted),
            "received": None,
            "spent": money_json(facts.spent),
            "balance": None,
            "execution_rate": rate_json,
            "execution_weight": number_json(exec_weight),
            "execution_score": None if facts.score is None else number_json(facts.score),
            "reason": facts.reason,
            "sources": [
                {
                    "name": s.name.removeprefix("其中").lstrip(":："),
                    "planned": money_json(s.planned) if layout.prints("planned") else None,
                    "adjusted": money_json(s.adjusted),
                    "received": None,
                    "spent": money_json(s.spent),
                }
                for s in facts.sources
            ],
        },
        "spending_items": [],
        "scores": [],
        "indicators": indicators,
        "total_score": number_json(total),
        "grade": facts.grade() if layout.prints_grade else None,
    }


def _planting_order(rule: str) -> int:
    """Structure first (rows removed, weights changed), totals and grades last (they read the final marks)."""
    if rule in ("score.table_incomplete", "form.standard_weights"):
        return 0
    if rule == "form.unfilled":
        return 2  # after the indicator faults, so that a blanked score stays blank
    if rule in ("score.total", "score.grade"):
        return 3
    return 1


def build_form(rng: random.Random, faults: list[str]) -> Built:
    layout = layout_for(rng, faults)
    facts = draw_form(rng, layout)
    for rule in sorted(faults, key=_planting_order):
        plant(rng, facts, rule)
    if layout.exec_weight != 10 and not any(p.rule == "form.standard_weights" for p in facts.planted):
        facts.planted.append(Planted("form.standard_weights"))
    blocks = layout_form(rng, facts)
    return Built(blocks=blocks, truth=truth_of(facts), planted=facts.planted, layout=f"form/{facts.layout.name}")
