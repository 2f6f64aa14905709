"""Which faults go into which document: the catalogue of plantable rules per genre and the schedule.

How a fault is planted depends on the genre's facts, so each genre module has its own
`plant(rng, facts, rule)`; this module only decides which rules a document gets.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from corpus.generate.form import FORM_RULES
from corpus.generate.report import REPORT_RULES

ALL_RULES: tuple[str, ...] = tuple(dict.fromkeys(REPORT_RULES + FORM_RULES))
"""Every rule the generator can plant: each contract rule except document.unreadable."""

GENRE_RULES = {"report": REPORT_RULES, "form": FORM_RULES}


def family(rule: str) -> str:
    """Faults of one family change the same figures, so a document gets at most one of each."""
    if rule.startswith(("budget.", "spending.")):
        return "budget"
    if rule.startswith("score.") or rule == "form.standard_weights":
        return "score"
    if rule.startswith("indicator."):
        return "indicator"
    return rule


@dataclass(frozen=True)
class DocPlan:
    index: int
    genre: str  # report / form
    faults: tuple[str, ...]
    seed: int

    @property
    def name(self) -> str:
        return f"{self.genre}-{self.index:04d}"


def assign_faults(seed: int, count: int) -> list[DocPlan]:
    """Which document gets which faults: genres alternate, every other pair is faulty, and each fault goes
    to the rule planted least so far, so that every rule is planted about equally often."""
    rng = random.Random(seed)
    planted: Counter[str] = Counter()
    plans = []
    for index in range(count):
        genre = "report" if index % 2 == 0 else "form"
        faults: list[str] = []
        if (index // 2) % 2 == 0:
            wanted = 1 if rng.random() < 0.3 else 2
            for _ in range(wanted):
                taken = {family(f) for f in faults}
                options = [r for r in GENRE_RULES[genre] if family(r) not in taken]
                least = min(planted[r] for r in options)
                pick = rng.choice([r for r in options if planted[r] == least])
                faults.append(pick)
                planted[pick] += 1
        plans.append(DocPlan(index, genre, tuple(faults), rng.randrange(1 << 32)))
    return plans
