"""Normalisation keeps an offset map; files split into documents with metadata."""
import pytest

from targets import extract_text
from targets.documents import split_documents
from targets.normalize import debris_spans, normalize


def test_page_number_debris_is_repaired_and_mapped_back():
    raw = ("1、一段开头文字,说明情况\n2、继续文字说明情况,没有结束\n3、还在同一句里,确保2\n4、025年高质量完成评估认定。后面\n"
           "5、的内容继续\n6、结束。")
    n = normalize(raw)
    assert "确保2025年高质量完成" in n.text
    i = n.text.index("2025年")
    s, e = n.raw_span(i, i + 5)
    assert raw[s:e] == "2\n4、025年"
    rows = extract_text(raw)
    assert [(r["quote"], r["value"], r["kind"]) for r in rows] == [("2\n4、025年", 2025.0, "deadline")]


def test_a_numbered_list_of_whole_sentences_is_not_debris():
    raw = "1、新增托位100个。\n2、新开幼儿园3所。\n3、新建学校2所。\n4、完成改造5所。\n5、培训教师100名。"
    assert debris_spans(raw) == []


@pytest.mark.parametrize("raw,simplified", [
    ("培育40個家庭教育校(園)本精品課程", "培育40个家庭教育校(园)本精品课程"),
    ("覆蓋率達到９０％", "覆盖率达到90%"),
    ("新增\u3000托位\u200b1000个", "新增 托位1000个"),
])
def test_traditional_fullwidth_and_odd_spaces(raw, simplified):
    n = normalize(raw)
    assert n.text == simplified
    assert len(n.index) == len(n.text) + 1


def test_a_full_stop_between_digits_is_a_decimal_point():
    """Document-sharing sites' conversions write 13。7亿元 for 13.7亿元; a sentence still ends at
    a 。 after a unit or a word, and the quote is the raw text."""
    raw = "全年总投入13。7亿元,新增学位2。2万个,占比4。6%。2024年新建学校3所。"
    assert normalize(raw).text == "全年总投入13.7亿元,新增学位2.2万个,占比4.6%。2024年新建学校3所。"
    rows = extract_text("某某县教育局2024年教育工作要点\n" + raw)
    assert [(r["quote"], r["value"]) for r in rows] == [
        ("13。7亿元", 1.37e9), ("2。2万个", 22000.0), ("4。6%", 4.6), ("3所", 3.0)]


def test_a_quote_spanning_cut_pinyin_is_the_raw_text():
    raw = "某某县教育局2024年教育工作要点\n全年新建三(sān)所学校。"
    (row,) = extract_text(raw)
    assert row["value"] == 3.0 and row["quote"] == raw[row["start"]:row["end"]] == "三(sān)所"


def test_pipe_flattened_table_rows_read_as_tab_separated():
    raw = ("序号 | 任务 | 年度目标 | 1-9月完成情况 |\n1 | 新增托位 | 新增托位300个 | 已新增托位260个 |\n"
           "首页 | 新闻\n")
    n = normalize(raw)
    assert n.text.splitlines()[1] == "1 \t 新增托位 \t 新增托位300个 \t 已新增托位260个 \t"
    assert n.text.splitlines()[2] == "首页 | 新闻"  # one pipe is not a table row
    rows = extract_text("某某县教育局2024年教育工作要点\n" + raw)
    assert [(r["quote"], r["status"]) for r in rows] == [("300个", "target"), ("260个", "result")]


def test_pinyin_after_characters_is_debris():
    """Some reposting sites print pinyin after characters: 学(xué)校. It is cut like page debris
    (the quote still maps to the raw text); (PISA) and (AI) are not pinyin."""
    raw = "全县新建学(xué)校3所(suǒ),参加PISA(PISA)测试和人工智能(AI)课程。"
    n = normalize(raw)
    assert n.text == "全县新建学校3所,参加PISA(PISA)测试和人工智能(AI)课程。"
    i = n.text.index("3所")
    s, e = n.raw_span(i, i + 2)
    assert raw[s:e] == "3所"


@pytest.mark.parametrize("text, region", [
    ("某某市实验小学河西分校和县第八实验小学建设有序推进。蕲春县教育局召开会议。", "湖北省黄冈市蕲春县"),
    ("马鞍山市和县教育局2024年工作要点", "安徽省马鞍山市和县"),
])
def test_a_two_character_county_needs_a_place_before_it(text, region):
    from targets.regions import detect_region
    assert detect_region(text, head=text).region == region


@pytest.mark.parametrize("text, region", [
    # an autonomous county as pages write it (玉屏侗族自治县 → 玉屏自治县, 天祝藏族自治县 → 天祝县)
    ("2022年，玉屏自治县招聘特岗教师52人。", "贵州省铜仁市玉屏侗族自治县"),
    # a county's plan naming one partner county as often as itself stays the county's
    ("古浪县教育局与凉州区教育局结对。古浪县新建学校3所，凉州区帮扶2所。", "甘肃省武威市古浪县"),
    # an autonomous prefecture as pages write it (黔东南苗族侗族自治州 → 黔东南州); 西双版纳傣族 is one name
    ("记者从黔东南州教育大会上获悉，黔东南州新建幼儿园20所。", "贵州省黔东南苗族侗族自治州"),
    ("西双版纳州今年将新建学校6所。", "云南省西双版纳傣族自治州"),
    # a 全市 text naming two of its other counties is the city's, though its seat's schools are
    # named one by one more often
    ("2022年全市新建学校8所，其中甘州区5所，临泽县2所，高台县1所。\n甘州区第一小学、甘州区第二小学、"
     "甘州区第三幼儿园、甘州区第五中学3月开工。", "甘肃省张掖市"),
    # an issuer named only by its level (区政府) is the one district of the city that the text names
    ("2023年区政府民生实事进展情况\n序号\t项目名称\n1\t宜春市第二幼儿园扩建\t袁州区教育局\t宜春市教育局", "江西省宜春市袁州区"),
    # a long short name of a city needs no place word after it (哈尔滨惠民行动)
    ("2018秦皇岛惠民实事出炉\n新建幼儿园5所。", "河北省秦皇岛市"),
    # a county that takes its share of a count (其中浏阳4所) is named, though bare; a new town of
    # it (金阳新城) that shares a far county's short name does not outweigh it
    ("重点民生实事项目完成情况公示如下:\n建设品质县中10所(其中浏阳4所)。\n新建学校2所(其中浏阳1所)。\n"
     "金阳新城新增学位1080个。", "湖南省长沙市浏阳市"),
    # 城区 is a district's name only after its own city's (阳泉市城区), else a town's urban area
    ("阳泉市城区教育局2024年工作要点\n全区新建幼儿园2所。", "山西省阳泉市城区"),
    ("盐城市2024年民生实事完成情况\n市城区新建停车场3个，盐城新建学校5所。", "江苏省盐城市"),
    ("2022年十件民生实事完成情况\n开展缓解停车难行动 市城区新建停车场3个。", ""),
])
def test_county_names_as_pages_write_them(text, region):
    from targets.regions import detect_region
    assert detect_region(text, head=text).region == region


def test_glued_documents_split_by_region():
    a = "2025年教育工作要点2025年是开局之年。推动和顺教育高质量发展,利用和顺县资源。" + "全县新建学校3所。" * 200
    b = "材料来自XX2025年,青浦教育坚持高质量发展,青浦区新开幼儿园7所。" + "青浦新城建设学校。" * 10
    docs = split_documents(a + b, "x.txt")
    assert [d.region.region for d in docs] == ["山西省晋中市和顺县", "上海市青浦区"]
    assert [d.year for d in docs] == [2025, 2025]
    rows = extract_text(a + b, "x.txt")
    assert rows[-1]["quote"] == "7所" and rows[-1]["region"] == "上海市青浦区" and rows[-1]["county"] == "青浦区"


def test_metadata_of_a_notice():
    text = ("关于印发《2024年青浦教育工作要点》的通知\n青教〔2024〕1号\n上海市青浦区教育局\n2024.01.10\n"
            "现将《2024年青浦教育工作要点》印发给你们。\n2024年青浦教育工作要点\n新开幼儿园7所。")
    (d,) = split_documents(text, "n.txt")
    assert (d.title, d.year, d.issuer, d.doc_number, d.pub_date) == (
        "2024年青浦教育工作要点", 2024, "上海市青浦区教育局", "青教〔2024〕1号", "2024-01-10")
    assert (d.region.province, d.region.city, d.region.county) == ("上海市", "上海市", "青浦区")


@pytest.mark.parametrize("head,pub_date", [
    ("某某县教育局2025年工作总结\n时间:2026-01-12   作者: 点击数:\n", "2026-01-12"),
    ("某某县教育局2025年工作总结\n时间：2026年1月12日  来源：县教育局\n", "2026-01-12"),
    ("某某县学校建设项目\n完成时间：2026-06-30 前\n", ""),  # a due date, not the page's date
])
def test_a_date_on_the_byline_line_is_the_pages_date(head, pub_date):
    (d,) = split_documents(head + "全县新增学位3200个。", "n.txt")
    assert d.pub_date == pub_date


def test_common_words_are_not_places():
    rows = extract_text("新建、改扩建中小学12所,建设资源中心1个。")
    assert {r["region"] for r in rows} == {""}


def test_short_plans_of_two_areas_glued_are_two_documents():
    text = ("郑州市金水区教育局关于印发2023年教育工作要点的通知\n现将《金水区2023年教育工作要点》印发给你们。\n"
            "2023年全区教育工作要点\n一、新建改扩建学校8所,新增学位9000个。\n\n"
            "郑州市二七区2023年教育工作要点\n新建幼儿园4所,新增托位500个。\n")
    rows = extract_text(text)
    assert [(r["quote"], r["region"]) for r in rows] == [
        ("8所", "河南省郑州市金水区"), ("9000个", "河南省郑州市金水区"),
        ("4所", "河南省郑州市二七区"), ("500个", "河南省郑州市二七区")]
    assert len({r["doc_id"] for r in rows}) == 2


def test_task_table_due_date_cells_and_annex_heading():
    text = ("2023年全区教育工作要点\n二、实现公办幼儿园在园幼儿占比达到50%。\n附件:重点工作任务分解表\n"
            "序号\t工作任务\t责任科室\t完成时限\n"
            "1\t培训教师2000人次\t人事科\t2023年12月底前\n"
            "2\t近视率下降1个百分点\t体卫艺科\t2023年底\n")
    rows = {r["quote"]: r for r in extract_text(text)}
    assert rows["2000人次"]["deadline"] == "2023-12" and rows["2000人次"]["domain"] == "teachers"
    assert rows["1个百分点"]["deadline"] == "2023" and rows["1个百分点"]["domain"] == "health_sports"
    assert rows["50%"]["deadline"] == ""


@pytest.mark.parametrize("text,region", [
    # an ambiguous county name goes to the city the plan also names
    ("鼓楼区教育局2024年工作要点\n鼓楼区位于福州市中心。新增学位2000个。", "福建省福州市鼓楼区"),
    ("鼓楼区教育局2024年工作要点\n南京市鼓楼区新增学位2000个。", "江苏省南京市鼓楼区"),
    # 教育委员会 is a municipality's district bureau: 朝阳区 of Beijing, not of Changchun
    ("2024年教育工作要点\n我区新增学位1200个。\n朝阳区教育委员会\n2024年2月20日", "北京市朝阳区"),
    # 新增 + 城区 does not read 增城区; the district itself still does
    ("2024年全县民生实事完成情况\n新增城区学位3000个，新增城镇就业2100人。", ""),
    ("增城区2024年教育工作要点\n全区新增学位3000个。", "广东省广州市增城区"),
])
def test_ambiguous_place_names(text, region):
    assert {r["region"] for r in extract_text(text)} == {region}


@pytest.mark.parametrize("text, region, year", [
    # a newspaper's dateline names the city; 今年 on a page published in 2024 is 2024
    ("今年我市计划新建学校12所\n发布时间：2024-03-01\n本报济宁讯（记者 某某）2023年，全市新增学位9000个。今年将新增学位8000个。",
     "山东省济宁市", 2024),
    ("某某网南京2月17日电 2022年，全市开工学校83所。今年将开工55所。\n发布时间：2023-02-20", "江苏省南京市", 2023),
    # a county of another city whose code shares the dateline city's leading digits (扬州 3210, 镇江 3211)
    ("本报扬州讯 今年全市新建学校12所，京口区等地学校也将开工。\n发布时间：2024-03-01", "江苏省扬州市", 2024),
    # a date line with its time and source; a day-first date
    ("今年某某市将新增学位11万个\n2023-03-08 08:34 来源:某某网\n2022年，我市新建学校100所。", "", 2023),
    ("今年某某区将新建学位8000个\n30.06.2020  09:32\n政府工作报告提出，今年将推进均衡发展。", "", 2020),
    # a news page's 时间: with a clock time; the plan's own period years are many (到2030年…)
    ("某某市儿童发展纲要印发 小学生近视率要降至38%以下\n时间:2022-05-26 09:07:29 来源: 某某晚报\n"
     "到2030年，儿童近视率明显下降。到2030年，体质健康达标率95%。", "", 2022),
    # a summary-and-plan title: the plan's year
    ("某某县教育局2024年工作总结及2025年工作计划\n一、2024年主要成效\n新增学位3200个。", "", 2025),
    ("某某县人民政府\n政府信息公开\n某某县教育局 2024年工作总结及2025年工作打算\n一、基本情况\n新增学位3200个。", "", 2025),
    # an undated page reviewing a span in the past tense is of that span's end; of the year after
    # when it goes on to plan
    ("某市学前教育发展综述\n2019年至2021年，全市共新建公办园40所，增加学位1万余个。2020年起设立专项资金。", "", 2021),
    ("某市学前教育发展综述\n2019年至2021年，全市共新建公办园40所，增加学位1万余个。2020年起设立专项资金。\n"
     "下一步，我市将继续扩大普惠性资源。", "", 2022),
    # a founding year is never the page's year; with no other year the page has none
    ("一、基本情况\n某某县成立于1956年，下辖9个乡镇。全县现有学校29所。", "", None),
    # a news title's short name before a year
    ("武威2021年新建哪些学校？\n2021年全市新建公办幼儿园、中小学9所，其中凉州区4所、古浪县4所、民勤县1所。", "甘肃省武威市", 2021),
    # a news page's span opening on its first year; a conference page that says 今年 and reviews
    # a year in the past tense is of the year after it
    ("某某区新闻发布会举行\n会上介绍，2023-2025年，全区将实施学校建设攻坚行动，新增学位12000个。", "", 2023),
    ("3月2日，全县召开教育工作会议。今年，全县将新建学校3所。\n报告指出，2023年，全县教育工作取得新成效，新增学位2100个。",
     "", 2024),
    ("3月2日，全县召开教育工作会议。今年，全县将新建学校3所。\n会议要求，2024年，全县要取得新突破。", "", 2024),
    # a page on the 两会 or a government work report is of the year its date line gives, though it
    # opens on the year reviewed; a date line whose clock follows 日 directly
    ("某某网\n2024年01月24日13:38 | 来源:某某网\n省长作政府工作报告。报告指出，2023年，全省民生保障扎实推进，全面完成30项民生实事。",
     "", 2024),
    # a review's span is of its last year; a page whose 今年以来 is the year it reviews
    ("某某县新闻\n2021-2023年，全县累计新建幼儿园15所，新增学位6000个。", "", 2023),
    ("我县教育事业取得新成效\n2024年，我县教育工作取得新成效。今年以来，全县新建幼儿园5所。", "", 2024),
    # the first or last year of a five-year plan, as pages call it
    ("今年是“十三五”收官之年，12月20日，记者从市教育局获悉，全市新建学校40所。", "", 2020),
    ("今年是“十四五”规划开局之年。全县将新建学校3所。", "", 2021),
    # a headline opening on a year glued to a place's name; an undated news review is of the
    # latest year it names (a comparison's base and a span's start are earlier), not of 2021年以来
    ("原标题:2018秦皇岛惠民实事出炉\n新建幼儿园5所。", "河北省秦皇岛市", 2018),
    # a five-year plan that says it is one is of its first year, whatever year its statistics name
    ("“十四五”时期是教育现代化的关键时期，为推进全县教育高质量发展，制定本规划。\n一、发展基础\n"
     "截至2019年底，全县现有各级各类学校320所。", "", 2021),
    ("12月18日，记者从某某州教育大会上获悉，近年来，全州坚持教育优先发展。\n新建幼儿园120余所。"
     "2021年以来，高考质量稳居全省前列，2023年本科上线率较2022年提高5个百分点。", "", 2023),
    # news of a year's work meeting is of that year, though it looks back on the year before first
    ("3月10日，某某县召开2024年全县教育工作会议。会议回顾总结了2023年全县教育工作，安排部署了2024年教育工作。\n"
     "2023年，全县新建幼儿园3所，2023年高考本科上线率提高2个百分点。", "", 2024),
])
def test_metadata_of_news_pages_and_summaries(text, region, year):
    (d,) = split_documents(text, "news.txt")
    assert (d.region.region, d.year) == (region, year)


def test_a_number_broken_at_its_decimal_point_by_the_page_layout():
    """下拨资金579.⏎413万元 is one number (the quote spans the line break); an item number alone on
    its line before a year is not joined to it."""
    text = "某某县2024年教育工作要点\n下拨资金579.\n413万元。\n12.\n2024年新建学校3所。\n10.\n12所学校开展劳动教育试点。"
    rows = extract_text(text)
    assert [(r["quote"], r["value"]) for r in rows] == [("579.\n413万元", 5794130.0), ("3所", 3.0), ("12所", 12.0)]
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)


@pytest.mark.parametrize("text, title", [
    # a plan a sentence mentions is not the page's title
    ("在全面建成小康社会进程中，我市学前教育取得长足发展。“十四五”期间，我市将启动《第四期学前教育行动计划》，新建公办园20所。", ""),
    # a plan the page issues, or one at a line's start, is
    ("关于印发《某某市学前教育发展提升行动计划》的通知\n各区县：现印发给你们。", "某某市学前教育发展提升行动计划"),
    ("《某某县2024年教育工作要点》\n一、新建幼儿园2所。", "某某县2024年教育工作要点"),
])
def test_a_book_title_is_the_pages_only_where_it_stands_as_one(text, title):
    assert split_documents(text, "x.txt")[0].title == title


def test_an_amount_and_its_unit_split_by_a_wrapped_line_are_one_number():
    """A page wrapped at a fixed width (document-sharing sites) may leave an amount alone on its line:
    公用经费⏎8059.35⏎万元,… and 配套费 889 万⏎元、… are one number each (the quote spans the break). A table
    written one cell a line, a number then a name cell, is not joined."""
    text = ("某某县教育局2015年工作总结\n各级财政拨付公用经费\n8059.35\n万元,实现公办学校全覆盖。义务教育配套费 889 万\n"
            "元、两项附加 1409 万元。\n指标\n2015年\n学校数\n32\n所属乡镇学校\n12\n")
    rows = extract_text(text)
    got = {r["quote"]: r["value"] for r in rows}
    assert got["8059.35\n万元"] == 80590000 + 3500 and got["889 万\n元"] == 8890000
    assert "32\n所" not in got and not any(q.startswith("32") and "\n" in q for q in got)
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)


@pytest.mark.parametrize("text", [
    "某某区教育局2024年工作总结\n发布时间：2024-01-10\n一、主要工作\n全年新建学校3所。",
    "某某县教育工作要点\n浏览次数：125\n二、重点任务\n新建幼儿园2所。",
])
def test_a_line_ending_in_a_number_before_a_list_item_is_no_wrapped_unit(text):
    """A page's date or counter line (2024-01-10, 浏览次数:125) before a list item (一、, 二、) keeps its line
    break: 一 is no unit, so the item is not read as the number's unit and the two lines stay apart."""
    assert normalize(text).text.count("\n") == text.count("\n")
    assert len(split_documents(text, "x.txt")) == 1


_WRAPPED = ("某某县教育局2023年工作总结和2024年工作计划\n一、2023年工作总结\n"
            "2023年，在县委、县政府的正确领导下，我局坚持以人民为中心的发展思想，\n"
            "全面推进教育高质量发展，各项工作取得了明显成效。一是办学条件持续改善。全\n"
            "年投入资金2.3亿元，新建城区第三小学，新增学位1350个；改造薄弱学校12所，\n"
            "新建塑胶运动场地8块。二是学前教育普惠发展。新建公办幼儿园3所，普惠性幼儿\n"
            "园覆盖率达到92.5%，比上年提高3.1个百分点。三是教育质量稳步提升。高考本科\n"
            "上线1860人，上线率达68.2%。\n二、2024年工作计划\n"
            "2024年，我局将以办好人民满意的教育为目标，重点抓好以下工作：一是继续改善\n"
            "办学条件，计划投入资金3亿元，新建幼儿园2所，新增学位1800个；二是推进学\n"
            "前教育普惠发展，力争普惠性幼儿园覆盖率达到95%以上；三是提升教育质量，确\n"
            "保高考本科上线率稳定在70%左右。\n")


def test_a_page_wrapped_at_a_fixed_width_is_read_across_its_line_breaks():
    """Copied from a PDF or a document-sharing site, every line runs to the page's width and breaks
    mid-word (全⏎年投入资金, 普惠性幼儿⏎园覆盖率, 确⏎保): the breaks are layout, so a number's clause
    starts where its sentence does. Offsets still point into the raw text."""
    norm = normalize(_WRAPPED)
    assert "全年投入资金2.3亿元" in norm.text and "普惠性幼儿园覆盖率达到92.5%" in norm.text
    assert "一、2023年工作总结\n2023年" in norm.text and "左右。\n" in norm.text  # headings keep their lines
    rows = {r["quote"]: r for r in extract_text(_WRAPPED)}
    assert rows["92.5%"]["indicator"] == "普惠性幼儿园覆盖率" and rows["92.5%"]["status"] == "result"
    assert rows["70%"]["indicator"] == "高考本科上线率" and rows["70%"]["status"] == "target"
    assert all(_WRAPPED[r["start"]:r["end"]] == q for q, r in rows.items())


@pytest.mark.parametrize("text", [
    # paragraphs a line each end on a full stop: a long line is a paragraph, not a wrapped one
    "某某县2024年教育工作要点\n" + "".join(f"{i}.新建幼儿园{i}所，新增学位{i * 90}个，确保普惠性幼儿园覆盖率稳定在百分之九十以上。\n"
                                      for i in range(1, 9)),
    # a table split by blanks: its rows are long and end on no full stop
    "某某县民生实事完成情况\n" + "".join(f"{i}  新建幼儿园项目第{i}批  所  {i}  {i}  已完成全部建设任务并投入使用\n"
                                     for i in range(1, 9)),
])
def test_a_page_of_whole_lines_keeps_its_line_breaks(text):
    assert normalize(text).text.count("\n") == text.count("\n")


def test_a_long_line_broken_mid_sentence_is_joined_on_any_page():
    """A line of 40 characters or more that ends mid-sentence was broken by the page (a PDF's page break,
    a link's empty line): the sentence goes on past the blank line, so the number's clause names its
    measure (财政性教育经费支出占国内生产总值比例). A line that ends on a full stop, a short heading, or a
    next line that opens an item keeps its break."""
    text = ("某某县2024年教育工作要点\n一、总体要求\n坚持教育优先发展，持续加大投入，全面落实教育经费“两个只增不减”要求，财政性教育经费支出占\n\n"
            "地区生产总值比例保持在4%以上。\n二、主要任务\n新建幼儿园2所。\n")
    norm = normalize(text)
    assert "财政性教育经费支出占地区生产总值比例保持在4%以上" in norm.text
    assert "一、总体要求\n坚持" in norm.text and "以上。\n二、主要任务\n新建" in norm.text
    rows = {r["quote"]: r for r in extract_text(text)}
    assert rows["4%"]["indicator"].startswith("财政性教育经费支出占")
    assert text[rows["4%"]["start"]:rows["4%"]["end"]] == "4%"


def test_a_long_title_keeps_its_line():
    """A title of 40 characters or more ends on its document's kind (…的通知), and an addressee line ends on
    a colon: neither is a sentence the page broke, so the title stays a line of its own."""
    text = ("关于印发《某某县关于进一步推进学前教育普及普惠和义务教育优质均衡高质量发展三年行动计划》的通知\n"
            "各乡镇人民政府，县直有关单位：\n现将《行动计划》印发给你们，请认真贯彻执行。\n")
    assert normalize(text).text.count("\n") == text.count("\n")


def test_a_line_ending_on_an_emoji_after_its_full_stop_keeps_its_break():
    """Pages written for phones end lines with emoji (…取得了显著的成绩。🌟): the sentence ended before the
    emoji, so the next line (a heading: 回顾2023年工作成果🏆) is not glued to it."""
    text = ("某某县2024年工作报告📜\n在这春意盎然的季节里，我们齐聚一堂，共同回顾过去一年的工作成果，展望新的一年发展蓝图，"
            "我代表县政府向大家汇报工作。🌟\n回顾2023年工作成果🏆\n全县GDP增长6%。\n展望2024年工作目标🎯\n全县GDP增长7%。\n")
    assert "🌟\n回顾" in normalize(text).text
    rows = {(r["quote"], r["start"]): r["status"] for r in extract_text(text)}
    assert sorted(rows.values()) == ["result", "target"]
