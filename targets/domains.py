"""Assign a codebook domain and a canonical metric to a target from keyword lists."""
from __future__ import annotations

import re

from .vocab import alternation, load_vocab

_V = load_vocab()
DOMAINS: dict[str, list[str]] = _V["domains"]
ORDER: list[str] = _V["domain_order"]
METRICS: list[dict] = _V["metrics"]
OVERRIDE: dict[str, list[str]] = _V.get("domain_override", {})
NEUTRAL = "__neutral__"

_WORD_DOMAIN: dict[str, str] = {}
for _d in ORDER:
    for _w in DOMAINS.get(_d, []):
        _WORD_DOMAIN.setdefault(_w, _d)  # a word listed twice belongs to the earlier domain
for _w in _V.get("domain_neutral", []):
    _WORD_DOMAIN[_w] = NEUTRAL
_KEYWORDS = re.compile(alternation(_WORD_DOMAIN))
_OVERRIDE = {d: re.compile(alternation(ws)) for d, ws in OVERRIDE.items()}

# Where a keyword is found weighs how much it says about the target.
WEIGHTS = (("indicator", 3.0), ("clause", 2.0), ("heading", 2.0), ("sentence", 1.0))


def domain_scores(parts: dict[str, str]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for part, weight in WEIGHTS:
        for d, n in _keyword_hits(parts.get(part) or ""):
            # longer keywords are more specific: 课后服务 says more than 课程
            scores[d] = scores.get(d, 0.0) + weight * n
    return scores


_HITS: dict[str, tuple] = {}


def _keyword_hits(text: str) -> tuple:
    """(domain, keyword length) of each domain keyword in text, in order, neutral words left
    out. Memoised: the rows of one sentence share it, and those under one heading the heading."""
    try:
        return _HITS[text]
    except KeyError:
        pass
    if len(_HITS) > 100_000:
        _HITS.clear()
    hits = _HITS[text] = tuple((d, len(w)) for w in _KEYWORDS.findall(text)
                               if (d := _WORD_DOMAIN[w]) != NEUTRAL)
    return hits


_STAGE_OF: dict[str, str] = {w: d for d, ws in _V["school_stages"].items() for w in ws}
_SEVERAL = "__several__"
_STAGE_OF.update({w: _SEVERAL for w in _V["school_stages_several"]})
_STAGES = re.compile(alternation(_STAGE_OF))  # longest first: 中小学 before 小学
_PLACES = re.compile(alternation(_V["school_places"]))


# 学校 alone (改扩建学校3所) names schools of any stage; 义务教育学校, 职业学校 … name one
_STAGE_DOMAINS = frozenset(_V["school_stages"])
# (普通高中学校, 初中学校: a stage's schools)
# the exclusions look behind from after 学校: a pattern that starts with a lookbehind is tried at
# every position, one that starts with 学校 skips to it
_ANY_SCHOOL = re.compile("学校" + "".join(f"(?<!{w}学校)" for w in (
    "义务教育", "中小", "职业", "特殊", "寄宿制", "规模", "技工", "培智", "高中", "初中", "小学", "普高", "特殊教育",
    "职高", "薄弱")))


def school_stages(text: str) -> set[str]:
    """The school stages a text names; 中小学, 基础教育 or schools in general name several."""
    found = {_STAGE_OF[w] for w in _STAGES.findall(text)}
    if "学校" in text and _ANY_SCHOOL.search(text):
        found.add(_SEVERAL)
    return found | {"", _SEVERAL} if _SEVERAL in found else found


def building_domain(indicator: str, clause: str, sentence=None) -> str | None:
    """Building, places or money (codebook section 4): the one school stage it is for, or
    facilities_funding for several stages or schools in general; None when not about building.
    Places that name no stage (新增学位14万个) are for the one stage their sentence builds
    (新改扩建公办义务教育学校110所，新增学位14万个), if it names exactly one."""
    places = _PLACES.search(indicator)
    if not (places or any(p.search(clause) or p.search(indicator) for p in _OVERRIDE.values())):
        return None
    stages = school_stages(indicator)  # not the clause: 幼儿园等八个新开办学校 names an example
    if not stages and sentence is not None:  # (a callable: the sentence is cut only when asked)
        before = sentence() if callable(sentence) else sentence
        # building or money for the one stage its sentence names (某某中心小学建设,规划投资总额167万元);
        # a stage named as an example (虹桥幼儿园等7个教育补短板项目) is not what the money is for
        if places or "等" not in before:
            stages = school_stages(before)
    return next(iter(stages)) if len(stages) == 1 else "facilities_funding"


_ANCHOR = re.compile(alternation(_V["education_anchors"]))
_STAFF = re.compile(alternation(_V["teacher_measures"]["staff"]))
_ADMISSION = re.compile(alternation(_V["admission_words"]))
_STAFF_MEASURE = re.compile(alternation(_V["teacher_measures"]["measures"]))
_MIXED = re.compile(alternation(_V["mixed_genres"]))


_EDUCATION_ISSUER = re.compile(alternation(_V["education_issuers"]))


def is_mixed_document(title: str, head: str) -> bool:
    """A government work report or a 民生实事 list covers far more than education; an education
    bureau's page on its own share of the 民生实事 (泉州市教育局承担…为民办实事公办幼儿园建设项目) does not."""
    first_line = head.lstrip().split("\n", 1)[0]
    # the bureau in the title, or in a first line that is the page's own title (…教育局承担…为民办实事…),
    # not a site header (某某市教育局) above a government list
    if _EDUCATION_ISSUER.search(title) or (_EDUCATION_ISSUER.search(first_line) and _MIXED.search(first_line)):
        return False
    return bool(_MIXED.search(title) or _MIXED.search(head))


def assign_domain(indicator: str, clause: str, sentence: str, heading: str, mixed: bool = False,
                  before=None, paid: bool = False, continues=None) -> str:
    """The codebook domain. In a mixed document a target is about education only when its
    indicator or clause says so (学校, 学生, 幼儿园 …); 老旧小区改造 or 就业 there are `other`."""
    if mixed and not (_ANCHOR.search(indicator) or _ANCHOR.search(clause)):
        return "other"
    if _STAFF_MEASURE.search(indicator) and _STAFF.search(indicator):
        return "teachers"  # 幼儿教师本科及以上学历比例: the workforce, not the stage it teaches
    if _ADMISSION.search(indicator):
        return "high_school"  # 考入“C9联盟”高校22人: what the region's high schools achieved
    building = building_domain(indicator, clause, sentence if before is None else before)
    if building:
        return building
    # money or floor area (paid) borrows a stage from its context; a sentence that continues another
    # only when it names no domain of its own (其中，招聘教师120名 stays teachers): asked last, it is
    # the costly test
    if before is not None and (paid or (continues is not None and not _keyword_hits(indicator)
                                        and not _keyword_hits(clause) and continues())):
        # money or floor area whose own clause names no building (投入资金2.7亿元), or a breakdown
        # (分别为临渭区3所), is for the one stage its context builds (…新建公办幼儿园11所): that
        # stage's, as the codebook has funded kindergartens preschool
        stages = school_stages(indicator) or school_stages(before() if callable(before) else before)
        if len(stages) == 1 and (stage := next(iter(stages))) in _STAGE_DOMAINS:
            return stage
    scores = domain_scores({"indicator": indicator, "clause": clause, "sentence": sentence, "heading": heading})
    if not scores:
        return "other"
    best = max(scores.values())
    domain = min((d for d, s in scores.items() if s == best), key=ORDER.index)
    if domain in _STAGE_DOMAINS:
        # a stage's generic words (毛入学率 of higher education, 教育集团 of compulsory) do not move
        # a target off the one stage its indicator names (小学适龄儿童毛入学率, 学前教育集团); 本科 names
        # a degree as often as a stage (专任教师本科及以上学历比例, 本科上线率): it moves nothing
        stages = school_stages(indicator) - {""}
        if len(stages) == 1 and (stage := next(iter(stages))) in _STAGE_DOMAINS and stage != "higher":
            return stage
    return domain


_RULES_BY_KIND: dict = {}


def _metric_rules(kind) -> list[tuple]:
    """(name, all, any, not) of the metric rules that apply to this kind, in vocabulary order."""
    try:
        return _RULES_BY_KIND[kind]
    except KeyError:
        rules = _RULES_BY_KIND[kind] = [
            (rule["name"], tuple(rule.get("all", [])), tuple(rule.get("any", [])), tuple(rule.get("not", [])))
            for rule in METRICS if kind in rule.get("kind", [kind])]
        return rules


def assign_metric(indicator: str, clause: str, kind: str) -> str:
    """The first metric rule its indicator satisfies; else the first its indicator and clause do
    (合格率、优良率分别达到98.55%、70%: the 70% is the 优良率 its indicator names, not the clause's 合格率)."""
    has, own = (indicator + "|" + clause).__contains__, indicator.__contains__
    fallback = ""
    for name, all_words, any_words, not_words in _metric_rules(kind):
        if (all(map(has, all_words)) and (not any_words or any(map(has, any_words)))
                and not any(map(has, not_words))):
            if all(map(own, all_words)) and (not any_words or any(map(own, any_words))):
                return name
            fallback = fallback or name
    return fallback
