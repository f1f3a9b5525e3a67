"""Reads of the unit tree. Every function takes the acting user and returns only what the
user's roles cover."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from danvan.accounts import permissions

from .interchange import SuccessionRow, UnitRow
from .models import OrgSuccession, OrgUnit


@dataclass
class TreeNode:
    unit: OrgUnit
    children: list[TreeNode] = field(default_factory=list)

    def as_dict(self) -> dict:
        unit = self.unit
        return {
            "code": unit.code,
            "name": unit.name,
            "short_name": unit.short_name,
            "kind": unit.kind,
            "kind_label": unit.get_kind_display(),
            "issuer_code": unit.issuer_code,
            "valid_from": unit.valid_from,
            "valid_to": unit.valid_to,
            "children": [child.as_dict() for child in self.children],
        }


def visible_units(user):
    return permissions.units_in_scope(user, "orgs.view")


def tree_as_of(day: dt.date, user) -> list[TreeNode]:
    """The units valid on `day` that `user` may see, as a forest in path order.

    One query; the nesting is rebuilt from the materialised paths. A unit whose parent is not
    visible (out of scope or not valid that day) becomes a root of the forest.
    """
    units = visible_units(user).valid_on(day)
    nodes: dict[int, TreeNode] = {}
    roots: list[TreeNode] = []
    for unit in units.order_by("path"):
        node = TreeNode(unit)
        nodes[unit.pk] = node
        parent = nodes.get(unit.parent_id)
        (parent.children if parent else roots).append(node)
    return roots


class UnitNotFound(OrgUnit.DoesNotExist):
    """A unit code that names no unit; the message is Vietnamese."""


def get_unit(code: str, user) -> OrgUnit:
    unit = OrgUnit.objects.select_related("parent").filter(code=code).first()
    if unit is None:
        raise UnitNotFound(f"Không tìm thấy đơn vị có mã {code}.")
    permissions.require(user, "orgs.view", unit)
    return unit


@dataclass
class Lineage:
    """What a unit came from and what it became, each step with its succession."""

    came_from: list[OrgSuccession]
    became: list[OrgSuccession]


def lineage(unit: OrgUnit, max_steps: int = 20) -> Lineage:
    return Lineage(
        came_from=_follow(unit, "successor", "predecessor", max_steps),
        became=_follow(unit, "predecessor", "successor", max_steps),
    )


def _follow(unit: OrgUnit, from_side: str, to_side: str, max_steps: int) -> list[OrgSuccession]:
    # Level by level (one query per generation), stopping at units already seen.
    seen = {unit.pk}
    frontier = [unit.pk]
    found: list[OrgSuccession] = []
    for _ in range(max_steps):
        if not frontier:
            break
        step = list(
            OrgSuccession.objects.filter(**{f"{from_side}__in": frontier})
            .select_related("predecessor", "successor")
            .order_by("date", "predecessor__code", "successor__code")
        )
        found.extend(step)
        frontier = [
            getattr(s, f"{to_side}_id") for s in step if getattr(s, f"{to_side}_id") not in seen
        ]
        seen.update(frontier)
    return found


def export_rows(user) -> tuple[list[UnitRow], list[SuccessionRow]]:
    """Units and successions within the user's management scope, parents before children."""
    permissions.require(user, "orgs.manage")
    units = (
        permissions.units_in_scope(user, "orgs.manage").select_related("parent").order_by("path")
    )
    codes = set()
    unit_rows = []
    for unit in units:
        codes.add(unit.code)
        unit_rows.append(
            UnitRow(
                label="",
                code=unit.code,
                name=unit.name,
                short_name=unit.short_name,
                kind=unit.kind,
                issuer_code=unit.issuer_code,
                parent_code=unit.parent.code if unit.parent_id else "",
                valid_from=unit.valid_from.isoformat(),
                valid_to=unit.valid_to.isoformat() if unit.valid_to else "",
                note=unit.note,
            )
        )
    successions = (
        OrgSuccession.objects.filter(Q(predecessor__code__in=codes) & Q(successor__code__in=codes))
        .select_related("predecessor", "successor")
        .order_by("date", "predecessor__code", "successor__code")
    )
    succession_rows = [
        SuccessionRow(
            label="",
            predecessor_code=s.predecessor.code,
            successor_code=s.successor.code,
            date=s.date.isoformat(),
            kind=s.kind,
            note=s.note,
        )
        for s in successions
    ]
    return unit_rows, succession_rows
