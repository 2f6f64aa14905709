"""Alembic environment. The store passes an open connection in `config.attributes["connection"]`.

Run by hand with `alembic -c pipeline/migrations/alembic.ini -x url=sqlite:///perfaudit.db upgrade head`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pipeline.store.schema import Base

config = context.config


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from pipeline.store.database import database_url

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
