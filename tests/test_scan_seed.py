"""The scanned seed report gives the same record as the Word original: the OCR stage end to end.

`corpus/samples/seed/zonghe-shiwu-2020.scanned.pdf` is the seed PDF scanned by `corpus.scanned`
(8 pages, bilevel, each turned by up to 1.5°). Through the whole pipeline it must give the
seed's golden record: every value, every finding's rule and severity. Locations differ by
nature (the golden is the Word record: no pages, Word's paragraph numbering), so evidence
is compared only in kind: every figure taken from a scanned page carries its page and an
OCR confidence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.report import Report
from parsers.limits import Limits
from pipeline.process import process_file
from tests.golden import compare_with_golden, format_differences, load_golden

SEED = Path(__file__).resolve().parents[1] / "corpus" / "samples" / "seed"
SCANNED = SEED / "zonghe-shiwu-2020.scanned.pdf"

# A correctness test, not a timing one: a busy machine must not turn it into a time-out.
GENEROUS = Limits(seconds_per_document=1800)


@pytest.fixture(scope="module")
def report() -> Report:
    return process_file(SCANNED, display_path="corpus/samples/seed/zonghe-shiwu-2020.scanned.pdf", limits=GENEROUS)


def test_read_as_a_scanned_pdf(report: Report) -> None:
    assert report.kind != "unreadable", [f.message for f in report.findings]
    assert report.source.format == "pdf-scanned"
    assert report.source.pages == 8


def test_same_values_and_findings_as_the_word_original(report: Report) -> None:
    golden = load_golden(SEED / "zonghe-shiwu-2020.golden.json")
    differences = [
        d
        for d in compare_with_golden(report, golden)
        if not d.path.startswith("evidence of") and not d.path.endswith(".evidence")
    ]
    assert not differences, format_differences(differences)


def test_figures_carry_their_page_and_ocr_confidence(report: Report) -> None:
    evidence = [e for item in (report.project, report.budget) for e in item.evidence.values()]
    assert evidence
    for found in evidence:
        assert found.page is not None and 1 <= found.page <= 8
        assert found.confidence is not None and 0 < found.confidence <= 1
        assert found.bbox is not None
