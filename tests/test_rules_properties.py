"""Any extraction, however odd its figures, validates without raising, and every finding is located."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.facts import Facts, Itemisation, Mention, Part, PercentClaim, ScoreSubtotal, SectionWeight
from models.report import Budget, FundingSource, Indicator, ScoreRow
from pipeline.validate import validate
from tests.rules_builders import cell, extraction, para

amounts = st.one_of(
    st.none(),
    st.decimals(min_value=-1000, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
points = st.one_of(st.none(), st.decimals(min_value=-5, max_value=120, places=1, allow_nan=False))
texts = st.sampled_from(
    [
        "≥95%",
        "95%",
        "90%以下",
        "100%",
        "≤90万元",
        "85万元",
        "365天",
        "320天以下",
        "=4次",
        "3次",
        "完成",
        "达成预期指标",
        "部分达成",
        "未达成",
        "290%",
        "0",
        "—",
        "/",
        "",
        "及时",
        "≥100%",
        "1",
        "2021年12月",
        "有效提升",
        "0%",
    ]
)
level1s = st.sampled_from(["产出指标", "效益指标", "满意度指标", "项目决策", "项目管理", "项目绩效", None])
level2s = st.sampled_from(["数量指标", "质量指标", "决策过程", "资金到位", "社会效益指标", None])
names = st.sampled_from(["到位率", "预算执行率", "完成率", "满意度", "成本", "培训次数"])


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    row = draw(st.integers(0, 40))
    tiers = draw(st.one_of(st.none(), st.dictionaries(st.sampled_from(["优", "良", "中", "差"]), texts, max_size=4)))
    evidence = {f: cell(3, row, c, f) for c, f in enumerate(["name", "target", "actual", "weight", "score"])}
    evidence |= {f"tiers.{t}": cell(3, row, 9, t) for t in tiers or {}}
    return Indicator(
        level1=draw(level1s),
        level2=draw(level2s),
        name=draw(names),
        target=draw(texts),
        actual=draw(texts),
        weight=draw(points),
        score=draw(points),
        tiers=tiers or None,
        deviation_reason=draw(st.sampled_from([None, "无", "资金未到位"])),
        evidence=evidence,
    )


@st.composite
def score_rows(draw: st.DrawFn) -> ScoreRow:
    row = draw(st.integers(0, 40))
    fields = ["level1", "level1_weight", "level2", "level2_weight", "level3", "weight", "score"]
    return ScoreRow(
        level1=draw(level1s),
        level1_weight=draw(points),
        level2=draw(level2s),
        level2_weight=draw(points),
        level3=draw(names),
        weight=draw(points),
        score=draw(points),
        evidence={f: cell(2, row, c, f) for c, f in enumerate(fields)},
    )


@st.composite
def budgets(draw: st.DrawFn) -> Budget:
    fields = ["planned", "adjusted", "received", "spent", "balance"]
    values = {f: draw(amounts) for f in fields}
    rate = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=300, places=2, allow_nan=False)))
    sources = [
        FundingSource(
            name=f"来源{i}",
            **{f: draw(amounts) for f in fields[:4]},
            evidence={f: cell(1, 2 + i, c, f) for c, f in enumerate(fields[:4])},
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    evidence = {
        f: cell(1, 1, c, f) for c, f in enumerate([*fields, "execution_rate", "execution_weight", "execution_score"])
    }
    return Budget(
        **values,
        execution_rate=rate,
        execution_weight=draw(points),
        execution_score=draw(points),
        reason=draw(st.sampled_from([None, "无", "项目延期"])),
        sources=sources,
        evidence=evidence,
    )


@st.composite
def facts(draw: st.DrawFn) -> Facts:
    quantity = st.sampled_from(["planned", "adjusted", "received", "spent", "balance", "execution_rate"])
    value = st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False)
    mentions = [
        Mention(
            quantity=draw(quantity),
            value=draw(value),
            evidence=para(i + 1, "x"),
            label="x",
            origin="text",
            unit=draw(st.sampled_from(["万元", "元", "%", None])),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    parts = [Part(name="p", value=draw(st.one_of(st.none(), value)), evidence=para(50 + i, "p")) for i in range(3)]
    itemisations = [
        Itemisation(
            label="共支出",
            whole=draw(value),
            whole_evidence=para(49, "w"),
            parts=parts,
            unit=draw(st.sampled_from(["yuan", "count"])),
        )
    ]
    claims = [
        PercentClaim(
            kind=draw(st.sampled_from(["share", "change"])),
            stated=draw(value),
            stated_evidence=para(60, "s"),
            part=draw(value),
            whole=draw(value),
            evidence=[para(60, "1个"), para(60, "2")],
        )
    ]
    subtotal = ScoreSubtotal(
        label="小计",
        target=draw(st.sampled_from(["scores", "indicators"])),
        rows=draw(st.lists(st.integers(-1, 6), max_size=4)),
        weight=draw(points),
        score=draw(points),
        evidence={"score": cell(2, 41, 6, "s"), "weight": cell(2, 41, 5, "w")},
    )
    sections = [SectionWeight(level1=draw(level1s) or "产出指标", weight=Decimal(50), evidence=cell(3, 0, 0, "h"))]
    return Facts(
        mentions=mentions,
        itemisations=itemisations,
        percent_claims=claims,
        subtotals=[subtotal],
        section_weights=sections,
        indicator_columns=draw(st.sampled_from([[], ["actual", "reason"]])),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    budgets(),
    st.lists(score_rows(), max_size=6),
    st.lists(indicators(), max_size=6),
    facts(),
    points,
    st.sampled_from(["self_evaluation_form", "evaluation_report", "unknown"]),
)
def test_validate_never_raises_and_every_finding_is_located(budget, rows, inds, found, total, kind) -> None:
    data = extraction(
        facts=found,
        budget=budget,
        scores=rows,
        indicators=inds,
        total_score=total,
        kind=kind,
        evidence={"total_score": para(99, "总分")},
    )
    result = validate(data)
    assert all(f.evidence for f in result)
    assert [f.rule for f in result] == sorted(f.rule for f in result)
