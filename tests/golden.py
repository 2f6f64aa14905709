"""Golden records: compare an extracted `Report` with a hand-written expectation, field by field.

A golden file is the contract record of one corpus document without `source` and
without any `evidence` object, plus:
- `expected_evidence`: {"budget.spent": {"paragraph": 38, "text": "共支出512.02万元"}, …} —
  where a few key values must have been found (path into the record → location);
- `findings`: [{"rule", "severity", "evidence": [locations]}] — messages are not compared;
- `notes` (optional): why the golden decides as it does; never compared.

The comparison yields readable `Difference`s (path → expected vs got) instead of one
opaque assertion, so a failing golden test says exactly which figures are wrong.
Golden files are written by hand; nothing here ever writes one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml.etree import _Element

from models.report import Evidence, Report

LOCATION_KEYS = ("page", "table", "row", "col", "paragraph")
NOT_COMPARED = frozenset({"source", "evidence", "expected_evidence", "notes", "findings"})
_MISSING = object()

LocationKey = tuple[int | None, ...]


@dataclass(frozen=True)
class Difference:
    path: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.path}: expected {_show(self.expected)}, got {_show(self.got)}"


def _show(value: Any) -> str:
    if value is _MISSING:
        return "<missing>"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) or value else '""'


def load_golden(path: Path) -> dict[str, Any]:
    """Read a golden file; a missing one is an error, never something to create."""
    if not path.is_file():
        raise FileNotFoundError(f"golden file {path} is missing; golden files are written by hand")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def format_differences(differences: Sequence[Difference]) -> str:
    return f"{len(differences)} difference(s) from the golden record:\n" + "\n".join(
        f"  {difference}" for difference in differences
    )


def compare_with_golden(report: Report, golden: Mapping[str, Any]) -> list[Difference]:
    """Every way `report` departs from `golden`: record fields, findings and expected evidence."""
    got = _strip_evidence(report.model_dump(mode="json"))
    differences: list[Difference] = []
    for key in (k for k in golden if k not in NOT_COMPARED):
        _diff(key, golden[key], got.get(key, _MISSING), differences)
    if "findings" in golden:
        differences += compare_findings(report, golden["findings"])
    differences += compare_expected_evidence(report, golden.get("expected_evidence", {}))
    return differences


def _strip_evidence(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_evidence(v) for k, v in value.items() if k not in ("evidence", "source")}
    if isinstance(value, list):
        return [_strip_evidence(v) for v in value]
    return value


def _diff(path: str, expected: Any, got: Any, out: list[Difference]) -> None:
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in [*expected, *(k for k in got if k not in expected)]:
            _diff(f"{path}.{key}", expected.get(key, _MISSING), got.get(key, _MISSING), out)
    elif isinstance(expected, list) and isinstance(got, list):
        if len(expected) != len(got):
            out.append(Difference(f"{path} (count)", len(expected), len(got)))
        for index, (want, have) in enumerate(zip(expected, got, strict=False)):
            _diff(f"{path}[{index}]", want, have, out)
        for index in range(len(got), len(expected)):
            out.append(Difference(f"{path}[{index}]", expected[index], _MISSING))
        for index in range(len(expected), len(got)):
            out.append(Difference(f"{path}[{index}]", _MISSING, got[index]))
    elif not _same_scalar(expected, got):
        out.append(Difference(path, expected, got))


def _same_scalar(expected: Any, got: Any) -> bool:
    numeric = (int, float)
    if isinstance(expected, numeric) and isinstance(got, numeric) and not isinstance(expected, bool):
        return Decimal(str(expected)) == Decimal(str(got))
    return bool(expected == got) and type(expected) is type(got)


def location_key(location: Mapping[str, Any] | Evidence) -> LocationKey:
    if isinstance(location, Evidence):
        return location.key()
    return tuple(location.get(key) for key in LOCATION_KEYS)


def _show_locations(locations: frozenset[LocationKey]) -> list[str]:
    def show(key: LocationKey) -> str:
        return ", ".join(f"{k}={v}" for k, v in zip(LOCATION_KEYS, key, strict=True) if v is not None) or "no location"

    return sorted(show(key) for key in locations)


def compare_findings(report: Report, expected: Sequence[Mapping[str, Any]]) -> list[Difference]:
    """Findings match on rule plus the set of evidence locations; severity must agree; messages are free."""
    got = [(f.rule, frozenset(e.key() for e in f.evidence), f) for f in report.findings]
    unmatched = list(range(len(got)))
    differences: list[Difference] = []
    for want in expected:
        rule = want["rule"]
        locations = frozenset(location_key(e) for e in want.get("evidence", []))
        match = next((i for i in unmatched if got[i][0] == rule and got[i][1] == locations), None)
        if match is None:
            same_rule = [i for i in unmatched if got[i][0] == rule]
            if same_rule:
                match = same_rule[0]
                differences.append(
                    Difference(f"findings[{rule}].evidence", _show_locations(locations), _show_locations(got[match][1]))
                )
            else:
                differences.append(Difference(f"findings[{rule}]", _show_locations(locations), _MISSING))
                continue
        unmatched.remove(match)
        if got[match][2].severity != want["severity"]:
            differences.append(Difference(f"findings[{rule}].severity", want["severity"], got[match][2].severity))
    for index in unmatched:
        rule, locations, finding = got[index]
        differences.append(
            Difference(f"findings[{rule}] (unexpected: {finding.message})", _MISSING, _show_locations(locations))
        )
    return differences


_STEP = re.compile(r"(?P<name>\w+)(?:\[(?P<index>\d+)\])?")


def evidence_at(report: Report, path: str) -> Evidence | None:
    """The evidence recorded for a value path such as `budget.sources[1].planned` or `total_score`."""
    *steps, leaf = path.split(".")
    holder: Any = report
    for step in steps:
        match = _STEP.fullmatch(step)
        if match is None:
            raise ValueError(f"bad path step {step!r} in {path!r}")
        holder = getattr(holder, match["name"], None)
        if match["index"] is not None:
            index = int(match["index"])
            holder = holder[index] if isinstance(holder, list) and index < len(holder) else None
        if holder is None:
            return None
    evidence: Mapping[str, Evidence] = getattr(holder, "evidence", {})
    return evidence.get(leaf)


def compare_expected_evidence(report: Report, expected: Mapping[str, Mapping[str, Any]]) -> list[Difference]:
    """Each listed value must carry evidence at the expected location whose text overlaps the expected text."""
    differences: list[Difference] = []
    for path, want in sorted(expected.items()):
        got = evidence_at(report, path)
        where = f"evidence of {path}"
        if got is None:
            differences.append(Difference(where, dict(want), _MISSING))
            continue
        if location_key(want) != got.key():
            want_at, got_at = frozenset({location_key(want)}), frozenset({got.key()})
            differences.append(Difference(where, _show_locations(want_at), _show_locations(got_at)))
        text = want.get("text", "")
        if text and not (got.text and (got.text in text or text in got.text)):
            differences.append(Difference(f"{where}.text", text, got.text))
    return differences


@dataclass
class DocxView:
    """A Word file's body as the contract addresses it, read independently of `parsers.docx`.

    `paragraphs[i - 1]` is body paragraph i (outside tables, empty ones included);
    `tables[t - 1][(row, col)]` is the text of the cell anchored at that grid position.
    """

    paragraphs: list[str] = field(default_factory=list)
    tables: list[dict[tuple[int, int], str]] = field(default_factory=list)

    def text_at(self, location: Mapping[str, Any]) -> str | None:
        """Text at a contract location, or None when nothing (or no merged cell's top-left) is there."""
        if location.get("table") is not None:
            index = location["table"]
            if not 1 <= index <= len(self.tables):
                return None
            return self.tables[index - 1].get((location.get("row"), location.get("col")))
        index = location.get("paragraph")
        if index is not None and 1 <= index <= len(self.paragraphs):
            return self.paragraphs[index - 1]
        return None


def read_docx_view(path: Path) -> DocxView:
    view = DocxView()
    for child in docx.Document(str(path)).element.body.iterchildren():
        if child.tag == qn("w:p"):
            view.paragraphs.append(_paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            _read_table(child, view)
    return view


def _paragraph_text(paragraph: _Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        parts.append(node.text or "" if node.tag == qn("w:t") else "\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _read_table(table: _Element, view: DocxView) -> None:
    """Anchor cells by grid position; nested tables follow their parent (pre-order numbering)."""
    anchors: dict[tuple[int, int], str] = {}
    view.tables.append(anchors)
    for r, row in enumerate(table.findall(qn("w:tr"))):
        before = row.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        col = int(before.get(qn("w:val"))) if before is not None else 0
        for cell in row.findall(qn("w:tc")):
            span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            vmerge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continues = vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"
            if not continues:
                anchors[(r, col)] = "\n".join(_paragraph_text(p) for p in cell.findall(qn("w:p")))
            for nested in cell.findall(qn("w:tbl")):
                _read_table(nested, view)
            col += int(span.get(qn("w:val"))) if span is not None else 1
