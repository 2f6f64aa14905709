"""The review page's application: `create_app(db_url)` builds a FastAPI app over a perfaudit database."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.store import Store
from pipeline.web import formatting
from pipeline.web.pages import PageImages
from pipeline.web.routes import router
from pipeline.web.security import Sessions
from pipeline.web.upload import UploadSettings, too_large_reason

HERE = Path(__file__).parent
SECRET_ENV = "PERFAUDIT_SECRET"
# Inline style attributes place the evidence boxes on page images; no inline script anywhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def templates() -> Jinja2Templates:
    # autoescape on for every template: document text is only ever inserted escaped
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    formatting.install(env)
    return Jinja2Templates(env=env)


def create_app(
    db_url: str | None = None, *, secret: bytes | None = None, upload: UploadSettings | None = None
) -> FastAPI:
    """The review page over the database at `db_url` (a SQLite path or a postgresql:// URL)."""
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="perfaudit review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.store = store
    app.state.templates = templates()
    app.state.pages = PageImages(store.original)
    app.state.upload = upload or UploadSettings()
    secret = secret or os.environ.get(SECRET_ENV, "").encode() or os.urandom(32)
    sessions = Sessions(secret)
    app.state.sessions = sessions
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)

    @app.middleware("http")
    async def session_and_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        if request.method == "POST" and request.url.path == "/upload":
            refused = _upload_too_large(request, app.state.upload.max_bytes)
            if refused is not None:
                return error_response(request, *refused)
        token = sessions.token(request)
        fresh = token is None
        request.state.csrf = token if token is not None else sessions.new_token()
        response: Response = await call_next(request)
        if fresh:
            sessions.set_cookie(response, request.state.csrf)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        fields = "、".join(str(e["loc"][-1]) for e in error.errors())
        return error_response(request, 400, f"请求参数不正确：{fields}")

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, error: StarletteHTTPException) -> Response:
        return app.state.templates.TemplateResponse(
            request,
            "error.html",
            {"status": error.status_code, "detail": str(error.detail)},
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    return app


def error_response(request: Request, status: int, detail: str) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status
    )


def _upload_too_large(request: Request, max_bytes: int) -> tuple[int, str] | None:
    """Refuse an oversized upload from its Content-Length, before its body is read."""
    length = request.headers.get("content-length", "")
    if not length.isdigit():
        return 411, "上传需要 Content-Length"
    if int(length) > max_bytes + 64 * 1024:  # room for the multipart envelope
        return 413, too_large_reason(max_bytes)
    return None
