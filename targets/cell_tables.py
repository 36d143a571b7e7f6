"""Indicator tables written one cell a line (a 主要指标表 copied from a web page loses its tabs):

    指  标
    2020年
    2025年
    属性
    1.学前教育毛入园率(%)
    99%
    99%以上
    约束性

A header line 指标 is followed by its column cells (years, 属性, 单位); each row is then one or
more name lines and one value line per year column. A row naming its parts (4.标准班额比例(%) ⏎
其中:小学 ⏎ 初中) gives each part's values column by column. The values under an earlier year
than the plan's (or, when the plan's year is unknown, every year column but the last) are
where things stood: results; the others are targets due that year.

Only the positions and names are read here; the numbers themselves are found by the finder."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .vocab import alternation, load_vocab

_V = load_vocab()
C = _V["indicator_tables"]["cell_lines"]
# 指  标: a header cell may be spaced out to the column's width
_HEADER = re.compile(r"[^\S\n]*(?:" + "|".join(r"[^\S\n]*".join(map(re.escape, w))
                                               for w in sorted(C["name_headers"], key=len, reverse=True))
                     + r")[^\S\n]*")
_HEADER_WORD = re.compile(r"指[^\S\n]{0,4}标")  # found first (a literal scan), its line tested after
_YEAR_CELL = re.compile(rf"((?:19|20)\d{{2}})\s*年?\s*(?:年末|年底)?\s*(?P<tag>{alternation(C['target_tags'] + C['measured_tags'])})?")
_OTHER_CELL = re.compile(rf"(?:{alternation(C['other_headers'])})")
_VALUE = re.compile(r"(?:≥|≤|>|<|＞|＜|约)?\s*\d+(?:\.\d+)?\s*(?:%|‰|[\u4e00-\u9fff]{1,2})?\s*(?:以上|以下|以内|左右)?"
                    r"|[—–\-－/／]+|无")
_ATTRIBUTE = re.compile(rf"(?:{alternation(C['attributes'])})")
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*")
_PARTS = re.compile(r"^\s*其中\s*[:：]?\s*")
_UNIT_NOTE = re.compile(r"[(（][^()（）]{0,8}[)）]\s*$")
MAX_NAME = 40  # a longer line is prose: the table has ended
_TABLE_UNIT = re.compile(r"(?:计量)?单位\s*[:：]\s*([^\s\d,，。;；:：]{1,4})\s*$")


@dataclass(frozen=True)
class CellValue:
    start: int  # the value line's span in the text
    end: int
    name: str  # the row's indicator
    year: str  # its column's year
    measured: bool  # an earlier year's column: where things stood
    unit: str = ""  # the row's unit (its unit cell, or the name's bracket: 毛入园率(%)), for bare numbers
    op: str = ""  # a key-value cell's own comparator sign (≥90%, <=6962人)
    keyed: bool = False  # a key-value table's cell: a bare number there is a value even without a unit
    done: bool = False  # a progress table's done cell (完成情况), which reports on its row's task


_HAN = re.compile(r"[\u4e00-\u9fff]")  # a cell with words in it
# a bare number in a cell (91.5, ≥95, 95以上): its unit is the row's
BARE_NUMBER = re.compile(r"\s*(?P<op>≥|≤|>|<|＞|＜|约)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<after>以上|以下|以内|左右)?\s*")
_NAME_UNIT = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$")
_UNIT_LINE = re.compile(r"%|‰|百分点|[万亿千]?[\u4e00-\u9fff]{1,2}(?:/[\u4e00-\u9fff]{1,2})?")

# a cell's comparator, before or after its number (≥95, 95以上, 约90)
# (≧ ≦, and ═ ＝ for =, as the 绩效自评表 template writes its sign cells)
CELL_OPS = {"≥": ">=", ">=": ">=", ">": ">=", "＞": ">=", "›=": ">=", "≧": ">=", "不低于": ">=", "不少于": ">=",
            "以上": ">=", "≤": "<=", "<=": "<=", "<": "<=", "＜": "<=", "‹=": "<=", "≦": "<=", "不超过": "<=",
            "不高于": "<=", "以下": "<=", "以内": "<=", "约": "~", "左右": "~", "=": "=", "═": "=", "＝": "="}

_MONEY = _V["money_units"]
_SCALE = _V["indicator_tables"]["scale_prefixes"]


def unit_value(unit: str, value: float) -> tuple[str, str, float]:
    """(unit, kind, value) from a table's unit (a unit cell, a header's 万元, a name's (%)):
    % → rate, 百分点 → change, 万元 → money in 元, 万人 → 人 × 10000."""
    unit = unit.strip()
    if unit == "%":
        return "%", "rate", value
    if "百分点" in unit:
        return "百分点", "change", value
    if unit in _MONEY:
        return "元", "money", value * _MONEY[unit]
    if len(unit) >= 2 and unit[0] in _SCALE:
        return unit[1:], "count", value * _SCALE[unit[0]]
    return unit, "count", value


def cell_lines(text: str, lo: int, hi: int):
    """(start, end, stripped text) of the non-blank lines of text[lo:hi], read as asked. A line
    that is a cell border alone (|, as a yearbook's page gives its cells one a line) is blank."""
    pos = lo
    while pos < hi:
        end = text.find("\n", pos, hi)
        end = hi if end < 0 else end
        line = text[pos:end].strip()
        if line and line != "|":
            yield pos, end, line
        pos = end + 1


def _has_unit_column(lines: list) -> bool:
    return any(cell in C["unit_headers"] for _, _, cell in lines)


def _columns(lines: list, year: int | None) -> list[tuple[str, bool]] | None:
    """(year, measured) of each year column of the header cells, or None when they are not a header."""
    years = []
    for _, _, cell in lines:
        m = _YEAR_CELL.fullmatch(cell)
        if m:
            tag = m.group("tag") or ""
            years.append((m.group(1), tag))
        elif not _OTHER_CELL.fullmatch(cell):
            return None
    if len(years) < 1 or len(lines) > 6:
        return None
    last = max(y for y, _ in years)
    out = []
    for k, (y, tag) in enumerate(years):
        later = [int(z) for z, _ in years[k + 1:]]
        if tag in C["measured_tags"]:
            measured = True
        elif tag in C["target_tags"]:
            measured = False
        elif year:
            # a five-year plan's base year may be the page's own (2020年 ⏎ 2025年 on a page of 2020);
            # consecutive years (2024年 ⏎ 2025年) are milestones
            measured = int(y) < year or (int(y) == year and bool(later) and min(later) - int(y) >= 3)
        else:
            measured = y != last  # 2020年 ⏎ 2025年 in a 十四五 plan: the base, then the goal
        out.append((y, measured))
    return out if any(not m for _, m in out) else None


def _name(line: str) -> str:
    return _UNIT_NOTE.sub("", _ITEM.sub("", line)).strip()


def cell_table_values(text: str, lo: int, hi: int, year: int | None) -> list[CellValue]:
    """The value cells of the one-cell-a-line indicator tables of text[lo:hi], in text order."""
    out: list[CellValue] = []
    pos = lo
    while (m := _HEADER_WORD.search(text, pos, hi)) is not None:
        line_start = max(lo, text.rfind("\n", lo, m.start()) + 1)
        pos = text.find("\n", m.end(), hi)
        if pos < 0:
            break
        if not _HEADER.fullmatch(text, line_start, pos):
            continue  # 指标 must be the whole line
        lines = cell_lines(text, pos, hi)
        header = []
        for cell in lines:
            if _YEAR_CELL.fullmatch(cell[2]) or _OTHER_CELL.fullmatch(cell[2]):
                header.append(cell)
                continue
            first = cell
            break
        else:
            break
        columns = _columns(header, year)
        if not columns:
            continue
        if _STAT_TITLE.search(text, max(lo, line_start - 300), line_start):
            # under a title naming a state of things (各类教育事业基本情况): every column was measured
            columns = [(col_year, True) for col_year, _ in columns]
        k = len(columns)
        # the table's own unit on the line above its header (一、学校数 计量单位:所)
        above = text[max(lo, text.rfind("\n", lo, max(lo, line_start - 1)) + 1):line_start]
        table_unit = m_unit.group(1) if (m_unit := _TABLE_UNIT.search(above)) else ""
        # …and its measure, which each row's label is of (成人中专 → 成人中专学校数)
        measure = _name(above[:m_unit.start()]) if m_unit else ""
        measure = measure if 2 <= len(measure) <= 8 else ""
        unit_column = _has_unit_column(header)
        names: list[str] = []
        units: list[str] = []
        values: list[tuple[int, int, str]] = []

        def flush() -> None:
            if not values:
                return
            n = len(values) // k
            if n == 0 or len(values) % k:
                return  # cells missing: the row cannot be read safely
            parts = names[-n:] if len(names) >= n else []
            if not parts:
                return
            # 4.标准班额比例(%) ⏎ 其中:小学 ⏎ 初中: the parts are named with their parent's measure
            parent = _name(names[-n - 1]) if len(names) > n and _PARTS.match(parts[0]) else ""
            labels = []
            for part in parts:
                own = _name(_PARTS.sub("", part))
                labels.append(own + parent if parent and len(own) <= 4 else own)
            # the unit: the row's unit cell, else the bracket after its name or its parent's, else the table's
            unit = units[-1] if units else ""
            for line in ([] if unit else [*parts, names[-n - 1] if len(names) > n else ""]):
                if (m := _NAME_UNIT.search(line)) is not None:
                    unit = m.group(1).strip()
                    break
            unit = unit or table_unit
            for j, (col_year, measured) in enumerate(columns):
                for i, label in enumerate(labels):
                    s, e, _ = values[j * n + i]
                    out.append(CellValue(s, e, (label + measure)[:20], col_year, measured, unit))

        for s, e, line in itertools.chain([first], lines):
            pos = e
            if _VALUE.fullmatch(line):
                values.append((s, e, line))
                continue
            if _ATTRIBUTE.fullmatch(line):
                continue
            if len(line) > MAX_NAME or "。" in line or _HEADER.fullmatch(line):
                pos = s  # prose, or the next table's header (read from there): this table has ended
                break
            if unit_column and names and not values and len(line) <= 4 and _UNIT_LINE.fullmatch(line):
                units.append(line)  # the row's unit cell, after its name
                continue
            if values:
                flush()
                names, values, units = [], [], []
            names.append(line)
        flush()
    return out


_VALUE_HEADER = re.compile(rf"[^\S\n]*(?P<h>{alternation(C['value_headers'] + C['measured_value_headers'])})"
                           r"[^\S\n]*(?:[(（][^()（）\n]{0,6}[)）])?[^\S\n]*")
# the header's words at a line's start (a literal first: the scan skips to line breaks), its line
# tested after; a leading [^\S\n]* would be tried at every position
_VALUE_HEADER_WORD = re.compile(rf"\n[^\S\n]*(?:{alternation(C['value_headers'] + C['measured_value_headers'])})")
# a value cell: an optional sign, a number, an optional unit (≥90%, <=6962人, =100%, 2, 95%以上)
_KEYED_VALUE = re.compile(r"(?P<op>≥|≤|>=|<=|=|>|<|＞|＜|‹=|›=|不低于|不少于|不高于|不超过|约)?\s*(?P<n>\d+(?:\.\d+)?)\s*"
                          r"(?P<unit>%|‰|[\u4e00-\u9fff]{1,3})?\s*(?P<after>以上|以下|以内|左右)?")
MAX_GAP_LINES = 30  # lines without a value after which the table has ended


def key_value_cells(text: str, lo: int, hi: int, year: int | None) -> list[CellValue]:
    """The value cells of performance tables (绩效目标表) written one cell a line: after a header
    line naming the value column (指标值, 年度数值; 实际完成值 for what was done), each value line
    (≥90%, <=6962人, 2) is named by the cell line just before it (学生、家长、社会满意度)."""
    out: list[CellValue] = []
    pos = lo - 1 if lo else lo  # from the line break before the document (a header never opens a text)
    while (w := _VALUE_HEADER_WORD.search(text, pos, hi)) is not None:
        line_start = w.start() + 1
        line_end = text.find("\n", w.end(), hi)
        line_end = hi if line_end < 0 else line_end
        pos = line_end + 1
        if (m := _VALUE_HEADER.fullmatch(text, line_start, line_end)) is None:
            continue  # the header must be the whole line
        columns = [m.group("h") in C["measured_value_headers"]]
        name, taken, quiet = "", 0, 0
        for s, e, line in cell_lines(text, line_end, hi):
            pos = e
            h = _VALUE_HEADER.fullmatch(line)
            if h and not name:  # the header's next value column (年度指标值 ⏎ 实际完成值)
                columns.append(h.group("h") in C["measured_value_headers"])
                continue
            v = _KEYED_VALUE.fullmatch(line)
            if v:
                quiet = 0
                if name and taken < len(columns):
                    op = v.group("op") or v.group("after") or ""
                    out.append(CellValue(s, e, name[:20], str(year or ""), columns[taken], v.group("unit") or "",
                                         CELL_OPS.get(op, ""), keyed=True))
                    taken += 1
                continue
            if len(line) > MAX_NAME or "。" in line or (quiet := quiet + 1) > MAX_GAP_LINES:
                break  # prose, or a long stretch with no value: the table has ended
            name, taken = _name(line), 0
    return out


G = C["grouped"]
_ROW_HEADER = frozenset(G["row_headers"])
# a row header alone in its cell, after a line break or a tab (a literal first: a fast scan)
_ROW_HEADER_AT = rf"[^\S\n]*(?:{alternation(G['row_headers'])})[^\S\n]*(?=[\t\n])"
# one literal a pattern: re scans to a literal several times faster than to a class of two
_ROW_HEADER_LINE = re.compile(rf"\n{_ROW_HEADER_AT}")
_ROW_HEADER_TAB = re.compile(rf"\t{_ROW_HEADER_AT}")
_ROW_HEADER_START = re.compile(_ROW_HEADER_AT)
_ROLE = {**{w: "task" for w in G["task_cells"]}, **{w: "done" for w in G["done_cells"]},
         **{w: "ratio" for w in G["ratio_cells"]}}
_NAME_OP = re.compile(rf"(?:{alternation(G['name_ops'])})$")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
MAX_LABEL = 12  # a row's label (全市, 东坡区, 眉山天府新区) is short


def _role(line: str) -> str:
    """task, done or ratio for a grouped table's column cell (目标, 进度, 完成比例(%)), else ''."""
    return _ROLE.get(_UNIT_NOTE.sub("", line).strip(), "")


def _group_pattern(roles: list[str]) -> tuple[list[str], int] | None:
    """(the columns of one group, the number of groups) when `roles` repeats them (task done ratio
    task done ratio …), a column cell split over lines (目标 ⏎ 任务) read as one."""
    merged = [r for i, r in enumerate(roles) if i == 0 or r != roles[i - 1]]
    if "task" not in merged or "done" not in merged:
        return None
    width = merged.index("task", 1) if "task" in merged[1:] else len(merged)
    pattern = merged[:width]
    if len(merged) % width or merged != pattern * (len(merged) // width) or pattern[0] != "task":
        return None
    return pattern, len(merged) // width


def _split_groups(values: list[tuple[int, int, float]], groups: int, ratio: bool) -> list[tuple] | None:
    """(task, done) cells of each group of a row, or None when the row cannot be read safely. A
    group's ratio cell may be missing (a rate has none: 4.3 ⏎ 3.57); it is there when it is the
    done cell over the task cell (52242 / 27800 = 187.9%)."""
    out, i = [], 0
    for _ in range(groups):
        if i + 1 >= len(values):
            return None
        task, done = values[i], values[i + 1]
        i += 2
        if ratio and i < len(values) and task[2]:
            r = values[i][2]
            if abs(r - 100 * done[2] / task[2]) <= max(0.6, 0.01 * r):
                i += 1
        out.append((task, done))
    return out if i == len(values) else None


def _cells(text: str, lo: int, hi: int):
    """(start, end, stripped text) of the non-blank cells of text[lo:hi], split at line breaks and tabs."""
    for s, e, line in cell_lines(text, lo, hi):
        if "\t" not in line:
            yield s, e, line
            continue
        pos = s
        for part in text[s:e].split("\t"):
            if part.strip():
                lead = len(part) - len(part.lstrip())
                yield pos + lead, pos + lead + len(part.strip()), part.strip()
            pos += len(part) + 1


_STAT_TITLE = re.compile(alternation(G["stat_titles"]))
_MEASURE_UNIT = G["measure_units"]
_EMPTY_CELL = re.compile(r"[—–\-－/／]+")


def _measure_unit(name: str) -> str:
    """所 for 学校数, 人 for 在校学生数: the unit of a statistics table's measure, '' when unknown."""
    for suffix in sorted(_MEASURE_UNIT, key=len, reverse=True):
        if name.endswith(suffix):
            return _MEASURE_UNIT[suffix]
    return ""


def _stat_values(text: str, lo: int, lines: list, header: int, first_row: int, names: list[str],
                 year: int | None) -> tuple[list[CellValue], int] | None:
    """The values of a statistics table (类别 ⏎ 学校数 ⏎ 班级数 ⏎ … ⏎ 小学 ⏎ 334 ⏎ 8697 ⏎ …) under a title
    that names a state of things (…基础教育情况表): each a result named by its row and measure, in
    the measure's unit; a row whose cells do not fill the measures is skipped. None when the cells
    after `header` are not such a table; else (values, where reading stopped)."""
    title_from = max(lo, text.rfind("\n", lo, max(lo, text.rfind("\n", lo, lines[header][0]))) + 1)
    if len(names) < 2 or any(_KEYED_VALUE.fullmatch(n) for n in names) or not _STAT_TITLE.search(text, title_from, lines[header][0]):
        return None
    units = [_measure_unit(n) for n in names]
    if not any(units):
        return None
    out, i, label, row = [], first_row, "", []

    def flush() -> None:
        if label and len(row) == len(names):
            for (s, e, cell), name, unit in zip(row, names, units):
                if unit and _PLAIN_NUMBER.fullmatch(cell):
                    out.append(CellValue(s, e, (label + name)[:20], str(year or ""), True, unit, "", keyed=True))

    while i < len(lines):
        s, e, cell = lines[i]
        if _PLAIN_NUMBER.fullmatch(cell) or _EMPTY_CELL.fullmatch(cell):
            row.append(lines[i])
        elif len(cell) > MAX_LABEL or "。" in cell or cell.endswith((":", "：")):
            break  # prose or a note (备注:): the table has ended
        else:
            flush()
            label, row = cell, []
        i += 1
    flush()
    return (out, i) if out else None


def grouped_cells(text: str, lo: int, hi: int, year: int | None) -> list[CellValue]:
    """The task and done cells of progress tables written one cell a line whose columns are grouped
    by indicator (民生工程完成情况表): a row header (地区), the indicators' names with their units
    (城镇新增就业(人)), each indicator's column cells (目标 ⏎ 任务 ⏎ 进度 ⏎ 完成比例(%)), then each
    area's name and its values. A task cell is a target, a done cell a result, both named by the
    area and the indicator (东坡区城镇新增就业). A row whose values do not fill the groups is skipped:
    which indicator a short row belongs to cannot be told."""
    out: list[CellValue] = []
    # a row header alone in its cell: rare in prose
    first = _ROW_HEADER_START.match(text, lo, hi) or min(
        (m for m in (_ROW_HEADER_LINE.search(text, lo, hi),
                     _ROW_HEADER_TAB.search(text, lo, hi) if text.find("\t", lo, hi) >= 0 else None) if m),
        key=lambda m: m.start(), default=None)
    if first is None:
        return out
    # cells one a line, or a row joined into one line of tab-split cells (类别 | ⏎ 学校数 | ⏎ …)
    lines = list(_cells(text, first.start(), hi))
    i = 0
    while i < len(lines):
        if lines[i][2] not in _ROW_HEADER:
            i += 1
            continue
        j, names = i + 1, []
        while (j < len(lines) and not _role(lines[j][2]) and len(lines[j][2]) <= MAX_NAME and "。" not in lines[j][2]
               and not _PLAIN_NUMBER.fullmatch(lines[j][2])):
            names.append(lines[j][2])
            j += 1
        roles = []
        while j < len(lines) and (r := _role(lines[j][2])):
            roles.append(r)
            j += 1
        # no column cells: the last name is the first row's label (类别 ⏎ 学校数 ⏎ … ⏎ 学前教育 ⏎ 650)
        if not roles and (stat := _stat_values(text, lo, lines, i, j - 1, names[:-1], year)) is not None:
            out += stat[0]
            i = stat[1]
            continue
        grouping = _group_pattern(roles)
        indicators = [n for n in names if _NAME_UNIT.search(n)]  # 城镇新增就业(人): an indicator has its unit
        if grouping is None or grouping[1] != len(indicators):
            i = max(j, i + 1)
            continue
        pattern = grouping[0]
        named = []
        for n in indicators:
            unit = _NAME_UNIT.search(n).group(1).strip()
            name = _UNIT_NOTE.sub("", n).strip()
            op = _NAME_OP.search(name)
            named.append((name[:op.start()] if op else name, unit, G["name_ops"][op.group()] if op else ""))
        i = j
        label, values = "", []

        def flush() -> None:
            groups = _split_groups(values, len(named), "ratio" in pattern) if label and values else None
            for (task, done), (name, unit, op) in zip(groups or [], named):
                for (s, e, _), measured in ((task, False), (done, True)):
                    out.append(CellValue(s, e, (label + name)[:20], str(year or ""), measured, unit,
                                         "" if measured else op, keyed=True))

        while i < len(lines):
            s, e, line = lines[i]
            if _PLAIN_NUMBER.fullmatch(line):
                values.append((s, e, float(line)))
            elif line in _ROW_HEADER or len(line) > MAX_LABEL or "。" in line:
                break  # the next table, or prose
            else:
                flush()
                label, values = line, []
            i += 1
        flush()
    return out


_SPACED_TASK = frozenset(G["spaced_task_headers"])
_SPACED_DONE = frozenset(G["spaced_done_headers"])
_SPACED_UNIT = frozenset(G["spaced_unit_headers"])
# a done column's header between blanks (a literal first: the scan skips to blanks and tabs)
_SPACED_HINT = re.compile(rf" (?:{alternation(G['spaced_done_headers'])})(?=[ \t\n]|$)")
_TOKEN = re.compile(r"\S+")
_UNIT_TOKEN = re.compile(r"%|‰|[万亿千]?[\u4e00-\u9fff]{1,2}(?:/[\u4e00-\u9fff]{1,2}){0,2}")
MAX_ROW = 200  # a longer line is prose


def _header_tokens(line: str) -> list[str]:
    """A blank-split header's cells, a cell spaced out to its column's width joined again (单 位)."""
    out: list[str] = []
    for tok in line.split():
        if out and len(tok) == 1 and len(out[-1]) == 1 and "\u4e00" <= tok <= "\u9fff":
            out[-1] += tok
        else:
            out.append(tok)
    return out


def spaced_row_cells(text: str, lo: int, hi: int, year: int | None) -> list[CellValue]:
    """The task and done cells of progress tables whose columns are split by blanks, a row a line
    (1 城镇新增就业 万人 5.2 7.23 139.1% 人社局): under a header naming a task column and a done column
    (工作目标, 已完成数), a row's first value is its task (a target) and its second what was done (a
    result), named by the row's first words and in the unit of its unit cell. A row with fewer than
    two values (a remark in the done column) is left to the finder."""
    out: list[CellValue] = []
    pos = lo
    while (m := _SPACED_HINT.search(text, pos, hi)) is not None:
        line_start = max(lo, text.rfind("\n", lo, m.start()) + 1)
        line_end = text.find("\n", m.end(), hi)
        line_end = hi if line_end < 0 else line_end
        pos = line_end + 1
        header = _header_tokens(text[line_start:line_end])
        if ("\t" in text[line_start:line_end] or len(header) < 4 or len(text[line_start:line_end]) > MAX_ROW
                or not _SPACED_TASK.intersection(header) or not _SPACED_DONE.intersection(header)):
            continue
        task_first = min(i for i, h in enumerate(header) if h in _SPACED_TASK) < min(i for i, h in enumerate(header) if h in _SPACED_DONE)
        has_unit = bool(_SPACED_UNIT.intersection(header))
        for s, e, line in cell_lines(text, pos, hi):
            if "\t" in line or len(line) > MAX_ROW or ("。" in line and len(line.split()) < 4):
                break  # prose: the table has ended (a row's remark may hold a full stop)
            toks = [(t.start(), t.group()) for t in _TOKEN.finditer(text, s, e)]
            words = [t for t in toks if not t[1].isdigit()]  # a serial (1, 2) is no name
            if not words:
                continue
            name, rest = words[0][1], toks[toks.index(words[0]) + 1:]
            values = [(ts, tok) for ts, tok in rest if _KEYED_VALUE.fullmatch(tok) and not tok.endswith("%")]
            if len(values) < 2 or _KEYED_VALUE.fullmatch(name):
                continue
            # the unit cell stands between the name and the values (a body named after them is no unit)
            unit = next((tok for ts, tok in rest if ts < values[0][0] and _UNIT_TOKEN.fullmatch(tok)), "") if has_unit else ""
            task, done = (values[0], values[1]) if task_first else (values[1], values[0])
            # the share done (139.1%) after the two: a result too, of the row's completion
            ratio = next(((ts, tok) for ts, tok in rest if ts > max(task[0], done[0]) and tok.endswith("%")
                          and _KEYED_VALUE.fullmatch(tok)), None)
            if ratio is not None:
                out.append(CellValue(ratio[0], ratio[0] + len(ratio[1]), (name + "完成率")[:20], str(year or ""), True, "%", "",
                                     keyed=True))
            for (ts, tok), measured in ((task, False), (done, True)):
                v = _KEYED_VALUE.fullmatch(tok)
                op = v.group("op") or v.group("after") or ""
                out.append(CellValue(ts, ts + len(tok), name[:20], str(year or ""), measured,
                                     v.group("unit") or unit, CELL_OPS.get(op, ""), keyed=True))
    return out


# 项目支出绩效自评表 rows (the national template: 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 |
# 得分), their cells split by tabs: the sign has a cell of its own (≧, ═ for =), the unit too
_SIGN_ROW = re.compile(r"\t[^\S\n]*(?P<op>[≧≥>＞≦≤<＜═＝=])[^\S\n]*\t[^\S\n]*(?P<v>\d+(?:\.\d+)?)[^\S\n]*\t"
                       r"[^\S\n]*(?P<unit>%|‰|[\u4e00-\u9fff/]{1,6})[^\S\n]*\t[^\S\n]*(?P<actual>\d+(?:\.\d+)?%?)[^\S\n]*(?=\t|\n|$)")


def sign_column_cells(text: str, lo: int, hi: int, year: int | None) -> list[CellValue]:
    """The value cells of performance self-review tables whose sign and unit have columns of their
    own (营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10): the 指标值 is a target with that sign, the
    实际完成值 after the unit what was done, both named by the cell before the sign."""
    out: list[CellValue] = []
    if text.find("\t", lo, hi) < 0:
        return out
    for m in _SIGN_ROW.finditer(text, lo, hi):
        name_start = max(lo, text.rfind("\t", lo, m.start()) + 1, text.rfind("\n", lo, m.start()) + 1)
        name = _name(text[name_start:m.start()])
        if not _HAN.search(name):
            continue
        unit = m.group("unit")
        actual = m.group("actual")
        out.append(CellValue(m.start("v"), m.end("v"), name[:20], str(year or ""), False, unit,
                             CELL_OPS[m.group("op")], keyed=True))
        out.append(CellValue(m.start("actual"), m.end("actual"), name[:20], str(year or ""), True,
                             "%" if actual.endswith("%") else unit, "", keyed=True))
    return out


_TASK_HEADS = frozenset(_V["results"]["task_headers"])
_DONE_HEAD = re.compile(alternation(_V["results"]["progress_headers"]))


def is_done_header(cell: str) -> bool:
    """Is a header cell a done column's (1-9月完成情况, 实际已完成工作量), short as a header is?"""
    return len(cell) <= 20 and _DONE_HEAD.search(cell) is not None
_TASK_QUANTITY = re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?\s*(?P<unit>{alternation(_V['units'])})")


def done_column_cells(text: str, lo: int, hi: int, year: int | None) -> list[CellValue]:
    """Bare numbers in the done column of a progress table whose task column states each row's task
    (实事项目名称 | 完成情况 ⏎ 新增4000张养老床位 | 4385): what was done, in the unit of the row's task and
    named by it. The task cell is found in each row, and the done cell at the header's distance from
    it, so a row whose serial cell was merged away (新增800张… | 810 | 101%) is read too. Only the lines
    under such a header are split into cells: the header is searched for first."""
    out: list[CellValue] = []
    if text.find("\t", lo, hi) < 0:
        return out
    pos = lo
    while (h := _DONE_HEAD.search(text, pos, hi)) is not None:
        line_start = max(lo, text.rfind("\n", lo, h.start()) + 1)
        line_end = text.find("\n", h.end(), hi)
        pos = hi if line_end < 0 else line_end + 1
        header = [c.strip() for c in text[line_start:pos].split("\t")]
        task = next((i for i, c in enumerate(header) if c in _TASK_HEADS), None)
        done = next((i for i, c in enumerate(header) if is_done_header(c)), None)
        if len(header) < 2 or task is None or done is None or done <= task:
            continue
        while pos < hi:  # the rows under it, up to the first line that is no table row
            end = text.find("\n", pos, hi)
            end = hi if end < 0 else end
            line, line_start, pos = text[pos:end], pos, end + 1
            if "\t" not in line:
                break
            value = _done_cell(text, line, line_start, task, done, year)
            if value is not None:
                out.append(value)
    return out


def _done_cell(text: str, line: str, line_start: int, task: int, done: int, year: int | None) -> CellValue | None:
    """The done cell of one row, a bare number, in the unit of the row's task cell; None when the row
    has none. The task is in the header's task column when that cell has words and a quantity (类别 |
    实事项目名称 | 计划数 | 完成情况 ⏎ 教育5项 | 新建3所学校 | 3 | 2); else, in a row whose merged cells were
    left out (padded with empty cells at its end), in its first cell with words and a quantity. The
    done cell is as far from it as in the header."""
    raw = line.split("\t")
    cells = [c.strip() for c in raw]
    if task < len(cells) and _HAN.search(cells[task]) and _TASK_QUANTITY.search(cells[task]):
        i = task
    else:
        i = next((i for i, c in enumerate(cells) if _HAN.search(c) and _TASK_QUANTITY.search(c)), None)
    if i is None or i + done - task >= len(cells):
        return None
    quantities = list(_TASK_QUANTITY.finditer(cells[i]))
    j = i + done - task
    cell_start = line_start + sum(len(c) + 1 for c in raw[:j])
    m = BARE_NUMBER.fullmatch(text, cell_start, cell_start + len(raw[j]))
    if len(quantities) != 1 or m is None:
        return None
    name = (cells[i][:quantities[0].start()] + cells[i][quantities[0].end():]).strip()
    return CellValue(m.start("n"), m.end("n"), name[:20], str(year or ""), True, quantities[0].group("unit"),
                     keyed=True, done=True)
