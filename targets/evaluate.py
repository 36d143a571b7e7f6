"""Score predicted rows against gold JSONL exactly as codebook section 5 says.

A prediction matches a gold row when it names the same source_file, its
[start, end) overlaps the gold span, and its value (and value_max) equal the
gold's. Precision/recall/F1 count required gold rows; optional gold rows are set
aside with the predictions that match them. Field accuracy is over matched pairs.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("unit", "kind", "comparator", "domain", "region", "year", "period")


LINKS_FILE = "links.jsonl"


def load_gold(gold_dir: str | Path) -> list[dict]:
    rows = []
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        if path.name == LINKS_FILE:
            continue
        with open(path, encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def status_of(row: dict) -> str:
    """Gold lines without `status` are targets (codebook section 6); so are table rows."""
    return row.get("status") or "target"


def only(rows: list[dict], status: str) -> list[dict]:
    return [r for r in rows if status_of(r) == status]


def char_overlap_f1(pred: str, gold: str) -> float:
    """Character-overlap F1 of two indicator names (multiset of characters)."""
    pred, gold = str(pred or ""), str(gold or "")
    if not pred or not gold:
        return 0.0
    common = sum((Counter(pred) & Counter(gold)).values())
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(gold)
    return 2 * p * r / (p + r)


def _num_eq(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    if b is None or (isinstance(b, float) and math.isnan(b)):
        return False
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def matches(pred: dict, gold: dict) -> bool:
    return (pred["source_file"] == gold["source_file"]
            and pred["start"] < gold["end"] and gold["start"] < pred["end"]
            and _num_eq(pred["value"], gold["value"])
            and _num_eq(pred.get("value_max"), gold.get("value_max")))


class _PRF:
    """Precision, recall and F1 of tp / fp / fn counts."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score(_PRF):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_hits: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    field_totals: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})  # pairs whose gold has it
    pairs: int = 0
    indicator_f1: list = field(default_factory=list)  # char-overlap F1 of each matched pair
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)
    field_errors: list = field(default_factory=list)

    def indicator_quality(self) -> dict:
        n = len(self.indicator_f1)
        return {"mean": round(sum(self.indicator_f1) / n, 4) if n else 1.0,
                "share_ge_0.5": round(sum(f >= 0.5 for f in self.indicator_f1) / n, 4) if n else 1.0}

    def field_accuracy(self) -> dict:
        return {f: self.field_hits[f] / self.field_totals[f] for f in FIELDS if self.field_totals[f]}

    def summary(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "field_accuracy": {k: round(v, 4) for k, v in self.field_accuracy().items()},
                "indicator": self.indicator_quality()}


def score(predictions: list[dict], gold: list[dict], status: str | None = "target") -> tuple[Score, dict[str, Score]]:
    """Overall and per-file scores of the rows of one status ('target' by default, 'result', or
    None for all). Matching is one-to-one, greedy by span overlap order."""
    # every file the gold covers, whatever the status of its rows: a page whose gold has only results
    # still counts each target predicted on it as a false one
    files = sorted({g["source_file"] for g in gold})
    if status:
        predictions, gold = only(predictions, status), only(gold, status)
    overall = Score()
    per_file: dict[str, Score] = {}
    for fname in files:
        s = per_file.setdefault(fname, Score())
        g_rows = sorted((g for g in gold if g["source_file"] == fname), key=lambda g: (g["start"], g["end"]))
        p_rows = sorted((p for p in predictions if p["source_file"] == fname), key=lambda p: (p["start"], p["end"]))
        used: set[int] = set()
        for g in g_rows:
            hit = next((i for i, p in enumerate(p_rows) if i not in used and matches(p, g)), None)
            if hit is None:
                if g.get("required", True):
                    s.fn += 1
                    s.misses.append(g)
                continue
            used.add(hit)
            if not g.get("required", True):
                continue  # optional: neither rewarded nor punished
            s.tp += 1
            s.pairs += 1
            p = p_rows[hit]
            s.indicator_f1.append(char_overlap_f1(p.get("indicator"), g.get("indicator")))
            for f in FIELDS:
                if f not in g:
                    continue  # the seed gold predates `period`
                s.field_totals[f] += 1
                if str(p.get(f)) == str(g.get(f)):
                    s.field_hits[f] += 1
                else:
                    s.field_errors.append((f, g, p))
        for i, p in enumerate(p_rows):
            if i not in used:
                s.fp += 1
                s.extras.append(p)
    for s in per_file.values():
        overall.tp += s.tp
        overall.fp += s.fp
        overall.fn += s.fn
        overall.pairs += s.pairs
        overall.indicator_f1 += s.indicator_f1
        for f in FIELDS:
            overall.field_hits[f] += s.field_hits[f]
            overall.field_totals[f] += s.field_totals[f]
        overall.misses += s.misses
        overall.extras += s.extras
        overall.field_errors += s.field_errors
    return overall, per_file


def report(overall: Score, per_file: dict[str, Score], details: bool = True) -> str:
    lines = [json.dumps(overall.summary(), ensure_ascii=False)]
    for fname, s in per_file.items():
        lines.append(f"  {fname}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})")
    if details:
        for g in overall.misses:
            lines.append(f"MISS  {g['source_file']} {g['start']}-{g['end']} {g['quote']!r} value={g['value']} {g['indicator']}")
        for p in overall.extras:
            lines.append(f"EXTRA {p['source_file']} {p['start']}-{p['end']} {p['quote']!r} value={p['value']} | {p['sentence'][:60]}")
        for f, g, p in overall.field_errors:
            lines.append(f"FIELD {f}: gold={g.get(f)!r} pred={p.get(f)!r}  {g['source_file']} {g['quote']!r} {g['indicator']}")
    return "\n".join(lines)


def load_gold_links(gold_dir: str | Path) -> list[dict]:
    path = Path(gold_dir) / LINKS_FILE
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass
class LinkScore(_PRF):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    verdict_right: int = 0

    def summary(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "verdict_accuracy": round(self.verdict_right / self.tp, 4) if self.tp else 1.0}


def score_links(links: list, gold_rows: list[dict], gold_links: list[dict]) -> LinkScore:
    """Codebook section 6: a predicted link matches a gold link when its target and result rows
    match the gold rows the link names (section 5 matching). Only links between files the gold
    covers are counted; verdicts are compared over matched links."""
    by_start = {(g["source_file"], g["start"]): g for g in gold_rows}
    files = {g["source_file"] for g in gold_rows}
    resolved = []
    for gl in gold_links:
        t = by_start.get((gl["target"]["source_file"], gl["target"]["start"]))
        r = by_start.get((gl["result"]["source_file"], gl["result"]["start"]))
        if t is None or r is None:
            raise ValueError(f"gold link names a row that is not in the gold: {gl}")
        resolved.append((t, r, gl.get("verdict")))
    predicted = [lk for lk in links if lk.result is not None
                 and lk.target["source_file"] in files and lk.result["source_file"] in files]
    s, used = LinkScore(), set()
    for t, r, v in resolved:
        hit = next((i for i, lk in enumerate(predicted) if i not in used
                    and matches(lk.target, t) and matches(lk.result, r)), None)
        if hit is None:
            s.fn += 1
            continue
        used.add(hit)
        s.tp += 1
        s.verdict_right += int(v is None or predicted[hit].verdict == v)
    s.fp = len(predicted) - len(used)
    return s
