"""Real browser (issue 12): Chinese placeholders and no Deploy button; the metric chart draws the
rows' values (rates never summed); the region filter with its CSV and Excel downloads; uploads, the
来源 filter and correcting an upload's region (table and downloads follow); the document view by URL.

Uses Playwright driving Debian's chromium (/usr/bin/chromium, installed by .ci/run).
Skipped on a machine without chromium unless CI=true, where a missing browser fails.
"""
import io
import os
import re
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
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],  # a source file saved meanwhile must not show a rerun notice
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url):
    """A new browser session (a new Streamlit session) for each test, opened on the overview."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.goto(app_url)
    expect(pg.get_by_text("政策目标看板").first).to_be_visible(timeout=60000)
    expect(_count(pg)).to_have_text(re.compile(r"\d"), timeout=60000)
    yield pg
    context.close()


def _seed_targets() -> pd.DataFrame:
    df = pd.read_parquet(ROOT / "data" / "targets.parquet")
    return df[df["status"].fillna("target").replace("", "target") == "target"] if "status" in df.columns else df


def _box(page, label):
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label))


def _settle(page):
    """Wait until the script rerun has finished (Streamlit's running indicator is gone)."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60000)


def _choose(page, box, wanted):
    """Open a select box's list and click an option; a list closed by a late rerun is opened again."""
    for _ in range(5):
        _settle(page)
        box.click()
        try:
            wanted.wait_for(state="visible", timeout=3000)
            wanted.click(timeout=3000)
        except Exception:  # noqa: BLE001 (playwright's TimeoutError): the list closed, try again
            page.keyboard.press("Escape")
            continue
        return
    raise AssertionError(f"option never shown in {box}")


def _pick(page, label, option):
    _choose(page, _box(page, label), page.get_by_role("option", name=option, exact=True))
    page.keyboard.press("Escape")  # the multiselect commits its value when the list closes


def _submit_correction(page, region, expected_note):
    """Fill the correction form and submit it; a submit lost to a rerun still in flight is sent again."""
    note = page.get_by_text(expected_note, exact=False)
    for _ in range(3):
        _settle(page)
        page.locator('[data-testid="stExpander"]').get_by_label("地区", exact=True).fill(region)
        _settle(page)
        page.get_by_role("button", name="应用更正").click()
        try:
            note.wait_for(state="visible", timeout=15000)
            return
        except Exception:  # noqa: BLE001 (playwright's TimeoutError)
            continue
    expect(note).to_be_visible(timeout=1000)


def _count(page):
    return page.locator('[data-testid="stMetricValue"]').first


def _download(page, button, tmp_path):
    with page.expect_download(timeout=30000) as dl:
        page.get_by_role("button", name=button).click()
    download = dl.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return download.suggested_filename, path


def _xlsx_sheet(path, name) -> list[tuple]:
    import openpyxl
    return list(openpyxl.load_workbook(path, read_only=True)[name].iter_rows(values_only=True))


def _xlsx_rows(path) -> pd.DataFrame:
    head, *body = _xlsx_sheet(path, "目标")
    return pd.DataFrame(body, columns=head)


def _grid_rows(page) -> list[list[str]]:
    """The cells of the table tab's rows as drawn (the grid keeps an accessible copy of its cells)."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid.locator('[role="gridcell"]').first).to_be_attached(timeout=30000)
    return [r for r in grid.locator('[role="row"]').evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('[role=gridcell]')].map(c => c.innerText.trim()))") if r]


def _upload(page, tmp_path):
    upload = tmp_path / "upload_plan.txt"
    upload.write_text("绍兴市教育局2025年工作要点\n绍兴市新增托位777个,新开幼儿园9所。", encoding="utf-8")
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(upload))
    expect(page.get_by_text("上传文件中找到 2 个目标")).to_be_visible(timeout=30000)


def test_chinese_placeholders_and_no_deploy(page):
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60000)
    inputs = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input')
    assert inputs.count() >= 7
    assert set(inputs.evaluate_all("els => els.map(e => e.placeholder)")) == {"全部"}
    body = page.locator("body").inner_text()
    for english in ("Deploy", "Choose options", "Choose an option", "Drag and drop", "Browse files"):
        assert english not in body
    assert page.locator('[data-testid="stAppDeployButton"]').count() == 0
    # the uploader's English texts are hidden and replaced by Chinese ones
    after = page.locator('[data-testid="stFileUploaderDropzone"] button p').evaluate(
        "e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]")
    assert after[0] == "0px" and "选择文件" in after[1]


def test_metric_chart_points_are_the_rows_values(page):
    """不动产权证持证率: four quarterly milestones are four points with the rows' values, not one summed point."""
    from targets.dashboard import metric_stats, rank_metrics
    table = _seed_targets()
    rows = table[table["metric"] == "不动产权证持证率"]
    assert len(rows) >= 2 and rows["unit"].eq("%").all()
    metric = page.locator('[data-testid="stSelectbox"]').filter(has_text="标准指标")
    # it opens on the metric with most regions or years to compare, not the first by name
    expect(metric.get_by_role("combobox")).to_have_value(
        re.compile("^" + re.escape(rank_metrics(metric_stats(table))[0] + "(")), timeout=30000)
    _choose(page, metric, page.get_by_role("option", name=re.compile("^不动产权证持证率")))
    chart = page.locator('[data-testid="stVegaLiteChart"]').nth(2)
    expect(chart.locator('[aria-label*="不动产权证持证率"]').first).to_be_attached(timeout=30000)
    labels = chart.locator('[aria-roledescription="point"], path[aria-label*="数值: "]').evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || '')")
    values = sorted(float(m.replace(",", "")) for lab in labels for m in re.findall(r"数值: ([-\d.,]+)", lab))
    assert values == sorted(rows["value"].tolist()) and max(values) <= 100, labels
    periods = {p for lab in labels for p in re.findall(r"时期: (\S+?);", lab)}
    assert len(periods) == len(rows), labels  # one point per milestone, on a time axis


def test_region_filter_csv_and_xlsx_downloads(page, tmp_path):
    _pick(page, "地区", "浙江省绍兴市")
    page.wait_for_function("() => window.location.search.includes('regions=')", timeout=20000)
    expected = int((_seed_targets()["region"] == "浙江省绍兴市").sum())
    expect(_count(page)).to_have_text(str(expected), timeout=20000)
    page.get_by_role("tab", name="目标表").click()
    name, path = _download(page, "下载 CSV", tmp_path)
    assert name == "targets_浙江省绍兴市.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(df.columns)[:3] == ["target_id", "doc_id", "source_file"]
    assert len(df) == expected > 10 and set(df["region"]) == {"浙江省绍兴市"}
    name, path = _download(page, "下载 Excel", tmp_path)
    assert name == "targets_浙江省绍兴市.xlsx"
    xl = _xlsx_rows(path)
    assert len(xl) == expected and set(xl["地区"]) == {"浙江省绍兴市"}
    assert sorted(xl["编号"]) == sorted(df["target_id"])
    # raw numbers kept (20亿元 is 2000000000 in the cell), equal to the table's
    seeds = _seed_targets().set_index("target_id")
    assert [float(v) for v in xl["数值"]] == [float(seeds.at[t, "value"]) for t in xl["编号"]]
    info = dict(r[:2] for r in _xlsx_sheet(path, "筛选与来源") if r[0] in ("地区", "行数"))
    assert info == {"地区": "浙江省绍兴市", "行数": str(expected)}


def test_upload_origin_filter_and_region_correction(page, tmp_path):
    total = len(_seed_targets())
    expect(_count(page)).to_have_text(f"{total:,}", timeout=30000)
    _upload(page, tmp_path)
    expect(_count(page)).to_have_text(f"{total + 2:,}", timeout=30000)
    _pick(page, "来源", "种子")
    expect(_count(page)).to_have_text(f"{total:,}", timeout=30000)
    _box(page, "来源").get_by_role("button", name="Remove 种子").click()
    expect(_count(page)).to_have_text(f"{total + 2:,}", timeout=30000)
    _pick(page, "来源", "上传")
    expect(_count(page)).to_have_text("2", timeout=30000)
    # correct the upload's region: its rows move to that region in the table and the downloads
    _settle(page)
    page.get_by_text("更正上传文档的地区和年份").click()
    _submit_correction(page, "杭州市", "已更正(地区 浙江省绍兴市→浙江省杭州市)")
    _pick(page, "地区", "浙江省杭州市")
    expect(_count(page)).to_have_text("2", timeout=30000)
    # the seeds' 绍兴市 rows are there too: the two uploaded ones are no longer among them
    _box(page, "来源").get_by_role("button", name="Remove 上传").click()
    shaoxing = int((_seed_targets()["region"] == "浙江省绍兴市").sum())
    _box(page, "地区").get_by_role("button", name="Remove 浙江省杭州市").click()
    _pick(page, "地区", "浙江省绍兴市")
    expect(_count(page)).to_have_text(f"{shaoxing:,}", timeout=30000)
    _box(page, "地区").get_by_role("button", name="Remove 浙江省绍兴市").click()
    _pick(page, "地区", "浙江省杭州市")
    expect(_count(page)).to_have_text("2", timeout=30000)
    page.get_by_role("tab", name="目标表").click()
    cells = _grid_rows(page)
    assert sorted((r[0], r[3]) for r in cells) == [("浙江省杭州市", "777个"), ("浙江省杭州市", "9所")]
    name, path = _download(page, "下载 CSV", tmp_path)
    df = pd.read_csv(path, encoding="utf-8-sig")
    assert sorted(df["quote"]) == ["777个", "9所"] and set(df["region"]) == {"浙江省杭州市"}
    assert set(df["origin"]) == {"上传"} and df["corrected"].str.contains("浙江省杭州市").all()
    _, path = _download(page, "下载 Excel", tmp_path)
    xl = _xlsx_rows(path)
    assert set(xl["地区"]) == {"浙江省杭州市"} and set(xl["来源"]) == {"上传"}
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert (tmp_path / "dashboard.png").stat().st_size > 10000


def test_document_view_by_url(page, app_url):
    page.goto(app_url + "/?tab=文档&doc=004_a260c81493b2f1ef%231")
    doc = page.locator('[data-testid="stHtml"]').first
    expect(doc).to_contain_text("绍兴市", timeout=30000)
    n_rows = int((_seed_targets()["doc_id"] == "004_a260c81493b2f1ef#1").sum())
    expect(doc.locator("mark")).to_have_count(n_rows, timeout=30000)


def test_document_link_opens_scrolled_to_its_row(page, app_url):
    """A newcomer's review: the 全文 link of a row near a document's end opened at its title, the
    marked number out of sight. It now opens with that number in view."""
    from targets.dashboard import doc_url
    rows = _seed_targets()
    doc_id = rows["doc_id"].value_counts().index[0]  # the seeds' document with most rows
    last = rows[rows["doc_id"] == doc_id].sort_values("start").iloc[-1]
    page.goto(app_url + "/" + doc_url(doc_id, last["target_id"]))
    frame = page.frame_locator('iframe[title="st.iframe"]').first
    mark = frame.locator("mark#focus")
    expect(mark).to_have_text(last["quote"], timeout=30000)
    expect(mark).to_be_in_viewport(timeout=10000)
    # the document is longer than its box: the box was scrolled, not merely short
    assert frame.locator("body").evaluate("b => b.ownerDocument.scrollingElement.scrollTop") > 0
