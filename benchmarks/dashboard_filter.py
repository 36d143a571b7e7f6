"""Benchmark (not a test): time of a filter change in the dashboard's logic.

Measures apply_filters + summary_counts + chart data on the seed table and on a
synthetic table of N rows (default 1,000,000) made by repeating the seed rows
with varied regions and years. Run: python benchmarks/dashboard_filter.py [N]
"""
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from targets.dashboard import (Filters, apply_filters, chart_by_domain, domain_region_counts, load_table,  # noqa: E402
                               summary_counts)


def synthetic(base: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(base), n)
    df = base.iloc[idx].reset_index(drop=True)
    regions = [f"某省某市区县{i:04d}" for i in range(2850)]
    df["region"] = pd.Categorical(np.array(regions)[rng.integers(0, len(regions), n)])
    df["year"] = rng.integers(2015, 2026, n)
    return df


def time_filter_change(df: pd.DataFrame, f: Filters, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        view = apply_filters(df, f)
        summary_counts(view)
        chart_by_domain(domain_region_counts(view))
        best = min(best, time.perf_counter() - t)
    return best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    root = Path(__file__).resolve().parents[1]
    seeds = load_table(root / "data", root / "seeds", rebuild=False)
    print(f"seed table ({len(seeds)} rows): filter change {time_filter_change(seeds, Filters(regions=['上海市青浦区'])) * 1000:.1f} ms")
    big = synthetic(seeds, n)
    f = Filters(regions=["某省某市区县0007", "某省某市区县0100"], year_min=2020, year_max=2024)
    print(f"synthetic table ({len(big):,} rows): filter change {time_filter_change(big, f) * 1000:.1f} ms")
    f = Filters(text="托位")
    print(f"synthetic table ({len(big):,} rows): text search {time_filter_change(big, f, 2) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
