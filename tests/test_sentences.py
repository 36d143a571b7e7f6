"""Real-style plan sentences → expected rows. Each case reads like a line of a table."""
import pytest

from targets import extract_text


def targets_of(text):
    return [r for r in extract_text(text) if r["status"] == "target"]


def results_of(text):
    return [r for r in extract_text(text) if r["status"] == "result"]

# sentence, [(quote, value, value_max, unit, comparator, kind)]
CASES = [
    ("新开幼儿园7所,新增托位1000个。", [("7所", 7, None, "所", "=", "count"), ("1000个", 1000, None, "个", "=", "count")]),
    ("普惠性幼儿园覆盖率力争达到95%。", [("95%", 95, None, "%", ">=", "rate")]),
    ("实现学生总体近视率降低1个百分点。", [("1个百分点", -1, None, "百分点", "=", "change")]),
    ("本科录取率较上年提高3个百分点。", [("3个百分点", 3, None, "百分点", "=", "change")]),
    ("每生每天运动不少于1小时。", [("1小时", 1, None, "小时", ">=", "norm")]),
    ("完成投资20亿元,完工24个。", [("20亿元", 2e9, None, "元", "=", "money"), ("24个", 24, None, "个", "=", "count")]),
    ("全年计划投入教育经费3.5亿元。", [("3.5亿元", 3.5e8, None, "元", "=", "money")]),
    # tenths are a percentage; a number before 成为 or an idiom is not
    ("全县义务教育学校课后服务参与率力争达到9成以上。", [("9成", 90, None, "%", ">=", "rate")]),
    ("新增学位3000成为全市之最。", []),
    # a range that says its unit twice is one row; a year after a count is not its upper end
    ("推动每所中职学校建成2个至3个骨干专业群。", [("2个至3个", 2, 3, "个", "range", "norm")]),
    ("公办幼儿园数量从30所到35所。", [("35所", 35, None, "所", "=", "count")]),
    # a magnitude whose digits a repost lost is no amount; 一万元 is one
    ("桃城区新改扩建中小学3所，投资万元。", [("3所", 3, None, "所", "=", "count")]),
    ("新增学位2000个到2026年全部交付。", [("2000个", 2000, None, "个", "=", "count"), ("2026年", 2026, None, "年", "=", "deadline")]),
    ("新增2-4所新优质学校项目校。", [("2-4所", 2, 4, "所", "range", "count")]),
    ("引导每位学生形成 1-2 项艺术爱好和特长。", [("1-2 项", 1, 2, "项", "range", "norm")]),
    ("形成2000余名区名优教师队伍。", [("2000余名", 2000, None, "名", ">=", "count")]),
    # people counted after a magnitude with no classifier: a count of 人; a magnitude alone before another noun is none
    ("学生资助政策惠及3.5万学生。", [("3.5万", 35000, None, "人", "=", "count")]),
    ("维修改造校舍面积达77391㎡。", [("77391㎡", 77391, None, "㎡", ">=", "count")]),
    ("新增5万平方米校舍，亿万群众受益。", [("5万平方米", 50000, None, "平方米", "=", "count")]),
    ("累计培训8万人次以上。", [("8万人次", 80000, None, "人次", ">=", "count")]),
    ("力争三年内完成两个以上标准化游泳馆。",
     [("三年", 3, None, "年", "<=", "deadline"), ("两个", 2, None, "个", ">=", "count")]),
    ("中小学体质健康合格率、优良率分别达到98.55%、70%以上。",
     [("98.55%", 98.55, None, "%", ">=", "rate"), ("70%", 70, None, "%", ">=", "rate")]),
    ("校长培训覆盖率达百分之九十。", [("百分之九十", 90, None, "%", ">=", "rate")]),
    ("重点在宿舍、食堂、教室等关键场舍百分百安装烟感报警器。", [("百分百", 100, None, "%", "=", "rate")]),
    ("确保再成功创建省级现代化学校30所左右。", [("30所", 30, None, "所", "~", "count")]),
    ("中职学校招生规模控制在3000人以内。", [("3000人", 3000, None, "人", "<=", "count")]),
    ("每学期至少专题研究1次思政课教育教学工作。", [("1次", 1, None, "次", ">=", "norm")]),
    ("力争2025年完成基础建设。", [("2025年", 2025, None, "年", "=", "deadline")]),
    ("培育40個家庭教育校(園)本精品課程、100個家庭教育服務站。",
     [("40個", 40, None, "个", "=", "count"), ("100個", 100, None, "个", "=", "count")]),
    ("推进每校开设7种以上运动项目。", [("7种", 7, None, "种", ">=", "norm")]),
    ("新增金牌校10所以上,银牌校30所以上。", [("10所", 10, None, "所", ">=", "count"), ("30所", 30, None, "所", ">=", "count")]),
    ("學校每兩周開設1-2節心理課程。", [("1-2節", 1, 2, "节", "range", "norm")]),
    ("落实安全课程“间周一课时”要求。", [("一课时", 1, None, "课时", "=", "norm")]),
    # cues that hold other cues: 不超过 holds 超过, 不少于 holds 少于
    ("小学起始年级班额不超过40人。", [("40人", 40, None, "人", "<=", "count")]),
    ("一本上线人数突破2000人。", [("2000人", 2000, None, "人", ">=", "count")]),
    ("教师培训经费不低于学校年度公用经费预算总额的5%。", [("5%", 5, None, "%", ">=", "rate")]),
    ("开展社区教育培训活动1500场次。", [("1500场次", 1500, None, "场次", "=", "count")]),
    ("全区三分之一以上学校建成智慧校园示范校。", [("三分之一", 33.33, None, "%", ">=", "rate")]),
    # a period word makes a norm only with a time or activity unit
    ("全年组织不少于2次联合执法。", [("2次", 2, None, "次", ">=", "norm")]),
    ("全年引进优秀毕业生200名左右。", [("200名", 200, None, "名", "~", "count")]),
    ("全年新增省级优质幼儿园6-8所。", [("6-8所", 6, 8, "所", "range", "count")]),
    ("作业时间小学三年级以上不超过60分钟。", [("60分钟", 60, None, "分钟", "<=", "norm")]),
]

# sentence, quote, indicator: what is measured, without cue words or the previous item
INDICATORS = [
    ("在12个乡镇硬化道路8万平方米并安装太阳能路灯600盏。", "600盏", "安装太阳能路灯"),
    # a place alone names its share of the total the clause before counts
    ("今年将新增1.2万个学位，其中东城区3500个、西城区2800个。", "2800个", "西城区新增学位"),
    ("普通高中本科上线率较上年提高2个百分点。", "2个百分点", "普通高中本科上线率"),
    ("参与居民超过10万人次。", "10万人次", "参与居民"),
    ("竣工学校3所、开工建设学校5所。", "5所", "开工建设学校"),
    ("教师培训经费不低于学校年度公用经费预算总额的5%。", "5%", "教师培训经费"),
    ("到2026年,建成省级以上智慧教育示范区。", "2026年", "建成省级以上智慧教育示范区"),
    ("3. 培训家长1万余人次。", "1万余人次", "培训家长"),
    # a sub-item that is only a place is the whole's share there: named by the whole
    ("建设市级示范性高中8所(其中醴陵2所)。", "2所", "建设市级示范性高中"),
    ("建设美育基地学校30所(其中乡村美育基地学校10所)。", "10所", "乡村美育基地学校"),
    ("建设幼儿园10所（其中新建4所、改扩建6所），新增学位2700个。", "4所", "新建"),  # 新建 is no place here
    ("(二)新增学位8100个。", "8100个", "新增学位"),
    ("打造10个“品质课堂”示范校。", "10个", "“品质课堂”示范校"),
    ("中小学生体质健康测试合格率达95%、优秀率达25%以上。", "25%", "优秀率"),
    ("高中阶段毛入学率提高5个百分点,达到95%。", "95%", "高中阶段毛入学率"),
    # the area the plan speaks for is the row's region, not part of the name
    ("全县教育经费投入同比增长10%以上。", "10%", "教育经费投入"),
    # 分别: items share what the list says once, before or after them
    ("全市小学教师A证、B证持证率分别达到60%、20%。", "60%", "小学教师A证持证率"),
    ("全市小学教师A证、B证持证率分别达到60%、20%。", "20%", "小学教师B证持证率"),
    ("规模以上工业、服务业增加值分别增长6%、7%。", "6%", "规模以上工业增加值"),
    ("规模以上工业、服务业增加值分别增长6%、7%。", "7%", "服务业增加值"),
    ("城镇和农村居民人均可支配收入分别增长5%和6%。", "5%", "城镇人均可支配收入"),
    # a list of verbs ending in the head noun; the head after 等; the sub-item after 其中
    ("推进12个中小学新建、改扩建项目。", "12个", "中小学新建、改扩建项目"),
    ("每校开设5种以上社团、每生参加1个以上社团。", "5种", "每校开设社团"),
    ("在食堂、宿舍等重点部位100%安装监控。", "100%", "重点部位安装监控"),
    ("新建幼儿园5所(其中公办幼儿园4所)。", "4所", "公办幼儿园"),
    # a rate followed by what is done: who does what
    ("确保全区中小学100%开展课后服务。", "100%", "中小学开展课后服务"),
    # a norm: who, how often, what
    ("每所学校每学期至少开展2次应急疏散演练。", "2次", "每所学校每学期开展应急疏散演练"),
    ("落实“校领导每周至少听2节课”的要求。", "2节", "校领导每周听课"),
    # a share named by 占…比重; a name that only says "the target" takes the curated metric
    ("研发经费投入占地区生产总值比重达到3%。", "3%", "研发经费投入占地区生产总值比重"),
    ("全县经济增长预期目标为6%左右。", "6%", "国内生产总值增速"),
    # a verb alone: the object it took earlier in the sentence, or the clause before
    ("统筹发行地方政府专项债券用于学校建设,今年先发行20亿元。", "20亿元", "地方政府专项债券"),
    ("为家庭经济困难学生发放营养餐补助,惠及3万人。", "3万人", "为家庭经济困难学生发放营养餐补助惠及"),
]

# sentences with numbers that are not targets (codebook section 2)
NOT_TARGETS = [
    "青教〔2024〕1号",
    "发布日期:2024-03-25 10:02",
    "2024年1月10日",
    "落实《上海市学前教育三年行动计划(2023-2025年)》。",
    "举办青浦区第十二届学生艺术节,举办第27届推普周活动。",
    "举办第41个教师节系列活动,庆祝建党103周年。",
    "高质量推进“5+2”课后服务,构建“1+3+N”育人体系。",
    "严格落实中央八项规定精神。",
    "全面落实教师职业行为十项准则。",
    "深化落实“体教融合”新10条。",
    "巩固校园安防“六个百分百”。",
    "统筹管理3-18岁非学科类培训机构。",
    "截至2023年底,全区已建成幼儿园45所。",
    "全市共有各级各类学校1200所。",
    "将开学第一课作为一项政治任务。",
    "打造一批书香校园,艺术“一条龙”项目提质增效。",
    "落实新开学校四个100%。",
    "工作思路可概括为“坚持一条主线,强化三大保障,落实好25项教育要点”。",
    "学校每两周开设心理课程。",
    "开展为期3天的集中培训。",
    "推进15分钟教育服务圈建设。",
    "发布时间:2024-03-12 来源:本网 浏览次数:3521次 字号:大 中 小",
    "阅读量:88次",
    "建立一个机制,完善两项制度,抓好三支队伍。",
    "全年完成了12所学校的改造。",
    "城区义务教育学校推行3人制篮球联赛。",
    "推动三次产业融合发展，三次产业结构更加优化。",
    "统计表\t单位\n\t万元\n\t万人次\n",
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_sentence_rows(sentence, expected):
    rows = extract_text(sentence)
    got = [(r["quote"], r["value"], r["value_max"], r["unit"], r["comparator"], r["kind"]) for r in rows]
    want = [(q, float(v), None if m is None else float(m), u, c, k) for q, v, m, u, c, k in expected]
    assert got == want


@pytest.mark.parametrize("sentence,quote,indicator", INDICATORS, ids=[c[0][:16] for c in INDICATORS])
def test_indicator(sentence, quote, indicator):
    assert [r["indicator"] for r in extract_text(sentence) if r["quote"] == quote] == [indicator]


@pytest.mark.parametrize("sentence", NOT_TARGETS)
def test_not_targets(sentence):
    assert [r["quote"] for r in targets_of(sentence)] == []


def test_change_of_rate_in_percent_is_signed():
    rows = extract_text("新增市级示范性视力健康指导站10%,儿童青少年近视率继续下降1个百分点以上。")
    assert [(r["value"], r["kind"], r["comparator"]) for r in rows] == [(10.0, "change", "="), (-1.0, "change", ">=")]


def test_strength_and_deadline_carry():
    rows = extract_text("力争在三年内完成两个以上标准化游泳馆。")
    assert {r["strength"] for r in rows} == {"aspirational"}
    assert {r["deadline"] for r in rows} == {"三年内"}
    rows = extract_text("确保义务教育学校100%开展课后服务。")
    assert rows[0]["strength"] == "firm" and rows[0]["domain"] == "compulsory"


def test_past_year_is_not_a_target_but_plan_year_is():
    text = "2024年教育工作要点\n2023年完成新建学校8所。2024年新建学校10所。"
    assert [r["quote"] for r in targets_of(text)] == ["10所"]
    assert [(r["quote"], r["period"], r["rule"]) for r in results_of(text)] == [("8所", "2023", "past_year")]


def test_task_table_quarter_columns_give_deadlines():
    text = ("2022年青浦区教育工作要点\n序号\t工作目标任务\t进度要求\t\t\t\t牵头领导\n"
            "\t\t第一季度\t第二季度\t第三季度\t第四季度\t\n"
            "3\t完成持证率达到90%目标任务。\t全区产证拥有率达到60%。\t全区产证拥有率达到65%。\t达到75%。\t达到90%。\t王良\n")
    rows = extract_text(text)
    assert [(r["quote"], r["deadline"]) for r in rows] == [
        ("90%", ""), ("60%", "2022Q1"), ("65%", "2022Q2"), ("75%", "2022Q3"), ("90%", "2022Q4")]


def test_metric_and_domain():
    rows = extract_text("新增托位1000个,普惠性幼儿园覆盖率达到90%。")
    assert [(r["metric"], r["domain"]) for r in rows] == [("新增托位", "preschool"), ("普惠性幼儿园覆盖率", "preschool")]


# plan text (2024 plan), [(quote, kind, deadline)]
DEADLINES = [
    ("到2027年全州4县市全部实现义务教育优质均衡。", [("2027年", "deadline", "2027"), ("4县市", "count", "2027")]),
    ("某某中学(三期)计划2026年3月完工，新增学位1200个。", [("2026年", "deadline", "2026-03"), ("1200个", "count", "2026-03")]),
    ("力争到2025年,全区学前教育毛入园率达到92%。", [("2025年", "deadline", "2025"), ("92%", "rate", "2025")]),
    ("2024年底前,实现全区中小学校食堂全覆盖。", [("2024年", "deadline", "2024")]),
    ("2025年前完成全部薄弱学校改造。", [("2025年", "deadline", "2025")]),
    ("于6月底前完成5所学校改扩建工程。", [("5所", "count", "2024-06")]),
    ("2024年,全区教育工作全面贯彻党的二十大精神。", []),
    ("到2023年,全区建成智慧校园。", []),  # before the plan's year: not a deadline
    # a firm cue frames the year although the verb comes later in the clause
    ("确保2027年底全州6县市实现县域学前教育普及普惠。", [("2027年", "deadline", "2027"), ("6县市", "count", "2027")]),
    # the end of the plan's own span opening a sentence is not a due date
    ("2024-2026年，全区将新建学校12所。", [("12所", "count", "2026")]),
    # a five-year plan's span that is not over: due at its last year; one already over is no due date
    ("“十四五”时期，全区将实施基建项目50个。", [("50个", "count", "2025")]),
    ("“十四五”期间累计投入教育经费12亿元，新建学校8所。", [("12亿元", "money", "2025"), ("8所", "count", "2025")]),
    ("“十三五”时期，全区新建学校30所。", [("30所", "count", "")]),  # a result: no due date
    # a forecast of what the plan delivers is a target; a forecast of what happens anyway is not
    ("预计总投资2.4亿元。", [("2.4亿元", "money", "")]),
    ("预计9月份投用5所。", [("5所", "count", "")]),
    ("预计今年高校毕业生1100万人。", []),
]


@pytest.mark.parametrize("sentence,expected", DEADLINES, ids=[c[0][:14] for c in DEADLINES])
def test_deadlines(sentence, expected):
    rows = extract_text("某某区2024年教育工作要点\n" + sentence)
    assert [(r["quote"], r["kind"], r["deadline"]) for r in rows] == expected


def test_review_section_reports_results_not_goals():
    text = ("某某区2024年教育工作要点\n一、2023年工作回顾\n全区新增学位3000个,新建幼儿园4所。\n"
            "二、2024年重点任务\n(一)新增学位2500个,新建幼儿园3所。\n")
    assert [r["quote"] for r in targets_of(text)] == ["2500个", "3所"]
    assert [(r["quote"], r["period"], r["strength"]) for r in results_of(text)] == [
        ("3000个", "2023", ""), ("4所", "2023", "")]
    # a five-year plan's review of the last plan period is measured at that period's end
    text = ("某某市“十四五”教育事业发展规划\n一、发展基础\n“十三五”时期，全市学前三年毛入园率达到93%；"
            "九年义务教育巩固率达到98%。\n二、总体要求\n到2025年，九年义务教育巩固率达到99%。\n")
    assert [(r["quote"], r["status"], r["period"]) for r in extract_text(text)][1] == ("98%", "result", "2020")
    # a review heading without a plan heading ends at the next top-level section
    text = "某某区2024年教育工作要点\n一、基本情况\n全区有学校120所。\n二、办好学前教育\n新增托位800个。\n"
    assert [r["quote"] for r in targets_of(text)] == ["800个"]


@pytest.mark.parametrize("sentence, domain", [
    # one school stage built or given places: that stage (codebook section 4)
    ("新改扩建公办幼儿园25所。", "preschool"),
    ("新增幼儿园学位5400个。", "preschool"),
    ("新增普通高中学位3750个。", "high_school"),
    ("新增义务教育学位2.2万个。", "compulsory"),
    # several stages, or schools and places in general: facilities_funding
    ("新建改扩建中小学幼儿园80所。", "facilities_funding"),
    ("新增学位1.2万个。", "facilities_funding"),
    ("新建公办幼儿园、中小学9所。", "facilities_funding"),
    ("新改建中小学校32所。", "facilities_funding"),
    ("加快某某地块幼儿园等八个新开办学校项目建设。", "facilities_funding"),
    ("提质改造乡镇寄宿制学校19所。", "compulsory"),
    # money for building the one stage its sentence names; a stage named as an example is not it
    ("某某镇中心小学建设，规划投资总额180万元。", "compulsory"),
    ("改善农村义务教育学校办学条件，投资2亿元。", "compulsory"),
    ("虹桥幼儿园等7个教育补短板项目竣工投入使用。", "facilities_funding"),
    ("新增义务段学位9000个。", "compulsory"),
    # not about building: the keywords decide
    ("普惠性幼儿园覆盖率达到92%。", "preschool"),
    # ... but a stage's generic words do not move a target off the one stage its indicator names
    ("小学适龄儿童毛入学率达到99.9%。", "compulsory"),
    ("建成学前教育集团40个。", "preschool"),
    ("普通高中本科上线率提高2个百分点。", "high_school"),
    # the teaching workforce measured is teachers, whatever stage it teaches
    ("幼儿园专任教师本科及以上学历比例达到70%。", "teachers"),
    ("小学教师研究生学历比例达到8%。", "teachers"),
    ("幼儿园保教人员配备率达到100%。", "teachers"),
    # ... but a stage's figures that merely name teachers stay the stage's
    ("新增幼儿园教室40间。", "preschool"),
    # programmes that name their stage or purpose
    ("实施营养午餐工程，惠及学生4.8万人次。", "health_sports"),
    ("建设品质县中4所。", "high_school"),
    ("改造义务教育薄弱学校66所。", "compulsory"),
    ("提质改造老年学校2所。", "lifelong"),
    # admissions to universities are what the region's high schools achieve
    ("力争考入“双一流”高校学生达到300人。", "high_school"),
])
def test_domain_of_building_and_places(sentence, domain):
    (row,) = extract_text("某某县教育局2024年教育工作要点\n" + sentence)
    assert row["domain"] == domain


def test_years_of_a_multi_year_plan_are_due_dates():
    """A three-year plan's "到2025年，…" and its yearly blocks "2024年，…" set each target's period;
    a bare year of the plan's own year ("2023年，…") stays unread, it reports as often as it plans."""
    text = ("某某县学前教育三年行动计划(2023-2025年)\n某某县人民政府 2023年3月1日\n"
            "到2025年，全县新建改扩建幼儿园12所，公办幼儿园在园幼儿覆盖面达60%以上。\n"
            "2024年，新改扩建公办幼儿园4所，普惠性幼儿园覆盖率达90%。\n")
    rows = extract_text(text)
    assert [(r["quote"], r["kind"], r["period"]) for r in rows] == [
        ("2025年", "deadline", "2025"), ("12所", "count", "2025"), ("60%", "rate", "2025"),
        ("2024年", "deadline", "2024"), ("4所", "count", "2024"), ("90%", "rate", "2024")]


def test_per_mille_rates():
    rows = extract_text("某某市2022年儿童发展纲要\n新生儿、婴儿死亡率分别保持在3‰、4‰以下。")
    assert [(r["quote"], r["value"], r["unit"], r["kind"]) for r in rows] == [("3‰", 3.0, "‰", "rate"), ("4‰", 4.0, "‰", "rate")]


def test_duty_report_reports_its_year_and_figures_taken_the_year_after():
    """A county's report on how it fulfilled its education duties (履行教育职责) is a summary: its
    numbers are results of the year it reports, or of the next year when a figure is dated so
    (written after the year ends); a year later than that is still not a result's period."""
    text = ("某某区人民政府2023年履行教育职责情况报告\n一、基本情况\n2024年全区共有学校52所，在校学生61000人。\n"
            "二、履职情况\n全年新增学位2600个，新建幼儿园3所。")
    assert [(r["quote"], r["period"]) for r in results_of(text)] == [
        ("52所", "2024"), ("61000人", "2024"), ("2600个", "2023"), ("3所", "2023")]
    assert targets_of(text) == []


def test_a_multi_year_plan_is_due_when_it_ends_unless_a_line_names_its_year():
    text = ("某某市学前教育三年行动计划(2024—2026年)\n到2026年，普惠性幼儿园覆盖率达到92%。\n"
            "新建公办幼儿园30所。\n2024年，新增托位800个。")
    assert [(r["quote"], r["deadline"], r["period"]) for r in targets_of(text)] == [
        ("2026年", "2026", "2026"), ("92%", "2026", "2026"), ("30所", "2026", "2026"), ("800个", "", "2024")]


@pytest.mark.parametrize("text, results, targets", [
    # a news page whose lead reviews its own year reports that year
    ("某某区2024年新增学位9000个\n近日，记者从某某区教育局了解到，2024年，全区教育系统围绕优质均衡发展，"
     "取得了显著成效，新增学位9000个。\n2024年，全区4所新学校交付使用。",
     [("9000个", "2024"), ("9000个", "2024"), ("4所", "2024")], []),
    # the same lead in a plan's words stays a target
    ("某某区2024年教育工作要点\n2024年，全区将围绕优质均衡发展，新增学位9000个。", [], ["9000个"]),
    # 近3年 is a past span: the figures of a page about it are what was done
    ("某某市教育局2025年工作要点\n近3年，全市一般公共预算教育经费达120亿元，新增学位4万余个。\n今年新增学位6000个。",
     [("120亿元", "2022-2024"), ("4万余个", "2022-2024")], ["6000个"]),
    # N年来 reviews the years before
    ("某某市2025年教育工作要点\n五年来，全市新建改扩建中小学120所。\n今年新建学校8所。", [("120所", "2020-2024")], ["8所"]),
])
def test_pages_that_review_their_own_year(text, results, targets):
    assert [(r["quote"], r["period"]) for r in results_of(text)] == results
    assert [r["quote"] for r in targets_of(text)] == targets


@pytest.mark.parametrize("sentence, domain", [
    # places that name no stage are for the one stage their sentence builds
    ("新改扩建公办义务教育学校40所，新增学位5.6万个。", "compulsory"),
    ("新建公办幼儿园6所，新增学位2200个。", "preschool"),
    ("新建中小学3所、幼儿园2所，新增学位5000个。", "facilities_funding"),
    ("新建幼儿园2所、改扩建学校3所，新增学位3000个。", "facilities_funding"),
    ("实施学校建设项目12个，新增学位6000个，其中包括城北幼儿园。", "facilities_funding"),
])
def test_domain_of_places_from_what_the_sentence_builds(sentence, domain):
    rows = extract_text("某某县教育局2024年教育工作要点\n" + sentence)
    assert rows[-1]["domain"] == domain


@pytest.mark.parametrize("text, statuses", [
    # dated early in the year after the one it is about: a conference page reviews that year
    ("全省教育工作会议亮点\n2025-02-13 11:52:20\n2024年，我省全力办好教育民生实事。建成县中项目80所，新增公办学位5.2万个。",
     ["result", "result"]),
    # the plan of its own year, dated in January: targets
    ("2025年全省教育工作要点\n2025-01-20 09:00:00\n2025年，全省建成县中项目80所，新增公办学位5.2万个。",
     ["target", "target"]),
])
def test_a_page_dated_after_its_year_looks_back(text, statuses):
    assert [r["status"] for r in extract_text(text) if r["kind"] != "deadline"] == statuses


def test_a_multi_year_plans_yearly_block_under_a_heading_and_a_baseline_year():
    text = ("某某县学前教育三年行动计划(2022—2024年)\n（一）2022年目标任务\n新建幼儿园5所。\n"
            "（二）总体目标\n在2021年基础上，全县新增学位3000个。")
    assert [(r["quote"], r["period"]) for r in targets_of(text)] == [("5所", "2022"), ("3000个", "2024")]


def test_a_report_on_a_multi_year_plan_is_not_due_at_its_end():
    text = "关于某某县2021-2023年学前教育行动计划完成情况的报告\n下一步，将新建幼儿园3所。"
    assert [r["deadline"] for r in targets_of(text)] == [""]


def test_values_are_the_decimals_written_not_binary_float_noise():
    """2.3亿元 is 230000000 in the table, not 229999999.99999997 (2.3 × 10⁸ in binary floating point)."""
    rows = {r["quote"]: r for r in extract_text("某某县2024年教育工作要点\n投资2.3亿元，发放1.1万元奖补，下降0.35%。")}
    assert (rows["2.3亿元"]["value"], rows["1.1万元"]["value"], rows["0.35%"]["value"]) == (230000000.0, 11000.0, -0.35)
    assert repr(rows["2.3亿元"]["value"]) == "230000000.0"
    (row,) = extract_text("某某市2023年教育经费统计公告\n全市教育经费总投入为15,826,733,412.56元。")
    assert row["value"] == 15826733412.56  # every digit written is kept


@pytest.mark.parametrize("text, results, targets", [
    # a news lead is a sentence, not a title: its 参保计划 does not make the page a plan, and the
    # 完成情况: lines under each 目标任务: report
    ("记者从近日召开的某某市两会上获悉，2023年某某市政府工作报告提出的扩大义务教育学位、实施全民参保计划等"
     "惠民实事，截至2023年12月15日已全部完成。\n1.扩大义务教育学位\n目标任务：新增学位5000个。\n"
     "完成情况：新增学位5620个。", ["5620个"], ["5000个"]),
    # a short first line with 计划 is still a plan's title
    ("某某县2024年学前教育推进计划\n目标任务：新增学位800个。", [], ["800个"]),
    # 共争取, 争取到: money and projects obtained, in a page reviewing three years
    ("3年来某某市教育投入持续加大\n2024年12月20日\n记者从某某市教育局获悉，近年来全市教育扩容提质取得阶段性成效。\n"
     "2022年—2024年，全市共争取上级教育专项资金8.5亿元，争取到中央预算内投资项目4个。",
     ["8.5亿元", "4个"], []),
    # 争取 alone still looks ahead
    ("某某县2025年教育工作要点\n争取上级教育资金2亿元。", [], ["2亿元"]),
])
def test_news_leads_and_obtained_funds(text, results, targets):
    assert [r["quote"] for r in results_of(text)] == results
    assert [r["quote"] for r in targets_of(text) if r["kind"] != "deadline"] == targets


def test_a_byline_date_with_a_clock_time_dates_the_page():
    # posted in January 2024 about 2023: what 2023 built is reported
    text = ("某某市教育局：推动教育高质量发展\n某某资讯网 2024-1-18 16:33 某某网 8 0\n"
            "“2023年，某某市共建成中小学幼儿园12所、新增学位9000个。”")
    rows = extract_text(text)
    assert [(r["quote"], r["status"], r["period"]) for r in rows] == [("12所", "result", "2023"), ("9000个", "result", "2023")]


@pytest.mark.parametrize("sentences, domains", [
    # money paid for what its sentence builds next; a 其中 sentence, a bare 改扩建7所 and a 分别为 list
    # continue the sentence that names the kindergartens
    ("2024年将投入2.9亿元，新建改扩建公办幼儿园18所，增加学位4470个。其中新建11所，投入资金2.6亿元，"
     "建筑面积5万平方米。分别为甲区3所、乙县2所。改扩建7所，投入资金2298万元，增加学位690个。",
     ["preschool"] * 11),
    # several stages: building and money stay facilities_funding
    ("投入资金3亿元，新建中小学3所、幼儿园2所。其中新建5所。",
     ["facilities_funding", "facilities_funding", "preschool", "facilities_funding"]),
])
def test_domain_from_the_sentences_a_breakdown_continues(sentences, domains):
    rows = targets_of("某某市2024年教育工作要点\n" + sentences)
    assert [r["domain"] for r in rows] == domains


def test_a_statistics_bulletin_reports_its_year():
    text = ("2023年某某市教育事业统计公告\n发布日期:2024-03-30 10:03:35\n全市义务教育段中小学412所，较上年增加13所。"
            "校舍总面积830.28万平方米，增长6.8%。专任教师3.58万人。义务教育巩固率为100%。")
    rows = extract_text(text)
    assert {r["status"] for r in rows} == {"result"}
    assert [r["quote"] for r in rows] == ["412所", "13所", "830.28万平方米", "6.8%", "3.58万人", "100%"]
    assert {r["period"] for r in rows} == {"2023"}


def test_teasers_of_other_stories_under_a_news_page_are_not_its_numbers():
    text = ("某某市新建幼儿园工程进展顺利\n本报讯 某某市今年将新建公办幼儿园11所，增加学位3780个。\n"
            "各县区正在加快推进项目建设，确保秋季开学投入使用。\n\n新闻推荐\n\n"
            "某某县：小麦春管培训送到田间地头\n近日，某某县农技中心组织种粮大户等40余人集中培训...")
    assert [r["quote"] for r in extract_text(text)] == ["11所", "3780个"]


@pytest.mark.parametrize("sentences, domains", [
    # a stage's 学校 (普通高中学校) names that stage, not schools in general
    ("新建成公办普通高中学校4所以上，新增普通高中学位不少于4700个。", ["high_school", "high_school"]),
    # building money and places whose own sentence names nothing are for what the sentence before builds
    ("新改扩建公办幼儿园20所，规划总投资约4.4亿元；年度计划投资1亿元。预计建成后可新增学位约5400个。",
     ["preschool"] * 4),
    # …in the same paragraph only, and not aid money
    ("新建公办幼儿园3所。\n年度计划投资1亿元。", ["preschool", "facilities_funding"]),
])
def test_domain_from_the_sentence_before(sentences, domains):
    rows = targets_of("某某市2024年教育工作要点\n" + sentences)
    assert [r["domain"] for r in rows] == domains


@pytest.mark.parametrize("sentence, metrics", [
    # the metric its own indicator names, not the first one its clause mentions
    ("中小学生体质健康合格率、优良率分别达到96%、55%以上。", {"96%": "体质健康合格率", "55%": "体质健康优良率"}),
    ("新增公办托班20个、托位600个。", {"20个": "新增托班", "600个": "新增托位"}),
    # a high-school rate is not higher education's; classes and school projects are not teachers or kindergartens
    ("高中阶段毛入学率达到95%。", {"95%": ""}),
    ("组织“名师网上课堂”8期。", {"8期": ""}),
    ("启动60所中小学、幼儿园新建、改扩建。", {"60所": ""}),
])
def test_metrics_of_a_clause_with_several_measures(sentence, metrics):
    rows = targets_of("某某县2024年教育工作要点\n" + sentence)
    assert {r["quote"]: r["metric"] for r in rows} == metrics


@pytest.mark.parametrize("text, statuses", [
    # a time after 争取到 is a due date: a plan's headline targets stay targets
    ("某某县2025年教育工作要点\n争取到2025年，普惠性幼儿园覆盖率达到90%。争取到年底，新建幼儿园3所。", ["target", "target"]),
    # a notice or plan about a statistics bulletin is not the bulletin
    ("关于做好2024年教育事业统计公报编制工作的通知\n各学校数据准确率达到100%，组织培训不少于2次。", ["target", "target"]),
    ("2024年某某市教育事业统计公报\n全市共有幼儿园412所，比上年增加13所。", ["result", "result"]),
])
def test_obtained_and_statistics_only_where_they_are(text, statuses):
    assert [r["status"] for r in extract_text(text) if r["kind"] != "deadline"] == statuses


@pytest.mark.parametrize("sentences, domains", [
    # a continuing sentence that names its own domain keeps it
    ("新建公办幼儿园5所。其中，招聘教师120名。", ["preschool", "teachers"]),
    # a school of its own (县一中) is not the kindergartens the sentence before built
    ("新建公办幼儿园2所。其中，县一中扩建新增学位1000个。", ["preschool", "facilities_funding"]),
    # aid money is not the kindergartens' (its domain is its own words', 资金: facilities_funding)
    ("新建公办幼儿园2所。发放各类资助资金2800万元。", ["preschool", "facilities_funding"]),
    ("全县幼儿园保教质量评估达标率达到90%。完成基建投资3亿元。", ["preschool", "facilities_funding"]),
])
def test_continuations_keep_what_they_name(sentences, domains):
    rows = targets_of("某某县2024年教育工作要点\n" + sentences)
    assert [r["domain"] for r in rows] == domains


@pytest.mark.parametrize("sentence, domain", [
    ("改扩建特殊教育学校1所。", "special"),  # 特殊教育学校 is one stage's school, not schools in general
    ("新建职业高中学校1所。", "vocational"),  # 职业高中 is vocational, not high school
    ("第二高级中学扩建，新增学位1500个。", "high_school"),
])
def test_stage_names_of_schools(sentence, domain):
    assert targets_of("某某县2024年教育工作要点\n" + sentence)[-1]["domain"] == domain


@pytest.mark.parametrize("text, deadlines", [
    # a due date whose clause has work of its own (消除大班额) is that work's, not the earlier clauses'
    ("某某县2024年教育工作要点\n今年计划投资4.2亿元，新增学位4500个，力争到2026年全面消除大班额。\n",
     {"4.2亿元": "", "4500个": "", "2026年": "2026"}),
    # the years ahead a sentence opens on (今后五年) end at its due date; this year's own targets stay this year's
    ("某某市2022年政府工作报告\n今后五年，全市新增学位10万个。2022年，新建中小学和幼儿园30所。\n",
     {"10万个": "2026", "30所": ""}),
    # 未来3年内 is a due date as 力争三年内 is
    ("某某区2024年教育工作要点\n未来3年内全区投入30亿元新建、改扩建学校20所。\n", {"3年": "3年内", "20所": "3年内"}),
    # a due date followed by a bare completion verb completes the sentence's earlier work
    ("某某县2024年教育工作要点\n新建幼儿园3所，新增学位810个，确保2025年底前全部建成投入使用。\n",
     {"3所": "2025", "810个": "2025", "2025年": "2025"}),
])
def test_a_due_date_reaches_back_only_when_it_completes_the_work_before_it(text, deadlines):
    rows = {r["quote"]: r["deadline"] for r in extract_text(text)}
    assert {q: rows.get(q) for q in deadlines} == deadlines
