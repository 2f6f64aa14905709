"""Resource limits for reading one document (contract defaults; all configurable)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    max_inflated_bytes: int = 500 * 1024 * 1024
    max_inflation_ratio: float = 100.0
    seconds_per_document: float = 120.0


DEFAULT_LIMITS = Limits()
