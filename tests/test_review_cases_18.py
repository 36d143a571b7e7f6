"""Wrong-way cases a reviewer found in session 18's new rules, in short texts of our own: each is
decided as the codebook says (and failed before its mend)."""
import pytest

from targets import extract_text
from targets.normalize import normalize
from test_review_cases import first_status

PLAN = "某某县2024年教育工作要点\n"

DECISIONS = [
    # 争取 after an earlier year aims, unless it brings in funds
    ("R01", PLAN + "2023年末全县学前三年毛入园率为91%，争取提高到93%。", "93%", "target"),
    ("R02", PLAN + "在2023年新增学位2700个的基础上，争取再新增学位3000个。", "3000个", "target"),
    # a report's 下一步 still plans, 争取 or not
    ("R03", "关于某某县2023年教育工作情况的报告\n全年新建学校3所。下一步，积极争取省级专项资金5000万元，新建学校2所。\n",
     "2所", "target"),
    # a review's subheading that says its plan was all done does not end the review
    ("R04", "某某县教育局2023年工作总结\n一、2023年工作总结\n（一）年度工作计划全部完成\n全年新建学校3所。\n"
            "二、2024年工作计划\n新建学校4所。\n", "3所", "result"),
    # 要交出…答卷 aims; a headline naming the next year too looks ahead
    ("R05", "某某区召开教育工作会议\n会议要求，全区教育系统要奋力交出2025年教育高质量发展优异答卷。会议明确，全区新建中小学3所。\n",
     "3所", "target"),
    ("R06", "回眸2023 奋进2024——某某区召开2024年教育工作会议\n会议明确，全区新建改扩建中小学8所。\n", "8所", "target"),
    # a block of targets above the review restates nothing
    ("R07", "某某县2024年政府工作报告\n发布时间：2024-01-25\n2024年主要预期目标\n城镇新增就业5000人以上\n新增中小学学位3000个\n"
            "过去一年，全县城镇新增就业5000人，新增中小学学位3000个，各项事业取得新成效。\n", "3000个", "target"),
    # a breakdown of an aim is aimed at
    ("R08", PLAN + "截至目前，全区已新增学位3000个，力争年底前新增学位8000个。其中，城区新增学位5000个。", "5000个", "target"),
    # a plan part's 推动…获评 aims
    ("R09", "某某县2024年政府工作报告\n一、2023年工作回顾\n新建学校5所。\n二、2024年工作安排\n新建学校4所。推动3所中小学获评省级文明校园。\n",
     "3所", "target"),
    # a county body acting with the ministry is the county's
    ("R10", "某某县教育局2023年工作总结\n县教育局积极对接教育部、省教育厅，共遴选培育省级劳动教育示范校6所。\n", "6所", "result"),
    # the count that entered a list is the page's
    ("R11", "某某市教育局：多所学校获评省级荣誉\n发布时间：2024-05-10\n我市共有15所学校列入省级示范校名单中。\n", "15所", "result"),
    # schools counted after a quoted list of their names are schools
    ("R12", PLAN + "启动“城东实验小学、县第二中学、城南幼儿园”3所学校新建工程。", "3所", "target"),
    # a page pasted as one line turns to its plan
    ("R13", "某某县2024年政府工作报告\n过去一年，全县新建学校3所，新增学位2700个。" + "各项事业取得新成效。" * 30
            + "我们将重点抓好以下工作。一是新建幼儿园4所，新增学位2000个。\n", "4所", "target"),
]


@pytest.mark.parametrize("case, text, quote, status", DECISIONS, ids=[c[0] for c in DECISIONS])
def test_review_case_decided(case, text, quote, status):
    assert first_status(text, quote) == status


def test_a_ratio_base_is_no_count_of_people():
    assert "1万" not in {r["quote"] for r in extract_text(PLAN + "按照每1万学生配备不少于2名专职心理健康教育教师的标准配齐教师。")}


@pytest.mark.parametrize("text, quote, deadline", [
    # a season or a month between the due year and the completion verb still reaches back
    (PLAN + "新建幼儿园3所，力争2025年秋季开学前全部投入使用。", "3所", "2025"),
    (PLAN + "新增学位4000个，2025年9月底前建成交付。", "4000个", "2025-09"),
    # the years ahead named as background date nothing; 年内 is this year
    (PLAN + "根据未来五年学龄人口变化趋势，年内新建幼儿园3所。", "3所", ""),
])
def test_due_dates(text, quote, deadline):
    assert {r["quote"]: r["deadline"] for r in extract_text(text)}[quote] == deadline


@pytest.mark.parametrize("text, joined", [
    # list items, a 抄送 line, lines ending on a quantity and cells' digits keep their breaks
    ("某某县2024年教育工作要点\n● 新建公办幼儿园3所，新增学位540个，确保2024年秋季投入使用\n● 改扩建中小学5所，力争2026年前全部完工并交付\n", False),
    ("某某县教育局2024年工作总结\n抄送：县委办公室，县人大办公室，县政府办公室，县政协办公室，县财政局，县发改局\n"
     "某某县2025年教育民生实事项目实施方案\n", False),
    ("某某县2024年教育重点项目进展情况\n城东实验小学新建工程已于今年8月竣工投用，新增学位1800个，完成投资7200万元\n"
     "县第二中学改扩建工程主体已封顶，计划2025年8月竣工，建成后新增学位1500个\n", False),
])
def test_lines_that_end_their_item_keep_their_breaks(text, joined):
    assert (normalize(text).text.count("\n") < text.count("\n")) == joined


def test_an_amount_broken_before_its_approximation_is_one_number():
    text = "某某县教育局2023年工作总结\n全年共资助家庭经济困难学生1200\n余人，发放资助资金500\n万余元，新建学校10\n多所，办学条件明显改善。\n"
    assert {r["quote"] for r in extract_text(text)} >= {"1200\n余人", "500\n万余元", "10\n多所"}
