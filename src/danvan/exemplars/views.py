"""The register's pages: the list with filters, one entry, the counts, the spreadsheets.
The forms that change an entry are in actions.py."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.orgs.forms import DateField
from danvan.orgs.models import OrgUnit
from danvan.registers import sheets as sheet_lib
from danvan.vn.numbers import parse_whole

from . import annex, authority, campaigns, counting, lifecycle, selectors, services, sheet
from .forms import (
    AssessmentForm,
    CommitmentForm,
    ImportForm,
    OutputForm,
    RecognitionFormForm,
    TransitionForm,
)
from .models import TAGS, Field, Kind, Level, Metric, Status, Subject
from .permissions import ASSESS, RECOGNISE, REGISTER, VIEW

TITLE = "Dân vận khéo"
PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _unit_param(request, key: str = "don-vi") -> OrgUnit | None:
    code = request.GET.get(key, "").strip()[:40]
    if not code:
        return None
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None or not permissions.has_permission(request.user, VIEW, unit):
        return None
    return unit


def _filters(request) -> selectors.Filters:
    get = request.GET

    def pick(key, allowed):
        value = get.get(key, "")
        return value if value in allowed else ""

    return selectors.Filters(
        query=get.get("q", "")[:200],
        kind=pick("loai", Kind.values),
        subject=pick("chu-the", Subject.values),
        field=pick("linh-vuc", Field.values),
        status=pick("trang-thai", Status.values),
        level=pick("cap", Level.values),
        tag=pick("nhan", TAGS),
        unit=_unit_param(request),
        year=parse_whole(get.get("nam", ""), 2100),
        due=get.get("den-han") == "1",
    )


@login_required
def index(request):
    filters = _filters(request)
    entries = selectors.entries(request.user, filters).select_related("owner_unit")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("trang"))
    today = dt.date.today()
    return render(
        request,
        "exemplars/index.html",
        {
            "page": page,
            "filters": filters,
            "params": request.GET,
            "kinds": Kind.choices,
            "subjects": Subject.choices,
            "fields": Field.choices,
            "statuses": Status.choices,
            "levels": Level.choices,
            "tags": TAGS.items(),
            "units": selectors.units_for(request.user, VIEW, today)[:400],
            "can_register": permissions.acts_anywhere(request.user, REGISTER),
            "drafts": selectors.drafts(request.user).count()
            if permissions.acts_anywhere(request.user, REGISTER)
            else 0,
            "import_form": ImportForm(),
            "authorities": authority.visible_settings(request.user, today),
        },
    )


@login_required
def detail(request, entry_id: int):
    entry = selectors.get_entry(request.user, entry_id)
    if entry is None:
        raise Http404("Không tìm thấy mô hình, điển hình (hoặc bạn không có quyền xem).")
    today = dt.date.today()
    can = selectors.abilities(request.user, entry)
    targets = [
        (s, lifecycle.label(s))
        for s in lifecycle.NEXT.get(entry.status, ())
        if s in lifecycle.BY_UNIT or (s == Status.REPLICATED and can["board"])
    ]
    criteria = services.criteria_for(entry, today)
    context = {
        "entry": entry,
        "can": can,
        "events": entry.events.select_related("by_unit", "decision", "actor"),
        "assessments": entry.assessments.select_related("assessor_unit", "criteria_set", "actor"),
        "recognitions": entry.recognitions.select_related("by_unit", "decision"),
        "outputs": entry.outputs.all(),
        "replicas": entry.replicas.select_related("owner_unit"),
        "duplicates": selectors.possible_duplicates(request.user, entry)
        if not entry.merged_into_id
        else [],
        "criteria": criteria,
    }
    if can["register"] and targets:
        context["transition_form"] = TransitionForm(targets=targets, initial={"at": today})
    if can["assess"] and entry.status in lifecycle.ASSESSABLE and criteria:
        context["assessment_form"] = AssessmentForm(
            units=selectors.units_for(request.user, ASSESS, today),
            criteria=criteria,
            initial={"assessed_on": today},
        )
    if can["recognise"] and entry.status in lifecycle.RECOGNISABLE:
        context["recognition_form"] = RecognitionFormForm(
            units=selectors.units_for(request.user, RECOGNISE, today), initial={"decided_on": today}
        )
    if can["register"] and entry.status != Status.PLANNED:
        context["output_form"] = OutputForm()
    if can["register"]:
        context["commitment_form"] = CommitmentForm(initial={"commitment": entry.commitment_id})
    return render(request, "exemplars/detail.html", context)


def _date(raw: str, default: dt.date) -> dt.date:
    try:
        return DateField().clean(raw) if raw else default
    except Exception:  # noqa: BLE001 - any unreadable date falls back to the default
        return default


@login_required
def counts(request):
    today = dt.date.today()
    units = list(selectors.units_for(request.user, VIEW, today)[:400])
    unit = _unit_param(request)
    if unit is None and units:
        unit = units[0]
    date_to = _date(request.GET.get("den", ""), today)
    date_from = _date(request.GET.get("tu", ""), dt.date(date_to.year, 1, 1))
    if date_from > date_to:
        date_from = dt.date(date_to.year, 1, 1)
    since_year = parse_whole(request.GET.get("tu-nam", ""), 2100)
    result = counting.compute(unit, date_from, date_to, since_year=since_year) if unit else None
    rows = []
    if result is not None:
        for label, measure in (
            ("Đăng ký mới trong kỳ", "registered_new"),
            ("Đang duy trì cuối kỳ", "maintained"),
            ("Hiệu quả (đánh giá còn hiệu lực cuối kỳ)", "effective"),
            ("Tiêu biểu (chọn trong kỳ)", "outstanding"),
            ("Lũy kế đã đăng ký" + (f" từ năm {since_year}" if since_year else ""), "cumulative"),
        ):
            split = result.by_kind_subject(measure)
            fields = result.by(measure, 2)
            rows.append(
                {
                    "label": label,
                    "cells": [split.get((k, s), 0) for k in Kind.values for s in Subject.values],
                    "fields": [fields.get(f, 0) for f in Field.values],
                    "total": sum(split.values()),
                }
            )
    chart = None
    if result is not None and result.maintained_total:
        series = [
            (label, result.by(measure, 2))
            for label, measure in (
                ("Đăng ký mới", "registered_new"),
                ("Đang duy trì", "maintained"),
                ("Hiệu quả", "effective"),
            )
        ]
        chart = {
            "key": "dvk-fields",
            "title": "Mô hình, điển hình theo lĩnh vực",
            "kind": "bar",
            "unit": "",
            "horizontal": False,
            "categories": list(Field.labels),
            "series": [
                {"name": label, "data": [split.get(f, 0) for f in Field.values], "notes": [""] * 4}
                for label, split in series
            ],
        }
    return render(
        request,
        "exemplars/counts.html",
        {
            "counts": result,
            "chart": chart,
            "rows": rows,
            "units": units,
            "unit": unit,
            "date_from": date_from,
            "date_to": date_to,
            "since_year": since_year or "",
            "columns": [(k, s) for k in Kind.choices for s in Subject.choices],
            "field_labels": Field.labels,
            "levels": [(label, result.recognised_by_level.get(v, 0)) for v, label in Level.choices]
            if result
            else [],
            "awards": [
                (label, result.awards_by_form.get(v, 0))
                for v, label in (
                    ("bieu_duong", "Biểu dương"),
                    ("giay_khen", "Giấy khen"),
                    ("bang_khen", "Bằng khen"),
                )
            ]
            if result
            else [],
            "outputs": sorted(result.outputs.items()) if result else [],
            "metric_labels": dict(Metric.choices),
        },
    )


@login_required
def export_xlsx(request):
    entries = selectors.entries(request.user, _filters(request)).select_related("owner_unit")[:5000]
    response = HttpResponse(sheet.export(entries), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="danh-muc-mo-hinh-dien-hinh.xlsx"'
    return response


@login_required
def export_docx(request):
    """The list as a Word annex, headed by the chosen unit (or the user's first unit)."""
    today = dt.date.today()
    unit = _unit_param(request) or selectors.units_for(request.user, VIEW, today).first()
    if unit is None:
        raise Http404("Bạn chưa được phân quyền ở đơn vị nào.")
    entries = list(
        selectors.entries(request.user, _filters(request)).select_related("owner_unit")[:2000]
    )
    response = HttpResponse(
        annex.render(unit=unit, entries=entries, day=today),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = 'attachment; filename="danh-muc-mo-hinh-dien-hinh.docx"'
    return response


@login_required
def template_xlsx(request):
    response = HttpResponse(sheet.template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-muc-mo-hinh.xlsx"'
    return response


@login_required
@require_POST
def import_xlsx(request):
    permissions.require(request.user, REGISTER)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chọn một tệp .xlsx để nhập.")
        return redirect("exemplars:index")
    try:
        created = sheet.import_sheet(
            actor=request.user, data=form.cleaned_data["file"].read(), today=dt.date.today()
        )
    except sheet_lib.SheetRejected as exc:
        for error in exc.errors[:30]:
            messages.error(request, error)
        if len(exc.errors) > 30:
            messages.error(request, f"… và {len(exc.errors) - 30} lỗi khác.")
        messages.error(request, "Không có dòng nào được ghi; hãy sửa các lỗi trên rồi tải lại.")
    except services.EntryInvalid as exc:
        for error in exc.errors.values():
            messages.error(request, error)
        messages.error(request, "Không có dòng nào được ghi.")
    else:
        messages.success(request, f"Đã nhập {created} mô hình, điển hình.")
    return redirect("exemplars:index")


@login_required
def campaign_list(request):
    return render(
        request, "exemplars/campaigns.html", {"campaigns": campaigns.campaigns(request.user)}
    )


@login_required
def campaign(request, request_id: int):
    found = campaigns.board(request.user, request_id)
    if found is None:
        raise Http404("Không tìm thấy đợt đăng ký mô hình, điển hình.")
    report_request, rows = found
    return render(
        request,
        "exemplars/campaign.html",
        {
            "campaign": report_request,
            "rows": rows,
            "done": sum(1 for r in rows if r.done),
            "registered": sum(r.registered for r in rows),
        },
    )
