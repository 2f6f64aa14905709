"""The Alembic migrations create exactly the tables the models describe, on every backend."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pipeline.store import Store
from pipeline.store.schema import Base
from tests.databases import backends, database


@pytest.mark.parametrize("backend", backends())
def test_migrations_match_the_models(backend: str, tmp_path: Path) -> None:
    with database(backend, tmp_path) as url, Store(url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
