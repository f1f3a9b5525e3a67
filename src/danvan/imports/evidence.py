"""Evidence beyond the issuer line for routing a file to its unit.

- Places: the body, the recipients and the signature of a Đà Nẵng file name "Đà Nẵng"; a unit's
  places are those its own name and its ancestors' names give after an administrative word
  ("Thành ủy Đà Nẵng", "thành phố Cần Thơ", "xã Hòa Xuân").
- The signer: the authority line ("T/M BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI") names the body.
- The coordinator's own units: a file dropped by a coordinator more likely comes from inside the
  subtree of their own memberships than from elsewhere in what they may see (an administrator
  sees everything and gets no such hint).
- Addressees: "Kính gửi" and "Nơi nhận" name the body that asked for the report.

Each is a small bonus added to the issuer-name score: it separates equally named bodies
without overruling a clear name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from danvan.accounts.selectors import memberships_of
from danvan.orgs.models import OrgUnit
from danvan.vn.text import fold

PLACE_WEIGHT = 0.25
SIGNER_WEIGHT = 0.1
OWN_SCOPE_WEIGHT = 0.05
# Enough of a long report to find its places; reading further adds time, not evidence.
MAX_TEXT = 200_000

_ADMIN_WORD = re.compile(
    r"\b(?:Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Thị ủy|Đảng ủy xã|Đảng ủy phường|thành phố|"
    r"tỉnh|quận|huyện|thị xã|thị trấn|xã|phường|TP\.?)\s+",
    re.IGNORECASE,
)


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def unit_places(name: str) -> dict[str, str]:
    """Place names in a unit's name, folded → as written: the capitalised words after an
    administrative word."""
    places = {}
    for match in _ADMIN_WORD.finditer(name):
        taken = []
        for word in name[match.end() :].split():
            if not word[:1].isupper():
                break
            taken.append(word)
        if taken:
            written = " ".join(taken).strip(".,;:()")
            places[_NOT_WORD.sub(" ", fold(written)).strip()] = written
    return places


def _texts(node, out: list[str], budget: list[int]) -> None:
    if budget[0] <= 0:
        return
    if isinstance(node, str):
        out.append(node)
        budget[0] -= len(node)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("figures", "references", "source", "warnings", "schema"):
                _texts(value, out, budget)
    elif isinstance(node, list):
        for item in node:
            _texts(item, out, budget)


def body_text(parsed: dict) -> str:
    """The folded text of the whole document (header, body, closing), bounded in length."""
    out: list[str] = []
    _texts(parsed, out, [MAX_TEXT])
    return " " + " ".join(_NOT_WORD.sub(" ", fold(t)) for t in out) + " "


def signer_text(parsed: dict) -> str:
    signature = ((parsed.get("closing") or {}).get("signature")) or {}
    return " ".join(signature.get("authority") or [])


def addressee_text(parsed: dict) -> str:
    header = parsed.get("header") or {}
    closing = parsed.get("closing") or {}
    return " ".join([*(header.get("addressees") or []), *(closing.get("recipients") or [])])


def header_places(parsed: dict) -> list[str]:
    """Folded places the header's issuer lines name ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")."""
    header = parsed.get("header") or {}
    return [
        folded
        for line in (header.get("parent_issuer"), header.get("issuer"))
        if line
        for folded in unit_places(line)
    ]


@dataclass
class Evidence:
    text: str
    signer_words: list[str]
    addressees: str
    own_paths: list[str]
    issuer_places: list[str] = field(default_factory=list)
    _places: dict[int, dict[str, str]] = field(default_factory=dict)
    _names: dict[str, str] | None = None

    @classmethod
    def of(cls, parsed: dict, actor, signer_words: list[str]) -> Evidence:
        return cls(
            text=body_text(parsed),
            signer_words=signer_words,
            addressees=addressee_text(parsed),
            own_paths=[m.unit.path for m in memberships_of(actor)]
            if getattr(actor, "pk", None)
            else [],
            issuer_places=header_places(parsed),
        )

    def places(self, unit: OrgUnit) -> dict[str, str]:
        """The unit's places and its ancestors' (a board inside "Thành ủy Đà Nẵng")."""
        if unit.pk not in self._places:
            if self._names is None:  # one query for the whole tree, not one per candidate
                self._names = dict(OrgUnit.objects.values_list("path", "name"))
            names = [self._names.get(path, "") for path in _ancestor_paths(unit.path)]
            self._places[unit.pk] = {
                folded: written
                for name in [*names, unit.name]
                for folded, written in unit_places(name).items()
            }
        return self._places[unit.pk]

    def places_found(self, unit: OrgUnit) -> list[str]:
        return sorted(w for f, w in self.places(unit).items() if f" {f} " in self.text)

    def elsewhere(self, unit: OrgUnit) -> bool:
        """The header names a place, and it is none of the unit's: "Ủy ban nhân dân tỉnh Quảng
        Ngãi" is not the People's Committee of Quảng Nam however alike the names."""
        if not self.issuer_places:
            return False
        own = self.places(unit)
        return not any(
            named == place or named.startswith(place + " ")
            for named in self.issuer_places
            for place in own
        )

    def in_own_scope(self, unit: OrgUnit) -> bool:
        return any(unit.path.startswith(path) for path in self.own_paths)

    def bonus(self, unit: OrgUnit, score: Callable[[OrgUnit, list[str]], float]) -> float:
        places = self.places(unit)
        found = self.places_found(unit)
        value = PLACE_WEIGHT * (len(found) / len(places)) if places else 0.0
        value += SIGNER_WEIGHT * score(unit, self.signer_words)
        value += OWN_SCOPE_WEIGHT if self.in_own_scope(unit) else 0.0
        return value

    def reasons_for(self, unit: OrgUnit) -> list[str]:
        found = self.places_found(unit)
        return [f"Văn bản nhắc đến địa danh của đơn vị ({', '.join(found)})."] if found else []

    def addressed_to(self, issuer: OrgUnit, score: Callable[[OrgUnit, list[str]], float]) -> float:
        from .routing import words

        return score(issuer, words(self.addressees))


def _ancestor_paths(path: str) -> list[str]:
    """ "TW/DN-TU/DN-BDVTU/" → ["TW/", "TW/DN-TU/"]."""
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]
