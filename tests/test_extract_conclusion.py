"""The conclusion section, the total score and grade it states, and sentences the rules look for."""

from __future__ import annotations

from pipeline.extract.conclusion import no_problem_claims, read_conclusion, template_text
from tests.extract_documents import document


def test_conclusion_section_text_score_and_grade() -> None:
    doc = document(
        "四、项目绩效情况",
        "资金到位率得分3分，到位及时。",
        "五、综合评价情况及评价结论",
        "经评价小组综合分析，项目评定分为97分，评价结果为优。",
        "项目整体运行良好。",
        "六、存在的问题和建议",
        "存在问题：暂无问题。",
    )
    conclusion = read_conclusion(doc)
    assert conclusion.text == "经评价小组综合分析，项目评定分为97分，评价结果为优。\n项目整体运行良好。"
    assert conclusion.text_evidence is not None and conclusion.text_evidence.paragraph == 4
    assert (conclusion.total_score, conclusion.grade) == (97, "优")
    assert conclusion.evidence["total_score"].text == "评定分为97分"
    assert conclusion.evidence["grade"].text == "评价结果为优"
    assert [e.text for e in no_problem_claims(doc)] == ["暂无问题"]


def test_a_bare_score_outside_the_conclusion_is_not_the_total() -> None:
    doc = document("资金到位率得分3分。", "评价结论：该项目自评得分为88.5分，等级为“良”。")
    conclusion = read_conclusion(doc)
    assert conclusion.text == "该项目自评得分为88.5分，等级为“良”。"
    assert (conclusion.total_score, conclusion.grade) == (88.5, "良")
    assert str(conclusion.evidence["total_score"].resolution) == "0.1"
    assert read_conclusion(document("资金到位率得分3分。")).total_score is None


def test_template_instructions_left_in_cells() -> None:
    doc = document([["年度总体目标完成情况", "结合自评情况，说明年度目标完成情况（200字以内）"]])
    (evidence,) = template_text(doc)
    assert (evidence.table, evidence.row, evidence.col) == (1, 0, 1)
