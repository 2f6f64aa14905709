"""Indicator rows of self-evaluation forms: targets, results, weights and marks that agree with each other,
and the ways a row can be made wrong (the indicator.* faults).

Marks follow 财预〔2020〕10号: a met target earns the full weight; a missed one earns
weight × actual ÷ target (weight × target ÷ actual for ≤ targets), with a reason given.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from corpus.generate import vocab
from corpus.generate.printing import quantize

_REASONS_MISSED = (
    "受雨季影响部分工程延期，下一年度加强进度管理",
    "部分设备到货延迟，已督促供应商尽快完成",
    "实施主体调整导致进度滞后，将优化实施方案",
    "受疫情影响部分任务未完成，下年度优先安排",
)
_REASONS_DEDUCTED = ("资料归档不完整，酌情扣分", "部分佐证材料缺失，扣减相应分值")


@dataclass
class IndicatorRow:
    family: str  # 产出 / 效益 / 满意度
    level2: str
    name: str
    kind: str
    unit: str
    comparator: str  # as printed: ≥ ≧ ≤ = ═ 不少于 … or "" for qualitative / date rows
    target_value: Decimal | None
    target_word: str | None  # qualitative and date targets
    actual_value: Decimal | None
    actual_word: str | None
    weight: Decimal
    score: Decimal | None
    reason: str | None
    bare_actual: bool = False
    """Print the result without its unit (the unit column states it)."""

    @property
    def quantitative(self) -> bool:
        return self.kind in ("rate", "count", "cap", "equal")

    def target_parts(self) -> tuple[str, str, str]:
        """Comparator, value and unit cells, as a Yunnan/Sichuan form prints them."""
        if self.target_value is None:
            return "", self.target_word or "", ""
        return self.comparator, _num(self.target_value), self.unit

    def target_text(self) -> str:
        return "".join(self.target_parts())

    def actual_text(self) -> str | None:
        if self.actual_word is not None:
            return self.actual_word
        if self.actual_value is None:
            return None
        return _num(self.actual_value) + ("" if self.bare_actual else self.unit)

    def met(self) -> bool:
        if not self.quantitative or self.actual_value is None or self.target_value is None:
            return True
        if self.kind == "cap":
            return self.actual_value <= self.target_value
        return self.actual_value >= self.target_value

    def proportional_score(self) -> Decimal:
        assert self.actual_value is not None and self.target_value is not None
        ratio = self.target_value / self.actual_value if self.kind == "cap" else self.actual_value / self.target_value
        return quantize(self.weight * min(ratio, Decimal(1)), 2)


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def _comparator(rng: random.Random, kind: str) -> str:
    if kind == "rate":
        return rng.choice(("≥", "≥", "≧", ">=", ""))
    if kind == "count":
        return rng.choice(("≥", "≥", "不少于", ""))
    if kind == "cap":
        return rng.choice(("≤", "≤", "不超过"))
    return rng.choice(("=", "=", "═"))


def draw_row(rng: random.Random, template: vocab.IndicatorTemplate, weight: Decimal, year: int) -> IndicatorRow:
    """A met target with full marks."""
    kind = template.kind
    row = IndicatorRow(
        family=template.level1, level2=template.level2, name=template.name, kind=kind, unit=template.unit,
        comparator=_comparator(rng, kind) if kind in ("rate", "count", "cap", "equal") else "",
        target_value=None, target_word=None, actual_value=None, actual_word=None,
        weight=weight, score=weight, reason=None,
    )  # fmt: skip
    if kind == "rate":
        target = Decimal(rng.choice((85, 90, 95, 95, 98, 100)))
        row.target_value = target
        row.actual_value = target if target == 100 else quantize(Decimal(rng.uniform(float(target), 100)), 1)
        if row.actual_value == row.actual_value.to_integral_value():
            row.actual_value = row.actual_value.quantize(Decimal(1))
    elif kind == "count":
        target = Decimal(rng.choice((3, 5, 6, 12, 20, 36, 50, 120, 300, 1000)))
        row.target_value = target
        row.actual_value = (target * Decimal(rng.uniform(1.0, 1.3))).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    elif kind == "cap":
        target = Decimal(rng.choice((50, 80, 120, 200, 500)))
        row.target_value = target
        row.actual_value = quantize(target * Decimal(rng.uniform(0.85, 1.0)), 1)
    elif kind == "equal":
        target = Decimal(rng.choice((100, 250, 1200)))
        row.target_value = target
        row.actual_value = target
    elif kind == "time":
        row.target_word = f"{year}年12月底前完成"
        row.actual_word = f"{year}年{rng.randint(9, 12)}月完成"
    else:
        row.target_word, row.actual_word = vocab.QUALITATIVE_TARGETS[template.name]
    return row


def miss(rng: random.Random, row: IndicatorRow) -> None:
    """Make a quantitative row miss its target, with proportional marks and a reason (still consistent)."""
    assert row.target_value is not None
    if row.kind == "rate":
        row.actual_value = quantize(row.target_value - Decimal(rng.uniform(3, 10)), 1)
    elif row.kind == "cap":
        row.actual_value = quantize(row.target_value * Decimal(rng.uniform(1.05, 1.2)), 1)
    else:
        row.actual_value = (row.target_value * Decimal(rng.uniform(0.7, 0.95))).quantize(Decimal(1))
        if row.actual_value >= row.target_value:
            row.actual_value = row.target_value - 1
    if row.kind == "equal":
        row.comparator = "≥"  # an equality target cannot be "missed" upward; keep the arithmetic plain
    row.score = row.proportional_score()
    row.reason = rng.choice(_REASONS_MISSED)


def draw_rows(
    rng: random.Random, section_weights: dict[str, int], year: int, *, quantitative_only: bool
) -> list[IndicatorRow]:
    rows: list[IndicatorRow] = []
    for family, total in section_weights.items():
        if total <= 0:
            continue
        pool = [
            t
            for t in vocab.INDICATORS
            if t.level1 == family and (t.kind in ("rate", "count", "cap", "equal") or not quantitative_only)
        ]
        count = {"产出": rng.randint(3, 5), "效益": rng.randint(1, 3), "满意度": 1}[family]
        count = min(count, len(pool), total)
        chosen: list[vocab.IndicatorTemplate] = []
        if family == "产出":  # a rate and a count row on every form, so that every indicator fault has a row
            chosen = [rng.choice([t for t in pool if t.kind == kind]) for kind in ("rate", "count")]
        rest = [t for t in pool if t not in chosen]
        chosen += rng.sample(rest, max(0, count - len(chosen)))
        templates = sorted(chosen, key=vocab.INDICATORS.index)
        weights = _split_weight(rng, total, count)
        rows.extend(draw_row(rng, t, w, year) for t, w in zip(templates, weights, strict=True))
    return rows


def _split_weight(rng: random.Random, total: int, parts: int) -> list[Decimal]:
    if parts == 1:
        return [Decimal(total)]
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    bounds = [0, *cuts, total]
    return [Decimal(b - a) for a, b in itertools.pairwise(bounds)]


def reason_for_deduction(rng: random.Random) -> str:
    return rng.choice(_REASONS_DEDUCTED)


def met_reason(rng: random.Random) -> str | None:
    """What a met row's reason cell holds: mostly nothing."""
    return rng.choice((None, None, None, "/", "无"))
