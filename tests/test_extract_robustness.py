"""Any document extracts without raising, and every value it fills carries evidence where it was printed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.document import Document
from models.report import Evidence
from pipeline.extract import extract
from tests.extract_documents import document

WORDS = [
    "项目名称", "综合事务", "主管部门", "实施单位", "项目负责人", "联系电话", "65203253", "项目类型", "经常性项目（√）",
    "计划投资额（万元）", "实际到位资金", "实际使用情况", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值",
    "得分", "其中：省财政", "年度资金总额", "一级指标", "二级指标", "三级指标", "绩效目标", "绩效标准", "优", "良",
    "中", "差", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "小计", "合计", "总分", "产出指标(50分)",
    "670.64", "558.01", "100%", "91.76%", "≥95%", "20", "4", "8.5", "—", "/", "", "", "预期目标", "实际完成情况",
    "评价结论", "^", "<", "二、绩效评价指标评分", "６７０．６４", "五百万元", "1",
]  # fmt: skip
SENTENCES = [
    "综合事务项目共支出512.02万元，具体情况为：A25.39万元、B9.96万元。",
    "预算执行率为91.76%，结余45.99万元。", "年中财政收回57.63万元，实际投资为558.01万元。",
    "2074个事项中1648个纳入，占比80%。", "同比上年度增加189.25万元，增加31.39%。", "五、评价结论",
    "项目评定分为97分，评价结果为优。", "项目名称：综合事务", "2020年度项目支出绩效自评报告", "", "其中（",
]  # fmt: skip

grids = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=8).map(
    lambda rows: [["" if (r == 0 and cell == "^") or (c == 0 and cell == "<") else cell for c, cell in enumerate(row)]
                  for r, row in enumerate(rows)]
)  # fmt: skip
blocks = st.lists(st.one_of(st.sampled_from(SENTENCES), grids), min_size=1, max_size=6)


def _printed(doc: Document, evidence: Evidence) -> str:
    if evidence.table is not None:
        cell = doc.table(evidence.table).cell_at(evidence.row or 0, evidence.col or 0)
        return cell.text if cell else ""
    return next(p.text for p in doc.paragraphs if p.index == evidence.paragraph)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks)
def test_any_document_extracts_and_every_filled_value_is_located(content: list) -> None:  # type: ignore[type-arg]
    doc = document(*content)
    report = extract(doc).report
    holders = [report.project, report.budget, *report.budget.sources, *report.spending_items, *report.scores,
               *report.indicators]  # fmt: skip
    for holder in holders:
        for field, value in holder.model_dump(exclude={"evidence", "sources", "name", "tiers"}).items():
            if value is None:
                continue
            evidence = holder.evidence.get(field)
            assert evidence is not None, f"{type(holder).__name__}.{field} = {value!r} has no evidence"
            assert evidence.text.strip() in _printed(doc, evidence)
