"""Raw text → normalised text with an offset map back to the raw text.

Normalisation: traditional → simplified (OpenCC), full-width → half-width, odd
spaces to plain spaces, zero-width characters dropped, and page-number debris
that web pages leave inside sentences removed (``确保2\\n5、025年`` → ``确保2025年``).
Every later step works on ``Normalized.text``; ``raw_span`` maps a span back.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

TERMINAL = "。！？；;!?：:”」』)）"
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
SPACES = {"\u00a0", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009",
          "\u200a", "\u202f", "\u205f", "\u3000"}
DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63", "\uff0d"}


@dataclass
class Normalized:
    raw: str
    text: str
    index: list  # index[i] = raw offset of text[i]; index[len(text)] = len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering normalised [start, end)."""
        if end <= start:
            pos = self.index[start]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _map_char(ch: str) -> str:
    """One character to one character (or '' to drop), so offsets stay mappable."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch in SPACES:
        return " "
    if ch in ZERO_WIDTH:
        return ""
    if ch in DASHES:
        return "—"
    if ch == "\r":
        return "\n"
    if ch == "\x00":
        return " "
    return ch


_LINE_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,4})[、,，][ \t]*")
_PAGE_FOOTER = re.compile(r"(?m)^[ \t]*(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?)[ \t]*\r?\n")


def debris_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans that are page-number debris, not text.

    Two shapes seen on government sites: a run of line-start numbers 1、2、3、…
    that increase by one per line and cut sentences mid-word (a page counter
    pasted into the text), and footer lines like ``- 12 -`` or ``第3页 共10页``.
    A numbered list whose lines end sentences is left alone.
    """
    spans: list[tuple[int, int]] = []
    matches = list(_LINE_NUMBER.finditer(raw))
    chain: list[re.Match] = []
    best: list[re.Match] = []
    for m in matches:
        n = int(m.group(1))
        if chain and n == int(chain[-1].group(1)) + 1:
            chain.append(m)
        else:
            if len(chain) > len(best):
                best = chain
            chain = [m]
    if len(chain) > len(best):
        best = chain
    if len(best) >= 4:
        mid_sentence = 0
        for m in best[1:]:
            before = raw[:m.start()].rstrip("\r\n \t")
            if before and before[-1] not in TERMINAL:
                mid_sentence += 1
        if mid_sentence >= max(2, (len(best) - 1) // 2):
            for m in best:
                start = m.start()
                # take the line break with it: the page break split a sentence
                while start > 0 and raw[start - 1] in "\r\n":
                    start -= 1
                spans.append((start, m.end()))
    for m in _PAGE_FOOTER.finditer(raw):
        spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _simplify(text: str) -> str:
    """Traditional → simplified, keeping length (OpenCC t2s is almost always 1:1)."""
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        return conv
    out = []
    for line in text.split("\n"):
        c = _t2s().convert(line)
        out.append(c if len(c) == len(line) else "".join(
            (x if len(x := _t2s().convert(ch)) == 1 else ch) for ch in line))
    return "\n".join(out)


def normalize(raw: str) -> Normalized:
    chars: list[str] = []
    index: list[int] = []
    spans = debris_spans(raw)
    span_i = 0
    pos = 0
    n = len(raw)
    while pos < n:
        if span_i < len(spans) and pos == spans[span_i][0]:
            pos = spans[span_i][1]
            span_i += 1
            continue
        ch = raw[pos]
        mapped = _map_char(ch) if (ord(ch) > 127 or ch in "\r\x00") else ch
        if mapped:
            chars.append(mapped)
            index.append(pos)
        pos += 1
    index.append(n)
    text = _simplify("".join(chars))
    return Normalized(raw=raw, text=text, index=index)
