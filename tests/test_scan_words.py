"""Cleaning recognised words before they are placed: full-width digits read with spaces between them,
thousands separators read as full-width commas."""

from __future__ import annotations

import pytest

from parsers.ocr import OcrWord
from parsers.scan import _figures_unspaced, _thousands_commas


def _word(text: str) -> OcrWord:
    return OcrWord(text=text, box=(0.0, 0.0, 10.0, 10.0), confidence=0.95)


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("支出66.4 287万元、材料采购费20 2.651 2万元、购置8 9.", "支出66.4287万元、材料采购费202.6512万元、购置89."),
        ("合计 1 234.5 万元", "合计 1234.5 万元"),
        ("2023 年", "2023 年"),
        ("Section 2 3", "Section 2 3"),  # no Chinese around: the space may separate two numbers
    ],
)
def test_spaces_between_digits_in_chinese_text_are_gaps(read: str, meant: str) -> None:
    assert _figures_unspaced(_word(read)).text == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("累计支出9,225，409元，分别为：", "累计支出9,225,409元，分别为："),
        ("信息系统运维费3，457，748元、宣传费308，884元", "信息系统运维费3,457,748元、宣传费308,884元"),
        ("结余1，200.50元", "结余1,200.50元"),
        ("得分为95，100分为满分", "得分为95，100分为满分"),  # no sign of an amount: two figures
        ("完成12，34个", "完成12，34个"),  # not groups of three: a real comma
        ("0.5，100", "0.5，100"),  # after a decimal: two figures
        ("共1234，567人", "共1234，567人"),  # four digits before: not a grouped figure
    ],
)
def test_full_width_commas_between_digit_groups_are_thousands_separators(read: str, meant: str) -> None:
    assert _thousands_commas(_word(read)).text == meant
