"""Extraction on real national government work reports (codebook §§1-6): the 2024 and 2025
reports' dev gold in tests/gold/national (annotated by reading; quotes and offsets point into
../shared/corpus/national, which stays outside the project). CI has ../shared beside the clone."""
import os
from pathlib import Path

import pytest

from targets.build import extract_folder
from targets.evaluate import load_gold, load_gold_links, score, score_links
from targets.progress import link
from targets.reading import read_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "national"
GOLD = ROOT / "tests" / "gold" / "national"

if not CORPUS.is_dir():
    if os.environ.get("CI"):
        raise RuntimeError(f"the national corpus is missing: {CORPUS}")
    pytest.skip("../shared/corpus/national is not beside the clone", allow_module_level=True)


@pytest.fixture(scope="module")
def extraction():
    result = extract_folder(CORPUS)
    assert not result.errors
    return result


def test_gold_quotes_match_the_reports():
    texts = {p.name: read_path(p).text for p in CORPUS.iterdir()}
    for g in load_gold(GOLD):
        assert texts[g["source_file"]][g["start"]:g["end"]] == g["quote"], g


def test_targets_meet_the_bar(extraction):
    overall, _ = score(extraction.rows, load_gold(GOLD), "target")
    assert overall.f1 >= 0.95, overall.summary()
    acc = overall.field_accuracy()
    for f in ("unit", "kind", "comparator"):
        assert acc[f] >= 0.95, (f, acc)
    assert acc["domain"] >= 0.90, acc
    assert acc["period"] >= 0.95, acc


def test_results_meet_the_bar(extraction):
    overall, _ = score(extraction.rows, load_gold(GOLD), "result")
    assert overall.f1 >= 0.90, overall.summary()
    acc = overall.field_accuracy()
    for f in ("unit", "kind", "comparator", "period"):
        assert acc[f] >= 0.95, (f, acc)


def test_region_and_year_of_every_report(extraction):
    docs = extraction.document_rows
    assert len(docs) == 10
    for d in docs:
        assert (d["region"], d["province"], d["city"], d["county"]) == ("全国", "", "", ""), d
        assert str(d["year"]) == d["source_file"][:4], d


@pytest.mark.parametrize("status", ["target", "result"])
def test_indicator_names_are_readable(extraction, status):
    overall, _ = score(extraction.rows, load_gold(GOLD), status)
    q = overall.indicator_quality()
    assert q["share_ge_0.5"] >= 0.95 and q["mean"] >= 0.85, q


def test_links_meet_the_bar(extraction):
    gold_links = load_gold_links(GOLD)
    if not gold_links:
        pytest.skip("no gold links")
    s = score_links(link(extraction.rows), load_gold(GOLD), gold_links)
    assert s.f1 >= 0.90, s.summary()
    assert s.verdict_right >= 0.95 * s.tp, s.summary()
