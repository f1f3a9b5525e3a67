"""Defences for the zip-of-XML formats: bounded unpacking and XML without DTDs.

A DOCX is a zip; a hostile one can declare gigabytes of output from a few kilobytes (zip
bomb) or carry XML with a DOCTYPE that defines external entities (XXE) or nested entity
expansion ("billion laughs"). Office files never need a DTD, so any DOCTYPE is refused
outright; the lxml parser is also set to resolve no entities and touch no network.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from lxml import etree

from .errors import DocumentError

MAX_MEMBERS = 5000
MAX_RATIO = 200  # uncompressed / compressed, per member larger than 1 MB
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class SafeZip:
    """Read members of a zip with limits on count, total size and compression ratio."""

    def __init__(self, data: bytes, name: str, max_unpacked: int) -> None:
        self.name = name
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise DocumentError(
                "corrupt", f"Tệp {name} bị hỏng (không phải tệp zip/DOCX hợp lệ)."
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise DocumentError("zip_bomb", f"Tệp {name} chứa quá nhiều thành phần; từ chối đọc.")
        total = sum(info.file_size for info in infos)
        if total > max_unpacked:
            raise DocumentError(
                "zip_bomb",
                f"Tệp {name} giải nén ra quá lớn ({total / 1048576:.0f} MB); từ chối đọc.",
            )
        for info in infos:
            if info.flag_bits & 0x1:
                raise DocumentError(
                    "encrypted", f"Tệp {name} được mã hóa (có mật khẩu); không đọc được."
                )
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise DocumentError(
                    "zip_bomb", f"Tệp {name} có tỷ lệ nén bất thường (nghi bom zip); từ chối đọc."
                )
        self.names = {info.filename for info in infos}
        self.sizes = {info.filename: info.file_size for info in infos}

    def read(self, member: str) -> bytes | None:
        if member not in self.names:
            return None
        limit = self.sizes[member]
        try:
            with self.archive.open(member) as handle:
                data = handle.read(limit + 1)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            RuntimeError,
            NotImplementedError,
        ):
            raise DocumentError(
                "corrupt", f"Tệp {self.name} bị hỏng (thành phần {member} không giải nén được)."
            ) from None
        if len(data) > limit:
            raise DocumentError(
                "zip_bomb", f"Tệp {self.name} có thành phần lớn hơn khai báo; từ chối đọc."
            )
        return data


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse Office XML; refuse any DOCTYPE/ENTITY declaration (XXE, billion laughs)."""
    head = data[:4]
    text = data
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace").encode("utf-8")
    if _DOCTYPE.search(text):
        raise DocumentError(
            "unsafe_xml",
            f"Tệp {name} chứa khai báo XML không an toàn (DOCTYPE/ENTITY); từ chối đọc.",
        )
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError:
        raise DocumentError("corrupt", f"Tệp {name} bị hỏng (XML không hợp lệ).") from None
    if root is None:
        raise DocumentError("corrupt", f"Tệp {name} bị hỏng (XML rỗng).")
    return root


# Images: a page scanned at 600 dpi is 35 megapixels (A4); anything larger is refused before
# a pixel is decoded. Pillow reads only the header on open, so a "bomb" — a TIFF or PNG that
# declares billions of pixels in a few bytes, or thousands of frames — costs nothing to refuse.
MAX_PIXELS = 40_000_000


def check_pixels(width: float, height: float, name: str, page: int | None = None) -> None:
    """Refuse an image (or a PDF page about to be rendered) larger than MAX_PIXELS."""
    if width * height > MAX_PIXELS:
        where = f"trang {page} của " if page else ""
        raise DocumentError(
            "too_large",
            f"Ảnh {where}tệp {name} quá lớn ({int(width)} × {int(height)} điểm ảnh, "
            f"{width * height / 1e6:.0f} megapixel; giới hạn {MAX_PIXELS // 1_000_000} megapixel).",
        )


def open_image(data: bytes, name: str, *, max_pages: int):
    """Open an image file lazily (header only) and check its size and frame count against the
    limits: (PIL image, frame count). Frames after the first are checked when they are read
    (`check_pixels` on each), since a TIFF may hide a bomb in a later page."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DocumentError(
            "too_large",
            f"Ảnh {name} khai báo kích thước khổng lồ (nghi bom giải nén); từ chối đọc.",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise DocumentError("corrupt", f"Tệp ảnh {name} bị hỏng, không mở được.") from None
    check_pixels(*image.size, name)
    count = 0
    try:
        while count <= max_pages:  # counting frames stops at the budget, however many exist
            image.seek(count)
            count += 1
    except EOFError:
        pass
    except (OSError, ValueError, SyntaxError):
        raise DocumentError("corrupt", f"Tệp ảnh {name} bị hỏng (trang {count + 1}).") from None
    if count > max_pages:
        raise DocumentError(
            "too_many_pages",
            f"Tệp {name} có hơn {max_pages} trang, vượt giới hạn {max_pages} trang.",
        )
    image.seek(0)
    return image, max(count, 1)
