"""The "Lấy số liệu từ sổ theo dõi" page of a submission: the registers' figures beside the
current values, confirmed all at once or value by value. Thin: see register_figures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from danvan.vn.numbers import parse_whole

from . import register_figures, services
from .errors import ConcurrentEdit, ReportingError
from .views import _assignment_or_404


@login_required
def register_figures_page(request, assignment_id: int):
    assignment = _assignment_or_404(request.user, assignment_id)
    errors, status, chosen = [], 200, None
    if request.method == "POST":
        offered = [p.key for p in register_figures.proposals(assignment)]
        chosen = offered if request.POST.get("tat-ca") else request.POST.getlist("accept")
        base_version = parse_whole(request.POST.get("base_version"))
        try:
            register_figures.confirm(
                request.user,
                assignment_id=assignment.pk,
                base_version=-1 if base_version is None else base_version,
                accept=chosen,
                expected={key: request.POST.get(f"value:{key}") for key in chosen},
            )
        except ConcurrentEdit as exc:
            errors, status = exc.messages, 409
        except ReportingError as exc:
            errors, status = exc.messages, 400
        else:
            messages.success(
                request, f"Đã lấy {len(chosen)} số liệu từ sổ theo dõi vào bản nháp báo cáo."
            )
            return redirect("reporting:submission", assignment_id=assignment.pk)
        assignment = _assignment_or_404(request.user, assignment_id)
    rows = register_figures.proposals(assignment)
    return render(
        request,
        "reporting/register_figures.html",
        {
            "assignment": assignment,
            "rows": rows,
            "chosen": set(chosen) if chosen is not None else {r.key for r in rows},
            "can_confirm": services.may_edit(request.user, assignment),
            "base_version": assignment.submission.version,
            "errors": errors,
            "empty_message": register_figures.EMPTY_MESSAGE,
        },
        status=status,
    )
