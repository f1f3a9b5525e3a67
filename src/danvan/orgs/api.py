from __future__ import annotations

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema

from danvan.api_errors import AUTHENTICATED, errors

from . import interchange, selectors, services

router = Router(tags=["Đơn vị"])


class TreeNodeOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    issuer_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    children: list[TreeNodeOut]


TreeNodeOut.model_rebuild()


class TreeOut(Schema):
    date: dt.date
    units: list[TreeNodeOut]


class SuccessionOut(Schema):
    predecessor_code: str
    predecessor_name: str
    successor_code: str
    successor_name: str
    date: dt.date
    kind: str


class UnitOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    issuer_code: str
    parent_code: str | None
    valid_from: dt.date
    valid_to: dt.date | None
    note: str
    came_from: list[SuccessionOut]
    became: list[SuccessionOut]


class ImportIn(Schema):
    units: list[dict] = []
    successions: list[dict] = []


class ImportOut(Schema):
    created: list[str]
    updated: list[str]
    unchanged: list[str]
    successions_created: int
    successions_updated: int
    summary: str


def _succession(s) -> dict:
    return {
        "predecessor_code": s.predecessor.code,
        "predecessor_name": s.predecessor.name,
        "successor_code": s.successor.code,
        "successor_name": s.successor.name,
        "date": s.date,
        "kind": s.kind,
    }


@router.get(
    "/tree", response={200: TreeOut, **errors(*AUTHENTICATED)}, summary="Cây đơn vị vào một ngày"
)
def tree(request, date: dt.date | None = None):
    day = date or timezone.localdate()
    return {
        "date": day,
        "units": [node.as_dict() for node in selectors.tree_as_of(day, request.auth)],
    }


@router.get(
    "/units/{code}",
    response={200: UnitOut, **errors(*AUTHENTICATED, 404)},
    summary="Một đơn vị và lịch sử kế thừa",
)
def unit(request, code: str):
    found = selectors.get_unit(code, request.auth)
    lineage = selectors.lineage(found)
    return {
        "code": found.code,
        "name": found.name,
        "short_name": found.short_name,
        "kind": found.kind,
        "issuer_code": found.issuer_code,
        "parent_code": found.parent.code if found.parent_id else None,
        "valid_from": found.valid_from,
        "valid_to": found.valid_to,
        "note": found.note,
        "came_from": [_succession(s) for s in lineage.came_from],
        "became": [_succession(s) for s in lineage.became],
    }


@router.get(
    "/export",
    response={200: dict, **errors(*AUTHENTICATED)},
    summary="Xuất đơn vị và quan hệ kế thừa (JSON)",
)
def export(request):
    units, successions = selectors.export_rows(request.auth)
    return interchange.to_data(units, successions)


@router.post(
    "/import",
    response={200: ImportOut, **errors(*AUTHENTICATED, 400)},
    summary="Nhập đơn vị và quan hệ kế thừa (JSON)",
)
def import_units(request, payload: ImportIn):
    units, successions = interchange.from_data(payload.dict())
    result = services.import_units(request.auth, units, successions)
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "successions_created": result.successions_created,
        "successions_updated": result.successions_updated,
        "summary": result.summary(),
    }
