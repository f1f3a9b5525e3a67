"""What a document names besides its header, for routing (spec version 2, `mentions`):

- places: the capitalised words after an administrative word ("thành phố Đà Nẵng", "xã Hòa
  Xuân", "Thành ủy Cần Thơ", "TP Đà Nẵng"), written as printed;
- bodies: the organisations it names, from a head word ("Ban", "Ủy ban nhân dân", "Sở",
  "Công an", "Đảng ủy"…) through the capitalised words after it ("Ban Dân vận Thành ủy",
  "Ủy ban nhân dân thành phố Cần Thơ").

Both in order of first appearance, each once (compared without case or diacritics).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from danvan.vn.text import fold

PLACE = re.compile(
    r"(?<!\w)(?:Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Thị ủy|thành phố|tỉnh|quận|huyện|thị xã|"
    r"thị trấn|xã|phường|TP\.?)\s+",
    re.IGNORECASE,
)
BODY_HEAD = re.compile(
    r"(?<!\w)(?:Ban|Ủy ban nhân dân|Ủy ban Mặt trận Tổ quốc Việt Nam|Ủy ban|Hội đồng nhân dân|"
    r"Sở|Công an|Bộ Chỉ huy|Bộ đội|Đảng ủy|Đảng bộ|Chi bộ|Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|"
    r"Hội|Đoàn|Liên đoàn|Văn phòng|Thanh tra|Mặt trận)(?!\w)"
)
HEAD_WORD = re.compile(
    r"(?:Ban|Ủy|Sở|Công|Bộ|Đảng|Chi|Thành|Tỉnh|Huyện|Quận|Hội|Đoàn|Liên|Văn|Thanh|Mặt)$"
)
# Lower-case words that continue a body's name ("Ủy ban nhân dân thành phố Cần Thơ").
JOINERS = {"thành", "phố", "tỉnh", "quận", "huyện", "xã", "phường", "thị", "trấn", "nhân", "dân"}
# Second syllables of the words bodies are named with ("Dân vận", "Thành ủy", "Thường vụ").
SECOND_SYLLABLES = {
    "vận",
    "ủy",
    "uỷ",
    "giáo",
    "an",
    "sự",
    "vụ",
    "trực",
    "niên",
    "binh",
    "chiến",
    "phòng",
    "tra",
    "quan",
    "chính",
    "trị",
    "hành",
    "huy",
    "tịch",
    "nghiệp",
    "hội",
    "đội",
    "tộc",
    "dục",
    "tế",
    "khoa",
    "ương",
    "quốc",
    "thư",
    "sát",
    "đạo",
    "vệ",
    "đoàn",
    "nữ",
    "động",
    "sản",
}
WORD = re.compile(r"[^\W\d_]+")
MAX_WORDS = 12
MAX_TEXT = 300_000


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _words_after(text: str, start: int) -> list[str]:
    taken = []
    for word in text[start:].split(maxsplit=MAX_WORDS)[:MAX_WORDS]:
        clean = word.strip('.,;:()"“”')
        if not clean or not _capitalised(clean):
            break
        taken.append(clean)
        if clean != word.rstrip():  # punctuation closes the name
            break
    return taken


def _body_from(text: str, match: re.Match) -> tuple[str, int]:
    """The body's name from its head word, and where it ends. A capitalised word continues
    it, and so does one lower-case syllable after a capitalised one ("Dân vận", "Thành ủy");
    administrative words chain ("nhân dân thành phố"); "và" only before a capitalised word that
    does not start another body ("Ban Tuyên giáo và Dân vận", not "Công an và Bộ Chỉ huy")."""
    words = match.group(0).split()
    end = match.end()
    tokens = list(islice(WORD.finditer(text, match.end()), MAX_WORDS))
    previous_capital = True
    for i, token in enumerate(tokens):
        word = token.group(0)
        gap = text[end : token.start()]
        if gap.strip():  # punctuation between the words closes the name
            break
        following = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        if _capitalised(word):
            previous_capital = True
        elif word in JOINERS or (
            word == "và" and _capitalised(following) and not HEAD_WORD.match(following)
        ):
            previous_capital = word != "và"
        elif previous_capital and word in SECOND_SYLLABLES:
            previous_capital = False
        else:
            break
        words.append(word)
        end = token.end()
    while words and (words[-1] in JOINERS or words[-1] == "và"):
        words.pop()
    return " ".join(words), end


def _unique(names: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        key = fold(name)
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def find_mentions(texts: Iterable[str]) -> dict[str, list[str]]:
    places, bodies, budget = [], [], MAX_TEXT
    for text in texts:
        if budget <= 0:
            break
        text = text[:budget]
        budget -= len(text)
        for match in PLACE.finditer(text):
            taken = _words_after(text, match.end())
            if taken:
                places.append(" ".join(taken))
        covered = 0
        for match in BODY_HEAD.finditer(text):
            if match.start() < covered:  # "Thành ủy" inside "Ban Dân vận Thành ủy"
                continue
            body, covered = _body_from(text, match)
            if len(body.split()) > 1:
                bodies.append(body)
    return {"places": _unique(places), "bodies": _unique(bodies)}
