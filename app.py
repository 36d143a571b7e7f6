"""政策目标看板 — Streamlit dashboard. Layout and widgets only; logic lives in targets.dashboard,
cached loaders in targets.app_cache.

`streamlit run app.py` imports this file, finds the `st.App` at the bottom and serves the page
through it (its lifespan, targets.warmup, loads the table while the browser loads the page);
every browser session then runs this file as `__main__`, which draws the page."""
from __future__ import annotations

import hashlib
import re

import streamlit as st

if __name__ == "__main__":  # a page run (the server's own import of this file skips these)
    import pandas as pd
    import streamlit.components.v1 as components

    from targets.app_cache import (data_source, explanation, filters_key, metric_chart, overview, progress_table, quality,
                                   seed_documents, seed_text, uploaded, values)
    from targets.progress_view import (VERDICT_LABELS, chart_verdicts, for_targets, has_results,
                                       progress_csv_bytes, progress_display, verdict_counts,
                                       repeated_metrics, promised_vs_reported, chart_promised_vs_reported)
    from targets.dashboard import (DOC_MARK_COLORS, DOC_TAB, ORIGIN_UPLOAD, apply_corrections, correct_documents,
                                   doc_url, document_choices, document_label, document_rows_frame, document_scrolled_page,
                                   document_view_html)
    from targets.excel import to_xlsx_bytes
    from targets.dashboard import (DISPLAY_COLUMNS, ORIGIN_HELP, SHOW_LABELS,
                                   DOMAIN_LABELS, KIND_LABELS, STRENGTH_LABELS, UPLOAD_MAX_BYTES,
                                   Filters, display_frame, download_name, highlight_sentence, to_csv_bytes,
                                   to_parquet_bytes)

ALL = "全部"  # placeholder of an empty multiselect: no choice means no filter
# Streamlit's file uploader has no text options: its English button and hint are replaced by CSS.
CHINESE_UPLOADER_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding-top: 2.5rem;}
[data-testid="stFileUploaderDropzone"] button p {font-size: 0;}
[data-testid="stFileUploaderDropzone"] button p::after {content: "选择文件"; font-size: 0.875rem;}
[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {content: "拖放或选择文件,单个不超过 %d MB";
  font-size: 0.8rem;}
</style>"""
TABLE_ROWS_SHOWN = 5000
DOC_HEIGHT = 640  # px: the document and its list of rows, side by side
TABLE_HEIGHT = 600  # px: about 16 rows, the table fills a 1000-px screen below the counts and tabs
RATE_POINTS_SHOWN = 5000
COUNT_LABELS = {"": "目标数", "all": "目标和结果数", "result": "结果数"}
FIELD_LABELS = {"unit": "单位", "kind": "类型", "comparator": "比较", "domain": "领域", "region": "地区",
                "year": "年份", "value": "数值", "indicator": "指标", "deadline": "期限", "status": "状态"}  # a dot plot with more points is unreadable and slow to draw


def show_overview(source, filters, counts: dict, upload_key: str) -> None:
    if counts["targets"] == 0:
        st.info("没有符合筛选条件的目标。请在左侧放宽筛选条件(清空某个筛选即为“全部”)。")
        return
    key = filters_key(filters)
    view = overview(upload_key, key, source, filters, RATE_POINTS_SHOWN)
    st.subheader("各领域目标数(按地区)")
    st.vega_lite_chart(view["domain"], width="stretch")
    if "rates" in view:
        st.subheader("比率类目标(%)")
        left_out = view["left_out"]
        st.caption("每个点是一条目标,比率从不相加。" + (f"只画目标最多的 {view['rate_labels']} 个指标,另有 {left_out} 个"
                                                        "未画出:用左侧 领域 或 搜索 缩小范围。" if left_out else ""))
        st.vega_lite_chart(view["rates"], width="stretch")
    metrics = view["metrics"]
    if metrics:
        st.subheader("同一指标跨地区、跨年份比较")
        labels = view["metric_labels"]
        metric = st.selectbox("标准指标", metrics, key="metric", format_func=labels.get,
                              help="按覆盖的地区数或年份数排序,最值得比较的在前")
        chart = metric_chart(upload_key, key, metric, source, filters)
        if chart["regions"] > chart["shown"]:
            st.caption(f"地区较多,只画目标最多的 {chart['shown']} 个;用左侧筛选选择要比较的地区。")
        st.caption("数量和金额只在同一地区、同一年份、同一指标内相加;比率、变化、标准每条一个点(按期限或年份)。")
        st.vega_lite_chart(chart["spec"], width="stretch")


def table_column_config() -> dict:
    """Width and help for every column of the table (headers from DISPLAY_COLUMNS)."""
    cfg = {label: st.column_config.TextColumn(label, help=help_) for label, help_ in DISPLAY_COLUMNS.values()}
    cfg["年份"] = st.column_config.NumberColumn("年份", help=DISPLAY_COLUMNS["year"][1], format="%d", width=60)
    cfg["地区"] = st.column_config.TextColumn("地区", help=DISPLAY_COLUMNS["region"][1], width=130)
    cfg["指标"] = st.column_config.TextColumn("指标", help=DISPLAY_COLUMNS["indicator"][1], width=140)
    cfg["目标值"] = st.column_config.TextColumn("目标值", help=DISPLAY_COLUMNS["value_label"][1], width=90)
    cfg["原句"] = st.column_config.TextColumn("原句", help=DISPLAY_COLUMNS["sentence_marked"][1], width=520)
    cfg["领域"] = st.column_config.TextColumn("领域", help=DISPLAY_COLUMNS["domain_label"][1], width=110)
    cfg["文档"] = st.column_config.LinkColumn("文档", help=DISPLAY_COLUMNS["doc_link"][1], display_text="全文", width=50)
    return cfg


def show_table(source, filters, counts: dict, texts: dict[str, str], documents) -> None:
    shown = source.rows(filters, limit=TABLE_ROWS_SHOWN)
    if not len(shown):
        st.info("没有符合筛选条件的行。请在左侧放宽筛选条件。")
        return
    more = f"(显示前 {TABLE_ROWS_SHOWN:,} 行,全部行请下载)" if counts["targets"] > len(shown) else ""
    st.caption(f"共 {counts['targets']:,} 行{more}。原句中【】内为抽取的数字;点选一行查看原句和全文,"
               "“全文”链接打开文档视图。目标值已换算为万/亿,下载文件保留原始数值。")
    event = st.dataframe(
        display_frame(shown), width="stretch", height=TABLE_HEIGHT, hide_index=True, on_select="rerun",
        selection_mode="single-row", key="table", column_config=table_column_config(),
    )
    # The files are made only when a button is clicked (callable data), not on every rerun.
    d0 = d1 = d2 = st.container(horizontal=True)
    d0.download_button("下载 Excel", lambda: to_xlsx_bytes(source.rows(filters), filters, documents()),
                       file_name=download_name(filters, "xlsx"), key="dl_xlsx", on_click="ignore", type="primary",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       help="两个工作表:筛选后的行(中文表头、原始数值和可读数值),以及所用筛选条件和来源文档")
    d1.download_button("下载 CSV", lambda: to_csv_bytes(source.rows(filters)), file_name=download_name(filters, "csv"),
                       mime="text/csv", key="dl_csv", on_click="ignore",
                       help="UTF-8(带 BOM),Excel/WPS 可直接打开;原始列名和代码,末尾几列为领域、类型、状态等的中文")
    d2.download_button("下载 Parquet", lambda: to_parquet_bytes(source.rows(filters)),
                       file_name=download_name(filters, "parquet"), mime="application/octet-stream",
                       key="dl_parquet", on_click="ignore", help="供 Python/R 分析使用;原始列名和数值")
    picked = event.selection.rows if event and hasattr(event, "selection") else []
    if not picked:
        return
    row = shown.iloc[picked[0]]
    st.markdown("**原句**")
    st.markdown(highlight_sentence(row["sentence"], row["quote"]), unsafe_allow_html=True)
    st.markdown(f"[在文档视图中阅读全文({row['title'] or row['source_file']})]({doc_url(row['doc_id'], row['target_id'])})")


def document_text(doc, texts: dict[str, str]) -> str | None:
    """The file text of a document: an upload's from the session, a seed's from seeds/."""
    return texts.get(doc["source_file"]) if doc["origin"] == ORIGIN_UPLOAD else seed_text(doc["source_file"])


def show_document(source, filters, texts: dict[str, str], documents) -> None:
    """One document read whole, every target (and result) marked, its rows beside it.
    Reachable by URL: ?tab=文档&doc=DOC_ID (&target=TARGET_ID marks one in orange)."""
    docs = documents()
    current = st.query_params.get("doc", "")
    choices = document_choices(docs, source.values("doc_id", filters), current)
    if not choices:
        st.info("没有符合筛选条件的文档。请在左侧放宽筛选条件。")
        return
    by_id = docs.drop_duplicates("doc_id").set_index("doc_id", drop=False)
    labels = {d: document_label(by_id.loc[d]) for d in choices}
    # one widget key for the session: a key that changed with the URL made every other pick a new
    # widget that forgot it. The URL only moves the pick when it changed from outside (a 全文 link).
    if st.session_state.get("doc_pick_url") != current:
        st.session_state["doc_pick_url"] = current
        if current in choices:
            st.session_state["doc_pick"] = current
    if st.session_state.get("doc_pick") not in choices:
        st.session_state["doc_pick"] = current if current in choices else choices[0]
    doc_id = st.selectbox("文档", choices, format_func=labels.get, key="doc_pick",
                          help="左侧筛选条件下的文档,按地区和年份排列;也可从目标表的“全文”链接打开")
    if current != doc_id:
        st.query_params["doc"] = st.session_state["doc_pick_url"] = doc_id
        if "target" in st.query_params:
            del st.query_params["target"]
    doc = by_id.loc[doc_id]
    rows = source.doc_rows(doc_id)
    n_results = int((rows["status"] == "result").sum())
    facts = [f"{k}:{v}" for k, v in (("地区", doc["region"]), ("年份", doc["year"]), ("发文机关", doc.get("issuer")),
                                       ("文号", doc.get("doc_number")), ("发布日期", doc.get("pub_date")),
                                       ("来源", doc["origin"]), ("已更正", doc.get("corrected")))
             if v is not None and str(v) not in ("", "<NA>", "nan")]
    # Markdown's brackets escaped: 青教工委[2020]2号's bracket was read as a link and its year dropped
    st.caption(re.sub(r"([\[\]*_`\\])", r"\\\1", " | ".join(facts)))
    st.markdown(f"共 {len(rows) - n_results} 个目标、{n_results} 个结果。"
                f'<mark style="background:{DOC_MARK_COLORS["target"]}">黄色</mark>为目标,'
                f'<mark style="background:{DOC_MARK_COLORS["result"]}">蓝色</mark>为结果;鼠标悬停可看指标和数值。',
                unsafe_allow_html=True)
    left, right = st.columns([3, 2])
    text = document_text(doc, texts)
    with left:
        with st.container(height=DOC_HEIGHT, border=True):
            if text is None:
                st.info("找不到这份文档的原文,只能列出抽取的行(原句见右侧和目标表)。启动看板时用环境变量 "
                        "TARGETS_TEXT_DIR 指向构建这张表的输入文件夹,即可在此阅读全文。")
            else:
                start = int(doc["start"]) if pd.notna(doc["start"]) else 0
                end = int(doc["end"]) if pd.notna(doc["end"]) else None
                focus = st.query_params.get("target")
                body = document_view_html(text, rows, start, end, focus=focus)
                if focus and 'id="focus"' in body:  # opened from a row's 全文 link: scrolled to that row
                    components.html(document_scrolled_page(body), height=DOC_HEIGHT - 40, scrolling=True)
                else:
                    st.html(body)
    with right:
        st.dataframe(document_rows_frame(rows), hide_index=True, height=DOC_HEIGHT, width="stretch",
                     column_config={"原文数字": st.column_config.TextColumn(width=75),
                                    "指标": st.column_config.TextColumn(width=130),
                                    "时期": st.column_config.TextColumn(width=60),
                                    "状态": st.column_config.TextColumn(width=45)})


def show_progress(source, filters, upload_key: str, upload_rows) -> None:
    """兑现情况: for the filtered targets, was what was promised reported done?"""
    shown = source.rows(filters)
    targets = shown[shown["status"] == "target"] if "status" in shown.columns else shown
    progress = for_targets(progress_table(upload_key, upload_rows), targets["target_id"])
    if not len(progress):
        st.info("没有符合筛选条件的目标。")
        return
    if not has_results(progress):
        st.info("已加载的文档中没有可与这些目标对应的结果(工作回顾、工作总结或任务表的完成情况),"
                "无法判断是否兑现。可在左侧上传下一年的工作要点或年度工作总结。")
    n = verdict_counts(progress)
    cols = st.columns(3)
    for col, (label, value) in zip(cols, n.items()):
        col.metric(label, f"{value:,}", help={"已完成": "有结果且达到目标(按目标的比较方式)",
                                             "未完成": "有结果但未达到目标",
                                             "无报告": "已加载的文档中没有报告该目标同期结果"}[label])
    by = st.radio("按", ["地区", "领域"], horizontal=True, key="progress_by")
    view = progress.assign(domain_label=progress["domain"].map(DOMAIN_LABELS).fillna(progress["domain"]))
    st.altair_chart(chart_verdicts(view, by="region" if by == "地区" else "domain_label"), width="stretch")
    series = repeated_metrics(progress)
    if series:
        st.subheader("同一指标逐年:承诺与报告")
        metric = st.selectbox("指标", series, key="progress_metric", help="同一地区至少两年都承诺过的指标")
        st.altair_chart(chart_promised_vs_reported(promised_vs_reported(progress, metric), metric), width="stretch")
    table = progress_display(progress)
    st.caption("目标与报告的结果并列;按 未完成、已完成、无报告 排序。点选一行查看两句原文。")
    event = st.dataframe(table, width="stretch", height=420, hide_index=True, on_select="rerun",
                         selection_mode="single-row", key="progress_table")
    st.download_button("下载兑现表 CSV", lambda: progress_csv_bytes(progress),
                       file_name=download_name(filters, "csv").replace(".csv", "_兑现.csv"), mime="text/csv",
                       key="dl_progress", on_click="ignore", help="UTF-8(带 BOM);原始列名和数值")
    picked = event.selection.rows if event and hasattr(event, "selection") else []
    if picked:
        row = progress.loc[table.index[picked[0]]]
        st.markdown(f"**目标**({row['target_source_file']})")
        st.markdown(highlight_sentence(row["target_sentence"], row["target_quote"]), unsafe_allow_html=True)
        st.markdown(f"[在文档视图中阅读]({doc_url(row['target_doc_id'], row['target_id'])})")
        if row["result_quote"]:
            st.markdown(f"**结果**({row['result_source_file']},{VERDICT_LABELS[row['verdict']]})")
            st.markdown(highlight_sentence(row["result_sentence"], row["result_quote"]), unsafe_allow_html=True)
            st.markdown(f"[在文档视图中阅读]({doc_url(row['result_doc_id'], row['result_id'])})")


def show_decisions(source, filters, texts: dict[str, str], documents) -> None:
    """Every number of one document with what was decided and why (issue 10: an analyst who
    disagrees with a row, or misses one, sees the rule that made it so)."""
    st.subheader("逐个数字的判定")
    st.caption("文档中每个带单位的数字:保留为目标、判为结果,或被排除,以及依据的规则。")
    docs = documents()
    choices = document_choices(docs, source.values("doc_id", filters))
    if not choices:
        st.info("没有符合筛选条件的文档。")
        return
    by_id = docs.drop_duplicates("doc_id").set_index("doc_id", drop=False)
    doc_id = st.selectbox("文档", choices, format_func=lambda d: document_label(by_id.loc[d]), key="why_doc")
    doc = by_id.loc[doc_id]
    text = document_text(doc, texts)
    if text is None:
        st.info("找不到这份文档的原文(启动看板时用 TARGETS_TEXT_DIR 指向输入文件夹)。")
        return
    frame = explanation(text, doc["source_file"])
    frame = frame[frame["doc_id"] == doc_id].drop(columns=["doc_id"])
    shown = st.segmented_control("判定", ["目标", "结果", "排除"], selection_mode="multi",
                                 default=["目标", "结果", "排除"], key="why_status")
    counts = frame["判定"].value_counts()
    st.markdown(" · ".join(f"{k} {int(counts.get(k, 0))} 个" for k in ("目标", "结果", "排除")))
    st.dataframe(frame[frame["判定"].isin(shown or [])], hide_index=True, width="stretch",
                 column_config={"所在句": st.column_config.TextColumn(width="large"),
                                "理由": st.column_config.TextColumn(width="medium")})


def show_quality() -> None:
    summary, per_file, misses, extras = quality()
    st.caption("在人工核对的金标准(tests/gold)上的抽取得分,见 codebook 第 5 节。")
    q1, q2, q3 = st.columns(3)
    q1.metric("精确率", f"{summary['precision']:.3f}")
    q2.metric("召回率", f"{summary['recall']:.3f}")
    q3.metric("F1", f"{summary['f1']:.3f}")
    st.dataframe(per_file, hide_index=True, width="stretch")
    st.markdown("**字段准确率**")
    st.dataframe(pd.DataFrame([summary["field_accuracy"]]).rename(columns=FIELD_LABELS), hide_index=True)
    for label, frame in (("漏报", misses), ("多报", extras)):  # statements: an expression would be drawn ("None")
        st.markdown(f"**{label}**")
        if len(frame):
            st.dataframe(frame, hide_index=True)
        else:
            st.write("无")


def sidebar_uploads() -> tuple[str, pd.DataFrame | None, dict[str, str], pd.DataFrame]:
    """The user's own documents: (cache key, their rows, their texts, their documents); errors shown per file."""
    with st.sidebar:
        st.header("上传文档")
        st.markdown(CHINESE_UPLOADER_CSS % (UPLOAD_MAX_BYTES // 2**20), unsafe_allow_html=True)
        files = st.file_uploader("添加 .txt / .html / .docx / .pdf 文件", type=["txt", "html", "htm", "docx", "pdf"],
                                 accept_multiple_files=True, key="upload",
                                 help=f"单个文件不超过 {UPLOAD_MAX_BYTES // 2**20} MB,一次最多 50 个;只在本次会话中使用,"
                                      "不写入数据表。")
    if not files:
        return "", None, {}, pd.DataFrame()
    payload = tuple((f.name, f.getvalue()) for f in files)
    res = uploaded(payload)
    for msg in res.errors:
        st.sidebar.error(msg)
    if not len(res.table):
        return "", None, res.texts, pd.DataFrame()
    n_results = int((res.table["status"] == "result").sum())
    st.sidebar.success(f"上传文件中找到 {len(res.table) - n_results} 个目标、{n_results} 个结果")
    fixes = sidebar_corrections(res.documents)
    rows, docs = apply_corrections(res.table, fixes), correct_documents(res.documents, fixes)
    key = hashlib.sha256(repr(([(n, hashlib.sha256(b).hexdigest()) for n, b in payload],
                               sorted(fixes.items()))).encode()).hexdigest()
    return key, rows, res.texts, docs


def sidebar_corrections(docs: pd.DataFrame) -> dict[str, dict]:
    """A small form to correct an uploaded document's region and year, kept for the session."""
    fixes: dict[str, dict] = st.session_state.setdefault("corrections", {})
    labels = {r.doc_id: f"{r.title or r.source_file}({r.region or '地区未识别'},{r.year if pd.notna(r.year) else '年份未识别'})"
              for r in docs.itertuples(index=False)}
    with st.sidebar.expander("更正上传文档的地区和年份", expanded=bool(fixes)):
        doc_id = st.selectbox("上传的文档", list(labels), format_func=labels.get, key="fix_doc")
        current = docs[docs["doc_id"] == doc_id].iloc[0]
        fix = fixes.get(doc_id, {})
        with st.form("fix_form", border=False):
            region = st.text_input("地区", value=fix.get("region") or current["region"], key=f"fix_region_{doc_id}",
                                   help="如 杭州市、浙江省杭州市西湖区;按全国行政区划补全省、市、区县")
            year0 = int(fix.get("year") or (current["year"] if pd.notna(current["year"]) else 2025))
            year = st.number_input("年份", min_value=1949, max_value=2100, value=year0, step=1, key=f"fix_year_{doc_id}")
            if st.form_submit_button("应用更正"):
                fixes[doc_id] = {"region": region.strip(), "year": int(year)}
                st.rerun()
        if doc_id in fixes:
            note = correct_documents(docs[docs["doc_id"] == doc_id], {doc_id: fixes[doc_id]})["corrected"].iloc[0]
            st.caption(f"已更正({note or '与原值相同'}):本会话中该文档的行使用新的地区和年份,"
                       "表格“来源”列标为“上传(已更正)”。")
            if st.button("撤销更正", key="fix_undo"):
                del fixes[doc_id]
                st.rerun()
    return {d: f for d, f in fixes.items() if d in labels}


def sidebar_filters(source, upload_key: str) -> Filters:
    """The filter widgets, started from the URL's query parameters and mirrored back into it."""
    q = Filters.from_query(st.query_params.get_all)
    years = source.years() or [2020]
    multi = dict(placeholder=ALL, select_all=False)
    with st.sidebar:
        st.header("筛选")
        show = st.radio("显示", list(SHOW_LABELS), format_func=SHOW_LABELS.get, index=list(SHOW_LABELS).index(q.show),
                        horizontal=True, key="f_show",
                        help="目标:计划中的承诺;结果:已完成情况的报告(如工作回顾、完成情况栏)。默认只看目标。")
        province_options = values(upload_key, "province")
        provinces = st.multiselect("省份", province_options, key="f_prov", **multi,
                                   default=[p for p in q.provinces if p in province_options],
                                   help="发文机关所在省份;不选即全部")
        region_options = values(upload_key, "region", tuple(provinces))
        regions = st.multiselect("地区", region_options, key="f_region", **multi,
                                 default=[r for r in q.regions if r in region_options],
                                 help="发文机关所在地区(市、区县);先选省份可缩短列表")
        domains = st.multiselect("领域", list(DOMAIN_LABELS), format_func=DOMAIN_LABELS.get, key="f_domain", **multi,
                                 default=[d for d in q.domains if d in DOMAIN_LABELS], help="按关键词归入的教育领域")
        y0, y1 = min(years), max(years)
        if y0 < y1:
            yr = st.slider("年份", y0, y1, (max(y0, q.year_min or y0), min(y1, q.year_max or y1)), key="f_year",
                           help="文件(计划)所属年份")
        else:
            yr = (y0, y1)
        kinds = st.multiselect("类型", list(KIND_LABELS), format_func=KIND_LABELS.get, key="f_kind", **multi,
                               default=[k for k in q.kinds if k in KIND_LABELS],
                               help="数量、金额、比率、变化(提高/降低)、标准/定额、时限")
        strengths = st.multiselect("力度", list(STRENGTH_LABELS), format_func=STRENGTH_LABELS.get, key="f_strength",
                                   **multi, default=[s for s in q.strengths if s in STRENGTH_LABELS],
                                   help="刚性:确保、完成、新增;力争:力争、争取、努力")
        unit_options = values(upload_key, "unit")
        units = st.multiselect("单位", unit_options, key="f_unit", **multi,
                               default=[u for u in q.units if u in unit_options], help="如 个、所、%、元")
        origin_options = values(upload_key, "origin")
        origins = st.multiselect("来源", origin_options, key="f_origin", **multi,
                                 default=[o for o in q.origins if o in origin_options], help=ORIGIN_HELP)
        text = st.text_input("搜索指标或原句", value=q.text, key="f_text", placeholder="如 托位、近视率",
                             help="在指标名和原句中查找(区分简繁体前已统一为简体)")
    narrowed = yr[0] != y0 or yr[1] != y1
    filters = Filters(regions=regions, provinces=provinces, domains=domains, kinds=kinds, strengths=strengths,
                      units=units, origins=origins, year_min=yr[0] if narrowed else None,
                      year_max=yr[1] if narrowed else None, text=text, show=show)
    if filters.to_query() != q.to_query():
        wanted = filters.to_query()
        for name in Filters.keys():  # only the filter keys: the tab's own parameter stays
            if name in wanted:
                st.query_params[name] = wanted[name]
            elif name in st.query_params:
                del st.query_params[name]
    return filters


def page() -> None:
    st.set_page_config(page_title="政策目标看板", layout="wide")
    st.title("政策目标看板")
    st.caption("从各地教育工作要点中抽取的数量目标:承诺了什么、在哪里、哪一年。")
    upload_key, upload_rows, texts, upload_docs = sidebar_uploads()
    source = data_source(upload_key, upload_rows)

    def documents():
        """Every document (the table's and the uploads'), made only when asked for."""
        return pd.concat([seed_documents(), upload_docs], ignore_index=True) if len(upload_docs) else seed_documents()

    filters = sidebar_filters(source, upload_key)

    c1, c2, c3 = st.columns(3)
    counts = source.counts(filters)
    c1.metric(COUNT_LABELS[filters.show], f"{counts['targets']:,}", help="符合左侧筛选条件的行数")
    c2.metric("文档数", f"{counts['documents']:,}", help="这些行所在的文档数(一个文件可含多个文档)")
    c3.metric("地区数", f"{counts['regions']:,}")

    # Only the open tab runs (tabs track state; the open tab is in the URL too), so the
    # quality scores are computed on demand and the table is not built while charts are shown.
    tab_overview, tab_table, tab_progress, tab_doc, tab_quality = st.tabs(
        ["概览", "目标表", "兑现情况", DOC_TAB, "抽取质量"], key="tab", bind="query-params")
    if tab_overview.open:
        with tab_overview:
            show_overview(source, filters, counts, upload_key)
    if tab_table.open:
        with tab_table:
            show_table(source, filters, counts, texts, documents)
    if tab_progress.open:
        with tab_progress:
            show_progress(source, filters, upload_key, upload_rows)
    if tab_doc.open:
        with tab_doc:
            show_document(source, filters, texts, documents)
    if tab_quality.open:
        with tab_quality:
            show_quality()
            show_decisions(source, filters, texts, documents)


if __name__ == "__main__":
    page()
else:  # imported by `streamlit run app.py`: serve this file, warming caches as the server starts
    from targets.warmup import lifespan
    app = st.App(__file__, lifespan=lifespan)
