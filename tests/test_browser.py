"""The review page in a real browser: Debian's Chromium, headless, driven by Playwright, over a database
filled by running the batch on the seed report. Skipped only when no Chromium binary exists at all.

PERFAUDIT_UPDATE_SCREENSHOT=1 also writes the document-page screenshot to docs/review-page.png.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from models.report import Report
from pipeline.process import file_sha256
from pipeline.store import Store
from pipeline.web import create_app
from tests.web_seed import SEED_DOCX, SEED_PDF, copy_database, shared_seed_database

CHROMIUM = (
    os.environ.get("PERFAUDIT_CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
    or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "review-page.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium binary at {CHROMIUM}"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeded = shared_seed_database(tmp_path_factory.getbasetemp())
    return copy_database(seeded, tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def base_url(database: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(database)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the review page did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    opened = context.new_page()
    yield opened
    context.close()


def _report(database: Path, source: Path) -> Report:
    with Store(str(database)) as store:
        report = store.load_report(file_sha256(source))
    assert report is not None
    return report


def _mismatch(report: Report) -> tuple[int, str]:
    """The number of the seed's amount-mismatch finding and the location id of its table cell."""
    for number, finding in enumerate(report.findings, start=1):
        if finding.rule == "budget.amount_mismatch":
            cell = next(e for e in finding.evidence if e.table is not None)
            return number, f"t{cell.table}r{cell.row}c{cell.col}"
    raise AssertionError("the seed report should have an amount mismatch")


def test_list_to_document_highlight_dismiss_and_reload(page: Page, base_url: str, database: Path) -> None:
    report = _report(database, SEED_DOCX)
    number, loc = _mismatch(report)
    page.goto(base_url + "/")
    rows = page.locator("table.documents tbody tr")
    expect(rows).to_have_count(2)
    rows.filter(has_text=SEED_DOCX.name).locator(".project a").click()
    expect(page.locator(".doc-head h1")).to_have_text(report.project.name or "")

    finding = page.locator(f'.finding[data-number="{number}"]')
    cell = page.locator(f'#pane-text td[data-loc="{loc}"]')
    expect(cell).not_to_have_class("hl")
    finding.locator(".finding-head").click()
    expect(finding).to_have_class("finding sev-warning selected")
    expect(cell).to_have_class("hl hl-focus")
    expect(cell).to_be_in_viewport()
    sentence = page.locator(f'#pane-text mark[data-findings~="{number}"]')
    expect(sentence).to_have_class("ev hl")
    # another finding's evidence is not lit
    other = page.locator(f'.finding[data-number="{number % len(report.findings) + 1}"]')
    other.locator(".finding-head").click()
    expect(cell).not_to_have_class("hl")
    finding.locator(".finding-head").click()

    SCREENSHOT.parent.mkdir(exist_ok=True)
    shot = page.screenshot()
    assert len(shot) > 50_000
    if os.environ.get("PERFAUDIT_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(shot)

    finding.locator("textarea[name=comment]").fill("表中为调整前预算，文中为实际支出，不是错误")
    finding.locator("input[name=reviewer]").fill("王审核")
    finding.locator("button.dismiss").click()
    page.wait_for_load_state("load")
    kept = page.locator(f'.finding[data-number="{number}"]')
    expect(kept.locator(".verdict")).to_have_text("已驳回")
    expect(kept.locator(".comment")).to_have_text("表中为调整前预算，文中为实际支出，不是错误")

    page.reload()
    kept = page.locator(f'.finding[data-number="{number}"]')
    expect(kept).to_have_class("finding sev-warning decided verdict-dismissed selected")  # selected from the URL
    expect(kept.locator(".decision")).to_contain_text("王审核")
    expect(page.locator(f'#pane-text td[data-loc="{loc}"]')).to_have_class("hl hl-focus")
    expect(page.locator(".findings-head .sub")).to_contain_text("已处理 1")
    # the name is remembered for the next finding
    expect(page.locator('.finding[data-number="1"] input[name=reviewer]')).to_have_value("王审核")

    page.locator(".findings-head a", has_text="隐藏已处理").click()
    expect(page.locator(f'.finding[data-number="{number}"]')).to_have_count(0)
    expect(page.locator(".finding")).to_have_count(len(report.findings) - 1)


def test_pdf_page_image_shows_the_evidence_box(page: Page, base_url: str, database: Path) -> None:
    report = _report(database, SEED_PDF)
    number, _ = _mismatch(report)
    page.goto(f"{base_url}/documents/{report.source.sha256}")
    page.locator('.tabs [data-pane="pane-pages"]').click()
    page.locator(f'.finding[data-number="{number}"] .finding-head').click()
    boxes = page.locator(f'#pane-pages .box[data-findings~="{number}"]')
    expect(boxes.first).to_have_class("box sev-warning hl hl-focus")
    expect(boxes.first).to_be_in_viewport()
    image = page.locator(f'#pane-pages figure[data-page="{report.findings[number - 1].evidence[0].page}"] img')
    expect(image).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    # the box sits over the figure: its left edge matches the evidence x0 on the rendered page
    evidence = report.findings[number - 1].evidence[0]
    assert evidence.bbox is not None and report.source.pages
    frame = image.bounding_box()
    box = boxes.first.bounding_box()
    assert frame and box
    page_width_pt = pdfium.PdfDocument(SEED_PDF.read_bytes()).get_page_size(evidence.page - 1)[0]  # type: ignore[operator]
    expected_left = frame["x"] + (evidence.bbox[0] - 1.5) / page_width_pt * frame["width"]
    assert abs(box["x"] - expected_left) < 4


DROP = """(encoded) => {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "dropped.docx"));
    return transfer;
}"""


def _word_file(path: Path, spent: str) -> Path:
    import docx

    word = docx.Document()
    word.add_paragraph("关于浏览器上传测试项目的绩效评价报告")
    word.add_paragraph(f"项目预算100万元，实际支出{spent}万元，预算执行率为85%。")
    word.save(str(path))
    return path


def test_upload_by_drop_and_by_file_input_opens_the_processed_document(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    dropped = _word_file(tmp_path / "拖放.docx", "80")
    page.goto(base_url + "/")
    transfer = page.evaluate_handle(DROP, base64.b64encode(dropped.read_bytes()).decode())
    with page.expect_navigation(timeout=120_000):
        page.dispatch_event("#upload", "drop", {"dataTransfer": transfer})
    assert page.url.endswith(f"/documents/{file_sha256(dropped)}")
    expect(page.locator(".doc-head .path")).to_have_text(f"uploads/{file_sha256(dropped)}.docx")
    expect(page.locator("#pane-text")).to_contain_text("实际支出80万元")

    chosen = _word_file(tmp_path / "选择.docx", "70")
    page.goto(base_url + "/")
    with page.expect_navigation(timeout=120_000):
        page.locator("#upload-file").set_input_files(str(chosen))
    assert page.url.endswith(f"/documents/{file_sha256(chosen)}")
    expect(page.locator("#pane-text")).to_contain_text("实际支出70万元")
