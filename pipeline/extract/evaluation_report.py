"""Narrative reports (绩效评价报告, 自评报告, 部门整体支出 reports): tables and text read by label."""

from __future__ import annotations

from models.document import Document
from models.facts import Extraction
from models.report import Kind
from pipeline.extract.general import extract_general


def extract(document: Document, kind: Kind) -> Extraction:
    return extract_general(document, kind)
