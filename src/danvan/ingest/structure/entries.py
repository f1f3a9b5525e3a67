"""Entries of a list in the header or closing: "Kính gửi" addressees, "Nơi nhận" recipients."""

from __future__ import annotations

import re

from ...vn.text import squeeze
from ..layout import Line


def addressees(header, body: list[Line], index: int, offset: int) -> int:
    """ "Kính gửi: X" on one line, or a list of "- X;" lines under it."""
    first = body[index].text.strip()[offset:].strip()
    entries: list[str] = []
    if first:
        entries.append(first)
    index += 1
    while index < len(body):
        text = body[index].text.strip()
        if not text:
            index += 1
            continue
        if re.match(r"^[-–+•]\s*", text) and len(text) < 200:
            entries.append(text)
            index += 1
            continue
        if (
            entries
            and not entries[-1].rstrip().endswith((";", ".", ","))
            and text[:1].islower()
            and len(entries[-1]) < 120
        ):
            entries[-1] = f"{entries[-1]} {text}"
            index += 1
            continue
        break
    header.addressees = [clean_entry(e) for e in entries if clean_entry(e)]
    return index


def clean_entry(text: str) -> str:
    """ "- Sở Nội vụ;" → "Sở Nội vụ": list dash and final punctuation removed."""
    text = re.sub(r"^\s*[-–+•]\s*", "", text)
    return squeeze(re.sub(r"[\s;,.]+$", "", text))
