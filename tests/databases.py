"""Real databases for tests: a SQLite file always, PostgreSQL when PERFAUDIT_TEST_POSTGRES_URL is set.

Each PostgreSQL test gets a schema of its own (through the connection's search_path),
dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

POSTGRES_ENV = "PERFAUDIT_TEST_POSTGRES_URL"


def backends() -> list[object]:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not os.environ.get(POSTGRES_ENV), reason=f"{POSTGRES_ENV} is not set"),
            ],
        ),
    ]


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """A URL of an empty database of the given backend."""
    if backend == "sqlite":
        yield str(folder / "perfaudit.db")
        return
    import psycopg

    from pipeline.store import database_url

    server = os.environ[POSTGRES_ENV]
    schema = f"test_{uuid.uuid4().hex[:12]}"
    plain = database_url(server).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(plain, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
