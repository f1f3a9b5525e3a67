"""Who assesses and who recognises an entry, at a level, on a day.

Where an `Authority` setting is in force for the entry's subtree and the level (the most
specific root wins), the people whose assess/recognise role covers the configured unit act,
and the act is recorded in that unit's name. Without one, the board of the subtree acts, as
before settings existed. The configured unit's people also read the subtree's entries (a grant
source, registered in AppConfig.ready())."""

from __future__ import annotations

import datetime as dt

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q

from danvan.accounts import permissions
from danvan.accounts.models import Membership
from danvan.orgs.models import OrgUnit

from .lifecycle import TransitionRefused
from .models import Authority, Entry, Level
from .permissions import ASSESS, RECOGNISE, VIEW

UNIT_FIELD = {ASSESS: "assessing_unit", RECOGNISE: "recognising_unit"}
VERB = {ASSESS: "đánh giá", RECOGNISE: "công nhận"}


def settings_on(day: dt.date) -> list[Authority]:
    return list(
        Authority.objects.select_related("root_unit", "assessing_unit", "recognising_unit")
        .filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    )


def configured(
    unit: OrgUnit, action: str, level: str, day: dt.date, settings=None
) -> Authority | None:
    """The setting in force on `day` naming the unit for `action` at `level` over `unit`."""
    field = UNIT_FIELD[action]
    found = [
        s
        for s in (settings_on(day) if settings is None else settings)
        if s.level == level
        and getattr(s, f"{field}_id")
        and unit.path.startswith(s.root_unit.path)
        and s.in_force(day)
    ]
    return max(found, key=lambda s: len(s.root_unit.path), default=None)


def require(user, action: str, entry: Entry, *, level: str, day: dt.date, unit: OrgUnit) -> None:
    """Raise ScopeDenied unless `user` may do `action` on `entry` at `level` on `day`, and
    TransitionRefused when `unit` (who assessed / recognised) is not the one the setting names."""
    settings = settings_on(day)
    if not level:
        if any(configured(entry.owner_unit, action, lv, day, settings) for lv in Level.values):
            raise TransitionRefused(
                f"Chọn cấp {VERB[action]}: đơn vị {VERB[action]} được quy định theo từng cấp."
            )
        found = None
    else:
        found = configured(entry.owner_unit, action, level, day, settings)
    if found is None:
        permissions.require(user, action, entry.owner_unit)
        permissions.require(user, action, unit)
        return
    named = getattr(found, UNIT_FIELD[action])
    where = f"{Level(level).label.lower()} của {found.root_unit.name}"
    if not permissions.has_permission(user, action, named):
        raise permissions.ScopeDenied(
            f"Bạn không có quyền {VERB[action]} mô hình, điển hình {where}: "
            f"theo quy định từ {found.valid_from:%d/%m/%Y}, đơn vị {VERB[action]} là {named.name}."
        )
    if unit.pk != named.pk:
        raise TransitionRefused(
            f"Đơn vị {VERB[action]} {where} từ {found.valid_from:%d/%m/%Y} là {named.name}."
        )


def may_act(user, action: str, entry: Entry, day: dt.date, settings=None) -> bool:
    """Whether `user` may do `action` on `entry` at some level on `day` (to show a form)."""
    settings = settings_on(day) if settings is None else settings
    paths = permissions.scope_paths(user, action)
    for level in Level.values:
        found = configured(entry.owner_unit, action, level, day, settings)
        unit = getattr(found, UNIT_FIELD[action]) if found else entry.owner_unit
        if permissions.covers(paths, unit.path):
            return True
    return False


def visible_settings(user, day: dt.date) -> list[Authority]:
    """Every setting (past, current and future) over a subtree the user reads, or above it;
    each marked `current` when in force on `day`."""
    paths = permissions.scope_paths(user, VIEW)
    rows = Authority.objects.select_related("root_unit", "assessing_unit", "recognising_unit")
    found = [
        s
        for s in rows
        if paths is permissions.GLOBAL_SCOPE
        or any(p.startswith(s.root_unit.path) or s.root_unit.path.startswith(p) for p in paths)
    ]
    for setting in found:
        setting.current = setting.in_force(day)
    return found


def granted_paths(user, action: str, roles: frozenset[str]) -> list[str]:
    """The grant source: the subtrees whose entries a configured unit's people assess or
    recognise today, so that they read them (one query, only for the register's reading)."""
    if action != VIEW:
        return []
    today = dt.date.today()
    acting = permissions.ACTION_ROLES[ASSESS] | permissions.ACTION_ROLES[RECOGNISE]
    conditions = Q()
    for field in UNIT_FIELD.values():
        unit_path = ExpressionWrapper(OuterRef(f"{field}__path"), output_field=CharField())
        member = (
            Membership.objects.filter(user=user, role__in=acting)
            .annotate(target=unit_path)
            .filter(target__startswith=F("unit__path"))
        )
        conditions |= Exists(member)
    return list(
        Authority.objects.filter(valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .filter(conditions)
        .values_list("root_unit__path", flat=True)
        .distinct()
    )
