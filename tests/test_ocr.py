"""The OCR engine: models from the installed wheel, no network, words with boxes and confidences."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.ocr import OcrEngine, get_engine

DPI = 200
LINES = ["实际支出512.02万元", "预算执行率91.76%", "项目负责人：郑锋"]


def cjk_font(size: int) -> ImageFont.FreeTypeFont:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig is not installed")
    path = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC:lang=zh-cn"], capture_output=True, text=True)
    if path.returncode != 0 or not Path(path.stdout).exists():
        pytest.skip("no CJK font")
    return ImageFont.truetype(path.stdout, size)


def text_image() -> tuple[np.ndarray, list[tuple[int, int]]]:
    """A white A5-wide strip with LINES printed at 10.5 pt (29 px at 200 dpi), and where each starts."""
    image = Image.new("L", (1200, 400), 255)
    draw = ImageDraw.Draw(image)
    font = cjk_font(round(10.5 * DPI / 72))
    origins = [(80, 60), (80, 170), (500, 280)]
    for text, origin in zip(LINES, origins, strict=True):
        draw.text(origin, text, font=font, fill=0)
    return np.asarray(image), origins


def test_models_ship_inside_the_installed_package() -> None:
    import rapidocr_onnxruntime

    package = Path(rapidocr_onnxruntime.__file__).parent
    files = OcrEngine.model_files()
    assert len(files) >= 2
    for file in files:
        assert package in file.parents
        assert file.stat().st_size > 500_000


def test_reads_printed_lines_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise OSError("network used at run time")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    image, origins = text_image()
    words = OcrEngine().read(image, DPI)
    by_top = sorted(words, key=lambda word: word.box[1])
    assert [word.text for word in by_top] == LINES
    for word, (x, y) in zip(by_top, origins, strict=True):
        x0, top, x1, bottom = word.box
        assert x0 <= x + 2 and top <= y + 10 and bottom > y + 20 and x1 > x + 100
        assert 0.9 <= word.confidence <= 1


def test_engine_is_built_once() -> None:
    assert get_engine() is get_engine()


def test_blank_image_gives_no_words() -> None:
    assert get_engine().read(np.full((300, 400), 255, np.uint8), DPI) == []
