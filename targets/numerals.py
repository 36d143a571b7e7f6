"""Number words → float: Arabic, Chinese (cn2an) and mixed (8万, 20亿)."""
from __future__ import annotations

import functools
import math
import re
import warnings

CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(千万|百万|万|亿)?")
_MULT = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, None: 1.0}


def five_year_plan_start(ordinal: str) -> int:
    """The first year of the five-year plan 十<ordinal>五 (十一五 is 2006-2010, 十四五 2021-2025)."""
    return 2006 + ("一二三四五六七八九".index(ordinal)) * 5


@functools.lru_cache(maxsize=1)
def _cn2an():
    """cn2an, imported at the first Chinese numeral: its import (0.15–0.3 s) is then paid by each
    worker of a parallel build, in parallel, not by the parent before it forks them."""
    import cn2an
    return cn2an


@functools.lru_cache(maxsize=8192)  # plans repeat the same numerals (2025年, 100%, 一个): cn2an is slow
def parse_number(token: str) -> float | None:
    """Value of a numeral token, or None when it is not a number (or not finite)."""
    token = token.strip().replace(" ", "")
    if not token:
        return None
    m = _ARABIC.fullmatch(token)
    if m:
        value = float(m.group(1).replace(",", "")) * _MULT[m.group(2)]
    elif all(ch in CN_NUMERAL_CHARS for ch in token):
        if token[0] in "十百千万亿" and token[0] != "十":
            token = "一" + token  # 万兆 = 一万; cn2an wants a leading digit except for 十
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                value = float(_cn2an().cn2an(token, "smart"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    else:
        return None
    return value if math.isfinite(value) else None
