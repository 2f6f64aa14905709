"""The seed report (2020 综合事务 项目绩效评价报告) against its hand-written golden record.

`test_seed_report_matches_golden` runs the real pipeline on the committed .docx. The
other tests hold the golden file to the document it describes (sums, weights,
locations, every printed string), check the comparison helper itself, and check that
the committed .docx is what `corpus.seed` builds.
"""

from __future__ import annotations

import copy
import zipfile
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from corpus.seed import write_docx
from models.document import SourceInfo
from models.report import Evidence, Report
from pipeline.process import process_file
from tests.golden import (
    Difference,
    DocxView,
    compare_with_golden,
    format_differences,
    load_golden,
    location_key,
    read_docx_view,
)

SEED_DIR = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "seed"
SEED_DOCX = SEED_DIR / "zonghe-shiwu-2020.docx"
SEED_GOLDEN = SEED_DIR / "zonghe-shiwu-2020.golden.json"
WAN = Decimal(10000)
MONEY_FIELDS = frozenset({"planned", "adjusted", "received", "spent", "balance", "amount"})


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    return load_golden(SEED_GOLDEN)


@pytest.fixture(scope="module")
def view() -> DocxView:
    return read_docx_view(SEED_DOCX)


def report_from_golden(golden: dict[str, Any]) -> Report:
    """The golden record as a `Report`: dummy source, empty messages, evidence from `expected_evidence`."""
    record = {k: copy.deepcopy(v) for k, v in golden.items() if k not in ("notes", "expected_evidence")}
    record["source"] = SourceInfo(path="seed.docx", sha256="0" * 64, format="docx").model_dump()
    for finding in record["findings"]:
        finding["message"] = ""
    report = Report.model_validate(record)
    for path, location in golden["expected_evidence"].items():
        *steps, leaf = path.split(".")
        holder: Any = report
        for step in steps:
            name, _, index = step.partition("[")
            holder = getattr(holder, name)
            if index:
                holder = holder[int(index.rstrip("]"))]
        holder.evidence[leaf] = Evidence(**location)
    return report


def wan(value: str) -> str:
    """Yuan back to 万元 as the seed prints it (two decimals)."""
    return str((Decimal(value) / WAN).quantize(Decimal("0.01")))


# --- the golden test proper ---------------------------------------------------------------------


def test_golden_file_is_present() -> None:
    assert SEED_GOLDEN.is_file(), f"{SEED_GOLDEN.name} is missing: golden files are written by hand, never generated"


def test_seed_report_matches_golden() -> None:
    golden = load_golden(SEED_GOLDEN)  # loaded here, not in a fixture, so a missing file fails this test
    report = process_file(SEED_DOCX, display_path="corpus/samples/seed/zonghe-shiwu-2020.docx")
    differences = compare_with_golden(report, golden)
    if report.source.format != "docx":
        differences.insert(0, Difference("source.format", "docx", report.source.format))
    said = "".join(f"\n  pipeline: {f.message}" for f in report.findings if f.rule == "document.unreadable")
    assert not differences, format_differences(differences) + said


# --- the golden file agrees with itself and with the document ----------------------------------


def test_golden_is_a_valid_contract_record(golden: dict[str, Any]) -> None:
    report = report_from_golden(golden)
    dumped = report.model_dump(mode="json")
    for key in ("project", "budget", "spending_items", "scores", "indicators", "total_score", "grade", "kind"):
        assert _without_evidence(dumped[key]) == golden[key], f"{key} does not survive the contract model unchanged"


def _without_evidence(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_evidence(v) for k, v in value.items() if k != "evidence"}
    if isinstance(value, list):
        return [_without_evidence(v) for v in value]
    return value


def test_golden_money_adds_up(golden: dict[str, Any]) -> None:
    budget = golden["budget"]
    spent, adjusted = Decimal(budget["spent"]), Decimal(budget["adjusted"])
    assert sum(Decimal(item["amount"]) for item in golden["spending_items"]) == spent
    assert adjusted - spent == Decimal(budget["balance"])
    rate = (spent / adjusted * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert rate == Decimal(budget["execution_rate"])
    for column in ("planned", "received"):
        printed = [Decimal(s[column]) for s in budget["sources"] if s[column] is not None]
        assert sum(printed) == Decimal(budget[column]), f"sources do not add up to budget.{column}"


def test_golden_scores_respect_weights_and_explain_expected_findings(golden: dict[str, Any]) -> None:
    scores = golden["scores"]
    assert all(0 <= row["score"] <= row["weight"] for row in scores)
    level2: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in scores:
        level2[(row["level1"], row["level2"])].append(row)
    for rows in level2.values():
        assert sum(r["weight"] for r in rows) == rows[0]["level2_weight"]
    level1 = {row["level1"]: row["level1_weight"] for row in scores}
    for name, weight in level1.items():
        assert sum(rows[0]["level2_weight"] for (l1, _), rows in level2.items() if l1 == name) == weight

    rules = {finding["rule"] for finding in golden["findings"]}
    missing_weight = 100 - sum(level1.values())
    assert ("score.table_incomplete" in rules) == (missing_weight > 0)
    visible = sum(row["score"] for row in scores)
    assert ("score.total" in rules) == (golden["total_score"] > visible + missing_weight)
    assert golden["grade"] == "优" and golden["total_score"] >= 90


def test_golden_locations_point_at_their_values(golden: dict[str, Any], view: DocxView) -> None:
    record = report_from_golden(golden)
    for path, location in golden["expected_evidence"].items():
        printed = view.text_at(location)
        assert printed is not None, f"{path}: nothing at {location_key(location)}"
        assert location["text"] in printed, f"{path}: {location['text']!r} is not in {printed!r}"
        value = _value_at(record, path)
        shown = wan(value) if path.rsplit(".", 1)[-1] in MONEY_FIELDS else str(value)
        assert shown in printed, f"{path}: value {shown!r} is not printed at its location ({printed!r})"
    for finding in golden["findings"]:
        for evidence in finding["evidence"]:
            printed = view.text_at(evidence)
            assert printed is not None and evidence["text"] in printed, f"{finding['rule']}: {evidence}"


def _value_at(report: Report, path: str) -> Any:
    data: Any = report.model_dump(mode="json")
    for step in path.split("."):
        name, _, index = step.partition("[")
        data = data[name]
        if index:
            data = data[int(index.rstrip("]"))]
    return data


def test_golden_strings_are_printed_in_the_seed(golden: dict[str, Any], view: DocxView) -> None:
    targets, info = view.tables[0], view.tables[1]
    for indicator in golden["indicators"]:
        row = next(r for (r, c), text in targets.items() if c == 1 and text.strip() == indicator["name"])
        printed = [targets.get((row, c), "").strip() for c in range(2, 7)]
        assert printed == [indicator["target"], *indicator["tiers"].values()]
    info_texts = {text.strip() for text in info.values()}
    for row in golden["scores"]:
        assert {row["level1"], row["level2"], row["level3"]} <= info_texts
    for source in golden["budget"]["sources"]:
        assert source["name"] in info_texts or f"其中：{source['name']}" in info_texts
    project = golden["project"]
    for key in ("implementing_unit", "competent_department", "leader", "phone", "address", "postcode"):
        assert project[key] in info_texts, key
    assert project["conclusion"] in view.paragraphs
    spending = next(p for p in view.paragraphs if "共支出" in p)
    for item in golden["spending_items"]:
        assert f"、{item['name']}{wan(item['amount'])}万元" in spending, item["name"]


# --- the comparison helper reports what differs ---------------------------------------------------


def test_a_missing_golden_file_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "absent.golden.json"
    with pytest.raises(FileNotFoundError, match="written by hand"):
        load_golden(missing)
    assert not missing.exists()


def test_helper_finds_no_difference_in_the_golden_itself(golden: dict[str, Any]) -> None:
    assert compare_with_golden(report_from_golden(golden), golden) == []


def test_helper_names_each_wrong_field_finding_and_location(golden: dict[str, Any]) -> None:
    report = report_from_golden(golden)
    report.budget.spent = Decimal("5580100")
    report.spending_items.pop()
    report.scores[3].score = Decimal(2)
    report.findings = [f for f in report.findings if f.rule != "target.tier_order"]
    report.findings[0].evidence[1] = Evidence(paragraph=87, text="共支付512.02万元")
    report.project.evidence["leader"] = Evidence(table=2, row=2, col=0, text="项目负责人")

    paths = [d.path for d in compare_with_golden(report, golden)]
    assert "budget.spent" in paths
    assert "spending_items (count)" in paths and "spending_items[10]" in paths
    assert "scores[3].score" in paths
    assert "findings[target.tier_order]" in paths
    assert "findings[budget.amount_mismatch].evidence" in paths
    assert {"evidence of project.leader", "evidence of project.leader.text"} <= set(paths)
    assert len(paths) == 8, paths


# --- the committed sample is what the builder makes ----------------------------------------------


def test_rebuilding_the_seed_gives_the_committed_document(tmp_path: Path) -> None:
    rebuilt = tmp_path / "seed.docx"
    write_docx(rebuilt)
    with zipfile.ZipFile(SEED_DOCX) as committed, zipfile.ZipFile(rebuilt) as fresh:
        assert committed.namelist() == fresh.namelist()
        for name in committed.namelist():
            assert committed.read(name) == fresh.read(name), f"{name} differs from the committed seed"


def test_seed_document_shape(view: DocxView) -> None:
    assert len(view.tables) == 2
    assert view.paragraphs[0] == " 项目绩效目标表"
    assert view.tables[1][(12, 2)] == "项目目标"
    with zipfile.ZipFile(SEED_DOCX) as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
        assert "PAGE" in package.read("word/footer1.xml").decode()
