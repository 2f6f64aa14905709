"""The corpus generator: deterministic, varied, every rule planted, truth consistent with itself."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.generate import ALL_RULES, DEFAULT_COUNT, build, build_corpus, generate_corpus, plan_corpus, truth_path
from corpus.generate.__main__ import main as generate_main
from corpus.generate.common import grade_of
from corpus.generate.docx_writer import Grid, document_xml
from pipeline.validate.registry import CONTRACT_RULE_IDS, PRODUCED_ELSEWHERE

SEED = 11


def _texts(blocks: list) -> list[str]:
    texts = []
    for block in blocks:
        if isinstance(block, Grid):
            texts += [cell.text for row in block.rows for cell in row]
        else:
            texts.append(block.text)
    return texts


@pytest.fixture(scope="module")
def corpus() -> list:
    return list(build_corpus(SEED, DEFAULT_COUNT))


def test_same_seed_same_document_xml_and_truth() -> None:
    for plan in plan_corpus(SEED, 6):
        first, second = build(plan), build(plan)
        assert document_xml(first.blocks) == document_xml(second.blocks)
        assert json.dumps(first.truth, ensure_ascii=False) == json.dumps(second.truth, ensure_ascii=False)


def test_other_seed_other_documents() -> None:
    ours = [document_xml(build(p).blocks) for p in plan_corpus(SEED, 4)]
    theirs = [document_xml(build(p).blocks) for p in plan_corpus(SEED + 1, 4)]
    assert all(a != b for a, b in zip(ours, theirs, strict=True))


def test_written_files_are_byte_identical_across_runs(tmp_path: Path) -> None:
    generate_corpus(SEED, 4, tmp_path / "a")
    generate_corpus(SEED, 4, tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 8  # four documents, four truth files
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_every_rule_planted_at_least_three_times_in_the_default_corpus(corpus: list) -> None:
    planted = Counter(p["rule"] for _, built in corpus for p in built.truth["planted"])
    expected = set(CONTRACT_RULE_IDS) - PRODUCED_ELSEWHERE
    assert set(ALL_RULES) == expected
    assert {rule: planted[rule] for rule in expected if planted[rule] < 3} == {}


def test_about_half_the_documents_are_faulty(corpus: list) -> None:
    faulty = sum(1 for _, built in corpus if built.truth["planted"])
    assert 0.4 * len(corpus) <= faulty <= 0.6 * len(corpus)
    for plan, built in corpus:  # the truth lists what the plan asked for (and at most the layout's own fault)
        assert set(plan.faults) <= {p["rule"] for p in built.truth["planted"]}


def test_layouts_units_and_labels_vary(corpus: list) -> None:
    layouts = Counter(built.layout for _, built in corpus)
    forms = {layout.split("/")[1] for layout in layouts if layout.startswith("form/")}
    assert {"central", "yunnan", "sichuan", "beijing2016", "chongqing", "hubei", "zhongjiang"} <= forms
    report_parts = [layout.split("/")[1:] for layout in layouts if layout.startswith("report/")]
    assert {p[0] for p in report_parts} == {"seed", "separate", "separate-transposed"}
    assert {p[1] for p in report_parts} == {"7col", "5col", "5colw"}
    assert {p[2] for p in report_parts} == {"tables_first", "tables_last", "mixed"}
    text = "\n".join(t for _, built in corpus for t in _texts(built.blocks))
    for words in (
        ("年初预算数", "年初预算", "预算数(A)", "计划投资额"),
        ("全年预算数", "调整后预算数", "全年(调整)预算数"),
        ("全年执行数", "预算执行数", "执行数(B)", "实际使用情况", "实际支出"),
        ("实际完成值", "完成值", "年终完成值", "全年完成值", "全年实际值"),
        ("偏差原因分析及改进措施", "未完成原因分析"),
        ("≥", "≧", "≤", "═", "不少于"),
        ("项目资金（万元）", "项目资金（元）", "资金情况（万元）"),
    ):
        assert all(word in text for word in words), [w for w in words if w not in text]
    assert re.search(r"\d{1,3}(,\d{3})+(\.\d+)?元", text), "thousands separators"
    assert re.search(r"[０-９]", text), "full-width digits"
    assert "100百分比" in text or re.search(r"(?<![\d.])1(?![\d.%])", text)
    assert re.search(r"[一二三四五六七八九十]+个", text), "a count in Chinese numerals"
    assert re.search(r"[一二三四五六七八九][千百十][一二三四五六七八九十千百零]*万元", text), (
        "a budget in Chinese numerals"
    )


def _money(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def test_clean_truth_is_consistent(corpus: list) -> None:
    """Clean documents agree with themselves: sources add up, total is the sum, grade matches the total."""
    checked = 0
    for _, built in corpus:
        truth = built.truth
        if truth["planted"]:
            continue
        checked += 1
        budget = truth["budget"]
        for column in ("planned", "adjusted", "received", "spent"):
            parts = [s[column] for s in budget["sources"] if s[column] is not None]
            if budget[column] is not None and parts:
                assert sum(map(Decimal, parts)) == Decimal(budget[column]), (truth["layout"], column)
        if truth["spending_items"]:
            assert sum(_money(i["amount"]) for i in truth["spending_items"]) == Decimal(budget["spent"])
        scores = [Decimal(str(r["score"])) for r in truth["scores"] + truth["indicators"] if r["score"] is not None]
        for row in truth["scores"] + truth["indicators"]:
            if row["score"] is not None:
                assert 0 <= row["score"] <= row["weight"]
        if truth["kind"] == "self_evaluation_form":
            scores.append(Decimal(str(budget["execution_score"])))
            weights = sum(Decimal(str(r["weight"])) for r in truth["indicators"]) + budget["execution_weight"]
            assert weights == 100
        assert sum(scores) == Decimal(str(truth["total_score"]))
        if truth["grade"] is not None:
            assert truth["grade"] == grade_of(Decimal(str(truth["total_score"])))
        if budget["execution_rate"] is not None and budget["spent"] is not None:
            assert Decimal(budget["execution_rate"]) >= 90
    assert checked >= DEFAULT_COUNT // 3


def test_cli_writes_documents_and_truth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate_main(["--seed", "3", "--count", "4", "--out", str(tmp_path)]) == 0
    documents = sorted(tmp_path.glob("*.docx"))
    assert [d.name for d in documents] == ["form-0001.docx", "form-0003.docx", "report-0000.docx", "report-0002.docx"]
    for document in documents:
        with zipfile.ZipFile(document) as package:
            assert b"<w:tbl>" in package.read("word/document.xml")
        truth = json.loads(truth_path(document).read_text(encoding="utf-8"))
        assert truth["kind"] in ("evaluation_report", "self_evaluation_form")
        assert "source" not in truth and "planted" in truth
    assert "4 documents" in capsys.readouterr().out


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_rendering(tmp_path: Path) -> None:
    import pdfplumber

    written = generate_corpus(SEED, 2, tmp_path, ["pdf"])
    assert [p.suffix for p in written] == [".pdf", ".pdf"]
    assert not list(tmp_path.glob("*.docx"))
    for pdf in written:
        truth = json.loads(truth_path(pdf).read_text(encoding="utf-8"))
        with pdfplumber.open(pdf) as document:
            text = "".join(page.extract_text() or "" for page in document.pages)
        assert truth["project"]["implementing_unit"] in text.replace(" ", "").replace("\n", "")


def test_comparison_counts_wrong_missing_and_invented_values() -> None:
    from corpus.generate.truth import compare

    truth = {
        "kind": "self_evaluation_form",
        "project": {"name": "项目甲", "year": 2021, "leader": None},
        "budget": {"planned": "100.00", "spent": "90.00", "reason": None, "sources": []},
        "spending_items": [],
        "scores": [],
        "indicators": [
            {"name": "合格率", "target": "≥95%", "weight": 10, "score": 10},
            {"name": "满意度", "target": "≥90%", "weight": 10, "score": 9.5},
        ],
        "total_score": 29.5,
        "grade": None,
    }
    record = {
        "kind": "self_evaluation_form",
        "project": {"name": "项目 甲", "year": 2021, "leader": "张三"},  # whitespace is not a difference
        "budget": {"planned": "100.00", "spent": "99.00", "reason": None, "sources": []},
        "spending_items": [],
        "scores": [],
        "indicators": [  # found in the other order: rows pair by name
            {"name": "满意度", "target": "≥90%", "weight": 10.0, "score": 9.5},
            {"name": "合格率", "target": None, "weight": 10, "score": 10},
        ],
        "total_score": 29.5,
        "grade": None,
    }
    comparison = compare(truth, record)
    assert sorted(d.path for d in comparison.differences) == [
        "budget.spent",
        "indicators[0].target",
        "project.leader",
    ]
    assert (comparison.groups["budget"].tp, comparison.groups["budget"].fp, comparison.groups["budget"].fn) == (1, 1, 1)
    assert (comparison.groups["project"].fp, comparison.groups["project"].fn) == (1, 0)
    assert (comparison.groups["indicators"].tp, comparison.groups["indicators"].fn) == (7, 1)
    assert comparison.groups["total_grade"].tp == 1
