"""Linking footnote marks in the body to the footnotes.

Explicit marks (Word references, PDF superscripts, antiword's "[n]") arrive as MARK
sentinels. Marks lost into plain text are glued to the word before them ("Trung ương1",
"tố cáo)5", "COVID-1911", "năm 20228"): marks run 1, 2, 3… through the document, so the
search for mark k starts where mark k−1 was found and takes the first plausible spot —
digits k right after a letter or closing bracket/quote, or after a complete number such as
a year or "COVID-19".
"""

from __future__ import annotations

import re

from ..layout import MARK


def _glued(k: int) -> re.Pattern[str]:
    after = r"(?=[\s,.;:)\]”\"’…!?]|$)"
    return re.compile(
        rf"\s?\[{k}\]|(?:(?<=[^\W\d_])|(?<=[)”\"’\]])|(?<=(?:19|20)\d\d)|(?<=[A-Z]-\d\d)){k}{after}"
    )


def link_explicit(texts: list[str]) -> tuple[list[str], list[list[int]]]:
    cleaned: list[str] = []
    ids: list[list[int]] = []
    for text in texts:
        found = [int(m.group(1)) for m in MARK.finditer(text)]
        cleaned.append(MARK.sub("", text))
        ids.append(found)
    return cleaned, ids


def link_glued(
    texts: list[str], footnote_ids: list[int], warnings: list[str]
) -> tuple[list[str], list[list[int]]]:
    texts = list(texts)
    ids: list[list[int]] = [[] for _ in texts]
    para, pos = 0, 0
    for k in sorted(footnote_ids):
        pattern = _glued(k)
        hit = None
        for index in range(para, len(texts)):
            match = pattern.search(texts[index], pos if index == para else 0)
            if match:
                hit = (index, match)
                break
        if hit is None:
            warnings.append(f"footnote {k}: mark not found in the body")
            continue
        index, match = hit
        texts[index] = texts[index][: match.start()] + texts[index][match.end() :]
        ids[index].append(k)
        para, pos = index, match.start()
    return texts, ids
