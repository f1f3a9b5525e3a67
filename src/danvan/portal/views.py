from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from danvan.accounts import services as account_services
from danvan.accounts.selectors import active_membership
from danvan.reporting import clock

from . import dashboards
from .charts import chart_xlsx as chart_xlsx_bytes
from .navigation import items_for
from .selectors import database_status


@require_GET
@never_cache
def healthz(request):
    status = database_status()
    if status == "ok":
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "error", "database": "error"}, status=503)


@login_required
def home(request):
    """The role's dashboard (see dashboards.py), then the capabilities as cards."""
    active = active_membership(request)
    role = active.role if active else None
    cards = [
        item
        for item in items_for(role, request.user.is_superuser)
        if item.url_name != "portal:home"
    ]
    context = {"role": role, "cards": cards}
    today = clock.today()
    if role == "reporter":
        context["reporter"] = dashboards.reporter_dashboard(request.user, today)
        context["charts"] = context["reporter"].charts
    elif role in ("coordinator", "leader", "viewer") or request.user.is_superuser:
        context["staff"] = dashboards.staff_dashboard(request.user, active, today)
        context["charts"] = context["staff"].charts
    return render(request, "portal/home.html", context)


@login_required
def chart_xlsx(request, key: str):
    """One chart of the user's dashboard as a workbook (the same numbers as the picture)."""
    charts = dashboards.charts_for(request.user, active_membership(request), clock.today())
    chart = next((c for c in charts if c.key == key), None)
    if chart is None:
        raise Http404("Không tìm thấy biểu đồ.")
    response = HttpResponse(
        chart_xlsx_bytes(chart),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="bieu-do-{chart.key}.xlsx"'
    return response


@login_required
@require_POST
def switch_unit(request):
    account_services.switch_unit(request, request.POST.get("membership", ""))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "portal:home"
    return redirect(target)


def permission_denied(request, exception=None):
    message = getattr(exception, "message", None) or "Bạn không có quyền truy cập trang này."
    return render(request, "403.html", {"message": message}, status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", {}, status=400)


# The page when even the site's frame cannot be drawn (a template or the database failing).
PLAIN_SERVER_ERROR = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi hệ thống</title>'
    "</head><body><h1>Đã xảy ra lỗi hệ thống</h1><p>Hệ thống gặp lỗi khi xử lý yêu cầu này. "
    'Lỗi đã được ghi lại. <a href="/">Về trang chủ</a></p></body></html>'
)


def server_error(request):
    """The 500 page in the site's frame, drawn without the request's context (no database
    query, no context processor: either may be what failed); plain HTML if even that fails."""
    try:
        body = loader.render_to_string("500.html", {})
    except Exception:  # noqa: BLE001 - the error page must answer whatever is broken
        body = PLAIN_SERVER_ERROR
    return HttpResponseServerError(body)


def not_found(request, exception=None):
    # Our own Http404s carry a Vietnamese message; Django's resolver's are English dicts.
    message = (
        exception.args[0]
        if exception and exception.args and isinstance(exception.args[0], str)
        else ""
    )
    message = message or "Không tìm thấy trang bạn yêu cầu."
    return render(request, "404.html", {"message": message}, status=404)
