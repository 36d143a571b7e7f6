"""Name what a number measures, from the clause around it: 新增学位, 教师培训经费, 持证率.

`name_indicator` tries the ways a plan sentence names its measure, as small steps in order:
a list with 分别 (each number takes its item), a rate or change (named before the number), a
counted noun (named after it, with the verb done to it), a norm (每学期…: the subject and the
frequency belong to the name). The clean-ups are shared: cue and lead words dropped, the head
after 等 or 其中 kept, a quotation opened before the number kept whole. Vocabularies live in
vocab.yaml (`indicator_*`).
"""
from __future__ import annotations

import re

from .vocab import alternation, load_vocab

V = load_vocab()

_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）]|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}、)\s*")
# 培训经费不低于公用经费总额的5%: the measure is before the cue; 占国内生产总值比重: the share is named
_SHARE_CUE = re.compile(r"(?:不低于|不少于|不超过|不高于|占)[^，,。；;:：]{2,24}的?$")
_SHARE_NAMED = re.compile(r"占[^，,。；;:：]{1,24}(?:比重|比例|份额)$")
# a quantity that ends an earlier item: 竣工学校3所、 / 硬化道路10万平方米并安装…
_LISTED_QUANTITY = re.compile(r"\d+(?:\.\d+)?\s?[^\s\d、，,。；;并]{0,10}(?:、|并)")

# cue and change words that end the words before a number but do not name what is measured
_STRIP_TAIL = re.compile(r"(?:首次|跃上|迈上|站上|分别|力争|争取|确保|达到|提高到|提升到|提高至|提升至|上升至|上升到|下降至|下降到|"
               r"增长到|增长至|不少于|不低于|至少|不超过|超过|突破|高于|控制在|严格|拟按|按|拟|"
               r"稳定|达|为|保持|实现|降低|下降|减少|提高|提升|增长|增加|上升|继续|再|的|约|近|在|均|每年|年均|同比|"
               r"[较比](?:上年|去年|上一年|\d{4}年))+$")
_NOT_PART = r"[^，,。；;、\s\d“”\"()（）:：]"
# the noun after the number: a quoted name with what follows it (10个“品质课堂”示范校), or plain
# words, possibly with a bracket (县(市、区), 中小学(幼儿园)新建)
_PER_UNIT = re.compile(r"^\s*(?:/[年月日天周人次生户学期]{1,2})+")
_NOUN_AFTER = re.compile(r"\s*(?:以上|以内|以下|左右|余|多)?(?:的)?"
                         rf"(“[^“”\n]{{1,15}}”{_NOT_PART}{{0,10}}"
                         rf"|{_NOT_PART}{{1,20}}[(（][^()（），,。；;\n]{{1,6}}[)）]{_NOT_PART}{{0,12}}"
                         rf"|{_NOT_PART}{{2,20}})")
# 新建、续建、改扩建项目: a noun that goes on as a list of short items ending in its head
_NOUN_LIST_TAIL = re.compile(r"(?:、[^，,。；;、\s\d“”\"()（）:：一二三四五六七八九十两]{1,5})+(?=[，,。；;\s]|$)")

_NOUN_PURPOSE = re.compile(r"(?:支持|用于|用来|投向|帮助)")
_LEVEL_VERB = re.compile(r"(?:达到|跃上|迈上|站上|突破|超过|稳定在|保持在|达)$")
_FROM_TAIL = re.compile(r"(?:由|从|现行)[^由从]*\d[^由从]*$")
_LEAD_WORDS = re.compile(rf"^(?:{alternation(V['indicator_lead_words'])})+")
_SCOPE_LEAD = re.compile(rf"^(?:{alternation(V['indicator_scope_words'])})")
_ACTION_VERB = re.compile(rf"(?:{alternation(V['indicator_verbs'])})$")
_BARE_VERB = re.compile(rf"(?:先|再|又|共|拟)?({alternation(V['indicator_bare_verbs'])})")
_TAIL_NOUN = re.compile(rf"(?:{alternation(V['indicator_tail_nouns'])})$")
_ONE_CHAR_NOUN = re.compile(r"\s*([\u4e00-\u9fff])(?=[”\"，,。；;\s]|$)")
_SHARED_MEASURE = re.compile(rf"(?:{alternation(V['indicator_shared_measures'])})")
_TARGET_WORD = re.compile(r"(?:预期)?目标$")
_COMPARATOR_WORDS = re.compile(r"(?:至少|不少于|不低于|不超过|不多于|最多|最少)")
_ETC_HEAD = re.compile(r"^[^、]*、.*等(?![级职教院学])(?=[^等]{3,}$)")  # 宿舍、食堂、教室等关键场舍: the head after 等
_SUB_ITEM = re.compile(r"^.*[(（]其中")  # 美育基地学校30所(其中乡村美育基地学校: the sub-item
_LIST_QUOTE = re.compile(r"^[^“”]*、[^“”]*(?=“[^“”]+”.)")  # 电动汽车、锂电池、光伏产品“新三样”出口: the label
_QUANTITY_TAIL = re.compile(r"(?:[\d.]+\s*(?:个?百分点|%)|[\d.]+\s*[^\s\d，,。；;]{0,3})\s*$")
MAX_LEN = 20


_LIST_JOINERS = re.compile(r"[、和及与]")
_NEXT_ITEM_NUMBER = re.compile(r"、\s*\d")
_CLAUSE_MARK = re.compile(r"[，,。；;:：]")
_COMMA_MARK = re.compile(r"[，,；;]")
_NUMBER_TAIL = re.compile(r"[\d.%、\s]+$")

# the last characters the tail's words end on (年 for 较上年, 较2023年): a name ending otherwise has
# no tail, and the pattern, tried at every position, is not run
_TAIL_LAST = frozenset("".join(re.findall(r"([^|()?:+$\\\[\]{}])(?=[|)])", _STRIP_TAIL.pattern)) + "年")


def strip_tail(s: str) -> str:
    if not s or s[-1] not in _TAIL_LAST:
        return s.strip()
    return _STRIP_TAIL.sub("", s).strip()


def open_quote(left: str) -> str:
    """“…每学期至少讲1节思政课”: inside a quotation opened before the number, the name starts at it."""
    i = left.rfind("“")
    # “三个100%”: a short label around the number is not the name
    return left[i + 1:] if i >= 0 and "”" not in left[i:] and len(left) - i > 4 else left


def _is_place(name: str) -> bool:
    from .regions import region_named  # the gazetteer, only for a sub-item (其中…)
    name = name.strip()
    return 2 <= len(name) <= 8 and bool(region_named(name).region)


def head_words(s: str) -> str:
    """Drop what does not name the measure at the start: lead words (确保, 力争), the scope (全市),
    an enumeration before its head (…等关键场舍), the whole before a sub-item (其中…)."""
    sub = _SUB_ITEM.match(s)
    if sub:
        # (其中浏阳1所): a sub-item that is only a place is the whole's share there, named by the whole
        s = (_QUANTITY_TAIL.sub("", s[:sub.end()].rstrip("其中(（")) if _is_place(s[sub.end():])
             else s[sub.end():])
    s = _ETC_HEAD.sub("", s)
    s = _LIST_QUOTE.sub("", s)
    s = _LEAD_WORDS.sub("", s)
    return _SCOPE_LEAD.sub("", s) or s


def tidy(name: str) -> str:
    name = _TAIL_NOUN.sub("", name) if len(name) > 4 else name  # 学校抗震加固工作 → 学校抗震加固
    return name[:MAX_LEN]


def listed_item(left: str, k: int, siblings: int) -> str | None:
    """信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长…: the k-th number takes the k-th item,
    and items share the words the list gives once (高技术制造业、装备制造业增加值; C证、B证持证率)."""
    if "分别" not in left or siblings < 2:
        return None
    head = left.split("分别")[0]
    # 、 separates the items when it gives enough; 和/及/与 only then
    items = [x for x in head.split("、") if x]
    if len(items) < siblings:
        items = [x for x in _LIST_JOINERS.split(head) if x]
    if len(items) < siblings:
        return None
    base = items[k] if k < len(items) else items[-1]
    first, last = items[0], items[-1]
    if k:
        # 体质健康合格率、优良率 / C证、B证持证率: the later item shares the first one's subject
        j = base.find(first[-1])
        if (len(base) <= 4 and j == len(base) - 1 or j == 1) and len(first) > j + 2:
            base = first[:len(first) - j - 1] + base
    elif len(items) > 1:
        # 高技术制造业、装备制造业增加值 / C证、B证持证率: the first item shares the last one's measure
        for n in range(min(len(first), 4), 0, -1):
            i = last.find(first[-n:])
            if i >= 0:
                tail = last[i + n:]
                if len(tail) >= 2:
                    base = first + tail
                break
        else:
            # 居民医保和基本公共卫生服务经费人均财政补助标准: the measure's head word opens the shared part
            head = _SHARED_MEASURE.search(last, 1)
            if head and head.group(0) not in first:
                base = first + last[head.start():]
    return tidy(head_words(strip_tail(base)))


def name_from_left(left_clean: str, noun: str | None) -> str:
    """Rates and changes, and numbers without a noun after them, are named before the number."""
    if noun and len(left_clean) <= 2 and not noun.startswith(("以上", "以内", "以下", "左右")):
        return tidy(left_clean + noun)  # 全区三分之一以上学校建成……: the rest says what share
    return tidy(left_clean[-MAX_LEN:]) if left_clean else tidy(noun or "")


def name_indicator(clause_left: str, after: str, kind: str, k: int, siblings: int) -> str:
    """Short name of what is measured, from the clause around the number."""
    after = _PER_UNIT.sub("", after)  # 3480元/年: the period belongs to the unit, it names nothing
    noun_match = _NOUN_AFTER.match(after)
    noun = noun_match.group(1) if noun_match else None
    if noun and not noun.startswith("“"):
        rest = after[noun_match.end():]
        more = _NOUN_LIST_TAIL.match(rest)
        if more and not _NEXT_ITEM_NUMBER.match(rest):
            noun = (noun + more.group(0))[:MAX_LEN]
    left = open_quote(_ITEM_NUMBER.sub("", _CLAUSE_MARK.split(clause_left)[-1]))
    listed = listed_item(left, k, siblings)
    if listed:
        return listed
    items = list(_LISTED_QUANTITY.finditer(left))
    if items and len(left) - items[-1].end() >= 2:  # 竣工学校3所、开工建设学校5所: the second names its own thing
        own = left[items[-1].end():]
        # 国内生产总值达到134.9万亿元、增长5%: a bare change verb measures the thing listed before
        left = own if strip_tail(own) else left[:items[0].start()]
    left_raw = strip_tail(_NUMBER_TAIL.sub("", left))
    left_raw = _FROM_TAIL.sub("", left_raw) or left_raw  # 报销比例由50%提高到: 报销比例
    left_clean = head_words(left_raw)
    if len(left_clean) <= 2 < len(left_raw) and kind == "money":
        left_clean = left_raw[-MAX_LEN:]  # 完成投资20亿元: 投资 alone does not say what
    share = _SHARE_CUE.search(left_clean)
    if share and share.start() >= 2 and not _SHARE_NAMED.search(left_clean):
        left_clean = left_clean[:share.start()]
    if kind in ("rate", "change") and "的" in left_clean[2:]:
        tail = left_clean.rsplit("的", 1)[1]
        if len(tail) >= 2:  # 完成市政府下达的持证率: the measure is after the modifier
            left_clean = tail
    if kind == "rate" and noun and _ACTION_VERB_START.match(noun) and len(left_clean) >= 2:
        return tidy(left_clean + noun)  # 义务教育学校100%开展课后服务: who does it, and what
    if kind == "norm" and "每" in left_clean:
        # 中学生每学年不少于20课时的公益劳动; 每周至少听2节课: who, how often, and what
        short = _ONE_CHAR_NOUN.match(after)
        what = noun or (short.group(1) if short else "")
        return tidy(_COMPARATOR_WORDS.sub("", left_clean) + _NOUN_PURPOSE.split(what)[0])
    if kind in ("rate", "change") or not noun:
        return name_from_left(left_clean, noun)
    if noun.startswith(("以上", "以内", "左右")):
        noun = noun[2:]
    noun = _NOUN_PURPOSE.split(noun)[0]  # 1万亿元国债支持灾后恢复重建: the purpose is not the noun
    if len(noun) < 2 or (_LEVEL_VERB.search(_NUMBER_TAIL.sub("", left)) and len(left_clean) >= 2):
        return tidy(left_clean[-MAX_LEN:])  # 粮食产量首次跃上1.4万亿斤新台阶: what reaches the level
    # the verb before the number says what is done to the noun: 建成启用10所学校 → 建成启用学校
    verb = left_verb.group(0) if (left_verb := _ACTION_VERB.search(left_raw)) else ""
    return tidy(noun if noun.startswith(verb) else verb + noun)


_ACTION_VERB_START = re.compile(rf"(?:{alternation(V['indicator_verbs'] + V['indicator_rate_verbs'])})")


def previous_clause_subject(left_sent: str, left_clause: str) -> str:
    """提高5个百分点,达到95%: the second number's clause names nothing, the one before does."""
    before = left_sent[:len(left_sent) - len(left_clause)]
    clauses = [c for c in _COMMA_MARK.split(before) if c.strip()]
    if not clauses:
        return ""
    prev = _QUANTITY_TAIL.sub("", clauses[-1])
    return strip_tail(prev)[-MAX_LEN:]


def object_of_bare_verb(name: str, left_sent: str, left_clause: str) -> str:
    """今年先发行1万亿元 / 惠及1100多万人: a verb alone names nothing. The sentence before says what:
    the object the same verb took earlier (发行超长期特别国债), else the previous clause's words."""
    verb = _BARE_VERB.fullmatch(name)
    if not verb:
        return name
    before = left_sent[:len(left_sent) - len(left_clause)]
    earlier = list(re.finditer(rf"{re.escape(verb.group(1))}({_NOT_PART}{{2,16}})", before))
    if earlier:
        return tidy(strip_tail(_NOUN_PURPOSE.split(earlier[-1].group(1))[0]))
    subject = previous_clause_subject(left_sent, left_clause)
    return tidy(head_words(subject) + name) if subject else name


_PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,6}(?:区|县|市|镇|乡|街道|旗)")
_COUNT_IN = re.compile(r"\d+(?:\.\d+)?\s*[万亿千百]*\s*(?:个|所|名|人|项|元|张|套|间|座)?")


def share_of_total_named(name: str, left_sent: str, left_clause: str) -> str:
    """建成后将新增3.2万个学位，其中赤坎区3505个、霞山区3705个: a place alone names its share of the
    total the clause before counts: 赤坎区新增学位."""
    if "其中" not in left_clause or not _PLACE_ONLY.fullmatch(name):
        return name
    before = left_sent[:len(left_sent) - len(left_clause)]
    clauses = [c for c in _COMMA_MARK.split(before) if c.strip()]
    if not clauses or not _COUNT_IN.search(clauses[-1]):
        return name
    total = head_words(strip_tail(_COUNT_IN.sub("", clauses[-1])))
    total = re.split(r"将|要|计划", total)[-1]  # 建成后将新增学位: what is counted, not when
    return tidy(name + total) if len(total) >= 2 else name


def target_word_named(name: str, metric: str) -> str:
    """经济增长预期目标为5%左右: a name that only says "the target of" takes the curated metric it
    was matched to (国内生产总值增速), the measure an analyst compares across reports."""
    return metric if metric and _TARGET_WORD.search(name) else name
