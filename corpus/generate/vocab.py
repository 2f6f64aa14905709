"""Words the generator draws from: places, projects, units, people, spending items, indicators, label synonyms.

The label variants come from the provincial layouts in the project's domain rules, so
that a generated corpus exercises every vocabulary the extractor must know.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCES = ("海南省", "四川省", "云南省", "北京市", "重庆市", "湖北省", "湖南省", "河北省", "安徽省", "上海市")
CITIES = ("德阳市", "丽江市", "随州市", "株洲市", "邢台市", "淮南市", "海口市", "岳阳市", "绵阳市", "曲靖市", "襄阳市")
COUNTIES = ("中江县", "古城区", "广水市", "渌口区", "临城县", "寿县", "秀英区", "岳阳县", "江油市", "宣威市", "谷城县")
STREETS = ("人民路", "解放大道", "建设路", "滨江路", "五指山南路", "文化路", "长江路", "府前街")

AGENCIES = (
    ("水利局", "水务局"),
    ("教育局", "教育体育局"),
    ("农业农村局", "农业农村局"),
    ("卫生健康委员会", "卫生健康委员会"),
    ("自然资源局", "自然资源和规划局"),
    ("交通运输局", "交通运输局"),
    ("文化和旅游局", "文化广电和旅游局"),
    ("民政局", "民政局"),
    ("政务服务中心", "人民政府办公室"),
    ("体育事业管理中心", "体育局"),
)

PROJECT_TOPICS = (
    "农村饮水安全巩固提升",
    "农业水价综合改革精准补贴",
    "义务教育学生营养改善计划",
    "政务大厅运行保障",
    "城镇老旧小区改造配套",
    "自然资源卫片执法补助",
    "农村公路养护",
    "基层医疗卫生机构能力建设",
    "公共文化场馆免费开放",
    "困难群众临时救助",
    "高标准农田建设",
    "全民健身场地设施维护",
    "小型水库安全运行管护",
    "乡村学校少年宫运行",
    "森林防火专项",
    "12345便民服务热线运行",
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华飞鹏辉玲斌宇浩凯健俊帆雪琳晨欣涵睿"

SPENDING_ITEMS = (
    "办公设备购置",
    "办公耗材及日常用品",
    "设备维修（护）费",
    "人员培训及差旅费",
    "邮电通讯费",
    "物业管理费",
    "印刷费",
    "劳务费及委托业务费",
    "聘用人员工资",
    "工程建设费",
    "材料采购费",
    "信息系统运维费",
    "专家咨询费",
    "宣传费",
    "其他商品和服务支出",
)

ADJUSTMENT_WORDS_DOWN = ("财政收回", "调剂", "压减")
ADJUSTMENT_WORDS_UP = ("追加",)


@dataclass(frozen=True)
class IndicatorTemplate:
    """One kind of indicator row: where it sits and how its target and result read."""

    level1: str  # 产出 / 效益 / 满意度
    level2: str
    name: str
    kind: str  # rate (≥ t%), count (≥ n unit), cap (≤ n unit), equal (= n unit), time, qual
    unit: str = ""


INDICATORS: tuple[IndicatorTemplate, ...] = (
    IndicatorTemplate("产出", "数量指标", "改造供水管网长度", "count", "公里"),
    IndicatorTemplate("产出", "数量指标", "开展业务培训", "count", "次"),
    IndicatorTemplate("产出", "数量指标", "受益学生人数", "count", "人"),
    IndicatorTemplate("产出", "数量指标", "维修设施设备数量", "count", "台"),
    IndicatorTemplate("产出", "数量指标", "安装计量设施", "count", "套"),
    IndicatorTemplate("产出", "数量指标", "发放补助资金户数", "equal", "户"),
    IndicatorTemplate("产出", "质量指标", "项目验收合格率", "rate", "%"),
    IndicatorTemplate("产出", "质量指标", "设备完好率", "rate", "%"),
    IndicatorTemplate("产出", "质量指标", "资金使用合规率", "rate", "%"),
    IndicatorTemplate("产出", "时效指标", "项目完成及时率", "rate", "%"),
    IndicatorTemplate("产出", "时效指标", "资金拨付及时性", "qual"),
    IndicatorTemplate("产出", "时效指标", "项目完成时间", "time"),
    IndicatorTemplate("产出", "成本指标", "项目总成本", "cap", "万元"),
    IndicatorTemplate("产出", "成本指标", "单位运维成本", "cap", "元/台"),
    IndicatorTemplate("效益", "社会效益指标", "群众办事便利度", "qual"),
    IndicatorTemplate("效益", "社会效益指标", "服务覆盖率", "rate", "%"),
    IndicatorTemplate("效益", "社会效益指标", "受益群众人数", "count", "人次"),
    IndicatorTemplate("效益", "经济效益指标", "带动农户增收", "count", "万元"),
    IndicatorTemplate("效益", "生态效益指标", "水土流失治理面积", "count", "亩"),
    IndicatorTemplate("效益", "可持续影响指标", "长效管护机制建立情况", "qual"),
    IndicatorTemplate("效益", "可持续影响指标", "设施持续使用年限", "count", "年"),
    IndicatorTemplate("满意度", "服务对象满意度指标", "服务对象满意度", "rate", "%"),
    IndicatorTemplate("满意度", "服务对象满意度指标", "受益群众满意度", "rate", "%"),
)

QUALITATIVE_TARGETS = {
    "资金拨付及时性": ("及时", "及时"),
    "群众办事便利度": ("有所改善", "明显改善"),
    "长效管护机制建立情况": ("建立", "已建立"),
}
"""Short qualitative target → result pairs that say something checkable (not 效果明显 / 完成)."""

MISPLACED_LEVEL2 = {"产出": "社会效益指标", "效益": "数量指标", "满意度": "质量指标"}
"""A level-2 heading that does not belong under the level-1 key (indicator.misplaced)."""

# Level-1 headings of self-evaluation forms: family → printed variants.
FORM_LEVEL1 = {"产出": ("产出指标",), "效益": ("效益指标",), "满意度": ("满意度指标", "服务对象满意度指标")}

# Score frameworks of evaluation reports: level-1 (name, weight) → level-2 (name, [(level-3, weight)]).
Framework = tuple[tuple[str, int, tuple[tuple[str, tuple[tuple[str, int], ...]], ...]], ...]

FRAMEWORK_10HAO: Framework = (
    ("决策", 20, (
        ("项目立项", (("立项依据充分性", 3), ("立项程序规范性", 3))),
        ("绩效目标", (("绩效目标合理性", 4), ("绩效指标明确性", 4))),
        ("资金投入", (("预算编制科学性", 3), ("资金分配合理性", 3))),
    )),
    ("过程", 20, (
        ("资金管理", (("资金到位率", 4), ("预算执行率", 4), ("资金使用合规性", 4))),
        ("组织实施", (("管理制度健全性", 4), ("制度执行有效性", 4))),
    )),
    ("产出", 30, (
        ("产出数量", (("实际完成率", 10),)),
        ("产出质量", (("质量达标率", 8),)),
        ("产出时效", (("完成及时性", 6),)),
        ("产出成本", (("成本节约率", 6),)),
    )),
    ("效益", 30, (
        ("项目效益", (("社会效益", 10), ("可持续影响", 10), ("服务对象满意度", 10))),
    )),
)  # fmt: skip

FRAMEWORK_HAINAN: Framework = (
    ("项目决策", 20, (
        ("项目目标", (("目标内容", 4),)),
        ("决策过程", (("决策依据", 3), ("决策程序", 5))),
        ("资金分配", (("分配办法", 2), ("分配结果", 6))),
    )),
    ("项目管理", 25, (
        ("资金到位", (("到位率", 3), ("到位时效", 2))),
        ("资金管理", (("资金使用", 7), ("财务管理", 3))),
        ("组织实施", (("组织机构", 1), ("管理制度", 9))),
    )),
    ("项目绩效", 55, (
        ("项目产出", (("产出数量", 15), ("产出质量", 10), ("产出时效", 5))),
        ("项目效益", (("社会效益", 15), ("服务对象满意度", 10))),
    )),
)  # fmt: skip

FRAMEWORK_YINCHUAN: Framework = (
    ("决策", 10, (
        ("项目立项", (("立项依据充分性", 3), ("立项程序规范性", 2))),
        ("绩效目标", (("绩效目标合理性", 3), ("绩效指标明确性", 2))),
    )),
    ("管理", 25, (
        ("资金管理", (("资金到位率", 5), ("预算执行率", 5), ("资金使用合规性", 5))),
        ("组织实施", (("管理制度健全性", 5), ("制度执行有效性", 5))),
    )),
    ("产出", 30, (
        ("产出数量", (("实际完成率", 10),)),
        ("产出质量", (("质量达标率", 10),)),
        ("产出时效", (("完成及时性", 10),)),
    )),
    ("效益", 35, (
        ("项目效益", (("社会效益", 15), ("可持续影响", 10), ("服务对象满意度", 10))),
    )),
)  # fmt: skip

FRAMEWORKS: dict[str, Framework] = {
    "10hao": FRAMEWORK_10HAO,
    "hainan": FRAMEWORK_HAINAN,
    "yinchuan": FRAMEWORK_YINCHUAN,
}

# Report label variants.
REPORT_TITLES = ("{name}项目绩效评价报告", "{name}项目支出绩效评价报告", "{year}年度{name}项目绩效自评报告")
PLANNED_TABLE_LABELS = ("计划投资额", "年初预算数", "预算数")
RECEIVED_TABLE_LABELS = ("实际到位资金", "到位资金")
SPENT_TABLE_LABELS = ("实际使用情况", "实际支出", "预算执行数")
REPORT_SOURCES = (
    ("中央财政", "省财政", "市县财政", "其他"),
    ("中央财政资金", "省级财政资金", "市县财政资金", "其他资金"),
    ("中央补助", "本级财政", "其他资金"),
)
UNIT_LABELS = ("项目实施单位", "实施单位", "项目单位")
DEPARTMENT_LABELS = ("主管部门", "项目主管部门", "主管单位")
PLANNED_TEXT_LABELS = ("概算总投资", "年初预算", "计划总投资", "批复预算")
SPENT_TEXT_LABELS = ("共支出", "实际支出", "累计支出")
GRADE_PHRASES = ("评价结果为{grade}", "评价等级为{grade}", "绩效等级为“{grade}”")
TOTAL_PHRASES = ("项目评定分为{total}分", "综合评价得分为{total}分", "评价得分{total}分")
