"""Targets stated in indicator tables (主要指标表), where the number stands alone in a cell
and its unit is in a column of its own:

    指标名称            单位   2023年实际   2024年目标
    学前三年毛入园率     %      98.2        99

The sentence finder needs a unit next to the number, so it never sees these. A table is
read only when its header row has a unit column and at least one target column (目标,
预期, or a year not before the plan's year and not marked 实际/现状)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cell_tables import CELL_OPS
from .cell_tables import unit_value as _unit_value
from .finder import Found
from .rules import target_period
from .vocab import alternation, load_vocab

_V = load_vocab()
T = _V["indicator_tables"]
MONEY = _V["money_units"]
_NUMBER_CELL = re.compile(r"\s*(?P<op>≥|≤|>=|<=|>|<|不低于|不少于|不超过|约)?\s*(?P<n>\d+(?:\.\d+)?)\s*"
                          r"(?P<pct>%)?\s*(?P<after>以上|以下|以内|左右)?\s*")
_YEAR = re.compile(r"((?:19|20)\d{2})")


@dataclass
class _Header:
    unit_col: int | None  # None: each value column names its unit (年度投资金额（万元）)
    name_col: int
    targets: dict[int, str]  # column → deadline ('2024' or '')
    units: dict[int, str] | None = None  # column → unit, for columns that name theirs
    labels: dict[int, str] | None = None  # column → what it measures (年度投资金额)
    done: dict[int, str] | None = None  # column → the month it reports to ('09' for 1-9月完成投资), '' the year
    row_units: bool = False  # each row's name says its unit (学前三年毛入园率（%）, 新增教师（人）)


# 年度投资金额（万元）: a column whose header names its unit in brackets
_BRACKET_UNIT = re.compile(rf"(?P<label>[^\t\n()（）]{{0,14}}?)\s*[(（]\s*(?P<unit>{alternation(T['bracket_units'])})\s*[)）]")


def _bracket_header(cells: list[str], year: int | None = None) -> _Header | None:
    """A project list's header (序号 | 项目名称 | 建设内容 | 年度投资金额（万元） | 责任单位): its value
    columns are those whose header names a unit and no past (已完成投资（万元） reports)."""
    name_col = next((i for i, c in enumerate(cells) if c in T["project_name_headers"]), None)
    if name_col is None:
        return None
    units, labels, targets, done = {}, {}, {}, {}
    for i, c in enumerate(cells):
        m = _BRACKET_UNIT.fullmatch(c)
        if not m or i == name_col or any(w in m.group("label") for w in T["background_headers"]):
            continue
        y = _YEAR.search(m.group("label"))
        if y and year and int(y.group(1)) < year:
            continue  # 截至2023年底累计投资 in a 2024 list: where things stood before it, no row
        units[i], labels[i] = m.group("unit"), m.group("label").strip()
        if any(w in m.group("label") for w in T["past_headers"]):
            # 1-9月完成投资（万元）: what was done, to that month (a progress page's results)
            month = _DONE_MONTH.search(m.group("label"))
            n = int(month.group(1) or month.group(2)) if month else 0
            done[i] = f"{n:02d}" if 1 <= n <= 12 else ""
        else:
            targets[i] = ""
    return _Header(None, name_col, targets, units, labels, done) if targets or done else None


_DONE_MONTH = re.compile(r"(?:1|一)\s*[-—~至到]\s*(\d{1,2})\s*月|截[至止]\s*(\d{1,2})\s*月")


def _row_unit_header(cells: list[str], year: int | None) -> _Header | None:
    """A plan's indicator table whose rows name their units (指标 | 2020年 | 2025年 | 属性, then 学前三年毛入
    园率（%） | 90.5 | 95 | 预期性): a name column and a column of the plan's years or later (or 目标)."""
    name_col = next((i for i, c in enumerate(cells) if c in _ROW_UNIT_NAME_HEADERS), None)
    if name_col is None:
        return None
    # a year column must lie ahead of the page's (a summary's 2023年 | 2024年 holds levels reached), or
    # the header say it is a goal (2025年目标)
    targets = {i: dl for i, dl in _target_columns(cells, year, (name_col,)).items()
               if any(w in cells[i] for w in T["target_headers"]) or (dl and year and int(dl) > year)}
    return _Header(None, name_col, targets, row_units=True) if targets else None


def _target_columns(cells: list[str], year: int | None, skip: tuple) -> dict[int, str]:
    """column → deadline of the columns that hold targets: 目标/预期 headers, or a year not before the plan's."""
    targets: dict[int, str] = {}
    for i, c in enumerate(cells):
        if i in skip or not c or any(w in c for w in T["past_headers"]):
            continue
        y = _YEAR.search(c)
        if any(w in c for w in T["target_headers"]) or (y and year and int(y.group(1)) >= year):
            targets[i] = y.group(1) if y else ""
    return targets


_ROW_UNIT_NAME_HEADERS = frozenset(T["cell_lines"]["name_headers"])
# the unit a row's name gives in brackets at its end: 学前三年毛入园率（%）, 新增教师（人）, 投资（万元）
_NAME_UNIT = re.compile(rf"[(（]\s*(%|{alternation(T['bracket_units'])})\s*[)）]\s*$")


def _header(cells: list[str], year: int | None) -> _Header | None:
    cells = [c.strip() for c in cells]
    unit_col = next((i for i, c in enumerate(cells) if c in T["unit_headers"]), None)
    if unit_col is None:
        return _bracket_header(cells, year) or _row_unit_header(cells, year)
    name_col = next((i for i, c in enumerate(cells) if c in T["name_headers"]), 0 if unit_col else 1)
    targets = _target_columns(cells, year, (unit_col, name_col))
    return _Header(unit_col, name_col, targets) if targets else None


# a cell that is a unit header and nothing else: every header row has one
# (its leading blanks stay in the cell: a \s* there read a flood of blank lines from every break)
_UNIT_CELL = re.compile(rf"(?<![^\t\n])[^\S\t\n]*(?:{alternation(list(T['unit_headers']) + list(_ROW_UNIT_NAME_HEADERS))})\s*(?![^\t\n])"
                        rf"|[(（]\s*(?:{alternation(T['bracket_units'])})\s*[)）][^\S\t\n]*(?![^\t\n])")


def _data_rows(text: str, lo: int, hi: int, year: int | None):
    """(line start, cells, header, name) for each data row under an indicator-table header. Outside
    a table the text is skipped to the next line with a unit-header cell (a search, not a line loop)."""
    if text.find("\t", lo, hi) < 0:
        return  # a table row has cells: without a tab there is none (one C search, not a regex scan)
    header: _Header | None = None
    pos = lo
    while pos <= hi:
        if header is None and pos > lo:  # the first line may start mid-line: always read
            m = _UNIT_CELL.search(text, pos, hi)
            if m is None:
                return
            pos = max(pos, text.rfind("\n", pos, m.start()) + 1)
        end = text.find("\n", pos, hi)
        end = hi if end < 0 else end
        line_start, pos = pos, end + 1
        header, row = _read_line(text[line_start:end], header, year)
        if row:
            yield line_start, row[0], header, row[1]


def _read_line(line: str, header: _Header | None, year: int | None) -> tuple[_Header | None, tuple | None]:
    """(the header in force after this line, (cells, name) if it is a data row under it)."""
    if "\t" not in line:  # a blank line, or a line of pipes between rows, keeps the header
        return (None if line.strip(" |\u3000\r") else header), None
    cells = line.split("\t")
    new = _header(cells, year)
    if new:
        return new, None
    if header is None or len(cells) <= max(header.unit_col or 0, header.name_col):
        return header, None
    name = cells[header.name_col].strip()
    return header, ((cells, name) if _TWO_HAN.search(name) else None)


_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def indicator_row_names(text: str, lo: int, hi: int, year: int | None) -> list[tuple[int, int, str]]:
    """(line start, line end, indicator name) of each indicator-table data row: a number the
    sentence finder reads in such a row (95% in its 2023年实际 cell) is about the row's name."""
    return [(start, start + sum(map(len, cells)) + len(cells) - 1, name[:20])
            for start, cells, _, name in _data_rows(text, lo, hi, year)]


def indicator_table_targets(text: str, lo: int, hi: int, year: int | None) -> list[Found]:
    """Targets in the indicator tables of text[lo:hi], offsets in normalised text."""
    out: list[Found] = []
    for line_start, cells, header, name in _data_rows(text, lo, hi, year):
        if header.row_units:
            name = _NAME_UNIT.sub("", name).strip() or name  # 学前三年毛入园率（%）: the unit is the row's, not its name
        starts = [line_start]
        for c in cells[:-1]:
            starts.append(starts[-1] + len(c) + 1)
        for col, deadline in header.targets.items():
            cell = _cell_number(cells, starts, col, header)
            if cell is None:
                continue
            m, cell_unit, unit, kind, value, s, e = cell
            comparator = CELL_OPS.get(m.group("op") or m.group("after") or "", "=")
            label = header.labels.get(col, "") if header.labels else ""
            out.append(Found(start=s, end=e, value=value, value_max=None, unit=unit, comparator=comparator,
                             kind=kind, indicator=(name + label)[:20] if label else name[:20], deadline=deadline,
                             strength="firm",
                             sentence=cells_line(cells), clause=name + " " + cell_unit, heading="",
                             period=target_period(deadline, year)))
        for col, month in (header.done or {}).items():
            cell = _cell_number(cells, starts, col, header)
            if cell is None:
                continue
            m, cell_unit, unit, kind, value, s, e = cell
            out.append(Found(start=s, end=e, value=value, value_max=None, unit=unit, comparator="=", kind=kind,
                             indicator=(name + header.labels[col])[:20], deadline="", strength="",
                             sentence=cells_line(cells), clause=name + " " + cell_unit, heading="", status="result",
                             period=(f"{year}-{month}" if month else str(year)) if year else "",
                             rule="in_progress_column"))
    out.sort(key=lambda f: f.start)
    return out


def _cell_number(cells: list[str], starts: list[int], col: int, header: _Header):
    """(match, unit as written, unit, kind, value, start, end) of the number in a row's cell, or None:
    the unit is the cell's %, else its column's (年度投资金额（万元）), else the row's unit cell."""
    m = _NUMBER_CELL.fullmatch(cells[col]) if col < len(cells) else None
    if not m:
        return None
    if m.group("pct"):
        cell_unit = "%"
    elif header.row_units:
        named = _NAME_UNIT.search(cells[header.name_col])
        if not named:
            return None  # the row's name says no unit: what the number counts is not known
        cell_unit = named.group(1)
    else:
        cell_unit = header.units[col] if header.units else cells[header.unit_col]
    unit, kind, value = _unit_value(cell_unit, float(m.group("n")))
    s = starts[col] + m.start("n")
    e = starts[col] + (m.end("pct") if m.group("pct") else m.end("n"))
    return m, cell_unit, unit, kind, value, s, e


def cells_line(cells: list[str]) -> str:
    return "\t".join(cells).strip()
