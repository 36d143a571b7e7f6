"""A synthetic corpus of plan documents built from the seeds' sentences.

Each document gets a county from the national gazetteer, a year, a title line and
40–120 sentences drawn from the seeds with every digit re-rolled, so numbers vary
but the sentence shapes are real. Deterministic for a given seed.

    python benchmarks/corpus.py OUT_DIR --docs 1000 [--seed 0]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SENTENCE = re.compile(r"[^。；\n]{6,}[。；]")


def seed_sentences(seeds: Path = ROOT / "seeds") -> list[str]:
    sentences = []
    for p in sorted(seeds.iterdir()):
        sentences += _SENTENCE.findall(p.read_text(encoding="utf-8", errors="replace"))
    return sentences


def counties() -> list[str]:
    from targets.regions import gazetteer
    places, _ = gazetteer()
    return [p.name for p in sorted(places.values(), key=lambda p: p.adcode)
            if p.level == 3 and p.name[-1] in "县区市旗"]


def make_document(rng: random.Random, sentences: list[str], places: list[str]) -> tuple[str, str]:
    place, year = rng.choice(places), rng.randint(2016, 2026)
    body = []
    for _ in range(rng.randint(40, 120)):
        s = re.sub(r"\d", lambda _m: str(rng.randint(1, 9)), rng.choice(sentences))
        body.append(s + ("\n" if rng.random() < 0.3 else ""))
    title = f"{place}教育局{year}年教育工作要点\n"
    return f"{place}_{year}", title + "".join(body) + "\n"


def make_corpus(out: Path, docs: int, seed: int = 0) -> int:
    """Write `docs` documents under out/ (100 per sub-folder); return total bytes."""
    rng = random.Random(seed)
    sentences, places = seed_sentences(), counties()
    total = 0
    for i in range(docs):
        name, text = make_document(rng, sentences, places)
        folder = out / f"part{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{i:06d}_{name}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    total = make_corpus(args.out, args.docs, args.seed)
    print(f"wrote {args.docs} documents, {total / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
