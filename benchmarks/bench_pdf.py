"""PDF reader speed and memory against bare pdfplumber, on the same files in the same run.

    python -m benchmarks.bench_pdf [FILE.pdf ...] [--repeat N]

Without files it builds a ~20-page report with LibreOffice (score tables crossing pages) and adds
the committed PDF samples. Each reader runs in a fresh process so peak memory is its own (peak RSS, and its growth over
the process before the reader was imported). Bare
pdfplumber means `extract_text()` and `extract_tables()` on every page, nothing else. The rows of
the generated report are also checked against the generator's tables (exact rows / all rows).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from corpus.pdf_samples import build_long_report, convert_to_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [*sorted((ROOT / "corpus" / "samples" / "pdf").glob("*.pdf")), ROOT / "corpus" / "samples" / "seed" /
           "zonghe-shiwu-2020.pdf"]


def _peak_mb() -> float:
    """Peak resident memory of this process. VmHWM, not ru_maxrss: that one survives exec and would
    report the parent's peak in a freshly spawned worker."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_ours(paths: list[str], repeat: int) -> tuple[int, float, float, float]:
    base = _peak_mb()  # before the reader's imports: they are part of its footprint
    from parsers.limits import DEFAULT_LIMITS
    from parsers.pdf import read

    pages = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for path in paths:
            pages += read(Path(path), DEFAULT_LIMITS, fmt="pdf").source.pages or 0
    return pages, time.perf_counter() - started, base, _peak_mb()


def _run_plumber(paths: list[str], repeat: int) -> tuple[int, float, float, float]:
    base = _peak_mb()
    import pdfplumber

    pages = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for path in paths:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.extract_tables()
                    pages += 1
                    page.close()
    return pages, time.perf_counter() - started, base, _peak_mb()


def _measure(function_name: str, paths: list[Path], repeat: int) -> tuple[int, float, float, float]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(globals()[function_name], ([str(p) for p in paths], repeat))


def _generated_report(work: Path) -> tuple[Path, float]:
    """Build the long report; return its PDF and the share of its table rows we read exactly."""
    from parsers.limits import DEFAULT_LIMITS
    from parsers.pdf import read

    docx = work / "long-report.docx"
    expected = build_long_report(docx, sections=12)
    pdf = convert_to_pdf(docx, work)
    document = read(pdf, DEFAULT_LIMITS, fmt="pdf")
    total = exact = 0
    for table, spec in zip(document.tables, expected.tables, strict=False):
        for row, texts in enumerate(spec.row_texts()):
            total += 1
            exact += row < table.n_rows and table.row_texts(row) == texts
    total += sum(spec.n_rows for spec in expected.tables[len(document.tables):])
    return pdf, exact / total if total else 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="read every file this many times per reader")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        files = list(args.files)
        if not files:
            report, exact_share = _generated_report(Path(work))
            files = [report, *SAMPLES]
            print(f"generated report: {exact_share:.1%} of table rows exact")
        results = {name: _measure(function, files, args.repeat)
                   for name, function in (("perfaudit", "_run_ours"), ("pdfplumber", "_run_plumber"))}
    print(f"{len(files)} files, repeated {args.repeat}x")
    print(f"{'reader':<12}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'ms/page':>10}{'peak MB':>10}{'+MB':>8}")
    for name, (pages, seconds, base, peak) in results.items():
        print(f"{name:<12}{pages:>7}{seconds:>10.2f}{pages / seconds:>10.1f}{1000 * seconds / pages:>10.2f}"
              f"{peak:>10.1f}{peak - base:>8.1f}")
    ours, theirs = results["perfaudit"], results["pdfplumber"]
    print(f"speed ratio (perfaudit / pdfplumber, pages per second): {theirs[1] / ours[1]:.2f}x")
    print(f"peak memory ratio (perfaudit / pdfplumber): {ours[3] / theirs[3]:.2f}")


if __name__ == "__main__":
    main()
