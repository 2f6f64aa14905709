"""Accuracy of the whole pipeline on a generated corpus with known truth (not a test: it measures).

Generates a corpus (or reads one given with --corpus), runs `process_file` on every
document, and compares each record with its truth:

- field-level precision / recall / F1 per format, genre and field group (a wrong value
  counts as a false positive and a false negative; see `corpus.generate.truth`);
- fault recall per rule: a planted rule is found when the document has a finding with that rule id;
- false findings per rule on clean documents, and how many of them are errors.

    python benchmarks/accuracy.py --count 120 --formats docx,pdf
    python benchmarks/accuracy.py --corpus some/generated/dir --out docs/accuracy.md
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.generate import DEFAULT_COUNT, generate_corpus, truth_path
from corpus.generate.truth import GROUPS, Comparison, Tally, compare, load_truth, record_of

FORMAT_ORDER = ("docx", "pdf", "pdf-scanned")


@dataclass
class Outcome:
    path: str
    format: str
    genre: str
    layout: str
    comparison: Comparison
    planted: list[str]
    found: list[tuple[str, str]]  # (rule, severity)
    seconds: float


@dataclass
class Totals:
    fields: dict[tuple[str, str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    planted: Counter[tuple[str, str]] = field(default_factory=Counter)
    recalled: Counter[tuple[str, str]] = field(default_factory=Counter)
    false_findings: Counter[tuple[str, str]] = field(default_factory=Counter)
    clean_docs: Counter[str] = field(default_factory=Counter)
    clean_errors: Counter[str] = field(default_factory=Counter)
    clean_docs_with_error: Counter[str] = field(default_factory=Counter)
    layouts: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    documents: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    differences: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)


def document_format(path: Path) -> str:
    if path.name.endswith(".scanned.pdf"):
        return "pdf-scanned"
    return path.suffix.lstrip(".").lower()


def corpus_documents(folder: Path) -> list[Path]:
    found = [p for p in sorted(folder.iterdir()) if p.suffix.lower() in (".docx", ".pdf")]
    return [p for p in found if truth_path(p).exists()]


def evaluate(path: Path) -> Outcome:
    from pipeline.process import process_file

    truth = load_truth(truth_path(path))
    started = time.perf_counter()
    report = process_file(path)
    seconds = time.perf_counter() - started
    return Outcome(
        path=path.name,
        format=document_format(path),
        genre=truth["kind"],
        layout=truth.get("layout", ""),
        comparison=compare(truth, record_of(report)),
        planted=[p["rule"] for p in truth.get("planted", [])],
        found=[(f.rule, f.severity) for f in report.findings],
        seconds=seconds,
    )


def tally(outcomes: Sequence[Outcome]) -> Totals:
    totals = Totals()
    for outcome in outcomes:
        fmt = outcome.format
        totals.documents[fmt] += 1
        totals.seconds[fmt] += outcome.seconds
        for group, counts in outcome.comparison.groups.items():
            totals.fields[(fmt, outcome.genre, group)].add(counts)
            totals.fields[(fmt, "all", group)].add(counts)
        totals.layouts[(fmt, outcome.layout)].add(outcome.comparison.total())
        for difference in outcome.comparison.differences:
            where = re.sub(r"\[\d+\]", "[]", difference.path)
            totals.differences[(fmt, where)] += 1
            totals.examples.setdefault((fmt, where), f"{outcome.path}: {difference.truth!r} → {difference.extracted!r}")
        rules_found = {rule for rule, _ in outcome.found}
        for rule in outcome.planted:
            totals.planted[(fmt, rule)] += 1
            if rule in rules_found:
                totals.recalled[(fmt, rule)] += 1
            else:
                totals.misses.append(f"{fmt} {outcome.path}: {rule} not found")
        if not outcome.planted:
            totals.clean_docs[fmt] += 1
            errors = [rule for rule, severity in outcome.found if severity == "error"]
            totals.clean_errors[fmt] += len(errors)
            totals.clean_docs_with_error[fmt] += bool(errors)
            for rule, _ in outcome.found:
                totals.false_findings[(fmt, rule)] += 1
    return totals


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def render(totals: Totals, note: str) -> str:
    formats = [f for f in FORMAT_ORDER if totals.documents[f]]
    lines = ["# Extraction and checking accuracy on the generated corpus", "", note, ""]
    lines += ["Written by `benchmarks/accuracy.py` (`make bench-accuracy`); do not edit by hand.", ""]
    lines += ["## Summary", ""]
    summary = []
    for fmt in formats:
        overall = Tally()
        for group in GROUPS:
            overall.add(totals.fields[(fmt, "all", group)])
        planted = sum(v for (f, _), v in totals.planted.items() if f == fmt)
        found = sum(v for (f, _), v in totals.recalled.items() if f == fmt)
        summary.append([
            fmt, totals.documents[fmt], _pct(overall.f1), f"{found}/{planted}",
            f"{totals.clean_errors[fmt]} in {totals.clean_docs_with_error[fmt]} of {totals.clean_docs[fmt]}",
        ])  # fmt: skip
    lines += _table(["format", "documents", "field F1 %", "planted faults found", "errors on clean documents"], summary)
    lines += ["", "## Documents", ""]
    lines += _table(
        ["format", "documents", "clean", "seconds per document"],
        [
            [f, totals.documents[f], totals.clean_docs[f], f"{totals.seconds[f] / totals.documents[f]:.2f}"]
            for f in formats
        ],
    )
    lines += ["", "## Fields: precision / recall / F1 (%)", ""]
    lines += ["A wrong value counts once as a false positive and once as a false negative.", ""]
    rows = []
    for fmt in formats:
        for genre in ("all", "evaluation_report", "self_evaluation_form"):
            overall = Tally()
            for group in GROUPS:
                overall.add(totals.fields[(fmt, genre, group)])
            if not overall.tp + overall.fp + overall.fn:
                continue
            cells = [fmt, genre]
            for group in (*GROUPS, None):
                counts = overall if group is None else totals.fields[(fmt, genre, group)]
                cells.append(
                    "—"
                    if not counts.tp + counts.fp + counts.fn
                    else f"{_pct(counts.precision)} / {_pct(counts.recall)} / {_pct(counts.f1)}"
                )
            rows.append(cells)
    lines += _table(["format", "genre", *GROUPS, "all fields"], rows)
    lines += ["", "## Planted faults found (fault recall)", ""]
    rules = sorted({rule for _, rule in totals.planted})
    rows = []
    for rule in rules:
        cells: list[object] = [rule]
        for fmt in formats:
            planted = totals.planted[(fmt, rule)]
            cells.append(f"{totals.recalled[(fmt, rule)]}/{planted}" if planted else "—")
        rows.append(cells)
    overall_cells: list[object] = ["**all rules**"]
    for fmt in formats:
        planted = sum(v for (f, _), v in totals.planted.items() if f == fmt)
        found = sum(v for (f, _), v in totals.recalled.items() if f == fmt)
        overall_cells.append(f"{found}/{planted} ({_pct(found / planted if planted else None)}%)")
    rows.append(overall_cells)
    lines += _table(["rule", *formats], rows)
    lines += ["", "## Findings on clean documents (false findings)", ""]
    lines += _table(
        ["format", "clean documents", "error findings", "clean documents with an error"],
        [[f, totals.clean_docs[f], totals.clean_errors[f], totals.clean_docs_with_error[f]] for f in formats],
    )
    false_rules = sorted({rule for _, rule in totals.false_findings})
    if false_rules:
        lines += [""]
        lines += _table(
            ["rule", *formats],
            [[rule, *[totals.false_findings[(f, rule)] for f in formats]] for rule in false_rules],
        )
    lines += ["", "## All fields by layout (F1 %)", ""]
    layouts = sorted({layout for _, layout in totals.layouts})
    lines += _table(
        ["layout", *formats],
        [[layout, *[_pct(totals.layouts[(f, layout)].f1) for f in formats]] for layout in layouts],
    )
    if totals.differences:
        lines += ["", "## Most frequent field differences", ""]
        common = totals.differences.most_common(25)
        lines += _table(
            ["format", "field", "times", "first example (truth → extracted)"],
            [[fmt, where, times, totals.examples[(fmt, where)].replace("|", "\\|")] for (fmt, where), times in common],
        )
    if totals.misses:
        lines += ["", "## Planted faults not found", ""]
        lines += [f"- {miss}" for miss in totals.misses]
    return "\n".join(lines) + "\n"


def run(documents: Sequence[Path], jobs: int) -> list[Outcome]:
    if jobs <= 1:
        return [evaluate(path) for path in documents]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(evaluate, documents, chunksize=4))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a generated corpus folder (default: generate one)")
    parser.add_argument("--seed", type=int, default=20201)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--formats", default="docx,pdf,scanned", help="formats to generate: docx,pdf,scanned")
    parser.add_argument("--scanned-count", type=int, default=12, help="documents also rendered as scanned PDFs")
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "accuracy.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="perfaudit-accuracy-") as scratch:
        if args.corpus is not None:
            folder = args.corpus
            note = f"Corpus: `{folder.name}` ({len(corpus_documents(folder))} documents with truth)."
        else:
            folder = Path(scratch)
            formats = [f.strip() for f in args.formats.split(",") if f.strip()]
            main_formats = [f for f in formats if f != "scanned"]
            generate_corpus(args.seed, args.count, folder, main_formats)
            if "scanned" in formats and args.scanned_count:
                from corpus.generate import plan_corpus

                few = plan_corpus(args.seed, args.count)[: args.scanned_count]
                generate_corpus(args.seed, args.count, folder / "scanned", ["scanned"], plans=few)
            note = (
                f"Corpus: generated with seed {args.seed}, {args.count} documents, formats {', '.join(formats)}"
                + (f" (scanned: the first {args.scanned_count})" if "scanned" in formats else "")
                + "."
            )
        documents = corpus_documents(folder)
        if (folder / "scanned").is_dir():
            documents += corpus_documents(folder / "scanned")
        started = time.perf_counter()
        outcomes = run(documents, args.jobs)
        elapsed = time.perf_counter() - started
    totals = tally(outcomes)
    text = render(totals, note + f" Wall time {elapsed:.0f} s with {args.jobs} worker(s).")
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
