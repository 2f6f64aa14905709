"""The committed sample set: a few generated documents that together plant every rule at least once.

    python -m corpus.generate.samples corpus/samples/generated

Documents are chosen from one planned corpus, greedily, until every plantable rule is
covered; then clean documents of both genres are added, and a few documents are also
rendered as PDF (through LibreOffice) so that the tests see the PDF reader's output too.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from corpus.generate import ALL_RULES, DocPlan, generate_corpus, plan_corpus

SAMPLE_SEED = 2020
CLEAN_PER_GENRE = 2
PDF_SAMPLES = 3


def choose(plans: Sequence[DocPlan]) -> list[DocPlan]:
    """Faulty documents covering every rule (each pick covers the most rules not yet covered), then clean ones."""
    chosen: list[DocPlan] = []
    missing = set(ALL_RULES)
    faulty = [p for p in plans if p.faults]
    while missing:
        best = max(faulty, key=lambda p: (len(missing & set(p.faults)), -p.index))
        if not missing & set(best.faults):
            raise ValueError(f"rules never planted: {sorted(missing)}")
        chosen.append(best)
        missing -= set(best.faults)
        faulty.remove(best)
    for genre in ("report", "form"):
        chosen += [p for p in plans if not p.faults and p.genre == genre][:CLEAN_PER_GENRE]
    return sorted(chosen, key=lambda p: p.index)


def pdf_choice(chosen: Sequence[DocPlan]) -> list[DocPlan]:
    """A clean report, a clean form and one faulty document go to PDF as well."""
    clean = [p for p in chosen if not p.faults]
    picks = [next(p for p in clean if p.genre == "report"), next(p for p in clean if p.genre == "form")]
    picks.append(next(p for p in chosen if p.faults))
    return sorted(picks[:PDF_SAMPLES], key=lambda p: p.index)


def build_samples(out: Path) -> list[Path]:
    plans = plan_corpus(SAMPLE_SEED)
    chosen = choose(plans)
    written = generate_corpus(SAMPLE_SEED, len(plans), out, ["docx"], plans=chosen)
    pdf_dir = out / "pdf"
    written += generate_corpus(SAMPLE_SEED, len(plans), pdf_dir, ["pdf"], plans=pdf_choice(chosen))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild the committed generated samples.")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    for path in build_samples(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
