"""Patterns that match only at the start of a line, found fast.

Python's regex engine tries a ``(?m)^…`` pattern at every character of the text, and each such
pattern scanned a whole document as slowly as a full search (about 1 % of extraction time apiece).
A pattern that opens with a literal line break is found by a fast scan instead: LineStartPattern
looks for ``\\n`` followed by the body, then matches the body there. Its matches are the same as
``re.compile("(?m)^" + body)``'s, one after another and never overlapping.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator


class LineStartPattern:
    def __init__(self, body: str, flags: int = 0):
        self.pattern = re.compile(body, flags | re.MULTILINE)  # anchored by where it is tried
        self._after_break = re.compile(rf"\n(?={body})", flags | re.MULTILINE)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        last = pos
        if pos == 0 or text[pos - 1] == "\n":  # ^ holds where the search starts only after a break
            m = self.pattern.match(text, pos, endpos)
            if m:
                last = m.end()
                yield m
        for hit in self._after_break.finditer(text, pos, endpos):
            start = hit.end()
            if start < last:
                continue  # a line inside the previous match (a body that reads past its line)
            m = self.pattern.match(text, start, endpos)
            if m:
                last = m.end()
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def sub(self, repl: Callable[[re.Match], str], text: str) -> str:
        pieces, pos = [], 0
        for m in self.finditer(text):
            pieces += [text[pos:m.start()], repl(m)]
            pos = m.end()
        return "".join(pieces) + text[pos:] if pieces else text
