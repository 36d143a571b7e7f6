"""Indicator tables written one cell a line (a 主要指标表 copied from a page without its tabs)."""
import pytest

from targets import extract_text
from targets.cell_tables import cell_table_values

TABLE = ("某某区“十四五”教育事业发展规划\n“十四五”教育事业发展主要指标\n\n指  标\n\n2020年\n\n2025年\n\n属性\n\n"
         "一、普及水平\n\n1.学前教育毛入园率(%)\n\n97.5%\n\n99%以上\n\n约束性\n\n"
         "2.义务教育标准班额比例(%)\n\n其中:小学\n\n初中\n\n60.2%\n\n81.3%\n\n85%以上\n\n90%以上\n\n预期性\n\n"
         "3.中小学教师研究生学历比例(%)\n\n6.5%\n\n12%\n\n预期性\n\n"
         "到2025年，全区教育现代化水平显著提升，人民群众满意度进一步提高。\n")


def _rows(text):
    return {(r["quote"], r["indicator"]): (r["status"], r["deadline"] or r["period"], r["comparator"])
            for r in extract_text(text)}


def test_the_later_column_is_the_target_and_the_base_year_a_result():
    rows = _rows(TABLE)
    assert rows[("99%", "学前教育毛入园率")] == ("target", "2025", ">=")
    assert rows[("97.5%", "学前教育毛入园率")] == ("result", "2020", "=")
    assert rows[("12%", "中小学教师研究生学历比例")] == ("target", "2025", "=")


def test_a_row_of_parts_reads_its_values_column_by_column():
    rows = _rows(TABLE)
    assert rows[("85%", "小学义务教育标准班额比例")] == ("target", "2025", ">=")
    assert rows[("90%", "初中义务教育标准班额比例")] == ("target", "2025", ">=")
    assert rows[("60.2%", "小学义务教育标准班额比例")][:2] == ("result", "2020")
    assert rows[("81.3%", "初中义务教育标准班额比例")][:2] == ("result", "2020")


@pytest.mark.parametrize("header, year, expected", [
    # a tagged column says what it is
    ("指标\n2023年实际\n2024年目标\n", 2024, [("2023", True), ("2024", False)]),
    # the page's own year before a goal five years on is the base; consecutive years are milestones
    ("指标\n2020年\n2025年\n", 2020, [("2020", True), ("2025", False)]),
    ("指标\n2024年\n2025年\n", 2024, [("2024", False), ("2025", False)]),
    # without the plan's year, every column but the last is the base
    ("主要指标\n2020年\n2025年\n属性\n", None, [("2020", True), ("2025", False)]),
])
def test_columns(header, year, expected):
    text = header + "1.普惠性幼儿园覆盖率(%)\n" + "\n".join(f"{90 + i}%" for i in range(len(expected))) + "\n"
    got = [(v.year, v.measured) for v in cell_table_values(text, 0, len(text), year)]
    assert got == expected


@pytest.mark.parametrize("text", [
    # prose that mentions 指标 is no header
    "对标国家指标，全区新建幼儿园3所。\n2020年\n2025年\n",
    # a header whose cells are not years and attributes
    "指标\n完成情况\n牵头单位\n1.新建幼儿园\n3所\n",
    # a row with a cell missing cannot be read safely
    "指标\n2020年\n2025年\n1.普惠性幼儿园覆盖率(%)\n90%\n",
])
def test_not_read_as_a_table(text):
    assert cell_table_values(text, 0, len(text), 2021) == []


BARE = ("某某市“十四五”教育规划\n指标\n单位\n2020年\n2025年\n属性\n学前教育毛入园率\n%\n89.6\n≥93\n预期性\n"
        "每千名常住人口托位数\n个\n1.8\n4.5\n约束性\n九年义务教育巩固率(%)\n%\n96.8\n98以上\n约束性\n")


def test_bare_numbers_take_their_rows_unit():
    rows = {(r["quote"], r["indicator"]): r for r in extract_text(BARE)}
    goal = rows[("93", "学前教育毛入园率")]
    assert (goal["status"], goal["unit"], goal["kind"], goal["comparator"], goal["deadline"]) == ("target", "%", "rate", ">=", "2025")
    base = rows[("89.6", "学前教育毛入园率")]
    assert (base["status"], base["period"]) == ("result", "2020")
    assert rows[("4.5", "每千名常住人口托位数")]["unit"] == "个"
    assert rows[("98", "九年义务教育巩固率")]["comparator"] == ">="
    assert all(BARE[r["start"]:r["end"]] == r["quote"] for r in rows.values())


def test_a_number_and_the_next_lines_unit_are_two_cells():
    """1800 ⏎ 个 was read as one quote across the line break."""
    rows = extract_text("某某县2024年教育工作要点\n新增托位\n1800\n个\n")
    assert all("\n" not in r["quote"] for r in rows)


# a performance table (绩效目标表) as a budget page shows it, one cell a line
PERFORMANCE = ("某某区教育局2025年部门项目支出绩效目标表\n发布日期:2025-02-10\n项目名称\n\n校舍维修改造\n\n"
               "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n产出指标\n\n数量指标\n\n维修改造学校数量\n\n6\n\n"
               "质量指标\n\n工程验收合格率\n\n100%\n\n效益指标\n\n满意度指标\n\n师生满意度\n\n≥95%\n\n"
               "成本指标\n\n生均改造成本\n\n<=1200元\n\n扫一扫在手机打开当前页\n")
SELF_REVIEW = ("某某县2024年学生资助项目绩效自评表\n三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n"
               "资助学生人数\n\n≥3000人\n\n3126人\n\n10\n\n10\n\n资金按时发放率\n\n100%\n\n98%\n\n10\n\n8\n")


def test_a_performance_tables_values_are_named_by_the_cell_before():
    rows = _rows(PERFORMANCE)
    assert rows[("6", "维修改造学校数量")] == ("target", "2025", "=")
    assert rows[("100%", "工程验收合格率")] == ("target", "2025", "=")
    assert rows[("95%", "师生满意度")] == ("target", "2025", ">=")
    assert rows[("1200元", "生均改造成本")] == ("target", "2025", "<=")
    assert len(rows) == 4  # the category cells (数量指标) and the page's chrome hold no values


def test_a_self_review_tables_done_column_is_a_result_and_scores_are_not_read():
    rows = _rows(SELF_REVIEW)
    assert rows[("3000人", "资助学生人数")][0::2] == ("target", ">=")
    assert rows[("3126人", "资助学生人数")][0] == "result"
    assert rows[("98%", "资金按时发放率")][0] == "result"
    assert {q for q, _ in rows} == {"3000人", "3126人", "100%", "98%"}  # 分值, 得分 are scores


# a progress table of several areas, one cell a line, its columns grouped by indicator: 目标任务
# split over two lines, a rate's group without a ratio cell, an area with no values, a short row
GROUPED = ("2023年教育民生实事项目完成情况表\n\n地区\n\n教育民生实事\n\n新增学位(个)\n\n改造农村学校厕所(座)\n\n"
           "义务教育巩固率不低于(%)\n\n县教育局\n\n"
           + "目标\n\n任务\n\n完成\n\n完成比例(%)\n\n" * 3
           + "全县\n\n2400\n\n2610\n\n108.8\n\n30\n\n24\n\n80\n\n98\n\n98.6\n\n"
             "城关镇\n\n1200\n\n1320\n\n110\n\n10\n\n10\n\n100\n\n98\n\n99.1\n\n"
             "开发区\n\n"
             "新华镇\n\n600\n\n590\n\n98.3\n\n"
             "各项任务均已完成。\n")


def test_a_grouped_tables_task_cells_are_targets_and_its_done_cells_results():
    rows = _rows(GROUPED)
    assert rows[("2400", "全县新增学位")] == ("target", "2023", "=")
    assert rows[("2610", "全县新增学位")] == ("result", "2023", "=")
    assert rows[("24", "全县改造农村学校厕所")] == ("result", "2023", "=")
    assert rows[("98", "城关镇义务教育巩固率")] == ("target", "2023", ">=")  # the name's 不低于 is the sign
    assert rows[("99.1", "城关镇义务教育巩固率")] == ("result", "2023", "=")
    quotes = [q for q, _ in rows]
    assert "108.8" not in quotes and "80" not in quotes  # ratios of the two: not read
    assert "600" not in quotes  # 新华镇's one group: which indicator it is cannot be told


def test_a_grouped_table_whose_groups_do_not_match_its_names_is_not_read():
    broken = GROUPED.replace("改造农村学校厕所(座)\n\n", "")  # three groups of cells, two names
    assert not [r for r in extract_text(broken) if r["quote"] in ("2400", "2610")]


# a progress table whose columns are split by blanks, its header cells spaced to their width
SPACED = ("某某市2023年1-10月教育民生实事落实情况\n\n"
          "序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注\n"
          "1 新增公办幼儿园学位 万个 1.2 1.35  112.5% 市教育局\n"
          "改造农村学校旱厕 座  80 64  80.0%\n"
          "2 提高特殊教育生均公用经费标准 元/年/人 不低于7000元 7200  达到目标 市财政局\n"
          "3 建设智慧校园 所 30 正在推进,预计12月底完成 市教育局\n")


def test_a_blank_split_progress_tables_task_is_the_target_and_its_done_the_result():
    rows = _rows(SPACED)
    assert rows[("1.2", "新增公办幼儿园学位")] == ("target", "2023", "=")
    assert rows[("1.35", "新增公办幼儿园学位")][0] == "result"
    assert rows[("80", "改造农村学校旱厕")] == ("target", "2023", "=")
    assert rows[("64", "改造农村学校旱厕")][0] == "result"
    assert rows[("7000元", "提高特殊教育生均公用经费标准")] == ("target", "2023", ">=")  # the cell's 不低于
    assert rows[("7200", "提高特殊教育生均公用经费标准")][0] == "result"
    assert rows[("80.0%", "改造农村学校旱厕完成率")][0] == "result"  # the share done is no target
    values = {r["quote"]: r["value"] for r in extract_text(SPACED)}
    assert values["1.2"] == 12000  # 万个: the unit cell's scale


# a statistics table whose cells the page split by pipes, a row broken over lines
STATS = ("2023-2024学年全县教育事业基本情况表\n类别 |\n学校数 |\n班级数 |\n在校学生数 |\n专任教师数 |\n生师比 |\n"
         "小学 |\n28 |\n412 |\n16520 |\n1033 |\n16.0 |\n初中 |\n9 |\n176 |\n/ |\n598 |\n12.7 |\n"
         "普通高中 |\n2 |\n64 |\n3050 |\n13.9 |\n备注:\n数据来源于教育事业统计。\n")


def test_a_statistics_tables_values_are_results_in_their_measures_unit():
    got = {(r["quote"], r["indicator"]): (r["status"], r["unit"]) for r in extract_text(STATS)}
    assert got[("28", "小学学校数")] == ("result", "所")
    assert got[("412", "小学班级数")] == ("result", "个")
    assert got[("16520", "小学在校学生数")] == ("result", "人")
    assert got[("598", "初中专任教师数")] == ("result", "人")
    assert not [q for q, _ in got if q in ("16.0", "12.7")]  # a ratio's unit is not known: not read
    assert not [q for q, _ in got if q in ("3050", "64")]  # 普通高中's row lacks a cell: not read


def test_a_progress_tables_bare_quantities_are_named_by_their_rows_name_cell():
    text = ("某某县2024年1-9月教育民生实事完成情况\n序号\t项目名称\t责任单位\t目标任务\t1-9月实际完成情况\n"
            "1\t新增公办学前学位\t县教育局\t1200个\t1350个\n2\t改造薄弱学校食堂\t县教育局\t15所\t9所\n")
    rows = _rows(text)
    assert rows[("1200个", "新增公办学前学位")][0] == "target"
    assert rows[("9所", "改造薄弱学校食堂")] == ("result", "2024-09", "=")
    linked = {r["quote"]: r["reports_on"] for r in extract_text(text)}
    assert linked["1350个"] and linked["9所"]  # each result is linked to its row's task


def test_a_done_columns_bare_numbers_take_the_unit_and_name_of_their_rows_task():
    """实事项目名称 | 完成情况: the task cell states the target with its unit; the done cell beside it holds a
    bare number in that unit, also in a row whose serial cell was merged away (one cell fewer)."""
    text = ("2024年某某市为民办实事项目完成情况\n序号 | 实事项目名称 | 完成情况 | 占全年计划 |\n"
            "1 | 新增2000个公办幼儿园托额 | 2310 | 116% |\n新增600张托育机构床位 | 640 | 107% | |\n"
            "2 | 改造校园运动场12个 | 12 | 100% |\n")
    got = {(r["quote"], r["indicator"]): (r["status"], r["unit"]) for r in extract_text(text)}
    assert got[("2000个", "新增公办幼儿园托额")] == ("target", "个")
    assert got[("2310", "新增公办幼儿园托额")] == ("result", "个")
    assert got[("640", "新增托育机构床位")] == ("result", "张")
    assert got[("12", "改造校园运动场")] == ("result", "个")
    linked = {r["quote"]: r["reports_on"] for r in extract_text(text)}
    assert linked["2310"] and linked["640"]  # each reports on its row's task


def test_a_done_column_is_read_where_the_header_puts_the_task_and_numbers_keep_their_separators():
    """A category cell with a quantity (教育5项) before the task column is not taken for the task; a
    task's 12,000张 is one quantity."""
    text = ("2024年某某县民生实事完成情况\n类别|实事项目名称|计划数|完成情况\n教育5项|新建3所学校|3|2\n"
            "|新增12,000张床位|12000|12500\n")
    got = {(r["quote"], r["indicator"]): (r["status"], r["unit"]) for r in extract_text(text)}
    assert got[("2", "新建学校")] == ("result", "所")
    assert got[("12500", "新增床位")] == ("result", "张")
    assert not [q for q, _ in got if q == "3"]  # the plan cell is no done cell


def test_a_self_review_row_with_sign_and_unit_cells_gives_a_target_and_what_was_done():
    text = ("2023年度项目支出绩效自评表\n"
            "| 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 资助家庭经济困难学生人数 | ≧ | 420 | 人次 | 436 | 10 | 10 |\n"
            "| 质量指标 | 资助资金发放准确率 | ═ | 100 | % | 99.5% | 10 | 9 |\n")
    got = {(r["quote"], r["indicator"]): (r["status"], r["comparator"], r["unit"]) for r in extract_text(text)}
    assert got[("420", "资助家庭经济困难学生人数")] == ("target", ">=", "人次")
    assert got[("436", "资助家庭经济困难学生人数")] == ("result", "=", "人次")
    assert got[("100", "资助资金发放准确率")] == ("target", "=", "%")
    assert got[("99.5%", "资助资金发放准确率")] == ("result", "=", "%")
    assert not [q for q, _ in got if q in ("10", "9")]  # scores are not read


def test_a_yearbook_table_with_cell_borders_a_line_reads_its_unit_and_measure_from_above():
    text = ("表5-2 全县教育事业基本情况\n一、学校数 计量单位:所\n指 标\n|\n2023年\n|\n2022年\n|\n小学\n|\n28\n|\n30\n|\n"
            "初中\n|\n9\n|\n9\n|\n二、在校学生数 计量单位:人\n指 标\n|\n2023年\n|\n2022年\n|\n小学\n|\n16520\n|\n16890\n|\n")
    got = {(r["quote"], r["indicator"]): (r["status"], r["unit"], r["period"]) for r in extract_text(text)}
    assert got[("28", "小学学校数")] == ("result", "所", "2023")  # a state of things: every column measured
    assert got[("30", "小学学校数")] == ("result", "所", "2022")
    assert got[("16520", "小学在校学生数")] == ("result", "人", "2023")  # the next table's own unit


def test_a_bare_cells_number_is_shown_with_its_row_and_marked_in_its_own_cell():
    from targets.dashboard import highlight_sentence, mark_quote
    text = ("某某区2024年1-8月教育民生实事完成情况\n序号\t项目名称\t责任单位\t目标任务\t1-8月实际完成情况\n"
            "8\t推行课后服务全覆盖\t区教育局\t18个\t18个\n9\t新建公办幼儿园5所,新增学位900个\t区教育局\t已开工3所\n")
    rows = {(r["quote"], r["status"]): r["sentence"] for r in extract_text(text)}
    done = rows[("18个", "result")]
    assert done == "8 | 推行课后服务全覆盖 | 区教育局 | 18个 | 18个"
    assert mark_quote(done, "18个") == "8 | 推行课后服务全覆盖 | 区教育局 | 18个 | 【18个】"  # its own cell: the last
    assert highlight_sentence(done, "18个").endswith("<mark>18个</mark>")
    assert rows[("900个", "target")] == "新建公办幼儿园5所,新增学位900个"  # a cell that names its number: alone
