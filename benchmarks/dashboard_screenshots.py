"""Screenshots of the dashboard (not a test): overview, table and document view, as a new user
sees them in headless chromium at 1400x1000.

    python benchmarks/dashboard_screenshots.py                       # seeds → docs/
    python benchmarks/dashboard_screenshots.py --data OUT --out /tmp/shots --prefix national_

--data points the app at another built table (TARGETS_DATA_DIR).
"""
from __future__ import annotations

import argparse
import os
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="a built table folder (default: data/ from the seeds)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--doc", default="", help="doc_id for the document view (default: the first in the list)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    env = dict(os.environ)
    if args.data:
        env["TARGETS_DATA_DIR"] = str(args.data.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    proc = start_app(ROOT / "app.py", port, env)
    try:
        wait_health(port)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            base = f"http://127.0.0.1:{port}"
            page.goto(base)
            page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=120000)
            settle(page, 2.5)
            page.screenshot(path=str(args.out / f"{args.prefix}overview.png"))
            page.goto(base + "/?tab=目标表")
            page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=120000)
            settle(page, 2)
            page.screenshot(path=str(args.out / f"{args.prefix}table.png"))
            page.goto(base + "/?tab=文档" + (f"&doc={args.doc}" if args.doc else ""))
            page.locator("mark").first.wait_for(timeout=120000)
            settle(page, 2)
            page.screenshot(path=str(args.out / f"{args.prefix}document.png"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    for name in ("overview", "table", "document"):
        print(args.out / f"{args.prefix}{name}.png")


if __name__ == "__main__":
    main()
