"""Errors a reader raises for bad input, as distinct from defects in our own code."""


class UnreadableError(Exception):
    """The file cannot be parsed; the message says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LimitExceeded(UnreadableError):
    """The file is past a configured limit (size, pages, inflation, time)."""
