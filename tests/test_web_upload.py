"""Uploads: processed by the batch's own worker and store code, type sniffed from bytes, name never the client's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from pipeline.process import file_sha256
from pipeline.store import Store
from pipeline.web import create_app
from pipeline.web.upload import UploadSettings
from tests.web_seed import SEED_DOCX, SEED_PDF

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "uploads.db"


@pytest.fixture
def client(database: Path) -> Iterator[TestClient]:
    settings = UploadSettings(max_bytes=2 * 1024 * 1024)
    with TestClient(create_app(str(database), upload=settings)) as test_client:
        yield test_client


def _token(client: TestClient) -> str:
    match = CSRF.search(client.get("/").text)
    assert match
    return match.group(1)


def _upload(client: TestClient, name: str, content: bytes, token: str | None = None) -> httpx.Response:
    data = {} if token is None else {"csrf_token": token}
    return client.post("/upload", data=data, files={"file": (name, content)}, follow_redirects=False)


def test_an_uploaded_pdf_is_processed_stored_and_shown(client: TestClient, database: Path) -> None:
    content = SEED_PDF.read_bytes()
    response = _upload(client, "../../outside/evil name.docx", content, _token(client))
    sha = file_sha256(SEED_PDF)
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{sha}"
    page = client.get(f"/documents/{sha}").text
    assert "综合事务" in page and "budget.amount_mismatch" in page
    with Store(str(database)) as store:
        report = store.load_report(sha)
        assert report is not None and report.source.format == "pdf"
        assert store.paths(sha) == [f"uploads/{sha}.pdf"]  # the bytes name it, not the client
        assert store.original(sha) == content
        assert store.load_document(sha) is not None
    written = sorted(p.name for p in database.parent.rglob("*") if p.is_file())
    assert not any("evil" in name for name in written)
    assert not (database.parent.parent / "outside").exists()


def test_an_uploaded_word_file_is_processed_like_the_batch(client: TestClient, database: Path) -> None:
    from pipeline.process import process_file

    response = _upload(client, "report.pdf", SEED_DOCX.read_bytes(), _token(client))
    sha = file_sha256(SEED_DOCX)
    assert response.headers["location"] == f"/documents/{sha}"
    with Store(str(database)) as store:
        report = store.load_report(sha)
    direct = process_file(SEED_DOCX)
    assert report is not None and report.source.format == "docx"
    assert [f.message for f in report.findings] == [f.message for f in direct.findings]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.pdf", "这不是PDF，是改了扩展名的文本。".encode()),
        ("archive.docx", b"PK\x05\x06" + b"\x00" * 18),
        ("page.docx", b"<html><body>word as html</body></html>"),
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("legacy.docx", b"{\\rtf1\\ansi hello}"),
    ],
)
def test_files_that_are_not_docx_or_pdf_are_refused_by_their_bytes(
    client: TestClient, database: Path, name: str, content: bytes
) -> None:
    response = _upload(client, name, content, _token(client))
    assert response.status_code == 415
    with Store(str(database)) as store:
        assert store.count_documents() == 0


def test_an_empty_or_oversized_upload_is_refused(client: TestClient, database: Path) -> None:
    token = _token(client)
    assert _upload(client, "a.pdf", b"", token).status_code == 400
    far_too_big = b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024)
    assert _upload(client, "a.pdf", far_too_big, token).status_code == 413  # refused from its Content-Length
    just_too_big = b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024)
    assert _upload(client, "a.pdf", just_too_big, token).status_code == 413  # refused once read
    with Store(str(database)) as store:
        assert store.count_documents() == 0


def test_an_upload_needs_the_csrf_token(client: TestClient, database: Path) -> None:
    assert _upload(client, "a.pdf", SEED_PDF.read_bytes()).status_code == 403
    assert _upload(client, "a.pdf", SEED_PDF.read_bytes(), "forged").status_code == 403
    with Store(str(database)) as store:
        assert store.count_documents() == 0
