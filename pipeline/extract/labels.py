"""Matching printed labels against the vocabulary, and locating what was read (Evidence)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache

from models.document import Cell, Paragraph, Table
from models.report import Evidence
from pipeline.extract.vocabulary import compact

_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_TRAILING_PUNCT = re.compile(r"[:：;；,，。、\s]+$")
_LEADING_PUNCT = re.compile(r"^[:：;；,，。、\s\-—*·•]+")


@lru_cache(maxsize=4096)
def label_core(text: str) -> str:
    """A label without whitespace, bracketed notes and trailing colons: "计划投资额（万元）：" → 计划投资额."""
    return _TRAILING_PUNCT.sub("", _BRACKETED.sub("", compact(text)))


def bracketed(text: str) -> list[str]:
    """The bracketed parts of a label ("计划投资额（万元）" → ["万元"])."""
    return [part[1:-1] for part in _BRACKETED.findall(compact(text))]


def match_label(text: str, vocabulary: Mapping[str, Iterable[str]], *, prefix: bool = False) -> str | None:
    """The field whose label this text is; exact match on the core, or a prefix match when asked."""
    core = label_core(text)
    if not core:
        return None
    for field, labels in vocabulary.items():
        if any(core == label_core(label) for label in labels):
            return field
    if prefix:
        best: tuple[int, str] | None = None
        for field, labels in vocabulary.items():
            for label in labels:
                wanted = label_core(label)
                if core.startswith(wanted) and (best is None or len(wanted) > best[0]):
                    best = (len(wanted), field)
        return best[1] if best else None
    return None


def trim(text: str) -> str:
    """Printed text without surrounding whitespace and stray punctuation."""
    return _TRAILING_PUNCT.sub("", _LEADING_PUNCT.sub("", text.strip())).strip()


def plain_resolution(resolution: Decimal | None) -> Decimal | None:
    """1E+2 → 100, 100.00 → 100: one spelling of a resolution, whatever arithmetic produced it."""
    return None if resolution is None else Decimal(format(resolution.normalize(), "f"))


def cell_evidence(table: Table, cell: Cell, text: str | None = None, resolution: Decimal | None = None) -> Evidence:
    location = table.location(cell)
    return Evidence(
        page=location.page,
        table=location.table,
        row=location.row,
        col=location.col,
        bbox=location.bbox,
        confidence=cell.confidence,
        text=cell.text if text is None else text,
        resolution=plain_resolution(resolution),
    )


def paragraph_evidence(paragraph: Paragraph, text: str, resolution: Decimal | None = None) -> Evidence:
    return Evidence(
        page=paragraph.page,
        paragraph=paragraph.index,
        bbox=paragraph.bbox,
        confidence=paragraph.confidence,
        text=text,
        resolution=plain_resolution(resolution),
    )
