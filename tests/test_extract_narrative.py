"""Figures in running text: labels, itemisations, percentage and count claims, adjustment reasons."""

from __future__ import annotations

from decimal import Decimal

from models.report import Evidence
from pipeline.extract import narrative

SPENDING = (
    "截止到2020年12月31日，综合事务项目资金共支出512.02万元，具体情况为：、政务大厅审批办办公设备耗材日常办公用品保障"
    "25.39万元、政务大厅维修（护）9.96万元、政务大厅审批办及中心工作人员培训、调研差旅费11.06万元、"
    "其他商品和服务支出56.61万元。"
)


def _at(text: str, resolution: Decimal | None) -> Evidence:
    return Evidence(paragraph=7, text=text, resolution=resolution)


def _doc(text: str):  # type: ignore[no-untyped-def]
    return narrative.nlp()(text)


def test_one_pipeline_per_process_with_jieba_tokens() -> None:
    assert narrative.nlp() is narrative.nlp()
    doc = _doc("共支出512.02万元")
    assert "512.02" in [t.text for t in doc]
    assert [(e.text, e.label_) for e in doc.ents] == [("512.02万元", "MONEY")]


def test_budget_figures_take_the_label_right_before_them() -> None:
    text = (
        "该项目共支付512.02万元，结余45.99万元未支出，预算执行率为91.76%。年中财政收回57.63万元，实际投资为558.01万元。"
    )
    mentions = narrative.budget_mentions(_doc(text), _at, set())
    assert [(m.quantity, m.value, m.label, m.evidence.text) for m in mentions] == [
        ("spent", Decimal("5120200.00"), "共支付", "共支付512.02万元"),
        ("balance", Decimal("459900.00"), "结余", "结余45.99万元"),
        ("execution_rate", Decimal("91.76"), "预算执行率", "预算执行率为91.76%"),
        ("adjusted", Decimal("5580100.00"), "实际投资", "实际投资为558.01万元"),
    ]
    assert mentions[0].evidence.resolution == Decimal(100) and mentions[2].evidence.resolution == Decimal("0.01")
    assert all(m.origin == "text" for m in mentions)


def test_received_and_spent_in_other_words_and_a_bare_expense_is_not_the_total() -> None:
    text = "项目资金到位670.64万元，全年支出512.02万元，其中人员支出300万元。"
    mentions = narrative.budget_mentions(_doc(text), _at, set())
    assert [(m.quantity, m.label, m.value) for m in mentions] == [
        ("received", "资金到位", Decimal("6706400.00")), ("spent", "全年支出", Decimal("5120200.00"))
    ]  # fmt: skip


def test_printings_that_a_later_total_adds_up_are_its_parts() -> None:
    text = (
        "一批项目县级批复总投资3374.3万元(其中建筑工程3292万元),二批项目县级批复总投资2069.51万元,"
        "三批项目县级批复投资778.59万元,合计批复总投资6222.4万元(其中建筑工程6025.215万元)。"
    )
    mentions, (itemisation,) = narrative.budget_figures(_doc(text), _at, set())
    assert [(m.quantity, m.value) for m in mentions] == [("planned", Decimal("62224000.0"))]
    assert itemisation.whole_evidence.text == "合计批复总投资6222.4万元"
    assert [(p.name, p.value) for p in itemisation.parts] == [
        ("一批项目县级批复总投资", Decimal("33743000.0")),
        ("二批项目县级批复总投资", Decimal("20695100.00")),
        ("三批项目县级批复投资", Decimal("7785900.00")),
    ]
    different = "年初预算100万元，调整后预算为90万元，合计预算300万元。"
    mentions, summed = narrative.budget_figures(_doc(different), _at, set())
    assert summed == [] and len(mentions) == 3


def test_form_vocabulary_in_sentences() -> None:
    text = "2022年度该项目年初预算数25.00万元，全年预算数23.65万元，全年执行数21.55万元，执行率91.10%。"
    mentions = narrative.budget_mentions(_doc(text), _at, set())
    assert [(m.quantity, m.value) for m in mentions] == [
        ("planned", Decimal("250000.00")), ("adjusted", Decimal("236500.00")), ("spent", Decimal("215500.00")),
        ("execution_rate", Decimal("91.10")),
    ]  # fmt: skip


def test_full_width_and_chinese_numerals_are_read() -> None:
    mentions = narrative.budget_mentions(_doc("项目概算总投资为６７０．６４万元，年初预算五百万元。"), _at, set())
    assert [(m.quantity, m.value, m.evidence.text) for m in mentions] == [
        ("planned", Decimal("6706400.00"), "概算总投资为６７０．６４万元"),
        ("planned", Decimal("5000000"), "年初预算五百万元"),
    ]


def test_itemised_spending_names_and_amounts() -> None:
    doc = _doc(SPENDING)
    (itemisation,), part_starts = narrative.itemisations(doc, _at)
    assert itemisation.whole == Decimal("5120200.00") and itemisation.label.endswith("共支出")
    assert [(p.name, p.value) for p in itemisation.parts] == [
        ("政务大厅审批办办公设备耗材日常办公用品保障", Decimal("253900.00")),
        ("政务大厅维修（护）", Decimal("99600.00")),
        ("政务大厅审批办及中心工作人员培训、调研差旅费", Decimal("110600.00")),
        ("其他商品和服务支出", Decimal("566100.00")),
    ]
    assert itemisation.parts[1].evidence.text == "政务大厅维修（护）9.96万元"
    # a part ending in 支出 is not a printing of the total spent
    mentions = narrative.budget_mentions(doc, _at, part_starts)
    assert [(m.quantity, m.value) for m in mentions] == [("spent", Decimal("5120200.00"))]


def test_numbered_itemisation_takes_names_from_each_item() -> None:
    text = (
        "区级年初预算200万元专项资金,具体用于支付:①大石围小区提质改造项目工程尾款43.96万元,该项目改造小区数1个;"
        "②第二批次项目缺口资金105.04万元,预计于2021年2月完工。"
    )
    (itemisation,), _ = narrative.itemisations(_doc(text), _at)
    assert itemisation.whole == Decimal("2000000")
    assert [p.name for p in itemisation.parts] == ["大石围小区提质改造项目工程尾款", "第二批次项目缺口资金"]


def test_a_sentence_without_a_trigger_or_parts_is_no_itemisation() -> None:
    assert narrative.itemisations(_doc("共支出512.02万元，结余45.99万元。"), _at)[0] == []


def test_a_breakdown_in_brackets_and_a_new_whole_end_a_list() -> None:
    text = (
        "一批项目批复总投资3374.3万元(其中建筑工程3292万元),二批项目批复总投资2069.51万元(其中建筑工程1975.775万元),"
        "合计批复总投资6222.4万元。"
    )
    assert narrative.itemisations(_doc(text), _at)[0] == []
    listed = "共支出300万元，其中：设备100万元（含运费5万元）、人员200万元，合计300万元。"
    (itemisation,), _ = narrative.itemisations(_doc(listed), _at)
    assert [(p.name, p.value) for p in itemisation.parts] == [("设备", 1000000), ("人员", 2000000)]


def test_counts_of_one_unit_itemise_and_mixed_units_do_not() -> None:
    text = "全省共设36个审批单位，其中省直单位20个、市县单位15个。"
    (itemisation,), _ = narrative.itemisations(_doc(text), _at)
    assert (itemisation.unit, itemisation.whole) == ("count", 36)
    assert [(p.name, p.value) for p in itemisation.parts] == [("省直单位", 20), ("市县单位", 15)]
    assert narrative.itemisations(_doc("全年培训300人次，其中线上5次、线下10次。"), _at)[0] == []


def test_share_and_change_claims() -> None:
    share = "36个省直单位的2074个政务服务事项中1648个纳入综合窗口受理，占比80%，实现阶段性目标。"
    (claim,) = narrative.percent_claims(_doc(share), _at)
    assert (claim.kind, claim.stated, claim.part, claim.whole) == ("share", 80, 1648, 2074)
    assert claim.stated_evidence.text == "占比80%" and [e.text for e in claim.evidence] == ["1648个", "2074个"]
    change = "收入:792.22万元。同比上年度增加189.25万元,增加31.39%。支出减少20万元，下降10%。"
    up, down = narrative.percent_claims(_doc(change), _at)
    assert (up.kind, up.stated, up.part, up.whole) == ("change", Decimal("31.39"), Decimal("1892500.00"),
                                                        Decimal("7922200.00"))  # fmt: skip
    assert down.part < 0 and down.stated == -10
    assert narrative.percent_claims(_doc("办结提速58%，提前办结率99%。"), _at) == []


def test_count_claims_are_labelled_by_their_surrounding_words() -> None:
    claims = narrative.count_claims(_doc("全省23个市县均已设立审批局；全省已完成13个市县的联网。"), _at)
    assert [(c.label, c.value, c.unit) for c in claims] == [("全省市县", 23, "个"), ("完成市县", 13, "个")]
    assert claims[0].evidence.text == "全省23个市县"


def test_adjustment_reasons_need_an_adjustment_word_and_an_amount() -> None:
    text = "概算总投资为670.64万元,年中财政收回57.63万元，调剂55万元给下属单位。部分指标需要调整。"
    reasons = narrative.adjustment_reasons(_doc(text), _at)
    assert [r.text for r in reasons] == ["年中财政收回57.63万元", "调剂55万元给下属单位"]
    grouped = "批复预算为12,988,306.00元，年中追加2,617,927.00元,实际投资为15,606,233.00元。"
    assert [r.text for r in narrative.adjustment_reasons(_doc(grouped), _at)] == ["年中追加2,617,927.00元"]
