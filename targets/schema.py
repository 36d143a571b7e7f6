"""The tidy table's columns and the extractor version (light: no extraction code imported)."""

import operator

# Bump when a change to the extraction rules changes rows; cached per-file results are keyed by it.
EXTRACTOR_VERSION = "1.2.0"

COLUMNS = [
    "target_id", "doc_id", "source_file", "start", "end", "quote", "value", "value_max", "unit",
    "comparator", "kind", "indicator", "domain", "deadline", "region", "province", "city", "county",
    "year", "sentence", "strength", "metric", "title", "status", "period", "rule", "reports_on",
]
DOCUMENT_COLUMNS = ["doc_id", "source_file", "title", "year", "region", "province", "city", "county",
                    "issuer", "doc_number", "pub_date", "start", "end", "n_targets", "n_results"]


def columns_of(rows: list[dict], names: list[str]) -> dict[str, list]:
    """Rows (dicts) as one list per column of `names`, transposed in C: cheaper to send between
    processes and to write than a list of dicts."""
    if not rows:
        return {c: [] for c in names}
    return dict(zip(names, map(list, zip(*map(operator.itemgetter(*names), rows)))))
