"""Write and read the tidy table: CSV (UTF-8 with BOM) and Parquet, atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import COLUMNS, DOCUMENT_COLUMNS

SCHEMA = pa.schema([
    ("target_id", pa.string()), ("doc_id", pa.string()), ("source_file", pa.string()),
    ("start", pa.int64()), ("end", pa.int64()), ("quote", pa.string()), ("value", pa.float64()),
    ("value_max", pa.float64()), ("unit", pa.string()), ("comparator", pa.string()), ("kind", pa.string()),
    ("indicator", pa.string()), ("domain", pa.string()), ("deadline", pa.string()), ("region", pa.string()),
    ("province", pa.string()), ("city", pa.string()), ("county", pa.string()), ("year", pa.int64()),
    ("sentence", pa.string()), ("strength", pa.string()), ("metric", pa.string()), ("title", pa.string()),
    ("status", pa.string()), ("period", pa.string()), ("rule", pa.string()), ("reports_on", pa.string()),
])
assert SCHEMA.names == COLUMNS


def rows_to_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["year"] = pd.array(df["year"], dtype="Int64")
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["value"] = df["value"].astype("float64")
    df["value_max"] = pd.to_numeric(df["value_max"], errors="coerce").astype("float64")
    return df


def _atomic(path: Path, write) -> None:
    """Write via a temp file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the table is for everyone
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_outputs(rows: list[dict], documents: list[dict], out_dir: str | os.PathLike) -> pd.DataFrame:
    """The whole table at once (small tables; big ones stream through TableWriter)."""
    with TableWriter(out_dir) as writer:
        writer.write_rows(rows)
        writer.add_documents(documents)
    return rows_to_frame(rows)


class TableWriter:
    """Stream rows into targets.parquet (one row group per batch), targets.csv and
    documents.csv. All three are temp files until the block ends without error; then
    they are renamed into place, Parquet first and CSV last, so a reader that finds
    the CSV current finds everything current. On error the previous table stays."""

    def __init__(self, out_dir: str | os.PathLike):
        self.out = Path(out_dir)
        self.n_targets = 0  # rows written, targets and results
        self.n_results = 0
        self.n_documents = 0
        self._doc_buffer: list[dict] = []

    def __enter__(self) -> "TableWriter":
        self.out.mkdir(parents=True, exist_ok=True)
        self._tmp = {}
        for name in ("targets.parquet", "targets.csv", "documents.csv"):
            fd, tmp = tempfile.mkstemp(prefix=name + ".", suffix=".tmp", dir=self.out)
            os.close(fd)
            self._tmp[name] = tmp
        self._parquet = pq.ParquetWriter(self._tmp["targets.parquet"], SCHEMA)
        self._csv = open(self._tmp["targets.csv"], "w", encoding="utf-8-sig", newline="")
        self._csv_header = True
        self._docs = open(self._tmp["documents.csv"], "w", encoding="utf-8-sig", newline="")
        self._docs.write(",".join(DOCUMENT_COLUMNS) + "\n")
        return self

    def _write_frame(self, df: pd.DataFrame) -> None:
        if df.empty and not self._csv_header:
            return
        self._parquet.write_table(pa.Table.from_pandas(df, schema=SCHEMA, preserve_index=False))
        df.to_csv(self._csv, index=False, header=self._csv_header, lineterminator="\n")
        self._csv_header = False
        self.n_targets += len(df)
        self.n_results += int((df["status"] == "result").sum())

    def write_rows(self, rows: list[dict]) -> None:
        self._write_frame(rows_to_frame(rows))

    def write_reused(self, batches, documents: pd.DataFrame) -> None:
        for batch in batches:
            self._write_frame(rows_to_frame_arrow(batch))
        self._write_documents(documents)

    def add_documents(self, documents: list[dict]) -> None:
        # Buffered: one small frame per file would cost ~1 GB for a national corpus.
        self._doc_buffer.extend(documents)
        if len(self._doc_buffer) >= 5000:
            self._flush_documents()

    def _flush_documents(self) -> None:
        if self._doc_buffer:
            self._write_documents(pd.DataFrame(self._doc_buffer, columns=DOCUMENT_COLUMNS))
            self._doc_buffer = []

    def _write_documents(self, docs: pd.DataFrame) -> None:
        if len(docs):
            docs[DOCUMENT_COLUMNS].to_csv(self._docs, index=False, header=False, lineterminator="\n")
            self.n_documents += len(docs)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._flush_documents()
            self._parquet.close()
            self._csv.close()
            self._docs.close()
            if exc_type is None:
                for name in ("targets.parquet", "documents.csv", "targets.csv"):
                    with open(self._tmp[name], "rb") as fh:
                        os.fsync(fh.fileno())
                    os.chmod(self._tmp[name], 0o644)
                    os.replace(self._tmp[name], self.out / name)
        finally:
            for tmp in self._tmp.values():
                if os.path.exists(tmp):
                    os.unlink(tmp)


def rows_to_frame_arrow(batch) -> pd.DataFrame:
    """A Parquet batch of the table as a frame with the table's dtypes."""
    df = (pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch).to_pandas()[COLUMNS]
    df["year"] = df["year"].astype("Int64")
    return df


def reuse_rows(out_dir: str | os.PathLike, names: set[str], batch_size: int = 50_000):
    """(batches of the previous table's rows for these source files, their documents)."""
    import pyarrow.compute as pc
    out = Path(out_dir)
    keep = pa.array(sorted(names), type=pa.string())

    def batches():
        pf = pq.ParquetFile(out / "targets.parquet")
        for batch in pf.iter_batches(batch_size=batch_size):
            mask = pc.is_in(batch.column("source_file"), value_set=keep)
            kept = batch.filter(mask)
            if kept.num_rows:
                yield kept
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    docs = docs[docs["source_file"].isin(names)] if len(docs) else docs
    return batches(), docs


def read_targets(path: str | os.PathLike) -> pd.DataFrame:
    path = Path(path)
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas()
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"deadline": str, "metric": str, "county": str},
                     keep_default_na=False, na_values={"value_max": [""], "year": [""]})
    return rows_to_frame(df.to_dict("records"))
