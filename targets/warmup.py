"""Warm the dashboard while the browser is still loading the page.

`streamlit run app.py` serves app.py through `st.App`, whose lifespan starts this thread once
the Streamlit runtime is up. It imports pandas, Altair and pyarrow and fills the cached table
source and option lists (the real st.cache storage, as Streamlit's ASGI guide describes), so the
first browser session's script run finds them ready."""
from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager

THREAD_NAME = "targets-warm"


class _QuietWarmThread(logging.Filter):
    """Drop Streamlit's "missing ScriptRunContext" warning for this thread only: the loaders'
    spinners have no page to draw on here, which is expected."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD_NAME


def warm() -> None:
    import altair  # noqa: F401  (imported by the charts on the first run)

    from .app_cache import data_source, filters_key, metric_chart, overview, values
    from .dashboard import Filters
    source = data_source("", None)
    for column in ("province", "region", "unit", "origin"):
        values("", column)
    default = Filters()
    first = overview("", filters_key(default), source, default)  # the page opens on the overview
    if first["metrics"]:
        metric_chart("", filters_key(default), first["metrics"][0], source, default)


@asynccontextmanager
async def lifespan(_app):
    # A thread, not an await: the server must answer the browser while this runs. If the page
    # asks for the same cached value meanwhile, Streamlit's per-key lock makes it wait for this one.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_QuietWarmThread())
    threading.Thread(target=warm, name=THREAD_NAME, daemon=True).start()
    yield
