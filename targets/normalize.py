"""Raw text → normalised text with an offset map back to the raw text.

Normalisation: traditional → simplified (OpenCC), full-width → half-width, odd
spaces to plain spaces, a 。 between two digits read as the decimal point that document-sharing
sites' conversions turn it into (``13。7亿元`` → ``13.7亿元``), pipes between a flattened
table's cells read as tabs, zero-width characters dropped, and page-number debris
that web pages leave inside sentences removed (``确保2\\n5、025年`` → ``确保2025年``).
Every later step works on ``Normalized.text``; ``raw_span`` maps a span back.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .line_start import LineStartPattern
from .vocab import load_vocab

TERMINAL = "。！？；;!?：:”」』)）"  # a line ending on one of these, a bracket or quote too, is no broken sentence
_V = load_vocab()
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
SPACES = {"\u00a0", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009",
          "\u200a", "\u202f", "\u205f", "\u3000"}
DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63", "\uff0d"}


@dataclass
class Normalized:
    """Normalised text plus a piecewise offset map: normalised text is the raw text
    with some spans cut out and every kept character mapped 1:1. Segment k starts at
    normalised offset ``norm_starts[k]`` and raw offset ``raw_starts[k]``."""
    raw: str
    text: str
    norm_starts: list[int]
    raw_starts: list[int]

    def raw_offset(self, i: int) -> int:
        """Raw offset of normalised character i (len(text) maps to len(raw))."""
        if i >= len(self.text):
            return len(self.raw)
        k = bisect.bisect_right(self.norm_starts, i) - 1
        return self.raw_starts[k] + (i - self.norm_starts[k])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering normalised [start, end)."""
        if end <= start:
            pos = self.raw_offset(start)
            return pos, pos
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    @property
    def index(self) -> list[int]:
        """index[i] = raw offset of text[i]; index[len(text)] = len(raw). For tests and debugging."""
        return [self.raw_offset(i) for i in range(len(self.text) + 1)]


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _char_table() -> dict[int, str]:
    """One character to one character, so offsets stay mappable (drops are cut as spans)."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): " " for ch in SPACES})
    table.update({ord(ch): "—" for ch in DASHES})
    table.update({ord("\r"): "\n", 0: " "})
    return table


CHAR_TABLE = _char_table()
_ZERO_WIDTH = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]+")
# The characters CHAR_TABLE changes. No replacement is itself a character to change, so
# replacing each one present (str.replace, C speed) gives what str.translate gives, which
# looks every character of the text up in a dict (6x slower on Chinese text).
_CHANGED = {chr(code): rep for code, rep in CHAR_TABLE.items() if chr(code) != rep}
assert not any(rep in _CHANGED for rep in _CHANGED.values())
_TO_CHANGE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_CHANGED)) + "]")


_CN_DOT_BEFORE_DIGIT = re.compile(r"。(?=\d)")  # a literal first: the scan jumps from 。 to 。


def cn_decimal_points(text: str) -> str:
    """``13。7亿元`` → ``13.7亿元``: a full stop between two digits ends no sentence (a sentence
    ends after a unit or a word); it is a decimal point. One character for one: offsets keep."""
    dots = [m.start() for m in _CN_DOT_BEFORE_DIGIT.finditer(text) if m.start() and text[m.start() - 1].isdigit()]
    if not dots:
        return text
    chars = list(text)
    for i in dots:
        chars[i] = "."
    return "".join(chars)


_PIPE_ROW = LineStartPattern(r"[^\n|]*\|[^\n|]*\|[^\n|]*\|[^\n]*$")


PIPE_CELL_RUN = 4  # cell lines in a row that make a table written one pipe-ended cell a line


# a pipe-ended line; a cell line (text, then its one pipe) whose next line is a cell too
_PIPE_LINE = re.compile(r"^([^\n]*?)\|[^\S\n]*$", re.MULTILINE)
_CELL = r"[^\n|]*[^\s|][^\n|]*\|[^\S\n]*"
_CELL_BREAK = re.compile(rf"^({_CELL})\n(?={_CELL}$)", re.MULTILINE)
_SUB_CHUNK = 1 << 16  # characters a substitution is run on at a time: memory stays near the text's size


def _pipe_runs(text: str):
    """(start, end) of each run of consecutive pipe-ended lines holding PIPE_CELL_RUN cell lines."""
    start = end = -2
    cells = 0
    for m in _PIPE_LINE.finditer(text):
        if m.start() != end + 1:
            if cells >= PIPE_CELL_RUN:
                yield start, end
            start, cells = m.start(), 0
        end = m.end()
        body = m.group(1)
        if body.strip(" |\t\u3000") and "|" not in body:
            cells += 1
    if cells >= PIPE_CELL_RUN:
        yield start, end


def pipe_cell_lines(text: str) -> str:
    """A table written one cell a line, each cell ended by a pipe and each row opened by a line of
    pipes alone (| ⏎ 1 | ⏎ 某某项目 | ⏎ 300 | ⏎ | ⏎ 2 | …): the line breaks inside a row become tabs,
    so the row is one line, as pipe_tables then reads it. A line holding a whole row (类别 | 名称 |)
    is left to pipe_tables. One character for one: offsets keep."""
    if text.count("|\n") < PIPE_CELL_RUN:
        return text
    out, pos = [], 0
    for start, end in _pipe_runs(text):
        out.append(text[pos:start])
        while start < end:  # in chunks cut at line ends: a flood of cells is not substituted at once
            cut = text.find("\n", min(end, start + _SUB_CHUNK), end)
            cut = end if cut < 0 else cut + 1
            # the break that ends a chunk joins the next chunk's first line when both are cells
            piece = _CELL_BREAK.sub(lambda m: m.group(1) + "\t", text[start:cut])
            last = text.rfind("\n", start, cut - 1) + 1  # the chunk's last line (start when it is one line)
            if (cut < end and piece.endswith("\n") and _CELL_LINE_AT.match(text, cut)
                    and _CELL_ONLY.fullmatch(text, max(last, start), cut - 1)):
                piece = piece[:-1] + "\t"
            out.append(piece)
            start = cut
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_CELL_LINE_AT = re.compile(rf"{_CELL}(?:\n|$)")
_CELL_ONLY = re.compile(_CELL)


def pipe_tables(text: str) -> str:
    """Table rows flattened with pipes (类别 | 任务目标 | 1-9月完成情况 |) get tabs between their
    cells, as tables read from HTML, Word or PDF have: a line with three pipes or more.
    One character for one: offsets keep."""
    if "|" not in text:
        return text
    return _PIPE_ROW.sub(lambda m: m.group().replace("|", "\t"), pipe_cell_lines(text))


def translate(text: str) -> str:
    """text.translate(CHAR_TABLE), faster."""
    for ch in set(_TO_CHANGE.findall(text)):
        text = text.replace(ch, _CHANGED[ch])
    return text


_LINE_NUMBER = LineStartPattern(r"[ \t]*(\d{1,4})[、,，][ \t]*")
_PAGE_FOOTER = LineStartPattern(r"[ \t]*(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?)[ \t]*\r?\n")


# a line break right after a decimal point inside an amount (two digits or more before it, money or a
# percentage after it: an item number alone on its line, "10.⏎12所学校…", is left alone)
_BROKEN_DECIMAL = re.compile(r"(?<=\d\d)\.(\r?\n)(?=\d+(?:万|亿|元|%))")


# a line break between an amount and its unit in text a document-sharing site wrapped at a fixed width
# (公用经费⏎8059.35⏎万元,实现…; 配套费 889 万⏎元、…): the unit's line goes on with the sentence, a clause
# mark within its first characters (a table written one cell a line has none there)
# (found from the line break, a literal: a pattern opening on a lookbehind is tried at every position)
# The unit must be one of the vocabulary's: a list item (2024-01-10⏎一、…, 浏览次数:125⏎二、…) is not.
_UNITS_AFTER_BREAK = sorted(set(_V["units"]) | set(_V["money_units"]) | {"%"}, key=len, reverse=True)
_WRAPPED_UNIT = re.compile(r"\n[^\S\n]*(?=[余多餘]?[万萬亿億]?[余多餘]?(?:" + "|".join(map(re.escape, _UNITS_AFTER_BREAK))
                           + r")[，,。；;、?？](?!\r?\n))")
_SCALES = "万萬亿億"


def wrapped_unit_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans of the line breaks (with the blanks around them) between an amount and its unit."""
    spans = []
    for m in _WRAPPED_UNIT.finditer(raw):
        k = m.start()
        while k > 0 and raw[k - 1] in " \t\r":
            k -= 1
        before = raw[max(0, k - 3):k]
        if before[-1:].isdigit() or (before[-1:] in _SCALES and before[-1:] and
                                     (before[-2:-1].isdigit() or (before[-2:-1] == " " and before[:1].isdigit()))):
            spans.append((k, m.end()))
    return spans


# Text copied from a PDF or a document-sharing site keeps the page's line breaks: every line runs to the
# same width and breaks mid-sentence, often mid-word (全⏎年投入资金2.3亿元, 确⏎保…上线率). Such a break
# is layout, not text. A page is taken for wrapped when most of its full-width lines end without a
# sentence's end; then a break after a full-width line is cut unless the next line opens an item
# (一、, （二）, 3.) or either line is a table row (tabs, runs of blanks).
_WRAP_MIN_WIDTH = 40  # visual width (a Chinese character 2): narrower pages are lists or cells
# a full line may fall short of the page's width: a word not split, half-width digits and blanks
# (达到 94.5%以上,普) take less room than characters
_WRAP_FULL_SHARE = 0.85
_WRAP_MIN_LINES = 4
_ITEM_OPENER = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                          r"|\d{1,2}[、.．)）](?!\d)|第[一二三四五六七八九十\d]{1,3}[章节条部]|[①-⑳]|附件"
                          r"|[●■□◆◇▪•·★☆▶►>\-—–*]|抄送|主送|印发)")
_CELL_MARKS = ("\t", "|", "｜")  # pipe_tables makes pipes tabs later
_BLANK_RUNS = ("  ", "\u3000\u3000", " \u3000", "\u3000 ")
_BLANKS = " \u3000\r"


def _is_table_row(raw: str, a: int, b: int) -> bool:
    """Is line raw[a:b] a table's row: cells split by tabs, pipes, or runs of blanks inside it? (substring
    scans: a regex tried at every character cost 15 µs a long line)"""
    if any(raw.find(mark, a, b) >= 0 for mark in _CELL_MARKS):
        return True
    while a < b and raw[a] in _BLANKS:
        a += 1
    while b > a and raw[b - 1] in _BLANKS:
        b -= 1
    return any(raw.find(run, a, b) >= 0 for run in _BLANK_RUNS)


# the narrowest a line of that width can be; a line with a tab is a table's row (its first cell is short:
# the pattern fails there, so a table of 200,000 rows costs little)
_LONG_LINE = LineStartPattern(r"[^\n\t]{%d,}$" % (_WRAP_MIN_WIDTH // 2))


def _visual_width(line: str) -> int:
    """Columns a line takes: a Chinese character (three bytes in UTF-8) two, ASCII one."""
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) // 2


# a line break after a character that ends no sentence (found from the break, a literal: a fast scan)
_OPEN_BREAK = re.compile(rf"\n(?:(?<=[^\s{TERMINAL}]\n)|(?<=[^\s{TERMINAL}]\r\n))")


_OPEN_LINES_CAP = 256  # past this many breaks after a mid-sentence character, a page is read by the regex path


def _open_long_lines(raw: str) -> list[tuple[int, int]] | None:
    """(start, end) of the lines of 20 characters or more, with no tab, that end mid-sentence, found from
    their breaks (a prose page has a handful); None past _OPEN_LINES_CAP breaks (a table's rows)."""
    out = []
    for n, m in enumerate(_OPEN_BREAK.finditer(raw)):
        if n >= _OPEN_LINES_CAP:
            return None
        k = m.start()
        a = raw.rfind("\n", 0, k) + 1
        if k - a > _WRAP_MIN_WIDTH // 2 and _ends_mid_sentence(raw, a, k) and not _is_table_row(raw, a, k):
            out.append((a, k))
    return out


_DOCUMENT_KINDS = tuple(_V["documents"]["document_kinds"])
_QUANTITY_END = re.compile(r"\d\s*[%‰]?[万亿千百]?[\u4e00-\u9fff]{0,2}$")
_NOT_JOINED_LEADS = ("抄送", "主送", "印发", "来源", "发布", "附件")
_BROKEN_MIN_CHARS = 40  # a line this long that ends mid-sentence was broken by the page, whatever the page
_INVISIBLE = " \t\r\u3000" + "".join(ZERO_WIDTH)


def _join_span(raw: str, a: int, b: int, blank_lines: int) -> tuple[int, int] | None:
    """The span from the end of line raw[a:b]'s text to the start of the next line's, over at most
    `blank_lines` lines of blanks or zero-width characters (a page break, a link's empty line); None when
    the next line opens an item, is a table's row or the text ends."""
    pos = b
    for _ in range(blank_lines + 1):
        nxt_start = pos + 1
        if nxt_start >= len(raw):
            return None
        nxt_end = raw.find("\n", nxt_start)
        nxt_end = len(raw) if nxt_end < 0 else nxt_end
        nxt = raw[nxt_start:nxt_end]
        if nxt.strip(_INVISIBLE):
            break
        pos = nxt_end
    else:
        return None
    if _ITEM_OPENER.match(nxt) or _is_table_row(nxt, 0, len(nxt)):
        return None
    head = raw[a:b].rstrip(_INVISIBLE)
    if head.endswith(_DOCUMENT_KINDS) or nxt.rstrip(_INVISIBLE).endswith(("：", ":")):
        return None  # a title (…工作要点的通知), or before an addressee line (各乡镇人民政府：)
    if _ITEM_OPENER.match(raw, a, b) or head.lstrip(_INVISIBLE).startswith(_NOT_JOINED_LEADS):
        return None  # a list's item (● …, 1) …) or a 抄送： line ends where it ends
    if head[-1:].isdigit() or _QUANTITY_END.search(head[-8:]):
        return None  # …完成投资7200万元 ⏎ 县第二中学…: a line ending on a quantity ends its item; and two
        # cells' digits (2024-2025 3200⏎2 县第二中学) would merge into one number
    return a + len(raw[a:b].rstrip(_INVISIBLE)), nxt_start + len(nxt) - len(nxt.lstrip(_INVISIBLE))


def _is_decoration(ch: str) -> bool:
    """An emoji or pictograph a page ends its lines with (…的成绩。🌟, 回顾2023年工作成果🏆)."""
    o = ord(ch)
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or ch in "\ufe0f\u200d"


def _ends_mid_sentence(raw: str, a: int, b: int) -> bool:
    """Does line raw[a:b] end on a character that ends no sentence? (read back from its end, past blanks
    and emoji: no copy)"""
    k = b
    while k > a and (raw[k - 1] in _INVISIBLE or _is_decoration(raw[k - 1])):
        k -= 1
    return k > a and raw[k - 1] not in TERMINAL


def wrapped_line_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans of line breaks that cut a sentence (with the blanks around them): after a line of 40
    characters or more that ends mid-sentence (a link or a PDF's page break split it: 交出一份人⏎⏎民满意),
    and on a page wrapped at a fixed width, after each full-width line that does."""
    opens = _open_long_lines(raw)
    if opens is not None and (len(opens) < _WRAP_MIN_LINES or len(opens) * 4 < raw.count("\n")):
        # most pages: every long line ends on a full stop but a few, too few for a wrapped page (whose
        # lines nearly all end mid-sentence)
        return [span for a, b in opens if b - a >= _BROKEN_MIN_CHARS and (span := _join_span(raw, a, b, 2))]
    # only long lines are looked at, found by the regex engine: a table of short rows costs nothing
    long_lines = [m.span() for m in _LONG_LINE.finditer(raw)]
    open_ended = {(a, b) for a, b in long_lines if b < len(raw) and _ends_mid_sentence(raw, a, b)
                  and not _is_table_row(raw, a, b)}
    spans = [span for a, b in long_lines if (a, b) in open_ended
             and b - a >= _BROKEN_MIN_CHARS and (span := _join_span(raw, a, b, 2))]
    if len(open_ended) < _WRAP_MIN_LINES:
        return spans  # too few lines end mid-sentence for a wrapped page: its widths are not measured
    long_lines = [(a, b, _visual_width(raw[a:b].strip(_INVISIBLE))) for a, b in long_lines]
    wide = sorted(w for _, _, w in long_lines if w >= _WRAP_MIN_WIDTH)
    if len(wide) < _WRAP_MIN_LINES:
        return spans
    full = wide[int(0.9 * (len(wide) - 1))] * _WRAP_FULL_SHARE  # the page's width, less the slack
    full_lines = [(a, b) for a, b, w in long_lines if w >= full]
    wrapped = [(a, b) for a, b in full_lines if (a, b) in open_ended]
    if len(wrapped) < _WRAP_MIN_LINES or len(wrapped) * 2 < len(full_lines):
        return spans  # lines that are paragraphs end on a full stop: the page is not wrapped
    taken = {s for s, _ in spans}
    spans += [span for a, b in wrapped if (span := _join_span(raw, a, b, 0)) and span[0] not in taken]
    return sorted(spans)


def debris_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans that are page-number debris, not text.

    Shapes seen on government sites and reposts: pinyin after characters (pinyin_spans), a run of line-start numbers 1、2、3、…
    that increase by one per line and cut sentences mid-word (a page counter
    pasted into the text), and footer lines like ``- 12 -`` or ``第3页 共10页``.
    A numbered list whose lines end sentences is left alone.
    """
    spans: list[tuple[int, int]] = []
    if ".\n" in raw or ".\r\n" in raw:  # 下拨资金579.⏎413万元: a number the page's layout broke at its point
        spans += [m.span(1) for m in _BROKEN_DECIMAL.finditer(raw)]
    spans += wrapped_unit_spans(raw)
    spans += wrapped_line_spans(raw)
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
            j = m.start()  # the last character before the line that is not a line break or space
            while j > 0 and raw[j - 1] in "\r\n \t":
                j -= 1
            if j > 0 and raw[j - 1] not in TERMINAL:
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
    spans += pinyin_spans(raw)
    return merge_spans(spans)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
_PINYIN = re.compile(rf"[(（][a-zü{_TONED}]{{1,7}}[)）]")


def pinyin_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans of pinyin that some reposting sites put after characters: 学(xué)校, 网(wǎng).
    Only a tone-marked syllable right after a Chinese character: (PISA) or (AI) stay."""
    if not any(ch in raw for ch in _TONED):  # 27 substring tests beat one character-class scan
        return []
    return [m.span() for m in _PINYIN.finditer(raw)
            if m.start() > 0 and "\u4e00" <= raw[m.start() - 1] <= "\u9fff"
            and any(ch in _TONED for ch in m.group())]


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
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
        out.append(c if len(c) == len(line) else "".join(map(_simplify_char, line)))
    return "\n".join(out)


_CHAR_T2S: dict[str, str] = {}


def _simplify_char(ch: str) -> str:
    """One character converted alone, itself if OpenCC would make it longer (memoised: a line
    whose conversion changes length is converted character by character)."""
    try:
        return _CHAR_T2S[ch]
    except KeyError:
        x = _t2s().convert(ch)
        out = _CHAR_T2S[ch] = x if len(x) == 1 else ch
        return out


def _cut_spans(raw: str) -> list[tuple[int, int]]:
    """Sorted, merged raw spans left out of the normalised text."""
    spans = debris_spans(raw)
    if any(ch in raw for ch in ZERO_WIDTH):  # a scan a character is faster than the regex
        spans += [m.span() for m in _ZERO_WIDTH.finditer(raw)]
    return merge_spans(spans)


def normalize(raw: str) -> Normalized:
    pieces: list[str] = []
    norm_starts: list[int] = []
    raw_starts: list[int] = []
    pos = npos = 0
    for s, e in _cut_spans(raw) + [(len(raw), len(raw))]:
        if s > pos:
            pieces.append(raw[pos:s])
            norm_starts.append(npos)
            raw_starts.append(pos)
            npos += s - pos
        pos = max(pos, e)
    if not norm_starts:
        norm_starts, raw_starts = [0], [len(raw)]
    text = pipe_tables(cn_decimal_points(_simplify(translate("".join(pieces)))))
    return Normalized(raw=raw, text=text, norm_starts=norm_starts, raw_starts=raw_starts)
