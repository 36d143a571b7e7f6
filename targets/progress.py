"""兑现: link each target to the results that report on it, and give a verdict.

Codebook section 6: a result reports on a target when both are about the same indicator
in the same area and the result's period is the target's period (for a multi-year target,
the period that ends at its deadline). Same indicator means the same canonical `metric`
where both have one, else similar indicator names (rapidfuzz), with compatible units and
kinds. Within one task table, the target cell and the progress cell of the same row are a
target and its result. A target with several results takes the latest document's.

Verdicts compare the result with the target under the target's comparator: `>=` met when
result ≥ value; `<=` met when result ≤ value; `~` met within ±10 % of the value (±0.5 for
rates and percentage points); `=` met when result ≥ value for counts, money and norms, and
equal (±0.5) for rates; `range` met inside [value, value_max].
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .vocab import load_vocab

PROGRESS_COLUMNS = ["target_id", "result_id", "verdict", "target_value", "result_value", "gap",
                    "target_quote", "result_quote", "target_period", "result_period", "result_source_file",
                    "target_source_file", "target_start", "result_start", "region", "indicator",
                    "result_indicator", "metric", "domain", "unit", "comparator", "kind", "year",
                    "target_sentence", "result_sentence", "similarity", "target_doc_id", "result_doc_id"]

MIN_SIMILARITY = 80  # rapidfuzz Indel ratio of two indicator names' sorted characters, 0–100
_NOISE = re.compile(r"[\s\d.%,，、()（）“”\"]+|^(?:今年|全年|全国|全省|全市|全区|全县|年均)")


_BROAD = {m["name"] for m in load_vocab()["metrics"] if m.get("broad")}
_CUE_ONLY = re.compile(r"(?:提高|提升|增加|降低|下降|减少|达到|增长|上涨|到|至|为|按)+")


@dataclass(frozen=True)
class Link:
    target: dict
    result: dict | None
    verdict: str  # met | missed | no_report
    similarity: float = 0.0

    def as_row(self) -> dict:
        return dict(zip(PROGRESS_COLUMNS, self.as_tuple()))

    def as_tuple(self) -> tuple:
        """The progress row's values in PROGRESS_COLUMNS order (a table of 50,000 targets is built
        from these, not from 50,000 dicts)."""
        t, r = self.target, self.result
        get = t.get
        if r is None:
            return (t["target_id"], "", self.verdict, t["value"], None, None, t["quote"], "", get("period") or "", "",
                    "", t["source_file"], t["start"], None, get("region") or "", get("indicator") or "", "",
                    get("metric") or "", get("domain") or "", get("unit") or "", get("comparator") or "",
                    get("kind") or "", get("year"), get("sentence") or "", "", round(self.similarity, 1),
                    get("doc_id") or "", "")
        return (t["target_id"], r["target_id"], self.verdict, t["value"], r["value"], round(r["value"] - t["value"], 6),
                t["quote"], r["quote"], get("period") or "", r.get("period") or "", r["source_file"],
                t["source_file"], t["start"], r["start"], get("region") or "", get("indicator") or "",
                r.get("indicator") or "", get("metric") or "", get("domain") or "", get("unit") or "",
                get("comparator") or "", get("kind") or "", get("year"), get("sentence") or "",
                r.get("sentence") or "", round(self.similarity, 1), get("doc_id") or "", r.get("doc_id") or "")


def _blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v == ""


def verdict(target: dict, result_value: float) -> str:
    """met or missed, per the target's comparator (codebook section 6)."""
    value, comp, kind = float(target["value"]), target.get("comparator") or "=", target.get("kind")
    rate_like = kind in ("rate", "change") or target.get("unit") in ("%", "百分点")
    if comp == "range" and not _blank(target.get("value_max")):
        ok = value <= result_value <= float(target["value_max"])
    elif comp == "<=":
        ok = result_value <= value
    elif comp == "~":
        tol = 0.5 if rate_like else abs(value) * 0.10
        ok = abs(result_value - value) <= tol
    elif comp == "=" and rate_like:
        ok = abs(result_value - value) <= 0.5
    else:  # '>=', and '=' for counts, money and norms
        ok = result_value >= value
    return "met" if ok else "missed"


def _name(row: dict) -> str:
    return _NOISE.sub("", str(row.get("indicator") or ""))


def similarity(target: dict, result: dict) -> float:
    """How surely two rows measure the same thing, 0–100.

    Indel similarity of the sorted characters of the two names: word order does not matter
    (城镇新增就业 / 新增城镇就业), extra characters do (单位国内生产总值能耗 is not 国内生产总值).
    Partial matching (WRatio) would pair 地方政府专项债券 with 地方专项债务限额."""
    return _similarity(_name(target), _name(result), target.get("metric"), result.get("metric"))


def _similarity(a: str, b: str, metric_a, metric_b) -> float:
    if not a or not b or _CUE_ONLY.fullmatch(a) or _CUE_ONLY.fullmatch(b):
        return 0.0
    names = float(fuzz.ratio(sorted(a), sorted(b)))
    if metric_a and metric_b:
        # a curated metric settles different wordings (普惠园覆盖率 / 普惠性幼儿园覆盖率), but a broad
        # one (教育基建投资: any 投资) must not pair 铁路投资 with 扶贫资金投入
        if metric_a != metric_b:
            return 0.0
        if metric_a not in _BROAD:
            return 100.0  # 经济增长预期目标 / 国内生产总值: the curated metric says they are one
        return max(names, 90.0) if names >= 35 else names
    return names


def _compatible(target: dict, result: dict) -> bool:
    if (target.get("region") or "") != (result.get("region") or ""):
        return False
    if target.get("unit") != result.get("unit"):
        return False
    kinds = {target.get("kind"), result.get("kind")}
    if "change" in kinds and (float(target["value"]) < 0) != (float(result["value"]) < 0):
        return False  # a fall is not reported by a rise
    return len(kinds) == 1 or kinds <= {"count", "norm"}


def _periods_agree(target: dict, result: dict) -> bool:
    return _periods_agree_parts(str(target.get("period") or ""), str(result.get("period") or ""), target.get("year"))


def _periods_agree_parts(tp: str, rp: str, target_year) -> bool:
    if not tp or not rp:
        return False
    if tp == rp:
        return True
    # a year target is reported by a result for that year's end (2024-12), a quarter by its
    # last month; a multi-year result (2019-2023) ends at the target's deadline
    ends = {"Q1": "03", "Q2": "06", "Q3": "09", "Q4": "12"}
    m = re.fullmatch(r"(\d{4})(Q[1-4])", tp)
    if m and rp == f"{m.group(1)}-{ends[m.group(2)]}":
        return True
    if rp == f"{tp}-12":
        return True
    multi_year = re.fullmatch(r"\d{4}", tp) and target_year and int(tp) > int(target_year)
    return bool(multi_year and re.fullmatch(rf"\d{{4}}-{tp}", rp))


def _end_year(period) -> str:
    years = re.findall(r"\d{4}", str(period or ""))
    return years[-1] if years else ""


def _start_year(period) -> str:
    m = re.match(r"\d{4}", str(period or ""))
    return m.group(0) if m else ""


def link(rows: list[dict]) -> list[Link]:
    """One Link per target row (deadline rows aside). A result whose `reports_on` names the
    target (its task-table row) is its report; otherwise the compatible results of the same
    area and period are compared by name, and the latest document's best match wins."""
    targets = [r for r in rows if (r.get("status") or "target") == "target" and r.get("kind") != "deadline"]
    results = [r for r in rows if r.get("status") == "result"]
    same_row = {r["reports_on"]: r for r in results if r.get("reports_on")}
    # Candidates share area, unit and the year their period ends in; within that, results are
    # grouped by period, kind (and sign for changes) and name, so a target tests each period,
    # kind and name once, not every result: a corpus repeats its names and periods. The
    # period test and the name similarity are memoised across targets. Of the results of one
    # name only the one a target would pick is kept (the latest document's, the first of equals):
    # 25,000 unpaired task-table results of one name are then one candidate, not 25,000 a target.
    groups: dict[tuple, dict[tuple, dict[tuple, tuple]]] = {}
    for i, r in enumerate(results):
        kind = r.get("kind")
        sub = (str(r.get("period") or ""), kind, float(r["value"]) < 0 if kind == "change" else None)
        key = (r.get("region") or "", r.get("unit"), _end_year(r.get("period")))
        names = groups.setdefault(key, {}).setdefault(sub, {})
        name = (_name(r), r.get("metric"))
        if name not in names or _recency(r) > _recency(names[name][1]):
            names[name] = (i, r)
    sims: dict[tuple, float] = {}
    agree: dict[tuple, bool] = {}
    links = []
    for t in targets:
        if t["target_id"] in same_row:
            r = same_row[t["target_id"]]
            links.append(Link(t, r, verdict(t, float(r["value"])), 100.0))
            continue
        group = groups.get((t.get("region") or "", t.get("unit"), _start_year(t.get("period"))))
        if not group:
            links.append(Link(t, None, "no_report"))
            continue
        t_kind, t_name, t_metric, t_year = t.get("kind"), _name(t), t.get("metric"), t.get("year")
        t_period = str(t.get("period") or "")
        t_neg = float(t["value"]) < 0 if t_kind == "change" else None
        found = []  # (result's row order, result, similarity) of every compatible match
        for (r_period, r_kind, r_neg), names in group.items():
            # _compatible: area and unit are the group's key; kinds must agree
            if r_kind != t_kind:
                if "change" in (r_kind, t_kind) or not {t_kind, r_kind} <= {"count", "norm"}:
                    continue
            elif t_neg != r_neg:
                continue  # a fall is not reported by a rise
            try:
                ok = agree[t_period, r_period, t_year]
            except KeyError:
                ok = agree[t_period, r_period, t_year] = _periods_agree_parts(t_period, r_period, t_year)
            except TypeError:  # an unhashable year
                ok = _periods_agree_parts(t_period, r_period, t_year)
            if not ok:
                continue
            for (r_name, r_metric), (i, r) in names.items():
                try:
                    sim = sims[t_name, r_name, t_metric, r_metric]
                except KeyError:
                    sim = sims[t_name, r_name, t_metric, r_metric] = _similarity(t_name, r_name, t_metric, r_metric)
                except TypeError:
                    sim = _similarity(t_name, r_name, t_metric, r_metric)
                if sim >= MIN_SIMILARITY:
                    found.append((i, r, sim))
        best, best_key = None, None
        for _, r, sim in sorted(found, key=lambda f: f[0]):  # in row order: the first of equals wins
            key = (*_recency(r), sim)  # the latest document's, then the likeliest
            if best_key is None or key > best_key:
                best, best_key = r, key
        if best is None:
            links.append(Link(t, None, "no_report"))
        else:
            links.append(Link(t, best, verdict(t, float(best["value"])), best_key[2]))
    return links


def _recency(result: dict) -> tuple:
    """Sort key of a result's document: later years, then later documents, win."""
    return result.get("year") or 0, result.get("doc_id") or ""


def progress_rows(rows: list[dict]) -> list[dict]:
    return [lk.as_row() for lk in link(rows)]


_LINK_COLUMNS = ["target_id", "doc_id", "source_file", "start", "quote", "value", "value_max", "unit",
                 "comparator", "kind", "indicator", "domain", "region", "year", "sentence", "metric",
                 "status", "period", "reports_on"]


PROGRESS_BATCH_ROWS = 20_000  # links written a row group at a time
_PROGRESS_FLOATS = {"target_value", "result_value", "gap", "similarity"}
_PROGRESS_INTEGERS = {"target_start", "result_start", "year"}
_PROGRESS_NULLABLE_INTEGERS = {"result_start", "year"}  # pandas' Int64: a target without a report has none


def _as_float(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None  # pd.to_numeric(errors="coerce")
    return None if f != f else f


@functools.lru_cache(maxsize=1)
def progress_schema():
    """progress.parquet's schema, as DataFrame.to_parquet wrote it: the same types, and the
    pandas metadata that makes pd.read_parquet give Int64 and str columns back."""
    import json
    from importlib.metadata import version

    import pyarrow as pa
    fields, meta = [], []
    for name in PROGRESS_COLUMNS:
        if name in _PROGRESS_FLOATS:
            fields.append(pa.field(name, pa.float64()))
            pandas_type = numpy_type = "float64"
        elif name in _PROGRESS_INTEGERS:
            fields.append(pa.field(name, pa.int64()))
            pandas_type, numpy_type = "int64", "Int64" if name in _PROGRESS_NULLABLE_INTEGERS else "int64"
        else:
            fields.append(pa.field(name, pa.large_string()))
            pandas_type, numpy_type = "object", "str"
        meta.append({"name": name, "field_name": name, "pandas_type": pandas_type, "numpy_type": numpy_type,
                     "metadata": None})
    pandas_meta = {"index_columns": [], "column_indexes": [], "columns": meta, "attributes": {},
                   "creator": {"library": "pyarrow", "version": pa.__version__},
                   "pandas_version": version("pandas")}
    return pa.schema(fields, metadata={b"pandas": json.dumps(pandas_meta).encode()})


def _progress_arrow(columns: dict[str, list], schema):
    """progress.parquet's table built from the values (when their CSV text would not give it)."""
    import pyarrow as pa
    arrays = []
    for f in schema:
        values = columns[f.name]
        if f.name in _PROGRESS_FLOATS:
            values = [_as_float(v) for v in values]
        elif f.name in _PROGRESS_INTEGERS:
            values = [None if v is None or v != v else int(v) for v in values]
        else:
            values = [None if v is None or v != v else str(v) for v in values]
        arrays.append(pa.array(values, type=f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_progress(out_dir, rows: list[dict] | None = None) -> int:
    """Read the built table's columns that linking needs (or take them: `rows`, dicts of
    _LINK_COLUMNS in the table's order), link, and write progress.csv (UTF-8 BOM) and
    progress.parquet atomically beside it. Returns the number of rows."""
    from pathlib import Path

    import pyarrow.parquet as pq

    from .atomic import write_atomic
    from .table import _cells, arrow_table, csv_header, csv_text
    out = Path(out_dir)
    if rows is None:
        rows = pq.read_table(out / "targets.parquet", columns=_LINK_COLUMNS).to_pylist()
    links = link(rows)
    schema = progress_schema()
    parts: list[bytes] = []

    def write_parquet(tmp):
        # a batch of links at a time: a 200,000-target table's cells are not all held at once
        with pq.ParquetWriter(tmp, schema) as writer:
            for i in range(0, max(len(links), 1), PROGRESS_BATCH_ROWS):
                values = [lk.as_tuple() for lk in links[i:i + PROGRESS_BATCH_ROWS]]
                columns = (dict(zip(PROGRESS_COLUMNS, map(list, zip(*values)))) if values
                           else {c: [] for c in PROGRESS_COLUMNS})
                # what df.to_csv writes, without pandas' per-cell overhead; Parquet is read from it
                cells = [_cells(c, columns[c], _PROGRESS_INTEGERS, _PROGRESS_FLOATS) for c in PROGRESS_COLUMNS]
                data = csv_text(cells).encode("utf-8")
                parts.append(data)
                writer.write_table(arrow_table(columns, cells, data, schema, build=_progress_arrow))

    def write_csv(tmp):
        with open(tmp, "wb") as fh:
            fh.write(csv_header(PROGRESS_COLUMNS))
            for data in parts:
                fh.write(data)
    write_atomic(out / "progress.parquet", write_parquet)
    write_atomic(out / "progress.csv", write_csv)
    return len(links)
