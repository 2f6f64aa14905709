"""Cleaning recognised words before they are placed: full-width digits read with spaces between them."""

from __future__ import annotations

import pytest

from parsers.ocr import OcrWord
from parsers.scan import _figures_unspaced


def _word(text: str) -> OcrWord:
    return OcrWord(text=text, box=(0.0, 0.0, 10.0, 10.0), confidence=0.95)


@pytest.mark.parametrize(("read", "meant"), [
    ("支出66.4 287万元、材料采购费20 2.651 2万元、购置8 9.", "支出66.4287万元、材料采购费202.6512万元、购置89."),
    ("合计 1 234.5 万元", "合计 1234.5 万元"),
    ("2023 年", "2023 年"),
    ("Section 2 3", "Section 2 3"),  # no Chinese around: the space may separate two numbers
])
def test_spaces_between_digits_in_chinese_text_are_gaps(read: str, meant: str) -> None:
    assert _figures_unspaced(_word(read)).text == meant

