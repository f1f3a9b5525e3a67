"""OCR for scanned letters: Tesseract with its Vietnamese model, page by page, in parallel.

A PDF with no usable text layer (none, or a garbled one: see `needs_ocr`) and an image of
pages (PNG, JPEG, TIFF) are rendered at `DPI` and read by Tesseract through pytesseract
(one `tesseract` process per page, `OMP_THREAD_LIMIT=1`, as many pages at once as there
are cores). The words Tesseract finds, with their boxes, are written into a text-only PDF
(`ocr_layer.text_pdf`) that goes through the ordinary PDF reader, so that a scan gets the
same structure pass as any PDF: header and closing columns, paragraphs, footnotes.

`progress(done, total)` is called after each page (and once with 0 before the first); it may
raise to cancel the job: pages not started are dropped and the exception propagates.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..vn.syllables import text_quality
from .errors import DocumentError
from .layout import Layout

# Tesseract is multi-threaded through OpenMP; pages in parallel with one thread each is
# faster on few cores than one page with all of them (and never oversubscribes).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

DPI = 300
LANG = "vie"
PAGE_TIMEOUT = 120  # seconds for one page before Tesseract is stopped
MIN_WORDS_PER_PAGE = 8  # fewer readable words than this per page: no text layer
MIN_CONFIDENCE = 30  # words Tesseract is less sure of, with no letter or digit, are noise

Progress = Callable[[int, int], None]


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbers them


@dataclass
class OcrPage:
    width: int  # pixels
    height: int
    dpi: float
    words: list[Word] = field(default_factory=list)


@lru_cache(maxsize=1)
def engine() -> str | None:
    """ "tesseract 5.3.0 vie", or None when Tesseract or its Vietnamese model is missing."""
    try:
        import pytesseract
    except ImportError:
        return None
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return None
    try:
        if LANG not in pytesseract.get_languages(config=""):
            return None
        version = pytesseract.get_tesseract_version()
    except (OSError, RuntimeError, pytesseract.TesseractError):
        return None
    return f"tesseract {version} {LANG}"


def layout_words(layout: Layout) -> str:
    """All the text a reader found, for judging the text layer."""
    parts = [line.text for line in layout.body]
    parts += layout.header_left + layout.header_right + layout.closing_left + layout.closing_right
    parts += list(layout.footnotes.values())
    parts += [cell for table in layout.tables for row in table.rows for cell in row]
    return "\n".join(parts)


def needs_ocr(layout: Layout, data: bytes) -> str | None:
    """Why a PDF's text layer cannot be used ("no text", "garbled"), or None when it is good
    or when OCR could not do better: only a page that carries a picture can be read again.
    Stamps of a digital signature ("Ký bởi…") are already out of the reader's text."""
    text = layout_words(layout)
    quality = text_quality(text)
    if quality.words < MIN_WORDS_PER_PAGE * max(1, layout.pages or 1) and quality.words < 60:
        reason = "no text"
    elif quality.garbled():
        reason = "garbled"
    else:
        return None
    return reason if _has_pictures(data) else None


def _has_pictures(data: bytes) -> bool:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return False
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            handle = page.raw
            for k in range(pdfium_raw.FPDFPage_CountObjects(handle)):
                obj = pdfium_raw.FPDFPage_GetObject(handle, k)
                if pdfium_raw.FPDFPageObj_GetType(obj) in (
                    pdfium_raw.FPDF_PAGEOBJ_IMAGE,
                    pdfium_raw.FPDF_PAGEOBJ_FORM,
                ):
                    return True
            page.close()
        return False
    finally:
        pdf.close()


def read_scanned(
    data: bytes,
    kind: str,
    name: str,
    *,
    max_pages: int,
    progress: Progress | None = None,
    reason: str = "no text",
) -> tuple[Layout, dict]:
    """OCR every page of a PDF or image file; the reader's layout and `source.ocr`."""
    label = engine()
    if label is None:
        raise DocumentError(
            "no_ocr",
            f"Tệp {name} là bản quét (không có lớp chữ dùng được) nhưng máy chưa cài "
            "Tesseract với dữ liệu tiếng Việt; không đọc được.",
        )
    from .ocr_layer import text_pdf
    from .readers.image import page_images
    from .readers.pdf import read_pdf

    count, images = page_images(data, kind, name, max_pages=max_pages, dpi=DPI)
    pages = ocr_pages(images, count, progress)
    words = [w for page in pages for w in page.words]
    layout = read_pdf(text_pdf(pages), name, max_pages=max_pages)
    layout.warnings.append(
        f"read by OCR ({reason}): {count} pages" if kind == "pdf" else "read by OCR"
    )
    info = {
        "engine": label,
        "pages": list(range(1, count + 1)),
        "mean_confidence": round(statistics.fmean(w.conf for w in words) / 100, 2)
        if words
        else 0.0,
    }
    return layout, info


def ocr_pages(images: Iterator, count: int, progress: Progress | None = None) -> list[OcrPage]:
    """OCR `count` page images (PIL images with their dpi, from an iterator, so that only a
    few are in memory at once) in parallel; pages in order."""
    workers = max(1, min(os.cpu_count() or 1, count))
    results: dict[int, OcrPage] = {}
    pending: set[Future] = set()
    if progress:
        progress(0, count)
    with (
        tempfile.TemporaryDirectory(prefix="danvan-ocr-") as tmp,
        ThreadPoolExecutor(workers) as pool,
    ):
        try:
            for index, (image, dpi) in enumerate(images):
                while len(pending) >= workers * 2:
                    pending = _collect(pending, results, count, progress)
                path = Path(tmp) / f"page-{index}.pgm"
                # Uncompressed grey: written and read in milliseconds, unlike PNG.
                image.convert("L").save(path, format="PPM")
                size = image.size
                image.close()
                future = pool.submit(_ocr_file, path, size, dpi)
                future.page = index  # type: ignore[attr-defined]
                pending.add(future)
            while pending:
                pending = _collect(pending, results, count, progress)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return [results[i] for i in range(len(results))]


def _collect(pending: set[Future], results: dict, count: int, progress) -> set[Future]:
    done, rest = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        results[future.page] = future.result()  # type: ignore[attr-defined]
        if progress:
            progress(len(results), count)
    return rest


def _ocr_file(path: Path, size: tuple[int, int], dpi: float) -> OcrPage:
    import pytesseract

    try:
        data = pytesseract.image_to_data(
            str(path),
            lang=LANG,
            config=f"--dpi {round(dpi)}",
            output_type=pytesseract.Output.DICT,
            timeout=PAGE_TIMEOUT,
        )
    except RuntimeError:  # pytesseract's "Tesseract process timeout"
        raise DocumentError(
            "ocr_timeout", f"Một trang quét đọc quá {PAGE_TIMEOUT} giây; dừng nhận dạng chữ."
        ) from None
    finally:
        path.unlink(missing_ok=True)
    page = OcrPage(width=size[0], height=size[1], dpi=dpi)
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        word = Word(
            text=text.lstrip("_").rstrip("_") or text,
            left=int(data["left"][i]),
            top=int(data["top"][i]),
            width=int(data["width"][i]),
            height=int(data["height"][i]),
            conf=conf,
            line=(int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])),
        )
        page.words.append(word)
    return page
