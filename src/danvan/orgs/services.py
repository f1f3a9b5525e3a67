"""Every write to the unit tree. Imports are checked whole and written in one transaction:
one bad row and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from danvan.accounts import permissions
from danvan.audit.services import record_event

from . import validation
from .interchange import SuccessionRow, UnitRow
from .models import PATH_SEPARATOR, OrgSuccession, OrgUnit
from .validation import UnitFacts, parse_day


class ImportRejected(Exception):
    """The import broke a rule; `errors` lists every offending row, in Vietnamese."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    successions_created: int = 0
    successions_updated: int = 0

    def summary(self) -> str:
        return (
            f"Đã tạo {len(self.created)} đơn vị, cập nhật {len(self.updated)}, giữ nguyên {len(self.unchanged)}; "
            f"thêm {self.successions_created} quan hệ kế thừa, cập nhật {self.successions_updated}."
        )


def _stored_facts() -> dict[str, UnitFacts]:
    rows = OrgUnit.objects.values_list("code", "parent__code", "valid_from", "valid_to")
    return {
        code: UnitFacts(code, parent or "", start, end, "") for code, parent, start, end in rows
    }


def _paths(units: dict[str, UnitFacts]) -> dict[str, str]:
    paths: dict[str, str] = {}

    def path_of(code: str) -> str:
        if code not in paths:
            parent = units[code].parent_code
            paths[code] = (path_of(parent) if parent else "") + code + PATH_SEPARATOR
        return paths[code]

    for code in units:
        path_of(code)
    return paths


def _check_scope(actor, unit_rows, succession_rows, new_paths: dict[str, str]) -> None:
    scope = permissions.scope_paths(actor, "orgs.manage")
    if scope is permissions.GLOBAL_SCOPE:
        return
    stored_paths = dict(OrgUnit.objects.filter(code__in=new_paths).values_list("code", "path"))
    for row in unit_rows:
        touched = [new_paths[row.code]] + (
            [stored_paths[row.code]] if row.code in stored_paths else []
        )
        if not all(permissions.covers(scope, p) for p in touched):
            raise permissions.ScopeDenied(
                f"Đơn vị, {row.label} (mã {row.code}): bạn không có quyền quản trị đơn vị này "
                "hoặc đơn vị cấp trên của nó. Không có thay đổi nào được ghi."
            )
    for row in succession_rows:
        for code in (row.predecessor_code, row.successor_code):
            path = new_paths.get(code) or stored_paths.get(code) or ""
            if not permissions.covers(scope, path):
                raise permissions.ScopeDenied(
                    f"Quan hệ kế thừa, {row.label}: bạn không có quyền quản trị đơn vị {code}. "
                    "Không có thay đổi nào được ghi."
                )


def _unit_snapshot(unit: OrgUnit) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "issuer_code": unit.issuer_code,
        "parent_code": unit.parent.code if unit.parent_id else None,
        "valid_from": unit.valid_from.isoformat(),
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
        "note": unit.note,
    }


def import_units(
    actor, unit_rows: list[UnitRow], succession_rows: list[SuccessionRow]
) -> ImportResult:
    """Create or update units (by code) and successions (by predecessor–successor pair)."""
    permissions.require(actor, "orgs.manage")
    with transaction.atomic():
        combined, errors = validation.check_units(unit_rows, _stored_facts())
        errors += validation.check_successions(succession_rows, combined)
        if errors:
            raise ImportRejected(errors)
        new_paths = _paths(combined)
        _check_scope(actor, unit_rows, succession_rows, new_paths)
        result = ImportResult()
        ordered = sorted(
            unit_rows, key=lambda row: (new_paths[row.code].count(PATH_SEPARATOR), row.code)
        )
        for row in ordered:
            _write_unit(actor, row, result)
        for row in succession_rows:
            _write_succession(actor, row, result)
        record_event(actor, "orgs.import", "OrgUnit", summary=result.summary())
    return result


def _write_unit(actor, row: UnitRow, result: ImportResult) -> None:
    unit = OrgUnit.objects.select_related("parent").filter(code=row.code).first()
    before = _unit_snapshot(unit) if unit else None
    old_path = unit.path if unit else None
    unit = unit or OrgUnit(code=row.code)
    unit.name = row.name
    unit.short_name = row.short_name
    unit.kind = row.kind
    unit.issuer_code = row.issuer_code
    unit.parent = OrgUnit.objects.get(code=row.parent_code) if row.parent_code else None
    unit.valid_from = parse_day(row.valid_from)
    unit.valid_to = parse_day(row.valid_to) if row.valid_to else None
    unit.note = row.note
    unit.path = unit.compute_path()
    unit.depth = unit.path.count(PATH_SEPARATOR) - 1
    after = _unit_snapshot(unit)
    if before == after:
        result.unchanged.append(unit.code)
        return
    unit.save()
    if old_path and old_path != unit.path:
        _move_descendants(old_path, unit.path)
    (result.updated if before else result.created).append(unit.code)
    record_event(
        actor,
        "orgs.unit.update" if before else "orgs.unit.create",
        "OrgUnit",
        unit.code,
        summary=unit.name,
        before=before,
        after=after,
    )


def _move_descendants(old_path: str, new_path: str) -> None:
    depth_change = new_path.count(PATH_SEPARATOR) - old_path.count(PATH_SEPARATOR)
    OrgUnit.objects.filter(path__startswith=old_path).exclude(path=new_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_change,
    )


def _write_succession(actor, row: SuccessionRow, result: ImportResult) -> None:
    predecessor = OrgUnit.objects.get(code=row.predecessor_code)
    successor = OrgUnit.objects.get(code=row.successor_code)
    values = {"date": parse_day(row.date), "kind": row.kind, "note": row.note}
    succession = OrgSuccession.objects.filter(predecessor=predecessor, successor=successor).first()
    if succession and all(getattr(succession, k) == v for k, v in values.items()):
        return
    before = (
        {"date": succession.date.isoformat(), "kind": succession.kind, "note": succession.note}
        if succession
        else None
    )
    succession, created = OrgSuccession.objects.update_or_create(
        predecessor=predecessor, successor=successor, defaults=values
    )
    if created:
        result.successions_created += 1
    else:
        result.successions_updated += 1
    record_event(
        actor,
        "orgs.succession.create" if created else "orgs.succession.update",
        "OrgSuccession",
        f"{predecessor.code}>{successor.code}",
        summary=str(succession),
        before=before,
        after={
            "date": succession.date.isoformat(),
            "kind": succession.kind,
            "note": succession.note,
        },
    )
