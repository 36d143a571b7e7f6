"""Assign a codebook domain and a canonical metric to a target from keyword lists."""
from __future__ import annotations

from .vocab import load_vocab

_V = load_vocab()
DOMAINS: dict[str, list[str]] = _V["domains"]
ORDER: list[str] = _V["domain_order"]
METRICS: list[dict] = _V["metrics"]

# Where a keyword is found weighs how much it says about the target.
WEIGHTS = (("indicator", 3.0), ("clause", 2.0), ("sentence", 1.0), ("heading", 1.0))


def assign_domain(indicator: str, clause: str, sentence: str, heading: str) -> str:
    parts = {"indicator": indicator, "clause": clause, "sentence": sentence, "heading": heading}
    scores: dict[str, float] = {}
    for domain, words in DOMAINS.items():
        total = 0.0
        for part, weight in WEIGHTS:
            text = parts[part]
            if text:
                # longer keywords are more specific: 课后服务 says more than 课程
                total += weight * sum(len(w) for w in words if w in text)
        if total:
            scores[domain] = total
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
