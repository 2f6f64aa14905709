"""Page image → words with boxes and confidences, through the PP-OCRv4 models shipped in rapidocr's wheel.

Nothing is downloaded: the detection and recognition models are files inside the
installed `rapidocr_onnxruntime` package. Detection runs once per page on a
reduced copy (text stays ~15 px high, which the detector handles well and is
several times cheaper); recognition runs on crops of the full-resolution image.
The angle classifier is not run on every box (the scan stage deskews the page first); it only
tells, from a sample of boxes, whether a whole page lies upside down.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parsers.errors import UnreadableError

PixelBox = tuple[float, float, float, float]
"""[x0, top, x1, bottom] in pixels of the image given to the engine."""

DETECTION_DPI = 120
"""Resolution the detector sees: body text at 10–12 pt is then 15–20 px high."""

BATCH_PIXEL_WIDTH = 6 * 320
"""Summed padded width of one recognition run at the model's height: six table cells, one or two text lines."""

MIN_CONFIDENCE = 0.3
"""Recognitions below this are noise specks rather than text; anything above is kept with its score."""


@dataclass(frozen=True)
class OcrWord:
    """One recognised run of text (a detector box: a word, a phrase or a whole line)."""

    text: str
    box: PixelBox
    confidence: float


class OcrEngine:
    """A loaded detector and recogniser; build once (see `get_engine`), reuse for every page."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            import cv2
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as error:
            raise UnreadableError(
                "扫描页需要 OCR，但 OCR 组件（rapidocr-onnxruntime）未安装：pip install 'perfaudit[ocr]'"
            ) from error
        self._cv2 = cv2
        threads = threads or min(2, os.cpu_count() or 1)
        self._rapid = RapidOCR(
            use_cls=False,
            intra_op_num_threads=threads,
            inter_op_num_threads=1,
            # "min" with a tiny limit means "do not resize": we choose the detector's scale ourselves.
            det_limit_type="min",
            det_limit_side_len=32,
        )
        # rapidocr's sessions let idle worker threads spin; on a shared or busy machine that burns the
        # other core and made recognition 1.5–2× slower (benchmarks/bench_ocr.py): same models, no spinning.
        det_model, rec_model = _model_paths()
        self._rapid.text_det.infer.session = _session(det_model, threads)
        # Recognition: one single-threaded session that `threads` workers call at once, each on its own
        # run of crops; on 2 cores that took 15% less CPU than one session splitting every run in two.
        self._rapid.text_rec.session.session = _session(rec_model, 1)
        self._threads = threads
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0

    @property
    def _workers(self) -> ThreadPoolExecutor:
        """The recognition workers of this process: a forked child inherits the pool but not its threads."""
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool_pid = os.getpid()
            self._pool = ThreadPoolExecutor(max_workers=self._threads, thread_name_prefix="ocr-rec")
        return self._pool

    @staticmethod
    def model_files() -> list[Path]:
        """The model files the engine loads: all inside the installed package (no download)."""
        return [Path(path) for path in _model_paths()]

    def detect(self, image: np.ndarray, dpi: float) -> list[PixelBox]:
        """Axis-aligned boxes of text runs, in pixels of `image` (grayscale, deskewed)."""
        cv2 = self._cv2
        scale = min(1.0, DETECTION_DPI / dpi)
        small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
        quads, _ = self._rapid.text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
        if quads is None or len(quads) == 0:
            return []
        height, width = image.shape[:2]
        boxes: list[PixelBox] = []
        for quad in quads:
            xs, ys = quad[:, 0] / scale, quad[:, 1] / scale
            boxes.append((max(0.0, xs.min()), max(0.0, ys.min()), min(width, xs.max()), min(height, ys.max())))
        return boxes

    def recognize(self, image: np.ndarray, boxes: Sequence[PixelBox]) -> list[OcrWord]:
        """Read each box of `image`; boxes whose reading is empty or below `MIN_CONFIDENCE` are left out."""
        crops: list[np.ndarray] = []
        kept: list[PixelBox] = []
        for box in boxes:
            x0, top, x1, bottom = (round(v) for v in box)
            if x1 - x0 < 3 or bottom - top < 3:
                continue
            crops.append(image[top:bottom, x0:x1])
            kept.append(box)
        if not crops:
            return []
        words = []
        for box, (text, score) in zip(kept, self._read_crops(crops), strict=True):
            text = text.strip()
            if text and score >= MIN_CONFIDENCE:
                words.append(OcrWord(text=text, box=box, confidence=float(score)))
        return words

    def _read_crops(self, crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
        """Text and score of each grayscale crop.

        The model sees exactly what rapidocr would give it — crops sorted by width, taken six at
        a time, each scaled to the model's height and padded to the widest of its six (at least
        the nominal width): the padding changes readings, so it stays as the models were run
        before. But the six go through the model in smaller runs: per pixel, a run of several
        wide lines costs up to half as much again as one line (cache), and a text-dense page
        is mostly wide lines. The runs are shared among the engine's workers.
        """
        cv2 = self._cv2
        recognizer = self._rapid.text_rec
        _, height, nominal_width = recognizer.rec_image_shape
        widths = [max(1, math.ceil(height * crop.shape[1] / crop.shape[0])) for crop in crops]
        order = sorted(range(len(crops)), key=lambda index: widths[index])
        runs: list[tuple[list[int], int]] = []
        for group_start in range(0, len(order), recognizer.rec_batch_num):
            group = order[group_start : group_start + recognizer.rec_batch_num]
            # rapidocr's width: the widest crop's width-to-height ratio at the model's height.
            padded = max(nominal_width, int(height * max(crops[i].shape[1] / crops[i].shape[0] for i in group)))
            run_size = max(1, BATCH_PIXEL_WIDTH // padded)
            runs += [(group[start : start + run_size], padded) for start in range(0, len(group), run_size)]

        def read(run: list[int], padded: int) -> list[tuple[str, float]]:
            images = np.zeros((len(run), 3, height, padded), dtype=np.float32)
            for slot, index in enumerate(run):
                width = min(widths[index], padded)
                line = cv2.resize(crops[index], (width, height)).astype(np.float32)
                # Gray in all three channels, scaled to the model's [-1, 1] input range.
                images[slot, :, :, :width] = line / 127.5 - 1.0
            predictions = recognizer.session(images)[0]
            return [(text, float(score)) for text, score, *_rest in recognizer.postprocess_op(predictions)]

        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        runs.sort(key=lambda run: -len(run[0]) * run[1])  # widest first: the workers finish together
        for (run, _), read_run in zip(runs, self._workers.map(lambda run: read(*run), runs), strict=True):
            for index, result in zip(run, read_run, strict=True):
                results[index] = result
        return results

    def upside_down(self, image: np.ndarray, boxes: Sequence[PixelBox], sample: int = 12) -> bool:
        """Whether most of the longest text boxes read upside down (the angle classifier's 180° class)."""
        cv2 = self._cv2
        longest = sorted(boxes, key=lambda b: (b[2] - b[0]) / max(1.0, b[3] - b[1]), reverse=True)[:sample]
        crops = []
        for box in longest:
            x0, top, x1, bottom = (round(v) for v in box)
            if x1 - x0 >= 2 * (bottom - top) > 0:
                crops.append(cv2.cvtColor(np.ascontiguousarray(image[top:bottom, x0:x1]), cv2.COLOR_GRAY2BGR))
        if not crops:
            return False
        _, results, _ = self._rapid.text_cls(crops)
        turned = sum(1 for label, score in results if label == "180" and score >= 0.9)
        return turned > len(crops) / 2

    def read(self, image: np.ndarray, dpi: float) -> list[OcrWord]:
        return self.recognize(image, self.detect(image, dpi))


def _model_paths() -> tuple[str, str]:
    """Detection and recognition models named by the package's own configuration."""
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml, update_model_path

    config = update_model_path(read_yaml(str(DEFAULT_CFG_PATH)))
    return config["Det"]["model_path"], config["Rec"]["model_path"]


def _session(model: str, threads: int) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])


@lru_cache(maxsize=1)
def get_engine() -> OcrEngine:
    """The process-wide engine: loading the models takes about a second, so do it once."""
    return OcrEngine()
