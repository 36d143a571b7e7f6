"""Benchmark (not a test): extraction speed, parallel scaling, memory and incremental re-runs.

    python benchmarks/extraction.py --docs 1000 --workers 2

On one synthetic corpus (benchmarks/corpus.py) it measures, in this one run:
  * baseline: Microsoft Recognizers-Text's Chinese number model alone over every
    file's text (read and decoded the same way), MB/s;
  * ours, one process: end-to-end extraction (read, decode, normalise, split, find
    targets, domains), MB/s and documents/s, and the ratio to the baseline;
  * `python -m targets extract --workers N` as a child process: wall time, MB/s and
    the child's peak RSS (streaming Parquet/CSV writes included);
  * a re-run over the unchanged corpus, and one after changing a single file.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_corpus  # noqa: E402


def texts_of(corpus: Path) -> list[tuple[Path, str]]:
    from targets.build import input_files
    from targets.reading import read_path
    return [(p, read_path(p).text) for p in input_files(corpus)]


def baseline_mb_s(files: list[tuple[Path, str]], nbytes: int) -> float:
    from recognizers_number import Culture, NumberRecognizer
    model = NumberRecognizer(Culture.Chinese).get_number_model()
    t = time.perf_counter()
    for path, _ in files:  # read + decode + recognise, like ours
        from targets.reading import read_path
        model.parse(read_path(path).text)
    return nbytes / (time.perf_counter() - t) / 1e6


def ours_single(files: list[tuple[Path, str]], nbytes: int) -> tuple[float, float, int]:
    from targets.extract import extract_path
    extract_path(files[0][0])  # load OpenCC and the gazetteer outside the timing
    t = time.perf_counter()
    docs = rows = 0
    for path, _ in files:
        ex = extract_path(path)
        docs += len(ex.documents)
        rows += len(ex.rows)
    dt = time.perf_counter() - t
    return nbytes / dt / 1e6, docs / dt, rows


def cli_run(corpus: Path, out: Path, workers: int) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the child, and its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "targets", "extract", "--input", str(corpus), "--output", str(out),
                           "--workers", str(workers)], cwd=ROOT, capture_output=True, text=True, check=True)
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB; max over children so far
    return dt, max(rss, before) / 1024, proc.stdout.strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="keep the corpus and output here instead of a temp folder")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="targets_bench_"))
    corpus, out = work / "corpus", work / "out"
    try:
        nbytes = make_corpus(corpus, args.docs, args.seed)
        files = texts_of(corpus)
        print(f"corpus: {args.docs} documents, {nbytes / 1e6:.1f} MB, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        base = baseline_mb_s(files, nbytes)
        print(f"baseline Recognizers-Text Chinese number model: {base:.2f} MB/s")
        ours, docs_s, rows = ours_single(files, nbytes)
        print(f"ours, 1 process, end to end: {ours:.2f} MB/s, {docs_s:.0f} documents/s, {rows} targets "
              f"-> {ours / base:.2f}x the baseline")
        for workers in sorted({1, args.workers}):
            shutil.rmtree(out, ignore_errors=True)
            dt, rss, summary = cli_run(corpus, out, workers)
            print(f"extract --workers {workers}: {dt:.2f} s wall, {nbytes / dt / 1e6:.2f} MB/s, "
                  f"{args.docs / dt:.0f} documents/s, peak RSS {rss:.0f} MB  [{summary}]")
        dt, _, summary = cli_run(corpus, out, args.workers)
        print(f"re-run, nothing changed: {dt:.2f} s  [{summary}]")
        one = sorted(corpus.rglob("*.txt"))[len(files) // 2]
        one.write_text(one.read_text(encoding="utf-8") + "\n新增托位123个。", encoding="utf-8")
        dt, _, summary = cli_run(corpus, out, args.workers)
        print(f"re-run, one file changed: {dt:.2f} s  [{summary}]")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
