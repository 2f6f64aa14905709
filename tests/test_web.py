"""The review page through HTTP (FastAPI's test client) over a database the real batch filled from the seed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.batch.run import RunOptions, run
from pipeline.store import Store
from pipeline.store.decisions import decisions_of
from pipeline.store.rows import finding_key
from pipeline.web import create_app
from tests.web_seed import SEED_DOCX, SEED_PDF, copy_database, shared_seed_database

DOCUMENT_LINK = re.compile(r'href="/documents/([0-9a-f]{64})"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def seed_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_seed_database(tmp_path_factory.getbasetemp())


@pytest.fixture
def database(seed_database: Path, tmp_path: Path) -> Path:
    return copy_database(seed_database, tmp_path)


@pytest.fixture
def client(database: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(database))) as test_client:
        yield test_client


def stored(database: Path, source: Path):  # type: ignore[no-untyped-def]
    """The stored record of one seed file, read back through the store."""
    from pipeline.process import file_sha256

    with Store(str(database)) as store:
        report = store.load_report(file_sha256(source))
    assert report is not None
    return report


def csrf_of(page: str) -> str:
    match = CSRF.search(page)
    assert match, "page has no CSRF token"
    return match.group(1)


# --- the document list -----------------------------------------------------------------------------


def test_list_shows_every_stored_document_with_its_finding_counts(client: TestClient, database: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200
    shas = DOCUMENT_LINK.findall(page.text)
    docx_report, pdf_report = stored(database, SEED_DOCX), stored(database, SEED_PDF)
    assert sorted(shas) == sorted([docx_report.source.sha256, pdf_report.source.sha256])
    assert "共 2 份" in page.text
    opened = len(docx_report.findings)
    assert page.text.count(f"{opened} 未处理") == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"project": "综合"}, 2),
        ({"project": "不存在的项目"}, 0),
        ({"unit": "政务中心"}, 2),
        ({"year": "2020"}, 2),
        ({"year": "2019"}, 0),
        ({"kind": "evaluation_report"}, 2),
        ({"kind": "self_evaluation_form"}, 0),
        ({"status": "ok"}, 2),
        ({"status": "crashed"}, 0),
        ({"rule": "target.tier_order"}, 2),
        ({"rule": "score.grade"}, 0),
        ({"severity": "info"}, 2),
        ({"severity": "error"}, 0),
        ({"rule": "narrative.percent_claim", "severity": "warning"}, 0),
    ],
)
def test_list_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    page = client.get("/", params=params)
    assert page.status_code == 200
    assert len(DOCUMENT_LINK.findall(page.text)) == expected
    assert f"共 {expected} 份" in page.text


@pytest.mark.parametrize("query", ["page=abc", "page=0", "project=" + "x" * 201])
def test_malformed_parameters_get_a_plain_400_page(client: TestClient, query: str) -> None:
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "请求参数不正确" in response.text


def test_list_ignores_unknown_filter_values_and_sorts(client: TestClient) -> None:
    for params in ({"sort": "drop table"}, {"rule": "<x>"}, {"kind": "nope"}, {"year": "20x0"}):
        page = client.get("/", params=params)
        assert page.status_code == 200
        assert len(DOCUMENT_LINK.findall(page.text)) == 2
    for sort in ("newest", "oldest", "project", "unit", "year", "findings"):
        assert len(DOCUMENT_LINK.findall(client.get("/", params={"sort": sort}).text)) == 2


# --- the document page ----------------------------------------------------------------------------


def test_document_page_lists_every_finding_and_marks_its_evidence(client: TestClient, database: Path) -> None:
    report = stored(database, SEED_DOCX)
    page = client.get(f"/documents/{report.source.sha256}").text
    for number, finding in enumerate(report.findings, start=1):
        assert f'id="f-{finding_key(finding)}"' in page
        assert _escaped(finding.message) in page
        for evidence in finding.evidence:
            if evidence.table is not None:
                loc = f"t{evidence.table}r{evidence.row}c{evidence.col}"
                cell = re.search(rf'<td data-loc="{loc}" data-findings="([\d ]+)"', page)
                assert cell and str(number) in cell.group(1).split(), loc
            else:
                marks = re.findall(rf'<mark class="ev" data-findings="([\d ]*\b{number}\b[\d ]*)">([^<]*)</mark>', page)
                assert any(_escaped(evidence.text) in text for _, text in marks), evidence.text


def test_document_page_lays_out_the_extracted_record(client: TestClient, database: Path) -> None:
    report = stored(database, SEED_DOCX)
    page = client.get(f"/documents/{report.source.sha256}").text
    record = page[page.index('id="pane-record"') :]
    for heading in ("项目基本信息", "预算与资金来源", "支出明细", "评分表", "绩效指标"):
        assert heading in record
    assert report.project.implementing_unit and report.project.implementing_unit in record
    for item in report.spending_items:
        assert _escaped(item.name) in record
        assert item.amount is None or f"{item.amount:,.2f}" in record
    for source in report.budget.sources:
        assert _escaped(source.name) in record
    # a record value cited by a finding carries its number, so selecting the finding lights it up too
    number, mismatch = next((n, f) for n, f in enumerate(report.findings, 1) if f.rule == "budget.amount_mismatch")
    assert report.budget.spent is not None
    spent_cell = re.search(rf'<td class="num" data-findings="([\d ]+)">{report.budget.spent:,.2f}<', record)
    assert spent_cell and str(number) in spent_cell.group(1).split()
    # items printed in the same paragraph are not cited by it: their words differ
    quoted = [e.text for e in mismatch.evidence]
    for item in report.spending_items:
        if item.amount is None or any(q in item.evidence["amount"].text for q in quoted):
            continue
        cell = re.search(rf'<td class="num"( data-findings="[\d ]+")?>{item.amount:,.2f}<', record)
        assert cell and cell.group(1) is None, item.name


def test_pdf_document_page_draws_evidence_boxes_on_page_images(client: TestClient, database: Path) -> None:
    report = stored(database, SEED_PDF)
    sha = report.source.sha256
    page = client.get(f"/documents/{sha}").text
    boxed_pages = {e.page for f in report.findings for e in f.evidence if e.bbox is not None}
    assert boxed_pages
    for number in boxed_pages:
        assert f'src="/documents/{sha}/page/{number}"' in page
    boxes = re.findall(r'<div class="box [^"]*" data-findings="(\d+)"[^>]*style="left:([\d.]+)%;top:([\d.]+)%', page)
    expected = sum(1 for f in report.findings for e in f.evidence if e.bbox is not None)
    assert len(boxes) == expected
    assert all(0 <= float(left) <= 100 and 0 <= float(top) <= 100 for _, left, top in boxes)

    image = client.get(f"/documents/{sha}/page/{min(boxed_pages)}")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(image.content[16:20], "big")
    assert width == 1100
    again = client.get(f"/documents/{sha}/page/{min(boxed_pages)}")
    assert again.content == image.content
    assert client.get(f"/documents/{sha}/page/{report.source.pages + 1}").status_code == 404
    assert client.get(f"/documents/{sha}/page/0").status_code == 404


def test_word_document_has_no_page_images(client: TestClient, database: Path) -> None:
    sha = stored(database, SEED_DOCX).source.sha256
    assert 'id="pane-pages"' not in client.get(f"/documents/{sha}").text
    assert client.get(f"/documents/{sha}/page/1").status_code == 404


def test_original_file_downloads_under_its_hash(client: TestClient, database: Path) -> None:
    sha = stored(database, SEED_PDF).source.sha256
    response = client.get(f"/documents/{sha}/original")
    assert response.status_code == 200
    assert response.content == SEED_PDF.read_bytes()
    assert response.headers["content-disposition"] == f'attachment; filename="{sha[:16]}.pdf"'


# --- decisions ------------------------------------------------------------------------------------


def test_a_decision_is_kept_with_reviewer_time_and_comment(client: TestClient, database: Path) -> None:
    report = stored(database, SEED_DOCX)
    sha, key = report.source.sha256, finding_key(report.findings[0])
    token = csrf_of(client.get(f"/documents/{sha}").text)
    response = client.post(
        f"/documents/{sha}/findings/{key}/decision",
        data={"csrf_token": token, "verdict": "dismissed", "comment": "表内为调整前数", "reviewer": "王审核"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{sha}#f-{key}"
    page = client.get(f"/documents/{sha}").text
    assert "已驳回" in page and "表内为调整前数" in page and "王审核" in page
    assert 'value="王审核"' in page  # the name is remembered for the next decision
    with Store(str(database)) as store:
        decision = decisions_of(store, sha)[key]
    assert (decision.verdict, decision.reviewer, decision.comment) == ("dismissed", "王审核", "表内为调整前数")
    assert decision.decided_at.tzinfo is not None

    hidden = client.get(f"/documents/{sha}", params={"hide_decided": 1}).text
    assert f'id="f-{key}"' not in hidden
    assert all(f'id="f-{finding_key(f)}"' in hidden for f in report.findings[1:])
    assert f"{len(report.findings) - 1} 未处理" in client.get("/").text

    client.post(f"/documents/{sha}/findings/{key}/reopen", data={"csrf_token": token})
    with Store(str(database)) as store:
        assert key not in decisions_of(store, sha)


def test_a_decision_survives_extracting_the_same_file_again(client: TestClient, database: Path) -> None:
    report = stored(database, SEED_PDF)
    sha, key = report.source.sha256, finding_key(report.findings[-1])
    token = csrf_of(client.get(f"/documents/{sha}").text)
    client.post(
        f"/documents/{sha}/findings/{key}/decision",
        data={"csrf_token": token, "verdict": "confirmed", "comment": "", "reviewer": "李"},
    )
    with Store(str(database)) as store:
        first_run = _processed_at(store, sha)
        summary = run([SEED_PDF], store, RunOptions(workers=1, force=True))
        assert summary.stored == 1
        assert _processed_at(store, sha) > first_run  # extracted again: every finding row was replaced
        assert decisions_of(store, sha)[key].verdict == "confirmed"
    page = client.get(f"/documents/{sha}").text
    item = page[page.index(f'id="f-{key}"') :]
    assert "已确认" in item[: item.index("</li>")]


def test_a_decision_needs_the_sessions_csrf_token(client: TestClient, database: Path) -> None:
    report = stored(database, SEED_DOCX)
    sha, key = report.source.sha256, finding_key(report.findings[0])
    url = f"/documents/{sha}/findings/{key}/decision"
    form = {"verdict": "confirmed", "reviewer": "王", "comment": ""}
    token = csrf_of(client.get(f"/documents/{sha}").text)
    assert client.post(url, data=form).status_code == 403
    assert client.post(url, data={**form, "csrf_token": token + "x"}).status_code == 403
    # a token is only good with the signed cookie of its own session
    with TestClient(client.app) as stranger:
        stranger.get("/")
        assert stranger.post(url, data={**form, "csrf_token": token}).status_code == 403
    forged = TestClient(client.app)
    forged.cookies.set("perfaudit_session", f"{token}.{'0' * 64}")
    assert forged.post(url, data={**form, "csrf_token": token}).status_code == 403
    assert client.post(url, data={**form, "csrf_token": token}, follow_redirects=False).status_code == 303
    with Store(str(database)) as store:
        assert list(decisions_of(store, sha)) == [key]
    reopen_url = f"/documents/{sha}/findings/{key}/reopen"
    assert client.post(reopen_url, data={}).status_code == 403
    assert client.post(reopen_url, data={"csrf_token": "x" + token}).status_code == 403
    with Store(str(database)) as store:
        assert list(decisions_of(store, sha)) == [key]


def test_a_decision_on_an_unknown_finding_or_with_a_bad_verdict_is_refused(client: TestClient, database: Path) -> None:
    sha = stored(database, SEED_DOCX).source.sha256
    token = csrf_of(client.get(f"/documents/{sha}").text)
    form = {"csrf_token": token, "verdict": "confirmed", "reviewer": "王"}
    assert client.post(f"/documents/{sha}/findings/{'ab' * 32}/decision", data=form).status_code == 404
    key = finding_key(stored(database, SEED_DOCX).findings[0])
    url = f"/documents/{sha}/findings/{key}/decision"
    assert client.post(url, data={**form, "verdict": "maybe"}).status_code == 400
    assert client.post(url, data={**form, "reviewer": "  "}).status_code == 400


def test_session_cookie_is_http_only_and_same_site(client: TestClient) -> None:
    response = TestClient(client.app).get("/")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "script-src 'self'" in response.headers["content-security-policy"]


# --- paths never reach the file system ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/../../etc/passwd",
        "/documents/" + "A" * 64,
        "/documents/" + "g" * 64,
        "/documents/" + "0" * 63,
        "/documents/" + "0" * 64,
        "/documents/" + "0" * 64 + "/page/1",
        "/documents/..%2Fperfaudit.db/page/1",
        "/documents/" + "0" * 64 + "/original",
        "/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original",
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2F..%2Fstore%2Fschema.py",
    ],
)
def test_no_request_path_reaches_the_file_system(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert b"import" not in response.content and b"root:" not in response.content


# --- escaping -------------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_document_text_is_escaped_everywhere(client: TestClient, tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph(f"本项目预算100万元，共支出90万元，执行率80%。{HOSTILE}")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", HOSTILE
    table.cell(1, 0).text, table.cell(1, 1).text = "实施单位", f"单位{HOSTILE}"
    path = tmp_path / "hostile.docx"
    word.save(str(path))
    token = csrf_of(client.get("/").text)
    with path.open("rb") as handle:
        response = client.post("/upload", data={"csrf_token": token}, files={"file": ("a.docx", handle)})
    assert response.status_code == 200
    for page in (response.text, client.get("/").text, client.get("/", params={"unit": "单位"}).text):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in response.text


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _processed_at(store: Store, sha: str) -> datetime:
    from sqlalchemy import select

    from pipeline.store.schema import DocumentRow

    with store.session() as session:
        moment = session.scalar(select(DocumentRow.processed_at).where(DocumentRow.sha256 == sha))
    assert moment is not None
    return moment
