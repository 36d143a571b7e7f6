"""Numbers as a Chinese reader writes them: 20亿元, 1.62万个, 95%, 2–4所, blanks for missing values.

Only for display: the table keeps the raw value (2000000000) and so do the downloads."""
from __future__ import annotations

import math

# How a table row's cells are shown in the 原句 column (1 | 新增城镇就业 | 区人社局 | 8950人): written by
# the extractor, read by the dashboard's highlighting, which must not import the extractor for it.
ROW_SEPARATOR = " | "

# Units whose numbers are never scaled to 万/亿 (years, durations, percentages).
_NO_SCALE = {"%", "百分点", "年", "小时", "分钟", "课时", "学时", "天", "周", "月", "岁", "倍"}


def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except TypeError:
        return value == "" or str(value) in ("<NA>", "nan", "None")


def _plain(value: float, digits: int = 4) -> str:
    """1000.0 → 1000; 1.6200 → 1.62; 33.333 → 33.33 (at most `digits` decimals)."""
    if float(value).is_integer():
        return f"{int(value):d}"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def scaled(value: float, unit: str = "") -> str:
    """The number alone, scaled to 万/亿 when it is large and the unit allows it: 16200 → 1.62万."""
    if is_missing(value):
        return ""
    value = float(value)
    if unit in _NO_SCALE:
        return _plain(value, 2)
    size = abs(value)
    if size >= 1e8:
        return _plain(value / 1e8, 2) + "亿"
    if size >= 1e4:
        return _plain(value / 1e4, 2) + "万"
    return _plain(value, 2)


def _with_unit(number: str, unit: str) -> str:
    if not number:
        return ""
    if unit == "百分点":
        return f"{number}个百分点"
    return f"{number}{unit or ''}"


def format_value(value, unit: str = "", value_max=None) -> str:
    """20亿元, 1.62万个, 95%, -1个百分点, 2–4所; "" when the value is missing."""
    unit = "" if is_missing(unit) else str(unit)
    low = scaled(value, unit)
    if not low:
        return ""
    if not is_missing(value_max):
        high = scaled(value_max, unit)
        if high and high != low:
            return _with_unit(f"{low}–{high}", unit)
    return _with_unit(low, unit)


def format_count(n) -> str:
    """A count of rows for the page: 1,234."""
    return f"{int(n):,}"
