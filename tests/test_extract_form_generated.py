"""Generated forms (corpus.generate) of every layout read back field for field as their truth records say."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.generate import generate_corpus, plan_corpus, truth_path
from corpus.generate.truth import compare, record_of
from pipeline.process import process_file

SEED = 7
COUNT = 60  # 30 forms; this seed draws every layout


def test_generated_forms_match_their_truth(tmp_path: Path) -> None:
    plans = [plan for plan in plan_corpus(SEED, COUNT) if plan.genre == "form"]
    layouts: set[str] = set()
    differences = []
    for path in generate_corpus(SEED, COUNT, tmp_path, plans=plans):
        truth = json.loads(truth_path(path).read_text(encoding="utf-8"))
        layouts.add(truth["layout"])
        report = process_file(path)
        assert report.kind == "self_evaluation_form" and report.scores == []
        comparison = compare(truth, record_of(report))
        differences += [(path.name, d.path, d.truth, d.extracted) for d in comparison.differences]
    assert differences == []
    wanted = {"central", "sichuan", "yunnan", "beijing2016", "chongqing", "local20", "hubei"}
    assert {f"form/{name}" for name in wanted} <= layouts
