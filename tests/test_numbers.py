"""Table-driven tests of `models.numbers`: every printed form the documents use, and what each must read as."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.numbers import (
    Quantity,
    chinese_to_decimal,
    count,
    find_quantities,
    is_not_given,
    label_unit,
    money,
    normalise_text,
    parse_quantity,
    parse_target,
    percent,
    scaled,
    to_yuan,
    tolerance,
    yuan_string,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "yuan", "resolution"),
    [
        ("670.64万元", "6706400", "100"),
        ("670.64 万元", "6706400", "100"),
        ("215,457.6", "215457.6", "0.1"),
        ("215,457.6元", "215457.6", "0.1"),
        ("7,800,000.00元", "7800000", "0.01"),
        ("2026400元", "2026400", "1"),
        ("1329120.67元", "1329120.67", "0.01"),
        ("207.4538万元", "2074538", "1"),
        ("89.974万元", "899740", "10"),
        ("0.00万元", "0", "100"),
        ("1.5亿元", "150000000", "10000000"),
        ("80万元", "800000", "10000"),
        ("2.5万", "25000", "1000"),
        ("６７０．６４万元", "6706400", "100"),
        ("７，８００，０００．００元", "7800000", "0.01"),
        ("五百万元", "5000000", "10000"),
        ("壹佰万元", "1000000", "10000"),
        ("-12.5万元", "-125000", "1000"),
        ("（12.5）", "-12.5", "0.1"),
        ("(12.5)", "-12.5", "0.1"),
        ("（1,234.50）万元", "-12345000", "100"),
        ("（12.5万元）", "-125000", "1000"),
        ("共支出512.02万元", "5120200", "100"),
        ("3千万元", "30000000", "10000000"),
        ("512.02\u200b万元", "5120200", "100"),
        ("−12.5", "-12.5", "0.1"),
        ("－12.5万元", "-125000", "1000"),
        ("一千二百三十四点五元", "1234.5", "0.1"),
        ("伍佰万元整", "5000000", "10000"),
        ("100万元人民币", "1000000", "10000"),
        ("约2.5亿元", "250000000", "10000000"),
        ("生均500元/人", "500", "1"),
        ("2020年预算100万元", "1000000", "10000"),
        ("50万美元（约合350万元）", "3500000", "10000"),
        ("558.01万兀", "5580100", "100"),  # OCR reads 元 as 兀
        ("670.64（万元）", "6706400", "100"),
        ("670.64 (万元)", "6706400", "100"),
    ],
)
def test_money_reads_yuan_and_resolution(text: str, yuan: str | None, resolution: str | None) -> None:
    result = money(text)
    if yuan is None:
        assert result is None or result.quantity.text != text
        return
    assert result is not None
    assert result.yuan == D(yuan)
    assert result.resolution == D(resolution)


@pytest.mark.parametrize(
    ("text", "default_unit", "yuan"),
    [("670.64", "万元", "6706400"), ("3.36", "万元", "33600"), ("5", "亿元", "500000000"), ("120", "元", "120")],
)
def test_money_bare_number_takes_the_header_unit(text: str, default_unit: str, yuan: str) -> None:
    result = money(text, default_unit=default_unit)
    assert result is not None
    assert result.yuan == D(yuan)


@pytest.mark.parametrize("text", ["", "  ", "—", "——", "–", "-", "/", "／", "无", "不适用", None, "95%", "36个"])
def test_money_none_when_not_given_or_not_money(text: str | None) -> None:
    assert money(text) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("   ", True),
        ("—", True),
        ("— —", True),
        ("–", True),
        ("-", True),
        ("/", True),
        ("／", True),
        ("无", True),
        ("不适用", True),
        ("暂无", True),
        ("N/A", True),
        ("\u3000", True),
        (None, True),
        ("0", False),
        ("0.00", False),
        ("0.00%", False),
        ("无锡", False),
        ("12", False),
    ],
)
def test_is_not_given(text: str | None, expected: bool) -> None:
    assert is_not_given(text) is expected


@pytest.mark.parametrize(
    ("text", "fraction_ok", "value", "resolution"),
    [
        ("91.76%", False, "91.76", "0.01"),
        ("100%", False, "100", "1"),
        ("100.00%", False, "100.00", "0.01"),
        ("0.00%", False, "0.00", "0.01"),
        ("９１．７６％", False, "91.76", "0.01"),
        ("100百分比", False, "100", "1"),
        ("≥100百分比", False, "100", "1"),
        ("1", True, "100", "100"),
        ("0.9176", True, "91.76", "0.01"),
        ("1.00", True, "100", "1"),
        ("91.76", True, "91.76", "0.01"),
        ("5‰", False, "0.5", "0.1"),
        ("百分之九十", False, "90", "1"),
        ("执行率为86%", False, "86", "1"),
    ],
)
def test_percent(text: str, fraction_ok: bool, value: str, resolution: str) -> None:
    result = percent(text, fraction_ok=fraction_ok)
    assert result is not None
    assert result.value == D(value)
    assert str(result.value) == value  # the printed decimals are kept, 1E+2 is not printed
    assert result.resolution == D(resolution)


@pytest.mark.parametrize("text", ["1", "0.9176", "—", "", "36个", "120万元"])
def test_percent_none_without_a_percentage(text: str) -> None:
    assert percent(text) is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("36个", "36", "个"),
        ("三十六个", "36", "个"),
        ("55人/次", "55", "人次"),
        ("55人次", "55", "人次"),
        ("365天", "365", "天"),
        ("12种", "12", "种"),
        ("约80000项", "80000", "项"),
        ("两千人", "2000", "人"),
        ("12个月", "12", "个月"),
        ("8", "8", None),
    ],
)
def test_count(text: str, value: str, unit: str | None) -> None:
    result = count(text)
    assert result is not None
    assert result.value == D(value)
    assert result.unit == unit


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit", "decimals"),
    [
        ("≥95%", "≥", "95", "%", 0),
        ("≤90万元", "≤", "90", "万元", 0),
        ("≤202.6万元", "≤", "202.6", "万元", 1),
        ("≧95%", "≥", "95", "%", 0),
        ("≦5%", "≤", "5", "%", 0),
        ("═100%", "=", "100", "%", 0),
        ("﹦100%", "=", "100", "%", 0),
        ("=100%", "=", "100", "%", 0),
        (">=90%", "≥", "90", "%", 0),
        ("＞＝90%", "≥", "90", "%", 0),
        ("不少于12种", "≥", "12", "种", 0),
        ("至少全年完成2次", "≥", "2", "次", 0),
        ("不低于95%", "≥", "95", "%", 0),
        ("不超过5%", "≤", "5", "%", 0),
        ("不高于90万元", "≤", "90", "万元", 0),
        ("达到98%", "≥", "98", "%", 0),
        ("90%以上", "≥", "90", "%", 0),
        ("85%以下", "<", "85", "%", 0),
        ("320天以下", "<", "320", "天", 0),
        ("控制在5%以内", "≤", "5", "%", 0),
        ("100百分比", None, "100", "百分比", 0),
        ("≥100.00%", "≥", "100.00", "%", 2),
        ("≥ 6 次", "≥", "6", "次", 0),
        ("365天", None, "365", "天", 0),
        ("大于等于90%", "≥", "90", "%", 0),
        ("＜3次", "<", "3", "次", 0),
    ],
)
def test_parse_target(text: str, comparator: str | None, value: str, unit: str | None, decimals: int) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.unit, target.decimals) == (comparator, D(value), unit, decimals)


@pytest.mark.parametrize(("text", "comparator"), [("≧", "≥"), ("≥", "≥"), ("═", "="), ("≤", "≤"), ("不少于", "≥")])
def test_parse_target_lone_comparator(text: str, comparator: str) -> None:
    target = parse_target(text)
    assert target is not None
    assert target.comparator == comparator
    assert target.value is None


@pytest.mark.parametrize("text", ["完成", "好", "达成预期指标", "", "—", "/"])
def test_parse_target_none_for_words(text: str) -> None:
    assert parse_target(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五百万", "5000000"),
        ("三十六", "36"),
        ("一千二百三十四点五", "1234.5"),
        ("壹佰万", "1000000"),
        ("两千", "2000"),
        ("〇", "0"),
        ("零", "0"),
        ("十二", "12"),
        ("十", "10"),
        ("二十", "20"),
        ("一万零五", "10005"),
        ("一百零五", "105"),
        ("一千零十", "1010"),
        ("一百一十", "110"),
        ("三万五", "35000"),
        ("一亿二千万", "120000000"),
        ("二〇二〇", "2020"),
        ("一九九八", "1998"),
        ("叁仟肆佰伍拾陆", "3456"),
        ("贰拾万零叁佰", "200300"),
        ("三点一四", "3.14"),
        ("零点五", "0.5"),
        ("二十五万三千", "253000"),
        ("一万亿", "1000000000000"),
        ("五亿三千万", "530000000"),
        ("一亿二", "120000000"),
        ("一百一", "110"),
        ("十万", "100000"),
    ],
)
def test_chinese_to_decimal(text: str, expected: str) -> None:
    assert chinese_to_decimal(text) == D(expected)


@pytest.mark.parametrize(
    "text", ["", "万", "五六", "十十", "一百千", "点五", "三点", "零百", "一万一万", "abc", "两两", "一亿万", "亿亿"]
)
def test_chinese_to_decimal_rejects(text: str) -> None:
    assert chinese_to_decimal(text) is None


def _summary(quantities: list[Quantity]) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.unit, q.kind) for q in quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "项目计划投资670.64万元，实际到位资金670.64万元，共支出512.02万元，预算执行率91.76%。",
            [
                ("670.64万元", "万元", "money"),
                ("670.64万元", "万元", "money"),
                ("512.02万元", "万元", "money"),
                ("91.76%", "%", "percent"),
            ],
        ),
        (
            "截至2020年12月31日，共支出512.02万元",
            [("2020年", "年", "date"), ("12月", "月", "date"), ("31日", "日", "date"), ("512.02万元", "万元", "money")],
        ),
        (
            "根据《关于下达资金的通知》（财预〔2020〕10号）",
            [("2020", None, "reference"), ("10号", "号", "reference")],
        ),
        ("联系电话：0898-65203253，邮编：570203",
         [("0898", None, "reference"), ("65203253", None, "reference"), ("570203", None, "reference")]),
        ("（1）一是加强管理；第18条",
         [("（1）", None, "ordinal"), ("一是", None, "ordinal"), ("第18", None, "ordinal")]),
        ("受理政务大厅36个审批办办件量约80000项。办件率达到95%以上。",
         [("36个", "个", "count"), ("80000项", "项", "count"), ("达到95%以上", "%", "percent")]),
        ("收入:792.22万元。同比上年度增加189.25万元,增加31.39%",
         [("792.22万元", "万元", "money"), ("189.25万元", "万元", "money"), ("31.39%", "%", "percent")]),
        ("共3个，120人参加", [("3个", "个", "count"), ("120人", "人", "count")]),
        ("十分重要，进一步统一", []),
        ("2019,2020两年", [("2019", None, "number"), ("2020", None, "number"), ("两年", "年", "count")]),
    ],
)  # fmt: skip
def test_find_quantities(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    found = find_quantities(text)
    assert _summary(found) == expected
    for q in found:
        assert text[q.start : q.end] == q.text


def test_find_quantities_never_splits_a_decimal() -> None:
    found = find_quantities("共支出512.02万元")
    assert [q.value for q in found] == [D("512.02")]


def test_find_quantities_spans_refer_to_the_original_text() -> None:
    text = "合计\u200b：６７０．６４万元，执行率９１．７６％"
    found = find_quantities(text)
    assert [q.text for q in found] == ["６７０．６４万元", "９１．７６％"]
    assert [text[q.start : q.end] for q in found] == ["６７０．６４万元", "９１．７６％"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("６７０．６４", "670.64"),
        ("９１．７６％", "91.76%"),
        ("７，８００", "7,800"),
        ("共3个，120人", "共3个，120人"),
        ("项目资金（万元）", "项目资金（万元）"),
        ("⻓期", "长期"),
        ("⾦额", "金额"),
        ("5\u200b12", "512"),
        ("≧95%", "≥95%"),
        ("═100%", "=100%"),
        ("①", "①"),
    ],
)
def test_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_parse_quantity_skips_dates_and_keeps_precision() -> None:
    q = parse_quantity("2020年预算数207.4538万元")
    assert q is not None
    assert (q.value, q.decimals, q.unit, q.text) == (D("207.4538"), 4, "万元", "207.4538万元")


def test_to_yuan_is_exact() -> None:
    q = parse_quantity("0.01万元")
    assert q is not None
    assert to_yuan(q) == D("100")
    bare = parse_quantity("3.36")
    assert bare is not None
    assert to_yuan(bare, default_unit="万元") == D("33600")
    with pytest.raises(ValueError, match="not an amount of money"):
        to_yuan(parse_quantity("36个"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("resolution", "floor", "expected"),
    [("100", "0", "50"), ("0.01", "1", "1"), ("0.1", "0", "0.05"), ("10000", "1", "5000")],
)
def test_tolerance(resolution: str, floor: str, expected: str) -> None:
    assert tolerance(D(resolution), D(floor)) == D(expected)


def test_yuan_string() -> None:
    assert yuan_string(D("6706400")) == "6706400.00"
    assert yuan_string(D("215457.6")) == "215457.60"
    assert yuan_string(D("-0.00")) == "0.00"
    assert yuan_string(D("-1234.5")) == "-1234.50"
    assert yuan_string(D("1" + "0" * 40)) == "1" + "0" * 40 + ".00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("下达资金100万元", [("100万元", "100", "万元", None, "money")]),  # 下达 is no comparator
        ("30日内完成", [("30日内", "30", "日", "≤", "count")]),
        ("3项内容", [("3项", "3", "项", None, "count")]),
        ("5个工作日内", [("5个工作日内", "5", "个工作日", "≤", "count")]),
        ("2020年-2021年", [("2020年", "2020", "年", None, "date"), ("2021年", "2021", "年", None, "date")]),
        ("2020-12-31",
         [("2020", "2020", None, None, "date"), ("12", "12", None, None, "date"), ("31", "31", None, None, "date")]),
        ("1-12月", [("1", "1", "月", None, "date"), ("12月", "12", "月", None, "date")]),
        ("80-90分", [("80", "80", "分", None, "count"), ("90分", "90", "分", None, "count")]),
        ("80%～90%", [("80%", "80", "%", None, "percent"), ("90%", "90", "%", None, "percent")]),
        ("100万元人民币", [("100万元人民币", "100", "万元", None, "money")]),
        ("50万美元", [("50万美元", "50", "万美元", None, "foreign_money")]),
        ("三分之一", []),
        ("千分之五", [("千分之五", "5", "‰", None, "percent")]),
        ("3千米", [("3千米", "3", "千米", None, "count")]),
        ("2.5万人次", [("2.5万人次", "2.5", "万人次", None, "count")]),
        ("7，800，000.00元", [("7，800，000.00元", "7800000.00", "元", None, "money")]),
        ("1，234.5元", [("1，234.5元", "1234.5", "元", None, "money")]),
        ("增长3.5个百分点", [("3.5个百分点", "3.5", "百分点", None, "percent")]),
        ("（一）项目概况", [("（一）", "1", None, None, "ordinal")]),
        ("绩效目标：（2）提高效率", [("（2）", "2", None, None, "ordinal")]),
        ("产出指标(50)", [("50", "50", None, None, "number")]),
        ("产出指标（50分）", [("50分", "50", "分", None, "count")]),
        ("1.项目概况", [("1.", "1", None, None, "ordinal")]),
        ("10.", [("10", "10", None, None, "number")]),  # a score typed with a stray point, not a heading
        ("一、基本情况", [("一、", "1", None, None, "ordinal")]),
        ("第十八届", [("第十八", "18", None, None, "ordinal")]),
        ("V2.0版", []),
        ("生均500元/人", [("500元/人", "500", "元/人", None, "money")]),
        ("二〇二〇年十二月三十一日",
         [("二〇二〇年", "2020", "年", None, "date"), ("十二月", "12", "月", None, "date"),
          ("三十一日", "31", "日", None, "date")]),
        ("百分之九十五点五", [("百分之九十五点五", "95.5", "%", None, "percent")]),
        ("800字以内", [("800字以内", "800", "字", "≤", "count")]),
        ("完成率95%.2021年", [("95%", "95", "%", None, "percent"), ("2021年", "2021", "年", None, "date")]),
        ("合计：-1,234.56元", [("-1,234.56元", "-1234.56", "元", None, "money")]),
        ("支出5,000元以上", [("5,000元以上", "5000", "元", "≥", "money")]),
        ("三万五", [("三万五", "35000", None, None, "number")]),
        ("十一五规划", []),
        ("五六个", []),
        ("一万元", [("一万元", "1", "万元", None, "money")]),
        ("二零二零年度", [("二零二零年", "2020", "年", None, "date")]),
        ("不足1年", [("不足1年", "1", "年", "<", "count")]),
        ("中介服务机构达68类", [("68类", "68", "类", None, "count")]),
        ("增长-5.2%", [("-5.2%", "-5.2", "%", None, "percent")]),
        ("３０００ 万元", [("３０００ 万元", "3000", "万元", None, "money")]),
        ("自评总分: 69 单位领导", [("69", "69", None, None, "number")]),
        ("得分 2 分值", [("2", "2", None, None, "number")]),
        ("完成 95 %任务", [("95 %", "95", "%", None, "percent")]),
        ("分值 10 分", [("10 分", "10", "分", None, "count")]),
        ("一部分", []),
        ("三方面", []),
        ("3万方土", [("3万方", "3", "万方", None, "count")]),
        ("报告期:2017 -7 - 25", [("2017", "2017", None, None, "number"), ("7", "7", None, None, "number"),
                                 ("25", "25", None, None, "number")]),
        ("項目資金7.29萬元", [("7.29萬元", "7.29", "万元", None, "money")]),
        ("不少於12種", [("不少於12種", "12", "种", "≥", "count")]),
        ("二十個", [("二十個", "20", "个", None, "count")]),
        ("5 %以內", [("5 %以內", "5", "%", "≤", "percent")]),
    ],
)  # fmt: skip
def test_find_quantities_forms(text: str, expected: list[tuple[str, str, str | None, str | None, str]]) -> None:
    found = find_quantities(text)
    assert [(q.text, str(q.value), q.unit, q.comparator, q.kind) for q in found] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("2.5万人次", "25000", "人次"),
        ("670.64万元", "6706400", "元"),
        ("3千米", "3", "千米"),
        ("36个", "36", "个"),
        ("五百万人", "5000000", "人"),
    ],
)
def test_scaled(text: str, value: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert scaled(q) == (D(value), unit)


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("项目资金（万元）", "万元"),
        ("年度预算数(万元)", "万元"),
        ("金额单位：元", "元"),
        ("（单位：万元）", "万元"),
        ("項目資金 (萬元)", "万元"),
        ("项Fl资金(万兀)", "万元"),
        ("执行率(%)", "%"),
        ("预算数(A)", None),
        ("计划投资额", None),
    ],
)
def test_label_unit(label: str, unit: str | None) -> None:
    assert label_unit(label) == unit


def test_money_stays_exact_past_the_default_precision() -> None:
    digits = "1" + "9" * 40
    read = money(digits + "亿元")
    assert read is not None
    assert read.yuan == D(digits + "0" * 8)


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [("第90%", "≥", "90", "%"), ("到95%", "≥", "95", "%"), ("到6次", "≥", "6", "次"), ("W5%", "≤", "5", "%")],
)
def test_parse_target_repairs_ocr_signs(text: str, comparator: str, value: str, unit: str) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.unit, target.ocr_repaired) == (comparator, D(value), unit, True)
    assert target.quantity is not None
    assert text[target.quantity.start : target.quantity.end] == target.quantity.text


@pytest.mark.parametrize("text", ["第3季度", "第18", "到2021年12月完成", "≥95%", "95%"])
def test_parse_target_leaves_real_words_alone(text: str) -> None:
    target = parse_target(text)
    assert target is None or not target.ocr_repaired
