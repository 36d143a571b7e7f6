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
        for m in _KEYWORDS.finditer(parts.get(part) or ""):
            d = _WORD_DOMAIN[m.group(0)]
            if d != NEUTRAL:
                # longer keywords are more specific: 课后服务 says more than 课程
                scores[d] = scores.get(d, 0.0) + weight * len(m.group(0))
    return scores


_ANCHOR = re.compile(alternation(_V["education_anchors"]))
_MIXED = re.compile(alternation(_V["mixed_genres"]))


def is_mixed_document(title: str, head: str) -> bool:
    """A government work report or a 民生实事 list covers far more than education."""
    return bool(_MIXED.search(title) or _MIXED.search(head))


def assign_domain(indicator: str, clause: str, sentence: str, heading: str, mixed: bool = False) -> str:
    """The codebook domain. In a mixed document a target is about education only when its
    indicator or clause says so (学校, 学生, 幼儿园 …); 老旧小区改造 or 就业 there are `other`."""
    if mixed and not (_ANCHOR.search(indicator) or _ANCHOR.search(clause)):
        return "other"
    for domain, pattern in _OVERRIDE.items():
        if pattern.search(clause) or pattern.search(indicator):
            return domain
    scores = domain_scores({"indicator": indicator, "clause": clause, "sentence": sentence, "heading": heading})
    if not scores:
        return "other"
    best = max(scores.values())
    return min((d for d, s in scores.items() if s == best), key=ORDER.index)


def assign_metric(indicator: str, clause: str, kind: str) -> str:
    text = indicator + "|" + clause
    for rule in METRICS:
        if kind not in rule.get("kind", [kind]):
            continue
        if not all(w in text for w in rule.get("all", [])):
            continue
        if rule.get("any") and not any(w in text for w in rule["any"]):
            continue
        if any(w in text for w in rule.get("not", [])):
            continue
        return rule["name"]
    return ""
