"""The tidy table's columns and the extractor version (light: no extraction code imported)."""

# Bump when a change to the extraction rules changes rows; cached per-file results are keyed by it.
EXTRACTOR_VERSION = "1.2.0"

COLUMNS = [
    "target_id", "doc_id", "source_file", "start", "end", "quote", "value", "value_max", "unit",
    "comparator", "kind", "indicator", "domain", "deadline", "region", "province", "city", "county",
    "year", "sentence", "strength", "metric", "title", "status", "period", "rule", "reports_on",
]
DOCUMENT_COLUMNS = ["doc_id", "source_file", "title", "year", "region", "province", "city", "county",
                    "issuer", "doc_number", "pub_date", "start", "end", "n_targets", "n_results"]
