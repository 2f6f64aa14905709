"""What extraction saw besides the contract record: every printing of a figure the rules compare.

The contract `Report` holds one value per field; the rules also need the other
places the same quantity was printed, printed subtotals, section weights and the
claims made in the narrative. Extraction fills `Facts`; validation reads it.
Add fields freely; never change the meaning of one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.report import Evidence, Report

MentionOrigin = Literal["table", "text"]


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Fact):
    """One printing of a budget quantity, normalised (yuan for money, percent value for rates)."""

    quantity: str
    """A `Budget` field name: planned, adjusted, received, spent, balance, execution_rate."""
    value: Decimal
    evidence: Evidence
    label: str
    """The words the figure was printed with (实际使用情况, 共支出 …)."""
    origin: MentionOrigin
    unit: str | None = None
    """The unit as printed (万元, 元, %), so a 元/万元 slip can be named."""


class Part(_Fact):
    name: str
    value: Decimal | None
    evidence: Evidence


class Itemisation(_Fact):
    """A whole and the parts the document says it is made of (spending items, counts)."""

    label: str
    whole: Decimal
    whole_evidence: Evidence
    parts: list[Part]
    unit: Literal["yuan", "count"] = "yuan"


class ScoreSubtotal(_Fact):
    """A printed 小计/合计/总分 row, and the rows it claims to add up."""

    label: str
    target: Literal["scores", "indicators"]
    rows: list[int]
    """Indexes into `report.scores` or `report.indicators`."""
    weight: Decimal | None = None
    score: Decimal | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)


class SectionWeight(_Fact):
    """A level-1 weight printed in a header such as 产出指标(50分)."""

    level1: str
    weight: Decimal
    evidence: Evidence


class PercentClaim(_Fact):
    """A percentage in the text and the figures it is stated from."""

    kind: Literal["share", "change"]
    stated: Decimal
    stated_evidence: Evidence
    part: Decimal
    """share: the part; change: the difference (or the new value, see `base_is_previous`)."""
    whole: Decimal
    """share: the whole; change: the current value."""
    evidence: list[Evidence]
    label: str = ""


class CountClaim(_Fact):
    """A count the text gives for a thing (36个审批办), to compare with other counts of it."""

    label: str
    value: Decimal
    unit: str
    evidence: Evidence


class BlankCell(_Fact):
    """A cell the template requires that was printed blank (or only —, /): the rules report it as unfilled."""

    field: str
    """What belongs there: "score" (an indicator's 得分), "execution_score" (the funds row's 得分),
    "total_score" (总分/自评得分), "goal_actual" (年度总体目标 实际完成情况), "conclusion" (评价结论),
    "actual" (实际完成值)."""
    evidence: Evidence
    """The blank cell itself (its text is empty or the placeholder printed)."""
    label: str = ""
    """The row's name (三级指标, 总分 …), so the finding can say which cell."""


class Facts(_Fact):
    mentions: list[Mention] = Field(default_factory=list)
    itemisations: list[Itemisation] = Field(default_factory=list)
    subtotals: list[ScoreSubtotal] = Field(default_factory=list)
    section_weights: list[SectionWeight] = Field(default_factory=list)
    percent_claims: list[PercentClaim] = Field(default_factory=list)
    count_claims: list[CountClaim] = Field(default_factory=list)
    indicator_columns: list[str] = Field(default_factory=list)
    """Columns the indicator table printed: "actual", "reason", "weight", "score" …"""
    no_problem_claims: list[Evidence] = Field(default_factory=list)
    """Sentences saying there is no problem (暂无问题), which do not explain a low execution."""
    template_text: list[Evidence] = Field(default_factory=list)
    """Cells still holding a template's instructions (…字以内)."""
    adjustment_reasons: list[Evidence] = Field(default_factory=list)
    """Sentences or cells explaining why the budget was adjusted during the year (年中财政收回…,
    调剂…给…, 追加, 调减 …). An adjusted budget more than 10% away from the initial one needs one."""
    blank_cells: list[BlankCell] = Field(default_factory=list)
    """Required cells printed blank: score, execution_score, total_score, goal_actual, conclusion, actual."""


class Extraction(_Fact):
    report: Report
    facts: Facts = Field(default_factory=Facts)
