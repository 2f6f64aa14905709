"""Document → contract record (`Report`) plus the facts the rules compare (`Facts`).

The document's genre is decided from its words; each genre has its own module,
chosen from one registry, so a layout with rules of its own (the self-evaluation
form) grows without touching the others.
"""

from __future__ import annotations

from collections.abc import Callable

from models.document import Document
from models.facts import Extraction
from models.report import Kind
from pipeline.extract import evaluation_report, form
from pipeline.extract.classify import classify_document, is_titled_form

Genre = Callable[[Document, Kind], Extraction]

GENRES: dict[Kind, Genre] = {
    "evaluation_report": evaluation_report.extract,
    "department_report": evaluation_report.extract,
    "self_evaluation_form": form.extract,
    "unknown": evaluation_report.extract,
}


def extract(doc: Document) -> Extraction:
    """Every value the document prints that the contract names, each with its location."""
    kind = classify_document(doc)
    if kind == "department_report" and is_titled_form(doc):
        # 部门整体绩效自评表 (Chongqing and others) is a form in layout: read it as one, keep its kind.
        return form.extract(doc, kind)
    return GENRES[kind](doc, kind)


__all__ = ["GENRES", "classify_document", "extract"]
