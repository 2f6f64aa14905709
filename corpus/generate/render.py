"""Other formats of a generated .docx: a text PDF through LibreOffice, a scanned-looking PDF from that."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

BATCH = 40
"""Files per soffice call: one start-up (several seconds) serves many conversions."""


def find_soffice() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    return soffice


def docx_to_pdf(sources: Sequence[Path], out_dir: Path, timeout: float = 600) -> list[Path]:
    """Convert .docx files to PDF in batches, with a private LibreOffice profile; return the PDFs written."""
    soffice = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="perfaudit-lo-") as profile:
        for start in range(0, len(sources), BATCH):
            batch = [str(path) for path in sources[start : start + BATCH]]
            command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                       "--convert-to", "pdf", "--outdir", str(out_dir), *batch]  # fmt: skip
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
            for path in sources[start : start + BATCH]:
                pdf = out_dir / (path.stem + ".pdf")
                if not pdf.exists():
                    raise RuntimeError(f"LibreOffice did not convert {path.name}")
                written.append(pdf)
    return written


def pdf_to_scanned(pdf: Path, target: Path, seed: int) -> Path:
    """An image-only copy of the PDF that looks scanned (slight rotation, noise, blur)."""
    from corpus.scanned import ScanStyle, make_scanned_pdf

    make_scanned_pdf(pdf, target, style=ScanStyle(), seed=seed)
    return target
