"""The dashboard's cached loaders (st.cache_*): the table source, option lists, uploads, seed
texts and the gold scores. A module, not app.py, so the server's warm-up (targets.warmup) can
fill the same caches before the first browser session arrives."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from .dashboard import ORIGIN_SEED, Filters, ensure_current, extract_uploads, load_documents, load_table
from .reading import read_path
from .sources import DUCKDB_THRESHOLD, DuckSource, FrameSource, parquet_rows

ROOT = Path(__file__).resolve().parents[1]
# TARGETS_DATA_DIR points the app at another built table (a national corpus, a benchmark);
# then nothing is rebuilt from seeds/.
DATA = Path(os.environ.get("TARGETS_DATA_DIR") or ROOT / "data")
SEEDS, GOLD = ROOT / "seeds", ROOT / "tests" / "gold"
# The input folder of the built table, for reading documents whole in the document view
# (TARGETS_TEXT_DIR; default seeds/). A file is shown only if it is the one the table was built
# from (its sha256 in the table's manifest.json), so the marked offsets fit.
TEXTS = Path(os.environ.get("TARGETS_TEXT_DIR") or SEEDS)
REBUILD = "TARGETS_DATA_DIR" not in os.environ
# 来源 of the built table's rows: the seeds, or another table the app was pointed at.
BASE_ORIGIN = ORIGIN_SEED if REBUILD else "数据表"


@st.cache_resource(show_spinner="正在加载目标表(首次运行会从 seeds/ 构建)…", max_entries=8)
def data_source(upload_key: str, _uploads: pd.DataFrame | None):
    """The rows to show: in memory for small tables, DuckDB over the Parquet file for big ones.
    cache_resource: one shared read-only object, never pickled or copied per session."""
    if REBUILD:
        ensure_current(DATA, SEEDS)
    path = DATA / "targets.parquet"
    if parquet_rows(path) > DUCKDB_THRESHOLD:
        return DuckSource(path, _uploads, origin=BASE_ORIGIN)
    df = load_table(DATA, SEEDS, rebuild=False, origin=BASE_ORIGIN)
    return FrameSource(pd.concat([df, _uploads], ignore_index=True) if _uploads is not None and len(_uploads) else df)


@st.cache_data(show_spinner="正在匹配目标与结果…", max_entries=8)
def progress_table(upload_key: str, _uploads: pd.DataFrame | None) -> pd.DataFrame:
    """兑现: the built table's progress.parquet; with uploads, linked anew over table + uploads
    (uploads are small; a big table keeps its prebuilt links)."""
    from .progress_view import load_progress, progress_for
    if _uploads is None or not len(_uploads) or parquet_rows(DATA / "targets.parquet") > DUCKDB_THRESHOLD:
        if REBUILD:
            ensure_current(DATA, SEEDS)
        return load_progress(DATA)
    df = load_table(DATA, SEEDS, rebuild=REBUILD, origin=BASE_ORIGIN)
    return progress_for(pd.concat([df, _uploads], ignore_index=True))


@st.cache_data(show_spinner=False, max_entries=64)
def values(upload_key: str, column: str, provinces: tuple[str, ...] = ()) -> list[str]:
    return data_source(upload_key, None).values(column, Filters(provinces=list(provinces)) if provinces else None)


@st.cache_data(show_spinner="正在抽取上传的文件…", max_entries=20)
def uploaded(files: tuple[tuple[str, bytes], ...]):
    return extract_uploads(list(files))


@st.cache_data(show_spinner=False)
def seed_documents() -> pd.DataFrame:
    """The built table's documents (documents.csv), for the document view and the Excel sheet."""
    return load_documents(DATA, origin=BASE_ORIGIN)


@st.cache_data(show_spinner=False)
def seed_text(source_file: str) -> str | None:
    """The built table's source file as text, or None when it is not at hand or not the same file."""
    path = TEXTS / source_file
    if not path.is_file():
        return None
    if not REBUILD or "TARGETS_TEXT_DIR" in os.environ:
        from .build import file_hash, read_manifest
        known = read_manifest(DATA).get("files", {}).get(source_file, {}).get("sha256")
        if known and known != file_hash(path):
            return None
    return read_path(path).text


@st.cache_data(show_spinner="正在计算金标准评分…")
def quality():
    from .build import extract_folder
    from .evaluate import load_gold, score
    result = extract_folder(SEEDS)
    overall, per_file = score(result.rows, load_gold(GOLD))
    files = pd.DataFrame([{"文件": k, "精确率": v.precision, "召回率": v.recall, "F1": v.f1,
                           "命中": v.tp, "多报": v.fp, "漏报": v.fn} for k, v in per_file.items()])
    misses = pd.DataFrame([{"文件": g["source_file"], "原文": g["quote"], "指标": g["indicator"]}
                           for g in overall.misses])
    extras = pd.DataFrame([{"文件": p["source_file"], "原文": p["quote"], "原句": p["sentence"][:80]}
                           for p in overall.extras])
    return overall.summary(), files, misses, extras


@st.cache_data(show_spinner="正在逐个判定数字…", max_entries=32)
def explanation(text: str, source_file: str) -> pd.DataFrame:
    """Every candidate number of a file with its decision and the rule's reason (explain.py)."""
    from .explain import explanation_frame
    return explanation_frame(text, source_file)


# ---------- the overview, cached per filter set ----------
# The overview's figures and chart specs depend only on the table (upload_key) and the filters,
# so they are computed once per filter set (a filter change back to an earlier choice, or a
# rerun for another widget, costs nothing) and the server's warm-up fills them for the default
# filters. Specs are Vega-Lite dicts: Altair builds and validates them once here, not per rerun.
def filters_key(f: Filters) -> str:
    import json
    return json.dumps(f.to_query(), ensure_ascii=False, sort_keys=True)


@st.cache_data(show_spinner=False, max_entries=64)
def view_colors(upload_key: str, key: str, _source, _filters: Filters) -> dict[str, str]:
    """One colour per region of the filtered view (and grey for 其他地区), shared by its charts:
    counted once a view, not again for each metric picked."""
    from .dashboard import OTHER_REGIONS, region_colors
    counts = _source.domain_region_counts(_filters)
    return region_colors([*counts["region"].dropna().unique(), OTHER_REGIONS])


@st.cache_data(show_spinner=False, max_entries=64)
def overview(upload_key: str, key: str, _source, _filters: Filters, rate_points_shown: int = 5000) -> dict:
    from .dashboard import (chart_by_domain, chart_rates, lump_regions, metric_option_label, rank_metrics,
                            rate_chart_data)
    counts = _source.domain_region_counts(_filters)
    colors = view_colors(upload_key, key, _source, _filters)
    out: dict = {"domain": chart_by_domain(lump_regions(counts, weight="n"), colors).to_dict()}
    rates = _source.rates(_filters, limit=rate_points_shown)
    if not rates.empty:
        data, left_out = rate_chart_data(lump_regions(rates))
        out.update(rates=chart_rates(data, colors).to_dict(), rate_labels=int(data["label"].nunique()),
                   left_out=left_out)
    stats = _source.metric_stats(_filters)
    out["metrics"] = rank_metrics(stats)
    out["metric_labels"] = metric_option_label(stats)
    return out


@st.cache_data(show_spinner=False, max_entries=64)
def metric_chart(upload_key: str, key: str, metric: str, _source, _filters: Filters) -> dict:
    from .dashboard import chart_metric, top_regions
    series = _source.metric_series(_filters, metric)
    shown = top_regions(series, k=12, weight="n")
    colors = view_colors(upload_key, key, _source, _filters)
    return {"spec": chart_metric(series[series["region"].isin(shown)], metric, colors).to_dict(), "shown": len(shown),
            "regions": int(series["region"].nunique())}
