"""Property-based fuzzing: extraction and readers never raise anything but a ReadError;
every quote is its raw span; values are finite; ids are stable.

FUZZ_EXAMPLES sets the examples per test (CI runs the defaults; the long campaign in the
README ran FUZZ_EXAMPLES=25000 over the six tests below)."""
import io
import math
import os
import zipfile

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from targets import extract_text
from targets.reading import read_bytes
from targets.errors import ReadError

N = int(os.environ.get("FUZZ_EXAMPLES", "0"))


def examples(default: int) -> int:
    return N or default

PLAN_BITS = ["新增托位", "1000个", "95%", "达到", "百分之", "九十", "2-4所", "两个", "以上", "\n", "2、",
             "確保", "2025年", "完成", "“", "”", "《", "》", "每", "不少于", "1小时", "个百分点", "，", "。", "\t",
             "第一季度", "20亿元", "三年内", "降低", "余名", "青浦区", "　", "％", "\u200b", "—"]
text_like_plans = st.lists(st.one_of(st.sampled_from(PLAN_BITS), st.text(max_size=5)), max_size=60).map("".join)


def check(text):
    rows = extract_text(text, "prop.txt")
    for r in rows:
        assert text[r["start"]:r["end"]] == r["quote"]
        assert math.isfinite(r["value"])
        assert r["value_max"] is None or math.isfinite(r["value_max"])
    assert rows == extract_text(text, "prop.txt")  # deterministic, ids stable


@settings(max_examples=examples(300), deadline=None)
@given(text_like_plans)
def test_plan_like_text(text):
    check(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_read_or_fail_clearly(data):
    try:
        src = read_bytes(data, "fuzz.txt")
    except ReadError as exc:
        assert "fuzz.txt" in str(exc)
        return
    check(src.text)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["<div>", "</div>", "<p>", "<script>", "</script>", "<style>", "<br>",
                                           "&nbsp;", "&#12345;", "&amp", "<!--", "-->", "<meta charset=gbk>", "<![", "<!", "]]>"]),
                          st.sampled_from(PLAN_BITS), st.text(max_size=4)), max_size=60).map("".join),
       st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_html_reader(html, encoding):
    try:
        src = read_bytes(html.encode(encoding, errors="replace"), "fuzz.html")
    except ReadError as exc:
        assert "fuzz.html" in str(exc)
        return
    check(src.text)


def _zip_of(parts: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts:
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.filterwarnings("ignore:Duplicate name")
@settings(max_examples=examples(100), deadline=None)
@given(st.one_of(st.binary(max_size=400),
                 st.lists(st.tuples(st.sampled_from(["word/document.xml", "[Content_Types].xml", "x"]),
                                    st.binary(max_size=200)), max_size=3).map(_zip_of)),
       st.sampled_from(["fuzz.docx", "fuzz.pdf"]))
def test_office_readers(data, name):
    try:
        src = read_bytes(data, name)
    except ReadError as exc:
        assert name in str(exc)
        return
    check(src.text)
