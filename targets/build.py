"""Build the table for a folder of documents: batch extraction, errors reported, manifest.

Built for national corpora (tens of thousands of files):
  * streaming: rows go to Parquet row groups and CSV in batches, so memory stays flat;
  * incremental: the manifest records each file's content hash and the extractor's code
    fingerprint; a file whose hash is unchanged keeps its rows from the previous table
    and is not read by the extractor again;
  * parallel: ``workers`` processes extract changed files, results written in file order;
  * atomic: everything is written to temp files and renamed into place at the end, so an
    interrupted run leaves the previous table intact.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import pickle
import sys
import threading
import time
import traceback
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError
from .reading import SUPPORTED_SUFFIXES
from .schema import COLUMNS, EXTRACTOR_VERSION, columns_of

PACKAGE_DIR = Path(__file__).parent
MANIFEST = "manifest.json"
# What decides the table's content; the dashboard and CLI do not.
EXTRACTION_MODULES = ("reading.py", "normalize.py", "documents.py", "regions.py", "numerals.py", "finder.py",
                      "indicator_tables.py", "cell_tables.py", "domains.py", "extract.py", "schema.py", "table.py", "vocab.py",
                      "vocab.yaml", "rules.py", "progress.py", "indicator_names.py")
BATCH_ROWS = 20_000
# With workers, the parent writes while they extract: smaller batches leave less to write
# after the last file is read.
PARALLEL_BATCH_ROWS = 1_000
CHUNK_BYTES = 256 * 1024  # input per task sent to a worker
CHUNK_FILES = 64
MIN_CHUNK_BYTES = 32 * 1024


@dataclass
class BuildResult:
    files: int = 0
    documents: int = 0
    targets: int = 0
    results: int = 0  # rows reporting achievements (status result), not counted in targets
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    reused: int = 0  # files whose rows came from the previous table
    extracted: int = 0  # files the extractor read this run
    up_to_date: bool = False  # nothing changed: nothing was written
    rows: list = field(default_factory=list)  # only from extract_folder (kept in memory)
    document_rows: list = field(default_factory=list)

    def summary(self) -> str:
        return (f"files={self.files} documents={self.documents} targets={self.targets} results={self.results} "
                f"errors={len(self.errors)} extracted={self.extracted} reused={self.reused} "
                f"seconds={self.seconds:.2f}")


def input_files(input_dir: str | os.PathLike) -> list[Path]:
    """Every regular file under the folder, sorted, hidden files skipped."""
    root = Path(input_dir)
    return sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def source_name(path: Path, root: Path) -> str:
    """The file's name in the table: its path under the input folder, with '/'."""
    return path.relative_to(root).as_posix()


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def code_fingerprint() -> str:
    """Hash of the extractor's version, code and vocabularies."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for p in [PACKAGE_DIR / name for name in EXTRACTION_MODULES]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def fingerprint(input_dir: str | os.PathLike, hashes: dict[str, str] | None = None) -> str:
    """Hash of the extractor's code and of every input file (name and content)."""
    root = Path(input_dir)
    h = hashlib.sha256(code_fingerprint().encode())
    for p in input_files(root):
        name = source_name(p, root)
        h.update(name.encode())
        h.update(bytes.fromhex(hashes[name] if hashes and name in hashes else file_hash(p)))
    return h.hexdigest()


def _extract_one(job: tuple[str, str]) -> tuple[str, list, list, str | None]:
    """(name, rows, documents, error) for one file; runs in a worker process."""
    from .extract import extract_path  # heavy (OpenCC, gazetteer); only when extracting
    path, name = job
    if Path(path).suffix.lower() not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES - {""}))
        return name, [], [], f"{name}: unsupported file type '{Path(path).suffix}' (supported: {supported})"
    try:
        ex = extract_path(path, source_file=name)
    except ReadError as exc:
        return name, [], [], str(exc).replace(Path(path).name, name, 1)
    except OSError as exc:
        return name, [], [], f"{name}: cannot read ({exc.strerror or exc})"
    for warning in ex.warnings:  # a document cut at the row cap: its rows are kept, the reader told
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    return name, ex.rows, ex.documents, None


def _columns(rows: list[dict]) -> dict[str, list]:
    """Rows as one list per column (COLUMNS): cheaper to send between processes and to turn
    into a frame than a list of dicts."""
    return columns_of(rows, COLUMNS)


def _extract_chunk(chunk: list[tuple[str, str]]) -> list[tuple[str, dict, list, str | None]]:
    """(name, row columns, documents, error) for each file of a chunk; runs in a worker."""
    out = []
    for job in chunk:
        name, rows, docs, error = _extract_one(job)
        out.append((name, _columns(rows), docs, error))
    return out


def _extract_chunk_packed(chunk: list[tuple[str, str]]) -> tuple[list[tuple], bytes]:
    """(per file: name, rows, results, documents, error; the chunk's _extract_chunk items pickled)
    for a writer process: the parent passes the bytes on without unpickling the rows."""
    items = _extract_chunk(chunk)
    meta = [(name, len(cols["status"]), cols["status"].count("result"), len(docs), error)
            for name, cols, docs, error in items]
    return meta, pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)


def _warm(numerals: bool = False) -> None:
    """Load what every extraction needs once: the extractor's code, OpenCC and the gazetteer
    (and cn2an with `numerals`: 0.1-0.16 s a process). Done in the parent before the workers
    are forked, they start with all of it."""
    from . import extract  # noqa: F401
    from .normalize import _t2s
    from .regions import _name_index
    _t2s()
    _name_index()
    if numerals:
        from .numerals import _cn2an
        _cn2an()


def _pool_context():
    """fork where it is safe (POSIX, one thread): workers start in milliseconds with the
    parent's warm modules instead of importing them each (~0.4 s of CPU a worker)."""
    import multiprocessing
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return None


def _chunks(jobs: list[tuple[str, str]], workers: int = 1):
    """Consecutive jobs grouped into tasks of at most CHUNK_BYTES of input (or one bigger
    file) and CHUNK_FILES files: small files do not each pay a round trip to a worker.
    Tasks shrink as the input runs out (to a share of what is left per worker, not below
    MIN_CHUNK_BYTES), so the last tasks end together and no core waits for one big one."""
    sizes = []
    for job in jobs:
        try:
            sizes.append(os.path.getsize(job[0]))
        except OSError:
            sizes.append(0)
    left = sum(sizes)
    chunk, size = [], 0
    for job, n in zip(jobs, sizes):
        limit = max(MIN_CHUNK_BYTES, min(CHUNK_BYTES, left // (2 * workers)))
        if chunk and (size + n > limit or len(chunk) >= CHUNK_FILES):
            yield chunk
            left -= size
            chunk, size = [], 0
        chunk.append(job)
        size += n
    if chunk:
        yield chunk


class _Extraction:
    """Extraction results in job order, from this process or from a pool of workers: iterate
    for (name, rows, documents, error), rows as a list of dicts, or as columns (_columns) when
    `columns`. With workers, the pool starts and the first tasks are submitted as soon as this
    is made, so they extract while the caller sets up its writer."""

    def __init__(self, jobs: list[tuple[str, str]], workers: int, columns: bool = False, packed: bool = False):
        self.jobs, self.columns, self.packed, self.pool = jobs, columns, packed, None
        self.parallel = workers > 1 and len(jobs) > 1
        if not self.parallel:
            return
        context = _pool_context()
        if context is not None:
            # forked workers inherit it; cn2an too when a writer process uses the other core
            # meanwhile (else loading it here would leave that core idle as long)
            _warm(numerals=packed)
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                        initializer=_warm if context is None else None)
        # A sliding window of tasks in flight, not Executor.map: map submits every job at once
        # and finished results pile up in memory while the writer catches up (2 GB at 600 MB).
        self.pending: deque = deque()
        self.todo = _chunks(jobs, workers)
        self.task = _extract_chunk_packed if packed else _extract_chunk
        for chunk in itertools.islice(self.todo, workers * 4):
            self.pending.append(self.pool.submit(self.task, chunk))

    def __len__(self) -> int:
        return len(self.jobs)

    def __iter__(self):
        if not self.parallel:
            for name, rows, docs, error in map(_extract_one, self.jobs):
                yield name, (_columns(rows) if self.columns else rows), docs, error
            return
        try:
            while self.pending:
                done = self.pending.popleft().result()
                chunk = next(self.todo, None)
                if chunk is not None:
                    self.pending.append(self.pool.submit(self.task, chunk))
                if self.packed:
                    yield done  # (metadata, pickled items) of a whole task
                    continue
                for name, cols, docs, error in done:
                    yield name, (cols if self.columns else _rows(cols)), docs, error
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _results(jobs: list[tuple[str, str]], workers: int, progress=None):
    results = _Extraction(jobs, workers)
    return progress(results, total=len(jobs)) if progress else iter(results)


def _rows(cols: dict[str, list]) -> list[dict]:
    return [dict(zip(COLUMNS, values)) for values in zip(*(cols[c] for c in COLUMNS))]


@contextmanager
def extraction_closed(extraction: _Extraction):
    try:
        yield extraction
    finally:
        extraction.close()


def extract_folder(input_dir: str | os.PathLike, progress=None, workers: int = 1) -> BuildResult:
    """Extract every file into memory (for evaluation and small folders)."""
    t0 = time.perf_counter()
    root = Path(input_dir)
    files = input_files(root)
    result = BuildResult(files=len(files), extracted=len(files))
    for _name, rows, docs, error in _results([(str(p), source_name(p, root)) for p in files], workers, progress):
        if error:
            result.errors.append(error)
        result.rows.extend(rows)
        result.document_rows.extend(docs)
    result.documents = len(result.document_rows)
    result.targets = len(result.rows)
    result.seconds = time.perf_counter() - t0
    return result


def read_manifest(output_dir: str | os.PathLike) -> dict:
    try:
        return json.loads((Path(output_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _outputs_exist(out: Path) -> bool:
    return all((out / n).exists() for n in ("targets.parquet", "targets.csv", "documents.csv",
                                            "progress.csv", "progress.parquet"))


def build(input_dir: str | os.PathLike, output_dir: str | os.PathLike, progress=None, workers: int = 1,
          batch_rows: int = BATCH_ROWS) -> BuildResult:
    """Extract a folder into output_dir (targets.parquet, targets.csv, documents.csv, manifest.json)."""
    t0 = time.perf_counter()
    root, out = Path(input_dir), Path(output_dir)
    files = input_files(root)
    names = [source_name(p, root) for p in files]
    hashes = {n: file_hash(p) for n, p in zip(names, files)}
    code = code_fingerprint()
    previous = read_manifest(out)
    prev_files = previous.get("files", {}) if previous.get("code") == code and _outputs_exist(out) else {}
    reuse = {n for n in names if n in prev_files and prev_files[n].get("sha256") == hashes[n]}
    result = BuildResult(files=len(files), reused=len(reuse), extracted=len(files) - len(reuse))
    entries: dict[str, dict] = {n: prev_files[n] for n in reuse}
    for n in reuse:
        if prev_files[n].get("error"):
            result.errors.append(prev_files[n]["error"])

    if reuse == set(names) and set(prev_files) == set(names):
        result.up_to_date = True
        result.targets = sum(e.get("targets", 0) for e in entries.values())
        result.results = sum(e.get("results", 0) for e in entries.values())
        result.documents = sum(e.get("documents", 0) for e in entries.values())
    else:
        jobs = [(str(p), n) for p, n in zip(files, names) if n not in reuse]

        def on_file(name, n_rows, n_results, n_documents, error):
            if error:
                result.errors.append(error)
            entries[name] = {"sha256": hashes[name], "targets": n_rows - n_results, "results": n_results,
                             "documents": n_documents, "error": error}

        context = _pool_context() if workers > 1 and len(jobs) > 1 else None
        if context is not None:
            written = _extract_with_writer_process(context, out, jobs, workers, reuse,
                                                   min(batch_rows, PARALLEL_BATCH_ROWS), progress, on_file)
        else:
            # started first: with workers, they extract while this process loads pyarrow
            extraction = _Extraction(jobs, workers, columns=True)
            if extraction.parallel:
                batch_rows = min(batch_rows, PARALLEL_BATCH_ROWS)
            results = progress(extraction, total=len(jobs)) if progress else extraction

            def items():
                for name, cols, docs, error in results:
                    on_file(name, len(cols["status"]), cols["status"].count("result"), len(docs), error)
                    yield name, cols, docs, error

            with extraction_closed(extraction):
                written = _write_table(out, reuse, batch_rows, items())
        n_rows, result.results, result.documents = written
        result.targets = n_rows - result.results
    from .atomic import write_atomic
    manifest = {"extractor_version": EXTRACTOR_VERSION, "code": code,
                "fingerprint": fingerprint(root, hashes), "files_count": result.files,
                "documents": result.documents, "targets": result.targets, "results": result.results,
                "errors": result.errors,
                "files": {n: entries[n] for n in names}}
    write_atomic(out / MANIFEST,
            lambda tmp: Path(tmp).write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8"))
    result.seconds = time.perf_counter() - t0
    return result


def _write_table(out: Path, reuse: set[str], batch_rows: int, items) -> tuple[int, int, int]:
    """Write targets.*, documents.csv (the reused files' rows first) from (name, row columns,
    documents, error) items, then progress.* (兑现: targets linked to the results that report on
    them). Returns (rows, results, documents) written."""
    from .progress import _LINK_COLUMNS, progress_schema, write_progress
    from .table import TableWriter, reuse_rows
    progress_schema()  # made now, while workers extract, not in the serial end
    with TableWriter(out, keep_columns=_LINK_COLUMNS, batch_rows=batch_rows) as writer:
        if reuse:
            writer.write_reused(*reuse_rows(out, reuse))
        for _name, cols, docs, _error in items:
            # each file's rows are written as they come: after the last file only the last
            # Parquet row group is left
            writer.write_columns(cols)
            writer.add_documents(docs)
    write_progress(out, writer.kept)
    writer.kept = []
    return writer.n_targets, writer.n_results, writer.n_documents


def _writer_main(conn, out: Path, reuse: set[str], batch_rows: int) -> None:
    """The writer process: _write_table over the items that come pickled on `conn` (one message
    a task, b"" at the end); replies ("ok", counts) or ("error", traceback)."""
    try:
        def items():
            while True:
                data = conn.recv_bytes()
                if not data:
                    return
                yield from pickle.loads(data)

        reply = ("ok", _write_table(out, reuse, batch_rows, items()))
    except BaseException as exc:  # the table stays as it was (TableWriter); the parent raises it
        reply = ("error", exc, "".join(traceback.format_exception(exc)))
    try:
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError):  # an exception that cannot travel
            conn.send(("error", RuntimeError(str(reply[1])), reply[2]))
    except OSError:
        pass  # the parent has gone
    finally:
        conn.close()


def _extract_with_writer_process(context, out: Path, jobs: list[tuple[str, str]], workers: int, reuse: set[str],
                                 batch_rows: int, progress, on_file) -> tuple[int, int, int]:
    """Workers extract, a forked writer process writes the table, this process loads the
    extractor once and passes the workers' pickled rows on. Forked first, the writer imports
    pyarrow on the second core while this one loads the extractor and cn2an for the workers to
    inherit: no core idles and no worker loads them again (0.1-0.16 s each, cn2an alone)."""
    conn, child_conn = context.Pipe()
    writer = context.Process(target=_writer_main, args=(child_conn, out, reuse, batch_rows),
                             name="targets-writer")
    writer.start()
    child_conn.close()
    reply = None
    try:
        extraction = _Extraction(jobs, workers, packed=True)
        with extraction_closed(extraction):
            def files():
                for meta, payload in extraction:
                    conn.send_bytes(payload)
                    yield from meta

            for item in (progress(files(), total=len(jobs)) if progress else files()):
                on_file(*item)
        conn.send_bytes(b"")
        reply = conn.recv()
    except (EOFError, OSError) as exc:
        # the writer failed or died: its own error, when it could send one, says why
        try:
            reply = conn.recv() if conn.poll(5) else None
        except (EOFError, OSError):
            reply = None
        if reply is None:
            writer.join(5)
            raise RuntimeError(f"the table writer process stopped (exit code {writer.exitcode}): {exc}") from exc
    finally:
        conn.close()
        writer.join()
    if reply[0] != "ok":
        raise reply[1] from RuntimeError(f"in the table writer process:\n{reply[2]}")
    return reply[1]


def is_current(input_dir: str | os.PathLike, output_dir: str | os.PathLike) -> bool:
    out = Path(output_dir)
    manifest = read_manifest(out)
    return bool(manifest) and manifest.get("fingerprint") == fingerprint(input_dir) and _outputs_exist(out)
