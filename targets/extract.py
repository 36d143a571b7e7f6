"""The pipeline: text → normalised text → documents → targets → tidy rows."""
from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .documents import NATIONAL, plan_span_end, split_documents
from .indicator_names import target_word_named
from .domains import _PLACES, assign_domain, assign_metric, is_mixed_document, school_stages
from .formatting import ROW_SEPARATOR
from . import finder
from .finder import Found, find_targets
from .indicator_tables import indicator_row_names, indicator_table_targets
from .rules import target_period
from .normalize import normalize
from .reading import read_path
from .schema import COLUMNS, DOCUMENT_COLUMNS, EXTRACTOR_VERSION  # noqa: F401 (re-exported)


@dataclass
class Extraction:
    source_file: str
    rows: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a document cut at the row cap


def _decimal_clean(value: float) -> float:
    """The value as the text wrote it: 2.3亿 is 230000000, not the 229999999.99999997 that binary
    floating point makes of 2.3 × 10⁸ (15 significant digits keep every digit a plan writes: 15826733412.56)."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:  # counts: already exact, and most rows are
        return value
    return float(f"{value:.15g}")


def target_id(source_file: str, start: int, end: int, value: float) -> str:
    key = f"{source_file}|{start}|{end}|{value!r}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def pair_table_rows(text: str, rows: list[dict], spans: list[tuple[int, int]]) -> None:
    """A task table's progress cell (1-9月完成情况) reports on the target cell of its own row:
    the nearest target before it on the same line, in the same unit, gets its id in `reports_on`
    (a 100% in the done column of a 2家 task is the share done, not a count to compare). `text` is the
    normalised text and `spans` the rows' offsets in it (a row of cells written one a line is one
    line there, not in the raw text)."""
    for i, r in enumerate(rows):
        if r["rule"] != "in_progress_column":
            continue
        for j in range(i - 1, -1, -1):  # back along its line (no copy of the rows before it)
            t = rows[j]
            between = text[spans[j][1]:spans[i][0]]
            if "\n" in between:
                break
            if t["status"] == "target" and "\t" in between and t["unit"] == r["unit"]:
                r["reports_on"] = t["target_id"]
                break


def _overlapping(found: list, start: int, end: int):
    """The row of `found` (sorted by start, not overlapping each other) that overlaps [start, end)."""
    i = bisect.bisect_left(found, end, key=lambda f: f.start) - 1  # the last row starting before end
    return found[i] if i >= 0 and found[i].end > start else None


def _with_indicator_tables(text: str, doc, found: list, hi: int, warnings: list) -> list:
    """Add the targets of indicator tables (a number alone in a cell, its unit in a column) in
    text[doc.start:hi] to the finder's. A cell the finder read too (95% carries its unit) keeps the
    finder's row, which takes the row's name and the column's due year when its own text gave none.
    Rows past the row cap are not added (a message goes to `warnings`)."""
    added = []
    for t in indicator_table_targets(text, doc.start, hi, doc.year):
        f = _overlapping(found, t.start, t.end)
        if f is None:
            added.append(t)
            continue
        f.indicator = f.indicator or t.indicator
        if f.status == "target" and not f.deadline and t.deadline:
            f.deadline, f.period = t.deadline, target_period(t.deadline, doc.year)
    cap = finder.MAX_ROWS
    if len(found) + len(added) > cap:
        keep = max(0, cap - len(found))
        warnings.append(finder.row_cap_warning(f"the indicator-table rows from character "
                                               f"{added[keep].start:,} on were not read"))
        del added[keep:]
    if any(not f.indicator for f in found):
        rows = indicator_row_names(text, doc.start, hi, doc.year)
        starts = [r[0] for r in rows]
        for f in found:
            i = bisect.bisect_right(starts, f.start) - 1
            if not f.indicator and i >= 0 and f.end <= rows[i][1]:
                f.indicator = rows[i][2]
    return sorted(found + added, key=lambda f: f.start) if added else found


# a year the text is about (not a baseline: 在2021年基础上)
_NAMED_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?!基础|的基础|为基)")
_REPORT_TITLE = re.compile(r"完成情况|进展情况|总结|报告|评估")


_BREAKDOWN = ("其中", "分别为", "分别是")
_AREA_UNITS = ("平方米", "平米", "㎡", "亩", "公顷")
# 改扩建7所，投入…: a building verb with nothing named, what it builds is in the sentence before
_BARE_BUILDING = re.compile(r"[\s,，、]*(?:另外|此外|同时)?[\s,，]*(?:新建|改扩建|新改扩建|新改建|扩建|改建|建成|续建|新开工|开工|竣工)\s*")
_BARE_OPENING = re.compile(_BARE_BUILDING.pattern + r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:所|个|座|处)[,，]")
_BREAK_CHARS = "。！？；;!?\n"
_A_SCHOOL = re.compile(r"(?<![其之])[一二三四五六七八九十]中(?![心央国小学])|中学|学院")
_WHOLE_AFTER = _BREAK_CHARS + "\t"  # a table cell is a sentence too
_INVESTED = re.compile(r"投资")  # building money (教育基建投资: the sector's, not one stage's)
_BUILDS = re.compile(r"新建|改扩建|扩建|改建|建成|建设|新开|开办|新增学位|学位")
_LOOK_BACK = 300  # characters: a sentence further back is not what this one continues


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding pos (its first non-blank character), at most _LOOK_BACK back."""
    floor = max(0, pos - _LOOK_BACK)
    start = max(floor, max(text.rfind(ch, floor, pos) for ch in _BREAK_CHARS) + 1)
    while start < pos and text[start] in " \t\u3000":
        start += 1
    return start


def _continues(before: str) -> bool:
    """Does a sentence that opens so continue the one before it (其中…, 分别为…, 改扩建7所)?"""
    return (before.lstrip().startswith(_BREAKDOWN) or bool(_BARE_BUILDING.fullmatch(before))
            or bool(_BARE_OPENING.match(before)))


def _continues_before(text: str, f: Found) -> bool:
    """Does the number's sentence continue the one before it: a breakdown (其中…, 分别为临渭区3所)
    or a bare building verb (改扩建7所)?"""
    i = f.sentence.find(text[f.start:f.end])
    start = f.start - i if i >= 0 else f.start
    if i >= 0 and (start == 0 or text[start - 1] in _WHOLE_AFTER):  # the sentence as found is whole
        return _continues(f.sentence[:i])
    return _continues(text[_sentence_start(text, f.start):f.start])


def _stage_context(text: str, f: Found) -> str:
    """Where the school stage that building, places or money are for is named: the number's sentence
    up to the number (what it builds is named before its places); when that names none, for money
    the rest of its sentence too (投入7.6亿元，新建公办幼儿园45所: what it pays for), and for a
    sentence that continues the one before (其中新建11所; 分别为临渭区3所; 改扩建7所) the sentences
    it continues, up to the one that names what is built."""
    quote = text[f.start:f.end]
    i = f.sentence.find(quote)
    if i < 0:
        return f.sentence
    before = f.sentence[:i]
    if school_stages(before) or _A_SCHOOL.search(before):  # 其中，县一中扩建新增学位: its own school
        return before
    context = before
    if f.kind == "money":
        context += f.sentence[i + len(quote):]
    start = _sentence_start(text, f.start)
    before = text[start:f.start]
    for _ in range(4):  # 分别为… ← 改扩建7所，… ← 分别为… ← 其中新建11所 ← 新建公办幼儿园18所: four back at most
        if not _continues(before):
            break
        prev_end = start
        while prev_end > 0 and text[prev_end - 1] in "。！？；;!?\n \t\u3000":
            prev_end -= 1
        start = _sentence_start(text, prev_end)
        before = text[start:prev_end]
        context = before + "。" + context
        if school_stages(before):
            return context
    if not school_stages(context) and (_PLACES.search(f.indicator) or (f.kind == "money" and _INVESTED.search(f.sentence)
                                                                      and "教育" not in f.sentence)):
        # 规划总投资约4.4亿元;年度计划投资1亿元 / 预计建成后可新增学位约5400个: building money or places
        # whose sentence names nothing they are for are for what the sentence before builds, in one paragraph
        for _ in range(2):  # two sentences back at most
            prev_end = start
            while prev_end > 0 and text[prev_end - 1] in "。！？；;!?":
                prev_end -= 1
            if not (prev_end < start and "\n" not in text[prev_end:start]):
                break
            start = _sentence_start(text, prev_end)
            prev = text[start:prev_end]
            if school_stages(prev) and _BUILDS.search(prev):  # a sentence that builds for a stage
                return prev + "。" + context
    return context


def _due_at_plan_end(text: str, found: list[Found], end: int | None, title: str = "") -> None:
    """A multi-year plan's targets that name no due date of their own are due when the plan
    ends (《…三年行动计划(2021—2023年)》提出，新建150所公办幼儿园: 2023). Not when their line, or
    the heading line just above it, names a year (a yearly block: （一）2022年目标任务⏎新建…7所),
    nor in a report on such a plan (…行动计划完成情况的报告)."""
    if end is None or _REPORT_TITLE.search(title):  # the title line as written, past the plan's name
        return
    for f in found:
        if f.status == "target" and not f.deadline:
            # the number's line and the line above it, at most 300 characters back: bounded on run-on text
            floor = max(0, f.start - 300)
            line = text.rfind("\n", floor, f.start)
            start = line + 1 if line >= 0 else floor
            above = text.rfind("\n", floor, line) + 1 if line > floor else -1
            heading = above >= 0 and 0 < line - above <= 24 and not text[above:line].rstrip().endswith("。")
            if not _NAMED_YEAR.search(text, above if heading else start, f.start):
                f.deadline = f.period = str(end)


_CJK = re.compile(r"[\u4e00-\u9fff]")
ROW_CONTEXT_MAX = 160
ROW_CONTEXT_REACH = 400  # read at most this far either side: a long tab line must not make each row rescan it


def row_context(text: str, start: int, end: int) -> str:
    """A number alone in a tab-split table row's cell (8950人, ≥90%), shown with its row up to its own
    cell, the cells joined by ' | ' (1 | 新增城镇就业 | 区人社局 | 8950人): such a cell names nothing.
    '' when the number is not in such a cell. Its cell is the last one shown, so the number is the
    quote's last occurrence."""
    floor, ceil = max(0, start - ROW_CONTEXT_REACH), min(len(text), end + ROW_CONTEXT_REACH)
    line_start = max(floor, text.rfind("\n", floor, start) + 1)
    cell_start = text.rfind("\t", line_start, start) + 1
    if cell_start == 0:
        return ""
    cell_end = min(i for i in (text.find("\t", end, ceil), text.find("\n", end, ceil), ceil) if i >= 0)
    if len(_CJK.findall(text, cell_start, start)) + len(_CJK.findall(text, end, cell_end)) >= 4:
        return ""  # a cell that says what its number is (全区产证拥有率达到65%。) is shown alone
    cells = [c.strip() for c in text[line_start:cell_end].split("\t")]
    shown = ROW_SEPARATOR.join(c for c in cells if c)
    return shown if len(shown) <= ROW_CONTEXT_MAX else "…" + shown[-ROW_CONTEXT_MAX:]


def extract_document_rows(text: str, source_file: str) -> Extraction:
    norm = normalize(text)
    result = Extraction(source_file)
    for doc in split_documents(norm.text, source_file):
        mixed = is_mixed_document(doc.title, norm.text[doc.start:doc.start + 300])
        cut: list[str] = []
        found = find_targets(norm.text, doc.start, doc.end, doc.year, title=doc.title, warnings=cut, pub_date=doc.pub_date,
                             national=doc.region.region == NATIONAL.region)
        # a document cut at the row cap is read no further for its tables either
        last = found[-1].end if found else doc.start
        read_to = doc.end if not cut or (nl := norm.text.find("\n", last, doc.end)) < 0 else nl  # its whole line
        found = _with_indicator_tables(norm.text, doc, found, read_to, cut)
        result.warnings += [f"{source_file}: {doc.doc_id}: {w}" for w in cut]
        first_line = norm.text[doc.start:doc.start + 200].lstrip().split("\n", 1)[0]
        _due_at_plan_end(norm.text, found, plan_span_end(doc.title, doc.year), first_line)
        spans = [(f.start, f.end) for f in found]
        n_results = sum(f.status == "result" for f in found)
        for i, f in enumerate(found):
            found[i] = None  # each number's context (clause, heading) is let go once its row is made
            start, end = norm.raw_span(f.start, f.end)
            result.rows.append({
                "target_id": target_id(source_file, start, end, f.value),
                "doc_id": doc.doc_id,
                "source_file": source_file,
                "start": start,
                "end": end,
                "quote": text[start:end],
                "value": _decimal_clean(f.value),
                "value_max": None if f.value_max is None else _decimal_clean(f.value_max),
                "unit": f.unit,
                "comparator": f.comparator,
                "kind": f.kind,
                "indicator": (indicator := target_word_named(f.indicator, metric := assign_metric(f.indicator, f.clause, f.kind))),
                "domain": assign_domain(indicator, f.clause, f.sentence, f.heading, mixed,
                                        lambda f=f: _stage_context(norm.text, f),
                                        paid=f.kind == "money" or f.unit in _AREA_UNITS,
                                        continues=lambda f=f: _continues_before(norm.text, f)),
                "deadline": f.deadline,
                "region": doc.region.region,
                "province": doc.region.province,
                "city": doc.region.city,
                "county": doc.region.county,
                "year": doc.year,
                "sentence": row_context(norm.text, f.start, f.end) or f.sentence,
                "strength": f.strength,
                "metric": metric,
                "title": doc.title,
                "status": f.status,
                "period": f.period or (str(doc.year) if doc.year else ""),
                "rule": f.rule or "indicator_table",
                "reports_on": "",
            })
        pair_table_rows(norm.text, result.rows[len(result.rows) - len(spans):], spans)
        s, e = norm.raw_span(doc.start, doc.end)
        row = doc.as_row(s, e)
        row["n_results"] = n_results
        row["n_targets"] = len(spans) - n_results
        result.documents.append(row)
    return result


def extract_text(text: str, source_file: str = "<text>") -> list[dict]:
    """Rows of the tidy table for one text (no disk access)."""
    return extract_document_rows(text, source_file).rows


def extract_file(path: str | os.PathLike) -> list[dict]:
    """Rows for one file; raises a ReadError subclass when it cannot be read."""
    src = read_path(path)
    return extract_document_rows(src.text, src.source_file).rows


def extract_path(path: str | os.PathLike, source_file: str | None = None) -> Extraction:
    """Rows and documents for one file; `source_file` names it in the table (default: file name)."""
    src = read_path(Path(path))
    return extract_document_rows(src.text, source_file or src.source_file)
