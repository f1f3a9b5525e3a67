"""Legacy Word (.doc) reader: text through antiword, or LibreOffice (to DOCX) as a fallback.

antiword (-w 0) prints one paragraph per line, tables as "|cell|cell|" lines, footnote marks
as "[n]" and the footnote texts after a line of dashes at the end.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...vn import legacy
from ..errors import DocumentError
from ..layout import Layout, Line, mark
from ..model import Table
from ..sniff import OLE_MAGIC
from .closing_tables import closing_columns, closing_kind

_RULE = re.compile(r"^-{10,}\s*$")
_NOTE = re.compile(r"^\s*\[(\d{1,3})\]\s*(.*)$")
_INLINE_MARK = re.compile(r"\s?\[(\d{1,3})\]")
_PICTURE = re.compile(r"\[pic\]")
ANTIWORD_TIMEOUT = 60
SOFFICE_TIMEOUT = 120


def _encrypted(data: bytes) -> bool:
    # An encrypted OOXML file is an OLE container holding an "EncryptedPackage" stream.
    return (
        "EncryptedPackage".encode("utf-16-le") in data[: 1 << 20]
        or "EncryptionInfo".encode("utf-16-le") in data[: 1 << 20]
    )


def read_doc(data: bytes, name: str, *, max_pages: int) -> Layout:
    if not data.startswith(OLE_MAGIC):
        raise DocumentError("corrupt", f"Tệp {name} không phải tệp Word .doc hợp lệ.")
    if _encrypted(data):
        raise DocumentError("encrypted", f"Tệp {name} được mã hóa (có mật khẩu); không đọc được.")
    if "WordDocument".encode("utf-16-le") not in data:
        # An OLE container without a Word stream (Excel, a damaged file): nothing to read,
        # and LibreOffice would import its bytes as text.
        raise DocumentError("corrupt", f"Tệp {name} bị hỏng hoặc không phải văn bản Word.")
    antiword = shutil.which("antiword")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if antiword is None and soffice is None:
        raise DocumentError(
            "no_converter",
            f"Không đọc được tệp .doc {name}: máy chưa cài antiword hoặc LibreOffice.",
        )
    with tempfile.TemporaryDirectory(prefix="danvan-doc-") as tmp:
        path = Path(tmp) / "input.doc"
        path.write_bytes(data)
        if antiword:
            text = _antiword(antiword, path)
            if text is not None:
                if soffice and legacy.detect(text[:20000]) != "unicode":
                    # TCVN3 capitals are carried by the ".VnTimeH" font alone, which antiword's
                    # text loses: LibreOffice keeps each run's font.
                    try:
                        return _via_libreoffice(soffice, path, name)
                    except DocumentError:
                        pass
                return parse_antiword(text)
        if soffice:
            return _via_libreoffice(soffice, path, name)
    raise DocumentError("corrupt", f"Tệp {name} bị hỏng hoặc được mã hóa; antiword không đọc được.")


def _antiword(antiword: str, path: Path) -> str | None:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    try:
        done = subprocess.run(
            [antiword, "-w", "0", "-m", "UTF-8.txt", str(path)],
            capture_output=True,
            timeout=ANTIWORD_TIMEOUT,
            env=env,
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return done.stdout.decode("utf-8", errors="replace")


def _via_libreoffice(soffice: str, path: Path, name: str) -> Layout:
    from .docx import read_docx

    out = path.parent / "out"
    try:
        subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{path.parent}/profile",
             "--convert-to", "docx", "--outdir", str(out), str(path)],
            capture_output=True,
            timeout=SOFFICE_TIMEOUT,
            check=False,
        )  # fmt: skip
    except (subprocess.TimeoutExpired, OSError):
        raise DocumentError(
            "corrupt", f"Không chuyển đổi được tệp {name} bằng LibreOffice (quá thời gian)."
        ) from None
    converted = out / "input.docx"
    if not converted.exists():
        raise DocumentError(
            "corrupt", f"Tệp {name} bị hỏng hoặc được mã hóa; LibreOffice không đọc được."
        )
    layout = read_docx(converted.read_bytes(), name, max_unpacked=200 * 1024 * 1024)
    layout.format = "doc"
    return layout


def parse_antiword(text: str) -> Layout:
    lines = text.split("\n")
    body_lines, note_lines = _split_notes(lines)
    layout = Layout(format="doc")
    layout.footnotes = _notes(note_lines)
    layout.marks_explicit = True
    last_paragraph: str | None = None
    index = _spilled_header(body_lines, layout)
    closed = False
    while index < len(body_lines):
        line = body_lines[index]
        if line.lstrip().startswith("|"):
            block = []
            while index < len(body_lines) and body_lines[index].lstrip().startswith("|"):
                block.append(body_lines[index])
                index += 1
            rows = _table_rows(block)
            flat = " ".join(c for r in rows for c in r).lower()
            if (
                not layout.body
                and not layout.header_left
                and ("số" in flat or "cộng hòa" in flat or "đảng cộng sản" in flat)
            ):
                layout.header_left, layout.header_right = _columns(rows)
            elif layout.body and not closed and _closes(rows, body_lines[index:]):
                layout.closing_left, layout.closing_right = closing_columns(rows)
                closed = True
            else:
                layout.tables.append(Table(rows=rows, after_paragraph=last_paragraph))
            continue
        index += 1
        stripped = _PICTURE.sub("", line).strip()  # antiword's placeholder for an image
        if not stripped or closed:
            continue
        stripped = _INLINE_MARK.sub(
            lambda m: mark(int(m.group(1))) if int(m.group(1)) in layout.footnotes else m.group(0),
            stripped,
        )
        layout.body.append(Line(text=stripped, whole=True))
        last_paragraph = stripped
    return layout


def _closes(rows: list[list[str]], rest: list[str]) -> bool:
    kind = closing_kind(rows)
    if kind == "signature":
        return sum(1 for line in rest if _PICTURE.sub("", line).strip()) <= 3
    return kind == "recipients"


_RIGHT_COLUMN = re.compile(
    r"cộng\s+h[òo]a\s+xã|độc\s+lập|đảng\s+cộng\s+sản|,\s*ngày\b", re.IGNORECASE
)


def _spilled_header(lines: list[str], layout: Layout) -> int:
    """A header table whose first rows antiword printed without their cell marks (the text
    spills over the cell boundary): "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ CẦN THƠ | CỘNG HÒA …" /
    "Độc lập - Tự do - Hạnh phúc | |" / "|Số:09/2010/QĐ-UBND | Cần Thơ, ngày 21 …|". Read as
    the two header columns, each piece placed by what it says (the Quốc hiệu, the motto and
    the place and date stand right). Returns the index of the first line after the block,
    or 0 when the file does not start that way."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].lstrip().startswith("|"):
        return 0
    table = next(
        (i for i in range(first, min(len(lines), first + 12)) if lines[i].lstrip().startswith("|")),
        None,
    )
    if table is None or not any("|" in line for line in lines[first:table]):
        return 0
    end = table
    while end < len(lines) and lines[end].lstrip().startswith("|"):
        end += 1
    left: list[str] = []
    right: list[str] = []
    for line in lines[first:end]:
        pieces = [piece.strip() for piece in line.strip().strip("|").split("|")]
        filled = [piece for piece in pieces if piece]
        for position, piece in enumerate(pieces):
            if not piece:
                continue
            if _RIGHT_COLUMN.search(piece) or (position > 0 and len(filled) > 1):
                right.append(piece)
            else:
                left.append(piece)
    text = " ".join(left + right).lower()
    if not ("số" in text and ("cộng hòa" in text or "đảng cộng sản" in text or "ngày" in text)):
        return 0
    layout.header_left, layout.header_right = left, right
    return end


def _split_notes(lines: list[str]) -> tuple[list[str], list[str]]:
    for index, line in enumerate(lines):
        if _RULE.match(line):
            following = next(
                (candidate for candidate in lines[index + 1 :] if candidate.strip()), ""
            )
            if _NOTE.match(following):
                end = next(
                    (j for j in range(index + 1, len(lines)) if _RULE.match(lines[j])), len(lines)
                )
                return lines[:index], lines[index + 1 : end]
    return lines, []


def _notes(lines: list[str]) -> dict[int, str]:
    notes: dict[int, list[str]] = {}
    current: int | None = None
    for line in lines:
        match = _NOTE.match(line)
        if match and int(match.group(1)) == len(notes) + 1:
            current = int(match.group(1))
            notes[current] = [match.group(2).strip()]
        elif current is not None and line.strip():
            notes[current].append(line.strip())
    return {k: "\n".join(part for part in v if part) for k, v in notes.items()}


def _table_rows(block: list[str]) -> list[list[str]]:
    """antiword prints a wrapped cell over several "|…|" lines; a line whose first cell is
    empty continues the row above."""
    rows: list[list[str]] = []
    for line in block:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if rows and len(cells) == len(rows[-1]) and not cells[0] and any(cells):
            rows[-1] = [
                f"{a}\n{b}".strip() if b else a for a, b in zip(rows[-1], cells, strict=True)
            ]
        elif any(cells):
            rows.append(cells)
    return rows


def _columns(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    left: list[str] = []
    right: list[str] = []
    for row in rows:
        if not row:
            continue
        left.extend(p for p in row[0].split("\n") if p.strip())
        for cell in row[1:]:
            right.extend(p for p in cell.split("\n") if p.strip())
    return left, right
