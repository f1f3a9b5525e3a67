"""The issuing body's names as they were on a document's date, and what is usual for it (place,
signing authority, recipients). A unit that ended before the date is replaced by its successor
valid on that date (OrgSuccession), one that began after it by its predecessor."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from danvan.orgs.models import OrgUnit, UnitKind
from danvan.orgs.selectors import lineage

PARTY_KINDS = frozenset(
    {UnitKind.PARTY_COMMITTEE, UnitKind.BOARD, UnitKind.BLOC_COMMITTEE, UnitKind.GRASSROOTS_PARTY}
)
# A cấp ủy named after its place: "Thành ủy Đà Nẵng" heads the "Đảng bộ thành phố Đà Nẵng".
_COMMITTEE_PLACE = re.compile(r"^(Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy)\s+(.+)$", re.IGNORECASE)
_PLACE_WORD = {
    "thành ủy": "thành phố",
    "tỉnh ủy": "tỉnh",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
}

# Signature defaults by the issuer's kind: (authority, title).
_SIGNATURE_DEFAULTS = {
    UnitKind.BOARD: ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    UnitKind.PARTY_COMMITTEE: ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    UnitKind.BLOC_COMMITTEE: ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    UnitKind.GRASSROOTS_PARTY: ("T/M ĐẢNG ỦY", "BÍ THƯ"),
    UnitKind.PEOPLES_COMMITTEE: ("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    UnitKind.POLICE: ("", "GIÁM ĐỐC"),
    UnitKind.MILITARY: ("", "CHỈ HUY TRƯỞNG"),
    UnitKind.BORDER_GUARD: ("", "CHỈ HUY TRƯỞNG"),
    UnitKind.FRONT: ("T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
}


def unit_as_of(unit: OrgUnit, day: dt.date) -> OrgUnit:
    """The unit that stood in `unit`'s place on `day`: itself while valid, else the successor
    (after it ended) or predecessor (before it began) valid that day, same kind first."""
    if unit.is_valid_on(day):
        return unit
    steps = lineage(unit)
    if unit.valid_to is not None and day > unit.valid_to:
        candidates = [s.successor for s in steps.became if s.successor.is_valid_on(day)]
    else:
        candidates = [s.predecessor for s in steps.came_from if s.predecessor.is_valid_on(day)]
    if not candidates:
        return unit
    same_kind = [c for c in candidates if c.kind == unit.kind]
    return (same_kind or candidates)[0]


def form_for(unit: OrgUnit) -> str:
    """Party bodies write Party documents; People's Committees, police, military, the Front and
    other agencies write under Nghị định 30 (form "state")."""
    return "party" if unit.kind in PARTY_KINDS else "state"


def _strip_parent(name: str, parent_name: str) -> str:
    """ "Ban Dân vận Thành ủy Đà Nẵng" under "Thành ủy Đà Nẵng" → "Ban Dân vận"."""
    if parent_name and name.casefold().endswith(" " + parent_name.casefold()):
        return name[: -len(parent_name)].strip()
    return name


def _party_parent_line(parent: OrgUnit) -> str:
    """A cấp ủy's own documents are headed by its Party organisation: "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"."""
    match = _COMMITTEE_PLACE.match(parent.name)
    if match:
        return f"Đảng bộ {_PLACE_WORD[match.group(1).casefold()]} {match.group(2)}"
    return parent.name


@dataclass(frozen=True)
class IssuerNames:
    unit: OrgUnit  # the unit as of the date
    form: str
    parent_issuer: str | None
    issuer: str


def issuer_names(unit: OrgUnit, day: dt.date) -> IssuerNames:
    """The header lines of `unit` on `day`, in capitals: a board under its cấp ủy
    ("THÀNH ỦY ĐÀ NẴNG" / "BAN DÂN VẬN"); a cấp ủy under its Party organisation
    ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ" / "ĐẢNG ỦY KHỐI …"); a State body on its own (its State
    superior is not in the Party tree)."""
    unit = unit_as_of(unit, day)
    form = form_for(unit)
    parent = unit_as_of(unit.parent, day) if unit.parent_id else None
    parent_line, issuer = None, unit.name
    if parent is not None and form == "party" and form_for(parent) == "party":
        if unit.kind == UnitKind.BOARD:
            parent_line, issuer = parent.name, _strip_parent(unit.name, parent.name)
        else:
            parent_line = _party_parent_line(parent)
    elif parent is not None and form == "state" and form_for(parent) == "state":
        parent_line = parent.name
    return IssuerNames(unit, form, parent_line.upper() if parent_line else None, issuer.upper())


def default_place(unit: OrgUnit) -> str:
    """The địa danh: the place the top cấp ủy of the unit's tree is named after."""
    top = unit
    while top.parent_id:
        top = top.parent
    match = _COMMITTEE_PLACE.match(top.name)
    return match.group(2) if match else ""


def default_signature(unit: OrgUnit) -> tuple[str, str]:
    return _SIGNATURE_DEFAULTS.get(unit.kind, ("", ""))


def default_recipients(addressee: OrgUnit | None, day: dt.date) -> list[str]:
    recipients = []
    if addressee is not None:
        unit = unit_as_of(addressee, day)
        name = unit.short_name or unit.name
        # A cấp ủy is reported to through its standing committee.
        prefix = "Thường trực " if unit.kind == UnitKind.PARTY_COMMITTEE else ""
        recipients.append(f"{prefix}{name} (b/c)")
    recipients.append("Lưu VT")
    return recipients
