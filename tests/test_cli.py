"""The `perfaudit` command, called in-process as a user would call it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_schema_is_json_schema_of_the_record() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Report"
    for field in ("source", "kind", "project", "budget", "spending_items", "scores", "indicators", "findings"):
        assert field in schema["properties"]
    money = schema["$defs"]["Budget"]["properties"]["planned"]["anyOf"][0]
    assert money["type"] == "string"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.docx"), "--json"])
    assert result.exit_code == 2


def test_bad_files_become_unreadable_records_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    text = tmp_path / "notes.docx"
    text.write_text("这不是Word文档", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), str(text), "--json"])
    assert result.exit_code == 1
    records = _records(result.stdout)
    assert [r["source"]["path"] for r in records] == [str(empty), str(text)]
    for record in records:
        assert record["kind"] == "unreadable"
        (finding,) = record["findings"]
        assert finding["rule"] == "document.unreadable"
        assert finding["severity"] == "error"
        assert finding["message"]
    assert "为空" in records[0]["findings"][0]["message"]
    assert "Traceback" not in result.output


def test_folders_are_walked_for_document_files_only(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "broken.pdf").write_bytes(b"not a pdf at all")
    (nested / "readme.txt").write_text("ignored", encoding="utf-8")
    (nested / "~$lock.docx").write_bytes(b"lock")
    result = runner.invoke(app, ["extract", str(tmp_path), "--json"])
    records = _records(result.stdout)
    assert [Path(r["source"]["path"]).name for r in records] == ["broken.pdf"]
    assert result.exit_code == 1


def test_summary_without_json_names_the_problem(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "document.unreadable" in result.stdout
    assert "1 个文件" in result.stdout


def test_every_command_help_carries_an_example() -> None:
    names = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)
    assert names == ["export", "extract", "findings", "run", "schema", "serve"]
    commands = [[], *([name] for name in names)]
    for command in commands:
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert "perfaudit" in result.stdout and "Example" in result.stdout, command


def test_a_limit_raised_inside_a_library_error_is_still_found() -> None:
    """Libraries (the OCR engine, for one) wrap exceptions raised in their callbacks; the limit must still show."""
    from parsers.errors import LimitExceeded
    from pipeline.process import _wrapped_unreadable

    try:
        try:
            raise LimitExceeded("处理时间超过上限 1 秒")
        except LimitExceeded as error:
            raise RuntimeError("engine failed") from error
    except RuntimeError as wrapped:
        found = _wrapped_unreadable(wrapped)
    assert found is not None and "处理时间超过上限" in found.reason
    assert _wrapped_unreadable(ValueError("a defect of ours")) is None
