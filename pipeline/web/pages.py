"""PDF page images for the document page, rendered with pypdfium2 from the stored original and cached.

PDFium is not thread-safe and the web server answers from a thread pool, so every call
into it holds one lock. Images are cached in memory by (sha256, page, width); their URLs
name the content, so browsers may keep them forever too.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Callable

import pypdfium2 as pdfium

PAGE_WIDTH_PX = 1100
"""Rendered width of a page: sharp enough to read 9-point table figures on a laptop screen."""


class PageImages:
    def __init__(self, original: Callable[[str], bytes | None], capacity: int = 64) -> None:
        self._original = original
        self._lock = threading.Lock()
        self._images: OrderedDict[tuple[str, int, int], bytes] = OrderedDict()
        self._sizes: dict[str, list[tuple[float, float]]] = {}
        self._capacity = capacity

    def sizes(self, sha256: str) -> list[tuple[float, float]] | None:
        """Width and height in points of every page, or None when the original is not a readable PDF."""
        if sha256 in self._sizes:
            return self._sizes[sha256]
        content = self._original(sha256)
        if content is None or not content.startswith(b"%PDF"):
            return None
        with self._lock:
            try:
                pdf = pdfium.PdfDocument(content)
            except pdfium.PdfiumError:
                return None
            try:
                sizes = [pdf.get_page_size(i) for i in range(len(pdf))]
            finally:
                pdf.close()
        self._sizes[sha256] = sizes
        return sizes

    def png(self, sha256: str, page: int, width_px: int = PAGE_WIDTH_PX) -> bytes | None:
        """Page `page` (1-based) as a PNG `width_px` wide; None when there is no such page."""
        key = (sha256, page, width_px)
        with self._lock:
            if key in self._images:
                self._images.move_to_end(key)
                return self._images[key]
        sizes = self.sizes(sha256)
        content = self._original(sha256)
        if sizes is None or content is None or not 1 <= page <= len(sizes):
            return None
        with self._lock:
            pdf = pdfium.PdfDocument(content)
            try:
                pdf_page = pdf[page - 1]
                bitmap = pdf_page.render(scale=width_px / sizes[page - 1][0])
                image = bitmap.to_pil()
                pdf_page.close()
            finally:
                pdf.close()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        png = out.getvalue()
        with self._lock:
            self._images[key] = png
            while len(self._images) > self._capacity:
                self._images.popitem(last=False)
        return png
