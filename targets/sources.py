"""Where the dashboard's rows come from: a pandas frame (small tables) or, above a size
threshold, the Parquet file queried in place with DuckDB (filters and aggregations
pushed down, only the rows shown are fetched). Both answer the same questions with
the same results; app.py does not know which one it has."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .dashboard import (ADDITIVE_KINDS, DOMAIN_LABELS, ORIGIN_SEED, RATE_COLUMNS, Filters,
                        apply_filters, decorate, finish_series, metric_series, metric_stats, rate_points,
                        summary_counts)

# Above this many rows the table stays on disk and DuckDB queries it.
DUCKDB_THRESHOLD = 300_000
_FILTER_COLUMNS = (("province", "provinces"), ("region", "regions"), ("domain", "domains"), ("kind", "kinds"),
                   ("strength", "strengths"), ("unit", "units"), ("origin", "origins"))
_ADDITIVE_SQL = ", ".join(f"'{k}'" for k in ADDITIVE_KINDS)


class FrameSource:
    """All rows in memory (the seed table, a county, uploads)."""

    def __init__(self, df: pd.DataFrame):
        self.df = df

    def __len__(self) -> int:
        return len(self.df)

    def values(self, column: str, where: Filters | None = None) -> list[str]:
        df = apply_filters(self.df, where) if where else self.df
        return sorted(v for v in df[column].dropna().unique() if v != "")

    def years(self) -> list[int]:
        return sorted(int(y) for y in self.df["year"].dropna().unique())

    def counts(self, f: Filters) -> dict[str, int]:
        return summary_counts(apply_filters(self.df, f))

    def domain_region_counts(self, f: Filters) -> pd.DataFrame:
        view = apply_filters(self.df, f)
        return view.groupby(["domain_label", "region"], dropna=False).size().reset_index(name="n")

    def rates(self, f: Filters, limit: int = 5000) -> pd.DataFrame:
        return rate_points(apply_filters(self.df, f)).head(limit)

    def metric_series(self, f: Filters, metric: str) -> pd.DataFrame:
        return metric_series(apply_filters(self.df, f), metric)

    def metric_stats(self, f: Filters) -> pd.DataFrame:
        return metric_stats(apply_filters(self.df, f))

    def rows(self, f: Filters, limit: int | None = None) -> pd.DataFrame:
        view = apply_filters(self.df, f)
        return view if limit is None else view.head(limit)

    def doc_rows(self, doc_id: str) -> pd.DataFrame:
        """Every row of one document (targets and results, whatever the filters)."""
        return self.df[self.df["doc_id"] == doc_id].sort_values("start", kind="stable")

    def spans(self, source_file: str) -> list[tuple[int, int]]:
        same = self.df[self.df["source_file"] == source_file]
        return list(zip(same["start"].astype(int), same["end"].astype(int)))


class DuckSource:
    """A Parquet table queried where it lies; `extra` (uploads) is added with UNION ALL."""

    def __init__(self, parquet: str | Path, extra: pd.DataFrame | None = None, origin: str = ORIGIN_SEED):
        import duckdb
        import pyarrow.parquet as pq
        self.con = duckdb.connect()
        self.con.execute("SET threads TO 2")
        self.origin = origin
        path = str(parquet).replace("'", "''")
        names = set(pq.read_schema(parquet).names)
        # A table built before status/period existed: every row a target, due in its deadline
        # (a year, quarter or month) or plan year; exactly decorate()'s rule.
        computed = ("CASE WHEN regexp_full_match(coalesce(deadline, ''), '\\d{4}(Q[1-4]|-\\d{2})?') THEN deadline "
                    "ELSE coalesce(CAST(year AS VARCHAR), '') END")
        status = "coalesce(nullif(status, ''), 'target')" if "status" in names else "'target'"
        period = f"coalesce(nullif(period, ''), {computed})" if "period" in names else computed
        present = [c for c in ("status", "period") if c in names]
        replace = f" REPLACE ({', '.join(f'{dict(status=status, period=period)[c]} AS {c}' for c in present)})" \
            if present else ""
        added = "".join(f", {dict(status=status, period=period)[c]} AS {c}" for c in ("status", "period")
                        if c not in names)
        origin_sql = origin.replace("'", "''")
        base = f"SELECT *{replace}{added}, '{origin_sql}' AS origin FROM read_parquet('{path}')"
        if extra is not None and len(extra):
            from .schema import COLUMNS
            cols = [c for c in COLUMNS + ["origin", "corrected"] if c in extra.columns]
            self.con.register("uploads", extra[cols])
            base += " UNION ALL BY NAME SELECT * FROM uploads"
        self.con.execute(f"CREATE VIEW t AS {base}")
        self._len = self.con.execute("SELECT count(*) FROM t").fetchone()[0]

    def __len__(self) -> int:
        return self._len

    @staticmethod
    def _where(f: Filters | None) -> tuple[str, list]:
        if f is None:
            return "TRUE", []
        sql, args = [], []
        for column, attr in _FILTER_COLUMNS:
            chosen = getattr(f, attr)
            if chosen:
                sql.append(f"{column} IN ({', '.join('?' * len(chosen))})")
                args += list(chosen)
        if f.year_min is not None:
            sql.append("year >= ?")
            args.append(f.year_min)
        if f.year_max is not None:
            sql.append("year <= ?")
            args.append(f.year_max)
        if f.text.strip():
            sql.append("(contains(coalesce(indicator, ''), ?) OR contains(coalesce(sentence, ''), ?))")
            args += [f.text.strip()] * 2
        if f.show != "all":
            sql.append("status = ?")
            args.append("result" if f.show == "result" else "target")
        return " AND ".join(sql) or "TRUE", args

    def _df(self, query: str, args: list) -> pd.DataFrame:
        return self.con.execute(query, args).df()

    def values(self, column: str, where: Filters | None = None) -> list[str]:
        w, args = self._where(where)
        df = self._df(f"SELECT DISTINCT {column} AS v FROM t WHERE {w} AND {column} IS NOT NULL AND {column} <> ''", args)
        return sorted(df["v"].tolist())

    def years(self) -> list[int]:
        return [int(y) for y in self._df("SELECT DISTINCT year FROM t WHERE year IS NOT NULL ORDER BY 1", [])["year"]]

    def counts(self, f: Filters) -> dict[str, int]:
        w, args = self._where(f)
        n, docs, regions = self.con.execute(
            f"SELECT count(*), count(DISTINCT doc_id), count(DISTINCT nullif(region, '')) FROM t WHERE {w}", args).fetchone()
        return {"targets": int(n), "documents": int(docs), "regions": int(regions)}

    def domain_region_counts(self, f: Filters) -> pd.DataFrame:
        w, args = self._where(f)
        df = self._df(f"SELECT domain, coalesce(region, '') AS region, count(*) AS n FROM t WHERE {w} "
                      "GROUP BY ALL ORDER BY domain, region", args)
        df.insert(0, "domain_label", df.pop("domain").map(DOMAIN_LABELS).fillna(""))
        return df

    def rates(self, f: Filters, limit: int = 5000) -> pd.DataFrame:
        w, args = self._where(f)
        return self._df(f"SELECT indicator, coalesce(metric, '') AS metric, value, unit, coalesce(region, '') AS region, "
                        f"year, period, quote, kind FROM t WHERE {w} AND unit = '%' LIMIT {int(limit)}",
                        args)[RATE_COLUMNS]

    def metric_series(self, f: Filters, metric: str, limit: int = 20000) -> pd.DataFrame:
        """Counts and money of one indicator added up per region and year; other kinds one point a row."""
        w, args = self._where(f)
        keys = "coalesce(region, '') AS region, year, period, coalesce(indicator, '') AS indicator, unit, kind"
        df = self._df(
            f"SELECT {keys}, sum(value) AS value, count(*) AS n, string_agg(quote, '、' ORDER BY source_file, start) "
            f"AS quote FROM t WHERE {w} AND metric = ? AND kind IN ({_ADDITIVE_SQL}) GROUP BY ALL "
            f"UNION ALL SELECT {keys}, value, 1 AS n, quote FROM t "
            f"WHERE {w} AND metric = ? AND kind NOT IN ({_ADDITIVE_SQL}) LIMIT {int(limit)}",
            args + [metric] + args + [metric])
        return finish_series(df)

    def metric_stats(self, f: Filters) -> pd.DataFrame:
        w, args = self._where(f)
        return self._df(f"SELECT metric, count(*) AS n, count(DISTINCT nullif(region, '')) AS regions, "
                        f"count(DISTINCT year) AS years FROM t WHERE {w} AND coalesce(metric, '') <> '' "
                        "GROUP BY metric", args)

    def _decorated(self, df: pd.DataFrame) -> pd.DataFrame:
        origin = df.pop("origin") if "origin" in df.columns else self.origin
        out = decorate(df, origin=self.origin)
        out["origin"] = origin
        return out

    def rows(self, f: Filters, limit: int | None = None) -> pd.DataFrame:
        w, args = self._where(f)
        lim = f" LIMIT {int(limit)}" if limit is not None else ""
        return self._decorated(self._df(f"SELECT * EXCLUDE (origin), origin FROM t WHERE {w}{lim}", args))

    def doc_rows(self, doc_id: str) -> pd.DataFrame:
        """Every row of one document (targets and results, whatever the filters)."""
        return self._decorated(self._df("SELECT * EXCLUDE (origin), origin FROM t WHERE doc_id = ? ORDER BY start",
                                        [doc_id]))

    def spans(self, source_file: str) -> list[tuple[int, int]]:
        df = self._df("SELECT start, \"end\" FROM t WHERE source_file = ?", [source_file])
        return list(zip(df["start"].astype(int), df["end"].astype(int)))


def parquet_rows(path: str | Path) -> int:
    import pyarrow.parquet as pq
    return pq.ParquetFile(path).metadata.num_rows
