"""The `serve` command: the review page over a perfaudit database."""

from __future__ import annotations

from typing import Annotated

import typer

from pipeline.cli import app
from pipeline.cli_options import DbOpt


@app.command()
def serve(
    db: DbOpt = "perfaudit.db",
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Only this machine by default.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Open the review page: documents, each finding next to its evidence, confirm or dismiss, upload.

    It reads the same database `perfaudit run` writes.

    Example:  perfaudit serve --db perfaudit.db   (then open http://127.0.0.1:8000)
    """
    import uvicorn

    from pipeline.web import create_app

    typer.echo(f"perfaudit review page on http://{host}:{port}  (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
