"""Real browser: start the app, filter by region, download CSV, upload a document, screenshot.

Uses Playwright driving Debian's chromium (/usr/bin/chromium, installed by .ci/run).
Skipped on a machine without chromium unless CI=true, where a missing browser fails.
"""
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if not CHROMIUM:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI needs Debian's chromium for the browser test (apt-get install chromium)")
    pytest.skip("chromium not installed", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("streamlit did not start")
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def page(app_url):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.goto(app_url)
        expect(pg.get_by_text("政策目标看板").first).to_be_visible(timeout=60000)
        yield pg
        browser.close()


def _pick_region(page, region):
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1)
    box.click()
    page.get_by_role("option", name=region).click()
    page.keyboard.press("Escape")


def test_filter_download_upload_screenshot(page, tmp_path):
    _pick_region(page, "浙江省绍兴市")
    page.wait_for_function("() => window.location.search.includes('regions=')", timeout=20000)
    metric = page.locator('[data-testid="stMetricValue"]').first
    expect(metric).not_to_have_text("0", timeout=20000)
    before = int(metric.inner_text())
    page.get_by_role("tab", name="目标表").click()
    with page.expect_download(timeout=30000) as dl:
        page.get_by_role("button", name="下载 CSV").click()
    download = dl.value
    assert download.suggested_filename == "targets_浙江省绍兴市.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(df.columns)[:3] == ["target_id", "doc_id", "source_file"]
    assert len(df) == before > 10 and set(df["region"]) == {"浙江省绍兴市"}

    # upload a document: its targets join the views, marked as uploaded
    upload = tmp_path / "upload_plan.txt"
    upload.write_text("绍兴市教育局2025年工作要点\n绍兴市新增托位777个,新开幼儿园9所。", encoding="utf-8")
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(upload))
    expect(page.get_by_text("上传文件中找到 2 个目标")).to_be_visible(timeout=30000)
    page.get_by_role("tab", name="概览").click()
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text(str(before + 2), timeout=30000)
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert (tmp_path / "dashboard.png").stat().st_size > 10000
