"""Coverage-guided fuzzing of the readers and the extractor with atheris (libFuzzer).

    pip install atheris
    python tests/fuzz_atheris.py -atheris_runs=200000 [-max_len=4096]

Bytes in, named as .txt/.html/.docx/.pdf by the first byte; the property is the same as the
Hypothesis tests: only a ReadError naming the file may escape, every quote equals its raw
span, values are finite, and a second run gives the same rows (stable ids).
"""
import math
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from targets.errors import ReadError
    from targets.extract import extract_document_rows
    from targets.reading import read_bytes

SUFFIXES = (".txt", ".html", ".docx", ".pdf")


def test_one(data: bytes) -> None:
    if not data:
        return
    name = "fuzz" + SUFFIXES[data[0] % len(SUFFIXES)]
    try:
        src = read_bytes(data[1:], name)
    except ReadError as exc:
        assert name in str(exc), exc
        return
    rows = extract_document_rows(src.text, name).rows
    for r in rows:
        assert src.text[r["start"]:r["end"]] == r["quote"], r
        assert math.isfinite(r["value"]) and (r["value_max"] is None or math.isfinite(r["value_max"])), r
    assert rows == extract_document_rows(src.text, name).rows


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
