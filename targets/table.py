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


def write_csv(df: pd.DataFrame, path: Path) -> None:
    _atomic(Path(path), lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n"))


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(df, schema=SCHEMA, preserve_index=False)
    _atomic(Path(path), lambda tmp: pq.write_table(table, tmp))


def write_outputs(rows: list[dict], documents: list[dict], out_dir: str | os.PathLike) -> pd.DataFrame:
    out = Path(out_dir)
    df = rows_to_frame(rows)
    docs = pd.DataFrame(documents, columns=DOCUMENT_COLUMNS)
    # Parquet first, CSV last: a reader that finds the CSV current finds everything current.
    write_parquet(df, out / "targets.parquet")
    write_csv(docs, out / "documents.csv")
    write_csv(df, out / "targets.csv")
    return df


def read_targets(path: str | os.PathLike) -> pd.DataFrame:
    path = Path(path)
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas()
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"deadline": str, "metric": str, "county": str},
                     keep_default_na=False, na_values={"value_max": [""], "year": [""]})
    return rows_to_frame(df.to_dict("records"))
