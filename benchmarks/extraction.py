"""Benchmark (not a test): extraction speed, parallel scaling, memory and incremental re-runs.

    python benchmarks/extraction.py --docs 1000 --workers 2                  # synthetic corpus
    python benchmarks/extraction.py --corpus ../shared/corpus/national --corpus seeds --min-mb 5

The corpus is either synthetic (benchmarks/corpus.py, made from the seeds' sentences) or, with
--corpus DIR (repeatable), real documents: every file under the folders is copied into a temp
folder (never into the project), the whole set repeated (copy000/, copy001/, …) until it holds at
least --min-mb MB. On that corpus it measures, in this one run:
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
import shutil
import statistics
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
    model.parse(files[0][1])  # one-time set-up outside the timing, as for ours
    t = time.perf_counter()
    for path, _ in files:  # read + decode + recognise, like ours
        from targets.reading import read_path
        model.parse(read_path(path).text)
    return nbytes / (time.perf_counter() - t) / 1e6


def ours_single(files: list[tuple[Path, str]], nbytes: int) -> tuple[float, int, float, int]:
    from targets.build import _warm
    from targets.extract import extract_path
    # one-time set-up outside the timing: the code, OpenCC and the gazetteer (_warm: a national
    # report alone names no place and would leave the gazetteer to the timed loop), cn2an
    _warm()
    extract_path(files[0][0])
    t = time.perf_counter()
    docs = rows = 0
    for path, _ in files:
        ex = extract_path(path)
        docs += len(ex.documents)
        rows += len(ex.rows)
    dt = time.perf_counter() - t
    return nbytes / dt / 1e6, docs, docs / dt, rows


def copy_corpus(sources: list[Path], dest: Path, min_mb: float) -> tuple[int, int, int]:
    """Copy every input file under `sources` into dest/copyNNN/<source>/…, repeating the whole
    set until it holds at least `min_mb` MB. Returns (bytes, files, copies)."""
    from targets.build import input_files
    originals = [(f"{j:02d}_{src.name or 'corpus'}", src, p) for j, src in enumerate(sources) for p in input_files(src)]
    if not originals:
        raise SystemExit(f"no input files under {', '.join(map(str, sources))}")
    one = sum(p.stat().st_size for _, _, p in originals)
    copies = max(1, -(-int(min_mb * 1e6) // one))  # ceil
    for k in range(copies):
        for folder, src, p in originals:
            target = dest / f"copy{k:03d}" / folder / p.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, target)
    return one * copies, len(originals) * copies, copies


def change_one_file(corpus: Path) -> None:
    """Append a target to one UTF-8 .txt file (or a newline to any file) so its hash changes."""
    files = sorted(corpus.rglob("*.txt")) or sorted(p for p in corpus.rglob("*") if p.is_file())
    one = files[len(files) // 2]
    data = one.read_bytes()
    try:
        data.decode("utf-8")
        extra = "\n新增托位123个。".encode("utf-8")
    except UnicodeDecodeError:
        extra = b"\n"
    one.write_bytes(data + extra)


def cli_run(corpus: Path, out: Path, workers: int) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the child (its largest process), and its summary line."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se:
        proc = subprocess.Popen([sys.executable, "-m", "targets", "extract", "--input", str(corpus),
                                 "--output", str(out), "--workers", str(workers)], cwd=ROOT, stdout=so, stderr=se)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not every child's so far
        proc.returncode = os.waitstatus_to_exitcode(status)
        dt = time.perf_counter() - t
        so.seek(0), se.seek(0)
        stdout, stderr = so.read().decode(), se.read().decode()
    if proc.returncode:
        raise SystemExit(f"extract --workers {workers} failed ({proc.returncode}):\n{stderr}")
    return dt, usage.ru_maxrss / 1024, stdout.strip()  # ru_maxrss in KiB


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="synthetic corpus: number of documents")
    ap.add_argument("--corpus", type=Path, action="append",
                    help="real documents: a folder to read (repeatable); the synthetic corpus is not made")
    ap.add_argument("--min-mb", type=float, default=5.0, help="with --corpus: repeat the files up to this many MB")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of the baseline and ours")
    ap.add_argument("--keep", type=Path, help="keep the corpus and output here instead of a temp folder")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="targets_bench_"))
    corpus, out = work / "corpus", work / "out"
    try:
        if args.corpus:
            for src in args.corpus:
                if not src.is_dir():
                    ap.error(f"--corpus: not a folder: {src}")
            nbytes, nfiles, copies = copy_corpus([src.resolve() for src in args.corpus], corpus, args.min_mb)
            what = (f"real documents from {', '.join(map(str, args.corpus))}: {nfiles // copies} files "
                    f"x {copies} copies = {nfiles} files")
        else:
            nbytes = make_corpus(corpus, args.docs, args.seed)
            what = f"synthetic, {args.docs} documents"
        files = texts_of(corpus)
        print(f"corpus: {what}, {nbytes / 1e6:.1f} MB, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        # rounds alternate the two, so a slower spell of the machine falls on both; the median
        # round's ratio is the figure, every round is printed
        ratios = []
        for r in range(args.rounds):
            base = baseline_mb_s(files, nbytes)
            ours, ndocs, docs_s, rows = ours_single(files, nbytes)
            ratios.append(ours / base)
            print(f"round {r + 1}: baseline Recognizers-Text Chinese number model {base:.3f} MB/s; "
                  f"ours, 1 process, end to end {ours:.3f} MB/s, {docs_s:.0f} documents/s, {rows} targets "
                  f"-> {ours / base:.2f}x the baseline")
        print(f"ours vs the baseline, one process: median {statistics.median(ratios):.2f}x "
              f"(rounds: {', '.join(f'{x:.2f}x' for x in ratios)})")
        walls = {}
        for workers in sorted({1, args.workers}):
            shutil.rmtree(out, ignore_errors=True)
            dt, rss, summary = cli_run(corpus, out, workers)
            walls[workers] = dt
            print(f"extract --workers {workers}: {dt:.2f} s wall, {nbytes / dt / 1e6:.2f} MB/s, "
                  f"{dt / (nbytes / 1e6):.3f} s/MB, "
                  f"{ndocs / dt:.0f} documents/s, peak RSS {rss:.0f} MB  [{summary}]")
        if len(walls) == 2:
            print(f"--workers {args.workers} vs --workers 1: {walls[1] / walls[args.workers]:.2f}x faster "
                  f"({walls[args.workers] / walls[1]:.2f} of the wall time)")
        dt, _, summary = cli_run(corpus, out, args.workers)
        print(f"re-run, nothing changed: {dt:.2f} s  [{summary}]")
        change_one_file(corpus)
        dt, _, summary = cli_run(corpus, out, args.workers)
        print(f"re-run, one file changed: {dt:.2f} s  [{summary}]")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
