"""Reads of the "Dân vận khéo" register; every function returns only what the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.vn.text import fold

from . import authority, duplicates
from .counting import year_before
from .lifecycle import ASSESSABLE, MAINTAINED
from .models import Entry, Status
from .permissions import ASSESS, RECOGNISE, REGISTER, VIEW


def visible_entries(user) -> QuerySet[Entry]:
    paths = permissions.scope_paths(user, VIEW)
    entries = Entry.objects.select_related("owner_unit")
    if paths is permissions.GLOBAL_SCOPE:
        return entries
    if not paths:
        return entries.none()
    condition = Q()
    for path in paths:
        condition |= Q(owner_unit__path__startswith=path)
    return entries.filter(condition)


def get_entry(user, entry_id: int) -> Entry | None:
    """The entry when `user` may see it; None otherwise (as if it did not exist)."""
    if not isinstance(entry_id, int) or not 0 < entry_id < 2**63:
        return None
    return visible_entries(user).filter(pk=entry_id).first()


@dataclass
class Filters:
    query: str = ""
    kind: str = ""
    subject: str = ""
    field: str = ""
    status: str = ""
    level: str = ""
    tag: str = ""
    unit: OrgUnit | None = None
    year: int | None = None
    due: bool = False


def entries(user, filters: Filters, today: dt.date | None = None) -> QuerySet[Entry]:
    qs = visible_entries(user).filter(merged_into=None)
    for word in fold(filters.query).split()[:10]:
        qs = qs.filter(search_text__contains=word)
    for key in ("kind", "subject", "field", "status"):
        value = getattr(filters, key)
        if value:
            qs = qs.filter(**{key: value})
    if filters.level:
        qs = qs.filter(recognitions__level=filters.level)
    if filters.tag:
        # JSON containment is not on SQLite; tags are few, so a text match on the stored list
        # (codes are quoted in the JSON) is exact enough and works on both databases.
        qs = qs.filter(tags__icontains=f'"{filters.tag}"')
    if filters.unit is not None:
        qs = qs.filter(owner_unit__path__startswith=filters.unit.path)
    if filters.year:
        qs = qs.filter(registered_on__year=filters.year)
    if filters.due:
        qs = qs.filter(pk__in=[e.pk for e in due_for_assessment(user, today or dt.date.today())])
    return qs.distinct().order_by("-registered_on", "name", "id")


def live_entries(user, today: dt.date) -> QuerySet[Entry]:
    """Visible, not merged, and owned by a unit still in existence `today` (a dissolved unit's
    entries stay in the counts of their years, not in today's work)."""
    return visible_entries(user).filter(
        Q(owner_unit__valid_to__isnull=True) | Q(owner_unit__valid_to__gte=today),
        merged_into=None,
    )


def due_for_assessment(user, today: dt.date, horizon_days: int = 30) -> list[Entry]:
    """Entries the user's board must (re-)assess: maintained, and either never assessed with
    the evaluation date reached (within `horizon_days`), or last assessed over a year ago."""
    qs = live_entries(user, today).filter(status__in=list(MAINTAINED))
    horizon = today + dt.timedelta(days=horizon_days)
    cutoff = year_before(today)
    due = []
    for entry in qs.prefetch_related("assessments"):
        last = max((a.assessed_on for a in entry.assessments.all()), default=None)
        if last is None:
            if entry.evaluation_date and entry.evaluation_date <= horizon:
                due.append(entry)
        elif last < cutoff and entry.status in ASSESSABLE:
            due.append(entry)
    return due


def drafts(user) -> QuerySet[Entry]:
    paths = permissions.scope_paths(user, REGISTER)
    qs = Entry.objects.filter(status=Status.PLANNED, merged_into=None)
    if paths is permissions.GLOBAL_SCOPE:
        return qs
    condition = Q(pk__in=[])
    for path in paths or []:
        condition |= Q(owner_unit__path__startswith=path)
    return qs.filter(condition)


def possible_duplicates(user, entry: Entry, limit: int = 5) -> list[tuple[float, Entry]]:
    """Entries of the same province alike in name, area and forces (diacritics and word order
    ignored), for a person to merge or leave."""
    province = entry.owner_unit.path.split("/")[0:2]
    prefix = "/".join(province) + "/"
    others = list(
        visible_entries(user)
        .filter(owner_unit__path__startswith=prefix, merged_into=None)
        .exclude(pk=entry.pk)
        .only("id", "name", "area", "forces_lead", "forces_coordinating", "owner_unit__name")
    )

    def as_dict(e: Entry) -> dict:
        return {
            "name": e.name,
            "area": e.area,
            "forces": f"{e.forces_lead} {e.forces_coordinating}",
            "entry": e,
        }

    found = duplicates.likely_duplicates(as_dict(entry), [as_dict(o) for o in others])
    return [(score, other["entry"]) for score, other in found[:limit]]


def can(user, action: str, entry: Entry) -> bool:
    return permissions.has_permission(user, action, entry.owner_unit)


def abilities(user, entry: Entry, day: dt.date | None = None) -> dict[str, bool]:
    """What the entry's page offers `user`: assessing and recognising follow the dated
    settings of authority.py (else the board of the subtree); merging duplicates and
    replicating stay the board's ("board")."""
    day = day or dt.date.today()
    settings = authority.settings_on(day)
    return {
        "register": can(user, REGISTER, entry),
        "board": can(user, RECOGNISE, entry),
        "assess": authority.may_act(user, ASSESS, entry, day, settings),
        "recognise": authority.may_act(user, RECOGNISE, entry, day, settings),
    }


def units_for(user, action: str, day: dt.date) -> QuerySet[OrgUnit]:
    """Units valid on `day` where `user` may do `action` (for the forms' unit lists)."""
    return permissions.units_in_scope(user, action).valid_on(day).order_by("path")
