from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.accounts import permissions
from danvan.audit.selectors import events_for

from . import interchange, selectors, services
from .forms import AsOfForm, ImportForm


@login_required
def tree(request):
    form = AsOfForm(request.GET or None)
    day = timezone.localdate()
    if form.is_valid() and form.cleaned_data["ngay"]:
        day = form.cleaned_data["ngay"]
    forest = selectors.tree_as_of(day, request.user)
    can_manage = permissions.acts_anywhere(request.user, "orgs.manage")
    return render(
        request,
        "orgs/tree.html",
        {"form": form, "day": day, "forest": forest, "can_manage": can_manage},
    )


@login_required
def unit_detail(request, code: str):
    try:
        unit = selectors.get_unit(code, request.user)
    except selectors.OrgUnit.DoesNotExist as exc:
        raise Http404(str(exc)) from exc
    lineage = selectors.lineage(unit)
    show_audit = permissions.has_permission(request.user, "audit.view", unit)
    return render(
        request,
        "orgs/unit_detail.html",
        {
            "unit": unit,
            "children": unit.children.order_by("valid_from", "code"),
            "lineage": lineage,
            "events": events_for("OrgUnit", unit.code)[:20] if show_audit else None,
        },
    )


def _decode(upload) -> str:
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise interchange.InterchangeError(
            f"Tệp '{upload.name}' không phải văn bản UTF-8."
        ) from exc


@login_required
def import_units(request):
    permissions.require(request.user, "orgs.manage")
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        units_file = form.cleaned_data["units_file"]
        successions_file = form.cleaned_data["successions_file"]
        try:
            if units_file.name.lower().endswith(".json"):
                units, successions = interchange.from_json(_decode(units_file))
            else:
                units = interchange.units_from_csv(_decode(units_file))
                successions = (
                    interchange.successions_from_csv(_decode(successions_file))
                    if successions_file
                    else []
                )
            result = services.import_units(request.user, units, successions)
        except interchange.InterchangeError as exc:
            errors = [str(exc)]
        except services.ImportRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, result.summary())
            form = ImportForm()
    status = 400 if errors or form.errors else 200
    return render(request, "orgs/import.html", {"form": form, "errors": errors}, status=status)


@login_required
def export_units(request, fmt: str):
    units, successions = selectors.export_rows(request.user)
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "json":
        body, name, content_type = (
            interchange.to_json(units, successions),
            f"don-vi-{stamp}.json",
            "application/json",
        )
    elif fmt == "units.csv":
        body, name, content_type = (
            interchange.units_to_csv(units),
            f"don-vi-{stamp}.csv",
            "text/csv",
        )
    elif fmt == "successions.csv":
        body, name, content_type = (
            interchange.successions_to_csv(successions),
            f"ke-thua-{stamp}.csv",
            "text/csv",
        )
    else:
        raise Http404("Định dạng xuất không hỗ trợ.")
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
