"""Write and read the tidy table: CSV (UTF-8 with BOM) and Parquet, atomically.

The build writes without pandas. CSV goes through the csv module with the formatting
DataFrame.to_csv uses (the same csv writer and dialect, floats as their shortest repr, missing
values empty), byte for byte what pandas wrote. Parquet is that CSV text parsed by pyarrow's
C++ reader with the table's schema: the same table pa.array would build from the lists, at less
cost, and without pa.array's first call importing pandas (0.2 s, a fifth of a small build).
The parent of a parallel build then spends little time per row, and none importing pandas.
"""
from __future__ import annotations

import csv
import io
import itertools
import math
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
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
_INTEGER = {"start", "end", "year"}
_FLOAT = {"value", "value_max"}
_DOCUMENT_INTEGER = {"year", "start", "end", "n_targets", "n_results"}


def rows_to_frame(rows: list[dict]):
    import pandas as pd
    return _typed(pd.DataFrame(rows, columns=COLUMNS))


def columns_to_frame(columns: dict[str, list]):
    """The same frame as rows_to_frame, from one list per column."""
    import pandas as pd
    return _typed(pd.DataFrame(columns, columns=COLUMNS))


def _typed(df):
    import pandas as pd
    df["year"] = pd.array(df["year"], dtype="Int64")
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["value"] = df["value"].astype("float64")
    df["value_max"] = pd.to_numeric(df["value_max"], errors="coerce").astype("float64")
    return df


def _missing(v) -> bool:
    return v is None or v != v  # None, NaN, pd.NA's NaN-likes


def _text_cells(values: list) -> list:
    if set(map(type, values)) <= {str}:
        return values  # the common case, without a Python-level loop
    return [v if v.__class__ is str else ("" if _missing(v) else str(v)) for v in values]


def _float_cells(values: list) -> list:
    # numpy's str of a float64 (what to_csv writes) is Python's repr of it
    if set(map(type, values)) <= {float} and not any(map(math.isnan, values)):
        return list(map(float.__repr__, values))
    return ["" if _missing(v) else repr(float(v)) for v in values]


def _int_cells(values: list) -> list:
    if set(map(type, values)) <= {int}:
        return list(map(int.__str__, values))
    return ["" if _missing(v) else str(int(v)) for v in values]


def _cells(name: str, values: list, integers=_INTEGER, floats=_FLOAT) -> list:
    if name in integers:
        return _int_cells(values)
    if name in floats:
        return _float_cells(values)
    return _text_cells(values)


def _arrow_table(columns: dict[str, list], schema: pa.Schema = SCHEMA) -> pa.Table:
    """The rows as a table of `schema`; NaN is null, as pa.Table.from_pandas makes it."""
    arrays = []
    for f in schema:
        values = columns[f.name]
        if pa.types.is_integer(f.type):
            values = [None if _missing(v) else int(v) for v in values]
        arrays.append(pa.array(values, type=f.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def csv_header(names: list[str]) -> bytes:
    """A CSV file's first bytes: the UTF-8 BOM (utf-8-sig, for Excel) and the header line."""
    return ("\ufeff" + csv_text([[c] for c in names])).encode("utf-8")


def csv_text(cells: list[list[str]]) -> str:
    """CSV lines (no header) of one list of cell strings per column."""
    buf = io.StringIO()
    _csv_writer(buf).writerows(zip(*cells))
    return buf.getvalue()


def _arrow_from_csv(data: bytes, schema: pa.Schema, rows: int) -> pa.Table | None:
    """The table of `schema` that CSV lines (`data`, UTF-8, no header) hold, or None when the
    text does not read back as `rows` rows (an unquoted \r, which the csv module leaves as is
    and Arrow reads as a line end)."""
    if not rows:
        return None
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(data),
            read_options=pa_csv.ReadOptions(column_names=schema.names, use_threads=False),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=schema, null_values=[""], strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:
        return None
    return table.replace_schema_metadata(schema.metadata) if table.num_rows == rows else None


def _all_text(values: list, cells: list[str]) -> bool:
    """True when every value was a string: _text_cells then gives the value list itself. Only then
    does the CSV cell hold everything Parquet keeps (None and NaN are null there, empty in the CSV)."""
    return cells is values


def _text_exact(columns: dict[str, list], cells: list[list[str]], data: bytes, schema: pa.Schema) -> bool:
    """Whether `data`, the CSV lines of `cells`, reads back as the values: every text value a
    string, and no \r (the csv module leaves it unquoted, Arrow reads it as a line end)."""
    return b"\r" not in data and all(_all_text(columns[f.name], c) for f, c in zip(schema, cells)
                                     if pa.types.is_string(f.type) or pa.types.is_large_string(f.type))


def arrow_table(columns: dict[str, list], cells: list[list[str]], data: bytes, schema: pa.Schema = SCHEMA,
                build=_arrow_table) -> pa.Table:
    """The rows as a table of `schema`: parsed from their CSV text `data` (made from `cells`)
    when that is exact, else built from the values by `build(columns, schema)`."""
    exact = _text_exact(columns, cells, data, schema)
    table = _arrow_from_csv(data, schema, len(cells[0]) if cells else 0) if exact else None
    return table if table is not None else build(columns, schema)


def write_outputs(rows: list[dict], documents: list[dict], out_dir: str | os.PathLike):
    """The whole table at once (small tables; big ones stream through TableWriter)."""
    with TableWriter(out_dir) as writer:
        writer.write_rows(rows)
        writer.add_documents(documents)
    return rows_to_frame(rows)


def _csv_writer(fh):
    # the writer and dialect DataFrame.to_csv uses
    return csv.writer(fh, lineterminator="\n", delimiter=",", quoting=csv.QUOTE_MINIMAL, doublequote=True,
                      escapechar=None, quotechar='"')


class TableWriter:
    """Stream rows into targets.parquet (one row group per batch), targets.csv and
    documents.csv. All three are temp files until the block ends without error; then
    they are renamed into place, Parquet first and CSV last, so a reader that finds
    the CSV current finds everything current. On error the previous table stays."""

    def __init__(self, out_dir: str | os.PathLike, keep_columns: list[str] | None = None,
                 batch_rows: int = 20_000):
        self.out = Path(out_dir)
        # rows written, as dicts of these columns (what the 兑现 linking reads), so the table
        # need not be read back from Parquet at the end
        self.keep_columns = keep_columns
        self.kept: list[dict] = []
        self.n_targets = 0  # rows written, targets and results
        self.n_results = 0
        self.n_documents = 0
        self._doc_buffer: list[dict] = []
        # CSV is written as rows come; Parquet a row group of `batch_rows` at a time, from the
        # pending parts: (CSV bytes, rows, columns) read back from the text, or an Arrow table
        self.batch_rows = batch_rows
        self._pending: list = []
        self._pending_rows = 0

    def __enter__(self) -> "TableWriter":
        self.out.mkdir(parents=True, exist_ok=True)
        self._tmp = {}
        for name in ("targets.parquet", "targets.csv", "documents.csv"):
            fd, tmp = tempfile.mkstemp(prefix=name + ".", suffix=".tmp", dir=self.out)
            os.close(fd)
            self._tmp[name] = tmp
        self._parquet = pq.ParquetWriter(self._tmp["targets.parquet"], SCHEMA)
        # binary: each part's CSV text is encoded once, for the file and for Parquet
        self._csv = open(self._tmp["targets.csv"], "wb")
        self._csv.write(csv_header(COLUMNS))
        self._docs = open(self._tmp["documents.csv"], "w", encoding="utf-8-sig", newline="")
        self._doc_rows = _csv_writer(self._docs)
        self._doc_rows.writerow(DOCUMENT_COLUMNS)
        return self

    def _write(self, data: bytes, part, rows: int, results: int) -> None:
        """Some rows: `data` (their CSV lines, UTF-8) to the CSV; `part` to Parquet's pending rows."""
        if not rows:
            return
        self._csv.write(data)
        self._pending.append(part)
        self._pending_rows += rows
        self.n_targets += rows
        self.n_results += results
        if self._pending_rows >= self.batch_rows:
            self._flush_parquet()

    def _flush_parquet(self) -> None:
        """The pending rows as one row group. Consecutive CSV parts are read in one go."""
        tables, text = [], []

        def read_text():
            if text:
                table = _arrow_from_csv(b"".join(d for d, _, _ in text), SCHEMA, sum(n for _, n, _ in text))
                # not expected (the parts were checked): then each part is built from its values
                tables.extend([table] if table is not None else [_arrow_table(c) for _, _, c in text])
                text.clear()
        for part in self._pending:
            if isinstance(part, pa.Table):
                read_text()
                tables.append(part)
            else:
                text.append(part)
        read_text()
        if tables:
            self._parquet.write_table(pa.concat_tables(tables))
        self._pending, self._pending_rows = [], 0

    def write_columns(self, columns: dict[str, list]) -> None:
        rows = len(columns["status"])
        if rows > self.batch_rows:  # a huge file's cells are made a batch at a time, not all at once
            for i in range(0, rows, self.batch_rows):
                self.write_columns({c: v[i:i + self.batch_rows] for c, v in columns.items()})
            return
        if not rows:
            return
        cells = [_cells(c, columns[c]) for c in COLUMNS]
        data = csv_text(cells).encode("utf-8")
        part = (data, rows, columns) if _text_exact(columns, cells, data, SCHEMA) else _arrow_table(columns)
        self._write(data, part, rows, columns["status"].count("result"))
        self._keep(columns)

    def _keep(self, columns: dict[str, list]) -> None:
        if self.keep_columns is not None:
            names = self.keep_columns
            # as Parquet gives them back: NaN is null
            lists = [[None if v is not None and v != v else v for v in columns[c]] if c in _FLOAT else columns[c]
                     for c in names]
            self.kept.extend(dict(zip(names, values)) for values in zip(*lists))

    def write_rows(self, rows: list[dict]) -> None:
        self.write_columns({c: [r.get(c) for r in rows] for c in COLUMNS})

    def write_reused(self, batches, documents: list[list[str]]) -> None:
        for batch in batches:
            table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
            table = table.select(COLUMNS)
            columns = {c: table.column(c).to_pylist() for c in COLUMNS}
            data = csv_text([_cells(c, columns[c]) for c in COLUMNS]).encode("utf-8")
            self._write(data, table, table.num_rows, columns["status"].count("result"))
            self._keep(columns)
        self._doc_rows.writerows(documents)
        self.n_documents += len(documents)

    def add_documents(self, documents: list[dict]) -> None:
        self._doc_buffer.extend(documents)
        if len(self._doc_buffer) >= 5000:
            self._flush_documents()

    def _flush_documents(self) -> None:
        if self._doc_buffer:
            docs = self._doc_buffer
            self._doc_rows.writerows(zip(*(_cells(c, [d.get(c) for d in docs], _DOCUMENT_INTEGER, ())
                                           for c in DOCUMENT_COLUMNS)))
            self.n_documents += len(docs)
            self._doc_buffer = []

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._flush_documents()
                self._flush_parquet()
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


def rows_to_frame_arrow(batch):
    """A Parquet batch of the table as a frame with the table's dtypes."""
    df = (pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch).to_pandas()[COLUMNS]
    df["year"] = df["year"].astype("Int64")
    return df


def reuse_rows(out_dir: str | os.PathLike, names: set[str], batch_size: int = 50_000):
    """(batches of the previous table's rows for these source files, their documents.csv rows
    as lists of strings)."""
    out = Path(out_dir)

    def batches():
        # a file's rows are consecutive: each run of kept rows is a zero-copy slice (no
        # pyarrow.compute filter, whose value set made by pa.array would import pandas, 0.2 s)
        pf = pq.ParquetFile(out / "targets.parquet")
        for batch in pf.iter_batches(batch_size=batch_size):
            start = 0
            for kept, run in itertools.groupby(batch.column("source_file").to_pylist(), key=names.__contains__):
                length = sum(1 for _ in run)
                if kept:
                    yield batch.slice(start, length)
                start += length
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None) or []
        where = [header.index(c) if c in header else None for c in DOCUMENT_COLUMNS]
        col = header.index("source_file") if "source_file" in header else None
        docs = [[row[i] if i is not None and i < len(row) else "" for i in where]
                for row in reader if row and col is not None and col < len(row) and row[col] in names]
    return batches(), docs


def read_targets(path: str | os.PathLike):
    import pandas as pd
    path = Path(path)
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas()
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"deadline": str, "metric": str, "county": str},
                     keep_default_na=False, na_values={"value_max": [""], "year": [""]})
    return rows_to_frame(df.to_dict("records"))
