"""Turn a PDF into a scanned-looking, image-only PDF: the input the OCR stage is built for.

Each page is rasterised in grayscale, turned by a slight random angle (a sheet never
lies straight on a scanner), given sensor noise and a little blur, and stored as a
JPEG image; the page size in points is kept, so coordinates stay comparable with
the original's text layer.

    python -m corpus.scanned report.pdf report.scanned.pdf --pages 1-3 --seed 7
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter


@dataclass(frozen=True)
class ScanStyle:
    dpi: int = 200
    min_angle: float = 0.3
    max_angle: float = 1.5
    """Degrees; the sign is drawn at random."""
    noise_sigma: float = 6.0
    """Standard deviation of the gray-level noise (0–255 scale)."""
    blur_radius: float = 0.5
    jpeg_quality: int = 55
    bilevel: bool = False
    """Black and white like a fax-mode scanner: stored CCITT G4, a fifth of the size of grayscale JPEG."""


def scan_page_images(source: Path, pages: Sequence[int] | None, style: ScanStyle, seed: int) -> list[Image.Image]:
    """The scanned-looking images of the given 0-based pages (all pages when None)."""
    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(str(source))
    try:
        indexes = range(len(pdf)) if pages is None else pages
        return [_scan(pdf[i], style, rng) for i in indexes]
    finally:
        pdf.close()


def _scan(page: pdfium.PdfPage, style: ScanStyle, rng: random.Random) -> Image.Image:
    image = page.render(scale=style.dpi / 72, grayscale=True).to_pil().convert("L")
    angle = rng.uniform(style.min_angle, style.max_angle) * rng.choice((-1, 1))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, style.noise_sigma, pixels.shape)
    image = Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8), mode="L")
    image = image.filter(ImageFilter.GaussianBlur(style.blur_radius))
    if style.bilevel:
        image = image.point(lambda value: 255 if value > 160 else 0).convert("1", dither=Image.Dither.NONE)
    image.info["scan_angle"] = angle
    return image


def make_scanned_pdf(
    source: Path,
    target: Path,
    *,
    pages: Sequence[int] | None = None,
    style: ScanStyle = ScanStyle(),
    seed: int = 0,
) -> list[float]:
    """Write the image-only PDF and return the angle each page was turned by (degrees, counter-clockwise)."""
    images = scan_page_images(source, pages, style, seed)
    if not images:
        raise ValueError(f"{source} has no pages to scan")
    angles = [float(image.info["scan_angle"]) for image in images]
    target.parent.mkdir(parents=True, exist_ok=True)
    # Pillow stores grayscale pages JPEG-compressed (DCTDecode), bilevel ones CCITT G4;
    # the resolution keeps the page size in points.
    options = {} if style.bilevel else {"quality": style.jpeg_quality}
    images[0].save(target, "PDF", save_all=True, append_images=images[1:], resolution=style.dpi, **options)
    return angles


def _page_list(spec: str) -> list[int]:
    """'1-3,5' (1-based, as people count pages) → [0, 1, 2, 4]."""
    indexes: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        indexes.extend(range(int(first) - 1, int(last or first)))
    return indexes


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Render a PDF as a scanned-looking image-only PDF.")
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--pages", help="1-based pages, e.g. 1-3 (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dpi", type=int, default=ScanStyle.dpi)
    parser.add_argument("--bilevel", action="store_true", help="black and white (small files)")
    args = parser.parse_args(argv)
    pages = _page_list(args.pages) if args.pages else None
    style = ScanStyle(dpi=args.dpi, bilevel=args.bilevel)
    angles = make_scanned_pdf(args.source, args.target, pages=pages, style=style, seed=args.seed)
    print(f"{args.target}: {len(angles)} pages, angles " + ", ".join(f"{a:+.2f}°" for a in angles))


if __name__ == "__main__":
    main()
