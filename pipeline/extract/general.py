"""Extraction shared by every genre: project information, funds, score and indicator tables, and the
narrative's figures. Genre modules start from this and add what only their layout has."""

from __future__ import annotations

from decimal import Decimal

from models.document import Document, Paragraph, Table
from models.facts import BlankCell, Extraction, Facts, Itemisation, PercentClaim
from models.numbers import tolerance
from models.report import Budget, Evidence, Kind, Report, SpendingItem
from pipeline.extract import narrative
from pipeline.extract.classify import find_sections
from pipeline.extract.conclusion import (
    no_problem_claims,
    read_conclusion,
    table_conclusion,
    table_grade,
    template_text,
)
from pipeline.extract.funds import FundsFacts, extract_funds
from pipeline.extract.info_table import extract_project
from pipeline.extract.labels import paragraph_evidence, plain_resolution
from pipeline.extract.resolve import resolve_budget
from pipeline.extract.scores import blank_total_cells, extract_scores, section_weights
from pipeline.extract.targets import extract_indicators, printed_columns

_SPENDING_WORDS = ("支出", "支付", "使用", "用于", "花费")


def _paragraph_reader(paragraph: Paragraph) -> narrative.EvidenceAt:
    def evidence_at(text: str, resolution: Decimal | None) -> Evidence:
        return paragraph_evidence(paragraph, text, resolution)

    return evidence_at


def _cell_reader(evidence: Evidence) -> narrative.EvidenceAt:
    def evidence_at(text: str, resolution: Decimal | None) -> Evidence:
        return evidence.model_copy(update={"text": text, "resolution": plain_resolution(resolution)})

    return evidence_at


def _read_paragraph(paragraph: Paragraph, facts: Facts, shares: list[narrative.NamedShare]) -> None:
    if not paragraph.text.strip():
        return
    doc = narrative.nlp()(paragraph.text)
    evidence_at = _paragraph_reader(paragraph)
    items, skip = narrative.itemisations(doc, evidence_at)
    facts.itemisations.extend(items)
    mentions, summed = narrative.budget_figures(doc, evidence_at, skip)
    facts.mentions.extend(mentions)
    facts.itemisations.extend(summed)
    facts.percent_claims.extend(narrative.percent_claims(doc, evidence_at))
    facts.count_claims.extend(narrative.count_claims(doc, evidence_at))
    facts.adjustment_reasons.extend(narrative.adjustment_reasons(doc, evidence_at))
    shares.extend(narrative.named_shares(doc, evidence_at))


def _read_table(table: Table, before: Paragraph | None, report: Report, facts: Facts, funds: FundsFacts) -> None:
    already = len(funds.mentions)
    extract_funds(table, before, funds)
    facts.mentions.extend(funds.mentions[already:])
    for section in find_sections(table):
        facts.blank_cells.extend(blank_total_cells(section))
        if section.kind == "score":
            rows, subtotals = extract_scores(section, len(report.scores))
            report.scores.extend(rows)
        else:
            indicators, subtotals = extract_indicators(section, len(report.indicators))
            report.indicators.extend(indicators)
            facts.indicator_columns.extend(c for c in printed_columns(section) if c not in facts.indicator_columns)
            for indicator in indicators:
                if indicator.name and "name" in indicator.evidence:
                    doc = narrative.nlp()(indicator.name)
                    facts.count_claims.extend(narrative.count_claims(doc, _cell_reader(indicator.evidence["name"])))
        facts.subtotals.extend(subtotals)


def _spending_itemisation(itemisations: list[Itemisation], budget: Budget) -> Itemisation | None:
    amounts = [v for v in (budget.spent, budget.planned, budget.adjusted, budget.received) if v is not None]
    for itemisation in itemisations:
        if itemisation.unit != "yuan":
            continue
        resolution = itemisation.whole_evidence.resolution or Decimal(0)
        if any(abs(itemisation.whole - amount) <= tolerance(resolution, Decimal(1)) for amount in amounts) or any(
            word in itemisation.label for word in _SPENDING_WORDS
        ):
            return itemisation
    return None


def _fill_budget(report: Report, facts: Facts, funds: FundsFacts) -> None:
    budget = report.budget
    for quantity, (value, evidence) in resolve_budget(facts.mentions, facts.itemisations).items():
        setattr(budget, quantity, value)
        budget.evidence[quantity] = evidence
    for name, value in funds.extras.items():
        setattr(budget, name, value)
        budget.evidence[name] = funds.extras_evidence[name]
    budget.sources = funds.sources
    facts.blank_cells.extend(funds.blank_cells)
    itemisation = _spending_itemisation(facts.itemisations, budget)
    if itemisation is not None:
        report.spending_items = [
            SpendingItem(name=part.name, amount=part.value, evidence={"name": part.evidence, "amount": part.evidence})
            for part in itemisation.parts
        ]


def _resolve_shares(shares: list[narrative.NamedShare], budget: Budget, facts: Facts) -> None:
    """A share of 总支出 is a share of the record's spent: the claim is checked against that figure."""
    for share in shares:
        whole, evidence = getattr(budget, share.quantity), budget.evidence.get(share.quantity)
        if whole is None or evidence is None:
            continue
        facts.percent_claims.append(PercentClaim(
            kind="share", stated=share.stated, stated_evidence=share.stated_evidence, part=share.part, whole=whole,
            evidence=[share.part_evidence, evidence], label=share.words,
        ))  # fmt: skip


def _fill_conclusion(document: Document, report: Report, facts: Facts) -> None:
    """Conclusion text, total score and grade: from the text first, then from the tables."""
    conclusion = read_conclusion(document)
    if conclusion.text is None and (row := table_conclusion(document)) is not None:
        if isinstance(row, BlankCell):
            facts.blank_cells.append(row)
        else:
            conclusion.text, conclusion.text_evidence = row
    if conclusion.text is not None and conclusion.text_evidence is not None:
        report.project.conclusion = conclusion.text
        report.project.evidence["conclusion"] = conclusion.text_evidence
    report.total_score = conclusion.total_score
    report.grade = conclusion.grade  # type: ignore[assignment]
    report.evidence.update(conclusion.evidence)
    if report.grade is None and (graded := table_grade(document)) is not None:
        report.grade, report.evidence["grade"] = graded  # type: ignore[assignment]
    if report.total_score is None:
        total = next((s for s in facts.subtotals if s.score is not None and s.label != "小计"), None)
        if total is not None and total.score is not None:
            report.total_score = total.score
            report.evidence["total_score"] = total.evidence["score"]


def extract_general(document: Document, kind: Kind) -> Extraction:
    """Everything label-driven extraction can read from any document of the genre family."""
    report = Report(source=document.source, kind=kind)
    facts = Facts()
    funds = FundsFacts()
    report.project = extract_project(document)
    previous: Paragraph | None = None
    shares: list[narrative.NamedShare] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            _read_paragraph(block, facts, shares)
            if block.text.strip():
                previous = block
        else:
            _read_table(block, previous, report, facts, funds)
    _fill_budget(report, facts, funds)
    _resolve_shares(shares, report.budget, facts)
    facts.section_weights = section_weights(report.scores) + section_weights(report.indicators)

    _fill_conclusion(document, report, facts)
    facts.no_problem_claims = no_problem_claims(document)
    facts.template_text = template_text(document)
    return Extraction(report=report, facts=facts)
