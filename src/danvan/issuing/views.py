"""“Xuất văn bản”: a submission, a request's consolidation or a unit's consolidation for a
period as a Party or State document, DOCX or PDF. Thin: the selectors build the document, the
services give the number."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from danvan.publish import PublishError
from danvan.registry.numbering import series_key, series_label
from danvan.registry.services import NumberTaken
from danvan.reporting.errors import NotFound

from . import selectors, services, targets
from .forms import DayForm, ExportForm


def _download(exported: services.ExportedFile) -> HttpResponse:
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


def export_page(request, target: targets.ExportTarget, back_url: str, keep: dict | None = None):
    """The export page: GET shows the form filled with suggestions (for the date in ?ngay=, so
    the names and the next number follow a date the user picks), POST writes the file."""
    default_day = target.default_day
    picked = DayForm(request.GET)
    if request.method != "POST" and picked.is_valid() and picked.cleaned_data["ngay"]:
        default_day = picked.cleaned_data["ngay"]
    day = default_day
    if request.method == "POST":
        form = ExportForm(request.POST)
        if form.is_valid():
            day = form.cleaned_data["day"]
    names = target.names_for(day)
    suggested = selectors.suggested_number(names, day)
    error = None
    if request.method != "POST":
        suggestions = targets.suggested_options(target, default_day)
        form = ExportForm(
            initial={
                "day": default_day,
                "number": suggested,
                "suggested": suggested,
                "place": suggestions.place,
                "authority": "\n".join(suggestions.authority),
                "signer_title": suggestions.signer_title,
                "layout": "auto",
                "fmt": "docx",
                "recipients": "\n".join(suggestions.recipients),
            }
        )
    elif form.is_valid():
        data = form.cleaned_data
        options = selectors.ExportOptions(
            day=day,
            place=data["place"].strip(),
            recipients=data["recipients"],
            authority=data["authority"],
            signer_title=data["signer_title"],
            signer_name=data["signer_name"],
        )
        typed = data["number"]
        warnings = services.signing_warnings(target, options, data["layout"])
        try:
            if warnings and not data["keep_authority"]:
                raise PublishError(
                    " ".join(warnings)
                    + " Sửa quyền hạn ký, hoặc đánh dấu “Giữ nguyên quyền hạn ký như đã nhập” "
                    "rồi tải xuống lại."
                )
            return _download(
                services.export_document(
                    request.user,
                    target,
                    options,
                    layout=data["layout"],
                    fmt=data["fmt"],
                    allocate=data["allocate"],
                    number=typed if typed and typed != data["suggested"] else None,
                )
            )
        except NumberTaken as exc:
            form.add_error("number", str(exc))
        except PublishError as exc:
            error = str(exc)
    return render(
        request,
        "issuing/export.html",
        {
            "form": form,
            "heading": target.heading,
            "names": names,
            "back_url": back_url,
            "suggested": suggested,
            "series": series_label(names.form, series_key(names.form, day)),
            "error": error,
            "day": day,
            "day_form": DayForm(initial={"ngay": day}),
            # Query parameters the date picker must carry (it replaces the query string).
            "keep": (keep or {}).items(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def export_submission(request, assignment_id: int):
    try:
        target = targets.submission_target(request.user, assignment_id)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    return export_page(request, target, reverse("reporting:submission", args=[assignment_id]))


@login_required
def export_consolidation(request, request_id: int):
    try:
        target = targets.consolidation_target(request.user, request_id)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    return export_page(request, target, f"{reverse('consolidation:view')}?yeu-cau={request_id}")


@login_required
def export_unit_consolidation(request, unit_code: str, period_code: str):
    accepted_only = request.GET.get("chi-tiep-nhan") == "1"
    try:
        target = targets.unit_consolidation_target(
            request.user, unit_code, period_code, accepted_only
        )
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    keep = {"chi-tiep-nhan": "1"} if accepted_only else {}
    back = urlencode({"don-vi": unit_code, "ky": period_code, **keep})
    return export_page(request, target, f"{reverse('consolidation:view')}?{back}", keep)
