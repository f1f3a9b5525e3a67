"""Signals proposed from the sentiment section of a report already read (the "Đặc điểm tình
hình" of an uploaded file): each clause naming a topic becomes a proposal with a guessed topic
and direction, for a person to check, correct and confirm. Plain text in, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan.vn.text import fold, squeeze

# Folded keywords -> topic code (first matches first).
TOPIC_WORDS = [
    ("xau-doc", ["khong gian mang", "the luc thu dich", "chong pha", "xau doc", "tin gia"]),
    ("ton-giao", ["ton giao", "dao la", "ta dao"]),
    ("an-toan-thuc-pham", ["thuc pham", "dich ta", "dich benh"]),
    ("moi-truong", ["moi truong", "o nhiem"]),
    ("an-ninh", ["an ninh trat tu", "toi pham", "trat tu xa hoi"]),
    ("giao-thong", ["giao thong", "bot", "thu phi"]),
    ("dat-dai", ["dat dai", "giai phong mat bang", "tai dinh cu", "khieu nai", "khieu kien"]),
    ("doi-ngoai", ["doi ngoai"]),
    ("kinh-te-xa-hoi", ["phat trien kinh te", "kinh te - xa hoi", "kinh te xa hoi"]),
    ("gia-ca", ["thu nhap", "tien luong", "gia ca", "viec lam"]),
    ("chinh-sach", ["chinh sach", "an sinh"]),
    ("y-te-giao-duc", ["y te", "giao duc", "benh vien"]),
    ("tham-nhung", ["tham nhung", "tieu cuc"]),
    ("chinh-quyen", ["thu tuc hanh chinh", "chinh quyen hai cap", "chinh quyen 2 cap"]),
    ("su-kien", ["dai hoi dang", "bau cu"]),
    ("dan-toc", ["dan toc thieu so", "dong bao dan toc"]),
]
DIRECTION_WORDS = [
    ("phan_doi", ["phan doi", "buc xuc", "khong dong tinh", "phan ung"]),
    ("ban_khoan", ["lo lang", "ban khoan", "lo ngai", "hoang mang", "bat an", "quan ngai"]),
    ("tan_thanh", ["phan khoi", "vui mung", "tin tuong", "dong tinh", "hai long", "an tam"]),
]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")
_CLAUSE = re.compile(r";\s*")
MAX_TEXT = 600


@dataclass(frozen=True)
class Proposal:
    text: str
    topic: str
    direction: str


def _words(folded: str, table) -> list[str]:
    return [code for code, words in table if any(re.search(rf"\b{w}\b", folded) for w in words)]


def propose(section_text: str) -> list[Proposal]:
    """One proposal per (clause, topic) found; a clause takes its sentence's direction unless
    it states its own, and "chưa rõ" when neither does."""
    text = squeeze(" ".join((section_text or "").split()))
    found: list[Proposal] = []
    seen: set[tuple[str, str]] = set()
    for sentence in _SENTENCE.split(text):
        sentence_direction = (_words(fold(sentence), DIRECTION_WORDS) or ["chua_ro"])[0]
        for clause in _CLAUSE.split(sentence):
            folded = fold(clause)
            own = _words(folded, DIRECTION_WORDS)
            direction = own[0] if own else sentence_direction
            for topic in _words(folded, TOPIC_WORDS):
                key = (clause, topic)
                if key not in seen:
                    seen.add(key)
                    found.append(Proposal(clause.strip()[:MAX_TEXT], topic, direction))
    return found
