"""Property: extraction never raises on arbitrary text; every quote is its raw span; values finite."""
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from targets import extract_text
from targets.reading import read_bytes
from targets.errors import ReadError

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


@settings(max_examples=300, deadline=None)
@given(text_like_plans)
def test_plan_like_text(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_read_or_fail_clearly(data):
    try:
        src = read_bytes(data, "fuzz.txt")
    except ReadError as exc:
        assert "fuzz.txt" in str(exc)
        return
    check(src.text)
