"""Indicator tables (主要指标表): numbers alone in target cells, units in their own column."""
import pytest

from targets import extract_text

HEAD = "杭州市西湖区2024年教育事业发展主要目标\n"

# table text, [(quote, value, unit, comparator, kind, indicator, deadline)]
CASES = [
    ("指标名称\t单位\t2023年实际\t2024年目标\n学前三年毛入园率\t%\t98.2\t99\n新增中小学学位\t个\t3200\t4500\n",
     [("99", 99, "%", "=", "rate", "学前三年毛入园率", "2024"), ("4500", 4500, "个", "=", "count", "新增中小学学位", "2024")]),
    ("指标\t单位\t现状值\t2025年\t属性\n义务教育巩固率\t%\t99.5\t≥99.8\t约束性\n",
     [("99.8", 99.8, "%", ">=", "rate", "义务教育巩固率", "2025")]),
    ("项目\t计量单位\t目标值\n教育经费投入\t亿元\t12.5\n培训教师\t万人次\t1.2\n",
     [("12.5", 1.25e9, "元", "=", "money", "教育经费投入", ""), ("1.2", 12000, "人次", "=", "count", "培训教师", "")]),
    ("指标名称\t单位\t预期目标\n近视率下降\t个百分点\t1\n",
     [("1", 1, "百分点", "=", "change", "近视率下降", "")]),
    # a plan's table whose rows name their units in brackets, no unit column; a row that names none is skipped
    ("类别\t指标\t2023年\t2025年\t属性\n学前教育\t学前三年毛入园率（%）\t90.5\t95\t预期性\n"
     "教师队伍\t新增教师（人）\t—\t5000\t预期性\n教师队伍\t教师学历达标情况\t良好\t8\t预期性\n",
     [("95", 95, "%", "=", "rate", "学前三年毛入园率", "2025"), ("5000", 5000, "人", "=", "count", "新增教师", "2025")]),
]

NOT_TABLES = [
    # a summary's table of levels reached (its columns the page's year and the one before)
    "指标\t2023年\t2024年\n学前三年毛入园率（%）\t91.2\t93.5\n",
    # a task table without a unit column: its numbers are the finder's business
    "序号\t工作任务\t责任科室\t完成时限\n1\t推进集团化办学\t基教科\t2024年6月\n",
    # only past columns
    "指标名称\t单位\t2022年实际\t2023年完成\n学前三年毛入园率\t%\t98\t98.2\n",
]


@pytest.mark.parametrize("table,expected", CASES, ids=[c[0].split("\n")[1][:10] for c in CASES])
def test_indicator_table_rows(table, expected):
    text = HEAD + table
    rows = extract_text(text)
    got = [(r["quote"], r["value"], r["unit"], r["comparator"], r["kind"], r["indicator"], r["deadline"]) for r in rows]
    assert got == [(q, float(v), u, c, k, i, d) for q, v, u, c, k, i, d in expected]
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)
    assert {r["region"] for r in rows} == {"浙江省杭州市西湖区"}


@pytest.mark.parametrize("table", NOT_TABLES)
def test_not_indicator_tables(table):
    assert extract_text(HEAD + table) == []


def test_cells_the_finder_reads_take_row_name_column_year_and_past_columns_are_results():
    # 95% carries its unit, so the sentence finder reads every cell; the table says what each is
    table = ("指标名称\t单位\t2023年实际\t2024年目标\t2025年目标\n"
             "学前三年毛入园率\t%\t96.5%\t98%\t≥99%\n新增中小学学位\t个\t3200\t4500\t5000\n")
    rows = extract_text("某某县教育局2024年教育工作要点\n" + table)
    got = [(r["quote"], r["status"], r["indicator"], r["deadline"], r["period"]) for r in rows]
    assert got == [
        ("96.5%", "result", "学前三年毛入园率", "", "2023"),  # the 2023 measured value, not a promise
        ("98%", "target", "学前三年毛入园率", "2024", "2024"),
        ("99%", "target", "学前三年毛入园率", "2025", "2025"),
        ("4500", "target", "新增中小学学位", "2024", "2024"),
        ("5000", "target", "新增中小学学位", "2025", "2025"),
    ]
    assert rows[2]["comparator"] == ">="
    assert rows[0]["rule"] == "in_measured_column"


def test_a_year_column_is_measured_only_before_the_plan_year():
    table = "指标\t单位\t2024年\t2025年\n义务教育巩固率\t%\t99%\t99.5%\n"
    rows = extract_text("某某县教育局2024年教育工作要点\n" + table)
    assert [(r["quote"], r["status"]) for r in rows] == [("99%", "target"), ("99.5%", "target")]


# a 民生实事 project list as a page gives it: one cell a line, each ended by a pipe, a bar of pipes
# opening each row
PROJECT_LIST = ("某某县人民政府关于印发某某县2024年十大民生实事项目的通知\n附件:\n|\n序号 |\n项目名称 |\n建设地点 |\n"
                "年度投资金额 (万元) |\n已完成投资(万元) |\n责任单位 |\n|\n1 |\n某某县中小学运动场改造项目 |\n相关镇 |\n300 |\n"
                "120 |\n教体局 |\n|\n2 |\n城北幼儿园新建项目 |\n城关镇 |\n1360 |\n0 |\n教体局 |\n")


def test_a_project_list_gives_each_project_its_amount():
    rows = [r for r in extract_text(PROJECT_LIST) if r["unit"] == "元"]
    # the year's amount is the target; 已完成投资 is what was done (a result of the page's year)
    assert [(r["quote"], r["value"], r["status"]) for r in rows] == [
        ("300", 3_000_000, "target"), ("120", 1_200_000, "result"), ("1360", 13_600_000, "target"), ("0", 0, "result")]
    assert rows[1]["reports_on"] == rows[0]["target_id"]  # the same row: the result reports on its target
    assert rows[0]["indicator"].startswith("某某县中小学运动场改造项目")
    # a column up to a year before the list's (截至2023年底累计投资) is where things stood: no row
    earlier = PROJECT_LIST.replace("已完成投资(万元)", "截至2023年底累计投资(万元)")
    assert [r["quote"] for r in extract_text(earlier) if r["unit"] == "元"] == ["300", "1360"]
    assert all(PROJECT_LIST[r["start"]:r["end"]] == r["quote"] for r in rows)  # offsets into the raw text


def test_pipe_ended_cell_lines_become_one_row_a_line_without_moving_offsets():
    from targets.normalize import pipe_cell_lines
    out = pipe_cell_lines(PROJECT_LIST)
    assert len(out) == len(PROJECT_LIST)
    assert "1 |\t某某县中小学运动场改造项目 |\t相关镇 |\t300 |\t120 |\t教体局 |\n" in out
    # rows already on one line each (类别 | 名称 | 目标 |) are left for pipe_tables
    whole_rows = "类别 | 名称 | 目标 |\n教育 | 新建学校 | 3所 |\n教育 | 新增学位 | 900个 |\n卫生 | 新建诊所 | 2个 |\n"
    assert pipe_cell_lines(whole_rows) == whole_rows


@pytest.mark.parametrize("seed", range(5))
def test_pipe_cell_lines_in_chunks_equal_one_pass(monkeypatch, seed):
    """A flood of cells is substituted a chunk at a time (memory): the chunks' seams must not
    change what is joined."""
    import random

    import targets.normalize as N
    rng = random.Random(seed)
    lines = [rng.choice(["|", "||||", "1 |", "新建学校 |", "300 |", "教体局 |", "说明文字", "", "a | b | c |"])
             for _ in range(400)]
    text = "\n".join(lines) + "\n"
    monkeypatch.setattr(N, "_SUB_CHUNK", 1 << 30)
    whole = N.pipe_cell_lines(text)
    monkeypatch.setattr(N, "_SUB_CHUNK", rng.randint(1, 40))
    assert N.pipe_cell_lines(text) == whole and len(whole) == len(text)
