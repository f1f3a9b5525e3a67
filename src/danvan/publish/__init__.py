"""Documents out: parsed documents written as Party or State Word files, and PDF.

No Django here: the web app and `danvan render` both call these functions with plain data.
"""

from danvan.publish.errors import PublishError
from danvan.publish.layouts import LAYOUTS, Layout, choose_layout, get_layout
from danvan.publish.pdf import convert_to_pdf, render_pdf_bytes
from danvan.publish.writer import document_warnings, render_docx, render_docx_bytes

__all__ = [
    "LAYOUTS",
    "Layout",
    "PublishError",
    "choose_layout",
    "convert_to_pdf",
    "document_warnings",
    "get_layout",
    "render_docx",
    "render_docx_bytes",
    "render_pdf_bytes",
]
