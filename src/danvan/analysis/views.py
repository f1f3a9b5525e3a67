from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from danvan.accounts import permissions
from danvan.indicators.models import CategoryOption, Indicator
from danvan.orgs.models import OrgUnit
from danvan.portal.charts import chart_xlsx
from danvan.reporting.models import Period

from . import charts, selectors


def _choices(request):
    """Indicator, option, unit, period type and compared period from the query string."""
    permissions.require(request.user, "consolidation.view")
    units = permissions.units_in_scope(request.user, "consolidation.view").order_by("path")
    indicators = list(Indicator.objects.select_related("category").order_by("group", "code"))
    if not indicators:
        return units, indicators, None
    code = request.GET.get("chi-tieu", "")
    indicator = next((i for i in indicators if i.code == code), None)
    if code and indicator is None:
        raise Http404("Không tìm thấy chỉ tiêu.")
    indicator = indicator or indicators[0]
    option = None
    if request.GET.get("phuong-an") and indicator.category_id:
        option = CategoryOption.objects.filter(
            category_id=indicator.category_id, code=request.GET["phuong-an"]
        ).first()
        if option is None:
            raise Http404("Không tìm thấy phương án phân tổ của chỉ tiêu.")
    unit_code = request.GET.get("don-vi", "")
    root = OrgUnit.objects.filter(code=unit_code).first() if unit_code else units.first()
    if root is None:
        raise Http404("Không tìm thấy đơn vị.")
    period_type = request.GET.get("loai-ky", "half")
    if period_type not in selectors.PERIOD_TYPES:
        period_type = "half"
    return units, indicators, (indicator, option, root, period_type)


def _analysis(request):
    units, indicators, chosen = _choices(request)
    context = {
        "units": units,
        "indicator_labels": [
            (i, charts.name_with_unit(i.name, i.unit_of_measure)) for i in indicators
        ],
        "period_types": selectors.PERIOD_TYPES,
    }
    if chosen is None:
        return context
    indicator, option, root, period_type = chosen
    analysis = selectors.series(request.user, root, indicator, option, period_type)
    compared = [p for p in analysis.points if p.value is not None]
    period = None
    if request.GET.get("ky"):
        period = Period.objects.filter(code=request.GET["ky"], type=period_type).first()
    if period is None and compared:
        period = compared[-1].period
    ranks = selectors.children(request.user, root, indicator, option, period) if period else []
    context.update(
        {
            "analysis": analysis,
            "root": root,
            "indicator": indicator,
            "option": option,
            "period_type": period_type,
            "period": period,
            "ranks": ranks,
            "charts": [
                charts.series_chart(analysis),
                charts.children_chart(analysis, ranks, period.name if period else ""),
            ],
        }
    )
    return context


@login_required
def indicator(request):
    context = _analysis(request)
    context["query"] = request.GET.urlencode()
    return render(request, "analysis/indicator.html", context)


@login_required
def indicator_xlsx(request, key: str):
    chart = next((c for c in _analysis(request).get("charts", []) if c.key == key), None)
    if chart is None:
        raise Http404("Không tìm thấy biểu đồ.")
    response = HttpResponse(
        chart_xlsx(chart),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="phan-tich-{chart.key}.xlsx"'
    return response
