"""Speed and accuracy of the scanned-page stage (not a test: it measures, it asserts nothing).

    python benchmarks/bench_ocr.py [TEXT_PDF ...] [--dpi 200] [--seed 0]

Each text-layer PDF is turned into a scanned copy (corpus.scanned), every page of
the copy is read by `parsers.scan.read_scanned_page`, and the result is compared
with the original's text layer (pdfplumber):
- seconds per page, wall and CPU (the machine may be shared: CPU time shows the cost);
- table cells: share of the original's non-empty cells read exactly;
- figures: cells holding digits, exact or not, above and below `LOW_CONFIDENCE` —
  what the threshold lets through wrong, and what it blanks needlessly;
- all text: characters in common with the original's page text (Dice, order aside).
Without arguments it uses the committed samples.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.scanned import ScanStyle, make_scanned_pdf  # noqa: E402
from parsers.ocr import get_engine  # noqa: E402
from parsers.scan import LOW_CONFIDENCE, read_scanned_page  # noqa: E402

DEFAULT_INPUTS = [
    ROOT / "corpus/samples/scanned/self-eval-form.pdf",
    ROOT / "corpus/samples/seed/zonghe-shiwu-2020.pdf",
]
_DIGIT = re.compile(r"[0-9]")


def normalise(text: str | None) -> str:
    """Compare texts without whitespace and with full-width brackets/colons/percent folded to ASCII."""
    table = str.maketrans("（）：％，", "():%,")
    return re.sub(r"\s+", "", (text or "").translate(table))


def truth_cells(page: pdfplumber.page.Page) -> list[str]:
    return [normalise(cell) for table in page.extract_tables() for row in table for cell in row if cell]


def bench_pdf(text_pdf: Path, scanned_pdf: Path, dpi: int, show_wrong: bool = False) -> dict[str, list[float]]:
    stats: dict[str, list[float]] = {key: [] for key in ("wall", "cpu", "cells", "similarity")}
    figures = {"high_right": 0, "high_wrong": 0, "low_right": 0, "low_wrong": 0}
    with pdfplumber.open(text_pdf) as original:
        for index, truth_page in enumerate(original.pages):
            wall, cpu = time.perf_counter(), time.process_time()
            page = read_scanned_page(scanned_pdf, index, dpi)
            stats["wall"].append(time.perf_counter() - wall)
            stats["cpu"].append(time.process_time() - cpu)

            truth = Counter(truth_cells(truth_page))
            read = [(normalise(cell.text), cell.confidence) for table in page.tables for cell in table.cells]
            read_count = Counter(text for text, _ in read if text)
            if truth:
                stats["cells"].append(sum((truth & read_count).values()) / sum(truth.values()))
            for text, confidence in read:
                if _DIGIT.search(text):
                    band = "high" if (confidence or 0) >= LOW_CONFIDENCE else "low"
                    figures[f"{band}_{'right' if truth[text] else 'wrong'}"] += 1
                    if show_wrong and not truth[text]:
                        print(f"    page {index + 1}: read {text!r} at {confidence}")

            ocr_text = "".join(line.text for line in page.lines) + "".join(
                cell.text for table in page.tables for cell in table.cells
            )
            truth_text = truth_page.extract_text() or ""
            # Characters in common, order aside: table cells and lines come in a different order than the text layer's.
            ocr_chars, truth_chars = Counter(normalise(ocr_text)), Counter(normalise(truth_text))
            common = sum((ocr_chars & truth_chars).values())
            stats["similarity"].append(2 * common / max(1, ocr_chars.total() + truth_chars.total()))
    for key, value in figures.items():
        stats[key] = [float(value)]
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--noise", type=float, default=ScanStyle.noise_sigma, help="gray-level noise (σ)")
    parser.add_argument("--blur", type=float, default=ScanStyle.blur_radius, help="blur radius (pixels)")
    parser.add_argument("--quality", type=int, default=ScanStyle.jpeg_quality, help="JPEG quality")
    parser.add_argument("--show-wrong", action="store_true", help="print each figure cell read wrong")
    args = parser.parse_args()
    style = ScanStyle(dpi=args.dpi, noise_sigma=args.noise, blur_radius=args.blur, jpeg_quality=args.quality)
    inputs = args.pdfs or [path for path in DEFAULT_INPUTS if path.exists()]

    started = time.perf_counter()
    get_engine()
    print(f"model load: {time.perf_counter() - started:.2f} s; threshold LOW_CONFIDENCE = {LOW_CONFIDENCE}")
    with tempfile.TemporaryDirectory() as tmp:
        for text_pdf in inputs:
            scanned = Path(tmp) / f"{text_pdf.stem}.scanned.pdf"
            angles = make_scanned_pdf(text_pdf, scanned, style=style, seed=args.seed)
            stats = bench_pdf(text_pdf, scanned, args.dpi, args.show_wrong)
            print(f"\n{text_pdf.name}: {len(angles)} pages, skew {min(angles):+.2f}°…{max(angles):+.2f}°")
            print(
                f"  seconds/page  wall mean {statistics.mean(stats['wall']):.2f}, max {max(stats['wall']):.2f};"
                f" CPU mean {statistics.mean(stats['cpu']):.2f}"
            )
            if stats["cells"]:
                print(f"  table cells read exactly: {statistics.mean(stats['cells']):.1%}")
            print(f"  page text similarity: {statistics.mean(stats['similarity']):.1%}")
            high = f"{stats['high_right'][0]:.0f} exact, {stats['high_wrong'][0]:.0f} not"
            low = f"{stats['low_right'][0]:.0f} exact, {stats['low_wrong'][0]:.0f} not"
            print(f"  cells with digits  ≥ threshold: {high};  < threshold: {low}")


if __name__ == "__main__":
    main()
