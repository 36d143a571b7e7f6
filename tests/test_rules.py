"""Each named decision rule (targets/rules.py) on sentences written in the style of real plans,
reviews and work summaries: the candidate's decision and the rule that made it."""
import pytest

from targets import rules
from targets.explain import explain_text

PLAN = "某某县教育局2024年教育工作要点\n"
# a statistics page with no plan in its title: levels of the year and of the one before
FUNDS = ("一、全县教育经费情况\n2023年，全县教育经费总投入为52310万元，比上年的49870万元增加2440万元。"
         "其中一般公共预算教育经费为41250万元，比上年40110万元增长2.84%。\n（1）全县普通小学为8120.55元，"
         "比上年8011.20元增长1.36%。\n")
CHAPTERS = ("某某市“十四五”教育事业发展规划\n第一章 规划背景\n第一节 发展基础\n全市有幼儿园420所，在园幼儿5.1万人。\n"
            "第二节 面临形势\n人口变化对学位供给提出新要求，新建学校2所。\n第二章 发展目标\n到2025年，新增学位1万个。\n")
STATS = ("义务教育\n全县义务教育中小学28所。校舍总面积41.2万平方米，较上年增加0.3万平方米；图书96.5万册，较上年增加1.1万册。\n"
         "——小学。校数15所；毕业3810人；招生3520人；在校生20110人，比上年减少215人。\n")
NEWS_KINDERGARTENS = ("某某市今年新增64所幼儿园即将开园 增加学位15540个\n2015-08-30 09:04 来源：某某新闻网\n"
                      "某某新闻网(记者 某某)8月30日报道 全市学前教育资源总量进一步扩大。据统计，截止目前，某某市今年已新增幼儿园64所，"
                      "新增幼儿园学位15540个，将于秋季新学期投入使用。其中，新增公办和公益性幼儿园31所，新增学位8310个。\n"
                      "全市新增幼儿园中，中心城区新增24所，新增学位5730个；其中，新增公办和公益性幼儿园13所，学位3690个。\n"
                      "据了解，年底前全市还有27所幼儿园将陆续投入使用。\n")
BOTH_PARTS = ("某某县教育局2023年工作总结和2024年工作打算\n现将2023年工作情况和2024年工作打算汇报如下：\n"
              "一、2023年工作情况\n全县新建幼儿园3所。\n二、2024年工作打算\n全县新建幼儿园5所。\n")
# an excerpt with no title and no date: its year is read from its body
AID = ("落实学生资助政策。2022年我县共资助学生1.2万人次，发放资金960万元；办理助学贷款2100人次。分别为学前资助800人次，"
       "64万元，义教寄宿生补助3100人次。\n下一步，全县将资助学生1.5万人次。\n")
REPORT = "某某县2024年1-6月重点项目进展情况\n"
HALF = "某某县2024年教育资助工作\n任务数18000人。"  # a task, then what was done


def decision(text: str, quote: str) -> tuple[str, str]:
    hits = [i for i in explain_text(text) if i["quote"] == quote]
    assert hits, f"{quote!r} is not a candidate"
    return hits[0]["status"], hits[0]["rule"]


# a progress report laid out with line labels: each task, then what was done
LABELLED = ("某某市2023年1-6月民生实事进展情况\n一、新建公办幼儿园5所，新增学位1800个。\n"
            "推进情况:1. 已开工4所。\n2. 完成投资3200万元。\n二、改善农村学校食堂12个。\n")
YEARS_ALONE = ("某某区教育局2025年工作总结及2026年工作计划\n2025年\n扩充学位\n投资5000万元，新建小学1所，新增学位1200个，"
               "预计2026年9月建成投用。\n2026年\n优化布局\n新建幼儿园3所。\n")
PIPE_PROGRESS = ("某某县2024年1-9月教育民生实事完成情况\n序号 | 项目名称 | 责任单位 | 目标任务 | 1-9月实际完成情况 | 完成率 |\n"
                 "1 | 新增公办学前学位 | 县教育局 | 1200个 | 1350个 | 112.5% |\n")
CASES = [
    # --- exclusions
    ("ordinal", PLAN + "隆重庆祝第41个教师节。", "41个", "excluded"),
    # a page with no title and no date, its year read from its body: 2021年…共资助 reports that year
    ("past_year", "落实学生资助政策。2021年我县共资助家庭经济困难学生1.2万人次，发放资助资金900万元。", "1.2万人次", "result"),
    ("commitment", "2023年我区共安排12件民生实事，新建学校3所。", "3所", "target"),
    ("ordinal", "某某县2025年政府工作报告\n县第十八届人大五次会议开幕，会期4天。", "4天", "excluded"),
    ("document_parts", "《政府工作报告》解读：十件实事\n新建学校3所。", "十件", "excluded"),
    ("rule_set_name", PLAN + "落实促进民办教育发展的十九条政策措施。", "十九条", "excluded"),
    ("commitment", PLAN + "高中阶段学校共投入近3个亿，新建学生宿舍。", "3个亿", "target"),
    ("document_parts", PLAN + "二、教育质量提升行动(6项)\n1.新建公办幼儿园3所。", "6项", "excluded"),
    ("commitment", PLAN + "二、教育质量提升行动(6项)\n1.新建公办幼儿园3所。", "3所", "target"),
    ("building_phase", PLAN + "启动学前教育三期“三年行动计划”，新建幼儿园20所。", "三期", "excluded"),
    ("deadline_cue", PLAN + "县一中新校区已开工建设，主体正在加紧施工，预计2025年9月建成投用。", "2025年", "target"),
    ("commitment", PLAN + "举办校长培训班3期。", "3期", "target"),
    ("session", PLAN + "深入学习贯彻区委四届三次、四次全会精神。", "三次", "excluded"),
    ("session", PLAN + "深入学习贯彻区委四届三次、四次全会精神。", "四次", "excluded"),
    ("session", PLAN + "认真落实十四届全国人大二次会议部署。", "二次", "excluded"),
    ("commitment", PLAN + "全年召开校长会议3次。", "3次", "target"),
    ("honour_name", PLAN + "一、2023年工作回顾\n有3名教师获“全省百名优秀班主任”称号。\n", "百名", "excluded"),
    ("in_review_section", PLAN + "一、2023年工作回顾\n有3名教师获“全省百名优秀班主任”称号。\n", "3名", "result"),
    ("background_fact", PLAN + "全县辖12个镇、3个街道，总人口45万人。", "12个", "excluded"),
    ("background_fact", PLAN + "全县辖12个镇、3个街道，总人口45万人。", "45万人", "excluded"),
    ("commitment", PLAN + "新增学位1000个，惠及人口3万人。", "3万人", "target"),
    ("one_of", PLAN + "我县是全省首批10所智慧校园示范县之一。", "10所", "excluded"),
    ("under_task_label", LABELLED, "5所", "target"),
    ("under_task_label", LABELLED, "1800个", "target"),
    ("under_progress_label", LABELLED, "3200万元", "result"),
    ("under_task_label", "某某县2024年实事项目完成情况公示\n1、考核任务:某某镇中心小学建设,规划投资总额180万元。\n"
                         "2、完成情况:截止8月底教学楼改造完成。完成投资180万元。\n", "180万元", "target"),
    ("under_progress_label", "某某县2024年实事项目完成情况公示\n1、考核任务:某某镇中心小学建设,规划投资总额180万元。\n"
                             "2、完成情况:截止8月底教学楼改造完成。完成投资176万元。\n", "176万元", "result"),
    # a section with no progress label under it is not a task heading: the plan's own targets
    ("commitment", PLAN + "一、新建公办幼儿园5所。\n二、改善农村学校食堂12个。\n", "12个", "target"),
    ("under_progress_label", REPORT + "三、进展情况:\n全县开工2所。\n下一步将新建3所。\n", "2所", "result"),
    ("commitment", REPORT + "三、进展情况:\n全县已开工2所，计划年底前再建成3所。\n", "3所", "target"),
    # a plan's own 建设进度: schedules; a next-step heading ends a progress label's reach
    ("commitment", PLAN + "建设进度：\n4月底前开工改造校舍12个。\n", "12个", "target"),
    ("commitment", REPORT + "进展情况：已竣工3所。\n下一步打算：\n新开工建设中小学2所。\n", "2所", "target"),
    # an excerpt of a work report's review: no heading, but a paragraph that only reports
    ("achievements_paragraph", "某某区人民政府工作报告(2024年1月20日)\n  社会事业更加优质。完成8个中小学改扩建，集团化办学迈出新步伐，"
                               "获省级教学成果奖12项，成功创建全国义务教育优质均衡发展区。", "12项", "result"),
    ("commitment", "某某区人民政府工作报告(2024年1月20日)\n  社会事业更加优质。完成8个中小学改扩建，集团化办学迈出新步伐，"
                   "力争获省级教学成果奖12项，成功创建全国义务教育优质均衡发展区。", "12项", "target"),
    ("commitment", "某某县2024年教育工作要点\n新建幼儿园3所。顺利通过国家督导评估，入选全国试点。", "3所", "target"),
    # an undated page on a work report is of the year it plans: its review year is past
    ("review_paragraph", "记者 王某\n1月16日，某某市第九届人民代表大会第四次会议开幕。《政府工作报告》公布，2023年某某市"
                            "民生支出125.6亿元。\n2023年，某某市新建中小学5所。\n报告指出，2024年，某某市将新建学校3所。", "5所", "result"),
    # a table written one cell a line: the cells under 当前进度 report, a bare 95% is named by its row
    ("under_progress_label", "某某县2023年度民生实事项目进度表\n序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n1\n\n"
                             "新建公办幼儿园3所。\n\n85%\n\n县教育局\n\n2\n\n建成中小学2所。\n\n95%\n\n县教育局\n", "95%", "result"),
    ("commitment", "某某县2023年度民生实事项目进度表\n序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n1\n\n"
                   "新建公办幼儿园3所。\n\n85%\n\n县教育局\n\n2\n\n建成中小学2所。\n\n95%\n\n县教育局\n", "3所", "target"),
    ("past_from_to", "某某区2021年教育事业发展规划\n全区在校生人数从2015年的3.1万人,增至2020年的3.6万人。", "3.1万人", "result"),
    ("past_from_to", "某某区2021年教育事业发展规划\n全区在校生人数从2015年的3.1万人,增至2020年的3.6万人。", "3.6万人", "result"),
    ("commitment", "某某区2021年教育事业发展规划\n普惠率从2020年的80%,提高到2025年的90%。", "90%", "target"),
    ("breakdown_of_result", "某某区2021年新闻\n“十三五”期间,全区通过新建改扩建,5年间新增学位1.3万个。\n\n    其中,普惠性学位增加1.6万个。",
     "1.6万个", "result"),
    ("reported_after", REPORT + "1-6月完成投资2500万元,占年度投资目标的41.2%。", "2500万元", "result"),
    ("commitment", REPORT + "年度投资目标6000万元,1-6月完成投资2500万元,占年度投资目标的41.2%。", "6000万元", "target"),
    ("achievement", REPORT + "年度投资目标6000万元,1-6月完成投资2500万元,占年度投资目标的41.2%。", "41.2%", "result"),
    # in a plan's page a share of its own target is a milestone
    ("commitment", PLAN + "一季度完成投资2亿元,占年度目标的25%。", "25%", "target"),
    ("past_year", "某某县2023年政府工作报告\n县长在大会上通报，2022年，某某县投入4400万元，改造薄弱学校17所。", "17所", "result"),
        ("name_age_or_version", PLAN + "推广使用2个版本的数字教材。", "2个", "excluded"),
    ("plan_name", PLAN + "落实《推进10所学校建设实施方案》。", "10所", "excluded"),
    ("page_counter", PLAN + "发布时间：2024-02-01 浏览次数：3521次\n新增托位300个。", "3521次", "excluded"),
    ("concept_name", PLAN + "打造15分钟教育服务圈。", "15分钟", "excluded"),
    ("size_threshold", PLAN + "年底前全面消除56人以上大班额。", "56人", "excluded"),
    ("size_threshold", PLAN + "化解大班额（56人及以上）12个。", "56人", "excluded"),
    ("commitment", PLAN + "化解大班额（56人及以上）12个。", "12个", "target"),
    ("commitment", PLAN + "新建学校可容纳学生2000人以上。", "2000人", "target"),
    ("numeral_word", PLAN + "为困难家庭学生发放一次性补贴。", "一次", "excluded"),
    ("quoted_slogan", PLAN + "深化“三个课堂”应用。", "三个", "excluded"),
    ("counted_percentages", PLAN + "落实校园安全四个100%要求。", "四个", "excluded"),
    ("reference_frame", PLAN + "对标省级评估标准的5方面24项指标开展自查。", "24项", "excluded"),
    ("rule_set_name", PLAN + "严格执行师德十项准则。", "十项", "excluded"),
    ("rule_set_name", PLAN + "落实“体教融合”新10条。", "10条", "excluded"),
    # nothing after a count of 项 does not make it a name
    ("commitment", PLAN + "开展科创类比赛41项。", "41项", "target"),
    ("commitment", PLAN + "完成重点建设项目12项。", "12项", "target"),
    ("commitment", PLAN + "开辟调整延伸公交线路12条。", "12条", "target"),  # lines are counted in 条
    ("rule_set_name", PLAN + "严格落实义务教育阶段减负十条。", "十条", "excluded"),
    # a past five-year plan's span is a past time; the current one's is not
    ("paragraph_past_time", "某某区2021年教育发展大会召开\n“十三五”期间，全区教育投入累计超160亿元，新改扩建教育项目52个。",
     "52个", "result"),
    ("commitment", "某某区2021年教育发展大会召开\n“十四五”期间，全区将新改扩建教育项目60个。", "60个", "target"),
    ("every_period", PLAN + "每2周开展一次安全巡查。", "2周", "excluded"),
    ("document_parts", PLAN + "今年重点实施10项民生实事：新增托位300个。", "10项", "excluded"),
    ("document_parts", PLAN + "以上5项指标均纳入年度考核。", "5项", "excluded"),
    ("forecast", PLAN + "预计今年全县初中毕业生3200人，做好中考组织工作。", "3200人", "excluded"),
    ("from_value", PLAN + "家庭经济困难学生资助标准由每生每年1000元提高到1500元。", "1000元", "excluded"),
    ("programme_name", PLAN + "实施新一轮千亿斤粮食产能提升行动。", "千亿斤", "excluded"),
    ("abstract_count", PLAN + "健全两个机制，提升治理能力。", "两个", "excluded"),
    ("article_numeral", PLAN + "开展一次教师集中培训。", "一次", "excluded"),
    # --- results
    ("in_measured_column", PLAN + "指标\t单位\t2023年实际\t2024年目标\n学前三年毛入园率\t%\t96.5%\t98%\n",
     "96.5%", "result"),
    ("in_progress_column", PLAN + "序号\t任务\t年度目标\t1-9月完成情况\n1\t新增托位\t新增托位300个\t已新增托位260个\n",
     "260个", "result"),
    ("in_review_section", PLAN + "一、2023年工作回顾\n全县新增学位1500个。\n二、2024年重点任务\n新增学位800个。\n",
     "1500个", "result"),
    ("review_paragraph", PLAN + "过去一年，全县教育系统攻坚克难，新增学位1200个，改造薄弱学校6所。\n今年新增学位800个。\n",
     "6所", "result"),
    ("summary_document", "某某县教育局2024年教育工作总结\n全年新增学位1200个，超额完成年度任务。\n", "1200个", "result"),
    ("past_word", PLAN + "截至2023年底，全县已建成托育机构52个。", "52个", "result"),
    ("past_year", PLAN + "2023年全县新增学位5000个。", "5000个", "result"),
    ("achievement", PLAN + "某某中学改扩建工程主体结构封顶，完成投资8000万元。", "8000万元", "result"),
    ("past_word", PLAN + "上级下达补充配置电脑任务1200台，实际补充1260台。", "1260台", "result"),
    ("in_progress_column", PLAN + "序号\t任务\t年度目标\t1-9月完成情况\n1\t新增托位\t新增托位300个\t已新增托位260个\n",
     "260个", "result"),
    ("reported_after", "某某市教育局2024年新闻发布会\n全市新建学校12所，校医配备率达到85%，这两项工作均超额完成。",
     "12所", "result"),
    ("breakdown_of_result", PLAN + "截至9月，秋季新开办中小学校25所。其中，普通高中3所，新增学位4000个。",
     "3所", "result"),
    ("commitment", PLAN + "今年计划新开办中小学校25所。其中，普通高中3所，新增学位4000个。", "3所", "target"),
    ("paragraph_past_time", PLAN + "局长介绍，2023年，全市新改扩建幼儿园12所。新增学位3000个，改造操场20个。\n"
     "今年将新增学位5000个。", "3000个", "result"),
    ("commitment", PLAN + "局长介绍，2023年，全市新改扩建幼儿园12所。今年新增学位5000个。", "5000个", "target"),
    # a numbered item starts a topic of its own: the earlier item's year does not reach it
    ("commitment", PLAN + "28.加强督导。2023年，全县新建学校5所。29.强化校外培训监管。全年组织不少于2次联合执法。", "2次",
     "target"),
    ("commitment", PLAN + "计划新改扩建中小学12所，1月份10所建设项目均已开工。", "12所", "target"),
    ("clause_reports", PLAN + "计划新改扩建中小学12所，1月份10所建设项目均已开工。", "10所", "result"),
    ("achievement", PLAN + "公办幼儿园项目完成投资3200万元，占年度投资计划的32.5%。", "32.5%", "result"),
    ("commitment", "某某市2023年政府工作报告\n报告显示，2022年全市新增学位3.4万个，今年将新增学位1.2万个。",
     "1.2万个", "target"),
    ("commitment", "关于某某区教育局2024年度民生实事项目完成情况的公示\n补充配置电脑项目：任务数1200台，实际补充1260台。",
     "1200台", "target"),
    ("summary_document", "关于某某区教育局2024年度民生实事项目完成情况的公示\n全区共建成标准化考场12间。",
     "12间", "result"),
    # a title that is the year's report itself, without 报告 or 公示 after it
    ("summary_document", "某某市2023年为民办实事项目完成情况\n全年新增公办学位3600个。", "3600个", "result"),
    ("commitment", "某某市2023年为民办实事项目1-6月进展情况\n全年新增公办学位3600个。", "3600个", "target"),
    # …the plan's own sentence after it is still measured against: the paragraph's 年初计划 is no intent
    ("summary_document", "某某市2023年为民办实事项目完成情况\n项目完成投资1.2亿元，完成年初计划的108%。新建校舍2栋。",
     "2栋", "result"),
    ("share_of_plan_done", "某某市2023年为民办实事项目完成情况\n项目完成投资1.2亿元，完成年初计划的108%。",
     "108%", "result"),
    ("share_of_plan_done", "全市学校建设加快推进\n据市教育局消息，截至9月底，全市学校建设完成年度投资计划的85%。", "85%", "result"),
    ("commitment", PLAN + "一季度完成年度投资计划的25%。", "25%", "target"),
    ("commitment", "全市学校建设加快推进\n据市教育局消息，全市学校建设力争年底前完成年度投资计划的95%。", "95%", "target"),
    ("document_parts", "某某县2023年十件民生实事完成情况\n一年来，我县十件民生实事推进顺利。", "十件", "excluded"),
    ("commitment", "某某县2021年政府工作报告\n“十三五”主要工作回顾\n新增公办学位4.8万个。\n“十四五”时期任务\n引进2所国际学校。\n",
     "2所", "target"),
    ("unit_cell", PLAN + "项目\t年度投资金额 （万元）\t责任单位\n校舍改造\t300\t教育局\n", "万元", "excluded"),
    ("related_news", "某某县新建幼儿园进展顺利\n本报讯 今年全县新建幼儿园3所。\n\n相关新闻\n某某镇组织种粮大户等40余人参加培训", "40余人",
     "excluded"),
    # a five-year plan's 发展成就 section reviews the last plan period, sentence after sentence
    ("in_review_section", "某某市“十四五”教育事业发展规划\n一、发展基础与环境\n(一)发展成就\n“十三五”期间，学前三年毛入园率达到93%；"
     "九年义务教育巩固率达到98%，较“十二五”末提高6个百分点。\n二、总体要求\n到2025年，九年义务教育巩固率达到99%。\n",
     "98%", "result"),
    ("commitment", "某某市“十四五”教育事业发展规划\n一、发展基础与环境\n(一)发展成就\n“十三五”期间，学前三年毛入园率达到93%；"
     "九年义务教育巩固率达到98%。\n二、总体要求\n到2025年，九年义务教育巩固率达到99%。\n", "99%", "target"),
    ("page_counter", "某某区公办幼儿园提质行动启动\n今年新增托位1200个。\n我来说两句 0人参与,0条评论\n", "0条", "excluded"),
    ("commitment", PLAN + "全年组织3000人参与教师培训，评论员队伍持续壮大。", "3000人", "target"),
    # a year to come right before its verb is due, with or without a cue word (a task cell's
    # 2025年完成…建设); the plan's own year or an earlier one without a cue is not (it may report)
    ("deadline_cue", PLAN + "新城学位项目：2025年完成北园小学建设，增加学位1080个。", "2025年", "target"),
    ("deadline_cue", PLAN + "确保2024年完成北园小学建设。", "2024年", "target"),
    # a level in years with a decimal (平均受教育年限) is a number; a bare year count is a time
    ("commitment", PLAN + "劳动年龄人口平均受教育年限达到12.3年以上。", "12.3年", "target"),
    ("share_of_plan_done", "某某市高中招生工作结束\n晚报讯 全市普通高中计划招收5700人，实际录取5650人，计划完成率99.1%。",
     "99.1%", "result"),
    ("past_word", "某某市高中招生工作结束\n晚报讯 全市普通高中计划招收5700人，实际录取5650人，计划完成率99.1%。",
     "5650人", "result"),
    ("commitment", PLAN + "确保项目计划完成率达到100%。", "100%", "target"),
    # (以下简称为2023年) names a period, it frames nothing; a 统计数据 page of a school year is a bulletin
    ("summary_document", "【教育统计数据】2023-2024学年度教育事业统计数据\n根据教育事业统计数据，2023-2024学年（以下简称为2023年）"
     "全市共有各级各类学校167所。\n其中普通小学49所。", "49所", "result"),
    ("past_word", "某某市教育事业发展情况\n根据统计，2023-2024学年（以下简称为2023年）全市共有各级各类学校167所。", "167所",
     "result"),
    # a news item's 此次完成的… reports
    ("past_word", "某某市公办幼儿园即将投用\n记者从市教育局获悉，此次完成的10所新建公办幼儿园将于春季开园。", "10所", "result"),
    # a meeting's attendance is the page's background
    ("background_fact", "某某市第十届人民代表大会第一次会议开幕\n会议应到代表267人，实到代表242人，符合法定人数。", "242人", "excluded"),
    ("commitment", PLAN + "将资金落实到30所学校。", "30所", "target"),
    # in a news page, 今年 with a year-on-year change reports (开学: enrolment this autumn)
    ("year_on_year", "某某市中小学今秋开学\n晚报讯 今年全市小学共招收9857人，比上年增加652人。", "652人", "result"),
    ("commitment", PLAN + "今年全市小学计划招收9857人，比上年增加652人。", "652人", "target"),
    # the list of other stories without a heading: three dated headlines in a row
    ("related_news", "某某市召开教育工作会议\n今年全市新建幼儿园3所。会议要求，各地要压实责任，加快项目建设进度，"
     "确保按期投入使用，切实扩大优质教育资源供给，办好人民满意的教育。\n责任编辑:张三\n- 某某市举办春季招聘会2024-03-04\n"
     "- 某某企业员工返岗人数为6.9万人2024-03-02\n- 某某区推出13条措施2024-03-01\n", "6.9万人", "excluded"),
    ("commitment", "某某市召开教育工作会议\n今年全市新建幼儿园3所。\n- 某某区推出13条措施2024-03-01\n", "3所", "target"),
    ("spam_line", "精品国产一区二区免费观看40分钟，欧美日韩\n某某县教育局2024年教育工作要点\n新增学位300个。", "40分钟",
     "excluded"),
    ("commitment", PLAN + "坚持久久为功，建设在线精品课程100门。", "100门", "target"),
    ("past_word", PLAN + "重大项目已开工的12个项目要加快建设，今年再开工8个项目。", "12个", "result"),
    ("commitment", PLAN + "重大项目已开工的12个项目要加快建设，今年再开工8个项目。", "8个", "target"),
    ("summary_document", "某某市政府新闻办新闻发布会\n今天请市教育局通报2023年教育民生工程进展情况。\n"
     "计划实施的5个项目已全部竣工。\n1.某某小学，建设面积1600平方米，投入资金420万元。\n", "420万元", "result"),
    ("commitment", "某某市政府新闻办新闻发布会\n今天请市教育局通报2023年教育民生工程进展情况。\n"
     "全年将新改扩建学校17所，新增学位2万个。其中，新建高中3所。\n", "3所", "target"),
    ("summary_document", "某某县教育局关于2019年重点民生实事考核自查报告\n同时，安排67.5万元用于房屋维修。\n", "67.5万元",
     "result"),
    ("summary_document", "某某县教育局2024年工作总结及2025年工作思路\n（一）夯实基础。新增义务教育学位320个。\n", "320个",
     "result"),
    ("building_phase", PLAN + "加快某某中学(三期)建设，新增学位1200个。", "三期", "excluded"),
    ("building_phase", PLAN + "某某路小学二期项目年内建成。", "二期", "excluded"),
    ("commitment", PLAN + "开设名师网上课堂6期。", "6期", "target"),
    ("past_word", PLAN + "今年上半年已向2600名学生发放助学金，完成计划进度101.5%。", "2600名", "result"),
    # 完成计划进度: 计划 is the plan measured against, not intent: the past word reaches it
    ("past_word", PLAN + "今年上半年已向2600名学生发放助学金，完成计划进度101.5%。", "101.5%", "result"),
    ("achievement", PLAN + "全县学生资助工作完成计划进度101.5%。", "101.5%", "result"),
    ("past_word", PLAN + "上半年已完成投资5172万元，完成计划的36%，开工率为97.4%。", "36%", "result"),
    ("unit_cell", "快讯 2022-03-29 某某市 项目 中小学 教育局 万元\n" + PLAN + "新增学位300个。", "万元", "excluded"),
    ("past_word", "某某区人民政府2022年教育工作报告\n2022年度辖区共有学校46所。\n", "46所", "result"),
    ("summary_document", "某某区人民政府2022年履行教育职责工作报告\n全年新增学位2600个。\n", "2600个", "result"),
    # a report names the quota it measures against: a target; a count of tasks done is not a quota
    ("task_named", "某某市2024年教育建设项目进展情况通报\n截至11月底，市区24所中小学建设任务，有24所开工建设。\n", "24所", "target"),
    ("task_named", "某某市2024年教育建设项目进展情况通报\n市区有27所中小学投入使用，已超额完成年度22所目标任务。\n", "22所", "target"),
    ("summary_document", "某某市2024年教育建设项目进展情况通报\n市区有27所中小学投入使用，已超额完成年度22所目标任务。\n", "27所", "result"),
    ("review_paragraph", PLAN + "去年完成了12所学校建设任务。", "12所", "result"),
    ("task_named", "某某市2024年民生实事进展情况\n截至目前，“新增公办中小学学位2.6万个”年度民生实事已新增学位2.1万个。\n",
     "2.6万个", "target"),
    ("past_word", "某某市2024年民生实事进展情况\n截至目前，“新增公办中小学学位2.6万个”年度民生实事已新增学位2.1万个。\n",
     "2.1万个", "result"),
    ("past_word", PLAN + "城南片区18个项目已基本完工，共新增学位9200个。", "9200个", "result"),
    ("scope_range", PLAN + "保留边境0—3公里内的村小教学点。", "0—3公里", "excluded"),
    ("page_counter", PLAN + "新建学校3所。\n地址:某某区滨河路18栋", "18栋", "excluded"),
    # wrong-way cases from the session-10 review
    ("document_parts", PLAN + "落实好25项教育要点。", "25项", "excluded"),
    ("lone_magnitude", PLAN + "桃城区新改扩建中小学3所，投资万元。", "万元", "excluded"),
    ("lone_magnitude", PLAN + "城镇还有几千万人居住在棚户区。", "千万人", "excluded"),
    ("commitment", PLAN + "投入专项资金一万元。", "一万元", "target"),
    ("page_counter", PLAN + "新建学校3所。\n上一篇:某某市完成公共停车场建设106个", "106个", "excluded"),
    ("past_word", PLAN + "农村小学附设幼儿园已增设193个班。", "193个", "result"),
    ("commitment", "某某县人民政府关于印发某某县2024年度履行教育职责工作方案的通知\n全县新建幼儿园5所。", "5所", "target"),
    ("commitment", PLAN + "要巩固多年来的成果，新建幼儿园3所。", "3所", "target"),
    ("commitment", PLAN + "新年来临之际，走访慰问困难教师200名。", "200名", "target"),
    ("commitment", PLAN + "力争2023年开工的5所学校年内全部建成，新增学位2700个。", "2700个", "target"),
    ("commitment", "某某县2024年教育工作新闻\n发布时间：2024-02-20\n2024年，全县教育系统锚定教育强县目标，高质量完成创建，新建幼儿园5所。",
     "5所", "target"),
    ("summary_document", "某某县教育局2024年工作总结\n取得明显成效。全年共完成12所学校建设任务。", "12所", "result"),
    ("in_progress_column", "某某县2024年教育重点任务完成情况\n任务\t目标值\t完成值\t状态\n新增托位\t1000个\t1200个\t已完成\n",
     "1200个", "result"),
    # under the task column (目标值 beside 完成值) it is the task, by its column before its status cell
    ("in_task_column", "某某县2024年教育重点任务完成情况\n任务\t目标值\t完成值\t状态\n新增托位\t1000个\t1200个\t已完成\n",
     "1000个", "target"),
    ("task_cell", "某某县2024年教育重点任务完成情况\n任务\t要求\t完成值\t状态\n新增托位\t1000个\t1200个\t已完成\n",
     "1000个", "target"),
    # status counts of a progress note: under construction, tendering, paperwork
    ("clause_reports", PLAN + "新建学校12所，其余8所主体在建，2所正在进行工程招标。", "8所", "result"),
    ("clause_reports", PLAN + "新建学校12所，其余8所主体在建，2所正在进行工程招标。", "2所", "result"),
    ("commitment", PLAN + "新建学校12所，其余8所主体在建，2所正在进行工程招标。", "12所", "target"),
    # a lead that says 截至…累计完成投资 makes the page a progress report
    ("summary_document", "某某区为民办实事项目进展\n截至6月底，累计完成投资12.6亿元。完成社区托育点建设3个。", "3个", "result"),
    ("commitment", PLAN + "新建教学楼2栋、宿舍楼1栋。", "2栋", "target"),
    ("commitment", PLAN + "组织干部教师培训420余批次。", "420余批次", "target"),
    # the list's own count, named as the list (新闻发布会, 之一), is not a target; completing it is
    ("document_parts", PLAN + "在全区2024年十件民生实事新闻发布会上，教育局介绍了学位建设情况。", "十件", "excluded"),
    ("document_parts", PLAN + "将“增加公办学位供给”列为全区十件民生实事之一。", "十件", "excluded"),
    ("commitment", PLAN + "确保全面完成十件民生实事。", "十件", "target"),
    # a count from January to a month reports progress; its bracketed 其中 breaks the result down
    ("done_by_month", HALF + "1—6月完成免除学杂费18200人(其中初中6100人，小学12100人)。", "18200人", "result"),
    ("done_by_month", HALF + "1—6月完成免除学杂费18200人(其中初中6100人，小学12100人)。", "12100人", "result"),
    ("commitment", PLAN + "计划1—6月完成免除学杂费18200人(其中初中6100人，小学12100人)。", "12100人", "target"),
    ("commitment", PLAN + "新建学校3所(其中小学2所，初中1所)。", "1所", "target"),
    ("done_by_month", HALF + "1—6月完成免除学杂费18200人，下拨资金520万元。", "520万元", "result"),
    ("done_by_month", HALF + "1-9月累计新增托位860个。", "860个", "result"),
    # a plan's schedule by month stays a target
    ("commitment", PLAN + "1-6月完成幼儿园新建项目主体工程，新增学位900个。", "900个", "target"),
    ("commitment", PLAN + "11—12月完成教师招聘80名。", "80名", "target"),
    # a purpose before the sentence's own past time is not an intent about the number
    ("paragraph_past_time", "2024年某某区学前教育发展新闻\n为实现“幼有优育”的目标要求，近3年，全区共投入8.2亿元。\n今年将新增学位1200个。",
     "8.2亿元", "result"),
    ("commitment", "2024年某某区学前教育发展新闻\n近3年全区投入8.2亿元。为实现“幼有优育”的目标要求，今年将新增学位1200个。",
     "1200个", "target"),
    # a lead reviewing a span that ends in the page's year: a summary
    ("summary_document", "某某州“十四五”教育投入\n2021年至2024年，全州共完成教育支出150亿元。\n下达学前教育资金2.6亿元。",
     "2.6亿元", "result"),
    # a summary's 今年 is the year it reports, not an intent; a planned total's breakdown stays a target
    ("summary_document", "某某市教育局2023年工作总结\n今年共筹措社会捐赠300万元。建成投用中小学项目6个。\n", "6个", "result"),
    ("commitment", "某某省2024年幼儿园建设进展情况通报\n今年，全省幼儿园项目年度建设计划为300个(其中，新建200个，改扩建100个)。\n",
     "200个", "target"),
    # a task table's row: the task before its status cell is the target, the figure in it a result
    ("task_cell", "某某县2024年民生实事项目完成情况公示\n新建公办幼儿园3所\t已完成。\t100\n", "3所", "target"),
    # a row that leaves out its merged 序号 cell starts one column on (项目内容 | 进展情况)
    ("in_progress_column", "2022年区政府民生实事项目进展情况表(截至9月底)\n序号\t项目内容\t进展情况\t责任单位\n"
     "2\t新建成婴幼儿成长驿站7家。\t新建成长驿站13家。\t卫生健康局\n新增婴幼儿托位500个。\t新增婴幼儿托位600个。\t\t\n",
     "600个", "result"),
    ("in_task_column", "2022年区政府民生实事项目进展情况表(截至9月底)\n序号\t项目内容\t进展情况\t责任单位\n"
     "2\t新建成婴幼儿成长驿站7家。\t新建成长驿站13家。\t卫生健康局\n新增婴幼儿托位500个。\t新增婴幼儿托位600个。\t\t\n",
     "500个", "target"),
    # the task's cell may end its sentence, and the status be two cells on (项目 | 任务 | 状态 | 进度)
    ("task_cell", "某某市2024年重点民生实事项目完成情况公示\n建设示范性高中8所(其中醴陵2所)。\t建设示范性高中2所\t已完成。\t100\n",
     "2所", "target"),
    ("summary_document", "某某县2024年民生实事项目完成情况公示\n新建公办幼儿园\t已建成3所\t100\n", "3所", "result"),
    ("abstract_count", PLAN + "计划涵盖学前教育、义务教育、高中教育和职业教育4个方面。", "4个", "excluded"),
    ("commitment", PLAN + "新建学前教育、义务教育和高中教育学校4个。", "4个", "target"),
    # a lead that reviews the page's own year in the past tense makes the page a summary
    ("summary_document", "2024年，全县30项民生实事高质量完成，新增学位2100个。\n全年新建幼儿园3所。", "3所", "result"),
    ("commitment", "2024年，全县确保30项民生实事高质量完成，新增学位2100个。\n全年新建幼儿园3所。", "3所", "target"),
    # a news lead that reports the past (记者…获悉，近年来，…) makes the page a review; a plan's preamble
    # that opens the same way does not, nor a news lead with a word of intent
    ("summary_document", "12月18日，记者从某某州教育大会上获悉，近年来，全州坚持教育优先发展。\n"
     "推进学前教育普惠发展。新建改扩建幼儿园120余所、新增学位2万余个。", "2万余个", "result"),
    ("summary_document", "本报讯 今年以来，某某县持续加大教育投入。\n全县新建幼儿园4所。", "4所", "result"),
    ("commitment", PLAN + "近年来，我县教育事业取得长足发展。\n新建幼儿园4所。", "4所", "target"),
    ("commitment", "记者从某某县教育局获悉，近年来成效明显的基础上，今年将继续加大投入。\n新建幼儿园4所。", "4所",
     "target"),
    # a year-on-year change reports a measured year outside a plan; a plan's, or a paragraph of
    # this year's plans, does not
    ("year_on_year", "2023年，某某市儿童视力检查覆盖率91.41%。小学、中学的学校比例分别为51%和76%，"
     "分别比上年提高11个和2.19个百分点。", "2.19个百分点", "result"),
    ("year_on_year", "2023年，某某市儿童视力检查覆盖率91.41%。小学、中学的学校比例分别为51%和76%，"
     "分别比上年提高11个和2.19个百分点。", "76%", "result"),
    ("commitment", PLAN + "学前三年毛入园率达到92%，比上年提高2个百分点。", "2个百分点", "target"),
    ("commitment", "某某市政府工作报告\n今年要完成交通投资320亿元。市级预算内投资安排54亿元，比去年增加3亿元。",
     "3亿元", "target"),
    ("summary_document", "2023年县教育体育局上半年工作情况总结\n全县投入资金2860万元。", "2860万元", "result"),
    ("past_word", PLAN + "新成立了城区、城北、城南等3个教育集团。", "3个", "result"),
    # a report on a project's implementation, and a site's 【工作进展】 label, report progress
    ("summary_document", "某某县2024年新建、改扩建公办幼儿园项目实施情况\n2024年，改扩建幼儿园7所，总投资875.1万元。",
     "7所", "result"),
    ("summary_document", "发布机构 | 某某市教育体育局 | 发文日期 | 2024-10-31\n信息名称 | 【工作进展】加快教育项目建设\n"
     "今年以来，全市投入资金7.38亿元，改扩建公办园9所。", "9所", "result"),
    ("commitment", PLAN + "植树造林种植苗木8000株。", "8000株", "target"),
    ("building_phase", PLAN + "职业技术学校项目二期已基本完工。", "二期", "excluded"),
    ("building_phase", PLAN + "推进地铁1号线三期、2号线一期工程建设。", "三期", "excluded"),
    # targets that the result and exclusion rules must leave alone (review of session 9)
    ("commitment", PLAN + "确保10所已开工项目年底前竣工。", "10所", "target"),
    ("commitment", PLAN + "对3所已建成学校进行验收。", "3所", "target"),
    ("commitment", PLAN + "新建学校3所，年底前全部完成。", "3所", "target"),
    ("commitment", PLAN + "针对去年暴露的问题，全面加强校园安全。开展应急演练不少于2次。", "2次", "target"),
    ("commitment", PLAN + "在2023年基础上新增学位3000个。", "3000个", "target"),
    ("commitment", PLAN + "严格按照序时进度推进项目建设，新建学校3所。", "3所", "target"),
    ("commitment", PLAN + "新建学校3所，已开工2所。其中，新建小学1所。", "1所", "target"),
    ("commitment", PLAN + "为听障学生录制配有中文字幕的手语课程100节。", "100节", "target"),
    ("commitment", PLAN + "每年至少召开2次全体会议。", "2次", "target"),
    ("commitment", PLAN + "举办家长学校12期。", "12期", "target"),
    ("commitment", PLAN + "县辖乡镇中心幼儿园覆盖率达到100%。", "100%", "target"),
    # results whose sentence holds a word of intent as an object
    ("past_word", PLAN + "截至目前，全县已争取上级资金5000万元。", "5000万元", "result"),
    ("past_word", PLAN + "全县已完成年度计划投资2亿元。", "2亿元", "result"),
    ("summary_document", "某某县教育局2024年民生实事完成情况报告\n今年，全县新建学校3所。\n", "3所", "result"),
    ("reported_after", PLAN + "数据显示，1至11月份，308个服务事项基本达序时进度。", "308个", "result"),
    ("past_word", PLAN + "2020年至2021年，全县争取到中央预算内投资1000万元。", "1000万元", "result"),
    ("restated_target", PLAN + "一、2023年工作回顾\n超额完成了行动方案中制定目标：新建幼儿园不少于19所。\n二、2024年重点任务\n",
     "19所", "excluded"),
    ("commitment", PLAN + "今年学生体质健康达标率稳定在95%以上。\n力争近视率在2020年基础上每年降低0.5个百分点，视力检查覆盖率达到90%。",
     "90%", "target"),
    ("paragraph_past_time", "某某区新学校建设三年攻坚新闻\n发布时间：2024-01-28\n据悉，2023年，全区教育资源扩容增量，建成投入使用4所新学校。今年将新增学位3000个。",
     "4所", "result"),
    ("commitment", "某某区新学校建设三年攻坚新闻\n发布时间：2024-01-28\n据悉，2023年，全区教育资源扩容增量，建成投入使用4所新学校。今年将新增学位3000个。",
     "3000个", "target"),
    ("comparison_base", PLAN + "与去年37个项目相比，今年项目更加集中。", "37个", "excluded"),
    ("reference_frame", PLAN + "对标2035年基本实现教育现代化目标，加快建设教育强县。", "2035年", "excluded"),
    ("deadline_cue", PLAN + "确保2026年基本实现县域义务教育优质均衡。", "2026年", "target"),
    # a place's divisions listed on after 下辖; a number describing what a count counts; a tally of named kinds
    ("background_fact", PLAN + "一、基本情况\n全县下辖8个乡镇，63个行政村、12个社区，总人口21万人。", "63个", "excluded"),
    ("background_fact", PLAN + "一、基本情况\n全县下辖8个乡镇，63个行政村、12个社区，总人口21万人。", "12个", "excluded"),
    ("commitment", PLAN + "全县下辖8个乡镇。今年新建村级幼儿园12个、社区托育点5个。", "12个", "target"),
    ("attribute_of_counted", PLAN + "完成40个30户以上传统村落消防改造。", "30户", "excluded"),
    ("commitment", PLAN + "完成40个30户以上传统村落消防改造。", "40个", "target"),
    ("commitment", PLAN + "实现课后服务、午餐供应、校车接送3个100%。", "100%", "target"),
    ("kinds_listed", PLAN + "将近视、肥胖、脊柱侧弯3种常见病纳入学生健康筛查。", "3种", "excluded"),
    ("commitment", PLAN + "开发劳动、科学、艺术等5种校本课程。", "5种", "target"),
    # --- results that are not the issuing body's own
    ("elsewhere", PLAN + "一、2023年工作回顾\n世界经济增长2.7%，全县新增学位1500个。\n二、2024年重点任务\n",
     "2.7%", "excluded"),
    ("restated_target", PLAN + "一、2023年工作回顾\n全年预期目标为新增学位1000个，实际新增1500个。\n二、2024年重点任务\n",
     "1000个", "excluded"),
    # --- targets
    ("commitment", PLAN + "全年新增托位300个，普惠性幼儿园覆盖率达到92%以上。", "300个", "target"),
    ("commitment", PLAN + "新建1所九年一贯制学校，开设2个年级。", "2个", "target"),
    ("commitment", PLAN + "过去一年成绩来之不易。今年力争新增学位800个。", "800个", "target"),
    # what exists, which a plan acts on; 近年 reviews; 名义 is a word, 名义务教育教师 counts teachers
    ("commitment", PLAN + "同时，计划将现有60%以上的城镇小区配套园转为普惠性幼儿园。", "60%", "target"),
    ("past_word", PLAN + "全县现有公办幼儿园60所。", "60所", "result"),
    ("past_word", PLAN + "近年新建公办幼儿园5所，新增学位900个。", "5所", "result"),
    ("commitment", PLAN + "组织120名义务教育阶段教师参加学历提升培训。", "120名", "target"),
    ("commitment", PLAN + "新建校舍2.5万平米。", "2.5万平米", "target"),
    ("numeral_word", PLAN + "本文为原创，未经授权不得二次传播。", "二次", "excluded"),
    ("commitment", PLAN + "统筹使用近年结余的资金，新增学位2000个。", "2000个", "target"),
    ("task_named", "某某市教育局2024年工作总结\n今年以来，我市将“新建公办幼儿园8所”列为十件民生实事之一，目前已完工6所。",
     "8所", "target"),
    # a line that is a year before the plan's alone heads a review; the plan's year alone ends it
    ("in_review_section", YEARS_ALONE.replace("2025年工作总结及2026年工作计划", "2026年工作要点"), "1200个", "result"),
    ("deadline_cue", YEARS_ALONE, "2026年", "target"),  # a due date to come, though inside the review
    ("summary_document", YEARS_ALONE, "1200个", "result"),
    ("commitment", YEARS_ALONE, "3所", "target"),  # a summary's plan part opens at the next year alone
    ("review_paragraph", "某某市2025年教育工作会议召开\n2024年我市教育民生工程任务超额完成。全市新建、改扩建幼儿园开工36所，完工30所。\n",
     "36所", "result"),
    # a progress report item by item: the item's first sentence states the task, the next ones report
    ("item_task_sentence", "某某市2024年教育民生实事1至6月推进情况\n1.扩充学前教育资源，新建公办幼儿园12所，新增学位3600个。"
                           "已开工建设9所，已完工2所。\n", "3600个", "target"),
    ("summary_document", "某某市2024年教育民生实事1至6月推进情况\n1.扩充学前教育资源，新建公办幼儿园12所，新增学位3600个。"
                         "已开工建设9所，已完工2所。\n", "9所", "result"),
    ("task_named", "某某市教育局2024年工作动态\n据了解，今年全市共有24所公办幼儿园建设项目列入为民办实事项目，其中新建9所，"
                   "改扩建15所，上半年已竣工6所。", "24所", "target"),
    ("task_named", "某某市教育局2024年工作动态\n据了解，今年全市共有24所公办幼儿园建设项目列入为民办实事项目，其中新建9所，"
                   "改扩建15所，上半年已竣工6所。", "15所", "target"),
    ("past_word", "某某市教育局2024年工作动态\n据了解，今年全市共有24所公办幼儿园建设项目列入为民办实事项目，其中新建9所，"
                  "改扩建15所，上半年已竣工6所。", "6所", "result"),
    # a progress table's task column beside its done column: the targets the row reports on
    ("in_task_column", PIPE_PROGRESS, "1200个", "target"),
    ("in_progress_column", PIPE_PROGRESS, "1350个", "result"),
    # a statistics page states this year's level beside last year's (比上年的…): both were measured;
    # a fund's name (一般公共预算教育经费) is no budget that plans, but 预算安排 is
    ("year_on_year", FUNDS, "52310万元", "result"),
    ("year_on_year", FUNDS, "49870万元", "result"),
    ("year_on_year", FUNDS, "2.84%", "result"),
    ("year_on_year", FUNDS, "8120.55元", "result"),
    ("commitment", PLAN + "全县教育经费总投入力争达到5.6亿元，比上年的5.2亿元增长7.7%。", "7.7%", "target"),
    ("commitment", "某某县2024年政府工作报告\n今年一般公共预算安排教育支出3.5亿元，比上年增长4%。", "4%", "target"),
    # a page of levels compared with last year and no word of intent anywhere is a statistics report
    ("statistics_page", STATS, "3520人", "result"),
    ("statistics_page", STATS, "28所", "result"),
    ("commitment", STATS + "下一步，全县将新建学校2所。\n", "3520人", "target"),
    # in the review of a year just ended, 预计达 is what was reached (its statistics are not final yet)
    ("in_review_section", "某某市2025年政府工作报告\n一、2024年工作回顾\n全市数字经济占比预计达38%左右，较上年提高1.5个百分点。\n"
     "二、2025年工作安排\n", "38%", "result"),
    ("forecast", "某某市2025年政府工作报告\n一、2024年工作回顾\n新建学校5所，预计明年秋季招生2400人。\n"
     "二、2025年工作安排\n", "2400人", "excluded"),
    # a summary's opening that announces both its parts is not where its plan part starts
    ("summary_document", BOTH_PARTS, "3所", "result"),
    ("commitment", BOTH_PARTS, "5所", "target"),
    # a news story of schools put into use reports; a plan's, or a news story's with intent, does not
    ("opened_for_use", "某某区3所新建学校陆续启用\n本报讯 今秋开学，某某区新建3所学校全部投入使用，共新增学位2700个。\n",
     "2700个", "result"),
    ("opened_for_use", "某某区3所新建学校陆续启用\n本报讯 今秋开学，某某区新建3所学校全部投入使用，共新增学位2700个。\n",
     "3所", "result"),
    ("commitment", PLAN + "新建3所学校全部投入使用，新增学位2700个。", "2700个", "target"),
    ("commitment", "某某区学校建设加快推进\n本报讯 某某区确保新建3所学校9月全部投入使用，新增学位2700个。\n", "2700个", "target"),
    # the size of a list of 民生实事, its year and whose list between
    ("document_parts", "某某区人代会闭幕\n会议票决确定了20项2024年区政府民生实事项目，新建幼儿园3所。\n", "20项", "excluded"),
    ("document_parts", "某某区人代会闭幕\n最终确定了25项区重点民生实事候选项目。\n", "25项", "excluded"),
    # a news story's description of a school where it stands is the size of what exists; a plan's, or a
    # news story's of a school still to be built, is a target
    ("facility_described", "某某区新学期3所新校启用\n本报讯 某某小学新校区位于滨河路东，占地28000平方米，办学规模36班1620人。\n",
     "28000平方米", "result"),
    ("commitment", "某某区新建学校开工\n本报讯 某某小学新校区位于滨河路东，占地28000平方米，计划2026年9月建成。\n",
     "28000平方米", "target"),
    ("numeral_word", PLAN + "今年的民生实事每一件都要办好办实。", "一件", "excluded"),
    ("building_phase", PLAN + "完成某某小区二期420户居民供暖改造。", "二期", "excluded"),
    ("commitment", PLAN + "完成某某小区二期420户居民供暖改造。", "420户", "target"),
    ("numeral_word", "某某县召开2024年教育工作会议\n2023年，全县高考一本、二本上线率位居全市前列。\n", "二本", "excluded"),
    # the plan part's own heading may name the summarised year (巩固2023年成果): it still starts the plan
    ("commitment", "某某县教育局2023年工作总结和2024年工作计划\n一、2023年工作总结\n全县新建幼儿园3所。\n"
                   "二、下一步工作打算（巩固2023年成果）\n新建学校20所。\n", "20所", "target"),
    # 工作计划 heads the plan part as 工作打算 does, also when the title names both parts; a heading that
    # reports on a plan (2023年重点任务完成情况) heads no plan
    ("commitment", "某某县教育局2023年工作总结和2024年工作计划\n一、2023年工作总结\n全县新建幼儿园3所。\n"
                   "二、2024年工作计划\n新建学校4所。\n", "4所", "target"),
    ("summary_document", "某某县教育局2023年工作总结和2024年工作计划\n一、2023年工作总结\n全县新建幼儿园3所。\n"
                         "二、2024年工作计划\n新建学校4所。\n", "3所", "result"),
    ("in_review_section", "某某县2024年教育工作要点\n一、2023年工作回顾\n(一)重点任务完成情况\n全县新建幼儿园3所。\n"
                          "二、2024年主要任务\n新建学校4所。\n", "3所", "result"),
    # a past year's 争取 counts what came in, and its sentence's other numbers are that year's too; the
    # plan year's 争取 still aims
    ("paragraph_past_time", "某某县教育局：多措并举推动教育发展\n发布时间：2024-03-12\n"
                            "2023年，全县争取上级教育项目资金2.1亿元，实施校舍维修改造项目31个。今年，全县将新建学校6所。\n", "2.1亿元", "result"),
    ("paragraph_past_time", "某某县教育局：多措并举推动教育发展\n发布时间：2024-03-12\n"
                            "2023年，全县争取上级教育项目资金2.1亿元，实施校舍维修改造项目31个。今年，全县将新建学校6所。\n", "31个", "result"),
    ("commitment", "某某县教育局：多措并举推动教育发展\n发布时间：2024-03-12\n2023年，全县实施校舍维修改造项目31个。"
                   "2024年，全县争取上级教育项目资金3亿元。\n", "3亿元", "target"),
    # a report on the year's work (工作情况的报告) reports it; its 争取…资金 counts the funds brought in
    ("summary_document", "某某县教育局关于2023年教育工作情况的报告\n全年争取上级各类教育资金1.2亿元，新建学校3所。\n",
     "1.2亿元", "result"),
    ("summary_document", "某某县教育局关于2023年教育工作情况的报告\n全年争取上级各类教育资金1.2亿元，新建学校3所。\n",
     "3所", "result"),
    # a meeting's report card of a year (晒出了2025年…“成绩单”) reports that year on a news page
    ("summary_document", "数说教育丨质量迈上新台阶\n1月26日，全区教育工作大会召开，会议晒出了2025年全区教育系统“成绩单”。\n"
                         "新增学前教育普及普惠县19个，总量达到35个。\n", "19个", "result"),
    # what a number counts was selected or honoured: that happened; 力争 still aims
    ("selected", "某某省多项教育成果获国家级认定\n某某区等4个县入选学前教育普及普惠县\n", "4个", "result"),
    ("commitment", "某某省多项教育成果获国家级认定\n力争3所学校入选省级示范校。\n", "3所", "target"),
    # on a local page, what a national body decided is the country's; the page's own entry is its own
    ("national_act", "某某省多项教育成果获国家级认定\n记者从省教育厅获悉，教育部日前印发通知，2024年共认定301个县为学前教育普及普惠县。"
                     "其中，我省4个县成功入选。\n", "301个", "excluded"),
    ("past_year", "某某省多项教育成果获国家级认定\n记者从省教育厅获悉，教育部日前印发通知，2024年共认定301个县为学前教育普及普惠县。"
                  "其中，我省4个县成功入选。\n", "4个", "result"),
    ("commitment", PLAN + "经教育部认定，新增国家级示范校3所。", "3所", "target"),
    ("past_word", "某某市教育局：多所学校获评国家级荣誉\n发布时间：2024-05-10\n"
                  "近日，教育部、财政部联合认定一批示范区，某某区成功入选，已获得中央奖补资金500万元。\n", "500万元", "result"),
    ("list_size", "某某省多项教育成果获国家级认定\n在最终公布的100个2024年基础教育创新案例名单中，我省2个案例入选。\n",
     "100个", "excluded"),
    # a headline taking stock of a year (【盘点2025】) makes the page report that year, its undated paragraphs too
    ("summary_document", "【盘点2025】某某州：教育工作走在全省前列\n来源：某某日报 发布时间：2026-01-08\n"
                         "立足红色资源，吸引省内外6.4万余名师生开展研学实践。\n", "6.4万余名", "result"),
    # teams (代表队) are counted; 代 after a unit is a generation only alone
    ("commitment", PLAN + "组建9支代表队参加全省运动会。", "9支", "target"),
    # a session written with spaces between its characters (PDF text) is still one
    ("session", PLAN + "全面落实市 委 十 届 七 次全 会精神。", "七 次", "excluded"),
    # the count of a quoted list's items right after it
    ("quoted_items_counted", PLAN + "强力推进“党建领航工程、立德树人工程、教育数字化赋能工程”三项工程。", "三项", "excluded"),
    ("commitment", PLAN + "推进“县城幼儿园扩容工程、乡镇中心园提质工程”，新建幼儿园3所。", "3所", "target"),
    # a news story: what the body reports as done, its headline restates; a breakdown of a breakdown
    # (…。其中…。全市新增幼儿园中，中心城区新增24所) reports too, though the first sentence says what comes next
    ("headline_restates_result", NEWS_KINDERGARTENS, "64所", "result"),
    # a headline that looks ahead, or whose number the body both reports and plans, says what it says
    ("commitment", "某某县今年将新建学校5所\n2024-03-01 来源：某某日报\n记者从县教育局获悉，去年全县新建学校5所。\n",
     "5所", "target"),
    ("commitment", "某某县新建学校5所\n2024-03-01 来源：某某日报\n记者从县教育局获悉，去年全县新建学校5所。今年，全县将新建学校5所。\n",
     "5所", "target"),
    ("breakdown_of_result", NEWS_KINDERGARTENS, "31所", "result"),
    ("breakdown_of_result", NEWS_KINDERGARTENS, "24所", "result"),
    ("breakdown_of_result", NEWS_KINDERGARTENS, "13所", "result"),
    ("commitment", NEWS_KINDERGARTENS, "27所", "target"),
    # a page with no year anywhere still reviews its 两年来
    ("paragraph_past_time", "某某区教育局揭牌成立\n本报讯 昨天某某区教育局揭牌成立。\n该区成立两年来启动建设及改扩建7所学校，招录教师近300名。\n",
     "7所", "result"),
    # the sentence ends saying the investment runs ahead of schedule: done
    ("reported_after", "某某县教育民生工程建设项目工作\n发布时间：2019-06-20\n项目完成投资1856万元，投资完成率高于序时进度要求。\n",
     "1856万元", "result"),
    # a review's heading saying the plan was done (圆满完成年度工作计划, 目标任务全面完成) heads no plan part
    ("in_review_section", "某某县教育局2023年工作总结\n一、2023年工作总结\n（一）圆满完成年度工作计划\n全年新建学校3所。\n"
                          "（二）目标任务全面完成\n新增学位800个。\n二、2024年工作计划\n新建学校4所。\n", "800个", "result"),
    ("commitment", "某某县教育局2023年工作总结\n一、2023年工作总结\n（一）圆满完成年度工作计划\n全年新建学校3所。\n"
                   "（二）目标任务全面完成\n新增学位800个。\n二、2024年工作计划\n新建学校4所。\n", "4所", "target"),
    # a long paragraph opening on 过去五年 reviews its numbers far into it (a work report's paragraph runs on)
    ("review_paragraph", "某某市2021年政府工作报告\n二、“十三五”发展成就和“十四五”主要目标任务\n过去五年，全市经济社会发展取得新的成就。"
                         + "各项事业全面进步，人民群众获得感明显增强。" * 25 + "城镇新增就业超过60万人。\n", "60万人", "result"),
    # 高于去年 compares with last year; the sentence still plans
    ("commitment", PLAN + "对乡镇学校转移支付增长7.8%、增幅明显高于去年，其中薄弱学校改造资金增幅超过10%。", "10%", "target"),
    # 成立 counts what was set up (共成立43个教育集团); 成立75周年 is an anniversary by its 周年
    ("past_word", "某某区教育集团化办学取得新进展\n目前全区共成立43个教育集团，覆盖150余所中小学校。\n", "43个", "result"),
    ("not_a_unit", PLAN + "隆重纪念学校成立75周年。", "75周", "excluded"),
    # a site's section name (访谈回顾) is no year's review; a span's start (2011年以来) is not the page's year
    ("commitment", "访谈回顾\n加快城区学校建设——市教育局局长答记者问\n问：今年学校建设情况如何？\n"
                   "答：2011年以来，主城区已完成5所小学新建工程。2017年，市城区启动实施19所学校建设项目，"
                   "全部项目建成后，可新增小学学位12690个。\n", "12690个", "target"),
    # 预计全年… after the year just ended is what was reached (its statistics not final); 预计今年 projects
    ("review_paragraph", "某某县2025年政府工作报告\n去年以来，受多重因素影响，经济运行承压前行，预计全年地区生产总值415亿元、增长1%左右。\n",
     "415亿元", "result"),
    ("forecast", PLAN + "预计今年全县高校毕业生3200人。", "3200人", "excluded"),
    # a school's second campus (中学二部) is a name; 三个学年来 is a span, not a count
    ("building_phase", PLAN + "完成洞山中学二部主体建设。", "二部", "excluded"),
    ("name_age_or_version", "某某县学生资助工作综述\n三个学年来，共发放资助资金129万元。\n", "三个", "excluded"),
    # a chapter's review runs over its sections, up to the next chapter
    ("in_review_section", "某某市“十四五”教育事业发展规划\n第一章 发展基础\n第一节 主要成就\n全市有幼儿园420所。\n"
                          "第二节 面临形势\n全市有小学180所。\n第二章 发展目标\n新增学位1万个。\n", "180所", "result"),
    # an undated page's report reaches no further than the next section heading
    ("commitment", "落实学生资助政策。2022年我县共资助学生1.2万人次，发放资金960万元。\n二、队伍建设\n招聘教师300名。\n",
     "300名", "target"),
    # a plan's 第一节 发展基础 reviews, up to its next 第…节 or 第…章
    ("in_review_section", CHAPTERS, "420所", "result"),
    ("commitment", CHAPTERS, "2所", "target"),
    ("commitment", CHAPTERS, "1万个", "target"),
    # an undated page's 2022年我县共资助…: the later sentences of its paragraph report that year too
    ("past_year", AID, "800人次", "result"),
    ("past_year", AID, "2100人次", "result"),
    ("commitment", AID, "1.5万人次", "target"),
    # …and its 全年共资助… after the year it opened on, with the lines that break it down; not a
    # total inside a sentence of intent (将完成…，全年共计增加…)
    ("past_year", "2022年，某某县持续推进学生资助工作。\n全年共资助学生1.6万人次，发放资金1200万元。\n"
                  "学前教育资助900人次，发放资金45万元。\n", "900人次", "result"),
    ("commitment", "记者从会上获悉，2019年，全区将完成3所新建学校项目，全年共计增加学位4170个。\n新建幼儿园两所。\n",
     "4170个", "target"),
    # …and a page that opens on its year's total (全年累计投入…), its year named only later if at all
    ("past_year", "一是办学条件不断改善。全年累计投入教育经费3.2亿元，新增学位1800个。\n二是队伍建设不断加强。组建名师工作室12个。\n"
                  "2021年9月，承办全市教师技能大赛。下一步，将新建学校2所。\n", "12个", "result"),
    ("commitment", "一是办学条件不断改善。全年累计投入教育经费3.2亿元，新增学位1800个。\n二是队伍建设不断加强。组建名师工作室12个。\n"
                   "2021年9月，承办全市教师技能大赛。下一步，将新建学校2所。\n", "2所", "target"),
    # 共 inside a word (共育) states no total; a notice's 要 looks ahead
    ("commitment", "关于做好2024年校社共建工作的通知\n各中小学要与社区结对，每学期开展共建活动不少于3次。\n", "3次", "target"),
]


def test_number_run_excludes_a_long_run_but_not_a_list():
    """A run-on of 40 rates with nothing between them names nothing; a plan's list of five does."""
    run = explain_text(PLAN + "各项指标" + "达到95%、" * 40 + "。")
    assert len(run) == 40 and {(i["status"], i["rule"]) for i in run} == {("excluded", "number_run")}
    listed = explain_text(PLAN + "新建小学3所、初中2所、高中1所、幼儿园5所、托育园4所。")
    assert [i["status"] for i in listed] == ["target"] * 5


def test_nameless_numbers_are_excluded_but_table_values_are_named():
    """A line of nothing but numbers, units and cues names nothing; the same values under a
    flattened table's line of column names are named by their column."""
    junk = explain_text(PLAN + "3.5万元)、不低于120个;45%达到 7倍 二十九项\n")
    assert {(i["status"], i["rule"]) for i in junk} == {("excluded", "nameless")}
    table = explain_text(PLAN + "新增学位 新建学校 招聘教师\n3000个 5所 200名\n")
    assert [i["status"] for i in table] == ["target"] * 3


@pytest.mark.parametrize("rule, text, quote, status", CASES)
def test_rule_decides(rule, text, quote, status):
    assert decision(text, quote) == (status, rule)


def test_every_rule_has_a_test_row():
    tested = {c[0] for c in CASES}
    named = {name for name, _ in rules.EXCLUSIONS + rules.STATUS_RULES + rules.RESULT_EXCLUSIONS}
    assert named - tested == set()


@pytest.mark.parametrize("text, quote, period", [
    (PLAN + "一、2023年工作回顾\n全县新增学位1500个。\n二、2024年重点任务\n", "1500个", "2023"),
    (PLAN + "过去一年，全县新增学位1200个。\n", "1200个", "2023"),
    ("某某区2021年教育发展大会召开\n“十三五”期间，全区新增学位2.8万个。", "2.8万个", "2016-2020"),
    (PLAN + "截至2024年6月，已建成托育机构52个。", "52个", "2024-06"),  # as of June
    (PLAN + "截至9月，全县已新开办学校8所。", "8所", "2024-09"),
    # a summary-and-plan document reports the summary's year
    ("某某县教育局2024年工作总结及2025年工作思路\n（一）夯实基础。新增义务教育学位320个。\n", "320个", "2024"),
    # a sentence without a time of its own: the past year its paragraph last named
    (PLAN + "局长介绍，2022年，全市教育资源持续扩增。开工新建学校83所，这项工作超额完成。", "83所", "2022"),
    (PLAN + "序号\t任务\t年度目标\t1-9月完成情况\n1\t新增托位\t新增托位300个\t已新增托位260个\n", "260个", "2024-09"),
    # a change on last year is this year's; last year's level beside it is last year's
    (FUNDS, "2.84%", "2023"),
    (FUNDS, "40110万元", "2022"),
    (FUNDS, "1.36%", "2023"),
    # a year compared with (比2020年) does not date the change
    (PLAN + "一、2023年工作回顾\n全县学前三年毛入园率为92%，比2020年提高6个百分点。\n二、2024年重点任务\n", "6个百分点", "2023"),
])
def test_result_period(text, quote, period):
    hits = [i for i in explain_text(text) if i["quote"] == quote]
    assert hits[0]["period"] == period


@pytest.mark.parametrize("clause, after, comparator", [
    ("城镇新增就业", "", "="),
    ("外汇储备超过", "", ">="),
    ("新增学位", "余个", ">="),
    ("覆盖率约", "", "~"),
    ("粮食产量", "左右", "~"),
    ("近视率下降", "", "="),  # 近 of 近视 is not 'about'
])
def test_result_comparator(clause, after, comparator):
    assert rules.result_comparator(clause, after, None, False) == comparator


def test_result_rows_have_no_strength_and_keep_the_plan_year():
    from targets import extract_text
    rows = extract_text(PLAN + "一、2023年工作回顾\n全县新增学位1500个。\n二、2024年重点任务\n新增学位800个。\n")
    result, target = rows
    assert (result["status"], result["strength"], result["year"], result["period"]) == ("result", "", 2024, "2023")
    assert (target["status"], target["strength"], target["period"]) == ("target", "firm", "2024")


def test_every_rule_has_a_chinese_label():
    """The dashboard explains decisions in Chinese: every rule a trace can name has a label."""
    from targets.explain import _FINDER_RULES, rule_label
    from targets.vocab import load_vocab
    labels = load_vocab()["rule_labels"]
    named = {n for n, _ in rules.EXCLUSIONS + rules.STATUS_RULES + rules.RESULT_EXCLUSIONS} | set(_FINDER_RULES)
    assert named - set(labels) == set()
    assert rule_label("ordinal").startswith("序数")


def test_explanation_frame_lists_kept_and_excluded_numbers():
    from targets.explain import explanation_frame
    df = explanation_frame(PLAN + "隆重庆祝第41个教师节。新增托位300个。")
    assert list(df["判定"]) == ["排除", "目标"]
    assert list(df["原文"]) == ["41个", "300个"]
    assert df["理由"].iloc[0].startswith("序数") and df["指标"].iloc[1] == "新增托位"


def test_vocabulary_reads_the_same_without_libyaml():
    """PyYAML without its C extension (a source install) must read vocab.yaml as libyaml does:
    a regex entry like 建立了(?!解) stays quoted, or the pure-Python parser stops at it."""
    import yaml

    from targets.vocab import VOCAB_PATH, load_vocab
    assert yaml.load(VOCAB_PATH.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) == load_vocab()
