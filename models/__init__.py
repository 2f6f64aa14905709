"""Data models shared by every stage: the parsed `Document` and the contract `Report`.

This package imports nothing from `parsers` or `pipeline`.
"""

from models.document import Cell, Document, Location, Paragraph, SourceInfo, Table
from models.report import (
    Budget,
    Evidence,
    Finding,
    FundingSource,
    Indicator,
    Project,
    Report,
    ScoreRow,
    SpendingItem,
)

__all__ = [
    "Budget",
    "Cell",
    "Document",
    "Evidence",
    "Finding",
    "FundingSource",
    "Indicator",
    "Location",
    "Paragraph",
    "Project",
    "Report",
    "ScoreRow",
    "SourceInfo",
    "SpendingItem",
    "Table",
]
