"""Real browser: the 兑现情况 tab on a table built from the national reports (../shared):
verdict counts equal the progress table's, and one known target shows its reported result."""
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from targets.build import build

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "national"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if not CHROMIUM or not CORPUS.is_dir():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI needs chromium and ../shared/corpus/national for the 兑现 browser test")
    pytest.skip("chromium or the national corpus missing", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    build(CORPUS, out)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
        cwd=ROOT, env=dict(os.environ, TARGETS_DATA_DIR=str(out)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}", pd.read_parquet(out / "progress.parquet")
    proc.terminate()
    proc.wait(10)


def test_progress_tab_counts_and_a_row(national, tmp_path):
    url, progress = national
    counts = progress["verdict"].value_counts()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url + "/?tab=兑现情况", timeout=60000)
        metrics = page.locator('[data-testid="stMetric"]')
        expect(metrics.filter(has_text="已完成")).to_contain_text(f"{counts.get('met', 0):,}", timeout=60000)
        expect(metrics.filter(has_text="未完成")).to_contain_text(f"{counts.get('missed', 0):,}")
        expect(metrics.filter(has_text="无报告")).to_contain_text(f"{counts.get('no_report', 0):,}")
        # 2024's 城镇新增就业1200万人以上 is reported by the 2025 review: 1256万人, met
        grid = page.locator('[data-testid="stDataFrame"]')
        expect(grid).to_be_visible()
        with page.expect_download() as dl:
            page.get_by_role("button", name="下载兑现表 CSV").click()
        shown = pd.read_csv(dl.value.path(), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert len(shown) == len(progress)
        row = shown[(shown["year"] == "2024") & (shown["target_quote"] == "1200万人")].iloc[0]
        assert (row["result_quote"], row["verdict"], row["result_source_file"]) == (
            "1256万人", "met", "2025_国务院政府工作报告.txt")
        page.get_by_role("radio", name="领域").check(force=True)
        page.wait_for_timeout(1500)
        expect(page.locator(".vega-embed").first).to_be_visible()
        page.screenshot(path=str(tmp_path / "progress.png"))
        browser.close()
