"""Spreadsheet pages: export, the template to download, and the checked import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.registers.sheets import SheetRejected
from danvan.registers.sheets import template as blank

from . import permissions as access
from . import xlsx, xlsx_commitments
from .forms import ImportForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORTS = {"van-ban": xlsx.export_instruments, "nhiem-vu": xlsx_commitments.export_commitments}
IMPORTS = {"van-ban": xlsx.import_instruments, "nhiem-vu": xlsx_commitments.import_commitments}


def _sheet(name: str):
    if name not in xlsx_commitments.SHEETS:
        raise Http404("Không có bảng tính này.")
    return xlsx_commitments.SHEETS[name]


def _file(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export(request, sheet):
    _sheet(sheet)
    return _file(EXPORTS[sheet](request.user), f"chuong-trinh-phoi-hop-{sheet}.xlsx")


@login_required
def template(request, sheet):
    columns, title = _sheet(sheet)
    return _file(blank(columns, title=title), f"mau-{sheet}.xlsx")


@login_required
@require_POST
def import_sheet(request, sheet):
    _, title = _sheet(sheet)
    permissions.require(request.user, access.MANAGE)
    form = ImportForm(request.POST, request.FILES)
    errors: list[str] = []
    if form.is_valid():
        try:
            count = IMPORTS[sheet](request.user, form.cleaned_data["file"].read())
        except SheetRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, f"Đã nhập {count} dòng ({title.lower()}).")
            return redirect("programmes:index")
    else:
        errors = [e for field_errors in form.errors.values() for e in field_errors]
    return render(
        request,
        "programmes/import_errors.html",
        {"errors": errors, "title": title, "sheet": sheet},
        status=400,
    )
