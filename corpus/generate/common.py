"""What both genres share: the project a document is about, its grade bands, and the planted-fault record."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from corpus.generate import vocab
from corpus.generate.docx_writer import Block


@dataclass
class ProjectFacts:
    name: str
    year: int
    implementing_unit: str
    competent_department: str
    leader: str
    phone: str
    address: str
    postcode: str
    project_type: str  # recurring / one_off


def person(rng: random.Random) -> str:
    return rng.choice(vocab.SURNAMES) + "".join(rng.choice(vocab.GIVEN) for _ in range(rng.choice((1, 2))))


def draw_project(rng: random.Random) -> ProjectFacts:
    county = rng.choice(vocab.COUNTIES)
    city = rng.choice(vocab.CITIES)
    unit_word, dept_word = rng.choice(vocab.AGENCIES)
    topic = rng.choice(vocab.PROJECT_TOPICS)
    year = rng.randint(2016, 2024)
    name = topic if rng.random() < 0.5 else f"{county}{topic}"
    if rng.random() < 0.3:
        name = f"{year}年{name}"
    address = f"{rng.choice(vocab.PROVINCES)}{city}{rng.choice(vocab.STREETS)}{rng.randint(1, 299)}号"
    return ProjectFacts(
        name=name + ("项目" if rng.random() < 0.4 else ""),
        year=year,
        implementing_unit=f"{county}{unit_word}",
        competent_department=f"{county}{dept_word}" if rng.random() < 0.6 else f"{city}{dept_word}",
        leader=person(rng),
        phone=f"{rng.choice(('0838', '0888', '0722', '0731', '0319', '0898'))}-{rng.randint(2000000, 8999999)}"
        if rng.random() < 0.5
        else f"{rng.randint(60000000, 69999999)}",
        address=address,
        postcode=f"{rng.randint(100000, 689999)}",
        project_type=rng.choice(("recurring", "recurring", "one_off")),
    )


def grade_of(total: Decimal) -> str:
    """财预〔2020〕10号 bands, lower bounds inclusive."""
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    if total >= 60:
        return "中"
    return "差"


def wrong_grade(total: Decimal) -> str:
    right = grade_of(total)
    return {"优": "良", "良": "优", "中": "良", "差": "中"}[right]


@dataclass
class Planted:
    rule: str
    code: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"rule": self.rule, "code": self.code}


@dataclass
class Built:
    """One generated document: its blocks, the running header, its truth record and what was planted."""

    blocks: list[Block]
    truth: dict[str, Any]
    planted: list[Planted] = field(default_factory=list)
    layout: str = ""
    header_text: str | None = None
