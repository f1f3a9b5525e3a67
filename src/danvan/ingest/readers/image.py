"""Page images for OCR: the pages of a scanned PDF rendered at the OCR resolution, or the
frames of an image file (PNG, JPEG, a multi-page TIFF), one at a time."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import DocumentError
from ..safety import check_pixels, open_image

A4_WIDTH_INCHES = 8.27


def page_images(
    data: bytes, kind: str, name: str, *, max_pages: int, dpi: int
) -> tuple[int, Iterator]:
    """(page count, iterator of (PIL image, its dpi)); images are made only when asked for."""
    if kind == "pdf":
        return _pdf_pages(data, name, max_pages, dpi)
    return _image_frames(data, name, max_pages)


def _too_many(name: str, count: int, max_pages: int) -> DocumentError:
    return DocumentError(
        "too_many_pages", f"Tệp {name} có {count} trang, vượt giới hạn {max_pages} trang."
    )


def _pdf_pages(data: bytes, name: str, max_pages: int, dpi: int) -> tuple[int, Iterator]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise DocumentError("corrupt", f"Tệp {name} bị hỏng, không mở được như PDF.") from None
    count = len(pdf)
    if count > max_pages:
        pdf.close()
        raise _too_many(name, count, max_pages)

    def render() -> Iterator:
        try:
            for index in range(count):
                try:
                    page = pdf[index]
                    check_pixels(
                        page.get_width() * dpi / 72, page.get_height() * dpi / 72, name, index + 1
                    )
                    bitmap = page.render(scale=dpi / 72, grayscale=True)
                    image = bitmap.to_pil()
                except pdfium.PdfiumError:
                    raise DocumentError(
                        "corrupt", f"Không dựng được ảnh trang {index + 1} của tệp {name}."
                    ) from None
                yield image, dpi
                bitmap.close()
                page.close()
        finally:
            pdf.close()

    return count, render()


def _image_frames(data: bytes, name: str, max_pages: int) -> tuple[int, Iterator]:
    from PIL import Image

    image, count = open_image(data, name, max_pages=max_pages)  # size and page guards

    def frames() -> Iterator:
        for index in range(count):
            try:
                image.seek(index)
                check_pixels(*image.size, name, index + 1)
                frame = image.convert("L")
            except (OSError, ValueError, EOFError, Image.DecompressionBombError):
                raise DocumentError(
                    "corrupt", f"Tệp ảnh {name} bị hỏng (trang {index + 1})."
                ) from None
            yield frame, _dpi(image)

    return count, frames()


def _dpi(image) -> float:
    """The resolution the file states, or the one that makes the page as wide as A4."""
    stated = image.info.get("dpi")
    if stated and 100 <= float(stated[0]) <= 1200:
        return float(stated[0])
    return max(72.0, image.size[0] / A4_WIDTH_INCHES)
