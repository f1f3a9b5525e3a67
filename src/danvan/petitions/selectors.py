"""Reads of the register: the book, the petitions with their clocks, the forms; every read
asks danvan.accounts.permissions. Identity fields leave here only for roles that handle
the case (petitions.identity); everyone else gets a pseudonym."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db.models import Count, Q, Sum

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.vn.text import fold as _fold
from danvan.vn.text import without_surrogates

from . import clocks
from .clockwork import Rules, clocks_for, current_clock, work_calendar
from .crypto import mask_identity
from .models import ConclusionTask, FormReport, Petition, ReceptionEntry, ReceptionSession
from .permissions import IDENTITY, MANAGE, VIEW

MAX_STATE_SCAN = 2000


def fold(text: str) -> str:
    return _fold(without_surrogates(text or ""))[:200]


def _scope(user, action: str, field: str = "unit__path") -> Q | None:
    """A filter on the units `user` may act on; None when nowhere."""
    paths = permissions.scope_paths(user, action)
    if paths is permissions.GLOBAL_SCOPE:
        return Q()
    if not paths:
        return None
    q = Q()
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def units_for(user, action: str = VIEW):
    return permissions.units_in_scope(user, action)


def pseudonym(kind: str, pk: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{pk}".encode()).hexdigest()[:6].upper()
    return f"Công dân {digest}"


def may_see_identity(user, unit: OrgUnit) -> bool:
    return permissions.has_permission(user, IDENTITY, unit)


def visitor_view(user, entry: ReceptionEntry, unit: OrgUnit) -> dict:
    """What `user` may see of a visitor: the name, address and a masked identity number, or
    a pseudonym."""
    if may_see_identity(user, unit) and not entry.identity_purged:
        return {
            "name": entry.visitor_name,
            "address": entry.visitor_address,
            "identity": mask_identity(entry.identity_number),
            "shown": True,
        }
    return {"name": pseudonym("entry", entry.pk), "address": "", "identity": "", "shown": False}


def sessions(user, *, unit_code="", date_from=None, date_to=None, host_role="", query=""):
    scope = _scope(user, VIEW)
    if scope is None:
        return ReceptionSession.objects.none()
    result = ReceptionSession.objects.filter(scope).select_related("unit", "conclusion")
    if unit_code:
        unit = OrgUnit.objects.filter(code=unit_code).first()
        result = result.filter(unit__path__startswith=unit.path) if unit else result.none()
    if date_from:
        result = result.filter(date__gte=date_from)
    if date_to:
        result = result.filter(date__lte=date_to)
    if host_role:
        result = result.filter(host_role=host_role)
    if query:
        result = result.filter(entries__search_text__contains=fold(query)).distinct()
    return result.annotate(
        entry_count=Count("entries", distinct=True), people=Sum("entries__people")
    ).order_by("-date", "-id")


def get_session(user, session_id: int) -> ReceptionSession | None:
    scope = _scope(user, VIEW)
    if scope is None:
        return None
    return ReceptionSession.objects.filter(scope, pk=session_id).select_related("unit").first()


def petitions(
    user, *, unit_code="", kind="", date_from=None, date_to=None, query="", state="", today=None
):
    """Petition records in scope with filters; a clock state filter is applied in Python
    (at most MAX_STATE_SCAN records)."""
    scope = _scope(user, VIEW)
    if scope is None:
        return Petition.objects.none()
    result = Petition.objects.filter(scope).select_related("unit")
    if unit_code:
        unit = OrgUnit.objects.filter(code=unit_code).first()
        result = result.filter(unit__path__startswith=unit.path) if unit else result.none()
    if kind:
        result = result.filter(kind=kind)
    if date_from:
        result = result.filter(received_on__gte=date_from)
    if date_to:
        result = result.filter(received_on__lte=date_to)
    if query:
        result = result.filter(search_text__contains=fold(query))
    if state:
        today = today or dt.date.today()
        rows = with_clocks(list(result.prefetch_related("events")[:MAX_STATE_SCAN]), today)
        return [p for p in rows if p.clock and p.clock.state == state]
    return result


def with_clocks(rows, today: dt.date):
    """Attach `clock` (the clock that matters now) and `clocks` to each petition."""
    rules, calendar = Rules(), work_calendar()
    for petition in rows:
        petition.clocks = clocks_for(petition, today=today, rules=rules, calendar=calendar)
        petition.clock = current_clock(petition.clocks)
    return rows


def get_petition(user, petition_id: int) -> Petition | None:
    scope = _scope(user, VIEW)
    if scope is None:
        return None
    return Petition.objects.filter(scope, pk=petition_id).select_related("unit", "entry").first()


def due_petitions(user, today: dt.date, action: str = MANAGE) -> list[Petition]:
    """Open petitions in `user`'s scope whose clock is overdue or soon due."""
    scope = _scope(user, action)
    if scope is None:
        return []
    open_ = Petition.objects.filter(scope, closed_on__isnull=True).select_related("unit")
    rows = with_clocks(list(open_.prefetch_related("events")[:MAX_STATE_SCAN]), today)
    wanted = (clocks.OVERDUE, clocks.SOON)
    return [p for p in rows if p.clock and p.clock.state in wanted]


def open_tasks(user, today: dt.date):
    scope = _scope(user, MANAGE)
    if scope is None:
        return ConclusionTask.objects.none()
    return ConclusionTask.objects.filter(scope, done_on__isnull=True).select_related("session")


def forms(user, *, unit_code=""):
    scope = _scope(user, VIEW)
    if scope is None:
        return FormReport.objects.none()
    result = FormReport.objects.filter(scope).select_related("unit")
    if unit_code:
        result = result.filter(unit__code=unit_code)
    return result


def search(user, query: str, limit: int = 20) -> list[tuple[str, object]]:
    """Summaries matching `query` (diacritics ignored); never names or identity numbers."""
    folded = fold(query or "").strip()
    if len(folded) < 2:
        return []
    found: list[tuple[str, object]] = []
    scope = _scope(user, VIEW)
    if scope is None:
        return []
    for petition in Petition.objects.filter(scope, search_text__contains=folded)[:limit]:
        found.append(("petition", petition))
    entry_scope = _scope(user, VIEW, "session__unit__path")
    entries = ReceptionEntry.objects.filter(entry_scope, search_text__contains=folded)
    for entry in entries.select_related("session")[: max(limit - len(found), 0)]:
        found.append(("entry", entry))
    return found
