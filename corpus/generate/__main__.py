"""python -m corpus.generate --seed N --count K --out DIR [--formats docx,pdf,scanned]"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from corpus.generate import DEFAULT_COUNT, generate_corpus, plan_corpus

FORMATS = ("docx", "pdf", "scanned")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m corpus.generate",
        description="Write synthetic evaluation reports and self-evaluation forms with planted faults and truth.",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--formats", default="docx", help="comma-separated: docx, pdf, scanned (default docx)")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        parser.error(f"unknown format(s): {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    plans = plan_corpus(args.seed, args.count)
    written = generate_corpus(args.seed, args.count, args.out, formats, plans)
    planted = Counter(rule for plan in plans for rule in plan.faults)
    faulty = sum(1 for plan in plans if plan.faults)
    print(f"{len(written)} files in {args.out}: {len(plans)} documents, {faulty} with planted faults")
    for rule, times in sorted(planted.items()):
        print(f"  {rule:40s} {times}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
