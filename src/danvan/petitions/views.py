"""The register's pages: the overview (the board's overdue and soon-due cases), the petition
list and a petition's page with its timeline and clocks."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.registers import sheets
from danvan.reporting import clock

from . import cases, clocks, exchange, hotspots, selectors, sheetio
from .errors import PetitionError
from .forms import EventForm, PetitionForm, PetitionImportForm
from .models import Kind
from .permissions import IDENTITY, MANAGE, VIEW
from .views_common import date_param, param, xlsx

TITLE = "Tiếp dân, đơn thư"


def _deny_unless_viewer(request):
    permissions.require(request.user, VIEW)


@login_required
def index(request):
    _deny_unless_viewer(request)
    today = clock.today()
    due = selectors.due_petitions(request.user, today, action=VIEW)
    return render(
        request,
        "petitions/index.html",
        {
            "title": TITLE,
            "due": due,
            "tasks": selectors.open_tasks(request.user, today)[:20],
            "can_manage": permissions.acts_anywhere(request.user, MANAGE),
        },
    )


@login_required
def petition_list(request):
    _deny_unless_viewer(request)
    today = clock.today()
    state = param(request, "trang-thai")
    rows = selectors.petitions(
        request.user,
        unit_code=param(request, "don-vi"),
        kind=param(request, "loai") if param(request, "loai") in Kind.values else "",
        date_from=date_param(request, "tu"),
        date_to=date_param(request, "den"),
        query=param(request, "q"),
        state=state if state in clocks.STATE_LABELS else "",
        today=today,
    )
    page = Paginator(rows, 50).get_page(request.GET.get("trang"))
    if not isinstance(rows, list):
        selectors.with_clocks(page.object_list, today)
    return render(
        request,
        "petitions/petitions.html",
        {
            "page": page,
            "filters": request.GET,
            "selected_state": state,
            "selected_unit": param(request, "don-vi"),
            "kinds": Kind.choices,
            "states": clocks.STATE_LABELS.items(),
            "units": selectors.units_for(request.user),
            "can_manage": permissions.acts_anywhere(request.user, MANAGE),
            "import_form": PetitionImportForm(),
        },
    )


@login_required
def petition_new(request):
    permissions.require(request.user, MANAGE)
    units = list(selectors.units_for(request.user, MANAGE))
    form = PetitionForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = OrgUnit.objects.get(code=data.pop("unit"))
        try:
            petition = cases.create_petition(request.user, unit=unit, **data)
        except PetitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Đã ghi {petition}.")
            return redirect("petitions:petition", petition.pk)
    return render(request, "petitions/form.html", {"form": form, "heading": "Ghi đơn mới"})


@login_required
def petition_detail(request, petition_id: int):
    petition = selectors.get_petition(request.user, petition_id)
    if petition is None:
        raise Http404("Không tìm thấy đơn.")
    selectors.with_clocks([petition], clock.today())
    can_manage = permissions.has_permission(request.user, MANAGE, petition.unit)
    show_identity = permissions.has_permission(request.user, IDENTITY, petition.unit)
    return render(
        request,
        "petitions/petition.html",
        {
            "petition": petition,
            "events": petition.events.select_related("actor"),
            "petitioner": petition.petitioner
            if show_identity
            else selectors.pseudonym("petition", petition.pk),
            "can_manage": can_manage and petition.closed_on is None,
            "event_form": EventForm(),
            "issues": hotspots.candidate_issues(request.user)[:50]
            if can_manage and (petition.complex or petition.mass) and not petition.hot_spot_issue
            else [],
            "proposal": hotspots.closing_proposal(petition),
        },
    )


@login_required
@require_POST
def petition_event(request, petition_id: int):
    petition = selectors.get_petition(request.user, petition_id)
    if petition is None:
        raise Http404("Không tìm thấy đơn.")
    permissions.require(request.user, MANAGE, petition.unit)
    form = EventForm(request.POST)
    if form.is_valid():
        try:
            cases.add_event(request.user, petition=petition, **form.cleaned_data)
        except PetitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã ghi sự kiện.")
            petition.refresh_from_db()
            if proposal := hotspots.closing_proposal(petition):
                messages.info(request, proposal)
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}".strip(": "))
    return redirect("petitions:petition", petition.pk)


@login_required
def petition_import(request):
    permissions.require(request.user, MANAGE)
    form = PetitionImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = sheetio.import_petitions(
                request.user, data=form.cleaned_data["file"].read(), today=clock.today()
            )
        except sheets.SheetRejected as rejected:
            errors = rejected.errors
        else:
            messages.success(request, f"Đã nhập {count} hồ sơ đơn.")
            return redirect("petitions:petitions")
    return render(
        request,
        "petitions/import.html",
        {"form": form, "errors": errors, "heading": "Nhập hồ sơ đơn từ Excel",
         "template_url": "petitions:petition_template"},
    )  # fmt: skip


@login_required
def petition_template(request):
    permissions.require(request.user, MANAGE)
    data = sheets.template(sheetio.PETITION_COLUMNS, title="Hồ sơ đơn")
    return xlsx(data, "mau-ho-so-don.xlsx")


@login_required
@require_POST
def national_export(request):
    """The records not yet exported, as JSON for the national database; marked exported."""
    permissions.require(request.user, MANAGE)
    data = exchange.export_records(request.user, today=clock.today(), only_new=True)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="csdl-quoc-gia-tiep-dan.json"'
    return response


@login_required
@require_POST
def petition_hot_spot(request, petition_id: int):
    petition = selectors.get_petition(request.user, petition_id)
    if petition is None:
        raise Http404("Không tìm thấy đơn.")
    permissions.require(request.user, MANAGE, petition.unit)
    try:
        hotspots.link(request.user, petition=petition, issue_id=request.POST.get("issue", ""))
    except PetitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Đã liên kết với điểm nóng.")
    return redirect("petitions:petition", petition.pk)
