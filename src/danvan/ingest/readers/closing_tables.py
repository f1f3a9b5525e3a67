"""The closing block when a Word file sets it in a table (.docx, and .doc through antiword).

The table may hold "Nơi nhận" beside the signature (the usual 2 columns), the signature
alone (no "Nơi nhận": a decision whose recipients are in Điều 3), or several signatures side
by side above a "Nơi nhận" row (a joint resolution: TM. ĐOÀN CHỦ TỊCH … | TM. CHÍNH PHỦ … |
TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI …). The reader hands the structure pass two columns: the
recipients, and the lines of one signature — the first one printed, left to right.
"""

from __future__ import annotations

import re

_NOI_NHAN = re.compile(r"^\s*N[oơ]i\s*nh[aậâ]n", re.IGNORECASE)
# A signing authority line ("TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "T/M BAN THƯỜNG VỤ").
_AUTHORITY = re.compile(r"^\s*(?:(?:T/M|K/T|T/L)\s+\S|(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S)")
MAX_SIGNATURE_ROWS = 20


def _lines(cell: str) -> list[str]:
    return [line.strip() for line in cell.split("\n") if line.strip()]


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def closing_kind(rows: list[list[str]]) -> str | None:
    """ "recipients" for a table that holds "Nơi nhận"; "signature" for a short table with a
    signing authority and no "Nơi nhận" (the closing only if nothing but pictures follows —
    a guide may show a signature block as an example); None otherwise."""
    cells = [cell for row in rows for cell in row]
    if any(_NOI_NHAN.match(cell) for cell in cells):
        return "recipients"
    if len(rows) <= MAX_SIGNATURE_ROWS and any(
        _AUTHORITY.match(line) for cell in cells for line in _lines(cell)
    ):
        return "signature"
    return None


def _groups(rows: list[list[str]]) -> list[list[list[str]]]:
    """Consecutive rows with the same number of cells: one grid each."""
    groups: list[list[list[str]]] = []
    for row in rows:
        if groups and len(groups[-1][0]) == len(row):
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def closing_columns(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    """(recipients column lines, the first signature's lines) of a closing table."""
    recipients: list[str] = []
    signatures: list[list[str]] = []
    others: list[str] = []
    for grid in _groups(rows):
        for column in range(len(grid[0])):
            lines = [line for row in grid for line in _lines(row[column])]
            if not lines:
                continue
            if any(_NOI_NHAN.match(line) for line in lines):
                recipients.extend(lines)
            elif _AUTHORITY.match(lines[0]) or _caps(lines[0]):
                signatures.append(lines)
            else:
                others.extend(lines)
    if signatures:
        return recipients, signatures[0]
    return recipients, others
