"""The extraction benchmark runs and reports sane numbers (not that it is fast)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _check_rounds(out: str) -> None:
    """Each round's ratio is ours / the baseline's speed, and the median is one of the rounds'."""
    rounds = re.findall(r"round \d+: baseline .*? ([\d.]+) MB/s; ours, 1 process, end to end ([\d.]+) MB/s.*-> ([\d.]+)x",
                        out)
    assert len(rounds) == 3, out
    for base, ours, ratio in rounds:
        assert float(base) > 0 and float(ours) > 0 and abs(float(ours) / float(base) - float(ratio)) < 0.02
    median = re.search(r"ours vs the baseline, one process: median ([\d.]+)x", out).group(1)
    assert sorted(r for _, _, r in rounds)[1] == median


def test_extraction_benchmark_smoke():
    proc = subprocess.run([sys.executable, "benchmarks/extraction.py", "--docs", "12", "--workers", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    _check_rounds(out)
    rss = [float(x) for x in re.findall(r"peak RSS (\d+) MB", out)]
    assert len(rss) == 2 and all(10 < r < 4000 for r in rss)
    assert re.search(r"re-run, nothing changed: .*extracted=0 reused=12", out)
    assert re.search(r"re-run, one file changed: .*extracted=1 reused=11", out)


def test_extraction_benchmark_real_corpus_smoke():
    """--corpus: real files copied to a temp folder and repeated up to --min-mb, baseline alongside."""
    proc = subprocess.run([sys.executable, "benchmarks/extraction.py", "--corpus", "seeds", "--min-mb", "0.3",
                           "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert re.search(r"corpus: real documents from seeds: 5 files x 3 copies = 15 files, 0\.[34] MB", out), out
    _check_rounds(out)
    walls = {int(w): float(s) for w, s in re.findall(r"extract --workers (\d): ([\d.]+) s wall", out)}
    assert set(walls) == {1, 2}
    assert re.search(r"--workers 2 vs --workers 1: [\d.]+x faster", out)
    assert re.search(r"re-run, nothing changed: .*extracted=0 reused=15", out)
    assert re.search(r"re-run, one file changed: .*extracted=1 reused=14", out)


def test_pathological_benchmark_smoke():
    """Every pathological input is generated, extracted in a child and reported (tiny sizes)."""
    proc = subprocess.run([sys.executable, "benchmarks/pathological.py", "--scale", "0.002", "--corpus", "seeds",
                           "--min-mb", "0.1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert re.search(r"real text .* s/MB .*peak RSS", out), out
    for shape in ("runon", "digits", "numerals", "mix", "table"):
        m = re.search(rf"^{shape}\s+([\d.]+) MB\s+([\d.]+) s\s+([\d.]+) s/MB\s+peak RSS\s+(\d+) MB\s+rows=(\d+)\+(\d+) errors=0",
                      out, re.M)
        assert m, (shape, out)
        assert 10 < float(m.group(4)) < 4000
    rows = {shape: int(re.search(rf"^{shape} .* rows=(\d+)\+", out, re.M).group(1)) for shape in ("runon", "table")}
    assert rows["table"] > 0, out  # task rows are found
    assert rows["runon"] == 0, out  # 达到95%、 x 400 is one number run: nothing named, nothing kept
