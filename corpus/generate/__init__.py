"""Synthetic evaluation reports and self-evaluation forms with planted faults and ground truth.

Everything is drawn from `random.Random(seed)`: the same seed gives the same documents
(word/document.xml byte for byte) and the same truth records. About half of the
documents carry one or two planted faults; the rest are consistent in every figure.
Each `<name>.docx` has `<name>.truth.json` beside it: the contract record without
`source`, `evidence` and `findings`, plus `planted` (the rules a checker must report)
and `layout` (which template drew it).

    python -m corpus.generate --seed 7 --count 120 --out corpus-out --formats docx,pdf
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from corpus.generate.common import Built
from corpus.generate.docx_writer import write_docx
from corpus.generate.faults import ALL_RULES, DocPlan, assign_faults
from corpus.generate.form import build_form
from corpus.generate.report import build_report

DEFAULT_COUNT = 120


def plan_corpus(seed: int, count: int = DEFAULT_COUNT) -> list[DocPlan]:
    """Genres alternate, every other pair of documents is faulty; see `faults.assign_faults`."""
    return assign_faults(seed, count)


def build(plan: DocPlan) -> Built:
    """The blocks and truth of one planned document (nothing is written)."""
    rng = random.Random(plan.seed)
    builder = build_report if plan.genre == "report" else build_form
    built = builder(rng, list(plan.faults))
    built.truth["planted"] = [p.as_json() for p in built.planted]
    built.truth["layout"] = built.layout
    return built


def build_corpus(seed: int, count: int = DEFAULT_COUNT) -> Iterator[tuple[DocPlan, Built]]:
    for plan in plan_corpus(seed, count):
        yield plan, build(plan)


def write_truth(truth: dict, path: Path) -> None:
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def truth_path(document: Path) -> Path:
    """`x.docx`, `x.pdf` and `x.scanned.pdf` share `x.truth.json`."""
    stem = document.name.split(".")[0]
    return document.with_name(stem + ".truth.json")


def generate_corpus(
    seed: int, count: int, out: Path, formats: Sequence[str] = ("docx",), plans: Sequence[DocPlan] | None = None
) -> list[Path]:
    """Write the documents (and their truth) in every requested format; return the document paths."""
    out.mkdir(parents=True, exist_ok=True)
    docx_paths: list[Path] = []
    for plan in plans if plans is not None else plan_corpus(seed, count):
        built = build(plan)
        path = out / f"{plan.name}.docx"
        write_docx(built.blocks, path, built.header_text)
        write_truth(built.truth, truth_path(path))
        docx_paths.append(path)
    written = list(docx_paths) if "docx" in formats else []
    if "pdf" in formats or "scanned" in formats:
        from corpus.generate.render import docx_to_pdf, pdf_to_scanned

        pdfs = docx_to_pdf(docx_paths, out)
        if "pdf" in formats:
            written += pdfs
        if "scanned" in formats:
            for number, pdf in enumerate(pdfs):
                written.append(pdf_to_scanned(pdf, pdf.with_name(pdf.stem + ".scanned.pdf"), seed + number))
            if "pdf" not in formats:
                for pdf in pdfs:
                    pdf.unlink()
    if "docx" not in formats:
        for path in docx_paths:
            path.unlink()
    return written


__all__ = [
    "ALL_RULES",
    "DEFAULT_COUNT",
    "DocPlan",
    "build",
    "build_corpus",
    "generate_corpus",
    "plan_corpus",
    "truth_path",
]
