"""The coordinator's board, the drafted periodic report, the collaborators' roster and
meetings, and the grants to read named sources."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.accounts.selectors import active_membership
from danvan.orgs.models import OrgUnit
from danvan.publish import PublishError
from danvan.reporting import clock
from danvan.reporting.periods import InvalidPeriod, parse_period

from . import board as boards
from . import drafting, report, selectors, services
from .forms import CollaboratorForm, GrantForm, MeetingForm, ReportForm
from .models import Collaborator, CollaboratorMeeting, SourceGrant
from .views import _int, parse_day

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _default_unit(request, action: str) -> OrgUnit | None:
    units = permissions.units_in_scope(request.user, action)
    code = request.GET.get("don-vi", "")[:40]
    if code:
        unit = units.filter(code=code).first()
        if unit is None:
            raise Http404("Không có đơn vị này, hoặc đơn vị ngoài phạm vi của bạn.")
        return unit
    membership = active_membership(request)
    if membership is not None and units.filter(pk=membership.unit_id).exists():
        return membership.unit
    return units.order_by("depth", "path").first()


@login_required
def board(request):
    permissions.require(request.user, "sentiment.board")
    unit = _default_unit(request, "sentiment.board")
    today = clock.today()
    date_to = parse_day(request.GET.get("den", "")) or today
    date_from = parse_day(request.GET.get("tu", "")) or (date_to - dt.timedelta(days=364))
    if date_from > date_to:
        date_from, date_to = date_to, date_from
    data = boards.build(request.user, unit, date_from, date_to, today) if unit else None
    return render(
        request,
        "sentiment/board.html",
        {
            "board": data,
            "chart": data.chart_data() if data else {},
            "units": permissions.units_in_scope(request.user, "sentiment.board").valid_on(today)[
                :500
            ],
        },
    )


def _window(form) -> tuple[dt.date, dt.date, str]:
    data = form.cleaned_data
    if data.get("date_from") and data.get("date_to"):
        return data["date_from"], data["date_to"], f"kỳ báo cáo ngày {data['date_to']:%d/%m/%Y}"
    spec = parse_period(data["period"])
    return spec.start, spec.end, spec.name


@login_required
def report_draft(request):
    permissions.require(request.user, "sentiment.view")
    params = request.POST if request.method == "POST" else request.GET
    form = ReportForm(params if params.get("unit") else None, user=request.user)
    result, assignments, label, status = None, [], "", 200
    if form.is_bound and form.is_valid():
        try:
            date_from, date_to, label = _window(form)
        except InvalidPeriod as exc:
            form.add_error(None, str(exc))
        else:
            result = drafting.draft(form.cleaned_data["unit"], date_from, date_to)
            assignments = report.open_assignments(request.user, result)
    elif form.is_bound:
        status = 400
    if result is not None and request.method == "POST":
        chosen = next(
            (a for a in assignments if a.pk == _int(request.POST.get("assignment"))), None
        )
        if chosen is None:
            messages.error(request, "Không có báo cáo đang soạn nào của đơn vị cho kỳ này.")
        else:
            try:
                report.save_into(request.user, chosen, result)
            except services.SentimentError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, "Đã lưu dự thảo vào báo cáo của đơn vị; hãy kiểm tra, biên tập."
                )
                return redirect("reporting:submission", assignment_id=chosen.pk)
    fmt = request.GET.get("dinh-dang", "")
    if result is not None and fmt in FORMATS:
        try:
            content = report.docx(result, clock.today(), fmt)
        except PublishError as exc:
            messages.error(request, str(exc))
        else:
            response = HttpResponse(content, content_type=FORMATS[fmt])
            response["Content-Disposition"] = f'attachment; filename="tinh-hinh-nhan-dan.{fmt}"'
            return response
    return render(
        request,
        "sentiment/report.html",
        {"form": form, "draft": result, "assignments": assignments, "label": label},
        status=status,
    )


@login_required
def collaborators(request):
    """The roster is read like a named source: only units whose sources the user may read."""
    permissions.require(request.user, "sentiment.view")
    readable = selectors.source_units(request.user)
    can_record = permissions.acts_anywhere(request.user, "sentiment.record")
    meeting_form = MeetingForm(user=request.user) if can_record else None
    person_form = CollaboratorForm(user=request.user) if can_record else None
    if request.method == "POST" and can_record:
        kind = request.POST.get("kind")
        form_class = MeetingForm if kind == "meeting" else CollaboratorForm
        form = form_class(request.POST, user=request.user)
        if form.is_valid():
            try:
                if kind == "meeting":
                    services.record_meeting(request.user, **form.cleaned_data)
                else:
                    services.add_collaborator(request.user, **form.cleaned_data)
            except services.SentimentError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, "Đã lưu.")
                return redirect("sentiment:collaborators")
        else:
            messages.error(request, " ".join(str(e) for es in form.errors.values() for e in es))
        if kind == "meeting":
            meeting_form = form
        else:
            person_form = form
    scope = permissions.units_in_scope(request.user, "sentiment.view")
    return render(
        request,
        "sentiment/collaborators.html",
        {
            "people": Collaborator.objects.filter(unit_id__in=readable).select_related("unit"),
            "meetings": CollaboratorMeeting.objects.filter(unit__in=scope).select_related("unit")[
                :100
            ],
            "meeting_form": meeting_form,
            "person_form": person_form,
        },
    )


@login_required
def grants(request):
    permissions.require(request.user, "sentiment.grant")
    form = GrantForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = get_user_model().objects.filter(username=data["username"]).first()
        try:
            services.grant_sources(
                request.user, user=user, unit=data["unit"], reason=data["reason"]
            )
        except services.SentimentError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Đã cấp quyền xem người cung cấp thông tin.")
            return redirect("sentiment:grants")
    scope = permissions.units_in_scope(request.user, "sentiment.grant")
    return render(
        request,
        "sentiment/grants.html",
        {
            "form": form,
            "grants": SourceGrant.objects.filter(unit__in=scope).select_related(
                "user", "unit", "granted_by"
            )[:200],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def grant_revoke(request, pk: int):
    permissions.require(request.user, "sentiment.grant")
    grant = SourceGrant.objects.filter(pk=_int(pk)).select_related("unit", "user").first()
    if grant is None or not permissions.has_permission(request.user, "sentiment.grant", grant.unit):
        raise Http404("Không tìm thấy quyền này.")
    services.revoke_grant(request.user, grant)
    messages.success(request, "Đã thu hồi quyền.")
    return redirect("sentiment:grants")
