"""Batch builds: incremental re-runs, worker processes, streaming batches, interrupted runs."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from targets.build import build, is_current
from targets.table import read_targets

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _sorted(df):
    return df.sort_values("target_id").reset_index(drop=True)


@pytest.fixture
def corpus(tmp_path):
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    return inp


def test_rerun_reuses_and_one_changed_file_is_reextracted(corpus, tmp_path):
    out = tmp_path / "out"
    first = build(corpus, out)
    assert first.extracted == 5 and first.reused == 0
    again = build(corpus, out)
    assert again.up_to_date and again.extracted == 0 and again.targets == first.targets

    changed = sorted(corpus.iterdir())[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增托位4321个。", encoding="utf-8")
    third = build(corpus, out)
    assert third.extracted == 1 and third.reused == 4
    incremental = _sorted(read_targets(out / "targets.parquet"))
    clean = build(corpus, tmp_path / "clean")
    assert clean.extracted == 5
    assert incremental.equals(_sorted(read_targets(tmp_path / "clean" / "targets.parquet")))
    assert "4321个" in set(incremental["quote"])
    assert _sorted(read_targets(out / "targets.csv"))["target_id"].tolist() == incremental["target_id"].tolist()
    assert is_current(corpus, out)


def test_removed_file_drops_its_rows(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    gone = sorted(corpus.iterdir())[0]
    gone.unlink()
    result = build(corpus, out)
    df = read_targets(out / "targets.parquet")
    assert result.extracted == 0 and result.reused == 4 and gone.name not in set(df["source_file"])
    docs = (out / "documents.csv").read_text(encoding="utf-8-sig")
    assert gone.name not in docs


def test_workers_give_the_same_rows_in_the_same_order(corpus, tmp_path):
    one = build(corpus, tmp_path / "one", workers=1)
    two = build(corpus, tmp_path / "two", workers=2)
    assert one.targets == two.targets
    a = read_targets(tmp_path / "one" / "targets.parquet")
    b = read_targets(tmp_path / "two" / "targets.parquet")
    assert a.equals(b)


def test_small_batches_make_row_groups_and_the_same_table(corpus, tmp_path):
    build(corpus, tmp_path / "big")
    build(corpus, tmp_path / "small", batch_rows=10)
    meta = pq.ParquetFile(tmp_path / "small" / "targets.parquet").metadata
    assert meta.num_row_groups >= 3  # one per flushed batch, not one for the table
    assert read_targets(tmp_path / "small" / "targets.parquet").equals(read_targets(tmp_path / "big" / "targets.parquet"))


def test_subfolders_are_named_by_relative_path(tmp_path):
    inp = tmp_path / "in"
    for prov in ("a", "b"):
        (inp / prov).mkdir(parents=True)
        (inp / prov / "plan.txt").write_text("2024年某县教育工作要点\n新开幼儿园7所。", encoding="utf-8")
    build(inp, tmp_path / "out")
    df = read_targets(tmp_path / "out" / "targets.parquet")
    assert sorted(df["source_file"]) == ["a/plan.txt", "b/plan.txt"] and df["target_id"].is_unique


def _kill_extract_midway(inp: Path, out: Path, n_docs: int, workers: int) -> None:
    """Add n_docs seed copies to inp, start `python -m targets extract`, and kill its process
    group once it is writing temp files (enough work that it is still going then)."""
    seed_text = (SEEDS / "001_b601ba3704758aaf.txt").read_text(encoding="utf-8")
    for i in range(n_docs):
        (inp / f"doc{i:04d}.txt").write_text(seed_text + f"\n新增托位{i + 1}个。", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "targets", "extract", "--input", str(inp), "--output", str(out),
                             "--workers", str(workers)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list(out.glob("*.tmp")) and proc.poll() is None:
        time.sleep(0.02)
    time.sleep(0.3)  # let it write some batches into the temp files
    assert proc.poll() is None, "extract finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


def test_killed_extract_leaves_previous_table_intact(tmp_path):
    """Kill `python -m targets extract` halfway: the old table is still whole and readable."""
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text("2024年某区教育工作要点\n新开幼儿园7所。", encoding="utf-8")
    build(inp, out)
    before = {n: (out / n).read_bytes() for n in ("targets.parquet", "targets.csv", "documents.csv", "manifest.json")}
    _kill_extract_midway(inp, out, 400, workers=1)
    after = {n: (out / n).read_bytes() for n in before}
    assert after == before
    assert len(read_targets(out / "targets.parquet")) == len(read_targets(out / "targets.csv")) == 1
    assert json.loads(before["manifest.json"])["targets"] == 1
    # the next run cleans up nothing by hand: it just builds
    result = build(inp, out)
    assert result.targets > 400 and not result.errors


def test_two_workers_write_the_same_files_as_one(tmp_path, monkeypatch):
    """Every output of `--workers 2` (several tasks of several files each, files that cannot
    be read among them) is the same as `--workers 1`'s, byte for byte for the CSVs."""
    import targets.build as b
    monkeypatch.setattr(b, "CHUNK_BYTES", 60_000)  # several files a task, several tasks
    inp = tmp_path / "in"
    for k in range(3):
        shutil.copytree(SEEDS, inp / f"copy{k}")
    (inp / "copy1" / "empty.txt").write_bytes(b"")
    (inp / "copy1" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inp / "copy2" / "notes.xyz").write_text("新开幼儿园7所。", encoding="utf-8")
    one = build(inp, tmp_path / "one", workers=1, batch_rows=50)
    two = build(inp, tmp_path / "two", workers=2, batch_rows=50)
    assert one.summary().rsplit(" ", 1)[0] == two.summary().rsplit(" ", 1)[0]
    assert len(one.errors) == 3 and one.errors == two.errors
    for name in ("targets.csv", "documents.csv", "progress.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    for name in ("targets.parquet", "progress.parquet"):
        a, c = pq.read_table(tmp_path / "one" / name), pq.read_table(tmp_path / "two" / name)
        assert a.equals(c) and a.schema.equals(c.schema, check_metadata=True), name
    m1, m2 = (json.loads((tmp_path / d / "manifest.json").read_text(encoding="utf-8")) for d in ("one", "two"))
    assert m1 == m2
    assert pq.ParquetFile(tmp_path / "two" / "targets.parquet").metadata.num_row_groups > 1


def test_tasks_shrink_as_the_input_runs_out(tmp_path):
    """Tasks keep every file once and in order; they are full-sized while much input is left
    and shrink towards the end, so two workers finish together."""
    import targets.build as b
    jobs = []
    for k in range(80):
        p = tmp_path / f"{k:02d}.txt"
        p.write_bytes(b"x" * 40_000)
        jobs.append((str(p), p.name))
    tasks = list(b._chunks(jobs, workers=2))
    assert [j for t in tasks for j in t] == jobs
    sizes = [len(t) * 40_000 for t in tasks]
    assert sizes[0] > b.CHUNK_BYTES // 2 and sizes[-1] <= b.MIN_CHUNK_BYTES + 40_000
    assert sizes == sorted(sizes, reverse=True)
    assert len(list(b._chunks(jobs[:1], workers=2))) == 1


def test_killed_parallel_extract_leaves_previous_table_intact(tmp_path):
    """The same with two workers and the writer process: killing the run's process group
    mid-way leaves the old table whole, and no temp file is taken for a table."""
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text("2024年某区教育工作要点\n新开幼儿园7所。", encoding="utf-8")
    build(inp, out)
    before = {n: (out / n).read_bytes() for n in ("targets.parquet", "targets.csv", "documents.csv", "manifest.json",
                                                  "progress.csv")}
    _kill_extract_midway(inp, out, 1200, workers=2)
    assert {n: (out / n).read_bytes() for n in before} == before
    result = build(inp, out, workers=2)
    assert result.targets > 1200 and not result.errors


def test_a_failing_writer_process_is_reported_and_leaves_the_table(corpus, tmp_path, monkeypatch):
    """With workers, the table is written by a forked process: when writing fails there, the
    build raises that error (not a hang, not a silent empty table) and the old table stays."""
    import targets.build as b
    out = tmp_path / "out"
    build(corpus, out)
    before = (out / "targets.csv").read_bytes()
    for path in corpus.glob("*.txt"):  # every file changed: all are extracted again, in parallel
        path.write_text(path.read_text(encoding="utf-8") + "\n新开幼儿园9所。", encoding="utf-8")
    real = b._write_table

    def failing(out_dir, reuse, batch_rows, items):
        def some():
            for k, item in enumerate(items):
                if k == 2:
                    raise OSError(28, "No space left on device")
                yield item
        return real(out_dir, reuse, batch_rows, some())

    monkeypatch.setattr(b, "_write_table", failing)  # the forked writer inherits it
    monkeypatch.setattr(b, "CHUNK_BYTES", 1)  # a task a file: several messages to the writer
    with pytest.raises(OSError, match="No space left") as raised:
        build(corpus, out, workers=2)
    assert "in the table writer process" in str(raised.value.__cause__)  # raised there, told here
    assert (out / "targets.csv").read_bytes() == before
    assert not list(out.glob("*.tmp"))
