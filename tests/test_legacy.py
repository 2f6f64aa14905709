""".doc, .wps and .rtf through real LibreOffice, compared with the .docx they were saved from."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from models.document import Document
from parsers import read
from parsers.errors import LimitExceeded, UnreadableError
from parsers.legacy import count_odf_tables, find_soffice
from parsers.limits import Limits

pytestmark = pytest.mark.libreoffice

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples" / "legacy"
FORMATS = ["doc", "wps", "rtf"]

requires_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None, reason="LibreOffice is not installed"
)


@pytest.fixture(scope="module")
def original() -> Document:
    return read(SAMPLES / "report.docx")


@pytest.fixture(scope="module")
def converted() -> dict[str, Document]:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice is not installed")
    return {fmt: read(SAMPLES / f"report.{fmt}") for fmt in FORMATS}


def _cell_layout(document: Document) -> list[tuple]:
    return [
        (
            table.index,
            table.parent,
            table.n_rows,
            table.n_cols,
            [(c.row, c.col, c.row_span, c.col_span, c.nested_tables) for c in table.cells],
        )
        for table in document.tables
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_source_keeps_the_legacy_format(converted: dict[str, Document], fmt: str) -> None:
    path = SAMPLES / f"report.{fmt}"
    source = converted[fmt].source
    assert source.format == fmt
    assert source.pages is None
    assert source.path == str(path)
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", FORMATS)
def test_tables_keep_their_grid_merges_and_nesting(
    original: Document, converted: dict[str, Document], fmt: str
) -> None:
    document = converted[fmt]
    assert _cell_layout(document) == _cell_layout(original)
    assert any(table.parent is not None for table in document.tables)
    assert document.warnings == []


@pytest.mark.parametrize(
    "fmt",
    [
        "doc",
        "wps",
        "rtf",
    ],
)
def test_texts_match_the_original(original: Document, converted: dict[str, Document], fmt: str) -> None:
    document = converted[fmt]
    assert [p.text for p in document.paragraphs if p.text] == [p.text for p in original.paragraphs if p.text]
    for ours, theirs in zip(document.tables, original.tables, strict=True):
        assert [c.text for c in ours.cells] == [c.text for c in theirs.cells]


@requires_soffice
def test_a_broken_ole2_file_is_unreadable_not_plain_text(tmp_path: Path) -> None:
    broken = tmp_path / "broken.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 16)
    with pytest.raises(UnreadableError, match="LibreOffice"):
        read(broken)


@requires_soffice
def test_time_limit_kills_the_conversion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The conversion's private folder goes under tmp_path, so its processes can be told from others'.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(LimitExceeded, match="时限"):
        read(SAMPLES / "report.doc", Limits(seconds_per_document=0.3))
    assert list(tmp_path.iterdir()) == []  # the private folder and profile are gone too
    leftovers = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                command = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if str(tmp_path).encode() in command:
                leftovers.append(command)
    assert leftovers == []


def test_missing_libreoffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PERFAUDIT_SOFFICE", raising=False)
    with pytest.raises(UnreadableError, match="LibreOffice"):
        find_soffice()
    with pytest.raises(UnreadableError, match="LibreOffice"):
        read(SAMPLES / "report.rtf")


def test_odf_table_count_takes_body_tables_with_nested_ones_but_not_text_boxes(tmp_path: Path) -> None:
    flat = tmp_path / "doc.fodt"
    flat.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
 <office:master-styles><table:table table:name="in a header"/></office:master-styles>
 <office:body><office:text>
  <table:table table:name="T1"><table:table-row><table:table-cell>
    <table:table table:name="nested"/>
  </table:table-cell></table:table-row></table:table>
  <text:p><draw:frame><draw:text-box><table:table table:name="in a text box"/></draw:text-box></draw:frame></text:p>
  <table:table table:name="T2"/>
 </office:text></office:body>
</office:document>""",
        encoding="utf-8",
    )
    assert count_odf_tables(flat) == 3


def test_environment_variable_names_the_libreoffice_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "lo-wrapper"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PERFAUDIT_SOFFICE", str(fake))
    assert find_soffice() == str(fake)
    assert os.access(find_soffice(), os.X_OK)
