from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from . import permissions
from .models import Membership

SESSION_ACTIVE_MEMBERSHIP = "danvan_active_membership"


def memberships_of(user) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user).select_related("unit").order_by("unit__path", "role")
    )


def active_membership(request) -> Membership | None:
    """The membership the user chose in the unit switcher, else the first on a unit that
    exists today (a reporter of a dissolved unit usually reports for its successor now)."""
    memberships = list(memberships_of(request.user))
    if not memberships:
        return None
    chosen = request.session.get(SESSION_ACTIVE_MEMBERSHIP)
    today = timezone.localdate()
    current = [m for m in memberships if m.unit.is_valid_on(today)]
    return next((m for m in memberships if m.pk == chosen), (current or memberships)[0])


def manageable_memberships(user) -> QuerySet[Membership]:
    """Memberships on units the user administers (for the role management page)."""
    permissions.require(user, "accounts.manage")
    units = permissions.units_in_scope(user, "accounts.manage")
    return Membership.objects.filter(unit__in=units).select_related("unit", "user", "granted_by")
