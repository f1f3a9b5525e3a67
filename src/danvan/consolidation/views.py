from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting.errors import ReportingError
from danvan.reporting.periods import InvalidPeriod, parse_period
from danvan.vn.numbers import parse_whole

from . import exports, selectors


def _parameters(request):
    """unit (code), period (code) and request (id) from the query string, checked."""
    permissions.require(request.user, "consolidation.view")
    units = permissions.units_in_scope(request.user, "consolidation.view").order_by("path")
    report_request = None
    if request.GET.get("yeu-cau"):
        try:
            report_request = reporting_selectors.get_request(
                request.user, parse_whole(request.GET["yeu-cau"]) or 0, "consolidation.view"
            )
        except ReportingError as exc:
            raise Http404("Không tìm thấy yêu cầu báo cáo.") from exc
    code = request.GET.get("don-vi") or (
        report_request.issuer.parent.code
        if report_request and report_request.issuer.parent_id
        else (units.first().code if units else "")
    )
    root = OrgUnit.objects.filter(code=code).first()
    if root is None:
        raise Http404("Không tìm thấy đơn vị.")
    period = request.GET.get("ky") or (report_request.period.code if report_request else "")
    return units, root, period, report_request


def _period_name(code: str) -> str:
    """ "6 tháng đầu năm 2026" for "2026S1"; the code itself if it names no period."""
    try:
        return parse_period(code).name
    except InvalidPeriod:
        return code


@login_required
def consolidation(request):
    units, root, period, report_request = _parameters(request)
    result, error = None, None
    accepted_only = request.GET.get("chi-tiep-nhan") == "1"
    if period:
        try:
            result = selectors.consolidate(
                request.user, root, period, report_request, accepted_only=accepted_only
            )
        except InvalidPeriod as exc:
            error = str(exc)
    return render(
        request,
        "consolidation/consolidation.html",
        {
            "units": units,
            "root": root,
            "period": period,
            "period_choices": reporting_selectors.period_choices(period),
            "period_name": _period_name(result.period_code) if result else "",
            "previous_name": _period_name(result.previous_code) if result else "",
            "request_obj": report_request,
            "result": result,
            "units_page": result.units_page(request.GET.get("trang")) if result else None,
            "accepted_only": accepted_only,
            "error": error,
            "query": request.GET.urlencode(),
        },
        status=400 if error else 200,
    )


@login_required
def consolidation_xlsx(request):
    _, root, period, report_request = _parameters(request)
    try:
        result = selectors.consolidate(
            request.user,
            root,
            period,
            report_request,
            accepted_only=request.GET.get("chi-tiep-nhan") == "1",
        )
    except InvalidPeriod as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(
        exports.consolidation_xlsx(result),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="tong-hop-{root.code}-{result.period_code}.xlsx"'
    )
    return response
