"""The decision for each candidate number, as an ordered list of small named rules.

A candidate (a number with a unit, read in its sentence and clause) goes through
EXCLUSIONS first (codebook section 2: dates, ordinals, names, slogans, the document's own
parts …): the first rule that fires excludes it. What is left goes through STATUS_RULES
(codebook section 6): the first that fires makes it a `result` (a past achievement or a
progress report); if none fires it is a `target`. RESULT_EXCLUSIONS then drop results
that are not about the issuing body's own accomplishments (the world economy, a target
restated inside a review).

Every rule is a pure function of the candidate, named for what it recognises, so a
decision can be explained (`python -m targets explain FILE`) and each rule tested alone.
Vocabularies live in vocab.yaml.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from .cell_tables import _DONE_HEAD, is_done_header
from .line_start import LineStartPattern
from .numerals import CN_NUMERAL_CHARS, five_year_plan_start, parse_number
from .vocab import alternation, first_chars, intent_alternation, load_vocab, obtained_alternation

V = load_vocab()
EX = V["exclusions"]
RS = V["results"]
CN = f"[{CN_NUMERAL_CHARS}]+"


class _SpanSetLike:  # typing only: finder._SpanSet
    def covering(self, pos: int): ...


@dataclass
class DocContext:
    """What the rules need to know about the whole document (built once per document)."""

    text: str
    lo: int
    hi: int
    year: int | None
    books: _SpanSetLike
    quotes: _SpanSetLike
    review: _SpanSetLike
    spam: _SpanSetLike | None = None  # lines of spam phrases a reposting site put on the page
    related_from: int | None = None  # where a news page's list of other stories (新闻推荐⏎…) begins
    summary: bool = False  # a work summary (工作总结): it reports the year
    summary_year: int | None = None  # the year it reports (2024年工作总结及2025年工作思路: 2024)
    plan_part: _SpanSetLike | None = None  # inside a summary, the part that plans ahead (下一步工作打算)
    review_periods: dict = field(default_factory=dict)  # review span start → period
    opens_past: dict = field(default_factory=dict)  # paragraph start → does it open on the past (memo)
    time_index: tuple | None = None  # the document's time cues (_time_index)
    time_memo: dict = field(default_factory=dict)  # (paragraph floor, sentence start) → last time cue before
    has_past: bool | None = None  # does it name any past time (_has_past_cue)
    progress_part: _SpanSetLike | None = None  # lines under a progress label (完成情况:…)
    task_part: _SpanSetLike | None = None  # lines under a task label (考核任务:…), and task headings
    reviews_itself: dict = field(default_factory=dict)  # paragraph window → achievements_paragraph (memo)
    addressees_end: int | None = None  # where its first 各乡镇人民政府： line ends (_addressees_end)
    plan_title: bool = False  # its title (or first line) names a plan (工作要点, 实施方案 …)
    news_review: bool = False  # a summary only by its news lead (记者…获悉，近年来，…)
    news_page: bool = False  # a news page (本报讯, 记者…获悉 in its head) under no plan's title
    undated: bool = False  # no title and no publication date: its year was read from its body
    # an undated page's (2021年我县共资助…, or 全年共… after its year) reporting statement and the
    # places of its words of intent (_own_year_reports), found once
    own_year_report: tuple | None = None
    statistics_page: bool | None = None  # levels compared with last year, no word of intent (statistics_page)
    national: bool = False  # issued for the whole country (its region is 全国)


@dataclass(slots=True)
class Candidate:
    """One number with its unit and the text around it (normalised offsets)."""

    doc: DocContext
    s: int
    e: int
    num_start: int
    unit: str
    n1: str | None
    n2: str | None
    value_max: float | None
    sent_s: int
    sent_e: int
    cl_s: int
    cl_e: int
    left_sent: str
    left_clause: str
    after: str
    approx: str | None
    is_cn: bool
    is_pct: bool
    norm_strong: bool
    norm_hit: bool
    comparator: str = "="
    quote_span: tuple | None = None
    progress_label: str | None = None  # the period of the progress-column cell holding it
    measured_cell: bool = False  # that cell is under an earlier year's 实际 column
    task_column: bool = False  # a progress table's cell under its task column (目标任务)
    future_sent: bool | None = None  # memo of _future_in_sent
    future_clause: bool | None = None  # memo of _future_in_clause
    text: str = ""  # the document's text (doc.text), a slot: the rules read it ~70 times, a property call each

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.doc.text


Rule = Callable[[Candidate], bool]


# --- exclusions (codebook section 2) ---------------------------------------------------------

ORDINAL_BEFORE = tuple(EX["ordinal_before"])
_AFTER_UNIT = tuple(EX["after_unit"]) + ("年",)
_AFTER_UNIT_WORDS_NOT = tuple(EX["after_unit_words_not"])
_COUNTERS = alternation(EX["page_counters"])
_PAGE_COUNTER = re.compile(rf"(?:{_COUNTERS})(?:次数|量|数|人数)\s*[:：]?\s*$|(?:{_COUNTERS})\s*[:：]\s*$")
_CONCEPT_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{alternation(EX['concept_suffixes'])})")
# (以下简称为2023年) defines a short name for a period: no frame
_FRAME = re.compile(alternation(EX["frame_words"]).replace("简称", "简称(?<!以下简称)"))  # a leading lookbehind is tried at every position
_FRAME_CLAUSE = re.compile(alternation(EX["frame_words_clause"]))
_RULE_NOUNS = tuple(EX["rule_nouns"])
_ABSTRACT = tuple(EX["abstract_nouns"])
_ABSTRACT_HEADS = {w[:2] for w in EX["abstract_nouns"] if len(w) >= 2}
_PART_BEFORE = re.compile(rf"(?:{alternation(EX['own_parts']['before'])})\s*$")
# 实施10项民生实事：…, 落实好25项教育要点。: a short qualifier may come before the noun
# …or the line ends there (a headline: 解读2017:十件实事)
_PART_NOUN_END = re.compile(rf"\s*[\u4e00-\u9fff]{{0,2}}?(?:{alternation(EX['own_parts']['nouns'])})[^\S\n]*"
                            rf"(?:{alternation(EX['own_parts']['then'])}|\n|$)")
# (30项2023年区政府民生实事项目, 36项区重点民生实事候选项目: its year and whose list may come between)
_LIST_NOUN = re.compile(rf"\s*(?:(?:19|20)\d{{2}}\s*年度?)?[\u4e00-\u9fff]{{0,5}}?(?:{alternation(EX['own_parts']['list_nouns'])})")
_NOUN_AFTER_CN = re.compile(r"\s*(?:以上|以内|左右)?(?:的)?([\u4e00-\u9fff]{1,4})")


def ordinal(c: Candidate) -> bool:
    """第十二届, 建党103周年, 为期3天: ordinals, anniversaries, lengths of events."""
    return (c.text[max(c.doc.lo, c.s - 2):c.s].strip().endswith("第")
            or c.left_clause.rstrip().endswith(ORDINAL_BEFORE))


_SESSION_BEFORE = re.compile(rf"届\s*(?:{alternation(EX['session']['before_organs'])})?\s*$")  # 十 届 七 次: PDF text spaces its characters
_SESSION_AFTER = re.compile(rf"(?:[、和及](?:{CN}|\d+)次)*(?:{alternation(EX['session']['after'])})")
_SESSION_UNITS = tuple(EX["session"]["units"])


def session(c: Candidate) -> bool:
    """四届三次全会, 十四届全国人大二次会议: the session of a congress or committee, an ordinal
    (召开会议3次 still counts meetings)."""
    return (c.unit in _SESSION_UNITS
            and bool(_SESSION_BEFORE.search(c.text, max(c.doc.lo, c.s - 8), c.s)
                     or _SESSION_AFTER.match(c.after)))


_HONOUR_AFTER = tuple(EX["honour_after"])


def honour_name(c: Candidate) -> bool:
    """“全省百名优秀教师”称号: the number is part of the name of an honour."""
    q = c.quote_span
    return bool(q) and c.text.startswith(_HONOUR_AFTER, q[1])


_BACKGROUND = re.compile(rf"(?:{alternation(EX['background_words'])})[^，,。；;：:]{{0,12}}$")
_BUILDINGS = tuple(EX["background_not_after"])


def background_fact(c: Candidate) -> bool:
    """总面积493平方千米, 总人口33万人, 县辖3个镇: what a place is, not what a plan commits to
    (常住人口控制在50万以内 still counts: a comparator commits to it)."""
    m = _BACKGROUND.search(c.left_clause) if c.comparator == "=" and not c.is_pct else None
    if not m:
        return c.comparator == "=" and _divisions_listed(c.left_sent)
    return not _DELIVERY.search(c.left_clause) and not c.left_clause.endswith(_BUILDINGS, 0, m.start())


_NATIONAL_BODY = re.compile(alternation(EX["national_bodies"]))
_NATIONAL_ACT_VERB = re.compile(alternation(EX["national_acts"]))
_NATIONAL_BODY_NOT_AFTER = tuple(EX["national_body_not_after"])


def national_act(c: Candidate) -> bool:
    """On a local page, 教育部日前印发通知，…共认定301个县为普惠县: what a national body decided or
    listed is the country's. Not where the page acts on it (经教育部认定，我县新增3所…) or on a page of
    the country's own."""
    if c.doc.national or "部" not in c.left_sent and "国" not in c.left_sent and "中" not in c.left_sent:
        return False
    # the act is the number's own clause's verb (…，2024年共认定301个县): a later clause has its own
    # subject (教育部…认定一批示范区，某某区成功入选，获得奖补资金500万元)
    act = _NATIONAL_ACT_VERB.search(c.left_clause)
    if act is None:
        return False
    act_at = len(c.left_sent) - len(c.left_clause) + act.start()
    for m in _NATIONAL_BODY.finditer(c.left_sent, max(0, act_at - 60), act_at):
        if not c.left_sent.endswith(_NATIONAL_BODY_NOT_AFTER, 0, m.start()) and not _LOCAL_SUBJECT.search(c.left_sent, m.end()):
            return True
    return False


_LIST_HOLDER = re.compile(rf"[^，,。；;]{{0,20}}?(?:{alternation(EX['list_holders'])})")


def list_size(c: Candidate) -> bool:
    """在最终公布的100个2024年中国基础教育创新案例名单中，…入选: the size of a list the page's entry joined."""
    rest = c.text[c.e:c.cl_e]
    return (("名" in rest or "榜" in rest) and bool(_LIST_HOLDER.match(rest))
            and not _ENTERED.search(rest))  # 15所学校列入省级示范校名单中: what entered it


_ENTERED = re.compile(r"列入|纳入|进入|入选|被|获")

# a local subject after the national act takes the sentence back (…公布，我县3所学校…)
_LOCAL_SUBJECT = re.compile(r"我[省市区县州旗]|全[省市区县州旗]|本[省市区县州旗]|[省市区县州旗](?:委|政府|教育局|教体局|教育体育局|教育和体育局)")


_DIVISIONS = re.compile(alternation(EX["division_words"]))
_DIVISION_ITEMS = re.compile(r"(?:\s*\d+\s*个[\u4e00-\u9fff()（）]{1,8}[，,、])+\s*")


def _divisions_listed(left_sent: str) -> bool:
    """下辖9个乡镇场,47个行政村、15个社区: the items after the first go on counting the divisions."""
    if left_sent.rstrip()[-1:] not in ("，", ",", "、"):  # the items end at the number: a cheap test first
        return False
    m = None
    for m in _DIVISIONS.finditer(left_sent):
        pass
    return m is not None and _DIVISION_ITEMS.fullmatch(left_sent, m.end()) is not None


# a commitment (确保, 力争, 将新建): stronger than the intent words of _FUTURE (今年, 计划)
_COMMIT = re.compile(rf"确保|力争|{intent_alternation(['争取'])}|要求|将(?![\d其之])|拟|计划为|目标为|任务为")
_ONE_OF = re.compile(rf"[^，,。；;、]{{0,14}}?(?:{alternation(EX['one_of_after'])})")


def one_of(c: Candidate) -> bool:
    """全国首批22个扩权县之一: the size of a set the place belongs to."""
    return "之一" in c.after and bool(_ONE_OF.match(c.after)) and not _COMMIT.search(c.left_clause)


_COMPARISON_OPEN = re.compile(rf"(?:{alternation(RS['comparison_open'])})(?:{alternation(RS['comparison_base'])}|(?:19|20)\d{{2}}年)"
                              r"[^，,。；;]{0,20}$")
_COMPARISON_CLOSE = re.compile(rf"[^，,。；;]{{0,20}}?(?:{alternation(RS['comparison_close'])})")


def comparison_base(c: Candidate) -> bool:
    """与去年37个项目涉及13个区相比: the base a comparison starts from."""
    return bool(_COMPARISON_CLOSE.match(c.after)) and bool(_COMPARISON_OPEN.search(c.left_clause))


def related_news(c: Candidate) -> bool:
    """新闻推荐⏎华阴：小麦春管…组织种粮大户等40余人…: teasers of other stories under a page, not the page's."""
    return c.doc.related_from is not None and c.s >= c.doc.related_from


def spam_line(c: Candidate) -> bool:
    """A line of spam phrases a reposting site put above the page (…国产精品…40分钟…)."""
    return bool(c.doc.spam and c.doc.spam.covering(c.s))


_PHASE_UNITS = tuple(EX["phase_units"])
_PHASE_AFTER = tuple(EX["phase_after"])
_PHASE_BEFORE = tuple(EX["phase_before"])


def building_phase(c: Candidate) -> bool:
    """天涯中学(三期), 桂雅路小学二期, 二期工程, 学前教育三期“三年行动计划”: a phase names a project or
    a programme (6期名师课堂 counts)."""
    return (c.unit in _PHASE_UNITS and c.is_cn  # phases are 一期, 二期 (举办家长学校12期 counts sessions)
            and (c.after.lstrip().startswith(_PHASE_AFTER) or c.left_clause.rstrip().endswith(_PHASE_BEFORE)
                 or bool(_PROGRAMME_AFTER.match(c.after))))


def name_age_or_version(c: Candidate) -> bool:
    """75周年, 3岁, 3.0版, 2025年期间: the number is part of a name, an age or a version
    (but 2个年级 counts grades, 9支代表队 teams)."""
    return c.after.startswith(_AFTER_UNIT) and not c.after.startswith(_AFTER_UNIT_WORDS_NOT)


def plan_name(c: Candidate) -> bool:
    """《…三年行动计划(2023-2025)》, 青教〔2024〕1号: inside a title or a document number."""
    return bool(c.doc.books.covering(c.s))


_CONTACT = re.compile(rf"(?:{alternation(EX['contact_labels'])})\s*[:：]")


_COUNTED_AFTER = tuple(EX["counted_after"])
_COMMENT_LINE = re.compile(alternation(EX["comment_line_words"]))


def page_counter(c: Candidate) -> bool:
    """浏览次数:3521次, 地址:某某区某某湾1栋, 我来说两句 0人参与,0条评论: web page chrome."""
    left = c.left_sent
    if (":" in left or "：" in left) and (_PAGE_COUNTER.search(left[-12:]) or _CONTACT.search(left)):
        return True
    if not (c.unit + c.after).startswith(_COUNTED_AFTER):
        return False
    line_start = max(c.doc.lo, c.text.rfind("\n", c.doc.lo, c.s) + 1)
    line_end = c.text.find("\n", c.e, c.doc.hi)
    line_end = c.doc.hi if line_end < 0 else line_end
    # a short line that is no sentence: one that names 评论员 and ends in 。 is prose
    return (line_end - line_start <= 40 and c.text.find("。", line_start, line_end) < 0
            and bool(_COMMENT_LINE.search(c.text, line_start, line_end)))


def concept_name(c: Candidate) -> bool:
    """15分钟教育服务圈: the number names a concept, not a goal."""
    return c.unit in EX["concept_units"] and bool(_CONCEPT_AFTER.match(c.after))


_SIZE_NOUNS = alternation(EX["size_defined_nouns"])
_SIZE_NOUN_AFTER = re.compile(rf"\s*(?:及以上|以上|及以下|以下)?\s*(?:的)?\s*(?:{_SIZE_NOUNS})")
_SIZE_NOUN_BEFORE = re.compile(rf"(?:{_SIZE_NOUNS})\s*[(（]\s*$")


def size_threshold(c: Candidate) -> bool:
    """消除56人以上大班额, 大班额（56人及以上）: the class size that defines what is counted."""
    return c.unit == "人" and bool(_SIZE_NOUN_AFTER.match(c.after) or _SIZE_NOUN_BEFORE.search(c.left_clause))


_NUMERAL_WORDS = re.compile(alternation(EX["numeral_words"]))
_NUMERAL_WORD_REACH = max(map(len, EX["numeral_words"]))


def numeral_word(c: Candidate) -> bool:
    """进一步, 一站式, 千家万户: a word that contains a numeral. Looked for around the number only:
    a scan of the whole document cost more than every other numeral rule together."""
    if not c.is_cn:
        return False
    p = c.num_start
    for m in _NUMERAL_WORDS.finditer(c.text, max(c.doc.lo, p - _NUMERAL_WORD_REACH + 1), p + _NUMERAL_WORD_REACH):
        if m.start() > p:
            break
        if p < m.end():
            return True
    return False


def quoted_slogan(c: Candidate) -> bool:
    """“5+2”, “两个只增不减”, 六个百分百: a short quoted name counts as a slogan, unless it
    is a rate or a norm, or its items are spelled out before it."""
    q = c.quote_span
    if not (q and q[1] - q[0] - 2 <= 12) or _QUOTED_TASK_LISTED.match(c.text, q[1]):
        return False  # “新建幼儿园8所”列为十件民生实事之一: the quote names a task (task_named)
    if not c.is_pct and not c.norm_hit:
        return True
    slogan = _COUNTED.match(c.text[q[0]:c.s][-6:].lstrip("“"))
    return bool(slogan) and not list_count_before(c.text, q[0], int(parse_number(slogan.group(1)) or 0))


_QUOTED_LIST_REACH = 300  # how far back a quoted list of names may open


def quoted_items_counted(c: Candidate) -> bool:
    """“党建领航工程、立德树人工程、…、教育治理创新工程”九项工程: right after a quoted list of names, the
    count of its items (as many as it names) is the document's structure, not an amount."""
    if c.s <= c.doc.lo or c.text[c.s - 1] not in "”\"」" or c.n2:
        return False
    if c.unit not in EX["own_parts"]["units"]:
        return False  # “城东小学、二中、城南幼儿园”3所学校新建工程: schools counted, to be built
    opened = c.text.rfind("“" if c.text[c.s - 1] == "”" else "「", max(c.doc.lo, c.s - _QUOTED_LIST_REACH), c.s - 1)
    if opened < 0:
        return False
    items = [x for x in re.split(r"[、，,；;]", c.text[opened + 1:c.s - 1]) if x.strip()]
    n = parse_number(c.n1 or "")
    return n is not None and len(items) >= 2 and n == len(items)


_COUNTED = re.compile(rf"“?({CN})个")
_COUNT_BEFORE = re.compile(rf"({CN})个$")
_PERCENT_AFTER = re.compile(r"(?:\d+(?:\.\d+)?\s*%|百分百|百分之)")


def counted_percentages(c: Candidate) -> bool:
    """“四个100%”: a count of percentages before a rate is a slogan (unless the items are listed);
    and the count itself (四个 before 100%) is not a target either."""
    if c.is_pct and not (c.quote_span and c.quote_span[1] - c.quote_span[0] - 2 <= 12):
        before = c.text[max(c.doc.lo, c.s - 3):c.s]
        cnt = _COUNT_BEFORE.search(before)
        if cnt and not list_count_before(c.text, c.s - len(cnt.group(0)), int(parse_number(cnt.group(1)) or 0)):
            return True
    return not c.is_pct and bool(_PERCENT_AFTER.match(c.after))


def reference_frame(c: Candidate) -> bool:
    """对标……4方面38项指标, 概括为: a frame of reference, not a commitment."""
    return bool(_FRAME.search(c.left_sent) or _FRAME_CLAUSE.search(c.left_clause))


_LINE_NOUNS = tuple(EX["line_nouns"])


def rule_set_name(c: Candidate) -> bool:
    """八项规定, 十项准则, “体教融合”新10条: names of rule sets."""
    if c.unit not in EX["rule_units"]:
        return False
    if c.after.lstrip().startswith(_RULE_NOUNS):
        return True
    # nothing after it: 减负十条, 一揽子政策33条, 省十二条 name rule sets; of 项 only when it says so
    # (新10项, a quoted “十项”): 开展比赛41项, 完成重点项目12项 count what is done
    return not c.after.strip() and ((c.unit == "条" and not c.left_clause.rstrip().endswith(_LINE_NOUNS))
                                    or c.left_clause.rstrip().endswith("新") or c.quote_span is not None)


_EVERY_BEFORE = re.compile(r"每(?:隔)?\s*$")


def every_period(c: Candidate) -> bool:
    """每2周, 每隔3天: the number is the period of a norm, not its amount."""
    return c.unit in EX["period_units"] and bool(_EVERY_BEFORE.search(c.left_clause))


_COMPLETED_PARTS = ("完成", "办好", "办结", "办成")


_HEADING_NAME = re.compile(r"(?:计划|工程|行动|项目|实事|任务|措施|指标)\s*[(（]$")


def document_parts(c: Candidate) -> bool:
    """以上5项指标, 提出4项保障措施, 实施10项民生实事: counts of the plan's own items."""
    if c.unit not in EX["own_parts"]["units"]:
        return False
    if c.left_clause.endswith(_COMPLETED_PARTS):
        return False  # 全面完成50项民生实事: the items delivered are counted, not listed
    if _PART_BEFORE.search(c.left_clause):
        return True
    if c.unit in ("项", "件", "条") and c.text[c.s - 1:c.s] in ("(", "（") and c.text[c.e:c.e + 1] in (")", "）") \
            and _HEADING_NAME.search(c.left_clause):
        return True  # 教育质量提升计划(4项): a heading's count of its own items
    return bool(_PART_NOUN_END.match(c.text, c.e, min(c.cl_e + 1, c.doc.hi))
                or _LIST_NOUN.match(c.text, c.e, min(c.cl_e, c.doc.hi)))


_FORECAST = re.compile(rf"(?:{alternation(EX['forecast_words'])})(?P<rest>[^，,。；;]*)$")
_DELIVERY = re.compile(alternation(EX["delivery_verbs"]))


def forecast(c: Candidate) -> bool:
    """预计今年高校毕业生1170万人: a projection of something the plan does not deliver. In the review of
    a year just ended (数字经济占比预计达35%左右: its statistics are not final) it is what was reached."""
    m = _FORECAST.search(c.left_clause)
    if not m or any(_delivers(d, m.group("rest")) for d in _DELIVERY.finditer(m.group("rest"))):
        return False
    # a review's 预计达…, and 预计全年地区生产总值415亿元 after 去年以来: the year just ended
    reviewing = c.doc.review.covering(c.s) or (m.group("rest").startswith("全年") and _cue_kind(
        _own_time_cue(c) or _last_time_cue(c), c.doc.year) == "past")
    return not (reviewing and (_REACHED.match(m.group("rest")) or m.group("rest").startswith("全年")))


# 预计达…, 预计增长…: a level or change reached (not 预计2025年建成, 预计明年)
_REACHED = re.compile(r"[^，,。；;\d年]{0,2}(?:达到|达|增长|提高|下降|完成|实现|突破|超过)")


def _delivers(verb: re.Match, rest: str) -> bool:
    """预计9月份投用5所, 预计总投资2.46亿元 deliver; 预计竣工后每年接待游客10万人次, 预计投资收益率8% do
    not: what follows the delivery, or 投资 as a noun."""
    after = rest[verb.end():]
    if "后" in after[:3]:
        return False
    return verb.group() != "投资" or not after.strip()


_FROM_BEFORE = re.compile(rf"(?:{alternation(EX['from_value']['before'])})[^，,。；;]{{0,16}}$")
_TO_AFTER = re.compile(rf"[^，,。；;]{{0,12}}?(?:{alternation(EX['from_value']['to'])})")


def from_value(c: Candidate) -> bool:
    """报销比例由50%提高到60%, 现行16%的税率降至13%: the starting level, not the goal."""
    return bool(_FROM_BEFORE.search(c.left_clause)) and bool(_TO_AFTER.match(c.after))


_PROGRAMME_AFTER = re.compile(rf"[^，,。；;]{{0,12}}?(?:{alternation(EX['programme_words'])})")


def programme_name(c: Candidate) -> bool:
    """新一轮千亿斤粮食产能提升行动: a round magnitude naming a programme."""
    return (bool(c.n1) and not c.n2 and not c.n1.strip("百千万亿")
            and bool(_PROGRAMME_AFTER.match(c.after)))


_ENUMERATED_PARTS = tuple(EX["enumerated_parts"])


def abstract_count(c: Candidate) -> bool:
    """三个助手, 两个文件, 五大体系: a Chinese count of abstract things; …、…和…10个方面: the count
    of the items just listed."""
    if c.is_pct:
        return False
    if not c.is_cn:
        return c.after.startswith(_ENUMERATED_PARTS) and c.left_clause.count("、") >= 2
    m = _NOUN_AFTER_CN.match(c.after)
    if not m:
        return False
    noun = m.group(1)
    return noun.startswith(_ABSTRACT) or (len(noun) >= 2 and noun[:2] in _ABSTRACT_HEADS)


def article_numeral(c: Candidate) -> bool:
    """一项政治任务, 一次集中培训: bare 一 reads as an article unless a norm or a comparator."""
    return c.is_cn and c.n1 in V["weak_numerals"] and not c.norm_hit and c.comparator == "="


_LONE_MAGNITUDES = frozenset({"万", "亿", "千万", "百万", "千亿", "万亿"})


_COUNTED_BEFORE = re.compile(rf"\d(?:\.\d+)?\s*[万千]?\s*(?:{alternation(EX['attribute_after_classifiers'])})$")  # glued: 3000个 5所 are two cells


def attribute_of_counted(c: Candidate) -> bool:
    """完成超230个50户以上木质房屋连片村寨: a number right after a count (230个) describes what is
    counted (villages of 50 households or more); it is not a second amount."""
    return not c.is_pct and bool(_COUNTED_BEFORE.search(c.left_clause))  # 3个100%: three rates of 100%


def kinds_listed(c: Candidate) -> bool:
    """高血压、糖尿病、严重精神障碍、肺结核4种慢病: a tally of the kinds just named, not an amount."""
    if c.unit not in ("种", "类") or c.n2:
        return False
    n = parse_number(c.n1) if c.n1 else None
    return bool(n) and n >= 2 and items_listed_before(c.text, c.num_start) == n


def lone_magnitude(c: Candidate) -> bool:
    """投资万元, 上亿人, 几千万人: a magnitude with no digit before it (lost in a repost, or a vague
    amount) is not a number."""
    return c.n1 in _LONE_MAGNITUDES and not c.n2


EXCLUSIONS: list[tuple[str, Rule]] = [
    ("spam_line", spam_line),
    ("related_news", related_news),
    ("ordinal", ordinal),
    ("building_phase", building_phase),
    ("session", session),
    ("honour_name", honour_name),
    ("background_fact", background_fact),
    ("national_act", national_act),
    ("list_size", list_size),
    ("one_of", one_of),
    ("name_age_or_version", name_age_or_version),
    ("plan_name", plan_name),
    ("page_counter", page_counter),
    ("concept_name", concept_name),
    ("size_threshold", size_threshold),
    ("numeral_word", numeral_word),
    ("quoted_slogan", quoted_slogan),
    ("quoted_items_counted", quoted_items_counted),
    ("counted_percentages", counted_percentages),
    ("reference_frame", reference_frame),
    ("rule_set_name", rule_set_name),
    ("every_period", every_period),
    ("document_parts", document_parts),
    ("forecast", forecast),
    ("from_value", from_value),
    ("comparison_base", comparison_base),
    ("programme_name", programme_name),
    ("abstract_count", abstract_count),
    ("article_numeral", article_numeral),
    ("lone_magnitude", lone_magnitude),
    ("attribute_of_counted", attribute_of_counted),
    ("kinds_listed", kinds_listed),
]


# --- status: target or result (codebook section 6) ------------------------------------------

# the lookahead first lets the engine skip characters no past word starts with (3x faster)
# 近年 reports when it opens what was done (近年新建…7所), not when it describes a noun (近年结存的利润)
_PAST_ALTERNATION = "|".join(w + r"(?![\u4e00-\u9fff]{0,2}的)" if w == "近年" else w
                             for w in obtained_alternation(EX['past_words']).split("|"))
# 比去年, 较上年, 高于去年: last year compared with, not the time of the sentence
_PAST_WORD = re.compile(rf"{first_chars(EX['past_words'])}(?<![较比与])(?<!高于)(?<!低于)(?<!多于)(?<!少于)(?<!快于)(?<!慢于)"
                        rf"(?:{_PAST_ALTERNATION})")
# 2022年，全县新增…; 2022年，蕲春投入…: a year, an optional subject (a place, 全县, 我市), a verb
_PAST_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*[至到—-]\s*(?:19|20)\d{2}\s*年)?(?:底|末|度|全年|秋季|春季|上半年|下半年)?[,，]?\s*(?:全[省市区县]|我[省市区县]|(?!的?基础|以来)[\u4e00-\u9fff]{2,4}?)?\s*"
                        r"(?:共|已|完成|新增|建成|实现|累计|新建|培育|创建|投入)")
_REVIEW_OPENER = re.compile(rf"\s*(?:{alternation(RS['paragraph_openers'])})")
_ACHIEVED = re.compile(alternation(RS["achievement_words"]))
# the lookahead first lets the engine skip characters no word of intent starts with
_FUTURE = re.compile(rf"{first_chars(RS['future_words'])}(?:{intent_alternation(RS['future_words'])})")
_DATED_PAST_OBTAINED = tuple(RS["obtained_when_dated_past"])
# 今年 is the page's own year, neither ahead nor past: in a report's 今年已新增… nothing is aimed at
_FUTURE_BUT_THIS_YEAR = re.compile(intent_alternation([w for w in RS["future_words"] if w not in ("今年", "本年")]))
_FUTURE_DATED_PAST = re.compile(intent_alternation([w for w in RS["future_words"] if w not in _DATED_PAST_OBTAINED]))


def _future_in_sent(c: Candidate) -> bool:
    """Is there a word of intent in the number's sentence before it? (asked by several rules: once)"""
    if c.future_sent is None:
        c.future_sent = bool(_FUTURE.search(c.left_sent))
    return c.future_sent


def _future_in_clause(c: Candidate) -> bool:
    if c.future_clause is None:
        c.future_clause = bool(_FUTURE.search(c.left_clause))
    return c.future_clause


_YEAR_DONE_OPENER = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:度)?[^。；;\n将]{0,30}?(?:超额完成|圆满完成|全面完成|顺利完成|如期完成|取得)")
_YEAR_OPENER = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])?\s*((?:19|20)\d{2})\s*年(?:以来|，|,|[\u4e00-\u9fff]{0,3}(?:全年|中|里))")


def in_measured_column(c: Candidate) -> bool:
    """An indicator table's column of an earlier year's measured values (2023年实际, 2023年现状)
    reports where things stood, next to the columns of targets."""
    return c.measured_cell


def in_progress_column(c: Candidate) -> bool:
    """A task table's 完成情况 / 进展情况 column reports what was done, unless its cell names a year to
    come before the number (2025年完成…小学建设，为金阳新城增加学位1080个: still planned)."""
    if c.progress_label is None:
        return False
    return not (c.doc.year and any(int(y) > c.doc.year for y in _SENT_YEAR.findall(c.left_sent)))


def in_review_section(c: Candidate) -> bool:
    """一、2023年工作回顾 … 二、2024年重点任务: the review part of a plan or report."""
    return bool(c.doc.review.covering(c.s))


def paragraph_start(text: str, lo: int, pos: int, reach: int = 400) -> int:
    """Start of the line holding pos; a line longer than `reach` is looked at only that far back
    (a run-on line without newlines must not make every number rescan it)."""
    floor = max(lo, pos - reach)
    return max(floor, text.rfind("\n", floor, pos) + 1)


_PARAGRAPH_REACH = 3000


def review_paragraph(c: Candidate) -> bool:
    """A paragraph that opens on the past (过去一年, 去年以来, 2023年, 一年来) reviews it, unless
    the number's own sentence looks ahead (今年, 力争, 将). A paragraph of a work report runs to 2,000
    characters (过去五年，…城镇新增就业超过6000万人 far into it): its start is looked for that far back (a
    search for a line break; the opening is read once a paragraph)."""
    p = paragraph_start(c.text, c.doc.lo, c.s, _PARAGRAPH_REACH)
    opens_past = c.doc.opens_past.get(p)
    if opens_past is None:  # the numbers of a paragraph share its opening
        head = c.text[p:p + 30]
        opens_past = bool(_REVIEW_OPENER.match(head))
        if not opens_past and c.doc.year and "年" in c.text[p:p + 60]:
            # 2016年，…; or 2016年我省惠民重点工程任务超额完成。: a past year whose first sentence says it was done
            m = _YEAR_OPENER.match(head) or _YEAR_DONE_OPENER.match(c.text, p, p + 60)
            opens_past = bool(m) and int(m.group(1)) < c.doc.year
        c.doc.opens_past[p] = opens_past
    # a long paragraph (a page pasted as one line) may turn to the plan: 我们将重点抓好以下工作。一是…
    return opens_past and not _future_in_sent(c) and not _TURNS_AHEAD.search(c.text, p, c.sent_s)


_TURNS_AHEAD = re.compile(r"我们将|将重点|下一步|新的一年|今年|明年|今后")


_REVIEW_MARKER = re.compile(alternation(RS["review_markers"]))
_WINDOW = 400  # how far either side of a number its paragraph is read


def achievements_paragraph(c: Candidate) -> bool:
    """民生保障更有温度。15件民生实事高效推进。建成“劳动者港湾”11个。…入选全国示范…: a paragraph with
    two phrases that only report, and no word of intent, reviews (an excerpt of a work report's
    review, with no heading to say so). Not in a plan's page: its goals say 成功创建 too."""
    if c.doc.plan_title or c.doc.summary or not c.doc.year:
        return False
    t = c.text
    line_start = paragraph_start(t, c.doc.lo, c.s, _WINDOW)
    line_end = t.find("\n", c.s, min(c.doc.hi, c.s + _WINDOW))
    line_end = min(c.doc.hi, c.s + _WINDOW) if line_end < 0 else line_end
    key = (line_start, line_end)
    known = c.doc.reviews_itself.get(key)
    if known is None:
        window = t[line_start:line_end]
        known = c.doc.reviews_itself[key] = len(_REVIEW_MARKER.findall(window)) >= 2 and not _FUTURE.search(window)
    return known and not _TURNS_AHEAD.search(t, line_start, c.sent_s)  # …。我们将重点抓好以下工作。一是…


# …占年度投资目标的16.22% is the share done, not the task
_TASK = re.compile(rf"{first_chars(RS['assigned_task_words'])}(?<!占)(?<!占年度)(?<!占全年)(?:{alternation(RS['assigned_task_words'])})")


def under_progress_label(c: Candidate) -> bool:
    """2、完成情况:…完成投资167万元; 推进情况:1. 开展培训5585人次: what a labelled report says was
    done, unless its clause plans (计划6月底前完工)."""
    if not (c.doc.progress_part and c.doc.progress_part.covering(c.s)) or _future_in_clause(c):
        return False
    if c.doc.plan_title and not c.doc.summary:
        return False  # a plan's 建设进度： or 工作进展： schedules (4月底前开工改造小区12个)
    if c.doc.plan_part and c.doc.plan_part.covering(c.s):
        return False
    return not _DUE_BY.search(c.text, c.sent_s, c.s)


_DUE_BY = re.compile(r"(?:\d{1,2}月|年)(?:份)?(?:底|末)?(?:前|以前)")


_NEXT_STEP_WORDS = re.compile(r"下一步|今后|明年|来年|将")
# 争取上级资金1.2亿元 in a summary's review: the funds it brought in, not an aim
_STRIVE_OBTAINED = re.compile(rf"争取[^，,。；;\d]{{0,12}}?(?:{alternation(RS['obtained_objects'])})")


def summary_document(c: Candidate) -> bool:
    """A work summary (2024年工作总结) reports its year, outside its 下一步工作打算 part."""
    # intent in its clause, a commitment anywhere before it in the sentence (全年将新改扩建学校178所，
    # 新增学位20万个), or intent last named in its paragraph (…。其中，新建公办普高18所) plans; a report's
    # 今年 or 按照年初计划 does not
    if not c.doc.summary or (c.doc.plan_part and c.doc.plan_part.covering(c.s)):
        return False
    clause, sent = c.left_clause, c.left_sent
    reported = c.doc.summary_year or c.doc.year
    if ("争取" in sent and reported and not any(int(y) > reported for y in _SENT_YEAR.findall(sent))
            and not _NEXT_STEP_WORDS.search(sent)):
        clause, sent = _STRIVE_OBTAINED.sub("", clause), _STRIVE_OBTAINED.sub("", sent)  # not 2024年，争取…
    if reported and any(int(m.group(1)) > reported for m in _YEAR_DUE.finditer(c.left_sent)):
        return False  # 2025年完成…小学建设，为金阳新城增加学位1080个 in a 2024 report: still due
    return (not _FUTURE.search(clause) and not _COMMIT.search(sent) and not _TASK.search(c.left_clause)
            and _paragraph_last_cue(c) != "future" and not (c.doc.news_review and _news_plans(c)))


# a year followed by what is due in it (2025年完成, 2026年底前建成)
_YEAR_DUE = re.compile(r"((?:19|20)\d{2})\s*年(?:底|内|末)?(?:前)?(?:全面|全部|基本)?(?:完成|建成|竣工|投入使用|交付|实现)")


_NEWS_PLAN = re.compile(rf"{first_chars(RS['news_plan_cues'])}(?<![”》\"])(?:{intent_alternation(RS['news_plan_cues'])})")  # not “非示即特”计划: a name


def _news_plans(c: Candidate) -> bool:
    """In a page that is a review only by its news lead, a sentence plans when it looks ahead
    (下一步, 今年, 建成后), reports a plan's goals (意见提出, 方案明确) or names a later year (到2025年,
    2024年至2026年); the lead is weaker evidence than a summary's title."""
    sentence = c.text[c.sent_s:c.sent_e]
    if _NEWS_PLAN.search(sentence) or _NEWS_PLAN.search(c.text[paragraph_start(c.text, c.doc.lo, c.s):c.sent_s]):
        return True
    year = c.doc.year
    return bool(year) and any(int(y) > year for y in _SENT_YEAR.findall(sentence))


_CLAUSE_MARK = re.compile(r"[，,；;：:]")


_STOCK_WORDS = frozenset(EX["stock_words"])
_CLAUSE_PAST_WORD = re.compile("|".join(EX["clause_past_words"]))  # patterns (建立了(?!解)), not words


def past_word(c: Candidate) -> bool:
    """截至…已…, 完成了, 目前, 累计: the sentence reports what exists or was done.
    较上年/比去年 is a comparison inside a goal, not a past result."""
    if _CLAUSE_PAST_WORD.search(c.left_clause):
        return True
    last = None
    for last in _PAST_WORD.finditer(c.left_sent):
        pass
    if last is None:
        return False
    # a past word does not reach a later clause that plans (…已开工的57个项目要加快建设，今年再开工27个
    # 项目); in its own clause intent words are its objects (已争取资金5000万元, 已完成年度计划投资2亿元)
    if last.group() in _STOCK_WORDS and _FUTURE.search(c.left_clause, 0, max(0, len(c.left_clause) - (len(c.left_sent) - last.start()))):
        return False  # 计划将现有70%以上的…改办为…: the plan acts on what exists
    boundary = _CLAUSE_MARK.search(c.left_sent, last.end())
    return boundary is None or not _FUTURE.search(c.left_sent, boundary.end())


# 2021年我县共资助…: a year, an optional subject, then 共/累计/已: what was done in it
# (共安排15件民生实事 arranges: a plan)
_NOT_DONE_AFTER = r"(?!安排|计划|确定|部署|谋划|列入|实施|设立|下达)"
_OWN_YEAR_DONE = re.compile(r"((?:19|20)\d{2})\s*年[,，]?\s*(?:全[省市区县]|我[省市区县]|[\u4e00-\u9fff]{2,4}?)?\s*(?:共|累计|已)"
                            + _NOT_DONE_AFTER)


def past_year(c: Candidate) -> bool:
    """2022年完成…, 2023年全区新增…: a year before the plan's reports what it achieved; on a page
    with no title and no date (its year read from its body), 2021年我县共资助… reports that year,
    and so do the lines after it that break it down (…共资助2.8万人次。分别为学前资助3000人次…), up to
    a word of intent or a section heading (_own_year_reports)."""
    # 2022年新增学位3.4万个，今年将新增12500个: the later clause plans
    return ((_names_past_year(c.left_sent, c.doc.year) or (c.doc.undated and _own_year_done_before(c)))
            and not _future_in_clause(c) and not _future_in_sent(c))


def _own_year_done_before(c: Candidate) -> bool:
    """An undated page's report of its own year (2021年我县共资助…, 2021年，…。全年共资助…) earlier on
    the page, with no word of intent between it and the number: the lines after it break it down."""
    done_end, intents = _own_year_reports(c.doc)
    if done_end is None or done_end > c.s:
        return False
    k = bisect.bisect_left(intents, done_end)
    return k == len(intents) or intents[k] >= c.s


_AMOUNT_AFTER = re.compile(r"[^，,。；;：:\n]*?[0-9一二两三四五六七八九十百千万]")
# what ends a report's reach: any cue that looks ahead (_FUTURE's words and the news cues: 下一步, a bare
# 将), 要 (各学校要…, not inside 主要, 重要, 需要), and a section heading (二、, （三）, 第二章)
_CARRY_STOP = re.compile(rf"{_FUTURE.pattern}|{_NEWS_PLAN.pattern}|(?<![主重需只])要(?!求)"
                         r"|\n[^\S\n]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]"
                         r"|第[一二三四五六七八九十]{1,3}[章节部])")
_YEAR_TOTAL = re.compile(r"全年(?:共|累计)" + _NOT_DONE_AFTER)


def _own_year_reports(doc: DocContext) -> tuple:
    """(end of the page's first report of its own year, or None; starts of its words of intent)."""
    if doc.own_year_report is None:
        text, done_end = doc.text, None

        def states(m: re.Match) -> bool:
            # an amount in its clause (not 做好2024年家校共育工作的通知: 共育 is a word), and not inside a
            # sentence of intent (将完成…，全年共计增加学位4170个)
            if not _AMOUNT_AFTER.match(text, m.end(), min(doc.hi, m.end() + 40)):
                return False
            floor = max(doc.lo, m.start() - 400)  # a run-on text is not read back to its start
            opening = max(text.rfind(ch, floor, m.start()) for ch in "。；;！？!?\n") + 1
            return not _FUTURE.search(text, max(opening, floor), m.start())

        # the page's own year is found as a literal (a scan to a class of digits is slow), then read there
        year = str(doc.year or "")
        i = text.find(year, doc.lo, doc.hi) if year else -1
        while i >= 0:
            m = _OWN_YEAR_DONE.match(text, i, doc.hi)
            if m and states(m):
                done_end = m.end()
                break
            i = text.find(year, i + len(year), doc.hi)
        # 2021年，某县持续推进…。全年共资助…, or a page that opens on its year's total (一是办学条件不断改善。全年
        # 累计投入财政性教育经费10.9亿元): a year's total is what was done in it
        for m in _YEAR_TOTAL.finditer(text, doc.lo, done_end or doc.hi):
            if states(m):
                done_end = m.end()
                break
        # what stops it is any cue that looks ahead, 下一步 and a bare 将 too (下一步，全县将资助…)
        intents = ([m.start() for m in _CARRY_STOP.finditer(text, done_end, doc.hi)]
                   if done_end is not None else [])
        doc.own_year_report = (done_end, intents)
    return doc.own_year_report


# 从2015年的31.5万人,增至2020年的36.2万人: a change from one year's level to a later year's
_FROM_YEAR_TO_YEAR = re.compile(r"[从由]\s*((?:19|20)\d\d)\s*年[^。；;！？]{0,24}?(?:增|升|提高|提升|降|下降|减少|减|扩大|缩小)[^。；;！？\d]{0,3}?"
                                r"[至到]\s*((?:19|20)\d\d)\s*年")


def past_from_to(c: Candidate) -> bool:
    """从2015年的31.5万人,增至2020年的36.2万人: both levels of a change between two years that are
    not after the document's are reported, not planned."""
    if not c.doc.year or "从" not in c.left_sent and "由" not in c.left_sent:
        return False
    m = _FROM_YEAR_TO_YEAR.search(c.text, c.sent_s, c.sent_e)  # the start level stands before 增至
    if not m or m.start() > c.s or _future_in_sent(c):
        return False
    to_year = int(m.group(2))
    if to_year > c.doc.year or (to_year == c.doc.year and (c.doc.plan_title or _AIMED.search(c.text, c.sent_s, c.sent_e)
                                                         or _WORK_REPORT.search(c.text, c.doc.lo, c.doc.lo + 200))):
        return False  # 由2023年的3.2%降至2024年的3%以内 in a 2024 plan or work report aims
    clause_end = _CLAUSE_MARK.search(c.text, m.end(), c.sent_e)
    return clause_end is None or c.s < clause_end.start()  # the two levels, not what the sentence adds


_AIMED = re.compile(r"以内|左右|目标|预期")


def _names_past_year(text: str, year: int | None) -> bool:
    """Does text report a year before the plan's (2022年，全县新增…)?"""
    return bool(year) and "年" in text and any(int(m.group(1)) < year for m in _PAST_YEAR.finditer(text))


def achievement(c: Candidate) -> bool:
    """超额完成, 正在加快推进, 主体结构封顶: words that report progress, not intent."""
    # the cue's own words are not intent: 占年度投资计划的32.12% is a share of the plan done
    hit = _ACHIEVED.search(c.left_sent)
    if not hit or (hit.group() in _SHARE_OF_TARGET and c.doc.plan_title and not c.doc.summary):
        return False  # 一季度完成投资2亿元，占年度目标的25% in a plan: a milestone
    return not _future_in_clause(c) or not _FUTURE.search(_ACHIEVED.sub("", c.left_clause))


_ACHIEVED_AFTER = re.compile(alternation(RS["achievement_after"]))
_SENTENCE_MARK = re.compile(r"[。！？；;!?\n]")


# 一季度完成投资2亿元，占年度目标的25% in a plan's page schedules a share of its own target
_SHARE_OF_TARGET = frozenset({"占年度投资目标", "占年度目标", "占全年目标"})


def reported_after(c: Candidate) -> bool:
    """…83所，…83%，这三项工作均超额完成: the sentence ends by saying it was done. A task named before
    the number (年度投资目标15495万元,…完成投资2513万元,占年度投资目标的16.22%) is what it is measured by."""
    right = c.text[c.e:c.sent_e]
    if "完成" not in right and "计划" not in right and "进度" not in right and "占" not in right:  # every cue has one
        return False
    m = _ACHIEVED_AFTER.search(right)
    if m and m.group() in _SHARE_OF_TARGET and c.doc.plan_title and not c.doc.summary:
        return False
    return (bool(m) and not _future_in_clause(c) and not _FUTURE.search(right, 0, m.start())
            and not _TASK.search(c.left_clause))


# 均已开工, 已于8月底全部竣工, 正在加速推进; or a done verb: 就新增了30个托班
# the verb ends the clause (对3所已建成学校进行验收: 已建成 describes the schools)
_CLAUSE_PROGRESS = re.compile(rf"[^，,。；;]*?(?:(?:{alternation(RS['clause_progress'])})[^，,。；;]{{0,8}}?"
                              rf"(?:{alternation(RS['clause_progress_verbs'])})(?:了|使用)?(?![\u4e00-\u9fff])"
                              rf"|(?:{alternation(RS['clause_progress_verbs'])})了)")


_UNDER_CONSTRUCTION = re.compile(r"[^，,。；;]{0,6}?在建(?![\u4e00-\u9fff])")  # 其余50所主体在建


def clause_reports(c: Candidate) -> bool:
    """1月份28所建设项目均已开工, 两处学校改扩建项目目前正在加速推进: the rest of the number's own
    clause says it is under way or done."""
    # 计划实施的5个项目已于8月底全部竣工 says they were done; 确保10所已开工项目年底前竣工 commits
    rest = c.text[c.e:c.cl_e]
    return ((("已" in rest or "正在" in rest or "了" in rest) and bool(_CLAUSE_PROGRESS.match(rest))
             or "在建" in rest and bool(_UNDER_CONSTRUCTION.match(rest)))
            and not _COMMIT.search(c.left_clause))


_OPENED = re.compile(rf"(?:{alternation(RS['opened_adverbs'])})(?:{alternation(RS['opened_verbs'])})")


def _looks_ahead(text: str, lo: int, hi: int) -> bool:
    """A word of intent or a news story's cue of plans (计划, 将, 预计…) anywhere in text[lo:hi] (two
    searches, each opening on a literal class, scan faster than their alternation)."""
    return bool(_FUTURE.search(text, lo, hi) or _NEWS_PLAN.search(text, lo, hi))


def _sentence_looks_ahead(c: Candidate) -> bool:
    return _looks_ahead(c.text, c.sent_s, c.sent_e)


def opened_for_use(c: Candidate) -> bool:
    """A news story of schools opening: 今秋开学，新建4所学校全部投入使用，共新增学位5490个 (and its
    headline, 4所学校陆续启用): put into use, with no word of intent in the sentence."""
    return (c.doc.news_page and _OPENED.search(c.text, c.sent_s, c.sent_e) is not None
            and not _sentence_looks_ahead(c))


_SELECTED = re.compile(rf"[^，,。；;]*?(?:{alternation(RS['selection_verbs'])})")


def selected(c: Candidate) -> bool:
    """柳北区等4个县入选学前教育普及普惠县, 3所学校获评省级示范校: the rest of its clause says what it
    counts was selected or honoured, and nothing in the sentence looks ahead (力争3所学校入选…). Not in a
    plan's page: its goals are worded so too."""
    if (c.doc.plan_title and not c.doc.summary) or (c.doc.plan_part and c.doc.plan_part.covering(c.s)):
        return False
    rest = c.text[c.e:c.cl_e]
    return (bool(_SELECTED.match(rest)) and not _sentence_looks_ahead(c)
            and not _PUSH_VERBS.search(c.left_clause))  # 推动3所中小学获评…: aimed at


_PUSH_VERBS = re.compile(r"推动|推进|争创|创建|打造|培育|支持|鼓励|力争|确保")


_LOCATED = re.compile(alternation(RS["located_words"]))
_SIZE = re.compile(alternation(RS["size_words"]))


def facility_described(c: Candidate) -> bool:
    """A news story's description of a school where it stands (…校区位于玉带河北，占地35381平方米，建筑面积
    20588平方米，办学规模24班1200人): the size of what exists, with no word of intent in the sentence."""
    return (c.doc.news_page and _SIZE.search(c.text, c.sent_s, c.s) is not None
            and _LOCATED.search(c.text, c.sent_s, c.s) is not None and not _sentence_looks_ahead(c))


_BREAKDOWN = tuple(RS["breakdown_openers"])


def _previous_sentence(c: Candidate, before: int | None = None) -> tuple[int, str]:
    """(start, text) of the sentence before the number's (or before the one starting at `before`), past
    the blank lines and indentation between paragraphs."""
    end = (c.sent_s if before is None else before) - 1
    while end > c.doc.lo and c.text[end - 1] in _BLANK_OR_MARK:
        end -= 1
    if end <= c.doc.lo:
        return c.doc.lo, ""
    floor = max(c.doc.lo, end - 300)
    start = max((m.end() for m in _SENTENCE_MARK.finditer(c.text, floor, end)), default=floor)
    return start, c.text[start:end]


_BLANK_OR_MARK = frozenset(" \t\r\n\u3000。！？；;!?")


def _reports(sentence: str, year: int | None) -> bool:
    """Does a sentence carry a result cue of its own (截至, 已, 2022年新增, 超额完成)?"""
    return bool(_PAST_WORD.search(sentence) or _ACHIEVED.search(sentence) or _ACHIEVED_AFTER.search(sentence)
                or _names_past_year(sentence, year))


# 全市新增幼儿园中，中心城区新增24所: a part of the whole just reported, like 其中
_PART_OF_WHOLE = re.compile(rf"\s*(?:全[省市区县州]|[^，,]{{0,4}}?市)?(?:{alternation(RS['part_of_whole_verbs'])})[^，,。；;]{{0,10}}?中[，,]")
_DIGIT = re.compile(r"\d")
_BREAKDOWN_DEPTH = 3  # 其中 of a 其中: a breakdown may break down a breakdown


def _breaks_down(sentence: str) -> bool:
    lead = sentence.lstrip()
    return lead.startswith(_BREAKDOWN) or ("中" in lead[:30] and bool(_PART_OF_WHOLE.match(lead)))


def breakdown_of_result(c: Candidate) -> bool:
    """截至9月…新开办学校93所。其中高中18所…: a breakdown of a result is a result, and a breakdown of
    that breakdown (…。全市新增幼儿园中，中心城区新增24所；其中…13所)."""
    if not _breaks_down(c.left_sent) or _future_in_sent(c):
        return False
    start = c.sent_s
    for _ in range(_BREAKDOWN_DEPTH):
        start, before = _previous_sentence(c, start)
        # the sentence broken down must report (截至9月，…; 截止目前，…已新增…，将于秋季投入使用: what it
        # says of the new schools' future comes after the numbers it reports): 新建学校3所，已开工2所 plans
        future = _FUTURE_BUT_THIS_YEAR.search(before)
        if future and _DIGIT.search(before, future.end()):
            return False  # …已新增学位3000个，力争年底前新增学位8000个。其中…: the aim is broken down
        head = before[:future.start()] if future else before
        opening = _CLAUSE_MARK.split(head.lstrip(), 1)[0]
        if _reports(opening, c.doc.year) or (future and _DIGIT.search(head) and _PAST_WORD.search(head)):
            return True
        if future:
            return False
        # or it names a past time itself (…，5年间新增中小学学位1.37万个。其中，…)
        cue_starts, cues = _time_index(c.doc)
        k = bisect.bisect_left(cue_starts, start + len(before)) - 1
        if k >= 0 and cue_starts[k] >= start and _cue_kind(cues[k], c.doc.year) == "past":
            return True
        if not _breaks_down(before):
            return False
    return False


_PAST_TIMES = set(RS["past_time_cues"])
_AHEAD_OF_SPAN = re.compile(r"今后|未来|用|到|至|年$|\d$")
_THIS_YEAR_WORDS = {"今年", "本年", "本年度"}
# two scans are faster than one alternation: the words, and 年 (a literal) checked for a year before it
_TIME_WORD = re.compile(intent_alternation(RS["past_time_cues"] + RS["future_time_cues"]))
_NIAN = re.compile("年")
_MEASURED_AGAINST = re.compile(r"(?:完成|超额完成|达到|超过|年初|原定|原)[^，,。；;\d]{0,3}$")
_BASELINE_AFTER = ("基础上", "的基础", "为基", "基数", "水平上")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d\s*$")
_COMPARE_BEFORE = set("较比与同从由")  # 比上年, 较去年, 从去年的2.1% compare: they name no time


# “十三五”期间, 十二五以来: the span of a five-year plan (十一五 is 2006-2010), named as a time
_FIVE_YEAR_SPAN = re.compile(r"十([一二三四五六七八九])五[”\"]?\s*(?:期间|时期|以来|来|末)")


class TimeCue(NamedTuple):
    """A time a text names: a year (2023年), a past (去年) or an intent (今年, 将, 计划).
    (A NamedTuple: a document makes one per 年, and a frozen dataclass is slow to make.)"""
    start: int
    year: int | None = None
    past: str = ""
    future: bool = False
    this_year: bool = False  # 今年: the document's own year, like its year written out
    plan_span: bool = False  # “十三五”期间: in a plan's page it dates its own sentence only


def _time_cues(text: str, lo: int, hi: int) -> list[TimeCue]:
    """The time cues of text[lo:hi] in order; 较2023年, 比上年 and dates (2023年3月) are not cues."""
    cues = []
    for m in _NIAN.finditer(text, lo, hi):
        e = m.end()
        if e < hi and (text[e].isdigit() or text[e] == "月" or text.startswith(_BASELINE_AFTER, e)):
            continue  # 2023年3月 is a date; 在2020年基础上 a baseline, not a time the text is about
        y = _YEAR_BEFORE.search(text, max(lo, m.start() - 6), m.start())
        if y and not (y.start() > lo and text[y.start() - 1] in _COMPARE_BEFORE):
            cues.append(TimeCue(y.start(), year=int(y.group()[:4])))
    if text.find("五", lo, hi) >= 0:
        for m in _FIVE_YEAR_SPAN.finditer(text, lo, hi):  # “十三五”期间: the plan's last year
            cues.append(TimeCue(m.start(), year=five_year_plan_start(m.group(1)) + 4, plan_span=True))
    for m in _TIME_WORD.finditer(text, lo, hi):
        s, w = m.start(), m.group()
        if w[-1] == "来" and text[m.end():m.end() + 1] == "的":
            continue  # 多年来的成果: what the years made, not the time a sentence is about
        if w.endswith("年间") and (_AHEAD_OF_SPAN.search(text, max(lo, s - 8), s) or text.startswith("时间", m.end())):
            continue  # 今后三年间, 2024—2028年5年间, 用两年间时间: years ahead or a span's length
        if w == "目标" and text[m.end():m.end() + 1].isdigit():
            continue  # 涉及年度投资目标5.79亿元: a quota named, not intent
        if w in ("计划", "目标") and _MEASURED_AGAINST.search(text, max(lo, s - 6), s):
            continue  # 完成年初计划的119.64%, 超额完成目标: the plan a result is measured against
        if w in _PAST_TIMES:
            if not (s > lo and text[s - 1] in _COMPARE_BEFORE):
                cues.append(TimeCue(s, past=w))
        elif w in _THIS_YEAR_WORDS:
            cues.append(TimeCue(s, this_year=True))
        else:
            cues.append(TimeCue(s, future=True))
    cues.sort(key=lambda t: t.start)
    return cues


def _last_time_cue(c: Candidate):
    """The last time cue of the number's paragraph before its sentence (memoised by sentence: the
    numbers of a sentence share it)."""
    floor = paragraph_start(c.text, c.doc.lo, c.s)
    memo, key = c.doc.time_memo, (floor, c.sent_s)
    if key in memo:  # the numbers of a sentence share it
        return memo[key]
    cue_starts, cues = _time_index(c.doc)
    k = bisect.bisect_left(cue_starts, c.sent_s) - 1
    if k < 0 or cue_starts[k] < floor:
        cue = None
    else:  # a numbered item (29.强化…) after the cue starts a topic of its own
        cue = None if _ITEM_START.search(c.text, cue_starts[k], c.sent_s) else cues[k]
    if cue is not None and cue.plan_span and c.doc.plan_title:
        cue = None  # 2021年工作要点: “十三五”期间，…取得长足发展。全区新建学校5所 plans 2021
    memo[key] = cue
    return cue


def _own_time_cue(c: Candidate, before: int | None = None):
    """The last time cue of the number's own sentence before it (or before `before`)."""
    cue_starts, cues = _time_index(c.doc)
    k = bisect.bisect_left(cue_starts, c.s if before is None else before) - 1
    return cues[k] if k >= 0 and cue_starts[k] >= c.sent_s else None


def _dated_past(c: Candidate, cue) -> bool:
    return bool(cue is not None and cue.year and c.doc.year and cue.year < c.doc.year)


def _has_past_cue(doc: DocContext) -> bool:
    """Does the document name any past time (a year before its own, 去年)? A plan that does not
    has no past paragraph to look for."""
    if doc.has_past is None:
        _, cues = _time_index(doc)
        doc.has_past = any(t.past or (t.year and doc.year and t.year < doc.year) for t in cues)
    return doc.has_past


def _time_index(doc: DocContext) -> tuple[list, list]:
    """(starts, cues) of the document's time cues, found once: each number's question is then
    a bisection."""
    if doc.time_index is None:
        cues = _time_cues(doc.text, doc.lo, doc.hi)
        doc.time_index = ([t.start for t in cues], cues)
    return doc.time_index


# the start of a numbered item inside a run-on line: 。29.强化…, ；（三）…, 。二、…
# (a mark first: the engine skips to the marks instead of trying every character)
_ITEM_START = re.compile(r"[。；;！？!?\n]\s*(?:\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]{1,3}、"
                         r"|[（(][一二三四五六七八九十\d]{1,3}[)）])")


def _cue_kind(cue: TimeCue | None, year: int | None) -> str | None:
    """'past', 'future' or None for a time cue: a year before the plan's is past, after it future,
    the plan's own year neither (a summary names the year it reports)."""
    if cue is None or cue.this_year:
        return None
    if cue.year:
        return None if not year or cue.year == year else "past" if cue.year < year else "future"
    return "past" if cue.past else "future"


def _paragraph_last_cue(c: Candidate) -> str | None:
    """The kind of the last time cue of the number's paragraph before its sentence."""
    return _cue_kind(_last_time_cue(c), c.doc.year)


def _paragraph_time(c: Candidate) -> str:
    """The past year the number's paragraph last named before its sentence ('' when none, or
    when the last time named is not past)."""
    last = _last_time_cue(c)
    if _cue_kind(last, c.doc.year) != "past":
        return ""
    if last.year:
        return str(last.year)
    return str(c.doc.year - 1) if _LAST_YEAR.search(last.past) else ""


def paragraph_past_time(c: Candidate) -> bool:
    """2023年全市新改扩建幼儿园32所。新增学位9000个…: a sentence is about the time it last names
    before the number, or else the time its paragraph last named; a past one makes it a result
    (no word of intent in the sentence before the number)."""
    if not _has_past_cue(c.doc):
        return False
    if not c.doc.year and (c.doc.plan_title or _own_time_cue(c) is None):
        return False  # a page with no year anywhere: only a sentence's own 两年来 dates it, in no plan
    # the sentence's own last time (据悉，2021年，…建成投入使用4所新学校), else its paragraph's; intent
    # counts after the sentence's own time (为实现…的目标要求，近3年，…共投入27亿元: a purpose, not a plan)
    own = _own_time_cue(c)
    if own and own.future and _STRIVE_OBTAINED.match(c.text, own.start, c.s):
        # a past year's 争取 is what was obtained (2023年，全县争取上级资金2.1亿元): the year dates it
        earlier = _own_time_cue(c, own.start)
        own = earlier if _dated_past(c, earlier) else own
    if own:  # from the start of the clause the time is in
        t, a, b = c.text, c.sent_s, own.start
        clause = max(t.rfind("，", a, b), t.rfind(",", a, b), t.rfind("；", a, b), t.rfind(";", a, b),
                     t.rfind("：", a, b), t.rfind(":", a, b)) + 1
        future = _FUTURE_DATED_PAST if _dated_past(c, own) else _FUTURE
        if future.search(c.text, max(clause, c.sent_s), c.s):
            return False
    elif _future_in_sent(c):
        return False
    cue = own or _last_time_cue(c)
    if cue is not None and cue.past.endswith("年间") and c.doc.plan_title:
        return False  # 三年间，全区新增托位3000个 in a three-year plan: its own years
    return _cue_kind(cue, c.doc.year) == "past"


# 市区30所中小学建设任务, 完成年度26所目标任务: the quota a report measures against (a short name
# between the number and the task word, no completion verb in it)
_TASK_AFTER = re.compile(rf"(?:(?!完成|开工|竣工|建成|投入|已)[\u4e00-\u9fff]){{0,8}}?(?:{alternation(RS['quota_words'])})")


_DONE_BEFORE = re.compile(r"完成|建成")
_QUOTA_BEFORE = re.compile(r"年度|年初|全年|下达")


_QUOTED_TASK_LISTED = re.compile(rf"\s*(?:{alternation(RS['quoted_task_listing'])})[^。；;\n]{{0,12}}?"
                                 rf"(?:实事|民生工程|重点工作|{alternation(RS['quoted_task_nouns'])})")
_QUOTED_TASK_AFTER = re.compile(rf"\s*(?:年度)?(?:{alternation(RS['quoted_task_nouns'])})|{_QUOTED_TASK_LISTED.pattern}")


# 共有39所公办幼儿园建设项目列入为民办实事项目: the count of what a plan took on; and its parts after 其中
_LISTING = rf"(?:{alternation(RS['quoted_task_listing'] + ['列入为'])})[^，,。；;\n]{{0,12}}?(?:实事|民生工程|重点工作)"
_LISTED_AFTER = re.compile(rf"[^，,。；;\n]{{0,24}}?{_LISTING}")
_LISTED_PARTS = re.compile(rf"{_LISTING}[^，,。；;\n]{{0,8}}[，,]\s*其中[^。；;\n]{{0,30}}$")


def task_named(c: Candidate) -> bool:
    """The number is a task's size (30所中小学建设任务，有30所开工建设; 超额完成年度26所目标任务), or
    inside the quoted name of the task a report follows (“新增公办中小学学位3.2万个”年度民生实事): a
    target, even in a report. 完成了12所学校建设任务 counts what was done, not a quota."""
    q = c.quote_span
    if q and _QUOTED_TASK_AFTER.match(c.text, q[1]):
        return True
    if ("实事" in c.after or "民生工程" in c.after) and _LISTED_AFTER.match(c.after):
        return True  # 39所公办幼儿园建设项目列入为民办实事项目
    if "其中" in c.left_sent and (parts := _LISTED_PARTS.search(c.left_sent)) is not None \
            and not _PAST_WORD.search(c.left_sent, c.left_sent.rfind("其中", parts.start())):
        return True  # …列入为民办实事项目,其中新建11所,改扩建28所: the parts of the task
    if "任务" not in c.after or not _TASK_AFTER.match(c.after) or c.doc.review.covering(c.s):
        return False
    done = None
    for done in _DONE_BEFORE.finditer(c.left_clause):
        pass
    return done is None or bool(_QUOTA_BEFORE.search(c.left_clause, done.end()))


_STATUS_CELL = tuple(RS["status_cell_words"])
# a cell's start: the row's first, or one after a tab (a literal first: a fast scan, not a try at every character)
_STATUS_CELL_FIRST = re.compile(rf"\s*(?:{alternation(_STATUS_CELL)})")
_STATUS_CELL_AFTER_TAB = re.compile(rf"\t[^\S\t\n]*(?:{alternation(_STATUS_CELL)})")  # blanks, not the next tab: no backtracking over empty cells


def task_cell(c: Candidate) -> bool:
    """In a task table's row (cells split by tabs), a number before a cell that reports its status
    (建设品质县中4所 | 已完成。 | 100) is the task, not what was done."""
    e = c.sent_e
    if e < c.doc.hi and c.text[e] != "\t":
        if c.text[e] not in "。；; ":
            return False
        while e < c.doc.hi and c.text[e] in "。；; ":  # a cell may end its sentence: 建成…(其中浏阳1所)。 | …
            e += 1
    if e >= c.doc.hi or c.text[e] != "\t" or c.progress_label or _PAST_WORD.search(c.left_clause):
        return False
    stop = min(c.doc.hi, e + 300)
    line_end = c.text.find("\n", e + 1, stop)
    rest = c.text[e + 1:line_end if line_end >= 0 else stop]
    if e > c.sent_e and "\t" not in rest:  # after a full stop, a row of a table, not prose joined by a tab
        return False
    # a cell that opens with a status word
    if not (_STATUS_CELL_FIRST.match(rest) or _STATUS_CELL_AFTER_TAB.search(rest)):
        return False
    return not _in_done_column(c)


_HEADER_REACH = 3000  # how far above a row its table's header is looked for


def _in_done_column(c: Candidate) -> bool:
    """Is the number's cell under a done column of the header above (工作任务 | 实际已完成工作量 | 完成工作进度
    ⏎ 建设品质县中10所 | 建设品质县中4所 | 已完成。): what was done, the status cell after it notwithstanding."""
    t = c.text
    line_start = t.rfind("\n", c.doc.lo, c.s) + 1
    col = t.count("\t", line_start, c.s)
    floor = max(c.doc.lo, line_start - _HEADER_REACH)
    head = None
    for head in _DONE_HEAD.finditer(t, floor, line_start):
        pass
    if head is None:
        return False
    h_start = t.rfind("\n", floor, head.start()) + 1
    h_end = t.find("\n", head.end(), line_start)
    cells = t[h_start:h_end if h_end >= 0 else line_start].split("\t")
    return len(cells) > 1 and col < len(cells) and is_done_header(cells[col].strip())  # a header row, not a title


# Rules that make a number a target before any result rule is asked.
def under_task_label(c: Candidate) -> bool:
    """1、考核任务:…规划投资总额167万元, or 一、新建幼儿园7所。 above its 推进情况: the task a labelled
    report measures against."""
    if not (c.doc.task_part and c.doc.task_part.covering(c.s)):
        return False
    sentence = c.text[c.sent_s:c.sent_e]  # 已竣工3所, 实际新增5600人, 完成率112%, 超额完成: what was done
    return not (_reports(sentence, c.doc.year) or _DONE_IN_TASK.search(sentence))


_DONE_IN_TASK = re.compile(r"实际|完成率|现有|截至|截止|已|共(?:开展|完成|新增|建成|投入|培训|举办|组织)")


def in_task_column(c: Candidate) -> bool:
    """A progress table's 目标任务 column, beside its 实际完成情况 column, holds what the row was set
    to do: the target its progress is measured against (unless the cell itself says it is done)."""
    return c.task_column and not _PAST_WORD.search(c.left_clause)


_ITEM_MARK = re.compile(r"[^\S\n]*(?:\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])")
_SENTENCE_END = re.compile(r"[。；;！？!?]")


def item_task_sentence(c: Candidate) -> bool:
    """In a progress report written item by item (1.办好人民满意的教育,新建、改扩建70所公办幼儿园,…。
    已开工建设公办幼儿园63所…), an item's first sentence, with no word of progress in it, states
    the task that the sentences after it report on: a target."""
    if not c.doc.summary:
        return False
    p = paragraph_start(c.text, c.doc.lo, c.s)
    mark = _ITEM_MARK.match(c.text, p, c.s)
    if mark is None or _SENTENCE_END.search(c.text, mark.end(), c.s):
        return False  # not an item, or not its first sentence
    end = c.text.find("\n", c.s, min(c.doc.hi, c.s + 800))
    end = min(c.doc.hi, c.s + 800) if end < 0 else end
    first_end = _SENTENCE_END.search(c.text, c.s, end)
    if first_end is None or _reports(c.text[mark.end():first_end.end()], c.doc.year):
        return False
    return _reports(c.text[first_end.end():end], c.doc.year)  # what follows reports on it


TARGET_RULES: list[tuple[str, Rule]] = [
    ("in_task_column", in_task_column),
    ("under_task_label", under_task_label),
    ("task_named", task_named),
    ("task_cell", task_cell),
    ("item_task_sentence", item_task_sentence),
]


# 1—6月完成20876人, 1-9月份累计新增…: what was done from January to a month
_DONE_BY_MONTH = re.compile(r"(?=[1一])(?<![\d一二三四五六七八九十])(?:1|一)\s*[-—~至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?(?:底|末)?[,，]?\s*"
                            r"(?:[\u4e00-\u9fff]{0,6}?)(?P<done>共|累计|已|实际)?(?:完成|实现|新增|发放|下拨|资助|建成|开工|招收|培训)")


def done_by_month(c: Candidate) -> bool:
    """1—6月完成20876人 in a report, 1-9月累计新增… anywhere: a count from January to a month
    reports progress (no intent before it). In a plan, 1-6月完成主体工程 schedules."""
    if "月" not in c.left_sent or _future_in_sent(c):
        return False
    m = _DONE_BY_MONTH.search(c.left_sent)
    # a report, a word that says it was done, or the task it is measured against just before
    # (任务数19800人。1—6月完成20876人)
    return bool(m) and (c.doc.summary or bool(m.group("done")) or bool(_TASK.search(_previous_sentence(c)[1])))


# 比上年增长0.83%, and with last year's level between (比上年的387878万元减少19万元, 比上年2277.64元增长6.77%)
_LAST_LEVEL = r"(?:的)?\s*\d[\d,.]*\s*(?:%|‰|个百分点|[万亿千百]?[\u4e00-\u9fff]{0,3}?)"
_YEAR_ON_YEAR = re.compile(rf"(?:{alternation(RS['year_on_year'])})(?P<level>{_LAST_LEVEL})?\s*(?:分别)?\s*"
                           rf"(?:{alternation(RS['year_on_year_verbs'])})")


# 预算 and 安排 plan (预算支出安排…, 拟安排), not inside a fund's name (一般公共预算教育经费, 政府性基金
# 预算安排的教育经费)
_YOY_PLAN = re.compile(intent_alternation(RS["year_on_year_plan_words"])
                       .replace("预算", "(?<!公共)(?<!基金)预算").replace("安排", "安排(?!的)"))
_ADDRESSEES = LineStartPattern(r"[^\S\n]*各[\u4e00-\u9fff、（）()]{2,30}[:：][^\S\n]*$")  # 各乡镇人民政府：: a notice sets tasks


def _addressees_end(doc: DocContext) -> int:
    """Where the document's first addressee line ends (past its end when it has none): found once,
    not searched from the document's start again for each number."""
    if doc.addressees_end is None:
        m = _ADDRESSEES.search(doc.text, doc.lo, doc.hi)
        doc.addressees_end = m.end() if m else doc.hi + 1
    return doc.addressees_end


def year_on_year(c: Candidate) -> bool:
    """学校比例为76%，比上年提高2.19个百分点: a level and its change on last year, outside a plan and
    with no word of intent in the sentence, report a measured year (a statistics bulletin)."""
    if c.doc.plan_title or (c.text.find("比", c.sent_s, c.sent_e) < 0 and c.text.find("同", c.sent_s, c.sent_e) < 0):
        return False
    # its paragraph must not plan either (今年赤字率拟按4%左右安排…。一般公共预算支出…比上年增加1.2万亿元;
    # 今年要完成…。中央预算内投资安排5376亿元，比去年增加300亿元): outside a summary 今年 plans
    future = (_FUTURE.search(c.left_sent.replace("今年", "")) is not None) if c.doc.news_page else _future_in_sent(c)
    yoy = _YEAR_ON_YEAR.search(c.text, c.sent_s, c.sent_e)
    if (not yoy or future or _YOY_PLAN.search(c.text, c.sent_s, c.sent_e) or _addressees_end(c.doc) <= c.sent_s):
        return False
    last = _last_time_cue(c)
    # 今年 plans in a plan; in a news page (开学: 今年全市共招收18.57万人，比上年增加1.3万人) it reports;
    # so does a sentence that states last year's level (为2431.76元，比上年2277.64元增长6.77%): both
    # levels are known only once the year is over
    if last is not None and last.this_year and not (c.doc.summary or c.doc.news_page or yoy.group("level")):
        return False
    return _cue_kind(last, c.doc.year) != "future" and ("今年" not in c.left_sent or c.doc.news_page)


def statistics_page(c: Candidate) -> bool:
    """A page of levels compared with last year (…较上年增加0.56万平方米; 校数17所；在校生22250人，比上年减少
    336人) with no word of intent anywhere and no plan in its title is a statistics report: its numbers
    were measured, the flat ones between the comparisons too."""
    if c.doc.plan_title:
        return False
    if c.doc.statistics_page is None:
        text, lo, hi = c.doc.text, c.doc.lo, c.doc.hi
        # a plan's first word of intent comes early: that test first
        c.doc.statistics_page = (not _looks_ahead(text, lo, hi)
                                 and sum(1 for _ in zip(range(_STAT_COMPARISONS), _YEAR_ON_YEAR.finditer(text, lo, hi)))
                                 >= _STAT_COMPARISONS)
    return c.doc.statistics_page


_STAT_COMPARISONS = 3


# 完成年初计划的119.64%, 完成年度目标任务的80%: the share of a plan that was done
_SHARE_DONE = re.compile(r"(?:超额)?完成(?:了)?(?:省|市|县|区|上级)?(?:下达(?:的)?)?(?:年初|年度|全年|全年度|原定)?"
                         r"(?:投资|建设)?(?:计划|目标|任务)(?:任务|目标)?(?:的)?\s*$")
# 力争/须/要求…完成, 9月底前完成: aimed at or scheduled, not done
_INTENT_BEFORE_DONE = re.compile(rf"(?:{intent_alternation(['力争', '争取', '确保', '将', '要', '须', '必须', '拟', '计划', '要求'])})"
                                 r"[^；;。]*完成|前完成")


def share_of_plan_done(c: Candidate) -> bool:
    """完成年初计划的119.64%, 计划完成率98.99%: the share of the plan that was done reports, outside
    a plan (一季度完成年度计划的25% schedules) and unless it is aimed at (力争完成年度计划的80%)."""
    if not c.is_pct or (c.doc.plan_title and not c.doc.summary):
        return False
    if _COMPLETION_RATE.search(c.left_clause):  # 计划完成率98.99%: the rate at which the plan was done
        return not _COMMIT.search(c.left_clause) and not _future_in_clause_beyond(c, "计划")
    return bool(_SHARE_DONE.search(c.left_clause)) and not _INTENT_BEFORE_DONE.search(c.left_sent)


_COMPLETION_RATE = re.compile(r"(?:计划|目标|任务|招生计划)?完成率(?:为|达|达到|是)?\s*$")


def _future_in_clause_beyond(c: Candidate, own: str) -> bool:
    """A word of intent in the clause other than the measure's own (计划 of 计划完成率)."""
    return _FUTURE.search(c.left_clause.replace(own + "完成率", "")) is not None


STATUS_RULES: list[tuple[str, Rule]] = [
    ("share_of_plan_done", share_of_plan_done),
    ("in_measured_column", in_measured_column),
    ("in_progress_column", in_progress_column),
    ("under_progress_label", under_progress_label),
    ("summary_document", summary_document),
    ("in_review_section", in_review_section),
    ("review_paragraph", review_paragraph),
    ("past_word", past_word),
    ("done_by_month", done_by_month),
    ("past_year", past_year),
    ("past_from_to", past_from_to),
    ("achievement", achievement),
    ("reported_after", reported_after),
    ("clause_reports", clause_reports),
    ("selected", selected),
    ("opened_for_use", opened_for_use),
    ("facility_described", facility_described),
    ("breakdown_of_result", breakdown_of_result),
    ("paragraph_past_time", paragraph_past_time),
    ("achievements_paragraph", achievements_paragraph),
    ("year_on_year", year_on_year),
    ("statistics_page", statistics_page),
]

_ELSEWHERE = re.compile(alternation(RS["elsewhere_words"]))
_RESTATED = re.compile(alternation(RS["restated_target_words"]))


def elsewhere(c: Candidate) -> bool:
    """世界经济增长2.7%, 对全球经济增长的贡献率30%: background about other places."""
    return bool(_ELSEWHERE.search(c.left_clause))


_TARGETS_LISTED = re.compile(r"目标[:：]")


def restated_target(c: Candidate) -> bool:
    """全年预期目标是5%左右 inside a review: an earlier year's target, restated."""
    # …超额完成了2021年行动方案中制定目标：新建幼儿园不少于19所 lists the earlier targets after a colon
    return bool(_RESTATED.search(c.left_clause) or _TARGETS_LISTED.search(c.left_sent))


RESULT_EXCLUSIONS: list[tuple[str, Rule]] = [
    ("elsewhere", elsewhere),
    ("restated_target", restated_target),
]


@dataclass(frozen=True)
class Decision:
    """Why a candidate number is a target, a result, or not counted."""

    status: str  # target | result | excluded
    rule: str


# one Decision per outcome, made once: a document decides thousands of numbers
_EXCLUDED = {name: Decision("excluded", name) for name, _ in EXCLUSIONS + RESULT_EXCLUSIONS}
_RESULT = {name: Decision("result", name) for name, _ in STATUS_RULES}
_TARGETS = {name: Decision("target", name) for name, _ in TARGET_RULES}
_TARGET = Decision("target", "commitment")


def decide(c: Candidate) -> Decision:
    for name, rule in EXCLUSIONS:
        if rule(c):
            return _EXCLUDED[name]
    for name, rule in TARGET_RULES:
        if rule(c):
            return _TARGETS[name]
    for name, rule in STATUS_RULES:
        if rule(c):
            for xname, xrule in RESULT_EXCLUSIONS:
                if xrule(c):
                    return _EXCLUDED[xname]
            return _RESULT[name]
    return _TARGET


def items_listed_before(text: str, pos: int) -> int:
    """How many 、-separated items the clause just before `pos` lists (within 40 characters)."""
    window = text[max(0, pos - 40):pos]
    window = re.split(r"[，,。；;:：]", window)[-1]
    return len([x for x in window.split("、") if x.strip()])


def list_count_before(text: str, quote_start: int, n: int) -> bool:
    """True when the n items a quoted 'N个…' slogan counts are spelled out just before it."""
    return items_listed_before(text, quote_start) >= n


# --- periods --------------------------------------------------------------------------------

# 1-9月, 截至9月, 截至2022年9月: the month a result runs to
_MONTH_SPAN = re.compile(r"(?:(?:1|一)\s*[-—~至到]|截[至止](?:\s*(?:19|20)\d{2}\s*年)?)\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月")
_SENT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_LAST_YEAR = re.compile(alternation(RS["last_year_words"]))
_FIVE_YEARS = re.compile(r"过去五年|五年来")
# 三年来, 5年来, 近五年来: the years up to the one a plan follows (or a summary reports)
_YEARS_SINCE = re.compile(r"(?:近|过去)([一二两三四五六七八九十\d]{1,2})年(?!内)|([一二两三四五六七八九十\d]{1,2})年(?:来|以来)")


def _with_month(year: str, month: re.Match | None) -> str:
    """'2024-09' when a month span (1-9月, 截至9月) names a valid month, else the year."""
    n = parse_number(month.group(1)) if month else None
    return f"{year}-{int(n):02d}" if n and 1 <= n <= 12 else year


def _latest_reported_year(doc: DocContext) -> int | None:
    """The latest year a result of the document can be about: its year, or for a summary (written
    after the year it reports) the next one, when a figure was taken (2022年工作报告: 2023年辖区共有学校46所)."""
    return doc.year + 1 if doc.year and doc.summary else doc.year


_WORK_REPORT = re.compile(r"工作报告")


def result_period(c: Candidate, decision_rule: str) -> str:
    """When a result was achieved: '2023', '2024-09' (1-9月), or '2019-2023' (过去五年)."""
    year = c.doc.year
    if decision_rule in ("in_progress_column", "in_measured_column"):
        return c.progress_label or (str(year) if year else "")
    left = c.left_sent
    month = _MONTH_SPAN.search(left)
    latest = _latest_reported_year(c.doc)
    years = [int(m.group(1)) for m in _SENT_YEAR.finditer(left)
             if (not latest or int(m.group(1)) <= latest) and not _compared_with(left, m)]
    if years:
        return _with_month(str(years[-1]), month)
    if "五" in left:
        plan = None
        for plan in _FIVE_YEAR_SPAN.finditer(left):
            pass
        if plan:  # “十三五”期间，…累计…: the plan's five years; “十三五”末, its last
            first = five_year_plan_start(plan.group(1))
            if not year or first + 4 < year:
                return str(first + 4) if plan.group(0).endswith("末") else f"{first}-{first + 4}"
    since = _YEARS_SINCE.search(left) if ("来" in left or "近" in left or "过去" in left) else None
    n = parse_number(since.group(1) or since.group(2)) if since and year else None
    if n and 1 < n <= 10:
        last = c.doc.summary_year or year if c.doc.summary else year - 1
        return f"{last - int(n) + 1}-{last}"
    named = _paragraph_time(c)  # 2022年，…。开工…83所: the time the paragraph last named
    if named:
        return _with_month(named, month)
    if c.doc.summary and year:
        cue = _last_time_cue(c)  # 2023年辖区共有学校46所。在校生…: the summary's paragraph names when
        if cue is not None and cue.year and year < cue.year <= latest:
            return _with_month(str(cue.year), month)
    if decision_rule in ("summary_document", "in_review_section") and c.doc.summary_year:
        return str(c.doc.summary_year)  # a summary's review is of the year it reports
    if decision_rule == "in_review_section":
        for start, period in sorted(c.doc.review_periods.items(), reverse=True):
            if start <= c.s:
                return period
    if not year:
        return ""
    if (decision_rule in ("in_review_section", "review_paragraph")
            and _FIVE_YEARS.search(c.text, paragraph_start(c.text, c.doc.lo, c.s, _PARAGRAPH_REACH), c.s)):
        return f"{year - 5}-{year - 1}"
    if month:
        n = parse_number(month.group(1))
        if n and 1 <= n <= 12:
            return f"{year}-{int(n):02d}"
    if decision_rule == "achievements_paragraph" and _WORK_REPORT.search(c.text, c.doc.lo, c.doc.lo + 200):
        return str(year - 1)  # a work report's review is of the year before the one it plans
    if decision_rule in ("review_paragraph", "in_review_section") or _dated_last_year(left):
        return str(year - 1)
    return str(year)


def _dated_last_year(left: str) -> bool:
    """Does the sentence before a number date it to last year? 去年新增… does; 比上年增长6.77% compares
    with it (the change is this year's), unless the number is last year's level itself (比上年的2277.64元)."""
    return any(not _compared_with(left, m) for m in _LAST_YEAR.finditer(left))


def _compared_with(left: str, m: re.Match) -> bool:
    """Is the time m (in the sentence before a number) only what the number is compared with (比2015年
    增加1758所, 比上年增长6.77%), not when it was measured? Not when the number is that time's own level
    (比上年的2277.64元)."""
    return (m.start() > 0 and left[m.start() - 1] in _COMPARE_BEFORE
            and left[m.end():m.end() + 6].strip() not in _BASE_TAILS)


_BASE_TAILS = ("", "的", "同期", "同期的")


_PERIOD_LIKE = re.compile(r"(?:19|20)\d{2}(?:Q[1-4]|-\d{2})?")


def target_period(deadline: str, year: int | None) -> str:
    """A target is due at its deadline when that is a year or a period, else in the plan year."""
    if deadline and _PERIOD_LIKE.fullmatch(deadline):
        return deadline
    return str(year) if year else ""


def result_comparator(left_clause: str, after: str, approx: str | None, ranged: bool) -> str:
    """Results: `>=` for 超过/以上/余/多, `~` for 约/左右, else `=` (codebook section 6)."""
    if ranged:
        return "range"
    tail = after[:4]
    if approx or tail.startswith(tuple(RS["comparators"][">="]["after"])):
        return ">="
    if tail.startswith(tuple(RS["comparators"]["~"]["after"])):
        return "~"
    clause = left_clause.rstrip()
    for comp in (">=", "~"):
        for w in RS["comparators"][comp]["before"]:
            i = clause.rfind(w)
            gap = len(clause) - (i + len(w))
            if i >= 0 and (gap == 0 or (len(w) > 1 and gap <= 6)):  # 近 of 近视率 is not a cue
                return comp
    return "="
