"""The CLI, the committed data/ table, and atomic writes."""
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from targets.build import build, extract_folder, is_current
from targets.extract import COLUMNS
from targets.table import read_targets

ROOT = Path(__file__).resolve().parents[1]


def test_committed_data_is_current():
    """data/ must be the table built from seeds/ by the current extractor."""
    assert is_current(ROOT / "seeds", ROOT / "data"), "run: python -m targets extract"
    fresh = pd.DataFrame(extract_folder(ROOT / "seeds").rows, columns=COLUMNS)
    csv = read_targets(ROOT / "data" / "targets.csv")
    pq = read_targets(ROOT / "data" / "targets.parquet")
    assert list(csv.columns) == COLUMNS and list(pq.columns) == COLUMNS
    assert csv["target_id"].tolist() == fresh["target_id"].tolist() == pq["target_id"].tolist()
    assert csv["quote"].tolist() == fresh["quote"].tolist()
    assert (ROOT / "data" / "targets.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    docs = pd.read_csv(ROOT / "data" / "documents.csv", encoding="utf-8-sig")
    assert {"doc_id", "region", "year", "title", "issuer", "doc_number", "pub_date"} <= set(docs.columns)


def test_cli_extract_reports_bad_files_and_goes_on(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "good.txt").write_text("2024年某区教育工作要点\n新开幼儿园7所,新增托位1000个。", encoding="utf-8")
    (inp / "empty.txt").write_bytes(b"")
    (inp / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (inp / "gbk.txt").write_bytes("2023年某县教育工作要点\n普惠性幼儿园覆盖率达到90%。".encode("gbk"))
    proc = subprocess.run([sys.executable, "-m", "targets", "extract", "--input", str(inp), "--output", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "files=4 documents=2 targets=3 results=0 errors=2" in proc.stdout
    assert "empty.txt" in proc.stderr and "blob.txt" in proc.stderr
    df = read_targets(out / "targets.csv")
    assert sorted(df["quote"]) == ["1000个", "7所", "90%"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["targets"] == 3 and len(manifest["errors"]) == 2


def test_cli_evaluate_prints_scores():
    proc = subprocess.run([sys.executable, "-m", "targets", "evaluate", "--gold", "tests/gold", "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["targets"]["overall"]["f1"] >= 0.97 and len(result["targets"]["per_file"]) == 5
    assert "results" not in result  # the seed gold holds targets only


def test_failed_write_keeps_previous_table(tmp_path, monkeypatch):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text("新开幼儿园7所。", encoding="utf-8")
    build(inp, tmp_path / "out")
    before = (tmp_path / "out" / "targets.csv").read_bytes()
    (inp / "b.txt").write_text("新增托位1000个。", encoding="utf-8")

    import targets.table as table

    def boom(*a, **k):
        raise RuntimeError("disk full")
    monkeypatch.setattr(table.TableWriter, "_write", boom)
    try:
        build(inp, tmp_path / "out")
    except RuntimeError:
        pass
    assert (tmp_path / "out" / "targets.csv").read_bytes() == before
    assert not list((tmp_path / "out").glob("*.tmp"))
