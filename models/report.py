"""The contract record of one document (see the project's contract): what every consumer reads.

Money is `Decimal` in yuan, written as a two-decimal string; rates are the percent
value as a string with its printed decimals; weights and scores are JSON numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from models.document import BBox, SourceInfo

SCHEMA_VERSION = "1"

_CENT = Decimal("0.01")


def _money_text(value: Decimal) -> str:
    return format(value.quantize(_CENT), "f")


def _plain_text(value: Decimal) -> str:
    return format(value, "f")


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Money = Annotated[
    Decimal,
    PlainSerializer(_money_text, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+\.\d{2}$", "description": "yuan, two decimals"}),
]
Percent = Annotated[
    Decimal,
    PlainSerializer(_plain_text, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "percent value as printed"}),
]
Points = Annotated[
    Decimal,
    PlainSerializer(_json_number, return_type=Any, when_used="json"),
    WithJsonSchema({"type": "number"}),
]

Kind = Literal["evaluation_report", "self_evaluation_form", "department_report", "unknown", "unreadable"]
Severity = Literal["error", "warning", "info"]
Grade = Literal["优", "良", "中", "差"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Record):
    """Where a value or a finding's figure was printed."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None
    text: str = ""
    bbox: BBox | None = None
    confidence: float | None = None
    resolution: Decimal | None = Field(
        default=None,
        description="One unit of the last printed digit, in the record's unit (yuan, percentage "
        "points or score points): 670.64万元 → 100. Tolerances are half of it.",
    )

    def key(self) -> tuple[Any, ...]:
        return (self.page, self.table, self.row, self.col, self.paragraph)

    def place(self) -> str:
        """Where the figure is, in the words a reviewer uses (1-based): 第1页 表2 第6行第6列 / 第38段."""
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"表{self.table}")
            if self.row is not None and self.col is not None:
                parts.append(f"第{self.row + 1}行第{self.col + 1}列")
        elif self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
        return " ".join(parts)

    def describe(self) -> str:
        """Place and printed text: "表2 第6行第6列：558.01"; the text alone where there is no place."""
        place = self.place()
        return f"{place}：{self.text}" if place and self.text else place or self.text


EvidenceMap = dict[str, Evidence]


class Project(_Record):
    name: str | None = None
    year: int | None = None
    implementing_unit: str | None = None
    competent_department: str | None = None
    leader: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    project_type: Literal["recurring", "one_off"] | None = None
    goal_expected: str | None = None
    goal_actual: str | None = None
    conclusion: str | None = None
    evidence: EvidenceMap = Field(default_factory=dict)


class FundingSource(_Record):
    name: str
    planned: Money | None = None
    adjusted: Money | None = None
    received: Money | None = None
    spent: Money | None = None
    evidence: EvidenceMap = Field(default_factory=dict)


class Budget(_Record):
    planned: Money | None = None
    adjusted: Money | None = None
    received: Money | None = None
    spent: Money | None = None
    balance: Money | None = None
    execution_rate: Percent | None = None
    execution_weight: Points | None = None
    execution_score: Points | None = None
    reason: str | None = None
    sources: list[FundingSource] = Field(default_factory=list)
    evidence: EvidenceMap = Field(default_factory=dict)


class SpendingItem(_Record):
    name: str
    amount: Money | None = None
    evidence: EvidenceMap = Field(default_factory=dict)


class ScoreRow(_Record):
    level1: str | None = None
    level1_weight: Points | None = None
    level2: str | None = None
    level2_weight: Points | None = None
    level3: str | None = None
    weight: Points | None = None
    score: Points | None = None
    evidence: EvidenceMap = Field(default_factory=dict)


class Indicator(_Record):
    level1: str | None = None
    level1_weight: Points | None = None
    level2: str | None = None
    name: str | None = None
    target: str | None = None
    actual: str | None = None
    weight: Points | None = None
    score: Points | None = None
    tiers: dict[str, str] | None = None
    deviation_reason: str | None = None
    evidence: EvidenceMap = Field(default_factory=dict)


class Finding(_Record):
    rule: str
    severity: Severity
    code: str | None = None
    message: str
    evidence: list[Evidence] = Field(default_factory=list)

    def key(self) -> tuple[Any, ...]:
        """Stable across re-runs of the same file: rule plus evidence locations."""
        return (self.rule, tuple(e.key() for e in self.evidence))


class Report(_Record):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: SourceInfo
    kind: Kind = "unknown"
    project: Project = Field(default_factory=Project)
    budget: Budget = Field(default_factory=Budget)
    spending_items: list[SpendingItem] = Field(default_factory=list)
    scores: list[ScoreRow] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    total_score: Points | None = None
    grade: Grade | None = None
    findings: list[Finding] = Field(default_factory=list)
    evidence: EvidenceMap = Field(default_factory=dict)
    """Evidence of the top-level values (total_score, grade)."""

    def to_json(self) -> str:
        return self.model_dump_json()


def report_json_schema() -> dict[str, Any]:
    return Report.model_json_schema(mode="serialization")
