"""What `danvan import` does, in one place the command and its tests call."""

from __future__ import annotations

from danvan.ingest import DocumentError, parse_bytes
from danvan.orgs.models import OrgUnit
from danvan.registry.models import Document
from danvan.reporting.models import Assignment, ReportRequest

from . import proposals, routing, services


class CommandError(Exception):
    pass


def _route(actor, parsed: dict, request_id: int | None, unit_code: str | None) -> routing.Route:
    route = routing.route(actor, parsed)
    if request_id is not None:
        route.request = ReportRequest.objects.filter(pk=request_id).first()
        if route.request is None:
            raise CommandError(f"Không có yêu cầu báo cáo số {request_id}.")
    if unit_code:
        route.unit = OrgUnit.objects.filter(code=unit_code).first()
        if route.unit is None:
            raise CommandError(f"Không có đơn vị mã {unit_code}.")
    return route


def _registry_id(reference: dict) -> int | None:
    found = Document.objects.filter(symbol=reference["symbol"])
    if reference.get("date"):
        found = found.filter(date=reference["date"])
    return found.values_list("id", flat=True).first()


def run(actor, data: bytes, name: str, *, request_id=None, unit_code=None, dry_run=False) -> dict:
    try:
        parsed = parse_bytes(data, name, max_bytes=services.max_upload_bytes()).to_dict()
    except DocumentError as exc:
        raise CommandError(exc.message) from exc
    route = _route(actor, parsed, request_id, unit_code)
    assignment = None
    if route.request and route.unit:
        assignment = Assignment.objects.filter(request=route.request, unit=route.unit).first()
    template = route.request.template if route.request else None
    outcome = {
        "unit": {"code": route.unit.code, "name": route.unit.name} if route.unit else None,
        "request": {
            "id": route.request.pk,
            "document": str(route.request.request_document)
            if route.request.request_document
            else None,
        }
        if route.request
        else None,
        "confidence": round(route.confidence, 2),
        "problems": route.problems,
        "sections": [
            {"template_section": m["template_section"], "source_title": m["source_title"]}
            for m in (proposals.section_proposals(parsed, template.sections) if template else [])
        ],
        "values": [
            {
                key: p[key]
                for key in ("indicator", "options", "value", "total", "confidence", "source")
            }
            for p in (proposals.value_proposals(parsed, template) if template else [])
        ],
        "references": [
            {"symbol": r["symbol"], "date": r["date"], "registry_id": _registry_id(r)}
            for r in proposals.reference_list(parsed)
        ],
        "job": None,
    }
    if dry_run:
        return outcome
    if assignment is None:
        raise CommandError(
            "Không xác định được báo cáo cần nhập (đơn vị và yêu cầu); dùng --unit và --request."
        )
    try:
        job = services.start_import(actor, assignment.pk, data, name)
    except services.ImportRefused as exc:
        raise CommandError(exc.message) from exc
    job = services.process_job(job.pk)
    outcome["job"] = {"id": job.pk, "status": job.status, "url": f"/nhap-tep/lan/{job.pk}/"}
    return outcome


def describe(outcome: dict) -> str:
    unit = outcome["unit"]["name"] if outcome["unit"] else "(chưa nhận ra đơn vị)"
    request = (
        f"yêu cầu số {outcome['request']['id']}" if outcome["request"] else "(chưa nhận ra yêu cầu)"
    )
    lines = [f"Đơn vị: {unit}; {request}; độ tin cậy {outcome['confidence']}."]
    lines += [f"  ! {problem}" for problem in outcome["problems"]]
    lines.append(
        f"{len(outcome['values'])} số liệu đề xuất, {len(outcome['references'])} văn bản được trích dẫn."
    )
    for value in outcome["values"]:
        option = ", ".join(value["options"].values())
        lines.append(
            f"  {value['indicator']['name']}{' — ' + option if option else ''}: {value['value']}"
            f" {value['indicator']['unit']} ({value['confidence']})"
        )
    if outcome["job"]:
        lines.append(f"Đã đưa vào hàng chờ xác nhận: {outcome['job']['url']}")
    return "\n".join(lines)
