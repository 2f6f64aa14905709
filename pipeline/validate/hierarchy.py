"""A level-2 indicator under a level-1 it does not belong to (indicator.misplaced, R21)."""

from __future__ import annotations

from collections.abc import Iterator

from models.facts import Extraction
from models.report import Evidence
from pipeline.validate.common import evidence_list, evidence_of
from pipeline.validate.registry import Flag, rule
from pipeline.validate.weights import normalise_label

LEVEL1_FAMILIES: dict[str, tuple[str, ...]] = {
    "产出": ("产出指标", "产出", "项目产出"),
    "效益": ("效益指标", "效益", "项目效益", "效果指标", "效果"),
    "满意度": ("满意度指标", "满意度", "服务对象满意度指标", "社会公众或服务对象满意度指标"),
    "决策": ("决策", "项目决策", "决策指标"),
    "过程": ("过程", "项目过程", "过程指标", "项目管理", "管理"),
}
"""Spellings of each level-1 heading across templates."""

LEVEL2_HOMES: dict[str, tuple[str, ...]] = {
    "数量指标": ("产出",),
    "质量指标": ("产出",),
    "时效指标": ("产出",),
    "成本指标": ("产出",),
    "经济成本指标": ("产出",),
    "社会成本指标": ("产出",),
    "生态环境成本指标": ("产出",),
    "产出数量": ("产出",),
    "产出质量": ("产出",),
    "产出时效": ("产出",),
    "产出成本": ("产出",),
    "经济效益指标": ("效益",),
    "社会效益指标": ("效益",),
    "生态效益指标": ("效益",),
    "可持续影响指标": ("效益",),
    "经济效益": ("效益",),
    "社会效益": ("效益",),
    "生态效益": ("效益",),
    "可持续影响": ("效益",),
    "实施效益": ("效益",),
    "服务对象满意度指标": ("满意度", "效益"),
    "服务对象满意度": ("满意度", "效益"),
    "社会公众满意度指标": ("满意度", "效益"),
    "项目立项": ("决策",),
    "绩效目标": ("决策",),
    "资金投入": ("决策",),
    "决策过程": ("决策",),
    "资金分配": ("决策",),
    "项目目标": ("决策",),
    "资金管理": ("过程",),
    "组织实施": ("过程",),
    "资金到位": ("过程",),
    "业务管理": ("过程",),
    "财务管理": ("过程",),
}
"""Where each known level-2 heading may stand (10号 附件1/2 and the local variants in domain rules §2).
Satisfaction sits under 效益 in the evaluation framework and under its own level 1 on forms."""


def level1_family(level1: str) -> str | None:
    for family, spellings in LEVEL1_FAMILIES.items():
        if level1 in spellings:
            return family
    return None


@rule("indicator.misplaced", severity="warning")
def misplaced(extraction: Extraction) -> Iterator[Flag]:
    """A known level-2 heading under a known level-1 heading it does not belong to (数量指标 under 项目决策).

    One finding per misplaced pair of headings. Not flagged: headings not in the vocabulary (local
    templates invent their own); 满意度 under 效益; 产出/效益/满意度 headings under an umbrella
    level 1 such as 项目绩效 (not a known family); 经济/社会/生态环境成本指标 under 产出.
    """
    rows: list[tuple[str | None, str | None, list[Evidence | None]]] = []
    for row in [*extraction.report.scores, *extraction.report.indicators]:
        headings = [evidence_of(row, "level2"), evidence_of(row, "level1")]
        if not any(headings):
            headings = [evidence_of(row, "level3") or evidence_of(row, "name")]
        rows.append((row.level1, row.level2, headings))
    seen: set[tuple[str, str]] = set()
    for level1, level2, evidence in rows:
        one, two = normalise_label(level1), normalise_label(level2)
        if not one or not two or (one, two) in seen:
            continue
        homes, family = LEVEL2_HOMES.get(two), level1_family(one)
        if homes is None or family is None or family in homes:
            continue
        seen.add((one, two))
        yield Flag(
            message=f"二级指标“{level2}”不应归入一级指标“{level1}”（应属于{'或'.join(homes)}类一级指标）",
            evidence=evidence_list(evidence),
        )
