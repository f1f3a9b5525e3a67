"""Reading administrative documents (txt, pdf, docx, doc) into a `ParsedDocument`.

Stable API (used by the web upload and by the writer's round-trip tests):

    from danvan.ingest import parse_file, parse_bytes, DocumentError, ParsedDocument

    doc = parse_file(path, max_bytes=50 * 1024 * 1024, max_pages=500)
    doc = parse_bytes(data, "report.pdf", max_bytes=..., max_pages=...)
    doc.to_dict()   # exactly the JSON of shared/spec/parsed-document.md
    doc.paragraphs()  # every body paragraph in reading order (preamble, then the outline)

The typed model is in `danvan.ingest.model` (ParsedDocument, Header, Section, Paragraph,
Footnote, Reference, Figure, Closing, Signature, Table, Source).

The file type is told from the bytes (the name is only reported back in `source.name`).
Every failure — corrupt, encrypted, empty, scanned without text, unsupported, oversized,
zip bomb, unsafe XML, no converter for .doc — raises `DocumentError`, whose message is one
Vietnamese line and whose `reason` is a stable code (see `danvan.ingest.errors`). The same
input always gives the same output. Nothing here imports Django.

Inside: `sniff` picks a reader (`readers/txt|pdf|docx|doc`), which returns a `layout.Layout`;
`layout.finish` converts legacy encodings and repairs glyphs; `structure.assemble.build`
makes the document (header, outline, footnotes, references, figures, closing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import DocumentError
from .layout import Layout
from .model import ParsedDocument, Source
from .sniff import IMAGE_FORMATS, sniff

Progress = Callable[[int, int], None]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 500

__all__ = [
    "DocumentError",
    "ParsedDocument",
    "parse_bytes",
    "parse_file",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PAGES",
]


def parse_file(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    progress: Progress | None = None,
    trust_anchors: Sequence[str | Path] | None = None,
) -> ParsedDocument:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError("too_large", _too_large(path.name, size, max_bytes))
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("unreadable", f"Không tìm thấy tệp {path.name}.") from None
    except IsADirectoryError:
        raise DocumentError("unreadable", f"{path.name} là thư mục, không phải tệp.") from None
    except PermissionError:
        raise DocumentError("unreadable", f"Không có quyền đọc tệp {path.name}.") from None
    except OSError:
        raise DocumentError("unreadable", f"Không đọc được tệp {path.name}.") from None
    return parse_bytes(
        data,
        path.name,
        max_bytes=max_bytes,
        max_pages=max_pages,
        progress=progress,
        trust_anchors=trust_anchors,
    )


def parse_bytes(
    data: bytes,
    name: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    progress: Progress | None = None,
    trust_anchors: Sequence[str | Path] | None = None,
) -> ParsedDocument:
    """`progress(done, total)` is called page by page when the file is read by OCR.
    `trust_anchors`: CA certificate files or folders against which a PDF's digital
    signatures are verified (`signatures.read_signatures`); without them, validity is unknown."""
    if len(data) > max_bytes:
        raise DocumentError("too_large", _too_large(name, len(data), max_bytes))
    if not data.strip():
        raise DocumentError("empty", f"Tệp {name} rỗng, không có nội dung.")
    kind = sniff(data)
    if kind is None:
        raise DocumentError(
            "unsupported",
            f"Tệp {name} không phải định dạng được hỗ trợ (txt, pdf, docx, doc, ảnh png/jpeg/tiff).",
        )
    try:
        layout = _read(kind, data, name, max_bytes, max_pages)
    except DocumentError:
        raise
    except (MemoryError, RecursionError):
        raise DocumentError("too_large", f"Tệp {name} quá phức tạp để đọc an toàn.") from None
    except Exception as error:  # a third-party parser failing on a damaged file
        raise DocumentError(
            "corrupt",
            f"Tệp {name} bị hỏng hoặc không đúng định dạng {kind} ({type(error).__name__}).",
        ) from None
    from .layout import finish

    finish(layout)
    ocr = None
    if kind == "pdf" or kind in IMAGE_FORMATS:
        from .ocr import needs_ocr, read_scanned

        reason = "image" if kind in IMAGE_FORMATS else needs_ocr(layout, data)
        if reason:
            layout, ocr = read_scanned(
                data, kind, name, max_pages=max_pages, progress=progress, reason=reason
            )
            finish(layout)
    if not any(line.text.strip() for line in layout.body) and not layout.header_left:
        if kind == "pdf":
            raise DocumentError(
                "no_text",
                f"Tệp {name} không có lớp chữ (có thể là bản quét); không đọc được nội dung.",
            )
        raise DocumentError("no_text", f"Tệp {name} không có nội dung chữ.")
    from .structure.assemble import build

    source = Source(
        name=name,
        format=kind,  # type: ignore[arg-type]
        pages=layout.pages,
        sha256=hashlib.sha256(data).hexdigest(),
        ocr=ocr,
    )
    try:
        document = build(layout, source)
    except RecursionError:
        raise DocumentError("too_large", f"Tệp {name} quá phức tạp để đọc an toàn.") from None
    except Exception as error:  # a fault of ours must still end in one clear line for the user
        raise DocumentError(
            "internal",
            f"Không phân tích được cấu trúc tệp {name} (lỗi nội bộ {type(error).__name__}).",
        ) from error
    if kind == "pdf":
        from .signatures import read_signatures

        document.signatures = read_signatures(data, trust_anchors=trust_anchors)
    return document


def _read(kind: str, data: bytes, name: str, max_bytes: int, max_pages: int) -> Layout:
    if kind in IMAGE_FORMATS:
        return Layout(format=kind)  # read by OCR in parse_bytes
    if kind == "txt":
        from .readers.txt import read_txt

        return read_txt(data)
    if kind == "pdf":
        from .readers.pdf import read_pdf

        return read_pdf(data, name, max_pages=max_pages)
    if kind == "docx":
        from .readers.docx import read_docx

        return read_docx(data, name, max_unpacked=max(max_bytes * 4, 200 * 1024 * 1024))
    from .readers.doc import read_doc

    return read_doc(data, name, max_pages=max_pages)


def _too_large(name: str, size: int, limit: int) -> str:
    return f"Tệp {name} quá lớn ({size / 1048576:.1f} MB, giới hạn {limit / 1048576:.0f} MB)."
