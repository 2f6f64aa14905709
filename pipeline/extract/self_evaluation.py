"""Self-evaluation forms (项目支出绩效自评表).

For now the label-driven reading shared with reports; the form's own rules (the
budget-execution row in the indicator block, 总分 rows, unfilled cells) belong here.
"""

from __future__ import annotations

from models.document import Document
from models.facts import Extraction
from models.report import Kind
from pipeline.extract.general import extract_general


def extract(document: Document, kind: Kind) -> Extraction:
    return extract_general(document, kind)
