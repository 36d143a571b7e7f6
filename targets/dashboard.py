"""Everything the dashboard does besides layout: loading, filtering, charts,
downloads, uploads and highlighting. Pure functions, testable without a browser."""
from __future__ import annotations

import hashlib
import html
import io
import re
import zlib
from dataclasses import dataclass, field, fields
from pathlib import Path

import altair as alt
import pandas as pd

from .build import build, is_current
from .errors import ReadError
from .formatting import ROW_SEPARATOR, format_value
from .schema import COLUMNS
from .reading import MAX_BYTES, read_bytes
from .table import read_targets, rows_to_frame
from .vocab import load_vocab

_V = load_vocab()
DOMAIN_LABELS: dict[str, str] = _V["domain_labels"]
KIND_LABELS: dict[str, str] = _V["kind_labels"]
STRENGTH_LABELS: dict[str, str] = _V["strength_labels"]
UPLOAD_MAX_BYTES = 20 * 1024 * 1024
UPLOAD_MAX_FILES = 50

STATUS_LABELS = {"target": "目标", "result": "结果"}
# The sidebar's 显示 option: targets only (the default, "" in the URL), both, or results only.
SHOW_LABELS = {"": "只看目标", "all": "目标和结果", "result": "只看结果"}
COMPARATOR_LABELS = {"=": "等于", ">=": "不低于", "<=": "不超过", "range": "区间", "~": "约"}
ORIGIN_SEED, ORIGIN_UPLOAD = "种子", "上传"
ORIGIN_HELP = "种子:随项目提供并已构建的文件(seeds/ 或指定的数据表);上传:本次会话上传的文件"
# Counts and money of one indicator may be added up (托位 500 + 300 in one region and year);
# rates, changes, norms and deadlines never: each is a point (a milestone, a level).
ADDITIVE_KINDS = ("count", "money")
_PERIOD = re.compile(r"^\d{4}(?:Q[1-4]|-\d{2})?$")

# The table tab: display column → (Chinese header, help shown on the header).
DISPLAY_COLUMNS: dict[str, tuple[str, str]] = {
    "region": ("地区", "发文机关所在地区(省/市/区县全称)"),
    "year": ("年份", "文件(计划)所属年份"),
    "indicator": ("指标", "衡量的对象,如 托位、普惠性幼儿园覆盖率"),
    "value_label": ("目标值", "数值和单位,万/亿已换算;下载文件中为原始数值"),
    "sentence_marked": ("原句", "数字所在的句子,【】内为抽取的数字;长句从数字前十几个字起显示(…),点选该行可看全句"),
    "doc_link": ("文档", "在文档视图中打开全文,所有目标已标出"),
    "domain_label": ("领域", "按关键词归入的教育领域(codebook 第 4 节)"),
    "kind_label": ("类型", "数量、金额、比率、变化(提高/降低)、标准/定额、时限"),
    "comparator_label": ("比较", "等于 / 不低于(以上、达到)/ 不超过(以内)/ 区间 / 约"),
    "strength_label": ("力度", "刚性(确保、完成)或 力争(力争、争取)"),
    "period": ("时期", "目标到期的时期(期限为年份/季度/月份时取期限,否则取计划年份);结果为其所属时期"),
    "deadline": ("期限", "原文写明的完成期限,如 2025、2022Q3、三年内"),
    "metric": ("标准指标", "统一后的指标名,用于跨地区、跨年份比较"),
    "status_label": ("状态", "目标:计划承诺;结果:已完成情况的报告"),
    "origin_label": ("来源", ORIGIN_HELP + ";已更正表示地区/年份已由用户修改"),
    "title": ("文档标题", "数字所在文档的标题"),
    "source_file": ("来源文件", "输入文件名"),
    "quote": ("原文数字", "原文中的数字及单位,与全文位置一一对应"),
}
# Kept for older callers: display column → Chinese header.
COLUMN_LABELS = {k: v[0] for k, v in DISPLAY_COLUMNS.items()}


def ensure_current(data_dir: str | Path = "data", seeds_dir: str | Path = "seeds") -> None:
    """Rebuild data/ from seeds/ when it is missing or stale (once; later runs reuse it)."""
    if Path(seeds_dir).is_dir() and not is_current(seeds_dir, data_dir):
        build(seeds_dir, data_dir)


def load_table(data_dir: str | Path = "data", seeds_dir: str | Path = "seeds", rebuild: bool = True,
               origin: str = ORIGIN_SEED) -> pd.DataFrame:
    """The targets table from data/, rebuilt once from seeds/ when missing or stale."""
    if rebuild:
        ensure_current(data_dir, seeds_dir)
    df = read_targets(Path(data_dir) / "targets.parquet")
    return decorate(df, origin=origin)


def load_documents(data_dir: str | Path = "data", origin: str = ORIGIN_SEED) -> pd.DataFrame:
    """documents.csv of a built table (one row a document), or an empty frame."""
    path = Path(data_dir) / "documents.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["doc_id", "source_file", "title", "year", "region", "start", "end", "origin"])
    docs = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return decorate_documents(docs, origin)


def decorate_documents(docs: pd.DataFrame, origin: str) -> pd.DataFrame:
    docs = docs.copy()
    for col in ("doc_id", "source_file", "title", "region", "province", "city", "county", "issuer", "doc_number",
                "pub_date"):
        docs[col] = docs[col].fillna("").astype(str) if col in docs.columns else ""
    docs["year"] = pd.to_numeric(docs["year"], errors="coerce").astype("Int64") if "year" in docs.columns else pd.NA
    for col in ("start", "end"):
        docs[col] = pd.to_numeric(docs[col], errors="coerce").astype("Int64") if col in docs.columns else pd.NA
    docs["origin"] = origin
    docs["corrected"] = docs["corrected"].fillna("") if "corrected" in docs.columns else ""
    return docs


def period_of(df: pd.DataFrame) -> pd.Series:
    """When each row is due or about: the `period` column where set, else the deadline when it is
    a year, quarter or month (2025, 2022Q3, 2023-09), else the plan year."""
    year = df["year"].astype("Int64").astype(str).replace("<NA>", "") if len(df) else df["year"].astype(str)
    deadline = df["deadline"].fillna("").astype(str) if "deadline" in df.columns else pd.Series("", index=df.index)
    computed = deadline.where(deadline.str.match(_PERIOD), year)
    if "period" in df.columns:
        given = df["period"].fillna("").astype(str)
        return given.where(given != "", computed)
    return computed


def decorate(df: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Add display columns (Chinese labels, origin) to a table of COLUMNS. A table built before
    `status`/`period` existed is read as all targets, each due in its deadline or plan year."""
    df = df.copy()
    df["domain_label"] = df["domain"].map(DOMAIN_LABELS).fillna(df["domain"])
    df["kind_label"] = df["kind"].map(KIND_LABELS).fillna(df["kind"])
    df["strength_label"] = df["strength"].map(STRENGTH_LABELS).fillna(df["strength"]).fillna("")
    df["origin"] = origin
    for col in ("region", "province", "deadline", "metric", "indicator", "sentence", "unit", "quote", "title"):
        df[col] = df[col].fillna("").astype(str) if col in df.columns else ""
    status = df["status"].fillna("").astype(str) if "status" in df.columns else pd.Series("", index=df.index)
    df["status"] = status.where(status != "", "target")
    df["period"] = period_of(df)
    df["corrected"] = df["corrected"].fillna("").astype(str) if "corrected" in df.columns else ""
    return df


@dataclass
class Filters:
    regions: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    year_min: int | None = None
    year_max: int | None = None
    text: str = ""
    show: str = ""  # "" targets only, "all" targets and results, "result" results only

    def to_query(self) -> dict[str, list[str] | str]:
        """Query parameters for the page URL (only what is set)."""
        q: dict[str, list[str] | str] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, list) and v:
                q[f.name] = list(v)
            elif isinstance(v, int) and v is not None:
                q[f.name] = str(v)
            elif isinstance(v, str) and v:
                q[f.name] = v
        return q

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def from_query(cls, get_all) -> "Filters":
        """From query parameters; `get_all(key)` returns the list of values for key."""
        out = cls()
        for f in fields(cls):
            vals = [v for v in get_all(f.name) if v != ""]
            if not vals:
                continue
            if f.name in ("year_min", "year_max"):
                try:
                    setattr(out, f.name, int(vals[0]))
                except ValueError:
                    pass
            elif f.name == "show":
                setattr(out, f.name, vals[0] if vals[0] in SHOW_LABELS else "")
            elif f.name == "text":
                setattr(out, f.name, vals[0])
            else:
                setattr(out, f.name, vals)
        return out


def apply_filters(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    mask = pd.Series(True, index=df.index)
    for column, chosen in (("province", f.provinces), ("region", f.regions), ("domain", f.domains),
                           ("kind", f.kinds), ("strength", f.strengths), ("unit", f.units), ("origin", f.origins)):
        if chosen:
            mask &= df[column].isin(chosen)
    if "status" in df.columns and f.show != "all":
        mask &= df["status"] == ("result" if f.show == "result" else "target")
    if f.year_min is not None:
        mask &= df["year"].fillna(-1) >= f.year_min
    if f.year_max is not None:
        mask &= df["year"].fillna(10**6) <= f.year_max
    if f.text.strip():
        needle = f.text.strip()
        mask &= (df["indicator"].str.contains(needle, regex=False, na=False)
                 | df["sentence"].str.contains(needle, regex=False, na=False))
    return df[mask]


def summary_counts(df: pd.DataFrame) -> dict[str, int]:
    return {"targets": int(len(df)), "documents": int(df["doc_id"].nunique()),
            "regions": int(df["region"].replace("", pd.NA).dropna().nunique())}


# ---------- charts (Altair) ----------
# Axis labels in 万/亿 like the table (Vega expression).
_AXIS_ZH = ("abs(datum.value) >= 1e8 ? format(datum.value / 1e8, '~g') + '亿' : "
            "abs(datum.value) >= 1e4 ? format(datum.value / 1e4, '~g') + '万' : format(datum.value, '~g')")
LABEL_CHARS = 14  # chart labels longer than this are cut (the tooltip has the whole name)


def domain_region_counts(df: pd.DataFrame) -> pd.DataFrame:
    return df.groupby(["domain_label", "region"], dropna=False).size().reset_index(name="n")


OTHER_REGIONS = "其他地区"


def top_regions(data: pd.DataFrame, k: int = 12, weight: str | None = None) -> list[str]:
    """The k regions with most rows (or most `weight`)."""
    w = data.groupby("region")[weight].sum() if weight else data["region"].value_counts()
    return w.sort_values(ascending=False, kind="stable").index[:k].tolist()


def lump_regions(data: pd.DataFrame, k: int = 12, weight: str | None = None) -> pd.DataFrame:
    """Beyond k regions a chart's colours and legend are unreadable (and slow to draw):
    keep the top k and call the rest 其他地区. Counts (`n`) are summed again."""
    if data["region"].nunique() <= k:
        return data
    keep = set(top_regions(data, k, weight))
    out = data.copy()
    out["region"] = out["region"].where(out["region"].isin(keep), OTHER_REGIONS)
    if "n" in out.columns and "domain_label" in out.columns:
        out = out.groupby(["domain_label", "region"], as_index=False)["n"].sum()
    return out


# Altair's category20: a region keeps its colour from chart to chart (and from one filter to
# the next) because its colour comes from its name, not from its place in each chart's legend
REGION_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
                  "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
                  "#dbdb8d", "#9edae5", "#393b79", "#637939"]
OTHER_REGIONS_COLOR = "#b0b0b0"


def region_colors(regions) -> dict[str, str]:
    """A colour for each region, the same in every chart: the palette slot its name hashes to,
    or the next free one when another region of the same chart took it; 其他地区 is grey."""
    out: dict[str, str] = {}
    taken: set[int] = set()
    names = sorted({str(r) for r in regions if isinstance(r, str) and r})
    for name in names:
        if name == OTHER_REGIONS:
            out[name] = OTHER_REGIONS_COLOR
            continue
        slot = zlib.crc32(name.encode("utf-8")) % len(REGION_PALETTE)
        if len(taken) < len(REGION_PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(REGION_PALETTE)
        taken.add(slot)
        out[name] = REGION_PALETTE[slot]
    return out


def region_color(data: pd.DataFrame, colors: dict[str, str] | None = None, title: str = "地区") -> alt.Color:
    """The region colour encoding of a chart: `colors` (region_colors of the whole view, so every
    chart of a page agrees) for the regions this chart shows, else made from its own regions."""
    present = [str(r) for r in data["region"].unique()] if "region" in data.columns else []
    if colors is None or any(r not in colors for r in present):
        colors = region_colors(present)
    colors = {r: colors[r] for r in sorted(present) if r in colors}
    return alt.Color("region:N", title=title,
                     scale=alt.Scale(domain=list(colors), range=list(colors.values())) if colors else alt.Undefined)


def chart_by_domain(data: pd.DataFrame, colors: dict[str, str] | None = None) -> alt.Chart:
    """Bars of target counts by domain, coloured by region; `data` from domain_region_counts.
    It counts rows (how many targets), it never adds their values."""
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("n:Q", title="目标数(条)", axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("domain_label:N", sort="-x", title="领域", axis=alt.Axis(labelOverlap=False)),
        color=region_color(data, colors),
        tooltip=[alt.Tooltip("domain_label:N", title="领域"), alt.Tooltip("region:N", title="地区"),
                 alt.Tooltip("n:Q", title="目标数")],
    ).properties(height=max(160, 30 * data["domain_label"].nunique()))


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    text = str(text or "").strip() or "(未命名指标)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


RATE_COLUMNS = ["indicator", "metric", "value", "unit", "region", "year", "period", "quote", "kind"]


def rate_points(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in % (levels and changes): each one a point, never added up."""
    return df[df["unit"] == "%"][RATE_COLUMNS]


def rate_chart_data(points: pd.DataFrame, top: int = 20) -> tuple[pd.DataFrame, int]:
    """Points labelled by their canonical metric (else the indicator, cut short); only the `top`
    labels with most points are kept. Returns (data, number of labels left out)."""
    data = points.copy()
    metric = data["metric"].fillna("").astype(str) if "metric" in data.columns else pd.Series("", index=data.index)
    data["label"] = [short_label(m or i) for m, i in zip(metric, data["indicator"].fillna(""))]
    data["kind_label"] = data["kind"].map(KIND_LABELS).fillna(data["kind"])
    data["value_label"] = [format_value(v, u) for v, u in zip(data["value"], data["unit"])]
    counts = data["label"].value_counts(sort=False)
    order = sorted(counts.index, key=lambda k: (-counts[k], k))
    keep = order[:top]
    return data[data["label"].isin(keep)], max(0, len(order) - len(keep))


def chart_rates(data: pd.DataFrame, colors: dict[str, str] | None = None) -> alt.Chart:
    """Dots of targets in % by indicator; `data` from rate_points (or rate_chart_data)."""
    if "label" not in data.columns:
        data, _ = rate_chart_data(data, top=10**9)
    return alt.Chart(data).mark_point(size=90, filled=True).encode(
        x=alt.X("value:Q", title="目标值(%)", scale=alt.Scale(zero=False)),
        y=alt.Y("label:N", title="指标", sort="-x", axis=alt.Axis(labelOverlap=False, labelLimit=260)),
        color=region_color(data, colors),
        shape=alt.Shape("kind_label:N", title="类型"),
        tooltip=[alt.Tooltip("indicator:N", title="指标"), alt.Tooltip("value_label:N", title="目标值"),
                 alt.Tooltip("kind_label:N", title="类型"), alt.Tooltip("region:N", title="地区"),
                 alt.Tooltip("period:N", title="时期"), alt.Tooltip("quote:N", title="原文")],
    ).properties(height=max(160, 26 * data["label"].nunique()))


SERIES_KEYS = ["region", "year", "period", "indicator", "unit", "kind"]
SERIES_COLUMNS = SERIES_KEYS + ["value", "n", "quote"]


def metric_series(df: pd.DataFrame, metric: str) -> pd.DataFrame:
    """One canonical metric across regions and periods, aggregated correctly: counts and money
    of the same indicator in one region and year are added up (n says how many rows); rates,
    changes, norms and deadlines stay one point a row (quarterly milestones 60/65/75/90 % are
    four points, never 290 %)."""
    sub = df[df["metric"] == metric]
    return aggregate_series(sub)


def aggregate_series(sub: pd.DataFrame) -> pd.DataFrame:
    """metric_series on rows already narrowed to one metric."""
    sub = sub.assign(region=sub["region"].fillna("").astype(str), indicator=sub["indicator"].fillna("").astype(str),
                     period=period_of(sub) if len(sub) else pd.Series(dtype=str))
    if "start" in sub.columns:
        sub = sub.sort_values(["source_file", "start"], kind="stable") if "source_file" in sub.columns else sub
    additive = sub["kind"].isin(ADDITIVE_KINDS)
    summed = (sub[additive].groupby(SERIES_KEYS, dropna=False, sort=False)
              .agg(value=("value", "sum"), n=("value", "size"), quote=("quote", "、".join)).reset_index())
    points = sub.loc[~additive, SERIES_KEYS + ["value", "quote"]].assign(n=1)
    parts = [p for p in (summed, points) if len(p)]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SERIES_COLUMNS)
    return finish_series(out)


def finish_series(out: pd.DataFrame) -> pd.DataFrame:
    """Common shape of metric series from pandas or DuckDB: types, order, display labels."""
    out = out[SERIES_COLUMNS].copy()
    out["n"] = out["n"].astype("int64")
    out["value"] = out["value"].astype("float64")
    out["year"] = pd.to_numeric(out["year"], errors="coerce").astype("Int64")
    for col in ("region", "period", "indicator", "unit", "kind", "quote"):
        out[col] = out[col].fillna("").astype(str)
    out = out.sort_values(["region", "period", "indicator", "value"], kind="stable").reset_index(drop=True)
    out["value_label"] = [format_value(v, u) for v, u in zip(out["value"], out["unit"])]
    out["kind_label"] = out["kind"].map(KIND_LABELS).fillna(out["kind"])
    out["how"] = ["合计 %d 条" % n if n > 1 else "单条" for n in out["n"]]
    return out


def metric_stats(df: pd.DataFrame) -> pd.DataFrame:
    """Per canonical metric: rows, regions and years it spans."""
    sub = df[df["metric"].fillna("") != ""]
    if not len(sub):
        return pd.DataFrame(columns=["metric", "n", "regions", "years"])
    return (sub.assign(region=sub["region"].replace("", pd.NA)).groupby("metric")
            .agg(n=("metric", "size"), regions=("region", "nunique"), years=("year", "nunique")).reset_index())


def rank_metrics(stats: pd.DataFrame) -> list[str]:
    """Metrics most worth comparing first: most regions or years, then both, then rows, then name."""
    if not len(stats):
        return []
    s = stats.assign(best=stats[["regions", "years"]].max(axis=1), both=stats["regions"] + stats["years"])
    s = s.sort_values(["best", "both", "n", "metric"], ascending=[False, False, False, True], kind="stable")
    return s["metric"].tolist()


def metric_option_label(stats: pd.DataFrame) -> dict[str, str]:
    """'新开幼儿园(3 个地区,3 个年份)' for the metric picker."""
    return {r.metric: f"{r.metric}({int(r.regions)} 个地区,{int(r.years)} 个年份,{int(r.n)} 条)"
            for r in stats.itertuples(index=False)}


def chart_metric(data: pd.DataFrame, metric: str, colors: dict[str, str] | None = None) -> alt.Chart:
    """One metric across regions and periods; `data` from metric_series. Lines join the points of
    one region and indicator; several indicators under one metric get their own marker."""
    periods = sorted(data["period"].unique())
    units = "、".join(sorted(u for u in data["unit"].unique() if u))
    several = data["indicator"].nunique() > 1
    tooltip = [alt.Tooltip("region:N", title="地区"), alt.Tooltip("indicator:N", title="指标"),
               alt.Tooltip("period:N", title="时期"), alt.Tooltip("year:O", title="计划年份"),
               alt.Tooltip("value_label:N", title="目标值"), alt.Tooltip("value:Q", title="数值"),
               alt.Tooltip("how:N", title="汇总"), alt.Tooltip("kind_label:N", title="类型"),
               alt.Tooltip("quote:N", title="原文")]
    base = alt.Chart(data).encode(
        x=alt.X("period:O", title="时期(期限或计划年份)", sort=periods, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=f"{metric}({units})" if units else metric, axis=alt.Axis(labelExpr=_AXIS_ZH)),
        color=region_color(data, colors),
    )
    line = base.mark_line(opacity=0.6).encode(detail="indicator:N")
    points = base.mark_point(size=90, filled=True, opacity=1).encode(
        shape=alt.Shape("indicator:N", title="指标") if several else alt.value("circle"), tooltip=tooltip)
    return alt.layer(line, points).properties(height=300)


# ---------- the table as shown ----------
SENTENCE_LEAD = 24  # the table's 原句 cell starts at most this many characters before the number


def mark_quote(sentence: str, quote: str, lead: int | None = None) -> str:
    """Plain text with the number bracketed (a table cell cannot hold HTML): 新增托位【1000个】.
    With `lead`, a long sentence starts `lead` characters before the number (…), so the number
    is in sight in a narrow column."""
    sentence, quote = str(sentence or ""), str(quote or "")
    if not quote:
        return sentence
    i = quote_at(sentence, quote)
    if i < 0:
        quote = re.sub(r"\s+", "", quote)
        i = quote_at(sentence, quote) if quote else -1
    if i < 0:
        return sentence
    head = sentence[:i]
    if lead is not None and len(head) > lead:
        head = "…" + head[-lead:]
    return head + "【" + quote + "】" + sentence[i + len(quote):]


DOC_TAB = "文档"


def doc_url(doc_id: str, target_id: str | None = None) -> str:
    """The page address of a document's view (relative: same server, same page); with a
    target_id, that target is marked in orange."""
    from urllib.parse import quote
    url = f"?tab={quote(DOC_TAB)}&doc={quote(str(doc_id), safe='')}"
    return url + (f"&target={quote(str(target_id), safe='')}" if target_id else "")


def display_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The rows as the table tab shows them: Chinese headers, numbers in 万/亿 with their unit,
    blanks for missing values, the sentence with its number bracketed, a link to the document."""
    out = pd.DataFrame(index=df.index)
    out["region"] = df["region"]
    out["year"] = df["year"].astype("Int64")
    out["domain_label"] = df["domain_label"]
    out["indicator"] = df["indicator"]
    out["value_label"] = [format_value(v, u, m) for v, u, m in zip(df["value"], df["unit"], df["value_max"])]
    out["sentence_marked"] = [mark_quote(s, q, SENTENCE_LEAD) for s, q in zip(df["sentence"], df["quote"])]
    out["comparator_label"] = df["comparator"].map(COMPARATOR_LABELS).fillna(df["comparator"]).fillna("")
    out["kind_label"] = df["kind_label"].fillna("")
    out["strength_label"] = df["strength_label"].fillna("")
    out["period"] = df["period"]
    out["deadline"] = df["deadline"]
    out["metric"] = df["metric"]
    out["status_label"] = df["status"].map(STATUS_LABELS).fillna(df["status"])
    corrected = df["corrected"] if "corrected" in df.columns else pd.Series("", index=df.index)
    out["origin_label"] = [o + ("(已更正)" if c else "") for o, c in zip(df["origin"], corrected.fillna(""))]
    out["doc_link"] = [doc_url(d, t) for d, t in zip(df["doc_id"], df["target_id"])]
    out["title"] = df["title"] if "title" in df.columns else ""
    out["source_file"] = df["source_file"]
    out["quote"] = df["quote"]
    out = out[list(DISPLAY_COLUMNS)].reset_index(drop=True)
    return out.rename(columns=COLUMN_LABELS)


# ---------- downloads ----------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LONE_SIGNS = frozenset({"=", "+", "-"})


def neutralise(value):
    """Prefix a quote to text cells a spreadsheet would run as a formula."""
    # a lone sign (the comparator "=") runs nothing, and a quote before it broke `== "="` in pandas
    if isinstance(value, str) and value.startswith(_FORMULA_START) and value not in _LONE_SIGNS:
        return "'" + value
    return value


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table's columns (raw values), then 来源 and a user's correction."""
    cols = [c for c in COLUMNS if c in df.columns] + [c for c in ("origin", "corrected") if c in df.columns]
    return df[cols]


# Chinese readings of the coded columns, appended to the CSV (the codes stay: scripts read them)
CSV_LABEL_COLUMNS = {"domain": ("领域", DOMAIN_LABELS), "kind": ("类型", KIND_LABELS),
                     "status": ("状态", STATUS_LABELS), "strength": ("力度", STRENGTH_LABELS),
                     "comparator": ("比较", COMPARATOR_LABELS)}


def with_chinese_labels(out: pd.DataFrame, labels: dict) -> pd.DataFrame:
    """`out` with a Chinese column after the raw ones for each coded column it has (领域: 学前教育…)."""
    for col, (name, mapping) in labels.items():
        if col in out.columns and name not in out.columns:
            out[name] = out[col].map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    out = with_chinese_labels(export_frame(df).copy(), CSV_LABEL_COLUMNS)
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    export_frame(df).to_parquet(buf, index=False)
    return buf.getvalue()


def download_name(f: Filters, ext: str) -> str:
    parts = ["targets"]
    parts += f.regions[:3] or f.provinces[:3]
    parts += [DOMAIN_LABELS.get(d, d) for d in f.domains[:2]]
    if f.year_min is not None and f.year_max is not None:
        parts.append(str(f.year_min) if f.year_min == f.year_max else f"{f.year_min}-{f.year_max}")
    name = "_".join(parts)
    name = re.sub(r"[\\/:*?\"<>|\s·]+", "_", name)[:120]
    return f"{name}.{ext}"


# ---------- highlighting (all document text is escaped) ----------
def quote_at(sentence: str, quote: str) -> int:
    """Where the number is in its 原句: the first occurrence, or in a table row shown up to the
    number's own cell (1 | 推行一村一辅警 | 18个 | 18个) the last."""
    return sentence.rfind(quote) if ROW_SEPARATOR in sentence else sentence.find(quote)


def highlight_sentence(sentence: str, quote: str) -> str:
    """HTML of the sentence with the quote marked; every character escaped."""
    simplified_quote = re.sub(r"\s+", "", quote)
    i = quote_at(sentence, quote)
    if i < 0:
        i = quote_at(sentence, simplified_quote)
        quote = simplified_quote if i >= 0 else quote
    if i < 0:
        return html.escape(sentence)
    return (html.escape(sentence[:i]) + "<mark>" + html.escape(quote) + "</mark>"
            + html.escape(sentence[i + len(quote):]))


def document_html(text: str, spans: list[tuple[int, int]], focus: int | None = None) -> str:
    """Whole document with every target span highlighted (the focused one stronger)."""
    parts, pos = [], 0
    for k, (s, e) in enumerate(sorted(set(spans))):
        if s < pos or e > len(text):
            continue
        parts.append(html.escape(text[pos:s]))
        style = ' style="background:#ffb347"' if focus is not None and s == focus else ""
        parts.append(f"<mark{style}>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    parts.append(html.escape(text[pos:]))
    return '<div style="white-space:pre-wrap;line-height:1.7">' + "".join(parts) + "</div>"


# ---------- the document view ----------
DOC_MARK_COLORS = {"target": "#ffe58a", "result": "#b9dcff"}
DOC_FOCUS_COLOR = "#ffa940"


def document_label(doc) -> str:
    """'上海市青浦区 · 2024 · 2024年青浦教育工作要点' for the document picker."""
    get = doc.get if hasattr(doc, "get") else lambda k, d=None: getattr(doc, k, d)
    year = get("year")
    year = "" if year is None or str(year) in ("<NA>", "nan", "") else str(year)
    title = get("title") or get("source_file") or get("doc_id")
    parts = [get("region") or "地区未识别", year or "年份未识别", title]
    if get("origin") == ORIGIN_UPLOAD:
        parts.append("上传")
    return " · ".join(str(p) for p in parts)


def document_choices(documents: pd.DataFrame, in_view: list[str] | None = None, current: str = "",
                     limit: int = 2000) -> list[str]:
    """doc_ids for the picker: the documents of the rows in view (all when None), by region and
    year, at most `limit`; the one in the URL is always offered."""
    docs = documents if in_view is None else documents[documents["doc_id"].isin(set(in_view))]
    order = docs.sort_values(["region", "year", "doc_id"], kind="stable")["doc_id"].tolist()[:limit]
    if current and current not in order and current in set(documents["doc_id"]):
        order.insert(0, current)
    return order


def document_view_html(text: str, rows: pd.DataFrame, start: int = 0, end: int | None = None,
                       focus: str | None = None) -> str:
    """One document (text[start:end]) with every target and result marked (targets yellow,
    results blue, `focus` target_id orange); hovering a mark shows its indicator and value.
    All document text is escaped."""
    end = len(text) if end is None or end > len(text) or end <= start else end
    marks = []
    for r in rows.itertuples(index=False):
        s, e = int(r.start), int(r.end)
        if start <= s < e <= end:
            marks.append((s, e, r))
    def plain(a: int, b: int) -> str:  # blank lines between paragraphs shown as one line break
        return html.escape(re.sub(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+", "\n", text[a:b]))

    parts, pos = [], start
    for s, e, r in sorted(marks, key=lambda m: (m[0], -m[1])):
        if s < pos:
            continue  # overlapping spans: the first one wins
        status = getattr(r, "status", "target") or "target"
        color = DOC_FOCUS_COLOR if focus and getattr(r, "target_id", None) == focus \
            else DOC_MARK_COLORS.get(status, DOC_MARK_COLORS["target"])
        tip = f"{STATUS_LABELS.get(status, status)}:{r.indicator} {format_value(r.value, r.unit, r.value_max)}"
        parts.append(plain(pos, s))
        focused = ' id="focus"' if focus and getattr(r, "target_id", None) == focus else ""
        parts.append(f'<mark{focused} title="{html.escape(tip, quote=True)}" data-status="{html.escape(status)}" '
                     f'style="background:{color};padding:0 2px;border-radius:3px">' + html.escape(text[s:e]) + "</mark>")
        pos = e
    parts.append(plain(pos, end))
    return ('<div style="white-space:pre-wrap;line-height:1.9;font-size:0.95rem">' + "".join(parts).strip() + "</div>")


def document_scrolled_page(body: str) -> str:
    """A page for an iframe (st.components.v1.html) that opens scrolled to the focused mark
    (document_view_html's id="focus"): a 全文 link from row 300 shows that row, not the title."""
    return ('<!doctype html><html><head><meta charset="utf-8"><style>'
            'body{margin:0;padding:0.5rem 0.75rem;font-family:"Source Sans Pro","PingFang SC","Microsoft YaHei",'
            'sans-serif;color:#31333f}mark#focus{outline:2px solid #d46b08}</style></head><body>' + body +
            '<script>const f=document.getElementById("focus");'
            # the frame's own scroll only: scrollIntoView would scroll the dashboard page too
            'if(f){document.scrollingElement.scrollTop=Math.max(0,f.offsetTop-window.innerHeight/2);}'
            '</script></body></html>')


def document_rows_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The list beside the document: its rows in reading order, Chinese headers."""
    out = pd.DataFrame({
        "原文数字": rows["quote"].astype(str),
        "指标": rows["indicator"],
        "时期": rows["period"],
        "状态": rows["status"].map(STATUS_LABELS).fillna(rows["status"]),
        "目标值": [format_value(v, u, m) for v, u, m in zip(rows["value"], rows["unit"], rows["value_max"])],
        "领域": rows["domain_label"],
    })
    return out.reset_index(drop=True)


# ---------- uploads ----------
@dataclass
class UploadResult:
    table: pd.DataFrame
    texts: dict[str, str]
    errors: list[str]
    documents: pd.DataFrame = field(default_factory=lambda: decorate_documents(pd.DataFrame(columns=["doc_id"]),
                                                                               ORIGIN_UPLOAD))


def extract_uploads(files: list[tuple[str, bytes]]) -> UploadResult:
    """Extract user files in memory (nothing written to data/). Bad files become messages."""
    from .extract import extract_document_rows  # heavy; only when a user uploads
    from .finder import MAX_ROWS
    rows, texts, errors, documents = [], {}, [], []
    seen: dict[str, str] = {}  # decoded text's hash → the first file that had it
    if len(files) > UPLOAD_MAX_FILES:
        errors.append(f"一次最多上传 {UPLOAD_MAX_FILES} 个文件,其余 {len(files) - UPLOAD_MAX_FILES} 个未处理")
        files = files[:UPLOAD_MAX_FILES]
    for name, data in files:
        safe = Path(name.replace("\\", "/")).name or "upload.txt"
        try:
            src = read_bytes(data, safe, max_bytes=min(MAX_BYTES, UPLOAD_MAX_BYTES))
            ex = extract_document_rows(src.text, "上传:" + safe)
        except ReadError as exc:
            errors.append(f"{safe}: {_reason_zh(exc)}")
            continue
        digest = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
        if digest in seen:  # the same document twice (once UTF-8, once GBK): counted once
            errors.append(f"{safe}: 与 {seen[digest]} 内容相同,未重复计入")
            continue
        seen[digest] = safe
        texts["上传:" + safe] = src.text
        if ex.warnings:
            errors.append(f"{safe}: 数字过多(单篇超过 {MAX_ROWS:,} 个),只读取了前 {len(ex.rows):,} 行,其余部分未读取")
        rows.extend(ex.rows)
        documents.extend(ex.documents)
        if not ex.rows:
            errors.append(f"{safe}: 已读取,但未找到数量目标")
    table = decorate(rows_to_frame(rows), origin=ORIGIN_UPLOAD)
    docs = decorate_documents(pd.DataFrame(documents) if documents else pd.DataFrame(columns=["doc_id"]), ORIGIN_UPLOAD)
    return UploadResult(table, texts, errors, docs)


# ---------- a user's corrections of an uploaded document's region and year ----------
def resolve_region(name: str) -> dict[str, str]:
    """A region as typed (绍兴市, 浙江省绍兴市, 和顺县) with its province/city/county from the
    gazetteer; a name the gazetteer does not know is kept as typed."""
    from .regions import detect_region
    name = (name or "").strip()
    found = detect_region(name) if name else None
    if found is not None and found.region:
        return {"region": found.region, "province": found.province, "city": found.city, "county": found.county}
    return {"region": name, "province": "", "city": "", "county": ""}


def _correction_note(old_region: str, old_year, fix: dict) -> str:
    notes = []
    if fix.get("region") and fix["region"] != old_region:
        notes.append(f"地区 {old_region or '(空)'}→{fix['region']}")
    if fix.get("year") and str(fix["year"]) != str(old_year):
        notes.append(f"年份 {old_year if old_year is not None and str(old_year) != '<NA>' else '(空)'}→{fix['year']}")
    return ";".join(notes)


def _resolved(corrections: dict[str, dict]) -> dict[str, dict]:
    """Corrections with each typed region replaced by its full name (绍兴市 → 浙江省绍兴市)."""
    return {d: dict(fix, **({"region": resolve_region(fix["region"])["region"]} if fix.get("region") else {}))
            for d, fix in corrections.items()}


def apply_corrections(table: pd.DataFrame, corrections: dict[str, dict]) -> pd.DataFrame:
    """Rows of uploaded documents with the user's region/year (doc_id → {"region", "year"}); the
    rows say what was corrected in `corrected`. A target due in its plan year moves with it."""
    if not corrections or not len(table):
        return table
    out = table.copy()
    if "corrected" not in out.columns:
        out["corrected"] = ""
    for doc_id, fix in _resolved(corrections).items():
        mask = out["doc_id"] == doc_id
        if not mask.any():
            continue
        first = out.loc[mask].iloc[0]
        note = _correction_note(first["region"], first["year"], fix)
        if not note:
            continue
        if fix.get("region") and fix["region"] != first["region"]:
            for col, v in resolve_region(fix["region"]).items():
                out.loc[mask, col] = v
        if fix.get("year") and str(fix["year"]) != str(first["year"]):
            old = str(first["year"])
            out.loc[mask & (out["period"] == old), "period"] = str(int(fix["year"]))
            out.loc[mask, "year"] = int(fix["year"])
        out.loc[mask, "corrected"] = note
    return out


def correct_documents(documents: pd.DataFrame, corrections: dict[str, dict]) -> pd.DataFrame:
    """The document list with the same corrections as apply_corrections."""
    if not corrections or not len(documents):
        return documents
    out = documents.copy()
    for doc_id, fix in _resolved(corrections).items():
        mask = out["doc_id"] == doc_id
        if not mask.any():
            continue
        first = out.loc[mask].iloc[0]
        note = _correction_note(first["region"], first["year"], fix)
        if not note:
            continue
        if fix.get("region") and fix["region"] != first["region"]:
            for col, v in resolve_region(fix["region"]).items():
                out.loc[mask, col] = v
        if fix.get("year"):
            out.loc[mask, "year"] = int(fix["year"])
        out.loc[mask, "corrected"] = note
    return out


def _reason_zh(exc: ReadError) -> str:
    zh = {"EmptyFileError": "文件为空", "BinaryFileError": "二进制文件,不是文本",
          "EncodingError": "无法识别的文本编码", "TooLargeError": "文件过大",
          "UnsupportedFormatError": "不支持的文件类型(支持 .txt .html .htm .docx .pdf)",
          "CorruptFileError": "文件已损坏或与扩展名不符", "ScannedPdfError": "扫描版 PDF,没有文字层,需要先 OCR"}
    return f"{zh.get(type(exc).__name__, '无法读取')}({exc})"
