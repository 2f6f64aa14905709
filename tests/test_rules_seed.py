"""The seed report end to end: its own inconsistencies come out, nothing spurious at error severity."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.process import process_file

SEED = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "seed"
EXPECTED = {
    ("budget.amount_mismatch", "warning"),
    ("narrative.percent_claim", "info"),
    ("score.table_incomplete", "warning"),
    ("target.tier_order", "warning"),
}


@pytest.mark.parametrize("name", ["zonghe-shiwu-2020.docx", "zonghe-shiwu-2020.pdf"])
def test_seed_findings_are_its_known_inconsistencies(name: str) -> None:
    report = process_file(SEED / name)
    assert {(f.rule, f.severity) for f in report.findings} == EXPECTED
    mismatch = next(f for f in report.findings if f.rule == "budget.amount_mismatch")
    assert [e.text for e in mismatch.evidence] == ["558.01", "共支出512.02万元"]
    assert "558.01万元" in mismatch.message and "512.02万元" in mismatch.message
    tiers = next(f for f in report.findings if f.rule == "target.tier_order")
    assert tiers.code == "GAP" and [e.text for e in tiers.evidence] == ["330天", "320天以下"]
    assert all(f.evidence for f in report.findings)


def test_seed_finding_keys_are_stable_across_runs() -> None:
    first = process_file(SEED / "zonghe-shiwu-2020.docx")
    second = process_file(SEED / "zonghe-shiwu-2020.docx")
    assert [f.key() for f in first.findings] == [f.key() for f in second.findings]
    assert [f.rule for f in first.findings] == sorted(f.rule for f in first.findings)
