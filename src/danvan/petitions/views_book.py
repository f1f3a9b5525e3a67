"""The reception book's pages: sessions with filters, one session with its entries (the legal
book's columns), its conclusion notice and tasks, and the book exported to XLSX."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock

from . import cases, selectors, services, sheetio
from .errors import PetitionError
from .forms import ConclusionForm, EntryForm, SessionForm, TaskDoneForm, TaskForm
from .models import HEAD_ROLES, ConclusionTask, HostRole, ReceptionEntry
from .permissions import MANAGE, VIEW
from .views_common import date_param, param, xlsx


def _filters(request) -> dict:
    role = param(request, "chuc-vu")
    return {
        "unit_code": param(request, "don-vi"),
        "date_from": date_param(request, "tu"),
        "date_to": date_param(request, "den"),
        "host_role": role if role in HostRole.values else "",
        "query": param(request, "q"),
    }


@login_required
def book(request):
    permissions.require(request.user, VIEW)
    sessions = selectors.sessions(request.user, **_filters(request))
    page = Paginator(sessions, 30).get_page(request.GET.get("trang"))
    return render(
        request,
        "petitions/book.html",
        {
            "page": page,
            "filters": request.GET,
            "roles": HostRole.choices,
            "units": selectors.units_for(request.user),
            "can_manage": permissions.acts_anywhere(request.user, MANAGE),
        },
    )


@login_required
def book_export(request):
    permissions.require(request.user, VIEW)
    sessions = selectors.sessions(request.user, **_filters(request))
    entries = (
        ReceptionEntry.objects.filter(session__in=sessions.values("pk"))
        .select_related("session")
        .order_by("session__date", "id")
    )
    return xlsx(sheetio.export_book(entries[:20000]), "so-tiep-cong-dan.xlsx")


@login_required
def book_print(request):
    permissions.require(request.user, VIEW)
    filters = _filters(request)
    sessions = selectors.sessions(request.user, **filters)
    entries = (
        ReceptionEntry.objects.filter(session__in=sessions.values("pk"))
        .select_related("session")
        .order_by("session__date", "id")
    )
    unit = OrgUnit.objects.filter(code=filters["unit_code"]).first()
    unit = unit or selectors.units_for(request.user).order_by("depth", "path").first()
    parent = unit.parent.name if unit and unit.parent_id else ""
    data = sheetio.print_book(
        entries[:5000], issuer=unit.name if unit else "", parent_issuer=parent, day=clock.today()
    )
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = 'attachment; filename="so-tiep-cong-dan.docx"'
    return response


@login_required
def session_new(request):
    permissions.require(request.user, MANAGE)
    units = list(selectors.units_for(request.user, MANAGE))
    form = SessionForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = OrgUnit.objects.get(code=data.pop("unit"))
        try:
            session = services.create_session(request.user, unit=unit, **data)
        except PetitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Đã mở buổi tiếp công dân; ghi từng lượt tiếp bên dưới.")
            return redirect("petitions:session", session.pk)
    return render(
        request, "petitions/form.html", {"form": form, "heading": "Ghi buổi tiếp công dân"}
    )


def _session_or_404(request, session_id: int):
    session = selectors.get_session(request.user, session_id)
    if session is None:
        raise Http404("Không tìm thấy buổi tiếp công dân.")
    return session


@login_required
def session_detail(request, session_id: int, entry_form=None):
    session = _session_or_404(request, session_id)
    can_manage = permissions.has_permission(request.user, MANAGE, session.unit)
    entries = [
        (entry, selectors.visitor_view(request.user, entry, session.unit))
        for entry in session.entries.all()
    ]
    return render(
        request,
        "petitions/session.html",
        {
            "session": session,
            "entries": entries,
            "tasks": session.tasks.select_related("unit"),
            "can_manage": can_manage,
            "is_head": session.host_role in HEAD_ROLES,
            "entry_form": entry_form or EntryForm(),
            "conclusion_form": ConclusionForm(),
            "task_form": TaskForm(units=selectors.units_for(request.user, MANAGE)),
            "done_form": TaskDoneForm(),
        },
    )


@login_required
@require_POST
def entry_add(request, session_id: int):
    session = _session_or_404(request, session_id)
    permissions.require(request.user, MANAGE, session.unit)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            services.add_entry(request.user, session=session, **form.cleaned_data)
        except PetitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Đã ghi lượt tiếp vào sổ.")
            return redirect("petitions:session", session.pk)
    return session_detail(request, session_id, entry_form=form)


def _errors(request, form):
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}".strip(": "))


@login_required
@require_POST
def conclusion(request, session_id: int):
    session = _session_or_404(request, session_id)
    permissions.require(request.user, MANAGE, session.unit)
    form = ConclusionForm(request.POST)
    if form.is_valid():
        try:
            services.set_conclusion(request.user, session=session, **form.cleaned_data)
        except PetitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã ghi thông báo kết luận vào sổ văn bản.")
    else:
        _errors(request, form)
    return redirect("petitions:session", session.pk)


@login_required
@require_POST
def task_add(request, session_id: int):
    session = _session_or_404(request, session_id)
    permissions.require(request.user, MANAGE, session.unit)
    form = TaskForm(request.POST, units=selectors.units_for(request.user, MANAGE))
    if form.is_valid():
        data = dict(form.cleaned_data)
        unit = OrgUnit.objects.get(code=data.pop("unit"))
        try:
            services.add_task(request.user, session=session, unit=unit, **data)
        except PetitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã giao nhiệm vụ.")
    else:
        _errors(request, form)
    return redirect("petitions:session", session.pk)


@login_required
@require_POST
def task_done(request, task_id: int):
    task = get_object_or_404(ConclusionTask.objects.select_related("session", "unit"), pk=task_id)
    if selectors.get_session(request.user, task.session_id) is None:
        raise Http404("Không tìm thấy nhiệm vụ.")
    permissions.require(request.user, MANAGE, task.unit)
    form = TaskDoneForm(request.POST)
    if form.is_valid():
        try:
            services.complete_task(request.user, task=task, **form.cleaned_data)
        except PetitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã ghi kết quả thực hiện nhiệm vụ.")
    else:
        _errors(request, form)
    return redirect("petitions:session", task.session_id)


@login_required
@require_POST
def entry_petition(request, entry_id: int):
    """Open (or find) the petition record of a reception entry."""
    entry = get_object_or_404(ReceptionEntry.objects.select_related("session__unit"), pk=entry_id)
    if selectors.get_session(request.user, entry.session_id) is None:
        raise Http404("Không tìm thấy lượt tiếp.")
    try:
        petition = cases.open_from_entry(request.user, entry=entry)
    except PetitionError as error:
        messages.error(request, error.message)
        return redirect("petitions:session", entry.session_id)
    return redirect("petitions:petition", petition.pk)
