"""Benchmark (not a test): the dashboard in a real browser.

Measures, with Playwright driving Debian's chromium:
  * ready: from launching `streamlit run app.py` to the first chart drawn in the page
    (the browser is started beforehand, as a user's browser already is);
  * filter: from picking a region in the sidebar to the new target count shown
    (the script rerun, charts and table included), best and median of several picks.

    python benchmarks/dashboard_browser.py               # the seed table (data/)
    python benchmarks/dashboard_browser.py --rows 1000000 # a synthetic table of N rows

The synthetic table is written to a temporary folder and the app is pointed at it
with TARGETS_DATA_DIR (no seeds, so nothing is rebuilt).
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(app: Path, port: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_health(port: int, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("streamlit did not start")


def region_options(page) -> list[str]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1)
    box.click()
    names = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return names


def wait_count(page, expected: int) -> None:
    page.wait_for_function(
        "([n]) => { const m = document.querySelector('[data-testid=\"stMetricValue\"]');"
        " return m && m.innerText.replace(/[^0-9]/g, '') === n; }",
        arg=[str(expected)], timeout=120000, polling="raf")


def time_filter(page, region: str, expected: int, total: int) -> float:
    """Pick one region (after removing the previous pick) and wait for its count to show."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1)
    for remove in box.locator('button[aria-label^="Remove "]').all():
        remove.click()
    wait_count(page, total)
    box.click()
    option = page.get_by_role("option", name=region, exact=True)
    t = time.perf_counter()
    option.click()
    page.keyboard.press("Escape")  # the multiselect commits its value when the list closes
    wait_count(page, expected)
    return time.perf_counter() - t


def synthetic_data(rows: int, folder: Path) -> None:
    import numpy as np
    import pandas as pd
    from targets.table import read_targets
    base = read_targets(ROOT / "data" / "targets.parquet")
    rng = np.random.default_rng(0)
    df = base.iloc[rng.integers(0, len(base), rows)].reset_index(drop=True)
    regions = np.array([f"某省某市区县{i:04d}" for i in range(2850)])
    df["region"] = regions[rng.integers(0, len(regions), rows)]
    df["province"] = np.array([f"省{i:02d}" for i in range(31)])[rng.integers(0, 31, rows)]
    df["year"] = rng.integers(2015, 2026, rows)
    df["doc_id"] = df["region"] + "#" + df["year"].astype(str)
    df.to_parquet(folder / "targets.parquet", index=False, row_group_size=128_000)
    pd.DataFrame().to_csv(folder / "targets.csv")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=0, help="synthetic table size (0: the seed table)")
    ap.add_argument("--repeat", type=int, default=5, help="filter picks to time (0: ready time only)")
    ap.add_argument("--app", type=Path, default=ROOT / "app.py",
                    help="another script, e.g. a one-chart app to measure Streamlit's own floor (use --repeat 0)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    import pyarrow.parquet as pq
    env = dict(os.environ)
    tmp = None
    data = ROOT / "data"
    if args.rows:
        tmp = data = Path(tempfile.mkdtemp(prefix="targets_bench_"))
        synthetic_data(args.rows, tmp)
        env["TARGETS_DATA_DIR"] = str(tmp)
    regions = pq.read_table(data / "targets.parquet", columns=["region"]).column("region").to_pandas()
    counts, total = regions.value_counts(), len(regions)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        port = free_port()
        t0 = time.perf_counter()
        proc = start_app(args.app, port, env)
        try:
            wait_health(port)
            t_server = time.perf_counter() - t0
            page.goto(f"http://127.0.0.1:{port}")
            page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').first \
                .wait_for(state="visible", timeout=120000)
            t_ready = time.perf_counter() - t0
            names = [n for n in region_options(page) if n and n != "Select all"][:args.repeat] if args.repeat else []
            times = [time_filter(page, name, int(counts[name]), total) for name in names]
        finally:
            proc.terminate()
            proc.wait(10)
            browser.close()
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    label = f"synthetic {args.rows:,} rows" if args.rows else "seed table"
    if args.app.resolve() != (ROOT / "app.py").resolve():
        label += f", {args.app.name}"
    print(f"{label}: server up {t_server:.2f} s, first chart in browser {t_ready:.2f} s after start")
    if not times:
        return
    print(f"{label}: filter change to new count shown: best {min(times) * 1000:.0f} ms, "
          f"median {statistics.median(times) * 1000:.0f} ms over {len(times)} picks")


if __name__ == "__main__":
    main()
