"""Published forms (Shanghai Putuo 2022, Sichuan Zhongjiang 2022), their cells transcribed from the public
copies, and a continuation title that must not start a new form."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from tests.extract_documents import document

PUTUO_TITLE = ["财政项目支出绩效自评表", "<", "<", "<", "<", "<", "<", "<", "<"]


def _putuo(name: str, total: list[str], rows: list[list[str]], score: str) -> list[list[str]]:
    return [
        PUTUO_TITLE,
        ["（2022年度）", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["项目名称", name, "<", "<", "<", "<", "<", "<", "<"],
        ["主管部门", "上海市普陀区体育局", "<", "<", "实施单位", "上海市普陀区体育事业管理中心", "<", "<", "<"],
        ["项目资金（元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "<"],
        ["^", "年度资金总额", *total, "<"],
        ["^", "其中：当年财政拨款", *total[:3], "—", "", "—", "<"],
        ["^", "上年结转资金", "0", "0", "", "—", "", "—", "<"],
        ["^", "其他资金", "0", "0", "", "—", "", "—", "<"],
        ["年度总体目标", "预期目标", "<", "<", "<", "实际完成情况", "<", "<", "<"],
        ["^", "", "<", "<", "<", "已完成普陀体育中心与委托运营方费用结算。", "<", "<", "<"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],  # noqa: E501
        *rows,
        ["总分", "<", "<", "<", "<", "<", "100", score, ""],
    ]  # fmt: skip


PUTUO_FIRST = _putuo(
    "普陀体育中心与委托运营方结算费用",
    ["250000.00", "250000.00", "215,457.6", "10", "86.19%", "8.62"],
    [
        ["^", "产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", "10", "10", ""],
        ["^", "^", "质量指标", "合同结算条款完成率", "=100%", "100%", "20", "20", ""],
        ["^", "^", "时效指标", "费用结算及时性", "及时", "及时", "20", "20", ""],
        ["^", "效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", "30", "30", ""],
        ["^", "满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", "10", "10", ""],
    ],
    "98.62",
)
PUTUO_SECOND = _putuo(
    "援滇对口支援及结对帮扶经费",
    ["20000.00", "20000.00", "9,034", "10", "45.17%", "4.52"],
    [["^", "产出指标", "数量指标", "经费使用率", "=100%", "45.17%", "50", "22.59", "支付延后"]],
    "27.11",
)


def test_putuo_file_gives_its_first_form() -> None:
    extraction = extract(document(PUTUO_FIRST, PUTUO_SECOND))
    report = extraction.report
    assert report.project.name == "普陀体育中心与委托运营方结算费用"
    assert report.project.implementing_unit == "上海市普陀区体育事业管理中心"
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (
        Decimal("250000"),
        Decimal("250000"),
        Decimal("215457.6"),
    )
    assert budget.evidence["spent"].text == "215,457.6" and budget.evidence["spent"].resolution == Decimal("0.1")
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == (
        "86.19",
        10,
        Decimal("8.62"),
    )
    assert [(s.name, s.planned, s.spent) for s in budget.sources] == [
        ("当年财政拨款", Decimal("250000"), Decimal("215457.6")),
        ("上年结转资金", Decimal(0), None),
        ("其他资金", Decimal(0), None),
    ]
    assert report.project.goal_expected is None
    assert report.project.goal_actual == "已完成普陀体育中心与委托运营方费用结算。"
    assert [i.name for i in report.indicators] == [
        "与委托运营方结算完成率", "合同结算条款完成率", "费用结算及时性", "与委托运营方合同完成率", "场馆开放满意度"
    ]  # fmt: skip
    assert report.indicators[4].target == ">=90%"
    assert report.total_score == Decimal("98.62") and report.scores == []
    assert all(m.evidence.table == 1 for m in extraction.facts.mentions)


ZHONGJIANG = [
    ["绩效目标自评表", "<", "<", "<", "<", "<", "<", "<"],
    ["（2022年度）", "<", "<", "<", "<", "<", "<", "<"],
    ["项目名称", "小型水库水标尺制作安装", "<", "<", "<", "<", "<", "<"],
    ["项目负责人及电话", "谢凯 139****0322(办公)", "<", "<", "<", "<", "<", "<"],
    ["主管部门", "中江县水利局", "<", "<", "实施单位", "中江县水利局", "<", "<"],
    ["资金情况（万元）", "<", "<", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    ["^", "年度资金总额：", "<", "20", "20", "10", "100.00%", "10"],
    ["^", "其中：本年财政拨款", "<", "20", "20", "—", "—", "—"],
    ["^", "其他资金", "<", "", "", "—", "—", "—"],
    ["年度总体目标", "年初设定目标", "<", "<", "年度总体目标完成情况综述", "<", "<", "<"],
    ["^", "对农村地区供水计量设施设备进行改进。", "<", "<", "对项目区农业用水计量。", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    ["产出指标(70分)", "数量指标", "安装坡面水标尺", "10", "≥266米", "≥266米", "10", ""],
    ["^", "质量指标", "项目(工程)验收合格率", "20", "100%", "100%", "20", ""],
    ["^", "成本指标", "项目计划总投资", "10", "20万元", "20万元", "10", ""],
    ["效益指标(20分)", "社会效益指标", "群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10", ""],
    ["满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", "10", "≥95%", "≥95%", "10", ""],
    ["总分", "<", "<", "100", "<", "<", "100", ""],
]


def test_zhongjiang_variant_reads_its_labels() -> None:
    extraction = extract(document("附件：2022年财政衔接资金实施项目绩效自评表", ZHONGJIANG))
    report = extraction.report
    assert report.kind == "self_evaluation_form"
    assert (report.project.leader, report.project.phone) == ("谢凯", "139****0322(办公)")
    assert (report.project.goal_expected, report.project.goal_actual) == (
        "对农村地区供水计量设施设备进行改进。", "对项目区农业用水计量。"
    )  # fmt: skip
    budget = report.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (None, Decimal("200000"), Decimal("200000"))
    assert (str(budget.execution_rate), budget.execution_weight, budget.execution_score) == ("100.00", 10, 10)
    assert [s.name for s in budget.sources] == ["本年财政拨款", "其他资金"]
    assert [(i.level1, i.level1_weight, i.name, i.weight, i.target, i.actual) for i in report.indicators][:2] == [
        ("产出指标", 70, "安装坡面水标尺", 10, "≥266米", "≥266米"),
        ("产出指标", 70, "项目(工程)验收合格率", 20, "100%", "100%"),
    ]
    assert [(w.level1, w.weight) for w in extraction.facts.section_weights] == [
        ("产出指标", 70), ("效益指标", 20), ("满意度指标", 10)
    ]  # fmt: skip
    assert report.total_score == 100


def test_a_continuation_title_does_not_start_a_new_form() -> None:
    head, tail = PUTUO_FIRST[:13], PUTUO_FIRST[13:]
    header = PUTUO_FIRST[11]
    extraction = extract(document(head, "财政项目支出绩效自评表（续）", [header, *tail]))
    assert len(extraction.report.indicators) == 5
    assert extraction.report.total_score == Decimal("98.62")
