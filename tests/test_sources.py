"""The DuckDB source (big tables, queried on disk) answers exactly like the in-memory one."""
from pathlib import Path

import pandas as pd
import pytest

from targets.dashboard import Filters, extract_uploads, load_table
from targets.sources import DuckSource, FrameSource

ROOT = Path(__file__).resolve().parents[1]
PARQUET = ROOT / "data" / "targets.parquet"

FILTERS = [
    Filters(),
    Filters(regions=["上海市青浦区"]),
    Filters(provinces=["浙江省"], domains=["preschool", "teachers"]),
    Filters(year_min=2024, year_max=2024, kinds=["count", "rate"]),
    Filters(units=["%"], strengths=["firm"]),
    Filters(text="托位"),
    Filters(regions=["没有这个地方"]),
    Filters(origins=["上传"]),
    Filters(show="all"),
    Filters(show="result"),
]


@pytest.fixture(scope="module")
def sources():
    uploads = extract_uploads([("plan.txt", "绍兴市教育局2025年工作要点\n绍兴市新增托位777个,新开幼儿园9所。".encode())]).table
    frame = FrameSource(pd.concat([load_table(ROOT / "data", ROOT / "seeds", rebuild=False), uploads], ignore_index=True))
    return frame, DuckSource(PARQUET, uploads)


def _records(df):
    return sorted(tuple(str(v) for v in r) for r in df.itertuples(index=False))


def _rows(df):
    return df.sort_values(["target_id", "origin"]).reset_index(drop=True)


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: str(f.to_query()))
def test_same_answers(sources, f):
    frame, duck = sources
    assert len(frame) == len(duck)
    assert frame.counts(f) == duck.counts(f)
    a, b = _rows(frame.rows(f)), _rows(duck.rows(f))
    assert a["target_id"].tolist() == b["target_id"].tolist() and a["origin"].tolist() == b["origin"].tolist()
    assert a["quote"].tolist() == b["quote"].tolist() and a["domain_label"].tolist() == b["domain_label"].tolist()
    assert _records(frame.domain_region_counts(f)) == _records(duck.domain_region_counts(f))
    assert sorted(frame.rates(f)["quote"]) == sorted(duck.rates(f)["quote"])
    assert frame.values("metric", f) == duck.values("metric", f)
    stats = [s.metric_stats(f).sort_values("metric").reset_index(drop=True).astype(str) for s in (frame, duck)]
    assert stats[0].equals(stats[1])
    for metric in frame.values("metric", f):
        assert frame.metric_series(f, metric).astype(str).equals(duck.metric_series(f, metric).astype(str)), metric


def test_options_and_spans(sources):
    frame, duck = sources
    for column in ("province", "region", "unit"):
        assert frame.values(column) == duck.values(column)
    assert frame.values("region", Filters(provinces=["浙江省"])) == duck.values("region", Filters(provinces=["浙江省"]))
    assert frame.years() == duck.years()
    name = frame.values("source_file")[0]
    assert sorted(frame.spans(name)) == sorted(duck.spans(name))
    assert duck.rows(Filters(), limit=7).shape[0] == 7


def test_old_table_without_status_and_period(tmp_path):
    """A table built before status/period: both sources read every row as a target."""
    old = pd.read_parquet(PARQUET).drop(columns=["status", "period"])
    old.to_parquet(tmp_path / "targets.parquet", index=False)
    duck = DuckSource(tmp_path / "targets.parquet")
    frame = FrameSource(load_table(tmp_path, tmp_path / "no-seeds", rebuild=False))
    assert duck.counts(Filters()) == frame.counts(Filters()) and duck.counts(Filters())["targets"] == len(old)
    a = frame.rows(Filters()).sort_values("target_id")
    b = duck.rows(Filters()).sort_values("target_id")
    assert a["period"].tolist() == b["period"].tolist() and set(a["status"]) == set(b["status"]) == {"target"}
    for metric in frame.values("metric"):
        assert frame.metric_series(Filters(), metric).astype(str).equals(duck.metric_series(Filters(), metric).astype(str))
