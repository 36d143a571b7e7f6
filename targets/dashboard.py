"""Everything the dashboard does besides layout: loading, filtering, charts,
downloads, uploads and highlighting. Pure functions, testable without a browser."""
from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import altair as alt
import pandas as pd

from .build import build, is_current
from .errors import ReadError
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

COLUMN_LABELS = {
    "region": "地区", "year": "年份", "domain_label": "领域", "indicator": "指标", "quote": "原文数字",
    "value": "数值", "value_max": "上限", "unit": "单位", "comparator": "比较", "kind_label": "类型",
    "strength_label": "力度", "deadline": "期限", "metric": "标准指标", "sentence": "原句",
    "source_file": "来源文件", "origin": "来源",
}


def ensure_current(data_dir: str | Path = "data", seeds_dir: str | Path = "seeds") -> None:
    """Rebuild data/ from seeds/ when it is missing or stale (once; later runs reuse it)."""
    if Path(seeds_dir).is_dir() and not is_current(seeds_dir, data_dir):
        build(seeds_dir, data_dir)


def load_table(data_dir: str | Path = "data", seeds_dir: str | Path = "seeds", rebuild: bool = True) -> pd.DataFrame:
    """The targets table from data/, rebuilt once from seeds/ when missing or stale."""
    if rebuild:
        ensure_current(data_dir, seeds_dir)
    df = read_targets(Path(data_dir) / "targets.parquet")
    return decorate(df, origin="内置")


def decorate(df: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Add display columns (Chinese labels, origin) to a table of COLUMNS."""
    df = df.copy()
    df["domain_label"] = df["domain"].map(DOMAIN_LABELS).fillna(df["domain"])
    df["kind_label"] = df["kind"].map(KIND_LABELS).fillna(df["kind"])
    df["strength_label"] = df["strength"].map(STRENGTH_LABELS).fillna(df["strength"])
    df["origin"] = origin
    for col in ("region", "province", "deadline", "metric", "indicator", "sentence", "unit"):
        df[col] = df[col].fillna("").astype(str)
    return df


@dataclass
class Filters:
    regions: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    year_min: int | None = None
    year_max: int | None = None
    text: str = ""

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
            elif f.name == "text":
                setattr(out, f.name, vals[0])
            else:
                setattr(out, f.name, vals)
        return out


def apply_filters(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    mask = pd.Series(True, index=df.index)
    for column, chosen in (("province", f.provinces), ("region", f.regions), ("domain", f.domains),
                           ("kind", f.kinds), ("strength", f.strengths), ("unit", f.units)):
        if chosen:
            mask &= df[column].isin(chosen)
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
TOOLTIP = [alt.Tooltip("value:Q", title="数值"), alt.Tooltip("unit:N", title="单位"),
           alt.Tooltip("region:N", title="地区"), alt.Tooltip("year:O", title="年份"),
           alt.Tooltip("quote:N", title="原文")]


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


def chart_by_domain(data: pd.DataFrame) -> alt.Chart:
    """Bars of target counts by domain, coloured by region; `data` from domain_region_counts."""
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("n:Q", title="目标数"), y=alt.Y("domain_label:N", sort="-x", title="领域", axis=alt.Axis(labelOverlap=False)),
        color=alt.Color("region:N", title="地区"),
        tooltip=[alt.Tooltip("domain_label:N", title="领域"), alt.Tooltip("region:N", title="地区"),
                 alt.Tooltip("n:Q", title="目标数")],
    ).properties(height=max(160, 30 * data["domain_label"].nunique()))


def rate_points(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["unit"] == "%"][["indicator", "value", "unit", "region", "year", "quote", "kind"]]


def chart_rates(data: pd.DataFrame) -> alt.Chart:
    """Dots of rate targets (%) by indicator; `data` from rate_points."""
    return alt.Chart(data).mark_circle(size=90).encode(
        x=alt.X("value:Q", title="目标值 (%)", scale=alt.Scale(zero=False)),
        y=alt.Y("indicator:N", title="指标", sort="-x", axis=alt.Axis(labelOverlap=False, labelLimit=260)),
        color=alt.Color("region:N", title="地区"), tooltip=TOOLTIP,
    ).properties(height=max(160, 26 * data["indicator"].nunique()))


def metric_series(df: pd.DataFrame, metric: str) -> pd.DataFrame:
    sub = df[df["metric"] == metric]
    return (sub.groupby(["region", "year", "unit"], dropna=False)
            .agg(value=("value", "sum"), n=("value", "size"), quote=("quote", "first")).reset_index())


def chart_metric(data: pd.DataFrame, metric: str) -> alt.Chart:
    """One metric across regions and years; `data` from metric_series."""
    return alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("year:O", title="年份"), y=alt.Y("value:Q", title=metric),
        color=alt.Color("region:N", title="地区"), tooltip=TOOLTIP,
    ).properties(height=260)


# ---------- downloads ----------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a quote to text cells a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in COLUMNS if c in df.columns] + (["origin"] if "origin" in df.columns else [])
    return df[cols]


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    out = export_frame(df).copy()
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
def highlight_sentence(sentence: str, quote: str) -> str:
    """HTML of the sentence with the quote marked; every character escaped."""
    simplified_quote = re.sub(r"\s+", "", quote)
    i = sentence.find(quote)
    if i < 0:
        i = sentence.find(simplified_quote)
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


# ---------- uploads ----------
@dataclass
class UploadResult:
    table: pd.DataFrame
    texts: dict[str, str]
    errors: list[str]


def extract_uploads(files: list[tuple[str, bytes]]) -> UploadResult:
    """Extract user files in memory (nothing written to data/). Bad files become messages."""
    from .extract import extract_document_rows  # heavy; only when a user uploads
    rows, texts, errors = [], {}, []
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
        texts["上传:" + safe] = src.text
        rows.extend(ex.rows)
        if not ex.rows:
            errors.append(f"{safe}: 已读取,但未找到数量目标")
    table = decorate(rows_to_frame(rows), origin="上传") if rows else decorate(rows_to_frame([]), origin="上传")
    return UploadResult(table, texts, errors)


def _reason_zh(exc: ReadError) -> str:
    zh = {"EmptyFileError": "文件为空", "BinaryFileError": "二进制文件,不是文本",
          "EncodingError": "无法识别的文本编码", "TooLargeError": "文件过大",
          "UnsupportedFormatError": "不支持的文件类型(支持 .txt .html .htm .docx .pdf)",
          "CorruptFileError": "文件已损坏或与扩展名不符", "ScannedPdfError": "扫描版 PDF,没有文字层,需要先 OCR"}
    return f"{zh.get(type(exc).__name__, '无法读取')}({exc})"
