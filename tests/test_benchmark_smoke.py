"""The extraction benchmark runs and reports sane numbers (not that it is fast)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_extraction_benchmark_smoke():
    proc = subprocess.run([sys.executable, "benchmarks/extraction.py", "--docs", "12", "--workers", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    base = float(re.search(r"baseline .*?: ([\d.]+) MB/s", out).group(1))
    ours, ratio = re.search(r"ours, 1 process, end to end: ([\d.]+) MB/s.*-> ([\d.]+)x", out).groups()
    assert base > 0 and float(ours) > 0 and abs(float(ours) / base - float(ratio)) < 0.02
    rss = [float(x) for x in re.findall(r"peak RSS (\d+) MB", out)]
    assert len(rss) == 2 and all(10 < r < 4000 for r in rss)
    assert re.search(r"re-run, nothing changed: .*extracted=0 reused=12", out)
    assert re.search(r"re-run, one file changed: .*extracted=1 reused=11", out)
