"""narrative.percent_claim and narrative.count_mismatch."""

from __future__ import annotations

from decimal import Decimal

from models.facts import CountClaim, Facts, Itemisation, Part, PercentClaim
from tests.rules_builders import extraction, findings, para


def share(stated: str, part: str, whole: str) -> PercentClaim:
    return PercentClaim(
        kind="share",
        stated=Decimal(stated),
        stated_evidence=para(20, f"占比{stated}%"),
        part=Decimal(part),
        whole=Decimal(whole),
        evidence=[para(20, f"{part}个", "1"), para(20, f"{whole}个", "1")],
        label="纳入综合窗口受理事项",
    )


def test_amounts_carry_their_rounding_into_the_ratio() -> None:
    # 0.5万元 of 2.0万元 printed to one decimal may be anything from 22.2% to 28.2%.
    claim = PercentClaim(
        kind="share",
        stated=Decimal("27"),
        stated_evidence=para(20, "占27%"),
        part=Decimal("5000"),
        whole=Decimal("20000"),
        evidence=[para(20, "0.5万元", "1000"), para(20, "2.0万元", "1000")],
    )
    assert findings(extraction(facts=Facts(percent_claims=[claim])), "narrative.percent_claim") == []
    exact = claim.model_copy(update={"evidence": [para(20, "5000元", "1"), para(20, "20000元", "1")]})
    assert findings(extraction(facts=Facts(percent_claims=[exact])), "narrative.percent_claim")


def change(stated: str, delta: str, current: str) -> PercentClaim:
    return PercentClaim(
        kind="change",
        stated=Decimal(stated),
        stated_evidence=para(8, f"{stated}%"),
        part=Decimal(delta),
        whole=Decimal(current),
        evidence=[para(8, delta), para(8, current)],
    )


def test_share_checked_against_its_figures() -> None:
    assert (
        findings(extraction(facts=Facts(percent_claims=[share("79.46", "1648", "2074")])), "narrative.percent_claim")
        == []
    )
    [finding] = findings(
        extraction(facts=Facts(percent_claims=[share("80", "1648", "2074")])), "narrative.percent_claim"
    )
    assert finding.severity == "info" and "79.46%" in finding.message and "80%" in finding.message
    assert findings(extraction(facts=Facts(percent_claims=[share("80", "5", "0")])), "narrative.percent_claim") == []


def test_year_on_year_change_is_delta_over_previous() -> None:
    # 收入 792.22万元，同比增加 189.25万元，增加 31.39%: 189.25 / (792.22 − 189.25) = 31.39%.
    assert (
        findings(
            extraction(facts=Facts(percent_claims=[change("31.39", "189.25", "792.22")])), "narrative.percent_claim"
        )
        == []
    )
    [wrong] = findings(
        extraction(facts=Facts(percent_claims=[change("23.89", "189.25", "792.22")])), "narrative.percent_claim"
    )
    assert "31.39%" in wrong.message  # 23.89% is Δ ÷ current, the common slip
    assert (
        findings(extraction(facts=Facts(percent_claims=[change("10", "-10", "90")])), "narrative.percent_claim") == []
    )


def count(label: str, value: str, paragraph: int, unit: str = "个") -> CountClaim:
    return CountClaim(label=label, value=Decimal(value), unit=unit, evidence=para(paragraph, f"{value}{unit}{label}"))


def test_counts_of_the_same_thing_must_agree() -> None:
    claims = [
        count("审批办", "36", 5),
        count("审批办", "36", 9),
        count("审批办", "37", 30),
        count("进驻部门", "37", 31),
    ]
    [finding] = findings(extraction(facts=Facts(count_claims=claims)), "narrative.count_mismatch")
    assert finding.code == "COUNT_DIFFERS" and [e.paragraph for e in finding.evidence] == [5, 30]
    assert findings(extraction(facts=Facts(count_claims=claims[:2] + claims[3:])), "narrative.count_mismatch") == []


def test_counted_parts_must_add_up_to_their_whole() -> None:
    def counted(whole: str, parts: list[str]) -> Facts:
        return Facts(
            itemisations=[
                Itemisation(
                    label="入驻机构",
                    whole=Decimal(whole),
                    whole_evidence=para(3, whole),
                    unit="count",
                    parts=[Part(name=f"类{i}", value=Decimal(p), evidence=para(3, p)) for i, p in enumerate(parts)],
                )
            ]
        )

    assert findings(extraction(facts=counted("2256", ["1363", "893"])), "narrative.count_mismatch") == []
    [finding] = findings(extraction(facts=counted("2265", ["1363", "893"])), "narrative.count_mismatch")
    assert finding.code == "PARTS_DIFFER" and "2256" in finding.message
