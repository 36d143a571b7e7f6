"""政策目标看板: extract quantitative targets from Chinese education plans."""
from .errors import ReadError
from .schema import COLUMNS, EXTRACTOR_VERSION

__all__ = ["COLUMNS", "EXTRACTOR_VERSION", "ReadError", "extract_file", "extract_text"]


def __getattr__(name):
    # The extraction pipeline loads OpenCC and the gazetteer; import it only when asked,
    # so the dashboard starts without it.
    if name in ("extract_file", "extract_text"):
        from . import extract
        return getattr(extract, name)
    raise AttributeError(name)
