from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.reporting.errors import ReportingError
from danvan.vn.numbers import parse_figure, parse_whole

from . import access, selectors, services


@login_required
@require_POST
def upload(request, assignment_id: int):
    upload_file = request.FILES.get("file")
    if upload_file is None:
        messages.error(request, "Chưa chọn tệp.")
        return redirect("reporting:submission", assignment_id=assignment_id)
    if upload_file.size > services.max_upload_bytes():
        messages.error(
            request, f"Tệp quá lớn; giới hạn {services.max_upload_bytes() // (1024 * 1024)} MB."
        )
        return redirect("reporting:submission", assignment_id=assignment_id)
    try:
        job = services.start_import(
            request.user, assignment_id, upload_file.read(), upload_file.name
        )
    except (services.ImportRefused, ReportingError) as exc:
        messages.error(request, getattr(exc, "message", None) or " ".join(exc.messages))
        return redirect("reporting:submission", assignment_id=assignment_id)
    return redirect("imports:job", job_id=job.pk)


def _job_or_404(request, job_id):
    try:
        return selectors.get_job(request.user, job_id)
    except selectors.JobNotFound as exc:
        raise Http404(str(exc)) from exc


@login_required
def job(request, job_id: int):
    found = _job_or_404(request, job_id)
    polling = bool(request.headers.get("HX-Request"))
    if polling and not found.running:
        # Done: let htmx reload the whole page, which then shows the proposals or the error.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    template = "imports/_progress.html" if polling else "imports/job.html"
    sections, values = selectors.confirmation_rows(found) if found.status == "ready" else ([], [])
    return render(
        request,
        template,
        {
            "job": found,
            "sections": sections,
            "values": values,
            "base_version": found.assignment.submission.version,
            "on_behalf": access.confirms_on_behalf(request.user, found.assignment),
        },
    )


@login_required
@require_POST
def confirm(request, job_id: int):
    found = _job_or_404(request, job_id)
    accepted, errors = {}, []
    for key in request.POST.getlist("accept"):
        raw = request.POST.get(f"value:{key}", "").strip()
        if parse_figure(raw) is None:
            errors.append(f"Giá trị '{raw}' của chỉ tiêu {key} không phải là số.")
        accepted[key] = raw
    sections = {
        k.removeprefix("section:"): v
        for k, v in request.POST.items()
        if k.startswith("section:") and v.strip()
    }
    # Version 0 (nothing saved yet) is a version: only a missing or bad one becomes -1.
    base_version = parse_whole(request.POST.get("base_version"))
    if not errors:
        try:
            services.confirm_import(
                request.user,
                found.pk,
                -1 if base_version is None else base_version,
                accepted,
                sections,
            )
        except services.ImportRefused as exc:
            errors = [exc.message]
        except ReportingError as exc:
            errors = exc.messages
        else:
            messages.success(
                request,
                f"Đã đưa {len(accepted)} số liệu và nội dung đã xác nhận vào bản nháp báo cáo.",
            )
            return redirect("reporting:submission", assignment_id=found.assignment_id)
    sections_rows, values = selectors.confirmation_rows(found)
    for row in values:
        row["checked"] = row["key"] in accepted
        row["value"] = request.POST.get(f"value:{row['key']}", row.get("value"))
    for row in sections_rows:
        row["text"] = request.POST.get(f"section:{row['key']}", row["text"])
    return render(
        request,
        "imports/job.html",
        {
            "job": found,
            "sections": sections_rows,
            "values": values,
            "errors": errors,
            "base_version": request.POST.get("base_version"),
            "on_behalf": access.confirms_on_behalf(request.user, found.assignment),
        },
        status=400,
    )


@login_required
def batch_new(request):
    permissions.require(request.user, "reporting.review")
    if request.method == "POST":
        files = [(f.name, f.read()) for f in request.FILES.getlist("files")]
        try:
            batch = services.start_batch(request.user, files)
        except services.ImportRefused as exc:
            messages.error(request, exc.message)
        else:
            return redirect("imports:batch", batch_id=batch.pk)
    return render(
        request, "imports/batch_new.html", {"max_mb": services.max_upload_bytes() // (1024 * 1024)}
    )


@login_required
def batch(request, batch_id: int):
    try:
        found = selectors.get_batch(request.user, batch_id)
    except selectors.JobNotFound as exc:
        raise Http404(str(exc)) from exc
    rows, done = selectors.batch_rows(found, request.user)
    polling = bool(request.headers.get("HX-Request"))
    if polling and done == len(rows):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    context = {
        "batch": found,
        "rows": rows,
        "done": done,
        "total": len(rows),
        "percent": round(100 * done / len(rows)) if rows else 100,
    }
    return render(
        request, "imports/_batch_progress.html" if polling else "imports/batch.html", context
    )


@login_required
@require_POST
def batch_import(request, batch_id: int):
    try:
        found = selectors.get_batch(request.user, batch_id)
    except selectors.JobNotFound as exc:
        raise Http404(str(exc)) from exc
    ids = [n for n in map(parse_whole, request.POST.getlist("row")) if n is not None]
    count = services.import_batch(request.user, found.pk, ids)
    messages.success(request, f"Đã đưa {count} tệp vào nhập; mở từng tệp để xác nhận số liệu.")
    return redirect("imports:batch", batch_id=found.pk)


@login_required
@require_POST
def batch_choose(request, batch_id: int, row_id: int):
    """A file whose unit or request was not recognised: the report picked by hand."""
    try:
        found = selectors.get_batch(request.user, batch_id)
    except selectors.JobNotFound as exc:
        raise Http404(str(exc)) from exc
    assignment_id = parse_whole(request.POST.get("assignment", ""))
    if assignment_id is None:
        messages.error(request, "Chọn báo cáo (yêu cầu và đơn vị) mà tệp này trả lời.")
        return redirect("imports:batch", batch_id=found.pk)
    try:
        services.choose_route(request.user, found.pk, row_id, assignment_id)
    except services.ImportRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã đưa tệp vào nhập; mở tệp để xác nhận số liệu.")
    return redirect("imports:batch", batch_id=found.pk)
