"""Wrapped lines → paragraphs, on pages built by hand with the geometry LibreOffice prints: A4, text
from x=71 to about x=524, first lines indented two characters, full-width punctuation hanging past
the right margin, ragged right ends."""

from __future__ import annotations

from parsers.assemble import assemble
from parsers.page import PageContent, TextLine

WIDTH, HEIGHT = 595.3, 841.9


def _lines(rows: list[tuple[float, float, str]], *, size: float = 12.0, top: float = 100.0) -> list[TextLine]:
    """(x0, x1, text) one line after another at a pitch of 20 points."""
    return [TextLine(text=text, bbox=(x0, top + 20 * i, x1, top + 20 * i + size), size=size)
            for i, (x0, x1, text) in enumerate(rows)]


def _texts(lines: list[TextLine]) -> list[str]:
    return [p.text for p in assemble([PageContent(number=1, width=WIDTH, height=HEIGHT, lines=lines)])]


def test_one_line_paragraphs_that_nearly_fill_the_line_stay_apart() -> None:
    # most lines are first lines (indented to x=95): the margin is where the few wrapped lines start
    lines = _lines([
        (95, 503, "宣威市政务服务中心是本项目的实施单位，负责项目的组织实施和资金管理。"),
        (95, 311, "（二）项目基本性质、用途和主要内容。"),
        (95, 523.9, "2023年全民健身场地设施维护项目主要用于保障相关业务正常开展，属于经常性"),
        (71, 107, "项目。"),
        (95, 500.1, "全年共受理96个政务服务事项，其中79个纳入综合窗口受理，占比82%。"),
        (95, 403, "项目实施以来，全县共建成32期培训班，覆盖全部乡镇。"),
        (95, 536.3, "该项目截止到2020年12月31日，农村饮水安全巩固提升共支付15604361元，"),
        (71, 349.7, "结余1169896元未支出，预算执行率达到93.0%。"),
        (95, 491, "部分绩效指标设置不够细化，下一年度将结合项目实际及时调整绩效目标。"),
        (71, 107, "附件："),
    ])
    assert _texts(lines) == [
        "宣威市政务服务中心是本项目的实施单位，负责项目的组织实施和资金管理。",
        "（二）项目基本性质、用途和主要内容。",
        "2023年全民健身场地设施维护项目主要用于保障相关业务正常开展，属于经常性项目。",
        "全年共受理96个政务服务事项，其中79个纳入综合窗口受理，占比82%。",
        "项目实施以来，全县共建成32期培训班，覆盖全部乡镇。",
        "该项目截止到2020年12月31日，农村饮水安全巩固提升共支付15604361元，结余1169896元未支出，预算执行率达到93.0%。",
        "部分绩效指标设置不够细化，下一年度将结合项目实际及时调整绩效目标。",
        "附件：",
    ]


def test_ragged_line_whose_next_word_did_not_fit_goes_on() -> None:
    lines = _lines([
        (95, 523.9, "项目实施以来，全县共建成32期培训班，覆盖全部乡镇，运行情况良好，群众满意"),
        (71, 523.0, "度较高。该项目整体发挥了较好的社会效益，经评价小组综合分析，综合评价"),
        (71, 491, "该项目整体发挥了较好的社会效益，经评价小组综合分析，综合评价得分为"),
        (71, 239.7, "93.22分，绩效等级为“优”。"),
    ])
    assert len(_texts(lines)) == 1


def test_centred_title_wrapped_onto_a_second_line_is_one_paragraph() -> None:
    title = _lines([(77.2, 518.2, "2023年度2023年全民健身场地设施维护项目绩效自"), (270.5, 325.0, "评报告")],
                   size=18.0, top=84)
    body = _lines([(71, 155, "一、项目概况")], size=14.0, top=143)
    body += _lines([(95, 239, "（一）项目单位基本情况。"),
                    (95, 523.9, "宣威市政务服务中心是本项目的实施单位，负责项目的组织"),
                    (71, 280, "实施和资金管理。")], top=172)
    assert _texts(title + body) == [
        "2023年度2023年全民健身场地设施维护项目绩效自评报告", "一、项目概况", "（一）项目单位基本情况。",
        "宣威市政务服务中心是本项目的实施单位，负责项目的组织实施和资金管理。"]


def test_centred_lines_of_different_paragraphs_stay_apart() -> None:
    # a centred heading under a full line of body text is its own paragraph: its size differs, or the body
    # line ends a sentence
    lines = _lines([(95, 523.9, "该项目整体发挥了较好的社会效益，经评价小组综合分析，得分为九十五分。"),
                    (250, 346, "项目绩效目标表"), (95, 400, "（一）项目单位基本情况。")])
    assert len(_texts(lines)) == 3


def test_a_figure_with_its_punctuation_that_did_not_fit_goes_on() -> None:
    lines = _lines([
        (95, 523.9, "项目实施以来，全县共建成32期培训班，覆盖全部乡镇，运行情况良好，群众满意"),
        (71, 489.7, "度较高。全年共受理2074个政务服务事项，其中1861个纳入综合窗口受理，占比"),
        (71, 109.6, "90%。"),
        (95, 535.0, "截止到2024年12月31日，12345便民服务热线运行项目资金累计支出９３４．"),
        (71, 515.0, "５９６７万元，分别为：人员培训及差旅费３１７．２７８１万元、聘用人员工资２"),
        (71, 300.0, "７２．７１４３万元。"),
    ])
    assert len(_texts(lines)) == 2


def test_margin_from_the_one_wrapped_line_of_a_page_of_one_line_paragraphs() -> None:
    lines = _lines([
        (95, 536.1, "截止到2023年12月31日，项目资金累计支出1234567.00元，其中人员经费4125.00元、"),
        (71, 159.4, "其他支出9.00元。"),
        (95, 515.0, "某某局是本项目的实施单位，负责项目的组织实施和资金管理。"),
        (95, 503.0, "项目资金实行专款专用，会计核算真实、准确。"),
        (95, 311, "（二）项目基本性质、用途和主要内容。"),
        (95, 395, "项目由单位统一组织实施，各环节按规定执行。"),
        (95, 407, "截至年底，全县共建成32期培训班，运行情况良好。"),
        (95, 423, "项目实施以来，全县共建成32期培训班，覆盖全部乡镇。"),
        (95, 491, "部分绩效指标设置不够细化，下一年度将结合项目实际及时调整绩效目标。"),
        (71, 107, "附件："),
    ])
    assert _texts(lines)[-2:] == ["部分绩效指标设置不够细化，下一年度将结合项目实际及时调整绩效目标。", "附件："]
    assert len(_texts(lines)) == 9
