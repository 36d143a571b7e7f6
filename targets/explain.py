"""Why each number of a document was kept, excluded or called a result.

`python -m targets explain FILE` lists every candidate number (a number with a unit) with
its decision and the rule that made it, so an analyst who disagrees with a row can see why
it is there, and why a number is missing."""
from __future__ import annotations

import os

from . import rules
from .documents import NATIONAL, split_documents
from .finder import find_targets
from .normalize import normalize
from .reading import read_path
from .vocab import load_vocab

# Rules applied in the finder before a candidate is read in context.
_FINDER_RULES = {
    "not_a_unit": "the word after the number is not its unit here (万 of 万一, 人 of 人民)",
    "not_a_fraction": "a fraction whose part exceeds its whole",
    "not_a_number": "the numeral does not parse",
    "not_a_range": "'2-1': a code, not a range",
    "nameless": "its line holds nothing but numbers, units, cue words and punctuation: nothing is named",
    "row_cap": "the document had more rows than context.max_rows_per_document; the rest was not read",
    "number_run": "one of a run of 30 or more numbers with at most 4 characters between them (a garbled table, a run-on list)",
    "unit_cell": "a bare 万/亿 in a table's unit cell or after 每 (每万人)",
    "deadline_cue": "a year or period the text says something is due by (确保2025年完成, 三年内)",
    "past_deadline": "a year in a review or a past-result sentence, not a due date",
    "commitment": "no exclusion and no result cue: the plan commits to it",
    "indicator_table": "a target cell of an indicator table (主要指标表)",
    "headline_restates_result": "in a news page's headline or lead, a number whose value and unit the story reports as a result",
    "cell_table": "a bare number in a goal-year cell of an indicator table written one cell a line",
}


def rule_description(name: str) -> str:
    fn = getattr(rules, name, None)
    if callable(fn) and fn.__doc__:
        return " ".join(fn.__doc__.split())
    return _FINDER_RULES.get(name, "")


def explain_text(text: str, source_file: str = "<text>") -> list[dict]:
    """Every candidate of every document in `text`, in reading order, raw offsets."""
    norm = normalize(text)
    items = []
    for doc in split_documents(norm.text, source_file):
        trace: list = []
        found = find_targets(norm.text, doc.start, doc.end, doc.year, trace=trace, title=doc.title, pub_date=doc.pub_date,
                             national=doc.region.region == NATIONAL.region)
        by_span = {(f.start, f.end): f for f in found}
        for t in trace:
            start, end = norm.raw_span(t.start, t.end)
            f = by_span.get((t.start, t.end))
            items.append({
                "doc_id": doc.doc_id, "start": start, "end": end, "quote": text[start:end],
                "status": t.status, "rule": t.rule, "why": rule_description(t.rule),
                "value": f.value if f else None, "unit": f.unit if f else "",
                "indicator": f.indicator if f else "", "period": f.period if f else "",
                "sentence": f.sentence if f else _sentence(norm.text, t.start),
            })
    items.sort(key=lambda i: (i["start"], i["end"]))
    return items


def _sentence(text: str, pos: int) -> str:
    lo = max(text.rfind(ch, max(0, pos - 120), pos) for ch in "。；\n") + 1
    hi = min((i for i in (text.find(ch, pos, pos + 120) for ch in "。；\n") if i >= 0), default=min(len(text), pos + 60))
    return text[lo:hi].strip()


STATUS_LABELS = {"target": "目标", "result": "结果", "excluded": "排除"}


def rule_label(name: str) -> str:
    """The rule in the analyst's words (vocab.yaml: rule_labels), else its English description."""
    return load_vocab()["rule_labels"].get(name) or rule_description(name)


def explanation_frame(text: str, source_file: str = "<text>"):
    """Every candidate number of a text as a table for the dashboard: 判定, 原文, 规则, 理由, 指标, 句子."""
    import pandas as pd
    items = explain_text(text, source_file)
    return pd.DataFrame({
        "doc_id": [i["doc_id"] for i in items],
        "判定": [STATUS_LABELS[i["status"]] for i in items],
        "原文": [i["quote"] for i in items],
        "规则": [i["rule"] for i in items],
        "理由": [rule_label(i["rule"]) for i in items],
        "指标": [i["indicator"] for i in items],
        "所在句": [i["sentence"] for i in items],
        "位置": [i["start"] for i in items],
    })


def explain_file(path: str | os.PathLike) -> list[dict]:
    src = read_path(path)
    return explain_text(src.text, src.source_file)


def format_explanation(items: list[dict]) -> str:
    marks = {"target": "TARGET  ", "result": "RESULT  ", "excluded": "excluded"}
    lines = []
    for i in items:
        kept = f" → {i['value']:g} {i['unit']} {i['indicator']} ({i['period']})" if i["value"] is not None else ""
        lines.append(f"{marks[i['status']]} {i['start']:>6}-{i['end']:<6} {i['quote']!r:14} {i['rule']}{kept}")
        lines.append(f"         {i['sentence'][:70]}")
    counts = {s: sum(i["status"] == s for i in items) for s in ("target", "result", "excluded")}
    lines.append(f"candidates={len(items)} targets={counts['target']} results={counts['result']} "
                 f"excluded={counts['excluded']}")
    return "\n".join(lines)
