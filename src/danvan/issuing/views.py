"""“Xuất văn bản”: a submission or a request's consolidation as a Party or State document,
DOCX or PDF. Thin: the selectors build the document, the services give the number."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from danvan.publish import (
    PublishError,
    choose_layout,
    get_layout,
    render_docx_bytes,
    render_pdf_bytes,
)
from danvan.publish.pdf import find_soffice
from danvan.registry.numbering import series_key, series_label
from danvan.registry.services import NumberTaken
from danvan.reporting.errors import NotFound

from . import selectors, services
from .forms import DayForm, ExportForm

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _download(content: bytes, fmt: str, stem: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{slugify(stem) or "van-ban"}.{fmt}"'
    return response


def _export(
    request,
    *,
    default_day,
    names_for: Callable,
    build: Callable,
    initial: dict,
    heading: str,
    back_url: str,
    stem: str,
    audit: tuple[str, int],
):
    """The export page: GET shows the form filled with suggestions (for the date in ?ngay=, so
    the names and the next number follow a date the user picks), POST writes the file."""
    picked = DayForm(request.GET)
    if request.method != "POST" and picked.is_valid() and picked.cleaned_data["ngay"]:
        default_day = picked.cleaned_data["ngay"]
    day = default_day
    if request.method == "POST":
        form = ExportForm(request.POST)
        if form.is_valid():
            day = form.cleaned_data["day"]
    names = names_for(day)
    suggested = selectors.suggested_number(names, day)
    error = None
    if request.method != "POST":
        signature = selectors.default_signature(names.unit)
        form = ExportForm(
            initial={
                "day": default_day,
                "number": suggested,
                "suggested": suggested,
                "place": selectors.default_place(names.unit),
                "authority": signature[0],
                "signer_title": signature[1],
                "layout": "auto",
                "fmt": "docx",
                **initial,
            }
        )
    elif form.is_valid():
        data = form.cleaned_data
        layout = (
            choose_layout(names.form, day)
            if data["layout"] == "auto"
            else get_layout(data["layout"])
        )
        options = selectors.ExportOptions(
            day=day,
            place=data["place"].strip(),
            recipients=data["recipients"],
            authority=data["authority"],
            signer_title=data["signer_title"],
            signer_name=data["signer_name"],
        )

        def write(number: int | None) -> bytes:
            options.number = number
            parsed = build(options)
            if data["fmt"] == "pdf":
                return render_pdf_bytes(parsed, layout)
            return render_docx_bytes(parsed, layout)

        try:
            if data["fmt"] == "pdf" and find_soffice() is None:
                raise PublishError(
                    "Không tìm thấy LibreOffice (lệnh soffice) trên máy chủ để chuyển sang PDF; "
                    "hãy xuất DOCX hoặc nhờ quản trị viên cài LibreOffice."
                )
            if data["allocate"]:
                typed = data["number"]
                wanted = typed if typed and typed != data["suggested"] else None
                allocation, content = services.export_with_number(
                    request.user,
                    names.unit,
                    names.form,
                    selectors.REPORT_TYPE_CODE,
                    day,
                    write,
                    number=wanted,
                    kind=selectors.REPORT_KIND,
                    title=selectors.report_title(heading),
                    issued_by=names.unit.name,
                )
                return _download(content, data["fmt"], f"{stem}-so-{allocation.number:02d}")
            content = write(None)
            services.record_draft_export(
                request.user, *audit, summary=f"Xuất bản dự thảo: {heading}"
            )
            return _download(content, data["fmt"], f"{stem}-du-thao")
        except NumberTaken as exc:
            form.add_error("number", str(exc))
        except PublishError as exc:
            error = str(exc)
    return render(
        request,
        "issuing/export.html",
        {
            "form": form,
            "heading": heading,
            "names": names,
            "back_url": back_url,
            "suggested": suggested,
            "series": series_label(names.form, series_key(names.form, day)),
            "error": error,
            "day": day,
            "day_form": DayForm(initial={"ngay": day}),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def export_submission(request, assignment_id: int):
    try:
        assignment = selectors.submission_for_export(request.user, assignment_id)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    report_request = assignment.request
    default_day = selectors.submission_date(assignment)
    return _export(
        request,
        default_day=default_day,
        names_for=lambda day: selectors.submission_issuer(assignment, day),
        build=lambda options: selectors.submission_document(assignment, options),
        initial={
            "recipients": "\n".join(
                selectors.default_recipients(report_request.issuer, default_day)
            )
        },
        heading=report_request.title,
        back_url=reverse("reporting:submission", args=[assignment.pk]),
        stem=f"bao-cao-{assignment.unit.code}-{report_request.period.code}",
        audit=("Assignment", assignment.pk),
    )


@login_required
def export_consolidation(request, request_id: int):
    try:
        report_request = selectors.request_for_export(request.user, request_id)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    root = selectors.consolidation_root(report_request)
    default_day = timezone.localdate()
    addressee = root if root.pk != report_request.issuer_id else None
    return _export(
        request,
        default_day=default_day,
        names_for=lambda day: selectors.consolidation_issuer(report_request, day),
        build=lambda options: selectors.consolidation_document(
            request.user, report_request, options
        ),
        initial={"recipients": "\n".join(selectors.default_recipients(addressee, default_day))},
        heading=report_request.title,
        back_url=f"{reverse('consolidation:view')}?yeu-cau={report_request.pk}",
        stem=f"tong-hop-{report_request.issuer.code}-{report_request.period.code}",
        audit=("ReportRequest", report_request.pk),
    )
