"""Rebuild the seed report — the 2020 综合事务 项目绩效评价报告 — as a Word document.

The seed reached the project as a text dump of its .docx (tables flattened one cell
per line). This module holds that text and lays it out again as a real document:
the 绩效目标表 with its two-row header and vertically merged 指标类型 cells, the
project-info and score tables as one Word table whose rows cover a 7-column grid
through gridSpan/vMerge, the narrative with Heading styles, a picture in the
项目目标 cell, a page header and a PAGE-field footer. The output is byte-stable so
the committed sample can be checked against a rebuild.

    python -m corpus.seed --out corpus/samples/seed/zonghe-shiwu-2020.docx
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

UNIT_NAME = "海南省人民政府政务服务中心"
FIXED_TIME = dt.datetime(2021, 3, 31, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2021, 3, 31, 9, 0, 0)

TITLE, SUBTITLE, H1, H2, H3 = "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"
BODY, PLAIN, TABLE_TEXT = "Body Text", "Normal", "Table Text"
BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"


@dataclass(frozen=True)
class Para:
    text: str
    style: str = PLAIN


@dataclass(frozen=True)
class Cell:
    """One logical cell: its text (lines become paragraphs), grid width and vertical-merge role."""

    text: str = ""
    span: int = 1
    vmerge: Literal["restart", "continue"] | None = None
    picture: bool = False


@dataclass(frozen=True)
class TableSpec:
    widths_cm: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]


Block = Para | TableSpec
BLANK = Para("")
UNDER = Cell(vmerge="continue")
"""A grid position covered by the vertically merged cell above."""


def top(text: str) -> Cell:
    """The first cell of a vertical merge."""
    return Cell(text, vmerge="restart")


def row(*cells: str | Cell) -> tuple[Cell, ...]:
    return tuple(c if isinstance(c, Cell) else Cell(c) for c in cells)


# fmt: off
TARGETS_TABLE = TableSpec(
    widths_cm=(2.0, 5.4, 1.9, 1.6, 1.6, 1.6, 1.9),
    rows=(
        row(top("指标类型"), top("指标名称"), top("绩效目标"), Cell("绩效标准", span=4)),
        row(UNDER, UNDER, UNDER, "优", "良", "中", "差"),
        row(
            top("产出指标   "),
            "发放综合受理、人才一站式窗口、大厅保障等长聘人员工资发放及时率（55人/次）",
            "100%", "100%", "95%", "90%", "90%以下",
        ),
        row(UNDER, "计划维修（护）工作量完成率", "95% ", "95%", "90%", "85%", "85%以下"),
        row(UNDER, "各种文件印刷工作量完成率", "95%", "95%", "90%", "85%", "85%以下"),
        row(UNDER, "对全省39824项政务服务事项要素法核达到90%以上", "90%", "90%", "85%", "80%", "80%以下"),
        row(
            top("效益指标"),
            "受理政务大厅36个审批办办件量约80000项。办件率达到95%以上。",
            "95%", "95%", "90%", "85%", "85%以下",
        ),
        row(UNDER, "政务大厅正常运转天数365天。", "365天", "365天", "350天", "330天", "320天以下"),
        row("满意度指标", "大厅及招投标平台满意度", "达到98%", "98%", "90%", "85%", "85%以下"),
    ),
)


def _source_row(name: str, planned: str, received: str) -> tuple[Cell, ...]:
    return row(name, planned, name, received, "", Cell(span=2))


INFO_AND_SCORE_TABLE = TableSpec(
    widths_cm=(2.6, 1.7, 2.6, 1.7, 2.8, 1.5, 1.5),
    rows=(
        row(Cell("一、项目基本情况", span=7)),
        row("项目实施单位", Cell("省政务中心", span=3), "主管部门", Cell("省政务中心", span=2)),
        row("项目负责人", Cell("郑锋", span=3), "联系电话", Cell("65203253", span=2)),
        row("地址", Cell("海南省海口市五指山南路3号", span=3), "邮编", Cell("570203", span=2)),
        row("项目类型", Cell("经常性项目（  √ ）       一次性项目（  ）", span=6)),
        row("计划投资额\n\n（万元）", "670.64", "实际到位资金（万元）", "670.64", "实际使用情况（万元）",
            Cell("558.01", span=2)),
        _source_row("其中：中央财政", "", ""),
        _source_row("省财政", "670.64", "670.64"),
        _source_row("市县财政", "", ""),
        _source_row("其他", "", ""),
        row(Cell("二、绩效评价指标评分", span=7)),
        row("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"),
        row(top("项目决策"), top("20"), Cell("项目目标", picture=True), "4", "目标内容", "4", "4"),
        row(UNDER, UNDER, top("决策过程"), top("8"), "决策依据", "3", "3"),
        row(UNDER, UNDER, UNDER, UNDER, "决策程序", "5", "5"),
        row(UNDER, UNDER, top("资金分配"), top("8"), "分配办法", "2", "1"),
        row(UNDER, UNDER, UNDER, UNDER, "分配结果", "6", "4"),
        row(top("项目管理"), top("25"), top("资金到位"), top("5"), "到位率", "3", "3"),
        row(UNDER, UNDER, UNDER, UNDER, "到位时效", "2", "2"),
        row(UNDER, UNDER, top("资金管理"), top("10"), "资金使用", "7", "7"),
        row(UNDER, UNDER, UNDER, UNDER, "财务管理", "3", "3"),
        row(UNDER, UNDER, top("组织实施"), top("10"), "组织机构", "1", "1"),
        row(UNDER, UNDER, UNDER, UNDER, "管理制度", "9", "9"),
    ),
)
# fmt: on

FRONT_MATTER: tuple[Block, ...] = (
    Para(" 项目绩效目标表", TITLE),
    BLANK,
    Para("项目名称：综合事务"),
    TARGETS_TABLE,
    BLANK,
    BLANK,
    Para("注：以预算批复的绩效目标为准填列。如预算申报时没有填报绩效目标的，根据 项目测算明细或实施计划填写。"),
    Para("项目基本信息", SUBTITLE),
    BLANK,
    INFO_AND_SCORE_TABLE,
)

NARRATIVE: tuple[Block, ...] = (
    Para(" 综合事务项目绩效评价报告", TITLE),
    BLANK,
    Para("项目概况", H1),
    BLANK,
    Para("（一）项目单位基本情况。", H2),
    BLANK,
    Para(
        (
            "海南省人民政府政务服务中心（以下简称省政务中心）是省委、省政府为深化行政审批制度改革，加快建设服"
            "务型政府而设立的，集行政审批、公共资源交易服务、人才服务、12345政务服务便民热线等功能于一体的省"
            "级综合政务服务平台。具体职责范围为："
        ),
        BODY,
    ),
    BLANK,
    Para("(1)组织协调、监督管理和指导服务省直进驻部门集中开展行政审批工作；", BODY),
    Para(
        (
            "(2)负责公共资源交易平台交易活动的监督管理和服务，对政府投资的建设项目和政府采购项目的招投标实施"
            "监督并提供服务；"
        ),
        BODY,
    ),
    Para("（3）组织协调全省政务服务中心工作，指导推动市县政务服务中心建设；", BODY),
    Para("（4）负责建设全省统一政务服务信息平台，推进政务公开和政府信息公开；", BODY),
    Para(
        (
            "（5）负责省级人才服务“单一窗口”的建设、运行和管理，受理窗口人才服务事项，指导市县人才服务和“单一"
            "窗口”的建设工作；"
        ),
        BODY,
    ),
    Para("（6）负责12345政务服务便民热线的建设、运行和管理；", BODY),
    Para("（7）办理省政府交办的其他工作。", BODY),
    BLANK,
    Para("（二）项目基本性质、用途和主要内容、涉及范围。", H2),
    BLANK,
    Para(
        (
            "政务大厅运行项目属于经常性保障项目，该项目主要用于保障各厅局进驻政务大厅审批办工作的办公耗材、办"
            "公设备、日常用品、办公电话费、政务大厅公用设备的维修（护）、政务大厅工作人员培训、考察、调研相关"
            "费用、政务大厅非财政供养人员午餐费、政务大厅安保、卫生防疫、聘请政务大厅及行政审批事项法律顾问、"
            "政务大厅宣传板报的制定、政务大厅审批办报刊杂志订阅及为保障政务大厅工作正常开展长期聘用人员和劳务"
            "派遣人员工资等。"
        ),
        BODY,
    ),
    BLANK,
    Para("项目资金使用及管理情况", H1),
    BLANK,
    Para("（一）项目资金到位情况分析。", H2),
    BLANK,
    Para(
        (
            "综合事务项目概算总投资为670.64万元,年中财政收回57.63万元，调剂55万元给下属单位省交易服务中心用于"
            "支付“省公共资源交易互联互通交易平台”信息运维合同缺口资金（因上年度预算进度没达标预算压减导致合同"
            "资金缺口），2020年度该项目实际投资为558.01万元。"
        ),
        BODY,
    ),
    Para("该项目是年初下达项目资金预算时同时下达的，资金全部到位。", BODY),
    BLANK,
    Para("（二）项目资金使用情况分析。", H2),
    BLANK,
    Para(
        (
            "截止到2020年12月31日，综合事务项目资金共支出512.02万元，具体情况为：、政务大厅审批办办公设备耗材"
            "日常办公用品保障25.39万元、政务大厅维修（护）9.96万元、政务大厅审批办及中心工作人员培训、调研差"
            "旅费11.06万元、政务大厅审批办工作邮电费31.69万元、物业管理费0.94万元、其他交通费0.43万元、政务大"
            "厅聘用人员工资179.10万元、办公设备购置及信息网络购置更新29.79万元、印刷费4.42万元、劳务费及委托"
            "业务费162.63万元、其他商品和服务支出56.61万元。"
        ),
        BODY,
    ),
    BLANK,
    Para("（三）项目资金管理情况分析。", H2),
    BLANK,
    Para(
        (
            "综合事务项目所有资金实行专款专用。项目支出均有相关的授权审批，资金拨付严格审批程序，使用规范，会"
            "计核算结果真实、准确。项目单位建立健全项目实施预算方案、财务管理制度和会计核算制度，此次绩效评价"
            "过程中未发现有截留、挤占或挪用项目资金的情况。"
        ),
        BODY,
    ),
    BLANK,
    Para("三、项目组织实施情况", H1),
    BLANK,
    Para("（一）项目组织情况分析。", H2),
    BLANK,
    Para(
        (
            "政务大厅运行属于经常性保障项目，项目由综合处负责根据政务大厅审批办及办公场所需要安排保障，政务大"
            "厅审批办的经常性办公耗材及用品统一由综合处按省财政厅政府采购要求在网上商城采购，或在单位定点处比"
            "价后购买，再由各审批办根据工作需要申报核发。办公耗材及用品采购、物品入库、领取都严格执照中心制定"
            "的相关规定执行。 "
        ),
        BODY,
    ),
    BLANK,
    Para("（二）项目管理情况分析。", H2),
    BLANK,
    Para(
        (
            "综合事务项目管理主要采取集中管理的模式，项目由综合处代表中心统一管理，各部门根据需要由部门使用人"
            "提出申请，部门负责人审核后，报综合处审核，按照中心财务管理规定权限呈报审批，由综合处负责按规定要"
            "求采购和管理保障。达到固定资产标准的要按规定计入固定资产账目。"
        ),
        BODY,
    ),
    Para("四、项目绩效情况", H1),
    BLANK,
    Para("（一）项目绩效目标完成情况分析。", H2),
    BLANK,
    Para("1. 项目的经济性分析。    ", H3),
    Para(
        (
            "（1）项目成本（预算）控制情况。本项目预算投资670.64万元,用于政务大厅的运行及正常保障，在政务大厅"
            "办公设备、办公耗材、日常用品等保障过程中，采取达到政府采购标准的按公开招投标进行招标，未达到标准"
            "的物品，通过成本比较的方式，对项目成本进行控制，有效节约了成本。在调研、考察时尽量控制人员数量，"
            "以减少项目预算成本，在新闻报道和宣传方面，我们主要选择多家媒体进行比较，看谁的影响面广、价格又相"
            "对便宜，就和谁签订合同，以降低项目成本。"
        ),
        BODY,
    ),
    BLANK,
    Para(
        (
            "（2）项目成本（预算）节约情况。综合事务项目的预算为670.64万元，该项目属于经常性保障项目，为达到"
            "节约成本的目的，我们采购物品实行对比制度，同样的商品谁的价格低我们就选择谁，并与其签订采购合同，"
            "作为定点供应商，有效保障了采购的商品质量好、成本低，节约了财政资金。"
        ),
        BODY,
    ),
    Para("2. 项目的效率性分析。", H3),
    BLANK,
    Para(
        (
            "（1）项目的实施进度。该项目是按照政务大厅工作的需求逐步进行保障，到2020年底已全部完成了政务大厅"
            "运行保障目标。"
        ),
        BODY,
    ),
    BLANK,
    Para(
        (
            "（2）项目完成质量。该项目属于经常性保障项目，主要用于进驻政务大厅审批办办公及日常用品等保障，保"
            "障方式是根据审批办需求，围绕落实“最大限度减少行政审批、最大限度便民服务、简化优化公共服务、加强"
            "事中事后监管”等方面任务进行，有效的完成了2020年度政务大厅审批办工作生活各项保障。"
        ),
        BODY,
    ),
    BLANK,
    Para(" 3. 项目的效益性分析。", H3),
    BLANK,
    Para("（1）项目预期目标完成程度。该项目截止到2020年12月底，预期目标已完成。", BODY),
    BLANK,
    Para("（2）项目实施对经济和社会的影响。该项目的实施方便了企业和办事群众，并认真落实年度工作计划。", BODY),
    BLANK,
    Para(
        (
            "①积极推进全省一体化政务服务平台建设。一是打造“海南政务服务网”全省“一网通办”总门户，覆盖省、市、"
            "县(区)、乡镇(街道)、村(社区)五级政务服务体系，累计入网事项49544项。网上政务服务能力总体指数81.02"
            "分，在全国省级政府中排名第18，进入第二梯队。二是梳理完成全省“6+1”（行政许可、行政给付、行政确认"
            "、行政奖励、行政裁决、其他权力、公共服务）事项目录和要素。三是电子证照共享应用已完成230类，2500"
            "万个电子证照制发，汇聚到国家平台的证照种类220类，数量2483万。四是推进与省级部门业务系统和国家部"
            "门垂直业务系统对接，横向已对接18个部门29个系统，纵向已经对接7个部委11个垂直系统。初步建立统一身"
            "份认证、统一电子印章、统一电子证照、统一在线支付、统一物流、统一事项库等6个应用支撑体系。五是全"
            "省政务服务“好差评”系统、海南政务服务APP上线试运行。六是推进智慧海南政务（警务）便民服务站（点）"
            "建设。已建成的500个便民服务站（点），实现了24小时“一机、刷脸、自助”办理公安、社保、公积金、民政"
            "、住建、发改等231项政务事项。11月27日，开通闽琼桂三地自助政务服务“跨省通办”，启用全国首个“跨省通"
            "办”自助机政务服务平台。七是推进“互联网+监管”系统建设。持续指导督促全省各部门认领监管目录清单和添"
            "加检查实施清单，省级部门和各市县均已达标。八是海南省行政审批中介服务管理平台启用。中介服务机构入"
            "驻范围及资质分类达68类，基本涵盖了当前中介服务市场种类。5月份正式上线运行至年底，入驻服务事项32"
            "项，入驻项目业主1363家，入驻中介机构893家；发布公告需求1705次，选取结束1690次，签约项目870个，履"
            "约结束212个。"
        ),
        BODY,
    ),
    Para(
        (
            "②全面推行市县“一枚印章管审批”改革。全省23个市县、市辖区均已设立行政审批服务局，完成事项划转，正"
            "式实施“一枚印章管审批”，实现了全覆盖。"
        ),
        BODY,
    ),
    Para(
        (
            "③落实《海南自由贸易港建设总体方案》要求，积极推进“极简审批”改革。经过调研评估，在洋浦经济开发区"
            "、海口江东新区、海口综合保税区、三亚中央商务区、文昌国际航天城、陵水黎安国际教育创新试验区共6个"
            "新增重点园区进一步推广“极简审批”。“极简审批”被写入《海南自由贸易港建设总体方案》，立法推行重点园"
            "区极简审批改革获得第一届海南省改革和制度创新奖一等奖。"
        ),
        BODY,
    ),
    Para(
        (
            "④大力推行综合窗口受理制改革。全年，36个省直单位的2074个政务服务事项中1648个纳入综合窗口受理，占"
            "比80%，实现“70%以上”的阶段性目标。共收件40531件，办结39396件，办结提速58%，提前办结率99%。"
        ),
        BODY,
    ),
    Para(
        (
            "⑤不断加强省公共资源交易平台建设。目前，全省已完成13个市县的联网（子）平台建设，全省14个交易平台"
            "信息系统互联互通，共完成交易项目6069个，总金额2217.72亿元。会同省发展改革委创新红黑名单再分类制"
            "度和集中授权模式，实现全省公共资源交易信用核查和联合奖惩智能化应用。该项工作被列为中国（海南）自"
            "贸区第五批制度创新案例，获第一届海南省改革和制度创新奖二等奖，中央广播电视总台做了报道。"
        ),
        BODY,
    ),
    BLANK,
    Para(
        (
            "⑥贯彻落实《百万人才进海南行动计划》，为省级人才提供“一站式”服务。依托全省一体化政务服务平台，省"
            "级人才服务“一站式”平台正式上线试用。梳理和规范人才服务事项，编制办理指南，重新形成了省级和市县人"
            "才服务事项清单。将高层次人才认定、人才团队认定等16项省级人才服务事项；人才落户、出入境、社保、医"
            "保和海关监管等14大类96项人才服务事项，集中到中心大厅“一窗受理”。截至年底，平台累计受理高层次人才"
            "认定和备案材料9297人次；流动人员专业技术资格确认91人次；天涯英才卡申请14484人次，发放11405张；人"
            "才住房补贴申请1846人次；高层次人才子女入学“一事一议”3人次;接受咨询20812人次。"
        ),
        BODY,
    ),
    BLANK,
    Para("4. 项目的可持续性分析。", H3),
    BLANK,
    Para(
        (
            "该项目的属于经常性保障项目，项目主要用于保障进驻政务37个进驻部门集中开展审批服务工作、政务大厅环"
            "境设施维修维护及中心本级的日常办公等支出，属于保运转项目，项目需要持续保留。 "
        ),
        BODY,
    ),
    BLANK,
    Para("5.项目预算批复的绩效指标完成情况分析。", H3),
    BLANK,
    Para(
        (
            "该项目截止到2020年12月31日，综合事务项目共支付512.02万元，结余45.99万元未支出，预算执行率为91.76"
            "%。结余原因是综合服务受理窗口劳务派遣辞职人员剩余劳务费。"
        ),
        BODY,
    ),
    Para("五、综合评价情况及评价结论", H1),
    BLANK,
    Para(
        (
            "该项目从可持续发展角度而言，整体发挥的社会效益明显，极大的方便了企业和办事群众，经评价小组综合分"
            "析，项目评定分为97分，评价结果为优。"
        ),
        BODY,
    ),
    Para("六、主要经验及做法、存在的问题和建议", H1),
    BLANK,
    Para(
        (
            "政务大厅运行项目是保障进入大厅审批办工作的正常运转，为确保各审批办人员工作规范、高效，我们主要采"
            "取了以下作法：一是严格执行绩效考核。认真落实绩效考核制度，每季度公布绩效考核情况，调动审批工作人"
            "员的工作主动性、积极性、创造性和创先争优的意识。二是加强对审批办件工作监督。安排专人对审批系统进"
            "行监督和检查，动态监管审批系统中办件情况是否规范。同时，坚持做好每月办件抽查，以抽查促规范。三是"
            "切实做好窗口日常管理。坚持考勤登记，机关纪委牵头，每天坚持巡查和视频检查，编写巡查记录表，及时处"
            "理和纠正巡查时发现的问题，维护大厅良好工作秩序。四是积极开展业务学习交流活动。"
        ),
        BODY,
    ),
    BLANK,
    Para(
        (
            "存在的问题：部分项目产出指标在项目库未做调整。近几年，随着行政审批制度改革的不断推进，部分原制定"
            "的产出指标已不适用，需要进行调整。如原制定的印刷办事指南等。"
        ),
        BODY,
    ),
    BLANK,
    Para(
        (
            "改进措施：下一年度，在编制项目预算时，对照中心职能职责及行政审批制度改革工作的要求，及时调整设置"
            "的项目产出指标及成效指标，确保项目完成时产出指标与成效指标相匹配。继续做好预算执行工作，以充足、"
            "高质量的财力保障省政务大厅正常 运转工作。"
        ),
        BODY,
    ),
    Para(" ", BODY),
)

BLOCKS: tuple[Block, ...] = FRONT_MATTER + NARRATIVE


def build_document() -> WordDocument:
    document = Document()
    _set_page(document)
    _set_styles(document)
    _add_header_and_footer(document)
    for block in BLOCKS:
        if isinstance(block, TableSpec):
            _add_table(document, block)
        else:
            document.add_paragraph(block.text, style=block.style)
    _set_core_properties(document)
    return document


def write_docx(out: Path) -> None:
    """Build the seed and save it with fixed zip timestamps, so a rebuild is byte-identical."""
    buffer = io.BytesIO()
    build_document().save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            dst.writestr(stable, src.read(info.filename))


def _set_page(document: WordDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin = section.bottom_margin = Cm(2.5)


def _set_fonts(rpr: BaseOxmlElement, east_asian: str) -> None:
    """Explicit Latin and East-Asian fonts instead of theme fonts, so CJK text renders as Chinese."""
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
    rpr.insert(0, fonts)


def _set_styles(document: WordDocument) -> None:
    styles = document.styles
    default_rpr = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_fonts(default_rpr, BODY_FONT)
    default_rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")

    normal = styles[PLAIN]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25
    body = styles[BODY]
    body.paragraph_format.first_line_indent = Pt(24)
    body.paragraph_format.space_after = Pt(0)
    table_text = styles.add_style(TABLE_TEXT, 1)
    table_text.base_style = normal
    table_text.font.size = Pt(10.5)
    table_text.paragraph_format.line_spacing = 1.0

    for name, size in ((TITLE, 18), (SUBTITLE, 14), (H1, 16), (H2, 14), (H3, 12)):
        style = styles[name]
        _set_fonts(style.element.get_or_add_rPr(), HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if name in (H1, TITLE) else 6)
        style.paragraph_format.space_after = Pt(6)
        if name in (TITLE, SUBTITLE):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            border = style.element.pPr.find(qn("w:pBdr"))
            if border is not None:
                style.element.pPr.remove(border)


def _add_header_and_footer(document: WordDocument) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = UNIT_NAME
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(footer)


def _add_page_field(paragraph: WordParagraph) -> None:
    """第 {PAGE} 页, with PAGE as a real field that Word and LibreOffice update."""
    paragraph.add_run("第 ")
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    _field_char(paragraph, "separate")
    paragraph.add_run("1")
    _field_char(paragraph, "end")
    paragraph.add_run(" 页")


def _field_char(paragraph: WordParagraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _add_table(document: WordDocument, spec: TableSpec) -> None:
    n_cols = len(spec.widths_cm)
    table = document.add_table(rows=len(spec.rows), cols=n_cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, spec.widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)

    anchors: list[tuple[int, int, Cell]] = []
    for r, cells in enumerate(spec.rows):
        col = 0
        for cell in cells:
            if cell.span > 1:
                table.cell(r, col).merge(table.cell(r, col + cell.span - 1))
            anchors.append((r, col, cell))
            col += cell.span
        if col != n_cols:
            raise ValueError(f"row {r} covers {col} grid columns, not {n_cols}")

    covered = {(r, c) for r, c, cell in anchors if cell.vmerge == "continue"}
    for r, c, cell in anchors:
        if cell.vmerge == "restart":
            last = r
            while (last + 1, c) in covered:
                last += 1
            table.cell(r, c).merge(table.cell(last, c))
    for r, c, cell in anchors:
        if cell.vmerge != "continue":
            _fill_cell(table.cell(r, c), cell)


def _fill_cell(target: _Cell, cell: Cell) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = cell.text.split("\n")
    first = target.paragraphs[0]
    first.style = TABLE_TEXT
    first.add_run(lines[0])
    for line in lines[1:]:
        target.add_paragraph(line, style=TABLE_TEXT)
    if cell.picture:
        first.add_run().add_picture(io.BytesIO(target_icon_png()), width=Cm(0.5))


def target_icon_png(size: int = 16) -> bytes:
    """A tiny red-and-white bullseye, encoded by hand so the bytes never depend on an image library."""
    centre = (size - 1) / 2

    def pixel(x: int, y: int) -> bytes:
        ring = int(((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 // 2.5)
        return b"\xc8\x10\x2e" if ring % 2 == 0 and ring < 4 else b"\xff\xff\xff"

    raw = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(size)) for y in range(size))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _set_core_properties(document: WordDocument) -> None:
    props = document.core_properties
    props.author = UNIT_NAME
    props.last_modified_by = UNIT_NAME
    props.title = "综合事务项目绩效评价报告"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.seed", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to write the .docx")
    args = parser.parse_args(argv)
    write_docx(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
