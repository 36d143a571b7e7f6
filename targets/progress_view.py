"""The dashboard's 兑现情况 tab without a browser: load the progress table, keep the targets
the sidebar filters show, count verdicts, chart them, and shape the target-vs-result table."""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from .dashboard import _AXIS_ZH
from .progress import PROGRESS_COLUMNS, progress_rows

VERDICT_LABELS = {"met": "已完成", "missed": "未完成", "no_report": "无报告"}
VERDICT_COLORS = {"已完成": "#2e7d32", "未完成": "#c62828", "无报告": "#9e9e9e"}
PROGRESS_LABELS = {
    "region": "地区", "year": "年份", "indicator": "指标", "target_quote": "目标", "result_quote": "实际",
    "verdict_label": "兑现", "gap": "差距", "unit": "单位", "target_period": "目标期", "result_period": "报告期",
    "target_sentence": "目标原句", "result_sentence": "结果原句", "target_source_file": "目标文件",
    "result_source_file": "结果文件",
}


def load_progress(data_dir: str | Path) -> pd.DataFrame:
    """progress.parquet of a built table, or an empty frame with its columns."""
    path = Path(data_dir) / "progress.parquet"
    if not path.exists():
        return pd.DataFrame(columns=PROGRESS_COLUMNS)
    return pd.read_parquet(path)


def progress_for(rows: pd.DataFrame) -> pd.DataFrame:
    """Progress computed from rows in memory (uploads joined to the table)."""
    records = rows.to_dict("records")
    return pd.DataFrame(progress_rows(records), columns=PROGRESS_COLUMNS)


def for_targets(progress: pd.DataFrame, target_ids) -> pd.DataFrame:
    """The progress rows of the targets the sidebar filters show."""
    keep = progress[progress["target_id"].isin(set(target_ids))].copy()
    keep["verdict_label"] = keep["verdict"].map(VERDICT_LABELS).fillna(keep["verdict"])
    return keep


def has_results(progress: pd.DataFrame) -> bool:
    return bool(len(progress)) and bool((progress["verdict"] != "no_report").any())


def verdict_counts(progress: pd.DataFrame) -> dict[str, int]:
    counts = progress["verdict"].value_counts() if len(progress) else pd.Series(dtype=int)
    return {label: int(counts.get(v, 0)) for v, label in VERDICT_LABELS.items()}


def chart_verdicts(progress: pd.DataFrame, by: str = "region", top: int = 15) -> alt.Chart:
    """Stacked bar: met / missed / no report for each region (or domain), the busiest first."""
    data = progress.copy()
    data[by] = data[by].replace("", "(未识别)")
    order = data[by].value_counts().index[:top].tolist()
    data = data[data[by].isin(order)]
    agg = data.groupby([by, "verdict_label"]).size().reset_index(name="n")
    title = {"region": "地区", "domain_label": "领域", "domain": "领域"}.get(by, by)
    return alt.Chart(agg).mark_bar().encode(
        y=alt.Y(f"{by}:N", sort=order, title=title, axis=alt.Axis(labelLimit=180, labelOverlap=False)),
        x=alt.X("n:Q", title="目标数"),
        color=alt.Color("verdict_label:N", title="兑现",
                        scale=alt.Scale(domain=list(VERDICT_COLORS), range=list(VERDICT_COLORS.values()))),
        tooltip=[alt.Tooltip(f"{by}:N", title=title), alt.Tooltip("verdict_label:N", title="兑现"),
                 alt.Tooltip("n:Q", title="目标数")],
    # the chart's height includes the x axis and its title (Streamlit fits the chart): ~70 px
    # of it are not bars, so every bar keeps ~28 px and every label is drawn
    ).properties(height=max(150, 70 + 28 * len(order)))


def progress_display(progress: pd.DataFrame) -> pd.DataFrame:
    """Target vs result, one row a target, Chinese headers; reported ones first."""
    order = {"missed": 0, "met": 1, "no_report": 2}
    df = progress.assign(_o=progress["verdict"].map(order)).sort_values(["_o", "region", "indicator"])
    if "gap" in df.columns:
        # signed, with its unit (+120个, -0.3百分点); blank, not "None", for a target without a report
        units = df["unit"] if "unit" in df.columns else pd.Series("", index=df.index)
        df = df.assign(gap=[_signed(g, u) for g, u in zip(df["gap"], units)])
    cols = [c for c in PROGRESS_LABELS if c in df.columns]
    return df[cols].rename(columns=PROGRESS_LABELS)


def _signed(gap, unit) -> str:
    try:
        g = float(gap)
    except (TypeError, ValueError):
        return ""
    if g != g:
        return ""
    unit = "" if unit is None or unit != unit else str(unit)
    return f"{g:+,.4f}".rstrip("0").rstrip(".") + unit


def progress_csv_bytes(progress: pd.DataFrame) -> bytes:
    """The shown progress rows as CSV (UTF-8 BOM, raw column names and values), cells that
    would start a formula neutralised like the table's CSV."""
    from .dashboard import CSV_LABEL_COLUMNS, neutralise, with_chinese_labels
    out = progress[[c for c in PROGRESS_COLUMNS if c in progress.columns]].copy()
    out = with_chinese_labels(out, {"verdict": ("兑现", VERDICT_LABELS), "domain": CSV_LABEL_COLUMNS["domain"],
                                    "kind": CSV_LABEL_COLUMNS["kind"], "comparator": CSV_LABEL_COLUMNS["comparator"]})
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def repeated_metrics(progress: pd.DataFrame) -> list[str]:
    """Metrics (or indicator names) promised in at least two years by one area: the series
    worth drawing, most years first."""
    key = progress["metric"].where(progress["metric"] != "", progress["indicator"])
    years = progress.assign(_k=key).groupby(["_k", "region"])["year"].nunique()
    best = years[years >= 2].groupby(level=0).max().sort_values(ascending=False)
    return [k for k in best.index if k]


def promised_vs_reported(progress: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Long frame (region, year, series 承诺/报告, value, unit) of one metric over the years."""
    key = progress["metric"].where(progress["metric"] != "", progress["indicator"])
    rows = progress[key == metric]
    promised = rows.assign(series="承诺", value=rows["target_value"])
    reported = rows[rows["result_value"].notna()].assign(series="报告", value=lambda d: d["result_value"])
    out = pd.concat([promised, reported])[["region", "year", "series", "value", "unit", "verdict_label"]]
    return out.drop_duplicates().sort_values(["region", "year", "series"])


def chart_promised_vs_reported(data: pd.DataFrame, metric: str) -> alt.Chart:
    unit = data["unit"].iloc[0] if len(data) else ""
    base = alt.Chart(data).encode(
        x=alt.X("year:O", title="年份", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=f"{metric}({unit})", axis=alt.Axis(labelExpr=_AXIS_ZH)),
        color=alt.Color("series:N", title="", scale=alt.Scale(domain=["承诺", "报告"], range=["#1f77b4", "#ff7f0e"])),
        tooltip=[alt.Tooltip("region:N", title="地区"), alt.Tooltip("year:O", title="年份"),
                 alt.Tooltip("series:N", title=""), alt.Tooltip("value:Q", title="数值", format=",.4~g"),
                 alt.Tooltip("verdict_label:N", title="兑现")],
    )
    return (base.mark_line(point=True) if data["year"].nunique() > 1 else base.mark_point(size=80)).properties(
        height=260)
