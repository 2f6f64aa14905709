"""Bad input becomes `UnreadableError` with a plain Chinese reason — never a traceback from a library."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import parsers
from parsers.docx import read as read_docx
from parsers.errors import LimitExceeded, UnreadableError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.sniff import sniff_format
from tests.docx_builders import (
    docx_from_body,
    minimal_package,
    rewrite_members,
    text_para,
    understate_size,
    write_inflating_docx,
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_MB = 1024 * 1024


def good_docx(folder: Path, name: str = "good.docx") -> Path:
    return docx_from_body(folder / name, text_para("项目支出绩效自评表"))


def empty_file(folder: Path) -> Path:
    path = folder / "empty.docx"
    path.write_bytes(b"")
    return path


def text_renamed(folder: Path) -> Path:
    path = folder / "report.docx"
    path.write_text("项目名称：综合事务\n年初预算数：558.01万元\n", encoding="utf-8")
    return path


def truncated(folder: Path) -> Path:
    data = good_docx(folder).read_bytes()
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def without_document_xml(folder: Path) -> Path:
    return rewrite_members(good_docx(folder), folder / "no-body.docx", {"word/document.xml": None})


def without_content_types(folder: Path) -> Path:
    return rewrite_members(good_docx(folder), folder / "no-types.docx", {"[Content_Types].xml": None})


def malformed_xml(folder: Path) -> Path:
    body = zipfile.ZipFile(good_docx(folder)).read("word/document.xml")
    return rewrite_members(good_docx(folder), folder / "bad-xml.docx", {"word/document.xml": body[: len(body) - 40]})


def garbage_after_zip_magic(folder: Path) -> Path:
    path = folder / "garbage.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    return path


def zip_member_flagged_encrypted(folder: Path) -> Path:
    """Set the 'encrypted' bit of document.xml in both headers, as a password-protected zip would."""
    path = good_docx(folder, "encrypted-zip.docx")
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    data[info.header_offset + 6] |= 0x01
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == b"word/document.xml":
            data[central + 8] |= 0x01
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


BAD_INPUTS: dict[str, Callable[[Path], Path]] = {
    "empty": empty_file,
    "text renamed .docx": text_renamed,
    "truncated zip": truncated,
    "zip without word/document.xml": without_document_xml,
    "zip without [Content_Types].xml": without_content_types,
    "malformed XML": malformed_xml,
    "garbage after zip magic": garbage_after_zip_magic,
    "zip member flagged encrypted": zip_member_flagged_encrypted,
}


@pytest.mark.parametrize("build", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_unreadable_with_a_chinese_reason_end_to_end(
    tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    path = build(tmp_path)
    with pytest.raises(UnreadableError) as caught:
        parsers.read(path)
    assert _CJK.search(caught.value.reason), caught.value.reason


@pytest.mark.parametrize("build", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_unreadable_when_the_docx_reader_is_called_directly(
    tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    """The legacy reader hands converted files straight to the docx reader, skipping sniffing."""
    with pytest.raises(UnreadableError) as caught:
        read_docx(build(tmp_path), DEFAULT_LIMITS, fmt="docx")
    assert _CJK.search(caught.value.reason)


def test_reasons_say_what_is_wrong(tmp_path: Path) -> None:
    def reason(path: Path) -> str:
        with pytest.raises(UnreadableError) as caught:
            parsers.read(path)
        return caught.value.reason

    assert "为空" in reason(empty_file(tmp_path))
    assert "纯文本" in reason(text_renamed(tmp_path))
    assert "损坏" in reason(truncated(tmp_path))
    assert "word/document.xml" in reason(without_document_xml(tmp_path))
    assert "XML" in reason(malformed_xml(tmp_path))
    assert "密码" in reason(zip_member_flagged_encrypted(tmp_path))
    with pytest.raises(UnreadableError, match=r"不是 \.docx"):
        read_docx(text_renamed(tmp_path), DEFAULT_LIMITS, fmt="docx")


def test_html_saved_as_doc_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_text("<html xmlns:w='urn:schemas-microsoft-com:office:word'><body>绩效</body></html>", encoding="utf-8")
    with pytest.raises(UnreadableError, match="HTML"):
        sniff_format(path, DEFAULT_LIMITS)


def test_encrypted_docx_is_ole2_and_goes_to_the_legacy_reader(tmp_path: Path) -> None:
    """Office wraps an encrypted .docx in an OLE2 compound file: sniffed as "doc", refused by the docx reader."""
    path = tmp_path / "加密.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    assert sniff_format(path, DEFAULT_LIMITS) == "doc"
    with pytest.raises(UnreadableError, match="OLE2"):
        read_docx(path, DEFAULT_LIMITS, fmt="docx")


def test_file_past_the_size_limit_is_refused_by_sniffing_and_by_the_reader(tmp_path: Path) -> None:
    path = good_docx(tmp_path)
    limits = Limits(max_file_bytes=path.stat().st_size - 1)
    with pytest.raises(LimitExceeded, match="上限"):
        parsers.read(path, limits)
    with pytest.raises(LimitExceeded, match="上限"):
        read_docx(path, limits, fmt="docx")
    assert parsers.read(path).paragraphs[0].text == "项目支出绩效自评表"


# --- zip bombs ------------------------------------------------------------------------------------


def test_600_mb_bomb_is_refused_at_default_limits_from_its_declared_size(tmp_path: Path) -> None:
    path = write_inflating_docx(tmp_path / "bomb.docx", 600 * _MB)
    assert path.stat().st_size < 5 * _MB
    with pytest.raises(LimitExceeded, match="压缩炸弹"):
        parsers.read(path)


def test_ratio_check_refuses_before_inflating_anything(tmp_path: Path) -> None:
    """40 MB of spaces is under the 500 MB cap but ~200:1. The compressed data is then spoiled: had the reader
    inflated it, it would fail as corrupt; refusing with the ratio reason proves it refused from the header."""
    path = write_inflating_docx(tmp_path / "ratio.docx", 40 * _MB)
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + info.compress_size] = b"\xff" * info.compress_size
    path.write_bytes(bytes(data))
    with pytest.raises(LimitExceeded, match="压缩比") as caught:
        parsers.read(path)
    assert "100:1" in caught.value.reason


def test_bomb_past_a_lower_inflated_size_limit(tmp_path: Path) -> None:
    path = write_inflating_docx(tmp_path / "bomb.docx", 12 * _MB)
    limits = Limits(max_inflated_bytes=8 * _MB, max_inflation_ratio=10_000)
    with pytest.raises(LimitExceeded, match="MB"):
        parsers.read(path, limits)


def test_member_lying_about_its_size_is_refused_without_inflating_it_all(tmp_path: Path) -> None:
    """Declared 2 KB, really 64 MB: inflation stops at the declared size and the file is refused as broken."""
    path = understate_size(write_inflating_docx(tmp_path / "liar.docx", 64 * _MB), "word/document.xml", 2048)
    with pytest.raises(UnreadableError) as caught:
        parsers.read(path)
    assert "损坏" in caught.value.reason or "压缩炸弹" in caught.value.reason


def test_entity_expansion_in_document_xml_is_not_expanded(tmp_path: Path) -> None:
    body = zipfile.ZipFile(good_docx(tmp_path)).read("word/document.xml").decode()
    laughs = (
        '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]>"
    )
    bomb = body.replace("<w:document", laughs + "<w:document", 1).replace("项目支出绩效自评表", "&i;")
    path = rewrite_members(good_docx(tmp_path), tmp_path / "laughs.docx", {"word/document.xml": bomb.encode()})
    try:
        document = parsers.read(path)
    except UnreadableError as error:
        assert _CJK.search(error.reason)
    else:
        assert all(len(p.text) < 1000 for p in document.paragraphs)


def test_a_good_file_still_reads_after_the_checks(tmp_path: Path) -> None:
    """The guards must not refuse ordinary documents: a normal package passes declared and actual checks."""
    path = minimal_package(tmp_path / "plain.docx")
    assert parsers.read(path).source.format == "docx"
