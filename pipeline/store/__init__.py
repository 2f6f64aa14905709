"""Storing records in a database (SQLite file by default, PostgreSQL by URL).

with Store("perfaudit.db") as store:
    store.save(Processed(report, document), original=path)
    store.load_report(sha256)
"""

from pipeline.store.database import DEFAULT_DATABASE, database_url
from pipeline.store.rows import finding_key
from pipeline.store.store import STATUSES, Filters, Processed, Status, Store, Summary, tool_version

__all__ = [
    "DEFAULT_DATABASE",
    "STATUSES",
    "Filters",
    "Processed",
    "Status",
    "Store",
    "Summary",
    "database_url",
    "finding_key",
    "tool_version",
]
