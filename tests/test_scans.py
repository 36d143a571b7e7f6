"""The fast document scans give what the plain scans give (speed work of issue 13).

Deadlines are looked for only near a year or a 年内, and item headings from their break
character; on random texts made of the pieces those patterns care about, the matches must be
exactly those of the full `finditer` over the whole text."""
import random
import re

import pytest

from targets import finder as F

PIECES = ["2025年", "2024 年", "年", "年内", "内", "以内", "时间", "左右时间", "底", "前", "末", "，", ",", "。", "；",
          "确保", "力争", "到", "至", "在", "于", "截至", "完成", "实现", "建成", "3", "三", "两", "10", "1,000", "5.5",
          "万", " ", "\n", "\t", "学校", "新增", "19", "20", "2030年底前", "1.", "二、", "(三)", "（四）", "附件1:", "任务"]


def random_texts(n: int, seed: int):
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 90))) for _ in range(n)]


@pytest.mark.parametrize("pattern,anchor,before,after,same_place", [
    (F.YEAR_DEADLINE, F.YEAR_ANCHOR, 8, 64, lambda m, a: m.start("q") == a.start()),
    (F.RELATIVE_DEADLINE, F.RELATIVE_ANCHOR, 64, 8, lambda m, a: m.end("q") == a.start() + 1),
], ids=["year", "relative"])
def test_deadlines_near_anchors_equal_the_full_scan(pattern, anchor, before, after, same_place):
    texts = random_texts(5000, 1) + ["确保2025年底前完成", "到2026年,全面建成", "力争3年内完成", "三年时间建成"]
    found = 0
    for t in texts:
        full = [(m.span(), m.groupdict()) for m in pattern.finditer(t)]
        near = [(m.span(), m.groupdict()) for m in F._near_anchors(pattern, anchor, t, before, after, same_place)]
        assert near == full, t
        found += len(full)
    assert found > 500  # the texts do hold deadlines


# the heading pattern as one scan: a break (or the start) looked behind at every position
PLAIN_ITEM_HEAD = re.compile(
    r"(?:(?<=[\n。；;\t])|^)\s*(?:\d{1,2}\s?[.．、]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|附件\s?\d{0,2}\s?[:：]?)\s*(?P<h>[^。；;\n]{2,40})")


def test_item_heads_equal_the_plain_scan():
    found = 0
    for t in random_texts(5000, 2):
        for lo in (0, 3):
            plain = [(m.start("h") + lo, m.group("h")) for m in PLAIN_ITEM_HEAD.finditer(t[lo:])]
            assert F._item_heads(t[lo:], lo) == plain, t
            found += len(plain)
    assert found > 500
