"""`perfaudit serve` as a user starts it: a real uvicorn process, on this machine only unless told otherwise."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from pipeline.cli import app


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _other_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent, only a route is chosen
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_serve_help_names_its_defaults() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "8000" in result.output and "--db" in result.output


def test_serve_answers_on_loopback_only_by_default(tmp_path: Path) -> None:
    port = _free_port()
    command = [sys.executable, "-c", "from pipeline.cli import main; main()", "serve"]
    server = subprocess.Popen(
        [*command, "--db", str(tmp_path / "served.db"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "perfaudit serve did not answer"
                time.sleep(0.2)
        assert response.status_code == 200 and "共 0 份" in response.text
        other = _other_address()
        if other is not None:
            with socket.socket() as outside:
                outside.settimeout(2)
                assert outside.connect_ex((other, port)) != 0
    finally:
        server.terminate()
        server.wait(15)
    assert (tmp_path / "served.db").exists()
