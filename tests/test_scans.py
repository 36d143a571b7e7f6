"""The fast document scans give what the plain scans give (speed work of issue 13).

Deadlines are looked for only near a year or a 年内, and item headings from their break
character; on random texts made of the pieces those patterns care about, the matches must be
exactly those of the full `finditer` over the whole text."""
import random
import re

import pytest

from targets import documents as D
from targets import finder as F
from targets import normalize as N
from targets import rules as R

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


def plain_number_runs(pattern, segment, run_min, gap):
    """The run flags from a list of every candidate (the scan before it was made lazy)."""
    spans = [m.span() for m in pattern.finditer(segment)]
    flags, first = [False] * len(spans), 0
    for i in range(1, len(spans) + 1):
        if i == len(spans) or spans[i][0] - spans[i - 1][1] > gap:
            if i - first >= run_min:
                flags[first:i] = [True] * (i - first)
            first = i
    return [(s, e, f) for (s, e), f in zip(spans, flags)]


RUN_PIECES = ["达到95%", "、", "，", "3个", "十所", "2025年", "学校", "新增", " ", "\n", "。", "1.5万元", "x" * 6]


@pytest.mark.parametrize("run_min,gap", [(3, 1), (5, 4), (30, 4)])
def test_number_runs_equal_the_plain_scan(run_min, gap):
    rng = random.Random(3)
    in_run = 0
    for i in range(3000):
        pieces = RUN_PIECES if i % 2 else RUN_PIECES[:4]  # half of them dense in numbers: long runs
        t = "".join(rng.choices(pieces, k=rng.randint(1, 120)))
        lazy = [(m.start(), m.end(), f) for m, f in F._number_runs(F.CANDIDATE, t, run_min, gap)]
        assert lazy == plain_number_runs(F.CANDIDATE, t, run_min, gap), t
        in_run += sum(f for *_, f in lazy)
    assert in_run > 100  # the texts do hold runs


def plain_column_cells(text, lo, hi, header_labels):
    """{cell start: label} for every cell under a labelled column (the scan before it was lazy)."""
    result, columns, pos = {}, {}, lo
    for line in text[lo:hi].split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            labels = header_labels(cells)
            if labels:
                columns = labels
            elif columns:
                off = pos
                for i, cell in enumerate(cells):
                    if i in columns:
                        result[off] = columns[i]
                    off += len(cell) + 1
        elif line.strip():
            columns = {}
        pos += len(line) + 1
    return result


def plain_label_at(cells, text, pos):
    """The label of the cell holding pos: the last labelled cell start before it, with no tab or
    line break between (as the finder asked a sorted list of cell starts)."""
    starts = sorted(s for s in cells if s <= pos)
    if not starts or "\t" in text[starts[-1]:pos] or "\n" in text[starts[-1]:pos]:
        return None
    return cells[starts[-1]]


TABLE_PIECES = ["\t", "\t", "\n", "\n", " ", "1-9月完成情况", "完成情况", "2023年实际", "2023年", "2024年目标", "2023",
                "第一季度", "上半年", "指标", "新增托位10个", "95%", "已完成", "任务", "基数"]


@pytest.mark.parametrize("year", [2024, None])
def test_cell_labels_equal_the_plain_scan(year):
    """Table cells are labelled by reading lines only as far as asked; every position asked in
    order gets the label the whole-document scan gives."""
    rng = random.Random(4)
    labelled = 0
    for _ in range(1500):
        t = "".join(rng.choices(TABLE_PIECES, k=rng.randint(1, 60)))
        lo = rng.choice([0, 0, min(len(t), 2)])
        hi = rng.choice([len(t), max(lo, len(t) - 3)])
        for make, header_labels in ((F._progress_cells, F._progress_labels(year)),
                                    (F._table_periods, F._table_periods(t, lo, hi, year).header_labels)):
            reader = make(t, lo, hi, year)
            plain = plain_column_cells(t, lo, hi, header_labels)
            for pos in sorted(rng.sample(range(lo, hi), min(hi - lo, 40))) if hi > lo else []:
                if t[pos] in "\t\n":
                    continue  # a number never starts on a break
                got = reader.label_at(pos)
                assert got == plain_label_at(plain, t, pos), (t, lo, hi, pos)
                labelled += got is not None
    assert labelled > 300


def plain_data_rows(text, lo, hi, year):
    """Indicator-table rows from a loop over every line (the scan before it skipped to headers)."""
    from targets.indicator_tables import _read_line
    header, pos = None, lo
    for line in text[lo:hi].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        header, row = _read_line(line, header, year)
        if row:
            yield line_start, row[0], header, row[1]


INDICATOR_PIECES = ["\t", "\t", "\n", "\n", " ", "指标名称", "单位", " 单位 ", "计量单位", "2024年目标", "2023年实际", "目标",
                    "学前教育毛入园率", "%", "95", "98.5", "≥90", "说明", "万元"]


def test_indicator_rows_equal_the_plain_scan():
    from targets.indicator_tables import _data_rows
    rng = random.Random(5)
    rows = 0
    for _ in range(6000):
        t = "".join(rng.choices(INDICATOR_PIECES, k=rng.randint(1, 300)))
        lo = rng.choice([0, 0, min(len(t), 3)])
        got = list(_data_rows(t, lo, len(t), 2024))
        assert got == list(plain_data_rows(t, lo, len(t), 2024)), (t, lo)
        rows += len(got)
    assert rows > 400  # the texts do hold indicator tables


LINE_PIECES = ["\n", "\n", "\n\n", " ", "\t", "  ", "1、", "12，", "- 3 -", "第2页 共9页", "|", "a|b|c|d", "各乡镇人民政府：",
               "一、", "2024年", "2023 年", "重点工作", "工作回顾", "工作要点", "附件：", "新增学位900个", "。", "，",
               "x" * 30, "学校", "2023年工作回顾", "二、2024年重点工作"]
LINE_START_PATTERNS = {
    "line_number": N._LINE_NUMBER, "page_footer": N._PAGE_FOOTER, "pipe_row": N._PIPE_ROW,
    "heading_line": F._HEADING_LINE, "title_line": D._TITLE_LINE, "plan_heading": D._PLAN_HEADING,
    "review_heading": D._REVIEW_HEADING, "addressees": R._ADDRESSEES,
}


@pytest.mark.parametrize("name", LINE_START_PATTERNS)
def test_line_start_patterns_equal_the_caret_scan(name):
    """A LineStartPattern finds what (?m)^ + its body finds: from any start, to any end, with
    bodies that read past their own line (\\s* over blank lines) and matches that end on a break."""
    fast = LINE_START_PATTERNS[name]
    plain = re.compile("(?m)^" + fast.pattern.pattern, fast.pattern.flags)
    rng = random.Random(6)
    found = 0
    for _ in range(3000):
        t = "".join(rng.choices(LINE_PIECES, k=rng.randint(0, 40)))
        lo = rng.choice([0, 0, min(len(t), rng.randint(1, 6))])
        hi = rng.choice([len(t), max(lo, len(t) - rng.randint(1, 6))])
        want = [(m.span(), m.groups()) for m in plain.finditer(t, lo, hi)]
        assert [(m.span(), m.groups()) for m in fast.finditer(t, lo, hi)] == want, (t, lo, hi)
        first = fast.search(t, lo, hi)
        assert (first and (first.span(), first.groups())) == (want[0] if want else None), (t, lo, hi)
        assert fast.sub(lambda m: m.group().upper() + "#", t) == plain.sub(lambda m: m.group().upper() + "#", t)
        found += len(want)
    assert found > 30  # the texts do hold such lines
