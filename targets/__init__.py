"""政策目标看板: extract quantitative targets from Chinese education plans."""
from .errors import ReadError
from .extract import COLUMNS, EXTRACTOR_VERSION, extract_file, extract_text

__all__ = ["COLUMNS", "EXTRACTOR_VERSION", "ReadError", "extract_file", "extract_text"]
