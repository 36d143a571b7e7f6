"""Split one file's normalised text into documents and read each one's metadata.

A file may hold several plans glued together (a site's "材料来自…" footer followed
by the next plan's opening, or a second title line after a full body). Each
document gets region, plan year, title, issuer, 发文字号 and publication date.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .regions import Region, detect_region, region_named, within

NATIONAL = Region(region="全国")
from .line_start import LineStartPattern
from .numerals import five_year_plan_start
from .vocab import alternation, from_shared_char, intent_alternation, load_vocab

_V = load_vocab()["documents"]
TITLE_WORDS = alternation(_V["title_words"])
_TITLE_IN_BOOK = re.compile(rf"《([^《》\n]{{0,60}}?(?:{TITLE_WORDS})[^《》\n]{{0,16}})》")
_TITLE_LINE = LineStartPattern(rf"[ \t]*(?:附件[:：]?\s*)?([^\n。，,]{{0,40}}?(?:19|20)\d{{2}}\s*年[^\n。，,]{{0,30}}?(?:{TITLE_WORDS})"
                         rf"(?:[^\n。，,]{{0,16}}?(?:{TITLE_WORDS}))?)")  # …工作总结及2025年工作计划
_TITLE_LINE_END = LineStartPattern(rf"[ \t]*([^\n。，,]{{0,40}}?(?:19|20)\d{{2}}\s*年[^\n。，,]{{0,40}}?"
                                   rf"(?:{alternation(_V['title_end_words'])}))[ \t]*$")
_TITLE_END_HINTS = ("情况", "进度表")
# a period at a line's end (…行动计划(2023-2025年)): found from the bracket, the line then read back
_TITLE_PERIOD_END = re.compile(r"[(（](?:19|20)\d{2}\s*年?\s*[-—–~至]\s*(?:19|20)?\d{2}\s*年[)）](?=[ \t]*(?:\n|$))")
_TITLE_PERIOD_HEAD = re.compile(rf"^[ \t]*(?:附件[:：]?\s*)?([^\n。，,、；;:：]{{2,40}}?(?:{TITLE_WORDS})\s*)$")


def _title_lines(text: str, periods: bool = True) -> list[tuple[int, str]]:
    """(start, title) of the title lines in text order: 2024年青浦教育工作要点, or a title with its
    period at the line's end (学前教育三年行动计划(2023-2025年))."""
    lines = [(m.start(1), m.group(1)) for m in _TITLE_LINE.finditer(text)]
    if any(w in text for w in _TITLE_END_HINTS):  # substring tests first: most texts have none
        lines = sorted(lines + [(m.start(1), m.group(1)) for m in _TITLE_LINE_END.finditer(text)])
    extra = []
    if not periods or ("年)" not in text and "年）" not in text):  # a substring test first: most texts have none
        return lines
    for m in _TITLE_PERIOD_END.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = _TITLE_PERIOD_HEAD.match(text[line_start:m.start()])
        if head:
            extra.append((line_start + head.start(1), head.group(1) + m.group()))
    return sorted(lines + extra) if extra else lines
_TITLE_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~至]\s*(?:19|20)?\d{2}\s*年")
# read for where it ends only: opened on the 来 every marker holds (a literal: a fast scan)
_MARKER = re.compile(rf"{from_shared_char(_V['source_markers'], '来')}[:：]?")
# an opening year (2024年，…; 2022-2024年，青秀区将… opens on its first year, not its last)
_OPENER = re.compile(r"(?=[12])(?<![到至止於于前\d\-—~－])(?:(?P<start>(?:19|20)\d{2})\s*[-—~－至]\s*)?"
                     r"(?P<y>(?:19|20)\d{2})年(?:[,，]|是|以来[,，])")
# A heading line naming the year of the work it plans (二、2024年经济社会发展总体要求, 三、2016年重点工作)
# or reviews (一、2023年工作回顾: the plan is for the year after).
_PLAN_HEADING = LineStartPattern(rf"[^\S\n]*(?:[一二三四五六七八九十]{{1,3}}、|第[一二三四五六七八九十]{{1,3}}部分)?[^\S\n]*((?:19|20)\d{{2}})\s*年"
                           rf"[^\n。]{{0,16}}(?:{alternation(_V['plan_heading_words'])})[^\n。]{{0,12}}$")
_REVIEW_HEADING = LineStartPattern(rf"[^\S\n]*(?:[一二三四五六七八九十]{{1,3}}、)?[^\S\n]*((?:19|20)\d{{2}})\s*年"
                             rf"[^\n。]{{0,8}}(?:{alternation(_V['review_heading_words'])})\s*$")
_REVIEW_PHRASE = re.compile(r"((?:19|20)\d{2})\s*年工作回顾")
_NATIONAL = re.compile(alternation(_V["national_markers"]))
_NATIONAL_ISSUER = re.compile(rf"^(?:{alternation(_V['national_issuers'])})")
_ISSUER = re.compile(rf"([\u4e00-\u9fff、]{{2,30}}?(?:{alternation(_V['issuer_suffixes'])}))")
_ISSUER_SUFFIX = re.compile(alternation(_V['issuer_suffixes']))
_DOC_NUMBER_TAIL = r"\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}" + _DOC_NUMBER_TAIL)
# the tail from its bracket: a leading \s* was tried at every character of a blank flood (quadratic)
_DOC_NUMBER_TAIL_RE = re.compile(_DOC_NUMBER_TAIL.removeprefix(r"\s*"))


def _search_before(pattern: re.Pattern, anchor: re.Pattern, reach: int, text: str):
    """pattern.search(text), where every match of pattern ends in a match of `anchor` that
    starts at most `reach` characters after the match's start: the search starts `reach`
    before the first anchor, not at every character of the text (the same leftmost match;
    none without an anchor)."""
    a = anchor.search(text)
    if not a:
        return None
    start = a.start()
    while start > 0 and text[start - 1].isspace():  # the blanks before the anchor count as part of it
        start -= 1
    return pattern.search(text, max(0, start - reach))
_PUB_DATE = [
    re.compile(r"(?:发布日期|政策发布日期|发文日期|成文日期|发布时间|日期)[:：]\s*((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})"),
    re.compile(r"(?m)^(?:[^\S\n]|-)*((?:19|20)\d{2})[-.](\d{1,2})[-.](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"),
    re.compile(r"(?m)^[^\S\n]*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*$"),
    # a news page's 时间: with a clock time (时间:2022-05-26 09:07:29; a bare 完成时间:2024年6月 is a due date)
    re.compile(r"时间[:：]\s*((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})日?\s+\d{1,2}:\d{2}"),
    # or with the page's byline after it (时间:2026-01-12   作者: 点击数:)
    re.compile(rf"时间[:：]\s*((?:19|20)\d{{2}})[-./年](\d{{1,2}})[-./月](\d{{1,2}})日?[^\S\n]+(?:{alternation(_V['byline_words'])})"),
    # a news page's date line with its time, then the source: 2023-03-08 08:34 来源:…
    # (??? : lost spaces; 2024年01月24日13:38 | 来源: the clock right after 日)
    re.compile(r"(?m)^[\s\-]*((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})(?:日[\s?？]*|[\s?？]+)\d{1,2}:\d{2}"),
    # inside a byline, after the site's name: 新资讯网 2023-1-18 16:33 贵阳网 (a date with a clock time
    # is when the page was posted, not a due date)
    re.compile(r"(?<![\d.-])((?:19|20)\d{2})[-/](\d{1,2})[-/](\d{1,2})[^\S\n]+\d{1,2}:\d{2}(?![\d.])"),
]
# 30.06.2020 09:32: day first
_PUB_DATE_DMY = re.compile(r"(?m)^\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s+\d{1,2}:\d{2}")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}")
_DONE_SPAN = re.compile(r"(?:19|20)\d{2}\s*年?\s*[至到—\-~－]\s*((?:19|20)\d{2})\s*年[,，]?[^。\n]{0,16}?(?:共|累计|已)")
_INTENT_AFTER = re.compile(r"将(?![\d其之])|计划|力争|争取")
_FOUNDED = re.compile(rf"(?:{alternation(_V['founding_words'])})\s*$")
MIN_BODY = 1500  # a second title only starts a new document after this much text


@dataclass
class Document:
    doc_id: str
    source_file: str
    start: int  # normalised offsets of the document within the file
    end: int
    title: str = ""
    year: int | None = None
    region: Region = field(default_factory=Region)
    issuer: str = ""
    doc_number: str = ""
    pub_date: str = ""

    def as_row(self, raw_start: int, raw_end: int) -> dict:
        return {
            "doc_id": self.doc_id, "source_file": self.source_file, "title": self.title,
            "year": self.year, "region": self.region.region, "province": self.region.province,
            "city": self.region.city, "county": self.region.county, "issuer": self.issuer,
            "doc_number": self.doc_number, "pub_date": self.pub_date,
            "start": raw_start, "end": raw_end,
        }


def _norm_title(t: str) -> str:
    return re.sub(r"\s+|附件[:：]?", "", t)


def _title_region(title: str) -> str:
    return detect_region("", head=title).region


def _other_plan(titles: list[str], new_title: str) -> bool:
    """A title naming another area or another year than the document's earlier titles starts
    another plan however short that one was (a notice's 关于印发2023年…的通知 and its plan
    share both)."""
    region = next((r for r in map(_title_region, titles) if r), "")
    b = _title_region(new_title)
    if region and b and region != b and not (region.startswith(b) or b.startswith(region)):
        return True
    year = next((m.group(0) for m in map(_TITLE_YEAR.search, titles) if m), "")
    yb = _TITLE_YEAR.search(new_title)
    return bool(year and yb and year != yb.group(0))


def split_points(text: str) -> list[int]:
    """Normalised offsets where a new document starts (0 is always one)."""
    points = [0]
    current_title = None
    last_title_at = 0
    titles: list[str] = []  # of the current document
    for start, title in _title_lines(text, periods=False):  # （一）实施…行动计划（2023—2025年） inside a plan is a heading
        t = _norm_title(title)
        if current_title is not None and t != current_title and (
                start - max(points[-1], last_title_at) >= MIN_BODY or _other_plan(titles, t)):
            points.append(start)
            titles = []
        current_title, last_title_at = t, start
        titles.append(t)
    for m in _MARKER.finditer(text):
        window = text[m.end(): m.end() + 30]
        o = _OPENER.search(window)
        if o and m.end() + o.start() - points[-1] >= MIN_BODY and "\n" not in window[: o.start()]:
            points.append(m.end() + o.start())
    return sorted(set(points))


# before a 《…》 that names the document itself: a notice issuing it, or nothing much on its line
_ISSUING_BEFORE = re.compile(r"(?:印发|转发|关于|公布|发布|出台|制定了?|编制了?)[^\n。]{0,12}$")


def _book_title(head: str):
    """The first 《…计划/方案/要点》 that is the document's own title: at its line's start (after a
    few characters) or issued (关于印发《…》的通知), not one a sentence mentions (我市将启动《第四期学前
    教育行动计划》, 根据《…规划》)."""
    for m in _TITLE_IN_BOOK.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        before = head[line_start:m.start()]
        if len(before.strip()) <= 6 or _ISSUING_BEFORE.search(before):
            return m
    return None


def _title(text: str) -> str:
    """The earliest plan title in the head: a 《…》 name or a title line."""
    head = text[:3000]
    found = _title_lines(head)[:1]  # the earliest title line of either kind
    book = _book_title(head)
    if book:
        found.append((book.start(1), book.group(1)))
    if not found:
        return ""
    return _norm_title(re.sub(r"^.*《|》.*$", "", min(found)[1]))


_TITLE_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~至]\s*((?:19|20)?\d{2})\s*年")


def plan_span_end(title: str, year: int | None) -> int | None:
    """The last year of a multi-year plan its title names (…三年行动计划(2021—2023年) → 2023)."""
    m = _TITLE_SPAN.search(title)
    if not m or not year:
        return None
    end = int(m.group(2)) if len(m.group(2)) == 4 else int(m.group(1)[:2] + m.group(2))
    return end if end > year else None


_TITLE_PLAN_YEAR = re.compile(rf"((?:19|20)\d{{2}})\s*年[^\n，,。]{{0,6}}?(?:{alternation(_V['title_plan_words'])})")
_SESSION_NEWS = re.compile(r"两会|政府工作报告|人民代表大会第[一二三四五六七八九十]+次会议|人大[一二三四五六七八九十]+次会议")
_PLANNED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[,，][^。\n]{0,20}?(?:将|要|计划|力争)")
_INTENT = re.compile(r"[^。\n]*?(?:将|计划|力争|争取|确保|要|拟)")
_THIS_YEAR = re.compile(r"(?:今年|本年度)(?!以来|上半年|前)")
# (2024年是实现“十四五”规划目标任务的关键一年,…取得了…: a year named as 关键一年 first)
_REVIEW_SENTENCE = re.compile(rf"((?:19|20)\d{{2}})\s*年(?:\s*[至到—-]\s*((?:19|20)\d{{2}})\s*年)?(?:是[^。\n，,]{{0,30}}?一年)?[,，]"
                              rf"(?:(?!将|要|力争|争取|计划|确保|努力|全力|务必|目标|锚定)[^。\n]){{0,120}}?"
                              rf"(?:{alternation(_V['review_sentence_words'])})")


# 今年是“十二五”收官之年 / 今年是“十四五”开局之年: the five-year plans run 2006-2010 (十一五) on
_FIVE_YEAR_PLAN_YEAR = re.compile(r"今年是[^。\n]{0,12}?十([一二三四五六七八九])五[^。\n]{0,12}?(收官|开局|起步|开篇)之年")


def five_year_plan_year(text: str) -> int | None:
    """The year a page calls the first or last of a five-year plan (今年是“十二五”收官之年 → 2015)."""
    m = _FIVE_YEAR_PLAN_YEAR.search(text)
    if not m:
        return None
    start = five_year_plan_start(m.group(1))
    return start + 4 if m.group(2) == "收官" else start


# “十四五”时期，…制定本规划: the page is the five-year plan itself, of its first year
_OWN_PLAN = re.compile(r"(?:制定|编制)本规划")
_FIVE_YEAR_NAME = re.compile(r"十([一二三四五六七八九])五")


def own_five_year_plan_year(text: str) -> int | None:
    """The first year of the five-year plan a page says it is (“十四五”时期…制定本规划 → 2021): the
    last one named before 制定本规划 (“十四五”期间…取得显著成就，为谋划好“十五五”时期…，制定本规划 → 2026)."""
    own = _OWN_PLAN.search(text, 0, 600)
    if not own:
        return None
    named = None
    for named in _FIVE_YEAR_NAME.finditer(text, max(0, own.start() - 300), own.start()):
        pass
    return five_year_plan_start(named.group(1)) if named else None


_REPORT_CARD = re.compile(rf"(?:{alternation(_V['report_card_verbs'])})了?\s*((?:19|20)\d{{2}})\s*年(?:度)?[^。\n，,]{{0,20}}?"
                          rf"(?:{alternation(_V['report_card_nouns'])})")


def reviewed_year(text: str, lo: int, hi: int) -> int | None:
    """The year a sentence in text[lo:hi] reviews in the past tense (2023年，…取得了…显著成果), or whose
    report card it shows (会议晒出了2025年…“成绩单”)."""
    m = _REVIEW_SENTENCE.search(text, lo, hi)
    if m:
        return int(m.group(2) or m.group(1))  # 2021年至2024年，…共完成: the span's last year
    card = _REPORT_CARD.search(text, lo, hi)
    if card and _AIMED_CARD.search(text, max(lo, card.start() - 12), card.start()):
        return None  # 要奋力交出2025年…优异答卷: an aim, not a report card shown
    return int(card.group(1)) if card else None


_AIMED_CARD = re.compile(r"要|将|奋力|力争|努力|确保|争取")


_RV = load_vocab()["results"]
_NEWS_LEAD = re.compile(alternation(_RV["news_lead_words"]))
_PAST_SPAN = re.compile(alternation(_RV["past_time_cues"]))
_LEAD_INTENT = re.compile(intent_alternation(_RV["news_lead_intent"]))
_NAMED_YEAR = re.compile(r"(?=[12])(?<![到至於于\d\-—~－])((?:19|20)\d{2})\s*年(?!前|底前|以前|[\-—~－至到])")
_AIMED_BEFORE = re.compile(r"(?:力争|争取|计划|将|对标|确保|目标|预计|到|至)\s*$")


def _reported_year(text: str, m: re.Match) -> bool:
    """A year a review reports (2023年新建学校12所), not one it aims at (力争2026年底, 对标2035年) or a
    name's span (《…规划纲要（2024—2035年）》)."""
    before = text[max(0, m.start() - 4):m.start()]
    opened = text.rfind("《", 0, m.start())
    return not _AIMED_BEFORE.search(before) and not (opened != -1 and text.find("》", opened, m.start()) == -1)


# a headline opening on a year glued to a place's name, without 年 (2016哈尔滨惠民行动…)
_HEADLINE_YEAR = re.compile(r"(?m)^\s*(?:原标题|标题)?[:：]?\s*((?:19|20)\d{2})(?=[\u4e00-\u9fff])")


PLAN_TITLE = re.compile(alternation(_RV["plan_title_words"]))


def news_review_lead(text: str, lo: int, hi: int, title: str = "") -> bool:
    """A news page whose lead reports the past (记者从…获悉，近年来，…), with no word of intent in
    that sentence, and no plan's title above it (…实施方案 / 近年来…，制定本方案 is a plan's preamble)."""
    head = text[lo:min(hi, lo + 300)]
    m = _NEWS_LEAD.search(head)
    if not m or PLAN_TITLE.search(title) or PLAN_TITLE.search(head[:m.start()]):
        return False
    end = head.find("。", m.end())
    first = head[m.start():end] if end != -1 else head[m.start():]
    return bool(_PAST_SPAN.search(first) and not _LEAD_INTENT.search(first))


# a news story of a year's work meeting (召开2023年全县教育工作会议, …工作暨…动员会), not of a summing-up one
_MEETING_YEAR = re.compile(r"召开\s*((?:19|20)\d{2})\s*年(?:度)?(?:(?!总结)[^。\n]){0,30}?(?:工作会议|工作会|工作大会|动员会|推进会|部署会)")


def _year(title: str, text: str, pub_date: str) -> int | None:
    """The plan's year: the title's (a summary-and-plan title's plan year: 2024年工作总结及2025年工作
    计划 → 2025), else a plan heading's (2024年重点工作), else the year after a review heading's
    (2023年工作回顾), else a news page's publication year when it speaks of 今年, else the opening's
    (2024年是…), publication date, commonest."""
    m = (_TITLE_PERIOD.search(title) or _TITLE_PLAN_YEAR.search(title)
         or re.search(r"((?:19|20)\d{2})\s*年", title))
    if m:  # a multi-year plan (2023-2025年) is the plan of the year it starts
        return int(m.group(1))
    m = _PLAN_HEADING.search(text)
    if m:
        return int(m.group(1))
    m = _REVIEW_HEADING.search(text) or _REVIEW_PHRASE.search(text, 0, 1000)
    if m:  # 一、2023年工作回顾 / 在2025年工作回顾方面，报告提到: the report plans the year after
        return int(m.group(1)) + 1
    this_year = _THIS_YEAR.search(text[:3000])
    if pub_date and this_year:
        return int(pub_date[:4])  # a news page's 今年 is the year it was published
    named = five_year_plan_year(text[:3000]) if this_year else None
    if named:
        return named
    reviewed = reviewed_year(text, 0, 3000) if this_year else None
    if reviewed:  # 今年，株洲将… beside 报告指出，2022年，…取得新成效: the page is of 2023
        return reviewed + 1
    if _SESSION_NEWS.search(text[:3000]):  # a page on the 两会 or a government work report: the year it plans
        if pub_date:
            return int(pub_date[:4])
        planned = [int(m.group(1)) for m in _PLANNED_YEAR.finditer(text[:6000])]
        if planned:  # 报告指出，2024年，鄂州市将… on an undated page
            return max(planned)
    meeting = _MEETING_YEAR.search(text, 0, 600)
    if meeting:  # 眉县召开2023年全县教育体育工作…会: the meeting's year, though it looks back on the last
        return int(meeting.group(1))
    reviewed = reviewed_year(text, 0, 600)
    if reviewed:  # 2021年至2024年，全州共完成教育支出…: a review written when its span ends
        return reviewed
    if not pub_date and news_review_lead(text, 0, len(text), title):  # 近年来…: the latest year it reports
        named = [int(m.group(1)) for m in _NAMED_YEAR.finditer(text[:3000]) if _reported_year(text, m)]
        if named:
            return max(named)
    m = _OPENER.search(text[:600])
    if m and m.group().endswith(("以来,", "以来，")):
        # 2011年以来，…共计16所。…2017年，市城区启动…: a span's start; a later year the page opens a
        # sentence on is the page's
        later = [o for o in _OPENER.finditer(text, m.end(), 3000) if int(o.group("y")) > int(m.group("y"))]
        m = later[0] if later else m
    if m:  # a span that opens a plan's sentence is the plan of its first year; a review's, of its last
        plans = m.group("start") and _INTENT.match(text, m.end(), m.end() + 60)
        return int(m.group("start") if plans else m.group("y"))
    if pub_date:
        return int(pub_date[:4])
    own_plan = own_five_year_plan_year(text)
    if own_plan:
        return own_plan
    for m in _HEADLINE_YEAR.finditer(text[:300]):  # 2016哈尔滨惠民行动项目出炉: a headline's year
        if detect_region("", head=text[m.end():m.end() + 12]).region:
            return int(m.group(1))
    done = [m for m in _DONE_SPAN.finditer(text[:6000]) if _reported_year(text, m)]
    if done:  # 2018年至2020年，全市共新改扩建公办园87所: written after the span; of the year after when it plans on
        last = max(int(m.group(1)) for m in done)
        return last + 1 if _INTENT_AFTER.search(text, max(m.end() for m in done)) else last
    years = Counter(m.group(1) for m in re.finditer(r"((?:19|20)\d{2})年", text)
                    if not _FOUNDED.search(text, max(0, m.start() - 4), m.start()))
    return int(years.most_common(1)[0][0]) if years else None


def _pub_date(head: str) -> str:
    for pat in _PUB_DATE + [_PUB_DATE_DMY]:
        m = pat.search(head)
        if m:
            y, mo, d = (int(x) for x in (m.groups() if pat is not _PUB_DATE_DMY else reversed(m.groups())))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


# News datelines name where the news is from: 本报济宁讯, 人民网济南2月17日电, 新华社南京3月5日电
_DATELINE = re.compile(r"(?:本报|本网|记者站)([\u4e00-\u9fff]{2,8}?)讯|(?:网|社|台|报)([\u4e00-\u9fff]{2,6}?)\d{1,2}月\d{1,2}日电")


def _dateline_area(head: str) -> Region:
    m = _DATELINE.search(head[:800])
    return region_named(m.group(1) or m.group(2)) if m else Region()


def _issuing_area(title: str, head: str, body: str, issuer: str) -> Region:
    """The issuing body's area: 全国 for the State Council and ministries; else the place the
    title or the issuer names; else the place the document is most about."""
    if _NATIONAL.search(head[:600]) or _NATIONAL_ISSUER.match(title) or _NATIONAL_ISSUER.match(issuer):
        local = detect_region("", head=title) if title else Region()
        if not local.region:
            return NATIONAL
    for named in (title, issuer):
        if named:
            r = detect_region("", head=named)
            if r.region:
                # the body may name a lower level of that area (区 of a 市 named in the issuer)
                r_body = detect_region(body, head=named + "\n" + body[:300])
                # or settle a name several areas share (鼓楼区) by the places the body names
                same = (within(r_body.adcode, r.adcode)
                        or (r.county and r_body.county == r.county)
                        or (not r.county and r.city and r_body.city == r.city and not r_body.county))
                return r_body if same else r
    dateline = _dateline_area(head)
    if dateline.region:
        # a county of that city the body names more (本报济宁讯 about 任城区's schools) is more precise
        r_body = detect_region(body, head=title + "\n" + body[:300])
        return r_body if within(r_body.adcode, dateline.adcode) else dateline
    return detect_region(body, head=title + "\n" + body[:300])


def describe(text: str, doc_id: str, source_file: str, start: int, end: int) -> Document:
    body = text[start:end]
    head = body[:1500]
    title = _title(body)
    pub = _pub_date(head)
    issuer_m = _search_before(_ISSUER, _ISSUER_SUFFIX, 30, title) or _search_before(_ISSUER, _ISSUER_SUFFIX, 30, head)
    number_m = _search_before(_DOC_NUMBER, _DOC_NUMBER_TAIL_RE, 10, head)
    region = _issuing_area(title, head, body, issuer_m.group(1) if issuer_m else "")
    return Document(
        doc_id=doc_id, source_file=source_file, start=start, end=end, title=title,
        year=_year(title, body, pub), region=region,
        issuer=issuer_m.group(1).lstrip("、") if issuer_m else "",
        doc_number=re.sub(r"\s+", "", number_m.group(0)) if number_m else "",
        pub_date=pub,
    )


def split_documents(text: str, source_file: str) -> list[Document]:
    stem = re.sub(r"\.[^.]*$", "", source_file)
    points = split_points(text) + [len(text)]
    docs = [describe(text, "", source_file, s, e) for s, e in zip(points, points[1:]) if e > s]
    # A task list or annex of the same area and year belongs to the plan before it.
    merged: list[Document] = []
    for d in docs:
        if merged and (d.region.region, d.year) == (merged[-1].region.region, merged[-1].year):
            merged[-1].end = d.end
        else:
            merged.append(d)
    for prev, d in zip(merged, merged[1:]):
        if not d.region.region and prev.region.region:
            d.region = prev.region  # a part with no place of its own (2025年工作思路) is the same body's
    for i, d in enumerate(merged):
        d.doc_id = f"{stem}#{i + 1}"
    return merged
