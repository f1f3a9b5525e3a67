"""The closing block: "Nơi nhận" list and signature (authority lines, title, name)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...vn.text import fold, squeeze
from ..layout import Line
from ..model import Closing, Signature
from .entries import clean_entry
from .header import is_decoration

_NOI_NHAN = re.compile(r"^\s*N[oơ]i\s+nh[aậâ]n\s*[:.]?\s*", re.IGNORECASE)
# The signing authority; a dotted prefix may be glued to what follows ("KT.CHỦ TỊCH").
_AUTHORITY = re.compile(
    r"^\s*(?:(?:T/M|K/T|T/L|Q/|TM|KT|TL|TUQ|THAY MẶT|KÝ THAY|THỪA LỆNH|THỪA ỦY QUYỀN)\s+"
    r"|(?:TM|KT|TL|TUQ|Q)\.\s*|(?:T/M|K/T|T/L)(?=[A-ZĐÀ-Ỹ]))\S",
)
_GLUED_SLASH = re.compile(r"^\s*(T/M|K/T|T/L)(?=[A-ZĐÀ-Ỹ])")  # "K/TTRƯỞNG BAN" read by OCR
_GLUED_DOT = re.compile(r"^\s*(TM|KT|TL|TUQ|Q)\s*\.\s*(?=\S)")  # "KT.CHỦ TỊCH", "TM . UBND"
_LIST_ITEM = re.compile(r"^\s*[-–+•]\s*")
# E-signature stamps and signing placeholders are not the signer's name.
_NOT_NAME = re.compile(
    r"ký bởi|email|@|\d{1,2}:\d{2}|\(đã ký\)|\[.*\]|chữ ký|thời gian ký|cơ quan:", re.IGNORECASE
)
_NAME = re.compile(r"^(?:[A-ZĐÀ-ỸÂĂÊÔƠƯ][a-zà-ỹđâăêôơư]*\s+){1,5}[A-ZĐÀ-ỸÂĂÊÔƠƯ][a-zà-ỹđâăêôơư]*$")


@dataclass
class ClosingResult:
    closing: Closing = field(default_factory=Closing)
    start: int | None = None  # index in body where the closing begins


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def find_closing(body: list[Line], left: list[str], right: list[str]) -> ClosingResult:
    result = ClosingResult()
    # A reader that saw the closing block (a Word table) has already taken it out of the
    # body; the body may still quote "Nơi nhận:" as an example, so it is not searched.
    start = None if (left or right) else _closing_start(body)
    result.start = start
    tail = [line.text for line in body[start:]] if start is not None else []
    # An appendix after the signature ("PHỤ LỤC", "Biểu mẫu") is not part of the closing.
    appendix = next(
        (
            i
            for i, text in enumerate(tail)
            if fold(text).strip().startswith(("phu luc", "bieu mau"))
        ),
        None,
    )
    if appendix is not None:
        tail = tail[:appendix]
    if not (left or right) and any("\t" in text or "   " in text.strip() for text in tail):
        # Word processors often set the two closing columns with tabs or spaces on each
        # line ("- Như trên;<tab>PHÓ CHỦ TỊCH"): split them back into columns.
        left, right = _split_columns(tail)
        tail = []
    if left or right:
        recipients, rest = _recipients(left)
        signature_lines = right + rest
        tail_recipients, tail_rest = _recipients(tail)
        recipients = recipients or tail_recipients
        signature_lines = signature_lines or tail_rest
    else:
        recipients, signature_lines = _recipients(tail)
    result.closing = Closing(recipients=recipients, signature=_signature(signature_lines))
    return result


def _split_columns(lines: list[str]) -> tuple[list[str], list[str]]:
    left: list[str] = []
    right: list[str] = []
    for text in lines:
        parts = [p.strip() for p in re.split(r"\t+|\s{3,}", text.strip()) if p.strip()]
        if not parts:
            continue
        if len(parts) == 1 and text[:1] in ("\t", " ") and len(text) - len(text.lstrip()) >= 8:
            right.append(parts[0])  # only the right column on this line
            continue
        left.append(parts[0])
        right.extend(parts[1:])
    return left, right


def _closing_start(body: list[Line]) -> int | None:
    for index in range(len(body) - 1, max(-1, len(body) - 80), -1):
        if _NOI_NHAN.match(body[index].text):
            # A signature printed before "Nơi nhận" in reading order (its authority line
            # within the three lines above) belongs to the closing too.
            for back in range(index - 1, max(-1, index - 4), -1):
                if _AUTHORITY.match(body[back].text):
                    return back
            return index
    for index in range(len(body) - 1, max(-1, len(body) - 15), -1):
        if _AUTHORITY.match(body[index].text):
            return index
    return None


def _recipients(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split lines into "Nơi nhận" entries and the remaining (signature) lines."""
    entries: list[str] = []
    rest: list[str] = []
    in_list = False
    for raw in lines:
        text = raw.strip()
        if not text or is_decoration(text):
            continue
        match = _NOI_NHAN.match(text)
        if match:
            in_list = True
            text = text[match.end() :].strip()
            if not text:
                continue
        if in_list and _LIST_ITEM.match(text):
            entries.append(text)
            continue
        if (
            in_list
            and entries
            and not _is_caps(text)
            and not _AUTHORITY.match(text)
            and (text[:1].islower() or not entries[-1].rstrip().endswith((";", ".", ",")))
            and not _NAME.match(text)
        ):
            entries[-1] = f"{entries[-1]} {text}"
            continue
        in_list = False if entries else in_list
        rest.append(text)
    return [e for e in (clean_entry(e) for e in entries) if e], rest


def _signature(lines: list[str]) -> Signature:
    signature = Signature()
    lines = [squeeze(line) for line in lines if line.strip() and not is_decoration(line)]
    index = 0
    while index < len(lines) and not _AUTHORITY.match(lines[index]) and not _is_caps(lines[index]):
        index += 1
    while index < len(lines) and _AUTHORITY.match(lines[index]) and len(signature.authority) < 2:
        signature.authority.append(_GLUED_SLASH.sub(r"\1 ", _GLUED_DOT.sub(r"\1. ", lines[index])))
        index += 1
    if index < len(lines) and _is_caps(lines[index]) and not _NOT_NAME.search(lines[index]):
        signature.title = lines[index]
        index += 1
    for text in lines[index:]:
        if _NOT_NAME.search(text) or "đóng dấu" in fold(text):
            continue
        if _NAME.match(text):
            signature.name = text  # the first name under the title is the signer's
            break
    return signature
