"""Zip-bomb guard for Office packages: refuse on the declared sizes, then prove them by inflating.

The declared sizes are checked first because that costs nothing; they are then
proved by inflating every member through a bounded stream before any XML parser
sees it, because a crafted archive can declare sizes it does not keep.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from parsers.errors import LimitExceeded
from parsers.limits import Limits

_MB = 1024 * 1024
_CHUNK = 1 << 20
RATIO_FLOOR_BYTES = 1 * _MB
"""Members smaller than this are never refused for their ratio: small XML parts legitimately compress 100:1."""
MAX_MEMBERS = 20_000
"""A real document has tens to a few thousand parts; more is a crafted archive."""


def open_checked(handle: BinaryIO, limits: Limits) -> zipfile.ZipFile:
    """Open the archive and refuse it if its declared sizes are past the limits (nothing is inflated)."""
    archive = zipfile.ZipFile(handle)
    try:
        check_declared(archive.infolist(), limits)
    except LimitExceeded:
        archive.close()
        raise
    return archive


def check_declared(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > MAX_MEMBERS:
        raise LimitExceeded(f"压缩包内文件过多（{len(members)} 个，上限 {MAX_MEMBERS}），疑似压缩炸弹")
    total = sum(info.file_size for info in members)
    if total > limits.max_inflated_bytes:
        raise LimitExceeded(
            f"文档解压后大小 {total / _MB:.0f} MB 超过上限 {limits.max_inflated_bytes / _MB:.0f} MB，疑似压缩炸弹"
            f"（declared inflated size past max_inflated_bytes）"
        )
    for info in members:
        if info.file_size > max(RATIO_FLOOR_BYTES, limits.max_inflation_ratio * max(info.compress_size, 1)):
            ratio = info.file_size / max(info.compress_size, 1)
            raise LimitExceeded(
                f"文档部件 {info.filename} 的压缩比 {ratio:.0f}:1 超过上限 {limits.max_inflation_ratio:.0f}:1，"
                f"疑似压缩炸弹（inflation ratio past max_inflation_ratio）"
            )


def verify_inflation(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Inflate every member in bounded chunks, stopping as soon as the real size outgrows what was declared."""
    budget = min(limits.max_inflated_bytes, sum(info.file_size for info in archive.infolist()))
    inflated_total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        inflated = 0
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                inflated += len(chunk)
                inflated_total += len(chunk)
                if inflated > info.file_size or inflated_total > budget:
                    raise LimitExceeded(
                        f"文档部件 {info.filename} 解压后的实际大小超过其声明大小或总上限，疑似压缩炸弹"
                        f"（actual inflated size past the declared size）"
                    )
