"""The Excel download (.xlsx, xlsxwriter): one sheet of the filtered rows with Chinese headers,
one sheet with the filters used and the source documents. Opens in Excel and WPS.

Formula safety as in the CSV: every text cell is written as text (never as a formula or link)
and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
quote, exactly like targets.dashboard.neutralise."""
from __future__ import annotations

import io
import math
from datetime import datetime

import pandas as pd

from .dashboard import (COMPARATOR_LABELS, DOMAIN_LABELS, KIND_LABELS, SHOW_LABELS, STATUS_LABELS,
                        STRENGTH_LABELS, Filters, export_frame, neutralise)
from .formatting import format_value

ROWS_SHEET, INFO_SHEET = "目标", "筛选与来源"
EXCEL_MAX_ROWS = 1_048_575  # one row of the sheet is the header

EXPORT_LABELS = {
    "target_id": "编号", "doc_id": "文档编号", "source_file": "来源文件", "start": "起始位置", "end": "结束位置",
    "quote": "原文数字", "value": "数值", "value_max": "上限", "unit": "单位", "comparator": "比较",
    "kind": "类型", "indicator": "指标", "domain": "领域", "deadline": "期限", "region": "地区",
    "province": "省份", "city": "城市", "county": "区县", "year": "年份", "sentence": "原句",
    "strength": "力度", "metric": "标准指标", "title": "文档标题", "status": "状态", "period": "时期",
    "rule": "判定规则", "reports_on": "对应目标编号", "origin": "来源", "corrected": "更正",
}
READABLE_VALUE = "目标值(可读)"
# Codes shown as their Chinese names (the CSV and Parquet keep the codes).
_CODE_LABELS = {"kind": KIND_LABELS, "domain": DOMAIN_LABELS, "strength": STRENGTH_LABELS, "status": STATUS_LABELS,
                "comparator": COMPARATOR_LABELS}
_WIDTHS = {"原句": 60, "指标": 24, "文档标题": 30, "地区": 18, "来源文件": 26, "编号": 18, "文档编号": 24,
           READABLE_VALUE: 14, "标准指标": 16, "领域": 14}

DOCUMENT_LABELS = {"doc_id": "文档编号", "source_file": "来源文件", "title": "标题", "region": "地区", "year": "年份",
                   "issuer": "发文机关", "doc_number": "文号", "pub_date": "发布日期", "rows": "本表行数",
                   "origin": "来源", "corrected": "更正"}


def rows_sheet_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The filtered rows with Chinese headers and labels; raw numbers kept, a readable value added."""
    out = export_frame(rows).copy()
    for col, labels in _CODE_LABELS.items():
        if col in out.columns:
            out[col] = out[col].map(lambda v, lab=labels: lab.get(v, v) if isinstance(v, str) else v)
    if "value" in out.columns:
        readable = [format_value(v, u, m) for v, u, m in zip(rows["value"], rows["unit"], rows["value_max"])]
        out.insert(out.columns.get_loc("value"), READABLE_VALUE, readable)
    return out.rename(columns=EXPORT_LABELS)


def filters_summary(f: Filters, n_rows: int, when: str | None = None) -> list[tuple[str, str]]:
    """(what, value) lines for the info sheet: every filter, 全部 where none was chosen."""
    def joined(values, labels=None):
        return "、".join(labels.get(v, v) if labels else v for v in values) or "全部"
    if f.year_min is None and f.year_max is None:
        years = "全部"
    else:
        years = f"{f.year_min if f.year_min is not None else ''}–{f.year_max if f.year_max is not None else ''}"
    return [
        ("导出时间", when or datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("行数", str(n_rows)),
        ("显示", SHOW_LABELS.get(f.show, f.show)),
        ("省份", joined(f.provinces)),
        ("地区", joined(f.regions)),
        ("领域", joined(f.domains, DOMAIN_LABELS)),
        ("年份", years),
        ("类型", joined(f.kinds, KIND_LABELS)),
        ("力度", joined(f.strengths, STRENGTH_LABELS)),
        ("单位", joined(f.units)),
        ("来源", joined(f.origins)),
        ("搜索", f.text.strip() or "(无)"),
    ]


def documents_sheet_frame(rows: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """The documents the rows come from, with how many of the rows each holds."""
    per_doc = rows.groupby("doc_id", sort=False).size().rename("rows") if len(rows) else pd.Series(dtype=int, name="rows")
    first = rows.drop_duplicates("doc_id").set_index("doc_id") if len(rows) else pd.DataFrame()
    known = documents.drop_duplicates("doc_id").set_index("doc_id") if documents is not None and len(documents) \
        else pd.DataFrame()
    out = []
    for doc_id, n in per_doc.items():
        src = known.loc[doc_id] if doc_id in known.index else first.loc[doc_id]
        rec = {"doc_id": doc_id, "rows": int(n)}
        for col in ("source_file", "title", "region", "year", "issuer", "doc_number", "pub_date", "origin", "corrected"):
            v = src.get(col, "") if hasattr(src, "get") else ""
            if col in ("region", "year", "corrected", "origin") and doc_id in first.index:
                v = first.loc[doc_id].get(col, v)  # the rows carry a user's correction
            rec[col] = "" if v is None or (isinstance(v, float) and math.isnan(v)) or str(v) == "<NA>" else v
        out.append(rec)
    df = pd.DataFrame(out, columns=list(DOCUMENT_LABELS))
    return df.rename(columns=DOCUMENT_LABELS)


def _safe(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, str):
        return neutralise(v)
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def to_xlsx_bytes(rows: pd.DataFrame, f: Filters, documents: pd.DataFrame | None = None,
                  when: str | None = None) -> bytes:
    """The workbook: sheet 目标 (the rows), sheet 筛选与来源 (filters used, source documents)."""
    import xlsxwriter
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False, "in_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1, "text_wrap": True, "valign": "top"})
    bold = book.add_format({"bold": True})
    data = rows_sheet_frame(rows)
    cut = len(data) > EXCEL_MAX_ROWS
    data = data.head(EXCEL_MAX_ROWS)

    sheet = book.add_worksheet(ROWS_SHEET)
    columns = list(data.columns)
    sheet.write_row(0, 0, columns, head)
    for j, name in enumerate(columns):
        sheet.set_column(j, j, _WIDTHS.get(name, 11))
    for i, record in enumerate(data.itertuples(index=False, name=None), start=1):
        for j, v in enumerate(record):
            v = _safe(v)
            if v is None:
                continue
            if isinstance(v, str):
                sheet.write_string(i, j, v)
            else:
                sheet.write(i, j, v)
    sheet.freeze_panes(1, 0)
    if len(columns):
        sheet.autofilter(0, 0, max(len(data), 1), len(columns) - 1)

    info = book.add_worksheet(INFO_SHEET)
    info.set_column(0, 0, 22)
    info.set_column(1, 1, 40)
    info.set_column(2, 10, 16)
    info.write_string(0, 0, "政策目标看板 导出", bold)
    r = 2
    info.write_string(r - 1, 0, "筛选条件", bold)
    for what, value in filters_summary(f, len(rows), when):
        info.write_string(r, 0, what)
        info.write_string(r, 1, neutralise(value))
        r += 1
    if cut:
        info.write_string(r, 0, "注意")
        info.write_string(r, 1, f"超过 Excel 的行数上限,只写入前 {EXCEL_MAX_ROWS:,} 行;全部行请下载 CSV 或 Parquet")
        r += 1
    r += 1
    info.write_string(r, 0, "来源文档", bold)
    r += 1
    docs = documents_sheet_frame(rows, documents)
    info.write_row(r, 0, list(docs.columns), head)
    for record in docs.itertuples(index=False, name=None):
        r += 1
        for j, v in enumerate(record):
            v = _safe(v)
            if v is None:
                continue
            info.write_string(r, j, v) if isinstance(v, str) else info.write(r, j, v)
    book.close()
    return buf.getvalue()
