"""The review page's routes. Files are addressed only by sha256 looked up in the database."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pipeline.store.decisions import VERDICTS, decide, decisions_of, reopen
from pipeline.store.rows import finding_key
from pipeline.store.store import STATUSES, Store
from pipeline.validate.registry import CONTRACT_RULE_IDS
from pipeline.web.charts import execution_rates, findings_by_rule, findings_by_year
from pipeline.web.formatting import KIND_NAMES
from pipeline.web.layout import Citations, document_view, finding_views
from pipeline.web.listing import SORTS, ListQuery, distinct_years, list_documents
from pipeline.web.security import CSRF_FIELD, hex_digest, remember_reviewer, reviewer_name
from pipeline.web.upload import UploadRefused, process_upload

router = APIRouter()
_PDF_FORMATS = ("pdf", "pdf-scanned")
_MEDIA_TYPES = {
    "pdf": "application/pdf",
    "pdf-scanned": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _page(request: Request, template: str, context: dict[str, object], status: int = 200) -> HTMLResponse:
    context = {"csrf": request.state.csrf, **context}
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)  # type: ignore[no-any-return]


def _list_query(
    project: str, unit: str, year: str, kind: str, status: str, rule: str, severity: str, sort: str, page: int
) -> ListQuery:
    return ListQuery(
        project=project,
        unit=unit,
        year=int(year) if year.strip().isdigit() else None,
        kind=kind if kind in KIND_NAMES else "",
        status=status if status in STATUSES else "",
        rule=rule if rule in CONTRACT_RULE_IDS else "",
        severity=severity if severity in ("error", "warning", "info") else "",
        sort=sort,
        page=page,
    ).normalised()


Text = Annotated[str, Query(max_length=200)]


@router.get("/", response_class=HTMLResponse)
def documents(
    request: Request,
    project: Text = "",
    unit: Text = "",
    year: Text = "",
    kind: Text = "",
    status: Text = "",
    rule: Text = "",
    severity: Text = "",
    sort: Text = "newest",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    query = _list_query(project, unit, year, kind, status, rule, severity, sort, page)
    with _store(request).session() as session:
        listing = list_documents(session, query)
        years = distinct_years(session)
    return _page(
        request,
        "documents.html",
        {
            "listing": listing,
            "query": query,
            "years": years,
            "rules": CONTRACT_RULE_IDS,
            "statuses": STATUSES,
            "sorts": SORTS,
            "max_upload_mb": request.app.state.upload.max_bytes // (1024 * 1024),
        },
    )


@router.get("/overview", response_class=HTMLResponse)
def overview(
    request: Request, project: Text = "", unit: Text = "", year: Text = "", kind: Text = "", status: Text = ""
) -> HTMLResponse:
    query = _list_query(project, unit, year, kind, status, "", "", "newest", 1)
    with _store(request).session() as session:
        charts = {
            "by_rule": findings_by_rule(session, query),
            "by_year": findings_by_year(session, query),
            "rates": execution_rates(session, query),
        }
        years = distinct_years(session)
    return _page(request, "overview.html", {"query": query, "years": years, "statuses": STATUSES, **charts})


@router.get("/documents/{sha256}", response_class=HTMLResponse)
def document(request: Request, sha256: str, hide_decided: bool = False) -> HTMLResponse:
    sha256 = hex_digest(sha256)
    store = _store(request)
    report = store.load_report(sha256)
    if report is None:
        raise HTTPException(status_code=404, detail="没有这个文件")
    parsed = store.load_document(sha256)
    sizes = request.app.state.pages.sizes(sha256) if report.source.format in _PDF_FORMATS else None
    findings = finding_views(report.findings, parsed, decisions_of(store, sha256), sizes)
    shown = [f for f in findings if not (hide_decided and f.decision is not None)]
    evidence_pages = sorted({page for f in findings for page in f.boxes})
    return _page(
        request,
        "document.html",
        {
            "report": report,
            "sha256": sha256,
            "parsed": parsed,
            "view": document_view(parsed, findings) if parsed is not None else None,
            "cited": Citations(findings, parsed),
            "findings": shown,
            "all_findings": findings,
            "decided": sum(f.decision is not None for f in findings),
            "hide_decided": hide_decided,
            "paths": store.paths(sha256),
            "page_count": len(sizes) if sizes else 0,
            "page_sizes": sizes or [],
            "evidence_pages": evidence_pages,
            "reviewer": reviewer_name(request),
        },
    )


@router.get("/documents/{sha256}/page/{page}")
def page_image(request: Request, sha256: str, page: int) -> Response:
    png = request.app.state.pages.png(hex_digest(sha256), page)
    if png is None:
        raise HTTPException(status_code=404, detail="没有这一页")
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=31536000, immutable"})


@router.get("/documents/{sha256}/original")
def original(request: Request, sha256: str) -> Response:
    sha256 = hex_digest(sha256)
    store = _store(request)
    report = store.load_report(sha256)
    content = store.original(sha256) if report is not None else None
    if report is None or content is None:
        raise HTTPException(status_code=404, detail="原文件未保存")
    kind = report.source.format or "bin"
    suffix = "pdf" if kind in _PDF_FORMATS else kind
    return Response(
        content,
        media_type=_MEDIA_TYPES.get(kind, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{sha256[:16]}.{suffix}"'},
    )


@router.post("/documents/{sha256}/findings/{key}/decision")
def decision(
    request: Request,
    sha256: str,
    key: str,
    verdict: Annotated[str, Form()],
    reviewer: Annotated[str, Form(max_length=100)] = "",
    comment: Annotated[str, Form(max_length=4000)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    request.app.state.sessions.check_post(request, csrf_token)
    sha256, key = hex_digest(sha256), hex_digest(key)
    if verdict not in VERDICTS:
        raise HTTPException(status_code=400, detail="未知的处理结果")
    if not reviewer.strip():
        raise HTTPException(status_code=400, detail="请填写审核人姓名")
    _known_finding(_store(request), sha256, key)
    decide(_store(request), sha256, key, verdict, comment, reviewer)  # type: ignore[arg-type]
    response = RedirectResponse(f"/documents/{sha256}#f-{key}", status_code=303)
    remember_reviewer(response, reviewer.strip())
    return response


@router.post("/documents/{sha256}/findings/{key}/reopen")
def reopen_finding(
    request: Request, sha256: str, key: str, csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = ""
) -> Response:
    request.app.state.sessions.check_post(request, csrf_token)
    sha256, key = hex_digest(sha256), hex_digest(key)
    reopen(_store(request), sha256, key)
    return RedirectResponse(f"/documents/{sha256}#f-{key}", status_code=303)


def _known_finding(store: Store, sha256: str, key: str) -> None:
    report = store.load_report(sha256)
    if report is None or all(finding_key(f) != key for f in report.findings):
        raise HTTPException(status_code=404, detail="这个文件没有这条问题")


@router.post("/upload")
def upload(request: Request, file: UploadFile, csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "") -> Response:
    request.app.state.sessions.check_post(request, csrf_token)
    settings = request.app.state.upload
    content = file.file.read(settings.max_bytes + 1)
    try:
        sha256 = process_upload(_store(request), content, settings)
    except UploadRefused as refused:
        raise HTTPException(status_code=refused.status, detail=refused.reason) from refused
    return RedirectResponse(f"/documents/{sha256}", status_code=303)
