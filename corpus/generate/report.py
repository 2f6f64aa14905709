"""Evaluation reports (绩效评价报告): narrative with figures, a project-information table with funding
sources, a score table in one of several frameworks, a performance-target table with 优/良/中/差 tiers,
and a conclusion with total and grade.

The seed report's structure (targets, information and score tables first, then the
narrative) is one of the layouts; others put the tables after the text or between its
sections, split the funds into their own table, or print the unit in a note or a cell.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from corpus.generate import vocab
from corpus.generate.common import Built, Planted, ProjectFacts, draw_project, grade_of, wrong_grade
from corpus.generate.docx_writer import UNDER, Block, Cell, Grid, Para, top
from corpus.generate.printing import (
    MoneyStyle,
    chinese_count,
    chinese_number,
    coarsest,
    draw_amount,
    draw_money_style,
    full_width,
    money_json,
    number_json,
    plain,
    quantize,
    round_to,
    split_amount,
)

REPORT_RULES = (
    "budget.sources_sum", "budget.execution_rate", "budget.balance", "budget.over_execution",
    "budget.low_execution_unexplained", "budget.adjustment_unexplained", "budget.amount_mismatch",
    "spending.items_sum", "score.exceeds_weight", "score.weights_sum", "score.table_incomplete",
    "score.subtotal", "score.total", "score.grade", "target.tier_order",
    "narrative.percent_claim", "narrative.count_mismatch",
)  # fmt: skip

_SHARE_THINGS = (
    ("政务服务事项", "个", "纳入综合窗口受理"),
    ("受理申请", "件", "实现当场办结"),
    ("建档立卡户", "户", "实现稳定增收"),
    ("参训人员", "人", "通过结业考核"),
)
_TOWNS = ("城关镇", "新华镇", "青山乡", "河西镇", "东坝乡", "石桥镇")
_COUNTED_THINGS = (("便民服务站", "个"), ("村级管护站点", "个"), ("培训班", "期"), ("宣传活动", "场"))


@dataclass
class ScoreLeaf:
    level1: str
    level1_weight: Decimal
    level2: str
    level2_weight: Decimal
    level3: str
    weight: Decimal
    score: Decimal


@dataclass
class TargetRow:
    level1: str
    name: str
    target: str
    tiers: dict[str, str]


@dataclass
class ReportFacts:
    project: ProjectFacts
    table_money: MoneyStyle
    text_money: MoneyStyle
    unit_place: str  # label / note / cell
    planned: Decimal
    adjusted: Decimal | None
    received: Decimal
    spent: Decimal
    adjustments: list[tuple[str, Decimal]]
    sources: list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]
    source_spent_printed: bool
    items: list[tuple[str, Decimal]]
    leaves: list[ScoreLeaf]
    targets: list[TargetRow]
    share: tuple[str, str, str, int, int]
    counted: tuple[str, str, int]
    rate_decimals: int
    score_layout: str  # 7col / 5col / 5colw (weights in the level cells: 决策（20分）)
    repeat_header: bool
    transposed_funds: bool
    subtotals: bool
    total_row: bool
    info_layout: str  # seed / separate
    order: str  # tables_first / tables_last / mixed
    planned_text_label: str
    spent_text_label: str
    table_spent: Decimal | None = None  # printed in the table when it differs from the text (amount_mismatch)
    text_planned_slip: bool = False
    rate_override: Decimal | None = None
    balance_override: Decimal | None = None
    counted_parts: list[tuple[str, int]] | None = None
    change: tuple[int, int] | None = None  # a year-on-year claim: this year's count and its increase
    share_override: Decimal | None = None
    change_override: Decimal | None = None
    second_count: int | None = None
    subtotal_error: tuple[int, Decimal] | None = None
    total_override: Decimal | None = None
    grade_override: str | None = None
    missing_level1: str | None = None
    planted: list[Planted] = field(default_factory=list)

    @property
    def resolution(self) -> Decimal:
        return coarsest(self.table_money, self.text_money)

    @property
    def base(self) -> Decimal:
        return self.adjusted if self.adjusted is not None else self.received

    @property
    def balance(self) -> Decimal | None:
        if self.balance_override is not None:
            return self.balance_override
        balance = self.base - self.spent
        return balance if balance >= 0 else None

    @property
    def rate(self) -> Decimal:
        if self.rate_override is not None:
            return self.rate_override
        return quantize(Decimal(100) * self.spent / self.base, self.rate_decimals)

    def visible_leaves(self) -> list[ScoreLeaf]:
        return [leaf for leaf in self.leaves if leaf.level1 != self.missing_level1]

    def total(self) -> Decimal:
        if self.total_override is not None:
            return self.total_override
        return sum((leaf.score for leaf in self.leaves), Decimal(0))

    def grade(self) -> str:
        return self.grade_override or grade_of(self.total())


# ---------------------------------------------------------------- drawing consistent facts


def _draw_leaves(rng: random.Random) -> list[ScoreLeaf]:
    framework = vocab.FRAMEWORKS[rng.choice(list(vocab.FRAMEWORKS))]
    leaves = []
    for level1, w1, groups in framework:
        for level2, children in groups:
            w2 = sum(w for _, w in children)
            for level3, w in children:
                weight = Decimal(w)
                deduction = rng.choice((0, 0, 0, 0, Decimal("0.5"), 1, 1, 2)) if w > 2 else 0
                leaves.append(ScoreLeaf(level1, Decimal(w1), level2, Decimal(w2), level3, weight, weight - deduction))
    return leaves


def _draw_targets(rng: random.Random) -> list[TargetRow]:
    rows = []
    templates = [t for t in vocab.INDICATORS if t.kind in ("rate", "count")]
    chosen = sorted(rng.sample(templates, rng.randint(3, 6)), key=vocab.INDICATORS.index)
    if not any(t.level1 == "满意度" for t in chosen):
        chosen.append(next(t for t in templates if t.level1 == "满意度"))
    for template in chosen:
        level1 = vocab.FORM_LEVEL1[template.level1][0]
        if template.kind == "rate":
            t = rng.choice((90, 95, 98, 100))
            target = rng.choice((f"{t}%", f"≥{t}%", f"达到{t}%"))
            tiers = {"优": f"{t}%", "良": f"{t - 5}%", "中": f"{t - 10}%", "差": f"{t - 10}%以下"}
        else:
            n = rng.choice((20, 40, 60, 100, 365))
            unit = template.unit if template.unit not in ("万元", "年", "亩") else "个"
            target = rng.choice((f"{n}{unit}", f"不少于{n}{unit}"))
            good, fair = round(n * 0.95), round(n * 0.9)
            tiers = {"优": f"{n}{unit}", "良": f"{good}{unit}", "中": f"{fair}{unit}", "差": f"{fair}{unit}以下"}
        if rng.random() < 0.2:  # "below 中" written before the figure
            tiers["差"] = "低于" + tiers["差"].removesuffix("以下")
        rows.append(TargetRow(level1, template.name, target, tiers))
    return rows


def draw_report(rng: random.Random) -> ReportFacts:
    project = draw_project(rng)
    table_money = draw_money_style(rng)
    text_money = table_money if rng.random() < 0.6 else draw_money_style(rng)
    resolution = max(coarsest(table_money, text_money), Decimal(1))
    planned = draw_amount(rng, Decimal(300_000), Decimal(20_000_000), resolution)
    if rng.random() < 0.15:  # a round budget, the kind a text may write in Chinese numerals (五百六十万元)
        planned = round_to(planned, Decimal(10000))
    adjusted: Decimal | None = None
    adjustments: list[tuple[str, Decimal]] = []
    received = planned
    if rng.random() < 0.45:
        if rng.random() < 0.7:
            cut = draw_amount(rng, planned * Decimal("0.04"), planned * Decimal("0.2"), resolution)
            words = rng.sample(vocab.ADJUSTMENT_WORDS_DOWN, 2 if cut > resolution * 10 else 1)
            parts = split_amount(rng, cut, len(words), resolution) if len(words) > 1 else [cut]
            adjustments = list(zip(words, parts, strict=True))
            adjusted = planned - cut
        else:
            extra = draw_amount(rng, planned * Decimal("0.05"), planned * Decimal("0.25"), resolution)
            adjustments = [("追加", extra)]
            adjusted = planned + extra
            received = adjusted if rng.random() < 0.5 else planned
    base = adjusted if adjusted is not None else received
    spent = base if rng.random() < 0.2 else draw_amount(rng, base * Decimal("0.905"), base, resolution)
    names = rng.choice(vocab.REPORT_SOURCES)
    funded = rng.choice((1, 1, 2))
    planned_parts = split_amount(rng, planned, funded, resolution)
    received_parts = list(planned_parts)
    received_parts[0] += received - planned
    spent_parts = split_amount(rng, spent, funded, resolution) if funded > 1 else [spent]
    sources: list[tuple[str, Decimal | None, Decimal | None, Decimal | None]] = []
    funded_at = sorted(rng.sample(range(len(names)), funded))
    for index, name in enumerate(names):
        if index in funded_at:
            k = funded_at.index(index)
            sources.append((name, planned_parts[k], received_parts[k], spent_parts[k]))
        else:
            sources.append((name, None, None, None))
    item_names = rng.sample(vocab.SPENDING_ITEMS, rng.randint(3, 7))
    amounts = split_amount(rng, spent, len(item_names), resolution)
    whole, part = rng.choice((2074, 860, 1500, 320, 96)), 0
    part = round(whole * rng.uniform(0.55, 0.95))
    thing, unit, done = rng.choice(_SHARE_THINGS)
    counted_thing, counted_unit = rng.choice(_COUNTED_THINGS)
    counted = rng.randint(8, 60)
    counted_parts = None
    if rng.random() < 0.5:
        towns = rng.sample(_TOWNS, 3)
        cuts = sorted(rng.sample(range(1, counted), 2))
        counted_parts = list(zip(towns, [cuts[0], cuts[1] - cuts[0], counted - cuts[1]], strict=True))
    change = None
    if rng.random() < 0.5:
        current = rng.randint(300, 5000)
        change = (current, rng.randint(current // 20, current // 4))
    return ReportFacts(
        project=project, table_money=table_money, text_money=text_money,
        unit_place=rng.choice(("label", "label", "note", "cell")),
        planned=planned, adjusted=adjusted, received=received, spent=spent, adjustments=adjustments,
        sources=sources, source_spent_printed=rng.random() < 0.4,
        items=list(zip(item_names, amounts, strict=True)), leaves=_draw_leaves(rng), targets=_draw_targets(rng),
        share=(thing, unit, done, whole, part), counted=(counted_thing, counted_unit, counted),
        counted_parts=counted_parts, change=change,
        rate_decimals=rng.choice((2, 2, 2, 1)), score_layout=rng.choice(("7col", "7col", "5col", "5colw")),
        repeat_header=rng.random() < 0.2,
        transposed_funds=rng.random() < 0.15,
        subtotals=rng.random() < 0.3, total_row=rng.random() < 0.4,
        info_layout=rng.choice(("seed", "separate")), order=rng.choice(("tables_first", "tables_last", "mixed")),
        planned_text_label=rng.choice(vocab.PLANNED_TEXT_LABELS), spent_text_label=rng.choice(vocab.SPENT_TEXT_LABELS),
    )  # fmt: skip


# ---------------------------------------------------------------- faults


def _rate_of(spent: Decimal, base: Decimal) -> Decimal:
    return Decimal(100) * spent / base


def _far_from(value: Decimal, others: list[Decimal], gap: Decimal) -> bool:
    return all(abs(value - other) > gap for other in others)


def _respend(rng: random.Random, facts: ReportFacts, spent: Decimal) -> None:
    """A new spent amount, with items and per-source spending that add up to it."""
    resolution = max(facts.resolution, Decimal(1))
    facts.spent = spent
    amounts = split_amount(rng, spent, len(facts.items), resolution)
    facts.items = [(name, amount) for (name, _), amount in zip(facts.items, amounts, strict=True)]
    funded = [i for i, s in enumerate(facts.sources) if s[1] is not None]
    parts = split_amount(rng, spent, len(funded), resolution) if len(funded) > 1 else [spent]
    for k, i in enumerate(funded):
        name, planned, received, _ = facts.sources[i]
        facts.sources[i] = (name, planned, received, parts[k])


def plant(rng: random.Random, facts: ReportFacts, rule: str) -> None:
    resolution = max(facts.resolution, Decimal(1))
    code: str | None = None
    if rule == "budget.sources_sum":
        index = next(i for i, s in enumerate(facts.sources) if s[1] is not None)
        name, planned, received, spent = facts.sources[index]
        assert planned is not None
        facts.sources[index] = (name, planned + max(resolution, round_to(planned / 8, resolution)), received, spent)
    elif rule == "budget.execution_rate":
        bases = [b for b in (facts.adjusted, facts.received, facts.planned) if b]
        rates = [_rate_of(facts.spent, b) for b in bases]
        for shift in (Decimal("4.3"), Decimal("-4.7"), Decimal("7.9"), Decimal("-8.2")):
            shown = quantize(rates[0] + shift, 2)
            if _far_from(shown, rates, Decimal(2)) and shown >= 90:
                break
        facts.rate_override = shown
    elif rule == "budget.balance":
        bases = [b for b in (facts.adjusted, facts.received, facts.planned) if b is not None]
        true = facts.base - facts.spent
        for factor in ("0.03", "0.05", "0.08", "0.11"):
            shown = true + round_to(facts.base * Decimal(factor), resolution)
            if _far_from(shown, [b - facts.spent for b in bases], resolution * 3):
                break
        facts.balance_override = shown
    elif rule == "budget.over_execution":
        ceiling = max(b for b in (facts.planned, facts.adjusted, facts.received) if b is not None)
        _respend(rng, facts, draw_amount(rng, ceiling * Decimal("1.05"), ceiling * Decimal("1.12"), resolution))
    elif rule == "budget.low_execution_unexplained":
        _respend(rng, facts, draw_amount(rng, facts.base * Decimal("0.6"), facts.base * Decimal("0.85"), resolution))
        code = "NO_REASON"
    elif rule == "budget.adjustment_unexplained":
        cut = draw_amount(rng, facts.planned * Decimal("0.15"), facts.planned * Decimal("0.3"), resolution)
        facts.adjusted, facts.adjustments = facts.planned - cut, []
        facts.received = facts.planned
        _respend(rng, facts, draw_amount(rng, facts.adjusted * Decimal("0.92"), facts.adjusted, resolution))
    elif rule == "budget.amount_mismatch":
        if rng.random() < 0.5:
            facts.table_spent = (
                facts.adjusted
                if facts.adjusted not in (None, facts.spent)
                else facts.spent + round_to(facts.spent / 10, resolution)
            )
        else:
            facts.text_planned_slip = True
            facts.order = rng.choice(("tables_first", "mixed"))
            code = "UNIT_SLIP"
    elif rule == "spending.items_sum":
        index = rng.randrange(len(facts.items))
        name, amount = facts.items[index]
        facts.items[index] = (name, amount + max(resolution * 3, round_to(facts.spent / 20, resolution)))
    elif rule == "score.exceeds_weight":
        leaf = rng.choice(
            [x for x in facts.leaves if x.level1 != facts.leaves[-1].level1 and x.level3 not in _RATE_LEAVES]
        )
        leaf.score = leaf.weight + rng.choice((1, 2))
    elif rule == "score.weights_sum":
        facts.score_layout = "7col"
        leaf = rng.choice([x for x in facts.leaves if x.level3 not in _RATE_LEAVES])
        leaf.weight += rng.choice((1, 2, 3))
    elif rule == "score.table_incomplete":
        facts.missing_level1 = facts.leaves[-1].level1
        facts.total_row = False
        facts.subtotals = False
    elif rule == "score.subtotal":
        facts.subtotals = True
        groups = list(dict.fromkeys(leaf.level1 for leaf in facts.leaves))
        facts.subtotal_error = (rng.randrange(len(groups)), Decimal(rng.choice((2, 3, -2))))
    elif rule == "score.total":
        facts.total_row = False  # a wrong 合计 row would also be a wrong subtotal; the text's total is enough
        true = facts.total()
        facts.total_override = true + 4 if true <= 95 else true - 5
    elif rule == "score.grade":
        facts.grade_override = wrong_grade(facts.total())
    elif rule == "target.tier_order":
        row = rng.choice(facts.targets)
        if rng.random() < 0.5:
            row.tiers["良"], row.tiers["中"] = row.tiers["中"], row.tiers["良"]
            code = "NOT_MONOTONIC"
        else:
            fair = row.tiers["中"]
            number = "".join(ch for ch in fair if ch.isdigit())
            unit = fair[len(number) :]
            row.tiers["差"] = f"{round(int(number) * 0.9)}{unit}以下"
            code = "GAP"
    elif rule == "narrative.percent_claim":
        if facts.change is not None and rng.random() < 0.5:
            current, increase = facts.change
            true = Decimal(100) * increase / (current - increase)
            facts.change_override = quantize(true + rng.choice((Decimal(3), Decimal(-4), Decimal(6))), 1)
        else:
            whole, part = facts.share[3], facts.share[4]
            true = Decimal(100) * part / whole
            facts.share_override = quantize(true + rng.choice((Decimal(4), Decimal(-5), Decimal(7))), 0)
    elif rule == "narrative.count_mismatch":
        if facts.counted_parts is not None and rng.random() < 0.5:
            town, number = facts.counted_parts[-1]
            facts.counted_parts[-1] = (town, number + rng.choice((1, 2, 4)))
            code = "PARTS_DIFFER"
        else:
            facts.second_count = facts.counted[2] + rng.choice((2, 3, 5, -2))
            code = "COUNT_DIFFERS"
    else:
        raise ValueError(f"no way to plant {rule} in an evaluation report")
    facts.planted.append(Planted(rule, None if code in ("NOT_MONOTONIC", "GAP") else code))


# ---------------------------------------------------------------- layout


def _money_cell(facts: ReportFacts, value: Decimal | None) -> str:
    if value is None:
        return ""
    style = facts.table_money
    return style.with_unit(value) if facts.unit_place == "cell" else style.number(value)


def _unit_label(facts: ReportFacts, label: str) -> str:
    return f"{label}\n（{facts.table_money.unit}）" if facts.unit_place == "label" else label


def _project_type_text(project: ProjectFacts, rng: random.Random) -> str:
    recurring = project.project_type == "recurring"
    if rng.random() < 0.3:  # boxes before the words: ☑经常性项目 □一次性项目
        first = f"{'☑' if recurring else '□'}经常性项目"
        second = f"{'□' if recurring else '☑'}一次性项目"
        return f"{first}  {second}"
    tick, box = "√", " "
    first = f"经常性项目（ {tick if recurring else box} ）"
    second = f"一次性项目（ {box if recurring else tick} ）"
    return f"{first}       {second}" if rng.random() < 0.7 else f"{second}       {first}"


def _info_tables(rng: random.Random, facts: ReportFacts) -> list[Block]:
    project = facts.project
    blocks: list[Block] = [Para("项目基本信息", "plain")]
    grid = Grid(6)
    grid.add(Cell("一、项目基本情况", span=6))
    grid.add("项目名称", Cell(project.name, span=5))
    pairs = [
        [(rng.choice(vocab.UNIT_LABELS), project.implementing_unit),
         (rng.choice(vocab.DEPARTMENT_LABELS), project.competent_department)],
        [("项目负责人", project.leader), (rng.choice(("联系电话", "联络电话")), project.phone)],
        [(rng.choice(("地址", "单位地址")), project.address), (rng.choice(("邮编", "邮政编码")), project.postcode)],
    ]  # fmt: skip
    if rng.random() < 0.4:  # the same labels in other places: pairs swapped, rows reordered
        rng.shuffle(pairs)
        pairs = [pair[::-1] if rng.random() < 0.5 else pair for pair in pairs]
    for (label_a, value_a), (label_b, value_b) in pairs:
        grid.add(label_a, Cell(value_a, span=2), label_b, Cell(value_b, span=2))
    grid.add("项目类型", Cell(_project_type_text(project, rng), span=5))
    planned_label = rng.choice(vocab.PLANNED_TABLE_LABELS)
    received_label = rng.choice(vocab.RECEIVED_TABLE_LABELS)
    spent_label = rng.choice(vocab.SPENT_TABLE_LABELS)
    table_spent = facts.table_spent if facts.table_spent is not None else facts.spent
    if facts.info_layout == "seed":
        if facts.unit_place == "note":
            facts.unit_place = "label"
        grid.add(
            _unit_label(facts, planned_label),
            _money_cell(facts, facts.planned),
            _unit_label(facts, received_label),
            _money_cell(facts, facts.received),
            _unit_label(facts, spent_label),
            _money_cell(facts, table_spent),
        )
        for index, (name, planned, received, spent) in enumerate(facts.sources):
            label = f"其中：{name}" if index == 0 else name
            if facts.source_spent_printed:
                grid.add(
                    label,
                    _money_cell(facts, planned),
                    label,
                    _money_cell(facts, received),
                    label,
                    _money_cell(facts, spent),
                )
            else:
                grid.add(label, _money_cell(facts, planned), label, _money_cell(facts, received), "", "")
        blocks.append(grid)
        return blocks
    blocks.append(grid)
    if facts.unit_place == "note":
        blocks.append(Para(f"项目资金情况表（单位：{facts.table_money.unit}）", "plain"))
    else:
        blocks.append(Para("项目资金情况表", "plain"))
    total_label = rng.choice(("合计", "总计"))
    if facts.transposed_funds:
        blocks.append(_transposed_funds(facts, total_label, (planned_label, received_label, spent_label), table_spent))
        return blocks
    funds = Grid(4)
    funds.add(
        "资金来源",
        _unit_label(facts, planned_label),
        _unit_label(facts, received_label),
        _unit_label(facts, spent_label),
    )
    funds.add(
        total_label,
        _money_cell(facts, facts.planned),
        _money_cell(facts, facts.received),
        _money_cell(facts, table_spent),
    )
    for index, (name, planned, received, spent) in enumerate(facts.sources):
        label = f"其中：{name}" if index == 0 else name
        shown_spent = spent if facts.source_spent_printed else None
        funds.add(label, _money_cell(facts, planned), _money_cell(facts, received), _money_cell(facts, shown_spent))
    blocks.append(funds)
    return blocks


def _transposed_funds(facts: ReportFacts, total_label: str, labels: tuple[str, str, str], table_spent: Decimal) -> Grid:
    """Quantities as rows and sources as columns: the same figures, read across instead of down."""
    sources = facts.sources
    grid = Grid(2 + len(sources))
    grid.add("项目", total_label, *[f"其中：{s[0]}" if i == 0 else s[0] for i, s in enumerate(sources)])
    totals = (facts.planned, facts.received, table_spent)
    for column, (label, total) in enumerate(zip(labels, totals, strict=True), start=1):
        values = [s[column] if column < 3 or facts.source_spent_printed else None for s in sources]
        grid.add(_unit_label(facts, label), _money_cell(facts, total), *[_money_cell(facts, v) for v in values])
    return grid


def _subtotal_rows(facts: ReportFacts) -> dict[str, Decimal]:
    """Printed 小计 score of each level-1 group (one of them wrong when score.subtotal is planted)."""
    groups = list(dict.fromkeys(leaf.level1 for leaf in facts.visible_leaves()))
    printed = {g: sum((leaf.score for leaf in facts.leaves if leaf.level1 == g), Decimal(0)) for g in groups}
    if facts.subtotal_error is not None:
        index, delta = facts.subtotal_error
        printed[groups[index % len(groups)]] += delta
    return printed


def _with_weight(name: str, weight: Decimal, style: int) -> str:
    return f"{name}（{plain(weight)}分）" if style else f"{name}({plain(weight)}分)"


def _score_table(rng: random.Random, facts: ReportFacts) -> list[Block]:
    seven = facts.score_layout == "7col"
    weighted = facts.score_layout == "5colw"
    grid = Grid(7 if seven else 5)
    header = (
        ("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分")
        if seven
        else ("一级指标", "二级指标", "三级指标", "分值", "得分")
    )
    grid.add(*header)
    leaves = facts.visible_leaves()
    subtotals = _subtotal_rows(facts)
    label_span = 5 if seven else 3
    style = rng.randrange(2)
    groups = list(dict.fromkeys(leaf.level1 for leaf in leaves))
    repeat_before = groups[len(groups) // 2] if facts.repeat_header and len(groups) > 2 else None
    for index, leaf in enumerate(leaves):
        new1 = index == 0 or leaves[index - 1].level1 != leaf.level1
        new2 = new1 or leaves[index - 1].level2 != leaf.level2
        if new1 and leaf.level1 == repeat_before:
            grid.add(*header)  # a table pasted in two pieces keeps the second piece's header row
        level1 = _with_weight(leaf.level1, leaf.level1_weight, style) if weighted else leaf.level1
        level2 = _with_weight(leaf.level2, leaf.level2_weight, style) if weighted else leaf.level2
        cells: list[Cell] = []
        cells.append(top(level1) if new1 else UNDER)
        if seven:
            cells.append(top(plain(leaf.level1_weight)) if new1 else UNDER)
        cells.append(top(level2) if new2 else UNDER)
        if seven:
            cells.append(top(plain(leaf.level2_weight)) if new2 else UNDER)
        cells += [Cell(leaf.level3), Cell(plain(leaf.weight)), Cell(plain(leaf.score))]
        grid.add(*cells)
        last_of_group = index + 1 == len(leaves) or leaves[index + 1].level1 != leaf.level1
        if facts.subtotals and last_of_group:
            group_weight = sum((x.weight for x in leaves if x.level1 == leaf.level1), Decimal(0))
            grid.add(Cell("小计", span=label_span), plain(group_weight), plain(subtotals[leaf.level1]))
    if facts.total_row:
        grid.add(Cell(("合计", "总分")[len(leaves) % 2], span=label_span), "100", plain(facts.total()))
    return [Para("绩效评价指标评分表", "plain"), grid]


def _target_table(facts: ReportFacts) -> list[Block]:
    grid = Grid(7)
    grid.add(top("指标类型"), top("指标名称"), top("绩效目标"), Cell("绩效标准", span=4))
    grid.add(UNDER, UNDER, UNDER, "优", "良", "中", "差")
    for index, row in enumerate(facts.targets):
        new = index == 0 or facts.targets[index - 1].level1 != row.level1
        grid.add(top(row.level1) if new else UNDER, row.name, row.target, *[row.tiers[t] for t in "优良中差"])
    return [
        Para("项目绩效目标表", "title"),
        Para(f"项目名称：{facts.project.name}", "plain"),
        grid,
        Para("注：以预算批复的绩效目标为准填列。", "plain"),
    ]


def _m(facts: ReportFacts, value: Decimal) -> str:
    return facts.text_money.with_unit(value)


def _budget_paragraphs(rng: random.Random, facts: ReportFacts) -> list[Para]:
    project, year = facts.project, facts.project.year
    planned_text = _m(facts, facts.planned)
    if facts.planned % 10000 == 0 and facts.planned < 10**8 and rng.random() < 0.5:
        planned_text = chinese_number(int(facts.planned / 10000)) + "万元"
    if facts.text_planned_slip:  # the yuan figure printed with 万元: ten thousand times too large
        planned_text = (
            MoneyStyle("元", 0 if facts.planned == facts.planned.to_integral_value() else 2).number(facts.planned)
            + "万元"
        )
    first = f"{project.name}{facts.planned_text_label}为{planned_text}"
    if facts.adjusted is not None:
        moves = "，".join(
            f"年中{word}{_m(facts, amount)}" if i == 0 else f"{word}{_m(facts, amount)}"
            for i, (word, amount) in enumerate(facts.adjustments)
        )
        moves = f"，{moves}" if moves else ""
        first += f"{moves}，{year}年度该项目实际投资为{_m(facts, facts.adjusted)}。"
    else:
        first += "。"
    if facts.received == facts.planned and rng.random() < 0.5:
        second = "该项目是年初下达项目资金预算时同时下达的，资金全部到位。"
    else:
        second = f"截至{year}年12月31日，该项目实际到位资金{_m(facts, facts.received)}。"
    items = "、".join(f"{name}{_m(facts, amount)}" for name, amount in facts.items)
    third = (
        f"截止到{year}年12月31日，{project.name}资金{facts.spent_text_label}{_m(facts, facts.spent)}，"
        f"{rng.choice(('具体情况为', '具体用于', '分别为'))}：{items}。"
    )
    return [
        Para("二、项目资金使用及管理情况", "heading"),
        Para("（一）项目资金到位情况分析。"),
        Para(first),
        Para(second),
        Para("（二）项目资金使用情况分析。"),
        Para(third),
        Para("（三）项目资金管理情况分析。"),
        Para("项目资金实行专款专用，资金拨付严格履行审批程序，会计核算真实、准确。"),
    ]


def _rate_paragraph(rng: random.Random, facts: ReportFacts) -> Para:
    year = facts.project.year
    rate = plain(facts.rate, 2 if facts.rate_override is not None else facts.rate_decimals)
    if facts.text_money.full_width:  # a text typed with full-width figures types its rates the same way
        rate = full_width(rate)
    balance = facts.balance
    middle = f"结余{_m(facts, balance)}未支出，" if balance is not None and balance > 0 else ""
    return Para(
        f"该项目截止到{year}年12月31日，{facts.project.name}共支付{_m(facts, facts.spent)}，{middle}"
        + rng.choice(("预算执行率为{rate}%。", "资金执行率{rate}%。", "预算执行率达到{rate}%。"))
        .format(rate=rate)
        .replace("%", "％" if facts.text_money.full_width else "%")
    )


def _performance_paragraphs(rng: random.Random, facts: ReportFacts) -> list[Para]:
    thing, unit, done, whole, part = facts.share
    share = facts.share_override if facts.share_override is not None else quantize(Decimal(100) * part / whole, 0)
    counted_thing, counted_unit, count = facts.counted
    count_text = chinese_count(count) if rng.random() < 0.15 else str(count)
    second = facts.second_count if facts.second_count is not None else count
    built = f"项目实施以来，全县共建成{count_text}{counted_unit}{counted_thing}"
    if facts.counted_parts is not None:
        towns = "、".join(f"{town}{number}{counted_unit}" for town, number in facts.counted_parts)
        built += f"，其中{towns}。"
    else:
        built += "，覆盖全部乡镇。"
    paragraphs = [
        Para("四、项目绩效情况", "heading"),
        Para("（一）项目绩效目标完成情况分析。"),
        Para(f"全年共受理{whole}{unit}{thing}，其中{part}{unit}{done}，占比{plain(share)}%。"),
        Para(built),
        Para(f"截至年底，全县共建成{second}{counted_unit}{counted_thing}，运行情况良好。"),
    ]
    if facts.change is not None:
        current, increase = facts.change
        true = quantize(Decimal(100) * increase / (current - increase), 1)
        stated = facts.change_override if facts.change_override is not None else true
        paragraphs.append(Para(f"全年共接听群众来电{current}次，比上年增加{increase}次，增长{plain(stated, 1)}%。"))
    paragraphs.append(_rate_paragraph(rng, facts))
    return paragraphs


def _conclusion(rng: random.Random, facts: ReportFacts) -> str:
    total = plain(facts.total())
    total_phrase = rng.choice(vocab.TOTAL_PHRASES).format(total=total)
    grade_phrase = rng.choice(vocab.GRADE_PHRASES).format(grade=facts.grade())
    return f"该项目整体发挥了较好的社会效益，经评价小组综合分析，{total_phrase}，{grade_phrase}。"


def layout_report(rng: random.Random, facts: ReportFacts) -> tuple[list[Block], str]:
    project = facts.project
    name = project.name.removesuffix("项目")
    template = rng.choice(vocab.REPORT_TITLES)
    if "{year}" in template:
        name = name.removeprefix(f"{project.year}年")
    title = template.format(name=name, year=project.year)
    head = [Para(title, "title")]
    if "年度" not in title:
        head.append(Para(f"（{project.year}年度）", "subtitle"))
    intro = [
        Para("一、项目概况", "heading"),
        Para("（一）项目单位基本情况。"),
        Para(f"{project.implementing_unit}是本项目的实施单位，负责项目的组织实施和资金管理。"),
        Para("（二）项目基本性质、用途和主要内容。"),
        Para(
            f"{project.name}主要用于保障相关业务正常开展，属于"
            f"{'经常性' if project.project_type == 'recurring' else '一次性'}项目。"
        ),
    ]
    middle = [Para("三、项目组织实施情况", "heading"), Para("项目由单位统一组织实施，各环节按规定执行。")]
    conclusion = _conclusion(rng, facts)
    tail = [
        Para(rng.choice(("五、综合评价情况及评价结论", "五、评价结论")), "heading"),
        Para(conclusion),
        Para("六、存在的问题和建议", "heading"),
        Para("部分绩效指标设置不够细化，下一年度将结合项目实际及时调整绩效目标。"),
    ]
    budget = _budget_paragraphs(rng, facts)
    performance = _performance_paragraphs(rng, facts)
    if facts.order == "tables_first":
        tables = _target_table(facts) + _info_tables(rng, facts) + _score_table(rng, facts)
        blocks = tables + head + intro + budget + middle + performance + tail
    elif facts.order == "tables_last":
        tables = _target_table(facts) + _info_tables(rng, facts) + _score_table(rng, facts)
        blocks = head + intro + budget + middle + performance + tail + [Para("附件：", "plain"), *tables]
    else:
        blocks = head + _info_tables(rng, facts) + intro + budget + middle + performance + _target_table(facts)
        blocks += _score_table(rng, facts) + tail
    return blocks, conclusion


def truth_of(facts: ReportFacts, conclusion: str) -> dict:
    project = facts.project
    weights = facts.score_layout in ("7col", "5colw")
    scores = [
        {"level1": leaf.level1, "level1_weight": number_json(leaf.level1_weight) if weights else None,
         "level2": leaf.level2, "level2_weight": number_json(leaf.level2_weight) if weights else None,
         "level3": leaf.level3, "weight": number_json(leaf.weight), "score": number_json(leaf.score)}
        for leaf in facts.visible_leaves()
    ]  # fmt: skip
    indicators = [
        {"level1": row.level1, "level1_weight": None, "level2": None, "name": row.name, "target": row.target,
         "actual": None, "weight": None, "score": None, "tiers": dict(row.tiers), "deviation_reason": None}
        for row in facts.targets
    ]  # fmt: skip
    sources = [
        {"name": name, "planned": money_json(planned), "adjusted": None, "received": money_json(received),
         "spent": money_json(spent) if facts.source_spent_printed else None}
        for name, planned, received, spent in facts.sources
    ]  # fmt: skip
    rate_decimals = 2 if facts.rate_override is not None else facts.rate_decimals
    balance = facts.balance
    return {
        "schema_version": "1",
        "kind": "evaluation_report",
        "project": {
            "name": project.name,
            "year": project.year,
            "implementing_unit": project.implementing_unit,
            "competent_department": project.competent_department,
            "leader": project.leader,
            "phone": project.phone,
            "address": project.address,
            "postcode": project.postcode,
            "project_type": project.project_type,
            "goal_expected": None,
            "goal_actual": None,
            "conclusion": conclusion,
        },
        "budget": {
            "planned": money_json(facts.planned),
            "adjusted": money_json(facts.adjusted),
            "received": money_json(facts.received),
            "spent": money_json(facts.spent),
            "balance": money_json(balance) if balance is not None and balance > 0 else None,
            "execution_rate": plain(facts.rate, rate_decimals),
            "execution_weight": None,
            "execution_score": None,
            "reason": None,
            "sources": sources,
        },
        "spending_items": [{"name": name, "amount": money_json(amount)} for name, amount in facts.items],
        "scores": scores,
        "indicators": indicators,
        "total_score": number_json(facts.total()),
        "grade": facts.grade(),
    }


def _planting_order(rule: str) -> int:
    if rule in ("score.total", "score.grade"):
        return 2
    return 1


_RATE_LEAVES = {"预算执行率": "spent", "资金到位率": "received", "到位率": "received"}


def _score_rate_leaves(facts: ReportFacts) -> None:
    """A 预算执行率 / 到位率 row earns weight × the rate, never full marks below 100%."""
    for leaf in facts.leaves:
        kind = _RATE_LEAVES.get(leaf.level3)
        if kind is None:
            continue
        rate = facts.rate if kind == "spent" else Decimal(100) * facts.received / facts.planned
        earned = (leaf.weight * min(rate, Decimal(100)) / 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        leaf.score = earned if rate < 100 else leaf.weight


def build_report(rng: random.Random, faults: list[str]) -> Built:
    facts = draw_report(rng)
    ordered = sorted(faults, key=_planting_order)
    for rule in [r for r in ordered if _planting_order(r) < 2]:
        plant(rng, facts, rule)
    _score_rate_leaves(facts)
    for rule in [r for r in ordered if _planting_order(r) == 2]:
        plant(rng, facts, rule)
    blocks, conclusion = layout_report(rng, facts)
    info = facts.info_layout + ("-transposed" if facts.info_layout == "separate" and facts.transposed_funds else "")
    layout = f"report/{info}/{facts.score_layout}/{facts.order}"
    header = facts.project.implementing_unit if rng.random() < 0.35 else None  # a running header, as the seed has
    return Built(
        blocks=blocks, truth=truth_of(facts, conclusion), planted=facts.planted, layout=layout, header_text=header
    )
