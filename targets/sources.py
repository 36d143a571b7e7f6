"""Where the dashboard's rows come from: a pandas frame (small tables) or, above a size
threshold, the Parquet file queried in place with DuckDB (filters and aggregations
pushed down, only the rows shown are fetched). Both answer the same questions with
the same results; app.py does not know which one it has."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .dashboard import DOMAIN_LABELS, Filters, apply_filters, decorate, metric_series, rate_points, summary_counts

# Above this many rows the table stays on disk and DuckDB queries it.
DUCKDB_THRESHOLD = 300_000
_FILTER_COLUMNS = (("province", "provinces"), ("region", "regions"), ("domain", "domains"), ("kind", "kinds"),
                   ("strength", "strengths"), ("unit", "units"))


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

    def rows(self, f: Filters, limit: int | None = None) -> pd.DataFrame:
        view = apply_filters(self.df, f)
        return view if limit is None else view.head(limit)

    def spans(self, source_file: str) -> list[tuple[int, int]]:
        same = self.df[self.df["source_file"] == source_file]
        return list(zip(same["start"].astype(int), same["end"].astype(int)))


class DuckSource:
    """A Parquet table queried where it lies; `extra` (uploads) is added with UNION ALL."""

    def __init__(self, parquet: str | Path, extra: pd.DataFrame | None = None):
        import duckdb
        self.con = duckdb.connect()
        self.con.execute("SET threads TO 2")
        path = str(parquet).replace("'", "''")
        base = f"SELECT *, '内置' AS origin FROM read_parquet('{path}')"
        if extra is not None and len(extra):
            from .schema import COLUMNS
            self.con.register("uploads", extra[COLUMNS + ["origin"]])
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
        return self._df(f"SELECT indicator, value, unit, coalesce(region, '') AS region, year, quote, kind FROM t "
                        f"WHERE {w} AND unit = '%' LIMIT {int(limit)}", args)

    def metric_series(self, f: Filters, metric: str) -> pd.DataFrame:
        w, args = self._where(f)
        return self._df(f"SELECT coalesce(region, '') AS region, year, unit, sum(value) AS value, count(*) AS n, "
                        f"first(quote) AS quote FROM t WHERE {w} AND metric = ? GROUP BY ALL ORDER BY region, year",
                        args + [metric])

    def rows(self, f: Filters, limit: int | None = None) -> pd.DataFrame:
        w, args = self._where(f)
        lim = f" LIMIT {int(limit)}" if limit is not None else ""
        df = self._df(f"SELECT * EXCLUDE (origin), origin FROM t WHERE {w}{lim}", args)
        origin = df.pop("origin") if "origin" in df.columns else "内置"
        out = decorate(df, origin="内置")
        out["origin"] = origin
        return out

    def spans(self, source_file: str) -> list[tuple[int, int]]:
        df = self._df("SELECT start, \"end\" FROM t WHERE source_file = ?", [source_file])
        return list(zip(df["start"].astype(int), df["end"].astype(int)))


def parquet_rows(path: str | Path) -> int:
    import pyarrow.parquet as pq
    return pq.ParquetFile(path).metadata.num_rows
