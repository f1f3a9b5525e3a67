"""DOCX to PDF through LibreOffice headless.

Each conversion uses its own throw-away LibreOffice profile (-env:UserInstallation): two
conversions sharing the default profile block each other or fail, and the web app and the
command line may convert at the same time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from danvan.publish.errors import PublishError
from danvan.publish.layouts import Layout
from danvan.publish.writer import render_docx

DEFAULT_TIMEOUT_S = 180


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(
    docx_path: str | Path, pdf_path: str | Path, timeout: float = DEFAULT_TIMEOUT_S
) -> Path:
    """Convert `docx_path` to `pdf_path`; PublishError if LibreOffice is missing or fails."""
    soffice = find_soffice()
    if soffice is None:
        raise PublishError(
            "Không tìm thấy LibreOffice (lệnh soffice) để chuyển sang PDF; "
            "hãy cài libreoffice-writer-nogui hoặc chỉ xuất DOCX."
        )
    source = Path(docx_path)
    if not source.is_file():
        raise PublishError(f"Không tìm thấy tệp DOCX: {source}")
    target = Path(pdf_path)
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as tmp:
        work = Path(tmp)
        # A fixed ASCII name: LibreOffice names its output after the input.
        staged = work / "document.docx"
        shutil.copyfile(source, staged)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            str(staged),
        ]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
                env=_environment(work),
            )
        except subprocess.TimeoutExpired:
            raise PublishError(
                f"LibreOffice không chuyển xong sang PDF sau {timeout:.0f} giây."
            ) from None
        produced = work / "out" / "document.pdf"
        if result.returncode != 0 or not produced.is_file():
            detail = (result.stderr or result.stdout or "").strip().splitlines()
            reason = detail[-1] if detail else f"mã lỗi {result.returncode}"
            raise PublishError(f"LibreOffice không chuyển được sang PDF: {reason}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), target)
    return target


def _environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    # LibreOffice writes caches under HOME; a read-only or shared HOME must not break it.
    env["HOME"] = str(work)
    return env


def render_pdf_bytes(
    parsed: dict[str, Any], layout: str | Layout | None = None, timeout: float = DEFAULT_TIMEOUT_S
) -> bytes:
    """Write `parsed` as DOCX and convert it: the PDF as bytes, for a download response."""
    with tempfile.TemporaryDirectory(prefix="danvan-render-") as tmp:
        docx_path = Path(tmp) / "document.docx"
        render_docx(parsed, docx_path, layout)
        return convert_to_pdf(docx_path, Path(tmp) / "document.pdf", timeout).read_bytes()
