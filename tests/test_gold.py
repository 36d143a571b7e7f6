"""Extraction quality on the hand-checked gold (codebook section 5) and offset integrity."""
from pathlib import Path

import pytest

from targets.build import extract_folder
from targets.evaluate import load_gold, matches, score
from targets.reading import read_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS, GOLD = ROOT / "seeds", ROOT / "tests" / "gold"


@pytest.fixture(scope="module")
def rows():
    result = extract_folder(SEEDS)
    assert not result.errors
    return result.rows


def test_gold_scores_meet_the_bar(rows):
    overall, per_file = score(rows, load_gold(GOLD))
    assert overall.precision >= 0.97, overall.summary()
    assert overall.recall >= 0.97, overall.summary()
    assert overall.f1 >= 0.97, overall.summary()
    acc = overall.field_accuracy()
    for f in ("unit", "kind", "region", "year"):
        assert acc[f] >= 0.97, (f, acc)
    assert acc["comparator"] >= 0.90, acc
    assert acc["domain"] >= 0.95, acc
    for name, s in per_file.items():
        assert s.f1 >= 0.90, (name, s.summary())


def test_indicator_names_are_readable(rows):
    """Character-overlap F1 of our names against the analysts' (issue 10's bar)."""
    overall, _ = score(rows, load_gold(GOLD))
    q = overall.indicator_quality()
    assert q["share_ge_0.5"] >= 0.95 and q["mean"] >= 0.85, q


def test_every_quote_is_the_raw_span(rows):
    texts = {p.name: read_path(p).text for p in SEEDS.iterdir()}
    for r in rows:
        assert texts[r["source_file"]][r["start"]:r["end"]] == r["quote"], r


def test_gold_quotes_match_the_seeds():
    texts = {p.name: read_path(p).text for p in SEEDS.iterdir()}
    for g in load_gold(GOLD):
        assert texts[g["source_file"]][g["start"]:g["end"]] == g["quote"]


def test_scorer_counts_what_it_should():
    gold = [{"source_file": "a", "start": 0, "end": 3, "value": 5, "value_max": None, "required": True, "unit": "所"},
            {"source_file": "a", "start": 10, "end": 12, "value": 1, "value_max": None, "required": False, "unit": "次"}]
    preds = [{"source_file": "a", "start": 1, "end": 3, "value": 5.0, "value_max": None, "unit": "所"},
             {"source_file": "a", "start": 10, "end": 12, "value": 1.0, "value_max": None, "unit": "次"},
             {"source_file": "a", "start": 20, "end": 22, "value": 9.0, "value_max": None, "unit": "个"}]
    overall, _ = score(preds, gold)
    assert (overall.tp, overall.fp, overall.fn) == (1, 1, 0)
    assert not matches(preds[0] | {"value": 6.0}, gold[0])


def test_target_ids_are_stable_and_unique(rows):
    again = extract_folder(SEEDS).rows
    assert [r["target_id"] for r in rows] == [r["target_id"] for r in again]
    assert len({r["target_id"] for r in rows}) == len(rows)


def test_a_target_on_a_page_whose_gold_holds_only_results_is_a_false_one():
    """A page of results read as a plan: its gold has no target, so every target predicted on it is
    a false positive of the target score (it used to be skipped with the file)."""
    gold = [{"source_file": "r", "start": 0, "end": 3, "value": 5, "value_max": None, "required": True,
             "status": "result", "period": "2024"}]
    preds = [{"source_file": "r", "start": 0, "end": 3, "value": 5.0, "value_max": None, "status": "target"}]
    targets, _ = score(preds, gold, "target")
    results, _ = score(preds, gold, "result")
    assert (targets.tp, targets.fp, targets.fn) == (0, 1, 0)
    assert (results.tp, results.fp, results.fn) == (0, 0, 1)
