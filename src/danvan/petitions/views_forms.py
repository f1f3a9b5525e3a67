"""The Inspectorate's forms: computed for a unit subtree and window, exported to XLSX,
imported with a validation report; the legal time limits and the working-day calendar."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.registers import sheets
from danvan.reporting.periods import InvalidPeriod, data_window

from . import compute, figures, formspec, rules, selectors, sheetio
from .errors import PetitionError
from .forms import CalendarDayForm, FormImportForm
from .models import CalendarDay, TimeLimitRule
from .permissions import MANAGE, RULES, VIEW
from .views_common import date_param, param, xlsx


def _window(request):
    """The unit and data window asked for (a period code such as 2022S1, or dates)."""
    units = list(selectors.units_for(request.user))
    code = param(request, "don-vi")
    unit = next((u for u in units if u.code == code), None) or (units[0] if units else None)
    period = param(request, "ky")
    date_from, date_to = date_param(request, "tu"), date_param(request, "den")
    if period:
        try:
            date_from, date_to = data_window(period, "state")
        except (InvalidPeriod, ValueError):
            date_from = date_to = None
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return units, unit, date_from, date_to


@login_required
def forms_page(request):
    permissions.require(request.user, VIEW)
    units, unit, date_from, date_to = _window(request)
    tables = []
    if unit and date_from and date_to:
        totals, sources = figures.form_totals(unit, date_from, date_to)
        for code, form in formspec.FORMS.items():
            values = totals[code]
            tables.append(
                {
                    "form": form,
                    "rows": [(c, values[c.key]) for c in form.columns],
                    "uploaded": sources[code][0],
                    "computed": code in compute.COMPUTERS,
                    "errors": formspec.check(form, values),
                }
            )
    return render(
        request,
        "petitions/forms.html",
        {
            "units": units,
            "unit": unit,
            "date_from": date_from,
            "date_to": date_to,
            "filters": request.GET,
            "tables": tables,
            "can_manage": permissions.acts_anywhere(request.user, MANAGE),
            "import_form": FormImportForm(),
        },
    )


@login_required
def form_export(request):
    permissions.require(request.user, VIEW)
    units, unit, date_from, date_to = _window(request)
    form = formspec.FORMS.get(param(request, "bieu"))
    if not (unit and date_from and date_to and form):
        messages.error(request, "Chọn biểu, đơn vị và kỳ số liệu để xuất.")
        return redirect("petitions:forms")
    totals, _ = figures.form_totals(unit, date_from, date_to)
    data = sheetio.export_form(form, unit, date_from, date_to, totals[form.code])
    return xlsx(data, f"bieu-{form.code.replace('/', '-').lower()}-{unit.code}.xlsx")


@login_required
def form_template(request):
    permissions.require(request.user, VIEW)
    form = formspec.FORMS.get(param(request, "bieu")) or formspec.TCD01
    data = sheetio.form_template(form)
    return xlsx(data, f"mau-bieu-{form.code.replace('/', '-').lower()}.xlsx")


@login_required
def form_import(request):
    permissions.require(request.user, MANAGE)
    form = FormImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = sheetio.import_forms(
                request.user,
                form_code=form.cleaned_data["form"],
                data=form.cleaned_data["file"].read(),
            )
        except sheets.SheetRejected as rejected:
            errors = rejected.errors
        else:
            messages.success(request, f"Đã nhập {count} dòng biểu {form.cleaned_data['form']}.")
            return redirect("petitions:forms")
    return render(
        request,
        "petitions/import.html",
        {"form": form, "errors": errors, "heading": "Nhập biểu thống kê của Thanh tra",
         "template_url": "petitions:form_template", "forms": formspec.FORMS.values()},
    )  # fmt: skip


@login_required
def rules_page(request):
    permissions.require(request.user, VIEW)
    return render(
        request,
        "petitions/rules.html",
        {
            "rules": TimeLimitRule.objects.all(),
            "days": CalendarDay.objects.all(),
            "can_edit": permissions.acts_anywhere(request.user, RULES),
            "day_form": CalendarDayForm(),
        },
    )


@login_required
@require_POST
def rule_confirm(request, rule_id: int):
    permissions.require(request.user, RULES)
    rule = get_object_or_404(TimeLimitRule, pk=rule_id)
    try:
        days = int(request.POST.get("days", ""))
    except ValueError:
        messages.error(request, "Thời hạn phải là số ngày.")
        return redirect("petitions:rules")
    try:
        rules.confirm_rule(
            request.user, rule=rule, days=days, basis=request.POST.get("basis", "")[:400]
        )
    except PetitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Đã xác nhận thời hạn.")
    return redirect("petitions:rules")


@login_required
@require_POST
def calendar_add(request):
    permissions.require(request.user, RULES)
    form = CalendarDayForm(request.POST)
    if form.is_valid():
        try:
            rules.set_calendar_day(request.user, **form.cleaned_data)
        except PetitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã cập nhật lịch ngày làm việc.")
    else:
        messages.error(request, "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.")
    return redirect("petitions:rules")
