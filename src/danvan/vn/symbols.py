"""Số ký hiệu (document number and symbol) of Party and State documents.

Party:  "644-CV/BDVTU", joint "03-Ctr/BDVTW-BCSĐCP" — number, "-", type code, "/", issuer.
State:  "329/BC-UBND", normative "34/2007/PL-UBTVQH11", "09/2019/NĐ-CP" — number, "/",
        optional year, "/", type code, "-", issuer; a State công văn has no type code
        ("05/BNV-VP": everything after the number is the issuer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Type codes of Nghị định 30/2020 (State) and Hướng dẫn 36/05 (Party), upper-cased.
TYPE_CODES = frozenset(
    """NQ NQLT QĐ QĐI QYĐ QC CT TB HD HDLT CTR KH PA ĐA DA BC BB TTR HĐ CV CĐ GUQ GM GGT GNP
    PC PB PG PL L LĐ NĐ TT TTLT KL TC GCN GXN GĐ ĐT BTT TH QCPH ĐC""".split()
)

# A symbol part; "&" may join two of its letters ("SNV-CCHC&VTLT").
_TOKEN = r"[^\W\d_](?:[^\W_]|&(?=[^\W\d_]))*"
_ISSUER = rf"{_TOKEN}(?:\s?[-–]\s?{_TOKEN})*"
PARTY_PATTERN = rf"(?P<pnum>\d+)\s?[-–]\s?(?P<ptype>[^\W\d_]{{1,5}})\s?/\s?(?P<piss>{_ISSUER})"
STATE_PATTERN = (
    rf"(?P<snum>\d+)(?:/(?P<syear>(?:19|20)\d\d))?\s?/\s?"
    rf"(?P<srest>{_TOKEN}(?:\s?[-–/]\s?{_TOKEN})*)"
)
SYMBOL = re.compile(rf"(?<![\w/.\-–])(?:{PARTY_PATTERN}|{STATE_PATTERN})")
# A blank-number draft: "Số:   /BC-UBND".
BLANK_SYMBOL = re.compile(rf"(?<![\w/])/\s?(?P<brest>{_TOKEN}(?:\s?[-–]\s?{_TOKEN})*)")
# A Party draft's number left blank, with no colon before it: "Số     - HD/BTCTU".
PARTY_BLANK = re.compile(
    rf"(?<![\w/])[-–]\s?(?P<ptype>[A-ZĐ]{{1,6}})\s?/\s?(?P<pissuer>{_TOKEN}(?:\s?[-–]\s?{_TOKEN})*)"
)

System = Literal["party", "state"]


@dataclass(frozen=True)
class Symbol:
    """A parsed số ký hiệu; `text` is the symbol without spaces, dashes normalised."""

    text: str
    system: System
    number: str | None
    year: int | None
    type_code: str | None
    issuer_code: str


def _clean(part: str) -> str:
    return re.sub(r"\s", "", part).replace("–", "-")


def is_type_code(code: str) -> bool:
    return code.upper() in TYPE_CODES


def from_match(match: re.Match[str]) -> Symbol:
    """Build a Symbol from a SYMBOL match."""
    groups = match.groupdict()
    if groups.get("pnum"):
        number, type_code, issuer = groups["pnum"], _clean(groups["ptype"]), _clean(groups["piss"])
        return Symbol(f"{number}-{type_code}/{issuer}", "party", number, None, type_code, issuer)
    number, year, rest = groups["snum"], groups.get("syear"), _clean(groups["srest"])
    parts = re.split(r"[-/]", rest, maxsplit=1)
    if len(parts) == 2 and is_type_code(parts[0]):
        type_code, issuer = parts[0], parts[1]
    elif len(parts) == 1 and is_type_code(parts[0]):
        type_code, issuer = parts[0], ""
    else:
        type_code, issuer = None, rest
    year_part = f"{year}/" if year else ""
    return Symbol(
        f"{number}/{year_part}{rest}",
        "state",
        number,
        int(year) if year else None,
        type_code,
        issuer,
    )


def parse_symbol(text: str) -> Symbol | None:
    """Parse one symbol ("644-CV/BDVTU", "34/2007/PL-UBTVQH11", "/BC-UBND" for a draft)."""
    text = text.strip()
    match = SYMBOL.fullmatch(text)
    if match:
        return from_match(match)
    blank = BLANK_SYMBOL.fullmatch(text)
    if blank:
        rest = _clean(blank.group("brest"))
        parts = rest.split("-", 1)
        if len(parts) == 2 and is_type_code(parts[0]):
            return Symbol(f"/{rest}", "state", None, None, parts[0], parts[1])
        return Symbol(f"/{rest}", "state", None, None, None, rest)
    party = PARTY_BLANK.fullmatch(text)
    if party and is_type_code(party.group("ptype")):
        issuer = _clean(party.group("pissuer"))
        code = party.group("ptype")
        return Symbol(f"-{code}/{issuer}", "party", None, None, code, issuer)
    return None


def find_symbols(text: str) -> list[tuple[re.Match[str], Symbol]]:
    """Every symbol in running text, in order."""
    return [(m, from_match(m)) for m in SYMBOL.finditer(text)]
