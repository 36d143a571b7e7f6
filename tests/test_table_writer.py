"""The table writer: Parquet is read back from the CSV text it writes, and is the same table that
building it from the values gives, whatever the cells hold; a build never imports pandas."""
import math
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from targets.extract import extract_text
from targets.schema import COLUMNS
from targets.table import SCHEMA, TableWriter, _arrow_table

ROOT = Path(__file__).resolve().parents[1]


def _row(**changes) -> dict:
    row = dict(extract_text("2025年，全区新增普惠性托位1000个。", "plan.txt")[0])
    row.update(changes)
    return row


# (what the cell holds, the row's changes): text the csv module quotes, leaves bare, or that
# Arrow could misread (\r, null-like words), missing values, odd numbers
CASES = [
    ("plain", {}),
    ("comma and quotes", {"sentence": '新增托位1,000个，"普惠"优先'}),
    ("newline in a quoted cell", {"sentence": "新增托位\n1000个"}),
    ("bare carriage return", {"sentence": "新增托位\r1000个", "quote": "1000\r个"}),
    ("crlf", {"title": "要点\r\n2025"}),
    ("carriage return ending the last cell", {"reports_on": "T-1\r"}),  # read as a CRLF line end
    ("null-like words", {"indicator": "NA", "metric": "null", "deadline": "NaN", "unit": "N/A"}),
    ("spaces kept", {"indicator": "  托位 ", "title": " "}),
    ("empty strings", {"indicator": "", "deadline": "", "province": ""}),
    ("None in a text column", {"deadline": None, "metric": None}),
    ("NaN in a text column", {"title": float("nan")}),
    ("missing year and value_max", {"year": None, "value_max": float("nan")}),
    ("odd floats", {"value": 1e-05, "value_max": 0.1 + 0.2}),
    ("big integers", {"start": 2**40, "end": 2**40 + 7, "year": 2025}),
    ("rare characters", {"sentence": "𠀀𪚥\u3000\ufeff新增托位", "quote": "\u200b1000个"}),
]


def _written(tmp_path, rows, batch_rows=20_000):
    with TableWriter(tmp_path, batch_rows=batch_rows) as writer:
        for part in rows:
            writer.write_rows(part)
    return pq.read_table(tmp_path / "targets.parquet")


@pytest.mark.parametrize("what,changes", CASES, ids=[c[0] for c in CASES])
def test_parquet_is_the_table_built_from_the_values(tmp_path, what, changes):
    rows = [_row(), _row(**changes), _row(target_id="T-last")]
    expected = _arrow_table({c: [r.get(c) for r in rows] for c in COLUMNS})
    table = _written(tmp_path, [rows])
    assert table.schema.equals(SCHEMA) and table.equals(expected), what


def test_parts_of_both_kinds_in_one_row_group_keep_their_order(tmp_path):
    """Parts whose CSV reads back and parts built from their values (a bare \\r, a None) share a
    row group in the order they came."""
    parts = [[_row(target_id=f"T{k}a"), _row(**changes, target_id=f"T{k}b")] for k, (_, changes) in enumerate(CASES)]
    table = _written(tmp_path, parts, batch_rows=7)
    rows = [r for part in parts for r in part]
    assert table.equals(_arrow_table({c: [r.get(c) for r in rows] for c in COLUMNS}))
    assert pq.ParquetFile(tmp_path / "targets.parquet").metadata.num_row_groups > 1


def test_one_big_part_is_written_a_batch_at_a_time_with_the_same_files(tmp_path):
    """A huge file's rows come as one part; its cells are made batch by batch (memory), and the
    files are those of the whole part at once."""
    rows = [_row(**changes, target_id=f"T{k}") for k, (_, changes) in enumerate(CASES)]
    whole, batched = tmp_path / "whole", tmp_path / "batched"
    _written(whole, [rows])
    table = _written(batched, [rows], batch_rows=4)
    assert table.equals(pq.read_table(whole / "targets.parquet"))
    assert (batched / "targets.csv").read_bytes() == (whole / "targets.csv").read_bytes()
    assert pq.ParquetFile(batched / "targets.parquet").metadata.num_row_groups == -(-len(rows) // 4)


def test_csv_cells_of_missing_values_are_empty(tmp_path):
    _written(tmp_path, [[_row(year=None, value_max=math.nan, deadline=None)]])
    header, line = (tmp_path / "targets.csv").read_text(encoding="utf-8-sig").splitlines()
    cells = dict(zip(header.split(","), line.split(",")))
    assert cells["year"] == cells["value_max"] == cells["deadline"] == ""


def test_a_build_does_not_import_pandas(tmp_path):
    """pa.array's first call imports pandas (0.2 s); a build, and a re-run that reuses the rows of
    unchanged files, write both tables without it."""
    import shutil
    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    changed = sorted(inp.iterdir())[2]
    code = ("import sys; from pathlib import Path; from targets.build import build; "
            f"inp, out = Path({str(inp)!r}), Path({str(tmp_path / 'out')!r}); "
            "first = build(inp, out, workers=1); "
            f"p = Path({str(changed)!r}); p.write_text(p.read_text(encoding='utf-8') + '新增托位4321个。', encoding='utf-8'); "
            "again = build(inp, out, workers=1); "
            "assert first.targets > 100 and again.reused == 4 and again.extracted == 1, again.summary(); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
    assert pq.read_table(tmp_path / "out" / "progress.parquet").num_rows > 0
