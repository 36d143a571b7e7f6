"""Screenshots of the dashboard (not a test): overview, the metric comparison below it, table,
document view and the 兑现情况 tab, as a new user sees them in headless chromium at 1400x1000.

    python benchmarks/dashboard_screenshots.py                       # seeds → docs/
    python benchmarks/dashboard_screenshots.py --data /tmp/national --text ../shared/corpus/national \
        --prefix national_ --only overview,table,document

--data points the app at another built table (TARGETS_DATA_DIR), --text at the folder it was built
from (TARGETS_TEXT_DIR, for the document view).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from dashboard_browser import CHROMIUM_ARGS, free_port, start_app, wait_health  # noqa: E402


def settle(page, seconds: float = 1.5) -> None:
    """Wait until Streamlit has finished the rerun (no running indicator), then a little more."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60000)
    page.wait_for_timeout(seconds * 1000)


def small(path: Path) -> None:
    """256 colours (the page is flat colours and text): about a third of the bytes, same look."""
    from PIL import Image
    with Image.open(path) as im:
        im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            path, optimize=True)


SHOTS = ("overview", "compare", "table", "document", "progress")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="a built table folder (default: data/ from the seeds)")
    ap.add_argument("--text", type=Path, help="the folder the table was built from (for the document view)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--doc", default="", help="doc_id for the document view (default: the first in the list)")
    ap.add_argument("--metric", default="", help="metric to compare (default: the dashboard's first)")
    ap.add_argument("--only", default=",".join(SHOTS), help="which screenshots, comma-separated: " + ",".join(SHOTS))
    args = ap.parse_args()
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright
    # no file watcher: a source file saved meanwhile would put a "rerun?" notice in the picture
    env = dict(os.environ, STREAMLIT_SERVER_FILE_WATCHER_TYPE="none")
    if args.data:
        env["TARGETS_DATA_DIR"] = str(args.data.resolve())
    if args.text:
        env["TARGETS_TEXT_DIR"] = str(args.text.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = [s for s in args.only.split(",") if s]
    port = free_port()
    proc = start_app(ROOT / "app.py", port, env)
    done = []

    def shot(page, name):
        path = args.out / f"{args.prefix}{name}.png"
        page.mouse.move(1390, 600)  # right margin: no hover toolbar or tooltip in the picture
        page.wait_for_timeout(300)
        page.screenshot(path=str(path))
        small(path)
        done.append(path)

    try:
        wait_health(port)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            base = f"http://127.0.0.1:{port}"
            if "overview" in wanted or "compare" in wanted:
                page.goto(base)
                page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=120000)
                settle(page, 2.5)
                if "overview" in wanted:
                    shot(page, "overview")
            if "compare" in wanted:
                box = page.locator('[data-testid="stSelectbox"]').filter(has_text="标准指标")
                if args.metric:
                    option = page.get_by_role("option", name=re.compile("^" + re.escape(args.metric + "(")))
                    for _ in range(5):  # a list closed by a late rerun is opened again
                        settle(page, 0.5)
                        box.click()
                        try:
                            option.wait_for(state="visible", timeout=3000)
                        except Exception:  # noqa: BLE001 (playwright's TimeoutError)
                            page.keyboard.press("Escape")
                            continue
                        option.click()
                        break
                    settle(page, 2)
                box.scroll_into_view_if_needed()
                page.evaluate("() => { const b = [...document.querySelectorAll('h3')].find("
                              "h => h.innerText.includes('同一指标')); b && b.scrollIntoView(); }")
                settle(page, 1)
                shot(page, "compare")
            if "table" in wanted:
                page.goto(base + "/?tab=" + quote("目标表"))
                page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=120000)
                settle(page, 2)
                shot(page, "table")
            if "document" in wanted:
                page.goto(base + "/?tab=" + quote("文档") + (f"&doc={quote(args.doc, safe='')}" if args.doc else ""))
                page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=120000)
                settle(page, 2)
                # scroll the document's own box (not the page) to its first marked number
                page.locator('[data-testid="stHtml"] mark').first.evaluate(
                    "m => { let p = m.parentElement; while (p && !(p.scrollHeight > p.clientHeight + 5"
                    " && getComputedStyle(p).overflowY !== 'visible')) p = p.parentElement;"
                    " if (p) p.scrollTop += m.getBoundingClientRect().top - p.getBoundingClientRect().top - 90; }")
                page.wait_for_timeout(500)
                shot(page, "document")
            if "progress" in wanted:
                page.goto(base + "/?tab=" + quote("兑现情况"))
                page.locator('[data-testid="stMetric"]').filter(has_text="已完成").first.wait_for(timeout=120000)
                settle(page, 2.5)
                shot(page, "progress")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    for path in done:
        print(path, f"{path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
