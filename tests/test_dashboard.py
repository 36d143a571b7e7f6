"""Dashboard logic without a browser: filters, charts' data, downloads, uploads, AppTest."""
import io
from html import escape as html_escape
import json
import tomllib
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from targets.dashboard import (Filters, apply_filters, chart_by_domain, chart_metric, chart_rates, decorate,
                               document_html, domain_region_counts, download_name, lump_regions, metric_stats,
                               rank_metrics, rate_chart_data, rate_points, top_regions,
                               extract_uploads, highlight_sentence, load_table, metric_series, to_csv_bytes,
                               to_parquet_bytes)
from targets.schema import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def table():
    return load_table(ROOT / "data", ROOT / "seeds", rebuild=False)


def test_filters_narrow_the_table(table):
    f = Filters(regions=["浙江省绍兴市"], domains=["preschool"])
    view = apply_filters(table, f)
    assert len(view) > 0 and set(view["region"]) == {"浙江省绍兴市"} and set(view["domain"]) == {"preschool"}
    assert len(apply_filters(table, Filters(year_min=2024, year_max=2024))) == (table["year"] == 2024).sum()
    assert set(apply_filters(table, Filters(text="托位"))["indicator"].str.contains("托位")) <= {True, False}
    assert apply_filters(table, Filters(text="托位"))["sentence"].str.contains("托位").all()


def test_query_roundtrip():
    f = Filters(regions=["上海市青浦区"], year_min=2024, year_max=2025, text="托位")
    q = f.to_query()
    back = Filters.from_query(lambda k: q[k] if isinstance(q.get(k), list) else ([q[k]] if k in q else []))
    assert back == f


def test_chart_data_follows_filters(table):
    view = apply_filters(table, Filters(regions=["上海市青浦区"]))
    data = chart_by_domain(domain_region_counts(view)).data
    assert set(data["region"]) == {"上海市青浦区"} and data["n"].sum() == len(view)
    rates = chart_rates(rate_points(view)).data
    assert (rates["unit"] == "%").all() and len(rates) == (view["unit"] == "%").sum()
    series = metric_series(table, "新增托位")
    assert {"region", "year", "period", "indicator", "value", "n"} <= set(series.columns) and len(series) >= 2


def _points(chart):
    """The data of the metric chart's point layer (what the user hovers)."""
    return chart.layer[1].data if chart.layer[1].data is not alt.Undefined else chart.data


def test_rate_milestones_are_points_never_summed(table):
    """Issue 12: 不动产权证持证率's quarterly milestones 60/65/75/90 % were summed into one ~290 % point."""
    rows = table[(table["metric"] == "不动产权证持证率") & (table["status"] == "target")]
    assert len(rows) >= 2 and (rows["kind"] == "rate").all()
    series = metric_series(table, "不动产权证持证率")
    assert sorted(series["value"]) == sorted(rows["value"]) and (series["n"] == 1).all()
    assert series["value"].max() <= 100
    assert sorted(series["period"]) == sorted(rows["period"])  # one point per milestone period
    shown = _points(chart_metric(series, "不动产权证持证率"))
    assert sorted(shown["value"]) == sorted(rows["value"])
    assert set(shown["value_label"]) == {f"{v:g}%" for v in rows["value"]}


def _frame(rows):
    df = pd.DataFrame([{c: "" for c in COLUMNS} | {"start": i, "end": i + 1, "year": 2024, "target_id": f"t{i}",
                        "doc_id": "d", "source_file": "f.txt", "domain": "preschool", "strength": "firm",
                        "comparator": "="} | r for i, r in enumerate(rows)])
    df["year"] = df["year"].astype("Int64")
    df["value"] = df["value"].astype(float)
    df["value_max"] = pd.to_numeric(df["value_max"], errors="coerce")
    return decorate(df, origin="种子")


def test_counts_summed_only_within_one_indicator_region_and_year():
    df = _frame([
        dict(metric="新增托位", indicator="托位", kind="count", unit="个", value=500, region="甲区", quote="500个"),
        dict(metric="新增托位", indicator="托位", kind="count", unit="个", value=300, region="甲区", quote="300个"),
        dict(metric="新增托位", indicator="公办托班", kind="count", unit="个", value=23, region="甲区", quote="23个"),
        dict(metric="新增托位", indicator="托位", kind="count", unit="个", value=100, region="乙区", quote="100个"),
        dict(metric="新增托位", indicator="托位", kind="count", unit="个", value=700, region="甲区", year=2025,
             quote="700个"),
        dict(metric="覆盖率", indicator="覆盖率", kind="rate", unit="%", value=90, region="甲区", quote="90%"),
        dict(metric="覆盖率", indicator="覆盖率", kind="rate", unit="%", value=95, region="甲区", quote="95%"),
        dict(metric="投资", indicator="投资", kind="money", unit="元", value=2e9, region="甲区", quote="20亿元"),
        dict(metric="投资", indicator="投资", kind="money", unit="元", value=5e8, region="甲区", quote="5亿元"),
    ])
    s = metric_series(df, "新增托位")
    got = {(r.region, r.year, r.indicator): (r.value, r.n) for r in s.itertuples()}
    assert got == {("甲区", 2024, "托位"): (800, 2), ("甲区", 2024, "公办托班"): (23, 1),
                   ("乙区", 2024, "托位"): (100, 1), ("甲区", 2025, "托位"): (700, 1)}
    assert s.loc[(s["indicator"] == "托位") & (s["region"] == "甲区") & (s["year"] == 2024), "quote"].item() == "500个、300个"
    rates = metric_series(df, "覆盖率")
    assert sorted(rates["value"]) == [90, 95] and (rates["n"] == 1).all()
    money = metric_series(df, "投资")
    assert money["value"].tolist() == [2.5e9] and money["value_label"].tolist() == ["25亿元"]
    # status: results are not targets and stay out of the default view
    withres = pd.concat([df, _frame([dict(metric="覆盖率", indicator="覆盖率", kind="rate", unit="%", value=91,
                                          region="甲区", quote="91%", status="result")])], ignore_index=True)
    assert sorted(metric_series(apply_filters(withres, Filters()), "覆盖率")["value"]) == [90, 95]
    assert sorted(metric_series(apply_filters(withres, Filters(show="all")), "覆盖率")["value"]) == [90, 91, 95]
    assert apply_filters(withres, Filters(show="result"))["value"].tolist() == [91]


def test_default_metric_is_the_one_with_most_regions_or_years():
    df = _frame([dict(metric="甲指标", indicator="甲", kind="rate", unit="%", value=v, region="甲区") for v in (1, 2, 3, 4)]
                + [dict(metric="乙指标", indicator="乙", kind="count", unit="个", value=1, region=r, year=y)
                   for r, y in (("甲区", 2023), ("乙区", 2024), ("丙区", 2024))])
    assert rank_metrics(metric_stats(df)) == ["乙指标", "甲指标"]


def test_default_metric_on_the_seeds(table):
    stats = metric_stats(apply_filters(table, Filters())).set_index("metric")
    first = rank_metrics(stats.reset_index())[0]
    best = stats[["regions", "years"]].max(axis=1)
    assert best[first] == best.max() and best[first] >= 2


def test_table_without_status_or_period_is_all_targets():
    df = _frame([dict(metric="m", indicator="i", kind="rate", unit="%", value=60, deadline="2022Q1"),
                 dict(metric="m", indicator="i", kind="rate", unit="%", value=70, deadline="三年内")])
    old = decorate(df.drop(columns=["status", "period", "domain_label", "kind_label", "strength_label"]), origin="种子")
    assert old["status"].tolist() == ["target", "target"] and old["period"].tolist() == ["2022Q1", "2024"]
    assert len(apply_filters(old, Filters())) == 2


def test_rate_chart_keeps_labels_short_and_few():
    pts = pd.DataFrame({"indicator": [f"第{i}项将科技型中小企业加计扣除比例从75%提高" for i in range(40)], "metric": "",
                        "value": range(40), "unit": "%", "region": "甲", "year": 2024, "period": "2024",
                        "quote": "1%", "kind": "rate"})
    data, left_out = rate_chart_data(pts, top=20)
    assert data["label"].nunique() == 20 and left_out == 20 and data["label"].str.len().max() <= 14


def test_csv_download_is_exactly_the_rows_and_safe():
    df = pd.DataFrame({"target_id": ["a", "b"], "quote": ["=1+1", "7所"], "sentence": ["@SUM(A1)", "-x"],
                       "value": [1.0, 7.0], "region": ["+r", "青浦"], "comparator": ["=", ">="]})
    data = to_csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["quote"].tolist() == ["'=1+1", "7所"]
    assert back["sentence"].tolist() == ["'@SUM(A1)", "'-x"] and back["region"].tolist() == ["'+r", "青浦"]
    assert back["value"].tolist() == [1.0, 7.0]
    assert back["comparator"].tolist() == ["=", ">="]  # a lone sign runs nothing: left as it is
    assert pd.read_parquet(io.BytesIO(to_parquet_bytes(df)))["quote"].tolist() == ["=1+1", "7所"]


def test_download_name_says_what_was_filtered():
    assert download_name(Filters(regions=["上海市青浦区"], year_min=2024, year_max=2024), "csv") == "targets_上海市青浦区_2024.csv"
    assert download_name(Filters(), "parquet") == "targets.parquet"


def test_highlighting_escapes_markup():
    html = highlight_sentence("<script>alert(1)</script>新增托位1000个", "1000个")
    assert "<script>" not in html and "<mark>1000个</mark>" in html
    doc = document_html("<b>x</b>新开7所", [(10, 12)])
    assert "<b>" not in doc and "<mark>7所</mark>" in doc


def test_uploads_extract_in_memory_and_report_bad_files():
    res = extract_uploads([("plan.txt", "2024年某区教育工作要点\n新增托位500个。".encode("gbk")),
                           ("empty.txt", b""), ("blob.txt", bytes(range(256)) * 10),
                           ("../../etc/evil.html", "<p>新开幼儿园3所</p><script>x</script>".encode()),
                           ("a.exe", b"MZ")])
    assert sorted(res.table["quote"]) == ["3所", "500个"]
    assert set(res.table["origin"]) == {"上传"}
    joined = "\n".join(res.errors)
    assert "empty.txt" in joined and "blob.txt" in joined and "a.exe" in joined
    assert "上传:evil.html" in res.texts  # path parts dropped from the name


def test_the_same_document_uploaded_twice_counts_once():
    text = "2024年某区教育工作要点\n新增托位500个。"
    res = extract_uploads([("plan.txt", text.encode("utf-8")), ("plan_gbk.txt", text.encode("gbk"))])
    assert res.table["quote"].tolist() == ["500个"]
    assert any("plan_gbk.txt" in e and "plan.txt" in e and "内容相同" in e for e in res.errors)


def _app(tab: str = "目标表"):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["tab"] = tab
    at.run()
    assert not at.exception, at.exception
    return at


def test_app_starts_and_filters_by_region():
    at = _app()
    total = int(at.metric[0].value)
    assert total > 100
    at.sidebar.multiselect(key="f_region").set_value(["浙江省绍兴市"]).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["地区"]) == {"浙江省绍兴市"} and int(at.metric[0].value) == len(table) < total
    assert at.query_params["regions"] in (["浙江省绍兴市"], "浙江省绍兴市")


def test_app_reads_filters_from_url():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["domains"] = "preschool"
    at.query_params["tab"] = "目标表"
    at.run()
    assert not at.exception
    assert set(at.dataframe[0].value["领域"]) == {"学前教育与托育"}


def test_app_search_box(table):
    at = _app()
    at.sidebar.text_input(key="f_text").input("托位").run()
    shown = at.dataframe[0].value
    # the 原句 cell may start shortly before the number (…): it is a piece of a sentence holding 托位
    pieces = shown["原句"].str.replace("[【】]", "", regex=True).str.lstrip("…")
    holding = table.loc[table["sentence"].str.contains("托位") | table["indicator"].str.contains("托位"), "sentence"]
    assert len(shown) >= 3 and all(any(p in s for s in holding) for p in pieces)
    assert shown["原句"].str.contains("托位").sum() >= len(shown) // 2


def test_app_runs_only_the_open_tab():
    overview = _app("概览")
    assert overview.get("arrow_vega_lite_chart") or overview.get("vega_lite_chart")
    assert not overview.dataframe  # the table tab did not run
    labels = [m.label for m in overview.metric]
    assert "精确率" not in labels  # nor the quality tab (it extracts the seeds)
    quality = _app("抽取质量")
    scores = {m.label: float(m.value) for m in quality.metric if m.label in ("精确率", "召回率", "F1")}
    assert set(scores) == {"精确率", "召回率", "F1"} and all(0 <= v <= 1 for v in scores.values())


def test_many_regions_are_lumped_for_charts():
    data = pd.DataFrame({"domain_label": ["学前"] * 30, "region": [f"县{i:02d}" for i in range(30)],
                         "n": list(range(1, 31))})
    lumped = lump_regions(data, k=5, weight="n")
    assert lumped["region"].nunique() == 6 and "其他地区" in set(lumped["region"])
    assert lumped["n"].sum() == data["n"].sum()
    assert set(top_regions(data, 5, "n")) == {"县29", "县28", "县27", "县26", "县25"}
    few = data.head(4)
    assert lump_regions(few, k=5, weight="n").equals(few)


def test_streamlit_run_serves_app_through_st_app_with_warm_up():
    """`streamlit run app.py` must find the st.App (else no warm-up and a slower cold start),
    and the server's own import of app.py must not draw the page or import the heavy modules."""
    import subprocess
    import sys

    from streamlit.web.server.app_discovery import discover_asgi_app
    found = discover_asgi_app(Path(APP))
    assert found.is_asgi_app and found.app_name == "app"
    probe = ("import sys; sys.path.insert(0, %r); import app; import streamlit as st; "
             "assert isinstance(app.app, st.App); assert 'pandas' not in sys.modules and 'altair' not in sys.modules; "
             "print('ok')") % str(ROOT)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "ok", out.stderr


def test_warm_up_fills_the_loaders_cache():
    from targets import app_cache
    from targets.warmup import warm
    warm()
    source = app_cache.data_source("", None)
    assert source is app_cache.data_source("", None)  # cache_resource: the warmed object itself
    assert source.counts(Filters())["targets"] == len(load_table(ROOT / "data", ROOT / "seeds", rebuild=False))


def test_numbers_read_as_a_chinese_analyst_writes_them():
    from targets.formatting import format_value
    assert format_value(2e9, "元") == "20亿元" and format_value(16200, "个") == "1.62万个"
    assert format_value(95, "%") == "95%" and format_value(-1, "百分点") == "-1个百分点"
    assert format_value(2, "所", 4) == "2–4所" and format_value(1000, "个") == "1000个"
    assert format_value(2025, "年") == "2025年" and format_value(80000, "人次") == "8万人次"
    assert format_value(None, "个") == "" and format_value(float("nan"), "%") == ""
    assert format_value(7, "所", float("nan")) == "7所" and format_value(33.3333, "%") == "33.33%"


def test_display_table_formats_and_blanks_but_downloads_stay_raw():
    from targets.dashboard import DISPLAY_COLUMNS, display_frame
    df = _frame([dict(indicator="教育投入", kind="money", unit="元", value=2e9, quote="20亿元", region="甲区",
                      sentence="全年教育投入20亿元。", comparator="="),
                 dict(indicator="学位", kind="count", unit="个", value=16200, quote="1.62万个", region="甲区",
                      sentence="新增学位1.62万个", comparator=">=")])
    shown = display_frame(df)
    assert list(shown.columns) == [label for label, _ in DISPLAY_COLUMNS.values()]
    assert shown["目标值"].tolist() == ["20亿元", "1.62万个"]
    assert shown["原句"].tolist() == ["全年教育投入【20亿元】。", "新增学位【1.62万个】"]
    assert shown["比较"].tolist() == ["等于", "不低于"]
    assert not shown.astype(str).isin(["None", "nan", "<NA>"]).any().any()
    assert shown["文档"].str.startswith("?tab=").all()
    back = pd.read_csv(io.BytesIO(to_csv_bytes(df)), encoding="utf-8-sig")
    assert back["value"].tolist() == [2e9, 16200]


def test_table_sentence_starts_near_its_number():
    """A long sentence in the narrow 原句 column starts shortly before the number, so it is in sight."""
    from targets.dashboard import SENTENCE_LEAD, display_frame, mark_quote
    long = "推进政府性投资项目建设,加快朱家角地块幼儿园等新开办学校项目建设,完成八个新开办学校"
    marked = mark_quote(long, "八个", SENTENCE_LEAD)
    assert marked.startswith("…") and marked.endswith("【八个】新开办学校")
    assert len(marked.split("【")[0]) == SENTENCE_LEAD + 1
    assert mark_quote(long, "八个") == long.replace("八个", "【八个】")  # whole sentence elsewhere
    df = _frame([dict(indicator="新开办学校", kind="count", unit="个", value=8, quote="八个", region="甲区",
                      sentence=long, comparator="=")])
    assert display_frame(df)["原句"].iloc[0] == marked


def test_app_is_chinese_throughout():
    at = _app()
    boxes = at.sidebar.multiselect
    assert len(boxes) >= 7 and all(m.placeholder == "全部" for m in boxes)
    assert all(m.help for m in boxes)
    assert [r.label for r in at.sidebar.radio] == ["显示"]
    cfg = json.loads(at.dataframe[0].proto.columns)
    from targets.dashboard import DISPLAY_COLUMNS
    assert {label for label, _ in DISPLAY_COLUMNS.values()} <= set(cfg)
    assert all(cfg[label].get("help") for label, _ in DISPLAY_COLUMNS.values())
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["toolbarMode"] == "viewer"  # no Deploy button


def test_excel_download_has_the_rows_filters_and_documents(table):
    import openpyxl
    from targets.dashboard import load_documents
    from targets.excel import to_xlsx_bytes
    f = Filters(regions=["上海市青浦区"], domains=["preschool"])
    rows = apply_filters(table, f)
    data = to_xlsx_bytes(rows, f, load_documents(ROOT / "data"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["目标", "筛选与来源"]
    sheet = list(book["目标"].iter_rows(values_only=True))
    head, body = sheet[0], sheet[1:]
    assert {"编号", "地区", "指标", "数值", "目标值(可读)", "原句", "来源"} <= set(head)
    col = {name: i for i, name in enumerate(head)}
    assert len(body) == len(rows) and sorted(r[col["编号"]] for r in body) == sorted(rows["target_id"])
    assert {r[col["地区"]] for r in body} == {"上海市青浦区"} and {r[col["领域"]] for r in body} == {"学前教育与托育"}
    assert sorted(r[col["数值"]] for r in body) == sorted(rows["value"])  # raw numbers, not text
    info = [r for r in book["筛选与来源"].iter_rows(values_only=True)]
    flat = {r[0]: r[1] for r in info if r[0]}
    assert flat["地区"] == "上海市青浦区" and flat["领域"] == "学前教育与托育" and flat["年份"] == "全部"
    assert flat["行数"] == str(len(rows))
    docs_at = [i for i, r in enumerate(info) if r[0] == "文档编号"][0]
    docs = info[docs_at + 1:]
    assert {d[0] for d in docs} == set(rows["doc_id"]) and sum(d[8] for d in docs) == len(rows)


def test_excel_download_is_formula_safe():
    import openpyxl
    from targets.excel import to_xlsx_bytes
    df = _frame([dict(indicator="=HYPERLINK(\"http://x\")", quote="=1+1", sentence="@SUM(A1)", value=1, unit="个",
                      kind="count", region="+r", title="-cmd|' /C calc'!A0")])
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(df, Filters(text="=evil()"), None)))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row] + \
            [c for row in book.worksheets[1].iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # no formula anywhere
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert {"'=1+1", "'@SUM(A1)", "'+r", "'=evil()"} <= texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)


def test_correcting_an_upload_moves_its_rows(table):
    from targets.dashboard import apply_corrections, correct_documents
    from targets.excel import to_xlsx_bytes
    from targets.sources import FrameSource
    import openpyxl
    res = extract_uploads([("plan.txt", "绍兴市教育局2025年工作要点\n绍兴市新增托位777个,新开幼儿园9所。".encode())])
    doc_id = res.documents["doc_id"].item()
    assert set(res.table["region"]) == {"浙江省绍兴市"}
    fixes = {doc_id: {"region": "杭州市", "year": 2024}}
    rows = apply_corrections(res.table, fixes)
    assert set(rows["region"]) == {"浙江省杭州市"} and set(rows["province"]) == {"浙江省"}
    assert set(rows["year"]) == {2024} and set(rows["period"]) == {"2024"}
    assert set(rows["corrected"]) == {"地区 浙江省绍兴市→浙江省杭州市;年份 2025→2024"}
    docs = correct_documents(res.documents, fixes)
    assert docs["region"].item() == "浙江省杭州市" and docs["year"].item() == 2024
    src = FrameSource(pd.concat([table, rows], ignore_index=True))
    moved = src.rows(Filters(regions=["浙江省杭州市"]))
    assert sorted(moved["quote"]) == ["777个", "9所"] and set(moved["origin"]) == {"上传"}
    assert not len(src.rows(Filters(regions=["浙江省绍兴市"], origins=["上传"])))
    assert len(src.rows(Filters(origins=["种子"]))) == len(table)
    csv = pd.read_csv(io.BytesIO(to_csv_bytes(moved)), encoding="utf-8-sig")
    assert set(csv["region"]) == {"浙江省杭州市"} and csv["corrected"].notna().all()
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(moved, Filters(regions=["浙江省杭州市"]), docs)))
    head, *body = list(book["目标"].iter_rows(values_only=True))
    assert {r[head.index("地区")] for r in body} == {"浙江省杭州市"}
    assert apply_corrections(res.table, {}) is res.table  # nothing to do
    unknown = apply_corrections(res.table, {doc_id: {"region": "某某新区", "year": 2025}})
    assert set(unknown["region"]) == {"某某新区"} and set(unknown["province"]) == {""}


def test_document_view_marks_every_target_and_result(table):
    from targets.dashboard import document_choices, document_label, document_rows_frame, document_view_html, load_documents
    docs = load_documents(ROOT / "data")
    doc = docs[docs["doc_id"] == "003_9363102db9300f1c#2"].iloc[0]  # the second document of a glued file
    text = (ROOT / "seeds" / doc["source_file"]).read_text(encoding="utf-8")
    rows = table[table["doc_id"] == doc["doc_id"]].copy()
    rows.loc[rows.index[0], "status"] = "result"  # one result, shown in the other colour
    out = document_view_html(text, rows, int(doc["start"]), int(doc["end"]), focus=rows["target_id"].iloc[1])
    assert out.count("<mark") == len(rows) and out.count('data-status="result"') == 1
    assert out.count("#ffa940") == 1  # the focused target
    for q in rows["quote"]:
        assert html_escape(q) in out
    assert text[: int(doc["start"])].strip()[:20] not in out  # only this document's text
    evil = document_view_html("<script>x</script>新开7所", _frame([dict(start=17, end=19, quote="7所", value=7,
                                                                      unit="所", indicator="<b>")]).assign(start=17, end=19))
    assert "<script>" not in evil and "<b>" not in evil
    listed = document_rows_frame(rows)
    assert len(listed) == len(rows) and list(listed.columns)[:4] == ["原文数字", "指标", "时期", "状态"]
    assert document_label(doc) == f"{doc['region']} · {doc['year']} · {doc['title'] or doc['source_file']}"
    assert document_choices(docs, [doc["doc_id"]]) == [doc["doc_id"]]
    assert document_choices(docs, [], current=doc["doc_id"]) == [doc["doc_id"]]  # the URL's document stays


def test_app_document_view_by_url():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["tab"] = "文档"
    at.query_params["doc"] = "004_a260c81493b2f1ef#1"
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox[0].value == "004_a260c81493b2f1ef#1"
    listed = at.dataframe[0].value
    assert len(listed) > 10 and {"原文数字", "指标", "状态"} <= set(listed.columns)
    shown = [h.proto.body for h in at.get("html")]
    assert shown and shown[0].count("<mark") == len(listed)


def test_quality_tab_explains_every_number_of_a_document():
    """抽取质量 lists a document's numbers with 目标/结果/排除 and the rule's reason in Chinese."""
    at = _app("抽取质量")
    frame = at.dataframe[-1].value
    assert {"判定", "原文", "规则", "理由"} <= set(frame.columns)
    assert set(frame["判定"]) <= {"目标", "结果", "排除"} and (frame["判定"] == "目标").sum() > 0
    assert (frame["判定"] == "排除").sum() > 0 and frame["理由"].str.len().min() > 2
    at.segmented_control(key="why_status").set_value(["排除"]).run()
    assert set(at.dataframe[-1].value["判定"]) == {"排除"}


def test_app_document_picker_follows_every_pick():
    """Each pick in the 文档 tab shows that document: a widget key that changed with the URL made
    every other pick a new widget that forgot it (a newcomer's review found it)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["tab"] = "文档"
    at.run()
    assert not at.exception, at.exception
    assert len(at.selectbox[0].options) >= 4
    ids = pd.read_csv(Path(APP).parent / "data" / "documents.csv", encoding="utf-8-sig")["doc_id"].tolist()
    shown = []
    for i in (1, 2, 3, 1, 0):
        at.selectbox[0].set_value(ids[i]).run()
        assert not at.exception, at.exception
        picked = at.selectbox[0].value
        assert at.query_params["doc"] in (picked, [picked])
        shown.append(picked)
    # every pick took: four different documents, and the second pick of the second one shows it again
    assert len(set(shown)) == 4 and shown[0] == shown[3]


def _scale(chart_or_spec) -> dict[str, str]:
    """region -> colour of a chart's region colour scale."""
    spec = chart_or_spec if isinstance(chart_or_spec, dict) else chart_or_spec.to_dict()
    encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec.get("layer", [])]
    for enc in encodings:
        color = enc.get("color", {})
        if color.get("field") == "region":
            scale = color["scale"]
            return dict(zip(scale["domain"], scale["range"]))
    raise AssertionError("no region colour")


def test_a_region_keeps_its_colour_across_charts_and_filters():
    """A newcomer's review: 绍兴 was blue in one chart and orange in the next. The colour of a
    region comes from the view's regions (its name), not from its place in each chart's legend."""
    from targets.dashboard import OTHER_REGIONS, region_colors
    view = pd.DataFrame({"domain_label": ["学前", "学前", "义教"], "region": ["浙江省绍兴市", "上海市青浦区", "浙江省绍兴市"],
                         "n": [3, 1, 2]})
    colors = region_colors([*view["region"], OTHER_REGIONS])
    both = _scale(chart_by_domain(view, colors))
    alone = _scale(chart_by_domain(view[view["region"] == "浙江省绍兴市"], colors))
    assert alone == {"浙江省绍兴市": both["浙江省绍兴市"]}  # the legend lists only the chart's own regions
    series = pd.DataFrame({"region": ["上海市青浦区"], "year": [2024], "period": ["2024"], "indicator": ["新增托位"],
                           "unit": ["个"], "kind": ["count"], "value": [100.0], "n": [1], "quote": ["100个"],
                           "value_label": ["100个"], "how": [""], "kind_label": ["数量"]})
    assert _scale(chart_metric(series, "新增托位", colors)) == {"上海市青浦区": both["上海市青浦区"]}
    # without the view's colours a chart still gives each region its name's colour
    assert _scale(chart_by_domain(view)) == both
    assert region_colors([OTHER_REGIONS])[OTHER_REGIONS] == "#b0b0b0"
    many = region_colors([f"县{i:02d}" for i in range(20)])
    assert len(set(many.values())) == 20  # up to the palette's size, no two regions share a colour


def test_csv_keeps_codes_and_adds_their_chinese():
    """A newcomer's review: the CSV showed preschool / no_report to an analyst opening it in WPS.
    The codes stay (scripts read them); Chinese columns follow them."""
    from targets.progress_view import progress_csv_bytes
    df = pd.DataFrame({"target_id": ["a", "b"], "value": [7.0, 95.0], "domain": ["preschool", "compulsory"],
                       "kind": ["count", "rate"], "status": ["target", "result"], "strength": ["firm", "aim"],
                       "comparator": [">=", "="]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(df)), encoding="utf-8-sig")
    assert set(back.columns[:7]) == set(df.columns)  # the codebook columns first, in its order
    assert back["domain"].tolist() == ["preschool", "compulsory"]
    assert back["领域"].tolist() == ["学前教育与托育", "义务教育"]
    assert back["类型"].tolist() == ["数量", "比率"] and back["状态"].tolist() == ["目标", "结果"]
    assert back["比较"].tolist() == ["不低于", "等于"]
    progress = pd.DataFrame({"target_id": ["a"], "verdict": ["no_report"], "domain": ["preschool"]})
    back = pd.read_csv(io.BytesIO(progress_csv_bytes(progress)), encoding="utf-8-sig")
    assert back["verdict"].tolist() == ["no_report"] and back["兑现"].tolist() == ["无报告"]
