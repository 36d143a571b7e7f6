"""Find numeric commitments in a document's normalised text.

Each candidate number with a unit is read in its sentence and clause: context
rules (codebook section 2) drop dates, ordinals, slogans, titles, document
structure and past results; what is left gets value, comparator, kind,
indicator, strength and deadline. Vocabularies come from vocab.yaml.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .cell_tables import (BARE_NUMBER, CELL_OPS, cell_lines, cell_table_values, done_column_cells, grouped_cells,
                          key_value_cells, sign_column_cells, spaced_row_cells, unit_value)
from .documents import PLAN_TITLE, news_review_lead, reviewed_year
from .indicator_names import name_indicator, object_of_bare_verb, previous_clause_subject, share_of_total_named
from .line_start import LineStartPattern
from .normalize import merge_spans
from .numerals import CN_NUMERAL_CHARS, five_year_plan_start, parse_number
from .rules import _FUTURE_BUT_THIS_YEAR, _PAST_WORD, _SENT_YEAR, Candidate, DocContext, decide, result_comparator, result_period, target_period
from .vocab import alternation, load_vocab

V = load_vocab()
CN = f"[{CN_NUMERAL_CHARS}]{{1,20}}"  # bounded: a longer run is not a quantity, and backtracking over it is slow
# ASCII digits only: normalised text has no full-width ones, other scripts' digits are no quantities
# here, and [0-9] is scanned for faster than \d (Unicode's digits)
AR = r"[0-9]{1,15}(?:,[0-9]{3}){0,5}(?:\.[0-9]{1,6})?(?:千万|百万|万|亿)?"
NUM = rf"(?:{AR}|{CN})"
SEP = r"\s*[-—~～至到]\s*"
UNITS = alternation(V["units"])
MONEY = alternation(V["money_units"])

# Every candidate starts with a digit, 百 or a Chinese numeral. Saying so first, as a
# lookahead, lets the regex engine skip other characters fast (2x on whole documents).
STARTS_NUMBER = rf"(?=[0-9百{CN_NUMERAL_CHARS}])"
CANDIDATE = re.compile(
    rf"{STARTS_NUMBER}(?<![0-9.A-Za-z{CN_NUMERAL_CHARS}])"
    rf"(?:(?P<pw>百分之)(?P<p1>{NUM})(?:{SEP}(?:百分之)?(?P<p2>{NUM}))?"
    rf"|(?P<hp>百分百)"
    rf"|(?P<fd>{CN}|[0-9]{1,6})分之(?P<fn>{CN}|[0-9]{1,6})"  # 三分之一 = 33.33 %
    # blanks, not a line break, between a number and its unit (a table's 1800 ⏎ 个 are two cells)
    rf"|(?P<n1>{NUM})(?:[^\S\n]?%(?={SEP}))?(?:{SEP}(?P<n2>{NUM}))?[^\S\n]?(?P<approx>余|多)?(?P<mult>万|亿)?[^\S\n]?"
    # 12.3年 (平均受教育年限): a level in years, only with a decimal (2025年, 三年 are times)
    rf"(?P<unit>%|‰|个?百分点|{MONEY}|{UNITS}|(?<=\.\d)年|(?<=\.\d\d)年"
    # 惠及20.9万儿童: people counted after a magnitude, no classifier (an empty unit: 人)
    rf"|(?<=[万亿])(?=(?:{alternation(V['people_after_magnitude'])}))))"
)
_DUE_VERBS = alternation(V['deadline']['verbs_after'])
# 确保2025年完成…, 2025年底前建成…, and the frame 到2025年,…达到92% (the verb later in the sentence)
_CUE_FIRST = "".join(sorted({w[0] for w in V["deadline"]["cues_before"]}))
YEAR_DEADLINE = re.compile(
    rf"(?=[{_CUE_FIRST}12])(?:(?P<cue>(?P<frame>{alternation(V['deadline']['frame_cues'])})"
    rf"|{alternation(V['deadline']['cues_before'])})(?:在|于|到)?\s?)?"
    rf"(?P<q>(?P<y>(?:19|20)\d{{2}})\s?年)(?:(?P<month>1[0-2]|0?[1-9])月(?:份)?)?(?P<suf>底|前|内|末|年底)?(?P<before>前)?(?P<comma>[,，])?"
    rf"(?=\s?(?:{_DUE_VERBS})|(?<=[,，])[^。；;\n]{{0,40}}?(?:{_DUE_VERBS})"
    # a firm frame: 到2034年全州4县市全部实现…, 确保2034年底全州4县市实现…
    rf"|(?(frame)[^。；;\n，,]{{0,24}}?(?:{_DUE_VERBS})|(?!)))"
)
RELATIVE_DEADLINE = re.compile(
    rf"{STARTS_NUMBER}(?<![\d{CN_NUMERAL_CHARS}])(?P<q>(?P<n>{NUM})\s?年)(?P<suf>{alternation(V['deadline']['relative_suffix'])})"
)
# Deadlines are looked for only near a year (2025年) or a relative span's 年内: a scan for those
# skips through the text far faster than trying the whole deadline pattern at every digit.
_RANGE_SEPS = "-—~～至到"
_SAME_UNIT_RANGE = re.compile(rf"\s*[{_RANGE_SEPS}]\s*(?P<n2>{NUM})\s?(?P<unit>{UNITS})")
_RANGE_START = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—~－–]\s*$")
YEAR_ANCHOR = re.compile(r"(?:19|20)\d{2}\s?年")


class _Span(tuple):
    """A (start, end) pair that answers start() and end() like a match."""

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]


class _YearAnchors:
    """YEAR_ANCHOR's matches found from their 年 (a literal: re scans to it about ten times faster
    than to the digits 1 and 2), the year read back from there."""

    _AT = re.compile(r"年(?<=(?:19|20)\d\d年)|年(?<=(?:19|20)\d\d\s年)")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        for m in self._AT.finditer(text, pos, endpos):
            start = m.start() - (4 if text[m.start() - 1].isdigit() else 5)
            if start >= pos:
                yield _Span((start, m.end()))


YEAR_ANCHORS = _YearAnchors()
RELATIVE_ANCHOR = re.compile(rf"年(?:{alternation(V['deadline']['relative_suffix'])})")
SENTENCE_END = re.compile(r"[。！？；;!?\n\t]")
CLAUSE_END = re.compile(r"[，,：:。！？；;!?\n\t]")
BOOK = re.compile(r"《[^《》\n]{0,80}》|〔[^〔〕\n]{0,20}〕|\[[^\[\]\n]{0,20}\]")
PERIOD_PAREN = re.compile(r"[(（][^()（）\n]{0,30}(?:19|20)\d{2}\s*年?\s*[-—~至]\s*(?:(?:19|20)\d{2}|\d{2})[^()（）\n]{0,10}[)）]")
# The same spans, one pattern an opening mark: re scans to a literal about ten times faster than to
# a class of marks, and these are searched in every document (normalised text has no （)
_BOOK_PARTS = [re.compile(p) for p in BOOK.pattern.split("|")]
_PERIOD_PAREN_PARTS = [re.compile(PERIOD_PAREN.pattern.replace("[(（]", opening, 1)) for opening in (r"\(", "（")]
SPAM_PHRASE = re.compile(alternation(V['exclusions']['spam_phrases']))


SPAM_REACH = 3000  # reposting sites put spam lines above and below a page, not inside it


_RELATED_HEADING = LineStartPattern(rf"[^\S\n]*[【\[]?(?:{alternation(V['exclusions']['related_headings'])})[】\]]?[^\S\n]*[:：]?[^\S\n]*$")


# a headline with its date, one a line (- 福州推出13条措施 促进…发展2024-03-04): other stories. The date
# at a line's end is searched for (a scan for digits), then its line read: the date follows the
# headline's text, not a label (竣工时间2023-08-30, 完成时限：…)
_LINE_END_DATE = re.compile(r"(?=[\[(（【12])[\[(（【]?(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)[\])）】]?[^\S\n]*$",
                            re.MULTILINE)
_HEADLINE_TEXT = re.compile(r"[^\S\n]*(?:[-·•]\s*)?[^\n\t]{4,60}")
_NOT_BEFORE_DATE = frozenset("时间日期限止至到于前:：0123456789 \t\u3000")
HEADLINE_RUN = 3  # dated headlines in a row that make a list of other stories


def _headline_list(text: str, lo: int, hi: int) -> int | None:
    """Start of the first run of HEADLINE_RUN dated headline lines in text[lo:hi], if any."""
    run_start, run, last_end = None, 0, -2
    for m in _LINE_END_DATE.finditer(text, lo, hi):
        line_start = max(lo, text.rfind("\n", lo, m.start()) + 1)
        if not (_HEADLINE_TEXT.fullmatch(text, line_start, m.start()) and text[m.start() - 1] not in _NOT_BEFORE_DATE):
            run = 0
            continue
        if line_start == last_end + 1:
            run += 1
        else:
            run_start, run = line_start, 1
        if run >= HEADLINE_RUN:
            return run_start
        last_end = m.end()
    return None


def _related_from(text: str, lo: int, hi: int) -> int | None:
    """Where a news page's list of other stories begins: a line that is only 新闻推荐 (相关阅读 …),
    or three dated headlines in a row, in the second half of the document (near the top they are
    a site menu, not a tail)."""
    mid = lo + (hi - lo) // 2
    m = _RELATED_HEADING.search(text, mid, hi)
    heading = m.start() if m else None
    headlines = _headline_list(text, mid, heading if heading is not None else hi)
    return headlines if headlines is not None else heading


def _spam_lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The lines holding a spam phrase in the first and last SPAM_REACH characters of text[lo:hi]
    (a phrase is searched, then its line taken: no per-line scan)."""
    spans: list[tuple[int, int]] = []
    for a, b in ((lo, min(hi, lo + SPAM_REACH)), (max(lo + SPAM_REACH, hi - SPAM_REACH), hi)):
        pos = max(a, spans[-1][1] if spans else a)
        while pos < b and (m := SPAM_PHRASE.search(text, pos, b)) is not None:
            start = max(lo, text.rfind("\n", lo, m.start()) + 1)
            end = text.find("\n", m.end(), hi)
            end = hi if end < 0 else end
            spans.append((start, end))
            pos = end
    return spans
QUOTE = re.compile(r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|「[^「」\n]{0,40}」")
_QUOTE_PARTS = [re.compile(p) for p in QUOTE.pattern.split("|")]
# an item's heading (1. / 一、/ (三)), after a line or sentence break or at the start; an annex
# (附件: 重点任务分解表) ends the last item's heading too
# blanks before the mark stay on its line: a \s* there read a flood of blank lines again from
# every line break (quadratic); the heading found is the same
_ITEM = (r"[^\S\n]*(?:\d{1,2}\s?[.．、]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]"
         r"|附件\s?\d{0,2}\s?[:：]?)\s*(?P<h>[^。；;\n]{2,40})")
ITEM_HEAD_FIRST = re.compile(_ITEM)
# the break itself opens the pattern: the engine then skips fast to the next break
ITEM_HEAD = re.compile(r"[\n。；;\t]" + _ITEM)
_ITEM_HEAD_MARKS = "\n。；;\t"
_ITEM_HEAD_PARTS = [re.compile(re.escape(mark) + _ITEM) for mark in _ITEM_HEAD_MARKS]  # one literal each


def _item_heads(segment: str, lo: int) -> list[tuple[int, str]]:
    """(start, text) of each item heading in segment, offsets + lo."""
    first = ITEM_HEAD_FIRST.match(segment)
    heads = [(first.start("h") + lo, first.group("h"))] if first else []
    heads += [(m.start("h") + lo, m.group("h"))
              for m in _matches_of(_ITEM_HEAD_PARTS, segment, _ITEM_HEAD_MARKS, first.end() if first else 0)]
    return heads


def _matches_of(parts: list[re.Pattern], text: str, marks: str, pos: int = 0) -> list[re.Match]:
    """The matches of an alternation searched a part at a time (each part opening on one of
    `marks`, in order; a part whose mark the text lacks is not searched), in text order; a match
    starting inside an earlier one is dropped, as the alternation's own scan would skip it. re
    scans to one literal about ten times faster than to a class of them."""
    found = sorted((m for part, mark in zip(parts, marks) if text.find(mark, pos) >= 0
                    for m in part.finditer(text, pos)), key=lambda m: m.start())
    out: list[re.Match] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out
TABLE_PERIODS = V["table_periods"]
EX = V["exclusions"]
COMP = V["comparators"]


@dataclass(slots=True)
class Found:
    """One target, offsets in normalised text."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: str
    kind: str
    indicator: str
    deadline: str
    strength: str
    sentence: str
    clause: str
    heading: str
    status: str = "target"  # or "result" (codebook section 6)
    period: str = ""
    rule: str = ""  # the rule that decided it (see rules.py)
    # the context indicator naming reads once every number of a clause is known; emptied after
    _left_clause: str = ""
    _after: str = ""
    _left_sent: str = ""


@dataclass(frozen=True)
class Trace:
    """One candidate number and what was decided about it, for `explain`."""

    start: int
    end: int
    quote: str
    status: str  # target | result | excluded
    rule: str


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _spans_of(parts: list[re.Pattern], text: str, marks: str) -> list[tuple[int, int]]:
    """_spans of an alternation searched a part at a time (_matches_of)."""
    return [m.span() for m in _matches_of(parts, text, marks)]


class _SpanSet:
    """Sorted non-overlapping spans with fast 'is position inside' queries."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))

    def covering(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None


class _Boundaries:
    """'Sentence (or clause) around pos' queries for one-character boundary marks in text[lo:hi].
    Marks are searched near each position asked about, not listed for the whole document first:
    a giant task table has millions of tab marks and is read only up to the row cap. The mark
    before pos is found by searching the reversed document (shared by both kinds of bounds)."""

    def __init__(self, pattern: re.Pattern, text: str, lo: int, hi: int, reach: int, reversed_doc: str):
        self.pattern, self.text, self.rev = pattern, text, reversed_doc
        self.lo, self.hi, self.reach = lo, hi, reach
        self.last = (0, -1)  # the last span found between two marks: the next number is often in it

    def around(self, pos: int) -> tuple[int, int]:
        """[start, end) of the span containing pos: after the last mark before pos, up to the
        next mark, but at most `reach` characters either side. The cap keeps a run-on "sentence"
        (a table flattened into one line, junk without punctuation) from making every target
        carry and rescan a megabyte of context."""
        start, end = self.last
        if start <= pos < end and pos - start < self.reach and end - pos <= self.reach:
            return start, end  # both its marks are within reach of pos too: the same answer
        floor, ceil = max(self.lo, pos - self.reach), min(self.hi, pos + self.reach)
        after = self.pattern.search(self.text, pos, ceil)
        # reversed_doc[j] is text[hi - 1 - j]: the character before pos is at hi - pos
        before = self.pattern.search(self.rev, self.hi - pos, self.hi - floor) if pos > floor else None
        start, end = (self.hi - before.start() if before else floor), (after.start() if after else ceil)
        if before and after:
            self.last = (start, end)
        return start, end


_REVERSED: dict[int, tuple[list, re.Pattern]] = {}


def _last_any(s: str, words, reversed_s: str | None = None) -> tuple[int, str] | None:
    """(start, word) of the word of `words` that ends last in s, the longest at that end: one
    regex search of the reversed string (its first match is the last one) instead of a scan a word.
    `reversed_s` is s[::-1] when the caller has it already (several word lists, one string)."""
    hit = _REVERSED.get(id(words))
    if hit is None:
        hit = _REVERSED[id(words)] = (words, re.compile(alternation(w[::-1] for w in words)))
    m = hit[1].search(s[::-1] if reversed_s is None else reversed_s)
    return (len(s) - m.end(), m.group()[::-1]) if m else None


class _CellLabels:
    """The label of the table cell at a position, for cells under labelled columns of
    tab-separated tables: `header_labels(cells)` gives {column: label} for a header row (empty for
    others); the labels hold until a line that is not a table row. Lines are read in order and only
    as far as asked (positions asked about never go back): a document cut at the row cap is not
    read to its end, and only the line being read is held. `hint` is a pattern every header line
    matches, so most lines are never split into cells."""

    def __init__(self, text: str, lo: int, hi: int, header_labels, hint: re.Pattern):
        self.text, self.lo, self.hi, self.header_labels, self.hint = text, lo, hi, header_labels, hint
        self.next = lo  # start of the first line not read yet
        self.columns: dict[int, str] = {}
        self.row: dict[int, str] = {}  # the labels of the last line read, if it is a labelled row
        self.line_start, self.counted = lo, (lo, 0)  # (position, its cell's column) in that row, counted so far
        # a header opening on 序号 whose rows may leave it out (a merged serial cell: the row goes on
        # the one before, 新增托位500个。 | 新增托位600个。): such a row's cells start one column on
        self.serial_first, self.row_offset = False, 0
        self.hint_at = -1  # where the hint next matches at or after self.next (hi + 1: nowhere)
        if text.find("\t", lo, hi) < 0:
            self.next = hi + 1  # no tab, no cells: nothing is labelled (no hint scan)

    def label_at(self, pos: int) -> str | None:
        text, hi = self.text, self.hi
        while self.next <= pos and self.next <= hi:
            start = self.next
            if not self.columns and start > self.lo:
                # outside a table only a header line changes anything: skip to the next hint
                if self.hint_at < start:
                    m = self.hint.search(text, start, hi)
                    self.hint_at = m.start() if m else hi + 1
                if self.hint_at > hi:  # no header ahead: nothing in the rest is labelled
                    self.next = hi + 1
                    return None
                if self.hint_at > pos:  # no header up to pos: its line is read when asked again
                    self.next, self.row = max(start, text.rfind("\n", start, pos) + 1), {}
                    return None
                start = max(start, text.rfind("\n", start, self.hint_at) + 1)
            end = text.find("\n", start, hi)
            end = hi if end < 0 else end
            self.next, self.row = end + 1, {}
            if text.find("\t", start, end) < 0:
                if _NONBLANK.search(text, start, end):
                    self.columns = {}
                continue
            hinted = start == self.lo or self.hint.search(text, start, end)  # the first line may start mid-line
            cells = text[start:end].split("\t") if hinted else None
            labels = self.header_labels(cells) if hinted else {}
            if labels:
                self.columns = labels
                self.serial_first = cells[0].strip() in _SERIAL_HEADERS
            elif self.columns:
                first = text[start:text.find("\t", start, end)].strip()
                self.row_offset = 1 if self.serial_first and first and not first.isdigit() else 0
                self.row, self.line_start, self.counted = self.columns, start, (start, self.row_offset)
        if not self.row:
            return None
        at, col = self.counted if pos >= self.counted[0] else (self.line_start, self.row_offset)
        col += text.count("\t", at, pos)  # positions asked grow: each tab is counted once
        self.counted = (pos, col)
        return self.row.get(col)


_NONBLANK = re.compile(r"\S")
_SERIAL_HEADERS = frozenset(("序号", "编号", "序", "No.", "NO."))
_TABLE_PERIOD_HINT = re.compile(alternation(TABLE_PERIODS))


def _table_periods(text: str, lo: int, hi: int, year: int | None) -> _CellLabels:
    """Due periods ('2022Q3') of the cells of task tables with period columns, by position."""
    return _CellLabels(text, lo, hi, lambda cells: {
        i: f"{year or ''}{TABLE_PERIODS[c.strip()]}" for i, c in enumerate(cells) if c.strip() in TABLE_PERIODS},
        _TABLE_PERIOD_HINT)


def _near_anchors(pattern: re.Pattern, anchor: re.Pattern, segment: str, before: int, after: int, same_place,
                  stop: int | None = None):
    """pattern.finditer(segment), looked for only in a window around each match of `anchor` (which
    every match of pattern contains): the same matches, in order, without overlaps.
    `same_place(match, anchor_match)` says whether a match is the one that anchor belongs to.
    Anchors from `stop` on are not looked at."""
    last_end, n = 0, len(segment)
    for a in anchor.finditer(segment):
        if stop is not None and a.start() >= stop:
            return
        for m in pattern.finditer(segment, max(last_end, a.start() - before), min(n, a.end() + after)):
            if same_place(m, a):
                yield m
                last_end = m.end()
                break
            if m.start() >= a.start():
                break


_TAG_END = re.compile(r"[^\s\d，,。；;]{1,4}\s*(?:\n|$)")


def _unit_cell_at(text: str, lo: int, s: int) -> bool:
    """Does a bare magnitude at s (万元, 亿元) stand alone: a cell, a column's unit in brackets
    (投资金额 （万元）), or a per-capita base (每万人)?"""
    j = s
    while j > lo and text[j - 1] == " ":
        j -= 1
    if j == lo or text[j - 1] in "\t\n每(（":
        return True
    # a word among space-separated tags (…中小学 教育局 万元): spaces before, nothing after
    return j < s and bool(_TAG_END.match(text, s))


def _unit_blocked(text: str, end: int, unit: str) -> bool:
    spec = V["units"].get(unit) or {}
    nb = spec.get("not_before", "")
    return (bool(nb) and end < len(text) and text[end] in nb
            and not any(text.startswith(w, end) for w in spec.get("unless_before", ())))


# word lists as one regex or one tuple each: the per-candidate checks run ~10 times per kB
_ASPIRATIONAL = re.compile(alternation(V["strength"]["aspirational"]))
_NORM_CUE = re.compile(alternation(V["norm_cues"]))
_NORM_PERIOD_CUE = re.compile(alternation(V["norm_period_cues"]))
_AFTER_CUES = {comp: tuple(w for w in COMP[comp]["after"] if w != "内") for comp in ("<=", ">=", "~")}

_LEVEL_CUE = re.compile(r"到|至|达|为|保持|不低于|不少于|控制在|率")  # a change cue then a level: 提高到95%
_TO_FIRST = re.compile(r"\s*(?:到|至)")
# every comparator cue before a number, reversed, longest first; and the kind of each (the last
# kind in sort order when a word is in two lists, as sorted(hits, reverse=True) would pick)
_CUE_KIND = {w: comp for comp in sorted((">=", "<=", "~")) for w in COMP[comp]["before"]}
_ANY_CUE_REVERSED = re.compile(alternation(w[::-1] for w in _CUE_KIND))
_SHARE_OF = re.compile(r"[^，,。；;:：]{0,24}的$")  # 不低于公用经费总额的5%: the cue governs the share
_COUNT_GAP = re.compile(r"[\s\d.%、一二三四五六七八九十百千万两个所名项]*$")  # cue …(gap)… number


def _comparator(left: str, after: str, approx: str | None, ranged: bool, reversed_left: str | None = None) -> str:
    if ranged:
        return "range"
    tail = after[:4]
    for comp in ("<=", ">=", "~"):
        if tail.startswith(_AFTER_CUES[comp]):
            return comp
    if approx:
        return ">="
    # The cue nearest the number wins, and at one place the longest: 不超过 (<=) holds 超过 (>=),
    # 不少于 (>=) holds 少于 (<=).
    # One search for the nearest cue of any kind first: when its gap lets it govern, it is the answer
    # the three searches below would give (a word in two lists counts as the later kind, as there)
    m = _ANY_CUE_REVERSED.search(reversed_left if reversed_left is not None else left[::-1])
    if m is None:
        return "="
    w = m.group()[::-1]
    i = len(left) - m.end()
    gap = left[i + len(w):]
    if not (len(w) == 1 and len(gap.strip()) > 0) and (len(gap) <= 6 or _COUNT_GAP.match(gap) or _SHARE_OF.match(gap)):
        return _CUE_KIND[w]
    hits = []
    for comp in (">=", "<=", "~"):
        hit = _last_any(left, COMP[comp]["before"], reversed_left)
        if hit:
            hits.append((hit[0] + len(hit[1]), len(hit[1]), comp, hit))
    for _, _, comp, (i, w) in sorted(hits, reverse=True):
        gap = left[i + len(w):]
        if len(w) == 1 and len(gap.strip()) > 0:
            continue
        if len(gap) <= 6 or _COUNT_GAP.match(gap) or _SHARE_OF.match(gap):
            return comp
    return "="


_SPACE, _DIGIT = re.compile(r"\s"), re.compile(r"\d")
_VALUE_TOKEN = re.compile(rf"(?:约|近|超)?{NUM}\s?(?:余|多)?(?:%|个?百分点|{MONEY}|{UNITS})(?:以上|左右)?")


def _flat_table_name(text: str, lo: int, start: int, end: int) -> str:
    """A table flattened into lines: a line of column names (新增学位 新建学校 招聘教师) over a line
    of values (3000个 5所 200名). A value takes the name in its column."""
    floor = max(lo, start - 200)
    ls = text.rfind("\n", floor, start) + 1
    if ls == 0 and floor > lo:
        return ""  # the line is longer than a flattened row
    le = text.find("\n", end, end + 200)
    line = text[ls:le if le >= 0 else min(len(text), end + 200)]
    if len(line) >= 200 or not _SPACE.search(line.strip()):
        return ""
    values = line.split()
    if len(values) < 2 or not all(_VALUE_TOKEN.fullmatch(v) for v in values):
        return ""
    ps = text.rfind("\n", lo, max(lo, ls - 1)) + 1
    names = text[ps:max(ps, ls - 1)].split()
    if len(names) != len(values) or any(_DIGIT.search(n) or len(n) > 20 for n in names):
        return ""
    col = len(text[ls:start].split())
    return names[col] if col < len(names) else ""


# characters that cannot name what a number measures: numerals, units, comparator cues, punctuation
_NON_WORD_CHARS = set("0123456789.,，。、；;：:！？!?（）()《》“”\"'-—~～%％ \t\n\r…·/+" + CN_NUMERAL_CHARS + "百千万亿分之点至到年月日倍")
for _w in list(V["units"]) + list(V["money_units"]) + [w for c in COMP.values() for k in ("before", "after") for w in c[k]]:
    _NON_WORD_CHARS.update(_w)
_WORD_CHAR = re.compile("[^" + "".join(re.escape(ch) for ch in sorted(_NON_WORD_CHARS)) + "]")


_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _nameless(text: str, s: int, e: int, lo: int, hi: int, seen: dict) -> bool:
    """A number whose line holds nothing but numbers, units, cue words and punctuation names nothing
    (garbled or random text), unless it is a value under a flattened table's line of column names.
    `seen` keeps each line's answer: a garbled line holds many numbers."""
    ls = text.rfind("\n", max(lo, s - 400), s) + 1 or max(lo, s - 400)
    le = text.find("\n", e, min(hi, e + 400))
    le = le if le >= 0 else min(hi, e + 400)
    known = seen.get((ls, le))
    if known is None:
        # a flattened table's values line is named by the line above, or not at all
        known = seen[(ls, le)] = bool(_WORD_CHAR.search(text, ls, le)) or bool(_flat_table_name(text, lo, s, e))
    return not known


def _number_runs(pattern: re.Pattern, segment: str, run_min: int, gap: int):
    """(match, in_run) for each candidate in segment, in order: in_run when it is in a run of
    at least `run_min` numbers, each at most `gap` characters after the one before. A list that
    long with nothing between its numbers is not a list of commitments (a garbled table, a run-on
    of 达到95%、), and deciding each would cost the most where it means the least. Read as far as
    the caller goes (a document cut at the row cap is not scanned to its end), holding at most
    `run_min` candidates while a run's length is not known yet."""
    held: list[re.Match] = []  # the current run, while shorter than run_min
    in_run, prev_end = False, None
    for m in pattern.finditer(segment):
        if prev_end is not None and m.start() - prev_end > gap:  # the run before ends here
            for h in held:
                yield h, False
            held, in_run = [], False
        prev_end = m.end()
        if in_run:
            yield m, True
            continue
        held.append(m)
        if len(held) >= run_min:
            for h in held:
                yield h, True
            held, in_run = [], True
    for h in held:
        yield h, False


def _strength(left_sentence: str) -> str:
    return "aspirational" if _ASPIRATIONAL.search(left_sentence) else "firm"


_VERB_AFTER = re.compile(rf"\s?(?:{alternation(V['deadline']['verbs_after'])})")
_PROGRESS_HEADER = re.compile(alternation(V["results"]["progress_headers"]))
_HEADER_MONTHS = re.compile(r"(?:1|一)\s*[-—~至到]\s*(\d{1,2})\s*月")


_MEASURED_HEADER = re.compile(alternation(V["results"]["measured_headers"]))
_HEADER_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")


def _measured_year(cell: str, year: int | None) -> str:
    """'2023' for a header cell of measured values before the plan year (2023年实际, 2023年现状,
    or the bare year 2023年 in a 2024 plan's table), else ''."""
    cell = cell.strip()
    y = _HEADER_YEAR.search(cell)
    if not (year and y and int(y.group(1)) < year and len(cell) <= 20):
        return ""
    return y.group(1) if _MEASURED_HEADER.search(cell) or y.group(0) == cell else ""


_NEVER = re.compile(r"(?!)")
# a progress header, a measured-values header, or a cell that is a year and nothing else
_PROGRESS_HINT = re.compile(rf"{_PROGRESS_HEADER.pattern}|{_MEASURED_HEADER.pattern}"
                            rf"|(?<![^\t\n])[^\S\t\n]*(?:19|20)\d{{2}}\s*年?\s*(?![^\t\n])")  # blanks within the cell
MEASURED = "measured:"  # the label prefix of an earlier year's measured column
TASK = "task"  # the label of a progress table's task column
_TASK_HEADERS = frozenset(V["results"]["task_headers"])


def _progress_cells(text: str, lo: int, hi: int, year: int | None) -> _CellLabels:
    """Labels of the table cells that report results, by position: a task table's progress column
    (年度目标 | 1-9月完成情况; '1-9月' in the header gives '2024-09') and, as 'measured:2023', an
    indicator table's column of an earlier year's measured values (2023年实际)."""
    if text.find("\t", lo, hi) < 0 or not (_PROGRESS_HEADER.search(text, lo, hi) or _HEADER_YEAR.search(text, lo, hi)):
        return _CellLabels(text, lo, hi, lambda cells: {}, _NEVER)
    return _CellLabels(text, lo, hi, _progress_labels(year), _PROGRESS_HINT)


def _progress_labels(year: int | None):
    """header cells → {column: label} for progress and measured-values columns, and beside a
    progress column the task column (目标任务 | 1-8月实际完成情况) as TASK."""
    def labels(cells: list[str]) -> dict[int, str]:
        out = {}
        for i, cell in enumerate(cells):
            if cell.strip() in _TASK_HEADERS:
                out[i] = TASK
            elif len(cell) <= 20 and _PROGRESS_HEADER.search(cell):
                months = _HEADER_MONTHS.search(cell)
                out[i] = (f"{year}-{int(months.group(1)):02d}" if year and months
                          and 1 <= int(months.group(1)) <= 12 else str(year or ""))
            elif (i or not cell.strip().isdigit()) and (past := _measured_year(cell, year)):
                # a bare number in the first column is a row's serial (序号 1900), not a year heading
                out[i] = MEASURED + past
        if TASK in out.values() and len(out) == list(out.values()).count(TASK):
            return {}  # a task column alone labels nothing: the progress column makes it a task's
        return out
    return labels


def _review_periods(text: str, spans: list[tuple[int, int]], year: int | None) -> dict[int, str]:
    """The year a review section is about: the year in its heading (2023年工作回顾), else the
    plan year minus one; '过去五年工作回顾' covers the five years before the plan year."""
    periods = {}
    for start, _ in spans:
        heading = text[start:text.find("\n", start) if "\n" in text[start:start + 60] else start + 60]
        m = _SENT_YEAR.search(heading)
        if m:
            periods[start] = m.group(1)
        elif year and re.search(r"过去五年|五年", heading):
            periods[start] = f"{year - 5}-{year - 1}"
        elif (span := _REVIEWED_SPAN.search(text, start, min(len(text), start + 300))) is not None:
            # (一)发展成就。“十三五”时期，…: a five-year plan reviews the last one, measured at its end
            periods[start] = str(five_year_plan_start(span.group(1)) + 4)
        elif year:
            periods[start] = str(year - 1)
    return periods


_REVIEWED_SPAN = re.compile(r"十([一二三四五六七八九])五[”\"]?\s*(?:期间|时期|以来)")


_DUE_CELL = re.compile(r"\s*((?:19|20)\d{2})\s?年\s?(?:(\d{1,2})\s?月)?(?:份)?(?:底|末|年底)?(?:前|以前)?(?:完成)?\s*")


_MONTH_DUE = re.compile(r"(?=\d)(?<![\d年])(\d{1,2})\s?月(?:份)?(?:底|末|中旬|上旬|下旬)?(?:前|以前)")
# “十四五”时期，…计划实施基建项目54个: due by the plan's last year
_PLAN_SPAN_DUE = re.compile(r"十([一二三四五六七八九])五[”\"]?\s*(?:期间|时期|末)(?![^，,。；;]{0,14}(?:规划|计划|行动|目标))")
_OWN_TIME = re.compile(r"今年|本年|(?:19|20)\d\d\s*年")


# 今后五年，…新增学位10万个; 未来三年: the years ahead from the plan's, its last one the due date
_YEARS_AHEAD = re.compile(r"(?:今后|未来|此后|往后)\s*([一二两三四五六七八九十\d]{1,2})\s*年(?![\d以内底前])")


def _plan_span_due(left_sent: str, year: int | None) -> str:
    """The last year of a five-year plan the sentence names before the number, when it is not over; or of
    the years ahead it opens on (今后五年，… in a 2022 report: 2026)."""
    ahead = _YEARS_AHEAD.search(left_sent) if year and ("今后" in left_sent or "未来" in left_sent
                                                         or "此后" in left_sent or "往后" in left_sent) else None
    # the span opens the sentence or a clause (今后五年，…); 根据未来五年学龄人口变化，年内… is background
    if (ahead and (ahead.start() == 0 or left_sent[ahead.start() - 1] in "，,；;：: \n")
            and not _OWN_TIME.search(left_sent, ahead.end()) and "年内" not in left_sent[ahead.end():]):
        n = parse_number(ahead.group(1))
        if n and 1 < n <= 15:
            return str(year + int(n) - 1)
    if "五" not in left_sent:
        return ""
    m = None
    for m in _PLAN_SPAN_DUE.finditer(left_sent):
        pass
    if m is None or left_sent.count("《", 0, m.start()) > left_sent.count("》", 0, m.start()):
        return ""  # none, or inside a title: 《“十四五”期间教育事业发展规划》
    if _OWN_TIME.search(left_sent, m.end()):
        return ""  # …，今年新建学校10所; 2024年新增…: the sentence names its own time
    last = five_year_plan_start(m.group(1)) + 4
    return str(last) if year and last >= year else ""


ROW_REACH = 2000


def _row_due_date(text: str, end: int, hi: int) -> str:
    """Due date from a later cell of the same task-table row (…\t2023年9月\t…): '2023-09' or
    '2023'. Only a cell that holds nothing but the date counts."""
    stop = min(hi, end + ROW_REACH)  # a row is never this long; run-on text must not be copied
    line_end = text.find("\n", end, stop)
    row = text[end:line_end if line_end >= 0 else stop]
    if "\t" not in row:
        return ""
    for cell in row.split("\t")[1:]:
        m = _DUE_CELL.fullmatch(cell)
        if m:
            return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) and 1 <= int(m.group(2)) <= 12 else m.group(1)
    return ""


_HEADING_LINE = LineStartPattern(r"[^\S\n]*(?P<line>\S[^\n]{0,35})$")  # blank lines are no headings
_REVIEW = re.compile(alternation(EX["review_headings"]))
_REVIEW_NOT = re.compile(alternation(EX["review_heading_not"]))
_TOP_ITEM = re.compile(r"\s*[一二三四五六七八九十]{1,3}、")
_SUB_ITEM = re.compile(r"\s*[(（][一二三四五六七八九十]{1,3}[)）]")
# a plan's 第一章 / 第一部分 and 第一节 headings; a section (节) ends at the next section or chapter, a
# chapter only at the next chapter
_CHAPTER = re.compile(r"\s*第[一二三四五六七八九十]{1,3}(?P<level>章|部分|节)")


def _chapter_rank(line: str) -> int:
    """2 for a chapter heading (第一章, 第一部分), 1 for a section (第一节), 0 for any other line."""
    m = _CHAPTER.match(line)
    return 0 if m is None else 1 if m.group("level") == "节" else 2


_REVIEW_START = re.compile(rf"\s*(?:[一二三四五六七八九十]{{1,3}}、|[(（][一二三四五六七八九十]{{1,3}}[)）]|\d{{1,2}}[.、．]"
                           rf"|第[一二三四五六七八九十]{{1,3}}(?:章|节|部分))?\s*"
                           rf"(?:(?:19|20)\d{{2}}\s*年(?:度)?)?(?:{alternation(EX['review_heading_starts'])})")
_PLAN = re.compile(rf"(?:{alternation(EX['plan_headings'])})(?!{alternation(EX['plan_heading_report_tails'])})")
_DONE_VERB = alternation(EX["plan_heading_done_verbs"])
# （一）圆满完成年度工作计划, 目标任务全面完成: a review's heading of what was done, not a plan's
_PLAN_DONE = re.compile(rf"(?:{_DONE_VERB})[^，,。]{{0,8}}?(?:{alternation(EX['plan_headings'])})"
                        rf"|(?:{alternation(EX['plan_headings'])})[^，,。]{{0,4}}?(?:{_DONE_VERB})")


def _plan_heading(line: str) -> bool:
    """Does a heading line name the plan part (二、2024年工作计划, 下一步重点任务), not what was done?"""
    return bool(_PLAN.search(line)) and not _PLAN_DONE.search(line)


_SUMMARY_TITLE = re.compile(alternation(V["results"]["summary_titles"]))
# a statistics bulletin's own title (2022年某某市教育事业统计公告), not a notice or plan about one
# (关于做好2024年教育事业统计公报编制工作的通知), or news of its release (《…统计公报》发布)
_STATS_TITLE = re.compile(r"^(?![^\n]*?(?:关于|做好|贯彻|落实|工作|通知|方案))[^\n]*?((?:19|20)\d{2})\s*(?:[-—–~至]\s*(?:19|20)?\d{2}\s*)?学?年[^\n]{0,24}?"
                          r"(?:统计公报|统计公告|统计快报|统计简报|统计数据)[》”\s]*(?:发布|出炉|公布)?[^\S\n]*$", re.MULTILINE)
_NEWS_LEAD_WORD = re.compile(alternation(V["results"]["news_lead_words"]))
_STOCK_TAKING = alternation(V["documents"]["stock_taking_words"])
# 【盘点2025】, 回眸2024, 2024年终盘点: a headline taking stock of a year (its first lines only)
_STOCK_TAKING_HEAD = re.compile(rf"(?:{_STOCK_TAKING})\s*((?:19|20)\d{{2}})(?!\d)|((?:19|20)\d{{2}})\s*(?:年度?)?\s*(?:{_STOCK_TAKING})")
_PROGRESS_LABEL = re.compile(alternation(V["results"]["progress_labels"]))
# 通报2023年民生工程进展情况, 截至7月底…总体进展顺利: the page reports progress
_PROGRESS_REPORT = re.compile(rf"(?:{alternation(V['results']['progress_report_verbs'])})[^。\n]{{0,30}}?"
                              rf"(?:{alternation(V['results']['progress_report_words'])})")


_ITEM_MARK = r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[、.．]|[(（][\d一二三四五六七八九十]{1,2}[)）])"
_LABEL_LINE = LineStartPattern(
    rf"[ \t]*{_ITEM_MARK}?[ \t]*[【\[]?(?:(?P<progress>{alternation(V['results']['progress_line_labels'])})"
    rf"|(?P<task>{alternation(V['results']['task_line_labels'])}))[】\]]?[ \t]*(?:[:：]|$)")
_SECTION_LINE = LineStartPattern(r"[ \t]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]"
                                 r"|第[一二三四五六七八九十]{1,3}(?:部分|项|条|章))")


_NEXT_STEP_LINE = LineStartPattern(
    rf"[^\S\n]*{_ITEM_MARK}?[^\S\n]*(?:{alternation(V['results']['next_step_headings'] + ['工作思路', '工作安排', '下半年', '下步'])})")
_PROGRESS_IN_LINE = re.compile(rf"(?:{alternation(V['results']['progress_line_labels'])})[:：]")


def _line_end(text: str, pos: int, hi: int) -> int:
    end = text.find("\n", pos, hi)
    return hi if end < 0 else end


def _header_cell(text: str, lo: int, line_start: int) -> bool:
    """A bare label under a short line without digits (项目名称⏎建设内容⏎进展情况⏎…): a column header
    of a table written one cell a line, not a label of what follows."""
    prev_end = line_start - 1
    while prev_end > lo and text[prev_end - 1] in " \t\n":
        prev_end -= 1
    prev = text[text.rfind("\n", lo, prev_end) + 1:prev_end].strip()
    return 0 < len(prev) <= 8 and not any(ch.isdigit() or ch in "。，,；;：:" for ch in prev)


_CELL_PROGRESS = re.compile(rf"(?:{alternation(V['results']['progress_headers'] + ['当前进度', '目前进度', '进度'])})\s*$")


_SERIAL_LINE = LineStartPattern(r"[^\S\n]*序号[^\S\n]*$")


def _one_cell_per_line_progress(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The progress cells of a table written one cell a line (序号⏎项目内容⏎当前进度⏎牵头单位⏎1⏎新建…⏎80%⏎…):
    a header of short lines that opens on 序号 and names a progress column, then rows that each open
    on the next serial number with one line a cell. Only pages with such a header are read line by
    line (a substring test first)."""
    if text.find("序号", lo, hi) < 0:
        return []
    spans, read_to = [], lo
    for m in _SERIAL_LINE.finditer(text, lo, hi):
        if m.start() < read_to:
            continue  # inside a table read already
        lines = cell_lines(text, m.start(), hi)
        header = []
        for line in lines:
            if len(line[2]) > 10 or any(ch.isdigit() for ch in line[2]) or len(header) > 12:
                break
            header.append(line[2])
        else:
            line = None
        k = len(header)
        column = next((i for i, h in enumerate(header) if _CELL_PROGRESS.search(h)), None)
        if k < 3 or column is None or line is None:
            continue
        serial, row = 1, [line]  # the first line after the header opens the first row
        row += [x for _, x in zip(range(k - 1), lines)]
        while len(row) == k and row[0][2] == str(serial):
            spans.append(row[column][:2])
            read_to = row[-1][1]
            serial, row = serial + 1, [x for _, x in zip(range(k), lines)]
    return spans


def _bare_cell_rows(text: str, cells, found: list, year: int | None, cut: int, heading_at, note) -> list:
    """Rows for the cells of one-cell-a-line tables that hold a bare number with a known unit and
    that no row covers yet: a target due the column's year, or a result of the base year."""
    covered = sorted((f.start, f.end) for f in found)
    starts = [s for s, _ in covered]
    rows = []
    for cell in cells:
        if cell.start >= cut or not (cell.unit or cell.keyed):
            continue
        m = BARE_NUMBER.fullmatch(text, cell.start, cell.end)
        if m is None:
            continue
        s, e = m.start("n"), m.end("n")
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and covered[i][1] > s:
            continue  # the finder read it (95% carries its unit)
        unit, kind, value = unit_value(cell.unit, float(m.group("n")))
        comparator = cell.op or CELL_OPS.get(m.group("op") or m.group("after") or "", "=")
        status = "result" if cell.measured else "target"
        rule = "in_progress_column" if cell.done else "in_measured_column" if cell.measured else "cell_table"
        note(s, e, status, rule)
        rows.append(Found(start=s, end=e, value=value, value_max=None, unit=unit, comparator=comparator, kind=kind,
                          indicator=cell.name, deadline="" if cell.measured or cell.keyed else cell.year,
                          strength="" if cell.measured else "firm",
                          sentence=f"{cell.name} {text[s:e]}" if cell.keyed else f"{cell.name} {cell.year}年 {text[s:e]}",
                          clause=cell.name, heading=heading_at(s), status=status,
                          period=cell.year if cell.measured else target_period(cell.year, year), rule=rule))
    return rows


_NAME_CELL = re.compile(r"[\u4e00-\u9fff]{2}")


_BODY_OR_CLASS = re.compile(rf"(?:{alternation(V['table_row_names']['not_names'])})$")


ROW_NAME_REACH = 400  # as far back as a row's name cell is looked for (the caller's tab test looks as far)


def row_name(text: str, lo: int, pos: int) -> str:
    """The name of a table row whose cell at `pos` holds a bare quantity: the last cell before it with
    words in it that is neither a responsible body nor a class of indicators (1 | 新增城镇就业 | 区人社局
    | 8950人; | 质量指标 | 营养改善计划覆盖率 | ≧ | 100), else the first with words; '' when the number is
    not in a tab-separated row."""
    floor = max(lo, pos - ROW_NAME_REACH)  # bounded: a long tab line must not make each row rescan it
    line = max(floor, text.rfind("\n", floor, pos) + 1)
    cells = [c.strip() for c in text[line:pos].split("\t")[:-1]]  # the number's own cell named nothing
    worded = [c for c in cells if _NAME_CELL.search(c)]
    named = [c for c in worded if not _BODY_OR_CLASS.search(c)]
    return (named[-1] if named else worded[0] if worded else "")[:20]


def _line_holding(text: str, lo: int, hi: int, title: str) -> str:
    """The whole line the title was read from (2023年十件民生实事完成情况: the title stops at its
    title word, 民生实事), or '' when it is not found in the head."""
    if not title:
        return ""
    i = text.find(title, lo, min(hi, lo + 3000))
    if i < 0:
        return ""
    end = text.find("\n", i, hi)
    return text[text.rfind("\n", lo, i) + 1:hi if end < 0 else end]


def _title_like(line: str) -> bool:
    """A line that can be a title: short, and not a sentence (no full stop inside it)."""
    line = line.strip()
    return len(line) <= 60 and "。" not in line.rstrip("。")


def _labelled_parts(text: str, lo: int, hi: int) -> tuple[list, list]:
    """(progress spans, task spans) of a text laid out with line labels. A progress label (2、完成情况:;
    推进情况:1. …) reaches to the next label, section heading or next-step heading (下一步打算); a task
    label (1、考核任务:…) to its line's end, or a progress label inside that line (a bare label: to
    the end of the next line). A section whose report is labelled (一、新建幼儿园7所。⏎推进情况:…) states
    its task on its heading line, when that line is one sentence. A bare label under another short
    line is a table's column header, not a label."""
    labels = []
    for m in _LABEL_LINE.finditer(text, lo, hi):
        end = _line_end(text, m.end(), hi)
        bare = not text[m.end():end].strip()
        if not (bare and _header_cell(text, lo, m.start())):
            labels.append((m.start(), m.end(), end, bare, bool(m.group("progress"))))
    if not labels:
        return [], []
    sections = [m.start() for m in _SECTION_LINE.finditer(text, lo, hi)]
    steps = [m.start() for m in _NEXT_STEP_LINE.finditer(text, lo, hi)]
    bounds = sorted({*sections, *steps, *(p for p, *_ in labels), hi})
    progress, task = [], []
    for p, label_end, end, bare, is_progress in labels:
        if is_progress:
            progress.append((p, bounds[bisect.bisect_right(bounds, p)]))
            continue
        if bare:  # 年度目标：⏎新增托位1000个。: the next line that holds something
            nxt = end + 1
            while nxt < hi and text[nxt] in " \t\n":
                nxt += 1
            end = _line_end(text, nxt, hi)
        inner = _PROGRESS_IN_LINE.search(text, label_end, end)  # 年度目标：…。完成情况：…
        task.append((p, min(inner.start() if inner else end, bounds[bisect.bisect_right(bounds, p)])))
    label_starts = [p for p, *_ in labels]  # in text order: the first label after a heading is a bisection
    for i, s in enumerate(sections):
        line_end = _line_end(text, s, hi)
        following = sections[i + 1] if i + 1 < len(sections) else hi
        j = bisect.bisect_left(label_starts, line_end)
        if (j < len(labels) and label_starts[j] < following and labels[j][4]
                and "。" not in text[s:line_end].rstrip().rstrip("。")):
            task.append((s, line_end))
    task.sort()
    return progress, task


_REPORT_TITLE = re.compile(r"(?:进展|完成|推进|实施|落实)情况|进度表")
# 现将…建设完成情况予以公示 / 报告如下: a lead that reports; …完成情况统计工作…通知如下 does not
_PROGRESS_NOTICE = re.compile(r"(?:完成|进展|推进|实施|落实)情况(?:(?:予以|给予)(?:公示|公布|通报)"
                              r"|(?:公示|公布|报告|汇报|通报)如下)")
# a title that is the report of a year's work: 2022年十件民生实事完成情况, …工作要点执行情况. Not a
# mid-year 进展情况 / 推进情况: those restate the year's tasks beside what was done so far.
_REPORT_TITLE_END = re.compile(r"(?:完成|实施|落实|执行)情况\s*$")  # not …完成情况(截至6月底): mid-year


def _plan_sections(text: str, lo: int, hi: int, summary_year: int | None = None) -> list[tuple[int, int]]:
    """In a work summary, the part from a heading that plans ahead (2025年工作思路, 下一步工作打算,
    or a year after the one summarised alone on its line) to the end: its numbers are targets."""
    for m in _HEADING_LINE.finditer(text, lo, hi):
        line = m.group("line")
        if "\t" in line or _SUMMARY_TITLE.search(line):
            continue  # a table row, or the title itself (2024年工作总结及2025年工作思路)
        if summary_year and _announces_both(line, summary_year):
            continue  # 现将2010年工作情况和2011年工作打算汇报如下: it announces both parts
        if (_plan_heading(line) or _NEXT_STEP.search(line)
                or (summary_year and (_year_alone(line) or 0) > summary_year)):
            return [(m.start("line"), hi)]
    return []


_NEXT_STEP = re.compile(alternation(V["results"]["next_step_headings"]))


_ANNOUNCED = re.compile(r"(?:如下|以下)[:：]?\s*$")


def _announces_both(line: str, year: int) -> bool:
    """A line naming the summarised year and a later one (2010年工作情况和2011年工作打算), or naming the
    summarised year and ending on 如下: an opening that announces both parts, not the plan part's
    heading (二、下一步工作打算（巩固2021年成果） is one)."""
    years = [int(m.group(1)) for m in _SENT_YEAR.finditer(line)]
    return year in years and (any(y > year for y in years) or bool(_ANNOUNCED.search(line)))

# the year a summary reports: 2024年工作总结及2025年工作思路 → 2024
_SUMMARY_YEAR = re.compile(rf"((?:19|20)\d{{2}})\s*年[^\n]{{0,12}}?(?:{_SUMMARY_TITLE.pattern})")


_YEAR_ALONE = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:度)?\s*[:：]?\s*")


def _year_alone(line: str) -> int | None:
    """The year of a heading line that is a year alone (2024年, 2025年度:), else None."""
    m = _YEAR_ALONE.fullmatch(line) if len(line) <= 8 else None
    return int(m.group(1)) if m else None


def _review_sections(text: str, lo: int, hi: int, year: int | None = None) -> list[tuple[int, int]]:
    """Spans of review sections: from a short heading line naming a review (2023年工作回顾), or a
    line that is a year before the plan's alone (2024年 ⏎ …已建成…), to the next short line naming
    the plan (2024年重点任务, or the plan's year alone), or the document's end."""
    spans, start, top_level, sub_level, chapter = [], None, False, False, 0
    for m in _HEADING_LINE.finditer(text, lo, hi):
        line = m.group("line")
        if "\t" in line:
            continue  # a table row, not a heading
        alone = _year_alone(line) if year else None
        if alone and alone >= year:
            if start is not None:  # 2025年 after 2024年's review: the plan's part
                spans.append((start, m.start("line")))
                start = None
            continue
        if start is None and ((_REVIEW.search(line) and not _REVIEW_NOT.search(line) or _REVIEW_START.match(line))
                              and not _plan_heading(line) or alone):
            start, top_level, sub_level = m.start("line"), bool(_TOP_ITEM.match(line)), bool(_SUB_ITEM.match(line))
            chapter = _chapter_rank(line)
        elif start is not None and (_plan_heading(line) or ((top_level or sub_level) and _TOP_ITEM.match(line))
                                    or (sub_level and _SUB_ITEM.match(line))
                                    or (chapter and _chapter_rank(line) >= chapter)):
            # the plan's own heading, or the next section of its level ((一)发展基础 … (二)面临形势,
            # 第一节发展基础 … 第二节面临形势)
            spans.append((start, m.start("line")))
            start = None
    if start is not None:
        spans.append((start, hi))
    return spans


def _deadline_cues(text: str, segment: str, lo: int, stop: int, year: int | None, books, sentences) -> list:
    """(start, end, value, deadline text, comparator) of the deadline cues (确保2025年底前完成…,
    三年内建成…) in segment (text[lo:…]) starting before `stop`: the text past the row cap is not
    read. Years first, then relative spans."""
    deadlines: list[tuple[int, int, float, str, str]] = []
    # a cue (确保, 到) is at most 4 characters before the year; the verb at most ~50 after it
    for m in _near_anchors(YEAR_DEADLINE, YEAR_ANCHORS, segment, 8, 64, lambda m, a: m.start("q") == a.start(),
                           stop=stop - lo):
        s, e = m.start("q") + lo, m.end("q") + lo
        if books.covering(s) or (year and int(m.group("y")) < year):
            continue
        if not m.group("cue") and _RANGE_START.search(segment, max(0, m.start("q") - 8), m.start("q")):
            # 2024—2026年，全县将新建幼儿园9所: the span's end is when its targets are due, but no row
            if year and int(m.group("y")) > year:
                deadlines.append((s, e, float(m.group("y")), m.group("y"), "=", False))
            continue
        by = m.group("suf") in ("底", "前", "末", "年底") or m.group("before")
        # a later year heading a sentence (a three-year plan's "2024年，新建…") or its verb (a task
        # cell's "2025年完成…建设") can only be due: a year to come reports nothing
        ahead = bool(year and int(m.group("y")) > year and not m.group("cue"))
        if not m.group("cue") and not by and not ahead:
            continue  # a bare "2024年完成…" reports as often as it promises
        if m.group("comma") and not (by or ahead or m.group("cue") == "至"
                                     or "到" in segment[m.start():m.start("q")]):
            continue  # a "by" frame needs 到/至 or 底/前: "在2024年, 全面…" is not one
        due = f"{m.group('y')}-{int(m.group('month')):02d}" if m.group("month") else m.group("y")  # 计划2026年3月完工
        deadlines.append((s, e, float(m.group("y")), due, "=", True))
    # the number before 年 is at most ~50 characters long
    for m in _near_anchors(RELATIVE_DEADLINE, RELATIVE_ANCHOR, segment, 64, 8,
                           lambda m, a: m.end("q") == a.start() + 1, stop=stop - lo + 64):
        s, e = m.start("q") + lo, m.end("q") + lo
        v = parse_number(m.group("n"))
        if v is None or not (0 < v <= V["deadline"]["max_relative_years"]) or books.covering(s):
            continue
        sent_s, _ = sentences.around(s)
        left = text[sent_s:s]
        if not _RELATIVE_CUE.search(left[-4:]) and not _VERB_AFTER.match(
                text, m.end("suf") + lo, m.end("suf") + lo + 6):
            continue
        deadlines.append((s, e, v, text[s:e].replace(" ", "") + m.group("suf"), "<=", True))
    return deadlines


# a headline line that aims (今年将新建学校5所, 2024年目标：…保持100%) restates no result
_BLOCK_AIMS = re.compile(r"目标|预期|计划|任务")
_HEADLINE_AIMS = re.compile(rf"{_FUTURE_BUT_THIS_YEAR.pattern}|目标|预期|保持|明年")


def _shares_measure(a: str, b: str) -> bool:
    """Do two clauses name the same measure (two Chinese characters in common before their numbers)?"""
    han_a = {a[i:i + 2] for i in range(len(a) - 1) if "\u4e00" <= a[i] <= "\u9fff" and "\u4e00" <= a[i + 1] <= "\u9fff"}
    return any(b[i:i + 2] in han_a for i in range(len(b) - 1))


_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")  # 回眸2023 奋进2024: a headline's years, 年 or not


def _names_later_year(line: str, year: int) -> bool:
    return any(int(y) > year for y in _ANY_YEAR.findall(line))


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1:(e if (e := text.find("\n", pos)) >= 0 else len(text))]


def _headline_restates_results(found: list, doc: DocContext, trace: list | None) -> None:
    """A news page's headline and lead restate the story's numbers (成都今年新增64所幼儿园即将开园 above
    截止目前，…今年已新增幼儿园64所): a target there whose value and unit the body reports as a result is
    that result too (rule headline_restates_result). The headline is the lines above the first sentence's."""
    if doc.plan_title:
        return  # a plan's title reports nothing
    first_stop = doc.text.find("。", doc.lo, doc.hi)
    if first_stop < 0:
        return
    head_end = doc.text.rfind("\n", doc.lo, first_stop) + 1  # the lines above the first sentence's
    reported, planned = {}, set()
    for f in found:
        if f.start >= head_end:
            if f.status == "result":
                reported.setdefault((f.value, f.unit), f)
            else:
                planned.add((f.value, f.unit))
    if not reported:
        return
    for f in found:
        if f.start >= head_end:
            break
        key = (f.value, f.unit)
        r = reported.get(key)
        # not a task a label names; not a headline that looks ahead (某县今年将新建学校5所), nor a number the
        # body also plans (去年新建学校5所…今年将新建学校5所: which one the headline says is not known)
        if (f.status == "target" and f.rule == "commitment" and r is not None and key not in planned
                and not _HEADLINE_AIMS.search(_line_of(doc.text, f.start).replace("即将", ""))  # 即将开园: built
                and not _BLOCK_AIMS.search(doc.text, doc.lo, f.start)  # under 2024年主要预期目标
                and _shares_measure(f.clause, r.clause)):
            f.status, f.rule, f.period, f.deadline, f.strength = "result", "headline_restates_result", r.period, "", ""
            if trace is not None:
                trace[:] = [Trace(t.start, t.end, t.quote, "result", f.rule) if (t.start, t.end) == (f.start, f.end) else t
                            for t in trace]


# before a relative span (力争三年内, 未来3年内): it is a due date
_RELATIVE_CUE = re.compile(r"(?:力争|争取|确保|计划|用|在|经过|未来|今后)\s*$")
MAX_ROWS = V["context"]["max_rows_per_document"]
# after a due date, a verb of completion with no work of its own (前完成, 底建成并投入使用)
_COMPLETES_BEFORE = re.compile(rf"\s*(?:\d{{1,2}}月份?|[春夏秋冬]季(?:学期)?)?(?:开学)?(?:年底|底|末|前|以前|之前|内|以内)*\s*(?:全面|全部|基本|如期|陆续)?\s*"
                               rf"(?:{alternation(V['deadline']['completion_verbs'])})[^，,。；;\n]{{0,8}}?(?:[，,。；;\n]|$)")
_FRAME_BEFORE = re.compile(rf"(?:{alternation(V['deadline']['frame_before'])})\s*$")


def row_cap_warning(what_was_not_read: str) -> str:
    """The message for a document cut at the row cap (the finder's and the table reader's)."""
    return f"more than {MAX_ROWS:,} numbers in one document; {what_was_not_read}"


def _carry_deadline(out: list, starts: list, n: int, sent_s: int, sent_e: int, due: str, year) -> None:
    """A due date applies to the targets of its sentence that have none of their own."""
    for j in range(bisect.bisect_left(starts, sent_s, 0, n), bisect.bisect_left(starts, sent_e, 0, n)):
        g = out[j]
        if g.status == "target" and not g.deadline:
            g.deadline = due
            g.period = target_period(due, year)


def _looks_back(pub_date: str, year: int) -> bool:
    """A page dated early in the year after the one it is about (a work conference or 两会 in
    January–March reviewing the year before) reports that year; a repost years later does not say."""
    return bool(pub_date) and int(pub_date[:4]) == year + 1 and int(pub_date[5:7]) <= 3


def find_targets(text: str, lo: int, hi: int, year: int | None = None,
                 trace: list | None = None, title: str = "", warnings: list | None = None,
                 pub_date: str = "", national: bool = False) -> list[Found]:
    """All targets and results in text[lo:hi] (a document), offsets in normalised text.
    With `trace`, every candidate number is appended to it with its decision and rule. Past
    MAX_ROWS rows the rest of the document is not read (a message goes to `warnings`): the last
    guard of time and memory, far above any real plan (a national report has ~500 numbers)."""
    segment = text[lo:hi]
    if not segment.strip():
        return []
    books = _SpanSet([(s + lo, e + lo) for s, e in _spans_of(_BOOK_PARTS, segment, "《〔[")
                      + _spans_of(_PERIOD_PAREN_PARTS, segment, "(（")])
    quotes = _SpanSet([(s + lo, e + lo) for s, e in _spans_of(_QUOTE_PARTS, segment, "“\"「")])
    spam_lines = _spam_lines(text, lo, hi)
    spam = _SpanSet(spam_lines) if spam_lines else None
    periods = _table_periods(text, lo, hi, year)
    heads = _item_heads(segment, lo)
    reversed_doc = segment[::-1]
    sentences = _Boundaries(SENTENCE_END, text, lo, hi, V["context"]["sentence_reach"], reversed_doc)
    clauses = _Boundaries(CLAUSE_END, text, lo, hi, V["context"]["clause_reach"], reversed_doc)
    head_pos = [p for p, _ in heads]

    def heading_at(pos: int) -> str:
        i = bisect.bisect_right(head_pos, pos) - 1
        return heads[i][1] if i >= 0 else ""

    progress = _progress_cells(text, lo, hi, year)
    review_spans = _review_sections(text, lo, hi, year)
    progress_part, task_part = _labelled_parts(text, lo, hi)
    cell_progress = _one_cell_per_line_progress(text, lo, hi)
    progress_cells = _SpanSet(cell_progress) if cell_progress else None  # a bare 95% there is named by its row
    # an indicator table written one cell a line; a performance table's 指标 ⏎ 值 pairs
    table_cells = cell_table_values(text, lo, hi, year)
    if (keyed := key_value_cells(text, lo, hi, year) + grouped_cells(text, lo, hi, year)
            + spaced_row_cells(text, lo, hi, year) + sign_column_cells(text, lo, hi, year)
            + done_column_cells(text, lo, hi, year)):
        taken_at = {v.start for v in table_cells}
        table_cells = sorted(table_cells + [v for v in keyed if v.start not in taken_at], key=lambda v: v.start)
    cell_starts = [v.start for v in table_cells]

    def table_cell(pos: int):
        i = bisect.bisect_right(cell_starts, pos) - 1
        return table_cells[i] if i >= 0 and pos < table_cells[i].end else None
    if cell_progress:  # one span set: a table's cells may lie inside a label's reach (_SpanSet wants no overlaps)
        progress_part = merge_spans(progress_part + cell_progress)
    first_line = text[lo:lo + 200].lstrip().split("\n", 1)[0]  # the title as written, past its title word
    summary = bool(_SUMMARY_TITLE.search(title) or _SUMMARY_TITLE.search(first_line if title else text[lo:lo + 200])
                   or _REPORT_TITLE_END.search(_line_holding(text, lo, hi, title) or first_line)
                   or _PROGRESS_REPORT.search(text, lo, min(hi, lo + 400))  # the lead
                   or _PROGRESS_NOTICE.search(text, lo, min(hi, lo + 400))  # 现将…完成情况予以公示
                   or _PROGRESS_LABEL.search(text, lo, min(hi, lo + 800)))  # 【工作进展】 before the headline
    summary_year = _SUMMARY_YEAR.search(title or first_line) if summary else None
    summary_year = int(summary_year.group(1)) if summary_year else None
    # the title, or a line of the page's head (a newspaper page's masthead comes first)
    if not summary and (stats := _STATS_TITLE.search(title) or _STATS_TITLE.search(text, lo, min(hi, lo + 800))):
        summary, summary_year = True, int(stats.group(1))  # 2022年杭州市教育事业统计公告: the figures of 2022
    if (not summary and (stock := _STOCK_TAKING_HEAD.search(title) or _STOCK_TAKING_HEAD.search(text, lo, min(hi, lo + 400)))
            and not _names_later_year(_line_of(text, stock.start()), int(stock.group(1) or stock.group(2)))):
        # (回眸2023 奋进2024: a headline naming the year after looks ahead too)
        summary, summary_year = True, int(stock.group(1) or stock.group(2))  # 【盘点2025】…: the page reports 2025
    if not summary and year and (reviewed_year(text, lo, min(hi, lo + 400)) == year or _looks_back(pub_date, year)):
        summary = True  # a lead reviewing the page's own year (2023年，…取得了…显著成果，新增学位1.2万个)
        summary_year = year
    news_review = False
    if not summary and news_review_lead(text, lo, hi, title):
        summary, summary_year, news_review = True, year, True  # 记者从…获悉，近年来，…: news of what was done
    # a title on a plan's progress (“十件民生实事”进展情况) names a report, not the plan
    # a first line that is a sentence (a news lead: 记者…获悉,…政府工作报告提出的…参保计划…) is not a title
    title_line = title or (first_line if _title_like(first_line) else "")
    plan_title = bool(PLAN_TITLE.search(title_line)) and not _REPORT_TITLE.search((title or "") + first_line)
    news_page = not plan_title and bool(_NEWS_LEAD_WORD.search(text, lo, min(hi, lo + 600)))
    doc = DocContext(national=national, summary=summary, news_review=news_review, news_page=news_page, plan_title=plan_title, plan_part=_SpanSet(_plan_sections(text, lo, hi, summary_year)) if summary else None,
                     summary_year=summary_year, undated=not title and not pub_date,
                     text=text, lo=lo, hi=hi, year=year, books=books, quotes=quotes, spam=spam,
                     related_from=_related_from(text, lo, hi),
                     review=_SpanSet(review_spans), progress_part=_SpanSet(progress_part) if progress_part else None,
                     task_part=_SpanSet(task_part) if task_part else None,
                     review_periods=_review_periods(text, review_spans, year))

    def note(s: int, e: int, status: str, rule: str) -> None:
        if trace is not None:
            trace.append(Trace(s, e, text[s:e], status, rule))

    out: list[Found] = []
    cut = hi  # where reading stopped: the row cap
    clause_groups: dict[tuple[int, int], list[int]] = {}
    line_named: dict[tuple[int, int], bool] = {}
    candidates = _number_runs(CANDIDATE, segment, V["context"]["run_min"], V["context"]["run_gap"])
    range_end = lo  # the end of the last range whose unit is said twice (2个至3个)
    for m, in_run in candidates:
        s, e = m.start() + lo, m.end() + lo
        if len(out) >= MAX_ROWS:
            cut = s
            note(s, e, "excluded", "row_cap")
            if trace is not None:
                for m2, _ in candidates:
                    note(m2.start() + lo, m2.end() + lo, "excluded", "row_cap")
            break
        if in_run:
            note(s, e, "excluded", "number_run")
            continue
        if s < range_end:
            note(s, e, "excluded", "range_end")
            continue
        cell = table_cell(s) if table_cells else None
        if (_nameless(text, s, e, lo, hi, line_named) and not (progress_cells and progress_cells.covering(s))
                and cell is None):
            # before parsing: random numerals are costly to parse
            note(s, e, "excluded", "nameless")
            continue
        unit = m.group("unit") or ("%" if (m.group("pw") or m.group("hp") or m.group("fd")) else "")
        if m.group("unit") == "":  # 20.9万儿童: people, counted
            if text[max(lo, s - 1):s] == "每":
                note(s, e, "excluded", "unit_cell")
                continue  # 每1万学生配备…: a ratio's base, not a count
            unit = "人"
        if m.group("unit") and unit not in ("%",) and "百分点" not in unit and _unit_blocked(text, e, unit):
            note(s, e, "excluded", "not_a_unit")
            continue
        n1 = m.group("n1") or m.group("p1")
        n2 = m.group("n2") or m.group("p2")
        if (n1 and not n2 and m.group("unit") and not m.group("mult") and text[e:e + 1] in _RANGE_SEPS
                and text[max(lo, s - 1):s] not in ("从", "由")):  # 从30所到35所: a start and a goal
            tail = _SAME_UNIT_RANGE.match(text, e, hi)
            if tail and tail.group("unit") == m.group("unit"):  # 2个至3个: one range, the unit said twice
                n2, e = tail.group("n2"), tail.end()
                range_end = e
        if m.group("hp"):
            value, value_max = 100.0, None
        elif m.group("fd"):
            whole, part = parse_number(m.group("fd")), parse_number(m.group("fn"))
            if not whole or part is None or part > whole:
                note(s, e, "excluded", "not_a_fraction")
                continue
            value, value_max = round(100 * part / whole, 2), None
        else:
            value = parse_number(n1)
            value_max = parse_number(n2) if n2 else None
            if value is None or (n2 and value_max is None):
                note(s, e, "excluded", "not_a_number")
                continue
            if m.group("mult"):  # 3400多万人次: the multiplier after 多/余
                scale = 10000 if m.group("mult") == "万" else 100000000
                value *= scale
                value_max = value_max * scale if value_max is not None else None
        if unit == "成":  # 近7成: tenths, a percentage; 3000成 or 一成不变 is not
            if value_max is not None or not 1 <= value <= 10 or m.group("approx") or m.group("mult"):
                note(s, e, "excluded", "not_a_unit")
                continue
            value, unit = value * 10, "%"
        if value_max is not None and value_max <= value:
            note(s, e, "excluded", "not_a_range")
            continue  # "2-1" is not a range; likely a code
        if value_max is not None and value == 0:
            note(s, e, "excluded", "scope_range")
            continue  # 边境0—3公里, 0-6岁: a scope from zero, not an amount to reach
        is_cn = bool(n1) and not n1.strip(CN_NUMERAL_CHARS)
        if n1 and not n2 and not n1.strip("百千万亿") and _unit_cell_at(text, lo, s):
            note(s, e, "excluded", "unit_cell")
            continue  # a unit cell (万元, 金额（万元）) or a per-capita base (每万人), not a number
        sent_s, sent_e = sentences.around(s)
        cl_s, cl_e = clauses.around(s)
        left_clause = text[cl_s:s]
        rev_clause = left_clause[::-1]
        after = text[e:min(cl_e, e + 30)]
        norm_strong = bool(_NORM_CUE.search(left_clause))
        progress_label = progress.label_at(s)
        # a progress table's task column, or a keyed table's cell of what was set (指标值, 工作目标)
        task_column = progress_label == TASK or (cell is not None and cell.keyed and not cell.measured)
        if task_column:
            progress_label = None
        if cell is not None and cell.measured:
            progress_label = MEASURED + cell.year  # the table's earlier-year column: where things stood
        c = Candidate(
            doc=doc, text=text, s=s, e=e, num_start=s + (3 if m.group("pw") else 0), unit=unit, n1=n1, n2=n2,
            value_max=value_max, sent_s=sent_s, sent_e=sent_e, cl_s=cl_s, cl_e=cl_e,
            left_sent=text[sent_s:s], left_clause=left_clause, after=after, approx=m.group("approx"),
            is_cn=is_cn, is_pct=unit in ("%", "‰"), norm_strong=norm_strong,
            norm_hit=norm_strong or bool(_NORM_PERIOD_CUE.search(left_clause)),
            comparator=_comparator(left_clause, after, m.group("approx"), value_max is not None, rev_clause),
            quote_span=quotes.covering(s), progress_label=progress_label and progress_label.removeprefix(MEASURED),
            measured_cell=bool(progress_label and progress_label.startswith(MEASURED)), task_column=task_column)
        decision = decide(c)
        note(s, e, decision.status, decision.rule)
        if decision.status == "excluded":
            continue
        is_result = decision.status == "result"
        left_sent, is_pct, norm_hit = c.left_sent, c.is_pct, c.norm_hit
        norm_sentence = bool(_NORM_CUE.search(left_sent) or _NORM_PERIOD_CUE.search(left_sent))
        comparator = (result_comparator(left_clause, after, m.group("approx"), value_max is not None)
                      if is_result else c.comparator)

        # --- kind and sign ---
        if unit in V["money_units"]:
            kind = "money"
            value *= V["money_units"][unit]
            if value_max is not None:
                value_max *= V["money_units"][unit]
            unit = "美元" if unit.endswith("美元") else "元"
        elif "百分点" in unit:
            unit = "百分点"
            kind = "change"
        elif is_pct and cell is not None and cell.keyed:
            kind = "rate"  # a table cell's rate: its row's name (减少大班额) is no change cue for it
        elif is_pct:
            kind = "rate"
            hit_down = _last_any(left_clause, V["change_cues"]["down"], rev_clause)
            hit_up = _last_any(left_clause, V["change_cues"]["up"], rev_clause)
            hit = max([h for h in (hit_down, hit_up) if h], default=None, key=lambda h: h[0])
            if hit:
                between = left_clause[hit[0] + len(hit[1]):]
                # 经济增长预期目标为5%: the target of a growth rate is still a change
                level_cue = ("目标" not in between and _LEVEL_CUE.search(between)) or _TO_FIRST.match(between)
                if not level_cue:
                    kind = "change"
        elif norm_strong or ((norm_hit or norm_sentence) and unit in V["norm_units"]) or unit in V["duration_units"]:
            kind = "norm"
        else:
            kind = "count"
        if kind == "change":
            down = _last_any(left_clause, V["change_cues"]["down"], rev_clause)
            up = _last_any(left_clause, V["change_cues"]["up"], rev_clause)
            if down and (not up or down[0] >= up[0]):
                value = -value
                if value_max is not None:
                    value_max = -value_max
        if unit.startswith("个") and unit != "个":
            unit = unit[1:]

        heading = heading_at(s)
        deadline = periods.label_at(s) or (cell.year if cell is not None and not cell.keyed else "")
        if not deadline:
            deadline = _row_due_date(text, e, hi)
        if not deadline and year:
            due = ("月" in left_sent and (_MONTH_DUE.search(left_clause) or _MONTH_DUE.search(left_sent))) or None
            if due and 1 <= int(due.group(1)) <= 12:
                deadline = f"{year}-{int(due.group(1)):02d}"  # 于6月底前完成5所: due this plan year
        if is_result:
            deadline, strength = "", ""
            period = result_period(c, decision.rule)
        else:
            strength = _strength(left_sent)
            period = target_period(deadline, year)
        f = Found(start=s, end=e, value=value, value_max=value_max, unit=unit.strip(), comparator=comparator,
                  kind=kind, indicator="", deadline=deadline, strength=strength,
                  sentence=text[sent_s:sent_e].strip(), clause=text[cl_s:cl_e], heading=heading,
                  status=decision.status, period=period, rule=decision.rule)
        f._left_clause, f._after, f._left_sent = left_clause, after, left_sent  # for indicator naming below
        clause_groups.setdefault((cl_s, cl_e), []).append(len(out))
        out.append(f)

    # deadline rows, and deadlines carried to the other targets of the same sentence. The rows
    # found so far are in text order and do not overlap: bisect finds the one a deadline falls in
    # and the ones of its sentence (a task table can have a deadline in every row).
    n_found = len(out)
    found_starts = [f.start for f in out]
    taken = _SpanSet([])  # deadline rows added so far
    # past the cut the text is not read, unless a trace wants every cue listed
    for s, e, v, dl_text, comp, row in _deadline_cues(text, segment, lo, hi if trace is not None else cut, year,
                                                      books, sentences):
        if s >= cut:  # not read: past the row cap
            note(s, e, "excluded", "row_cap")
            continue
        i = bisect.bisect_right(found_starts, s) - 1
        if (i >= 0 and s < out[i].end) or taken.covering(s):
            continue
        sent_s, sent_e = sentences.around(s)
        cl_s, cl_e = clauses.around(s)
        left_sent = text[sent_s:s]
        reported = doc.summary and not (doc.plan_part and doc.plan_part.covering(s)) and v <= (doc.summary_year or year or 0)
        # a year to come reports nothing: …已开工建设,…预计2022年9月完工 in a 2021 page is a due date
        if ((doc.review.covering(s) and v < (year or 9999)) or reported
                or (_PAST_WORD.search(left_sent) and not (year and v > year))):
            note(s, e, "excluded", "past_deadline")  # reported: a summary's own year (至2024年，全州共完成…)
            continue
        if _FRAME_BEFORE.search(text[max(lo, s - 4):s]):  # 对标2035年基本实现现代化: a frame, not a due date
            note(s, e, "excluded", "reference_frame")
            continue
        if not row:  # a span's end: carried to its sentence's targets, not a row of its own
            note(s, e, "excluded", "span_end")
            _carry_deadline(out, found_starts, n_found, sent_s, sent_e, dl_text, year)
            continue
        note(s, e, "target", "deadline_cue")
        strength = _strength(left_sent)
        after = text[e:cl_e]
        if not after.strip(" ,，内前底"):  # 到2026年, 建成……: what is due is in the next clause
            after = text[e:sent_e]
        f = Found(start=s, end=e, value=v, value_max=None, unit="年", comparator=comp, kind="deadline",
                  indicator=re.sub(r"^(?:内|以内|底|前|末|年底|时间)*[,，]?\s*(?:高质量|全面|基本)?", "", after)[:20],
                  deadline=dl_text, strength=strength, sentence=text[sent_s:sent_e].strip(),
                  clause=text[cl_s:cl_e], heading=heading_at(s),
                  period=target_period(dl_text, year), rule="deadline_cue")
        out.append(f)
        taken.add(s, e)
        # 新建幼儿园3所，确保2025年底前完成: a due date the sentence's work is completed by reaches back;
        # …新增学位4500个，力争到2026年全面消除大班额 is the due date of its own clause's work only
        back = bool(_COMPLETES_BEFORE.match(text, e, sent_e))
        _carry_deadline(out, found_starts, n_found, sent_s if back else s, sent_e, dl_text, year)

    _headline_restates_results(out[:n_found], doc, trace)
    for f in out[:n_found]:  # last: a due date of its own or of its sentence comes first
        if f.status == "target" and not f.deadline:
            due = _plan_span_due(f._left_sent, year)
            if due:
                f.deadline, f.period = due, target_period(due, year)
    for (cl_s, cl_e), idxs in clause_groups.items():
        for k, i in enumerate(idxs):
            f = out[i]
            f.indicator = (_flat_table_name(text, lo, f.start, f.end)
                           or name_indicator(f._left_clause, f._after, f.kind, k, len(idxs)))
            if not _LETTER.search(f.indicator):  # ≥ alone in a table cell names nothing
                f.indicator = ""
            if not f.indicator and text.rfind("\t", max(lo, f.start - ROW_NAME_REACH), f.start) >= 0:
                f.indicator = row_name(text, lo, f.start)  # 1 | 新增城镇就业 | 区人社局 | 8950人: its row's name cell
            if not f.indicator:  # 提高5个百分点,达到95%; 比去年增加8000亿元: the clause before names it
                f.indicator = previous_clause_subject(f._left_sent, f._left_clause)
            f.indicator = object_of_bare_verb(f.indicator, f._left_sent, f._left_clause)
            f.indicator = share_of_total_named(f.indicator, f._left_sent, f._left_clause)
            if table_cells and (cell := table_cell(f.start)) is not None:
                f.indicator = cell.name  # a table's cell is named by its row, not by its clause
                f.comparator = cell.op or f.comparator  # <=6962人: the cell's own sign
            f._left_clause = f._after = f._left_sent = ""  # up to 600 characters a row, needed no more
    if table_cells:
        # a bare number in a one-cell-a-line table (91.5 under 2020年, its unit in its row's name:
        # 学前教育毛入园率(%)) is no candidate of the finder: the table gives its row
        out.extend(_bare_cell_rows(text, table_cells, out, year, cut, heading_at, note))
    out.sort(key=lambda f: f.start)
    if len(out) > MAX_ROWS:  # deadline rows count too: the cap is on rows
        cut = out[MAX_ROWS].start
        for f in out[MAX_ROWS:]:
            note(f.start, f.end, "excluded", "row_cap")
        del out[MAX_ROWS:]
    if cut < hi:
        if warnings is not None:
            warnings.append(row_cap_warning(f"the text from character {cut:,} of {hi:,} on was not read"))
    return out
