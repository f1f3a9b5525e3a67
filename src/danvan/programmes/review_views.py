"""Pages of programme reviews: the list and the issuing form, a review's page (who answered,
when, the commitments' progress, the joint report read on screen), its export through the
project's writer, and a party's progress page reached from its report's page. Thin: the
services write, the selectors read."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from danvan.accounts import permissions
from danvan.formfields import ModelMultipleChoiceField
from danvan.issuing import selectors as issuing
from danvan.issuing import views as issuing_views
from danvan.issuing.targets import ExportTarget
from danvan.reporting import services as reporting_services
from danvan.reporting.errors import NotFound, ReportingError

from . import joint_report, review, review_selectors
from .models import SIGNED_STATES, Instrument, ProgressStatus, ReviewKind


class IssueForm(forms.Form):
    instruments = ModelMultipleChoiceField(
        label="Chương trình phối hợp", queryset=Instrument.objects.none()
    )
    kind = forms.ChoiceField(label="Loại kỳ", choices=ReviewKind.choices)
    period = forms.CharField(label="Kỳ (ví dụ 2022S1 hoặc 2022)", max_length=10)
    deadline = forms.DateField(label="Hạn nộp", widget=forms.DateInput(attrs={"type": "date"}))
    grace_days = forms.IntegerField(label="Số ngày gia hạn", min_value=0, max_value=60, initial=0)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owners = permissions.units_in_scope(user, "reporting.issue")
        self.fields["instruments"].queryset = Instrument.objects.filter(
            owner__in=owners, state__in=SIGNED_STATES
        ).order_by("-signed_on", "pk")


@login_required
def reviews(request):
    page = Paginator(review_selectors.reviews_for(request.user), 20).get_page(
        request.GET.get("trang")
    )
    return render(
        request,
        "programmes/review_list.html",
        {
            "page_obj": page,
            "can_issue": permissions.acts_anywhere(request.user, "reporting.issue"),
        },
    )


@login_required
def review_issue(request):
    permissions.require(request.user, "reporting.issue")
    form = IssueForm(request.user, request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = review.issue_review(
                request.user,
                instruments=list(data["instruments"]),
                period_code=data["period"],
                kind=data["kind"],
                deadline=data["deadline"],
                grace_days=data["grace_days"],
            )
        except ReportingError as exc:
            errors = exc.messages
        else:
            messages.success(request, "Đã ban hành yêu cầu báo cáo sơ kết tới các bên.")
            return redirect("programmes:review_detail", created[0].report_request_id)
    return render(
        request,
        "programmes/review_issue.html",
        {"form": form, "errors": errors},
        status=400 if request.method == "POST" else 200,
    )


def _request_or_404(user, request_id):
    try:
        return review_selectors.review_request(user, request_id)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc


@login_required
def review_detail(request, request_id: int):
    report_request = _request_or_404(request.user, request_id)
    facts = review_selectors.joint_review(request.user, report_request)
    document = joint_report.build(
        facts,
        issuing.ExportOptions(day=timezone.localdate()),
    )
    return render(
        request,
        "programmes/review_detail.html",
        {
            "report_request": report_request,
            "facts": facts,
            "outline": document["outline"],
            "heading": document["header"]["title"],
            "can_export": permissions.has_permission(
                request.user, "documents.export_consolidation", report_request.issuer
            ),
        },
    )


def export_target(user, report_request) -> ExportTarget:
    permissions.require(user, "documents.export_consolidation", report_request.issuer)
    root = report_request.issuer.parent or report_request.issuer
    return ExportTarget(
        heading=joint_report.request_title(report_request.period.code),
        default_day=min(timezone.localdate(), report_request.period.end),
        names_for=lambda day: issuing.issuer_names(report_request.issuer, day),
        build=lambda options: joint_report.build(
            review_selectors.joint_review(user, report_request, options.day), options
        ),
        recipients_for=lambda day: issuing.default_recipients(
            root if root.pk != report_request.issuer_id else None, day
        ),
        stem=f"so-ket-ctph-{report_request.issuer.code}-{report_request.period.code}",
        audit=("ReportRequest", report_request.pk),
    )


@login_required
def review_export(request, request_id: int):
    report_request = _request_or_404(request.user, request_id)
    target = export_target(request.user, report_request)
    # The project's export page (date, number, signer, layout in force on the date, DOCX/PDF).
    return issuing_views.export_page(
        request, target, reverse("programmes:review_detail", args=[report_request.pk])
    )


def _posted_rows(post, rows) -> dict[int, dict]:
    posted = {}
    for row in rows:
        key = row.commitment.pk
        posted[key] = {
            "status": post.get(f"status-{key}", ""),
            "value": post.get(f"value-{key}", ""),
            "narrative": post.get(f"narrative-{key}", ""),
            "evidence": post.get(f"evidence-{key}", ""),
        }
    return posted


@login_required
def review_progress(request, assignment_id: int):
    try:
        assignment = review_selectors.progress_page(request.user, assignment_id)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    rows = review_selectors.progress_rows(assignment)
    editable = reporting_services.may_edit(request.user, assignment)
    errors: list[str] = []
    posted: dict[int, dict] = {}
    if request.method == "POST":
        posted = _posted_rows(request.POST, rows)
        try:
            saved = review.record_progress(request.user, assignment_id=assignment.pk, rows=posted)
        except ReportingError as exc:
            errors = exc.messages
        else:
            messages.success(request, f"Đã lưu tiến độ {saved} nhiệm vụ phối hợp.")
            return redirect("programmes:review_progress", assignment.pk)
    return render(
        request,
        "programmes/review_progress.html",
        {
            "assignment": assignment,
            "rows": rows,
            "posted": posted,
            "editable": editable,
            "errors": errors,
            "statuses": ProgressStatus.choices,
            "today": dt.date.today(),
        },
        status=400 if errors else 200,
    )
