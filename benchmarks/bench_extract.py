"""Time reading and extracting the seed report: parse (Word reader) and extract (tables, spaCy narrative).

Run: python benchmarks/bench_extract.py [--repeat 20] [PATH ...]
Prints the one-time cost of building the spaCy/jieba pipeline, then milliseconds per document
(best and median of the repeats) for parse and extract, extract's CPU time, and the time per
narrative sentence.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from parsers import read
from pipeline.extract import extract
from pipeline.extract.narrative import nlp, sentences

SEED = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "seed" / "zonghe-shiwu-2020.docx"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=[SEED])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    nlp()
    print(f"pipeline build (once per process): {_ms(time.perf_counter() - started)}")

    for path in args.paths:
        parse_times, extract_times, extract_cpu = [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            document = read(path)
            t1, c1 = time.perf_counter(), time.process_time()
            extract(document)
            t2, c2 = time.perf_counter(), time.process_time()
            parse_times.append(t1 - t0)
            extract_times.append(t2 - t1)
            extract_cpu.append(c2 - c1)
        texts = [p.text for p in document.paragraphs if p.text.strip()]
        n_sentences = sum(len(list(sentences(nlp()(t)))) for t in texts)
        passes, cpu_passes = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            for text in texts:
                nlp()(text)
            passes.append(time.perf_counter() - t0)
            cpu_passes.append(time.process_time() - c0)
        per_sentence = min(passes) / max(n_sentences, 1)
        cpu_per_sentence = min(cpu_passes) / max(n_sentences, 1)
        shape = f"{len(document.paragraphs)} paragraphs, {len(document.tables)} tables, {n_sentences} sentences"
        print(f"{path.name}: {shape}")
        print(f"  parse   best {_ms(min(parse_times))}  median {_ms(statistics.median(parse_times))}")
        print(f"  extract best {_ms(min(extract_times))}  median {_ms(statistics.median(extract_times))}")
        print(f"  extract CPU time, best {_ms(min(extract_cpu))} (less sensitive to a busy machine)")
        print(
            f"  spaCy (jieba + figures) per sentence, best pass {per_sentence * 1000:.3f} ms"
            f" (CPU {cpu_per_sentence * 1000:.3f} ms)"
        )


if __name__ == "__main__":
    main()
