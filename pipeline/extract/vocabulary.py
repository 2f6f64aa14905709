"""Label synonyms per field, gathered from every provincial layout the project knows.

Tables and sentences are read by their words, so every way a province prints a
label lives here and nowhere else. Matching is done on `compact()` text: no
whitespace, full-width forms folded, so "项目 名称" and "项目名称" are one label.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def compact(text: str) -> str:
    """Fold full-width forms and drop all whitespace, for comparing labels."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# Project information: field → labels, most specific first (the first that matches wins).
PROJECT_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称",),
    "implementing_unit": (
        "项目实施单位",
        "实施单位",
        "项目单位",
        "预算单位",
        "部门（单位）名称",
        "部门(单位)名称",
        "部门名称",
        "单位名称",
    ),
    "competent_department": ("项目主管单位", "主管部门", "主管单位", "项目主管部门"),
    "leader": ("项目负责人及电话", "项目负责人", "负责人"),
    "phone": ("联系电话", "联络电话", "电话"),
    "address": ("单位地址", "地址"),
    "postcode": ("邮政编码", "邮编"),
    "project_type": ("项目类型", "项目属性", "项目性质"),
    "goal_expected": ("预期目标", "年初设定目标", "项目年度目标", "年度绩效目标"),
    "goal_actual": ("实际完成情况", "年度总体目标完成情况综述", "年度目标完成情况", "总体目标完成情况"),
}
# Fields whose value is running text, kept as printed (only whitespace runs folded).
TEXT_FIELDS = ("goal_expected", "goal_actual")

# Options of 项目类型/项目属性 and what a tick on them means; 新增性 says nothing about recurrence.
PROJECT_TYPE_OPTIONS: dict[str, str | None] = {
    "经常性": "recurring",
    "常年性": "recurring",
    "延续性": "recurring",
    "一次性": "one_off",
    "新增性": None,
}
TICKS = "√✓✔☑■▇●"
EMPTY_BOXES = "□☐"

# Budget quantities printed as table labels (column or row headers).
BUDGET_TABLE_LABELS: dict[str, tuple[str, ...]] = {
    "planned": ("计划投资额", "计划投资", "年初预算数", "年初预算", "预算数(A)", "预算数", "概算总投资", "批复预算"),
    "adjusted": ("全年(调整)预算数", "调整后预算数", "调整后预算", "全年预算数", "全年预算"),
    "received": ("实际到位资金", "实际到位", "到位资金", "资金到位"),
    "spent": ("实际使用情况", "实际支出", "全年执行数", "预算执行数", "执行数(B)", "执行数", "实际使用"),
    "balance": ("结余", "结转结余"),
    "execution_rate": ("执行率", "预算执行率"),
    "execution_weight": ("分值", "权重", "执行率权重"),
    "execution_score": ("得分", "执行率得分", "自评分", "自评得分"),
    "reason": ("原因", "偏差原因"),
}

# Rows of a funds block that hold the whole, not a source.
FUNDS_TOTAL_ROWS = ("年度资金总额", "资金总额", "总额", "合计", "总计")
# Rows that head the sources rather than being one (资金来源 | …).
SOURCES_HEADING = ("资金来源", "资金构成", "其中")
SOURCE_PREFIX = re.compile(r"^(其中)?[:：]?")

# Budget quantities in sentences: the word right before a figure (a token ending in it), most specific first.
BUDGET_TEXT_LABELS: dict[str, str] = {
    "预算执行率": "execution_rate",
    "资金执行率": "execution_rate",
    "执行率": "execution_rate",
    "概算总投资": "planned",
    "计划总投资": "planned",
    "批复总投资": "planned",
    "批复投资": "planned",
    "计划投资": "planned",
    "预算投资": "planned",
    "年初预算": "planned",
    "年初预算数": "planned",
    "预算数": "planned",
    "批复预算": "planned",
    "预算资金": "planned",
    "预算": "planned",
    "调整后预算": "adjusted",
    "调整后": "adjusted",
    "实际投资": "adjusted",
    "全年预算": "adjusted",
    "全年预算数": "adjusted",
    "调整后预算数": "adjusted",
    "实际到位资金": "received",
    "实际到位": "received",
    "到位资金": "received",
    "资金到位": "received",
    "到位": "received",
    "共支出": "spent",
    "资金支出": "spent",
    "全年支出": "spent",
    "年度支出": "spent",
    "本年支出": "spent",
    "实际使用": "spent",
    "实际支出": "spent",
    "共支付": "spent",
    "累计支出": "spent",
    "已支出": "spent",
    "支出总额": "spent",
    "拨付资金": "spent",
    "全年执行数": "spent",
    "预算执行数": "spent",
    "实际执行数": "spent",
    "结余": "balance",
    "结余资金": "balance",
}
# Words between a label and its figure that do not change its meaning.
TEXT_LABEL_LINKS = ("为", "是", "达", "达到", "了", "共", "共计", "合计", "计", "约", "：", ":", "安排", "总额", "金额")

# Budget quantities a share is stated of (占总支出的80.55%).
SHARE_WHOLES = {
    "总支出": "spent", "支出总额": "spent", "全部支出": "spent", "项目支出": "spent", "实际支出": "spent",
    "总投资": "planned", "总预算": "planned", "预算总额": "planned", "年初预算": "planned", "预算资金": "planned",
    "到位资金": "received", "实际到位资金": "received",
}  # fmt: skip

# Words that explain why the budget changed during the year, when an amount goes with them.
ADJUSTMENT_WORDS = ("收回", "调剂", "追加", "调减", "调增", "压减", "核减", "调出", "调入", "调整")

# Sentences that introduce a list of what a whole was made of.
ITEMISATION_TRIGGERS = (
    "具体情况为",
    "具体情况如下",
    "具体为",
    "具体用于",
    "主要用于",
    "分别为",
    "其中",
    "包括",
    "明细为",
)

# Words before a label that make its figure the sum of the same quantity printed before (合计批复总投资).
SUM_WORDS = ("合计", "总计", "共计")

# Words that name a whole, not one of its parts: a list of parts ends where one of them appears.
WHOLE_WORDS = ("合计", "总计", "共计", "小计", "总投资", "总额", "累计")

# Score and indicator tables: column role → header words.
SCORE_COLUMNS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标", "一级", "项目权重", "指标类型"),
    "level2": ("二级指标", "二级", "评价内容"),
    "level3": ("三级指标", "三级", "指标名称", "指标内容"),
    "weight": ("分值", "权重", "指标分值", "指标权重", "指标权重(分)", "标准分"),
    "score": ("得分", "自评得分", "自评分", "评价得分", "指标得分", "指标得分(分)", "实际得分"),
}
# Header words that make a score table an indicator table: it also states targets or results.
TARGET_COLUMNS: dict[str, tuple[str, ...]] = {
    "target": ("绩效目标", "年度指标值", "指标值", "年初指标值", "目标值", "年初设定目标", "预期目标值"),
    "actual": ("实际完成值", "完成值", "全年实际值", "年终完成值", "全年完成值", "实际值", "实际完成情况"),
    "adjusted_target": ("调整指标值", "调整后指标值"),
    "comparator": ("指标性质",),
    "unit": ("度量单位", "计量单位"),
    "reason": ("偏差原因分析及改进措施", "未完成原因分析", "未完成原因及拟采取的改进措施", "偏差原因", "原因分析"),
    "tiers": ("绩效标准", "评分标准等级"),
}
TIER_NAMES = ("优", "良", "中", "差")

# Rows that sum up other rows rather than being one; the total ones close their table section.
SUBTOTAL_WORDS = ("小计", "合计", "总分", "总计", "总得分", "自评总分")
TOTAL_WORDS = ("合计", "总分", "总计", "总得分", "自评总分")

# Words that open a new section in a table (一、项目基本情况 / 二、绩效评价指标评分).
SECTION_HEAD = re.compile(r"^[一二三四五六七八九十]+[、.．]")

# Headings that open the conclusion of an evaluation report.
CONCLUSION_HEADINGS = ("评价结论", "综合评价", "总体评价", "自评结论", "评价结果")

# Total score and grade in the text.
# Words that name the total score anywhere; a bare 得分/评分 names it only inside the conclusion section
# (elsewhere it is one indicator's score: 资金到位率得分3分).
TOTAL_SCORE_TEXT = re.compile(
    r"(?:评定分|评定得分|评价得分|自评得分|综合得分|综合评分|总得分|自评总分|总分|最终得分)"
    r"[为是：:\s达]*(?P<value>\d+(?:\.\d+)?)\s*分"
)
TOTAL_SCORE_IN_CONCLUSION = re.compile(r"(?:得分|评分)[为是：:\s达]*(?P<value>\d+(?:\.\d+)?)\s*分")
GRADE_TEXT = re.compile(
    r"(?:评价结果|评价等级|评定等级|绩效等级|自评等级|等级|评价结论|评级)[为是：:\s\"“”'‘’「」为]*"
    r"(?P<grade>[优良中差])(?:秀|好|等|级)?(?![\u4e00-\u9fff]{2})"
)

GRADE_LABELS = ("评价等级", "自评等级", "等级", "绩效等级", "评定等级", "评价结果")

# Genre words in titles.
DEPARTMENT_TITLE = re.compile(r"整体支出.{0,6}(?:绩效|评价)|部门(?:\(单位\)|（单位）)?整体绩效")
REPORT_TITLE = re.compile(r"(?:评价|自评|绩效|评估)报告")
FORM_TITLE = re.compile(r"(?:自评表|绩效目标自评表|绩效自评表|评价表)")

YEAR_TEXT = re.compile(r"(?<!\d)(20\d{2})\s*年度")
