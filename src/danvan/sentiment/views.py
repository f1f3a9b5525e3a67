"""Pages of the signal log: the list with filters, the short recording form, one signal,
the XLSX export, template and checked import. Thin: parse, call services/selectors, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.accounts.selectors import active_membership
from danvan.orgs.models import OrgUnit
from danvan.registers.sheets import SheetRejected
from danvan.registry.models import Document

from . import selectors, services, sheets
from .forms import ImportForm, SignalForm
from .models import Channel, Direction, Topic

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def parse_day(raw: str):
    from danvan.orgs.forms import DateField

    try:
        return DateField(required=False).clean(raw or None)
    except Exception:  # noqa: BLE001  (a bad filter date is ignored, never an error page)
        return None


def signal_filters(request) -> selectors.SignalFilters:
    get = request.GET
    unit = None
    if get.get("don-vi"):
        unit = OrgUnit.objects.filter(code=get["don-vi"][:40]).first()
    return selectors.SignalFilters(
        unit=unit,
        topic=get.get("chu-de", "")[:40],
        direction=get.get("khuynh-huong", "")[:20],
        channel=get.get("kenh", "")[:20],
        date_from=parse_day(get.get("tu", "")),
        date_to=parse_day(get.get("den", "")),
        query=get.get("q", "").strip()[:100],
        issue=get.get("vu-viec", "")[:5],
    )


def _page(request, items):
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("trang"))


@login_required
def signals(request):
    permissions.require(request.user, "sentiment.view")
    filters = signal_filters(request)
    page = _page(request, selectors.filtered_signals(request.user, filters))
    readable = selectors.source_units(request.user)
    rows = [(s, selectors.shown_source(s, readable)) for s in page]
    return render(
        request,
        "sentiment/signals.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "topics": Topic.objects.all(),
            "directions": Direction.choices,
            "channels": Channel.choices,
            "can_record": permissions.acts_anywhere(request.user, "sentiment.record"),
        },
    )


def _document(symbol: str):
    symbol = (symbol or "").strip()
    if not symbol:
        return None, None
    document = Document.objects.filter(symbol__iexact=symbol).first()
    if document is None:
        return None, f"Không có văn bản số ký hiệu “{symbol[:80]}” trong sổ văn bản."
    return document, None


@login_required
def signal_new(request):
    permissions.require(request.user, "sentiment.record")
    initial = {}
    membership = active_membership(request)
    if membership is not None:
        initial["unit"] = membership.unit.code
    form = SignalForm(request.POST or None, user=request.user, initial=initial)
    errors, status = [], 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            document, problem = _document(data["document"])
            try:
                if problem:
                    raise services.SentimentError(problem)
                signal = services.record_signal(
                    request.user,
                    unit=data["unit"],
                    observed_on=data["observed_on"],
                    channel=data["channel"],
                    topic=data["topic"],
                    direction=data["direction"],
                    spread=data["spread"],
                    intensity=data["intensity"],
                    text=data["text"],
                    area=data["area"],
                    groups=data["groups"],
                    document=document,
                    subject=data["subject"],
                    source_name=data["source_name"],
                    restricted=data["restricted"],
                    links=data["links"],
                )
            except services.SentimentError as exc:
                errors, status = exc.messages, 400
            else:
                messages.success(request, "Đã ghi nhận ý kiến.")
                if request.POST.get("next") == "again":
                    return redirect("sentiment:signal_new")
                return redirect("sentiment:signal", pk=signal.pk)
        else:
            status = 400
    return render(
        request, "sentiment/signal_form.html", {"form": form, "errors": errors}, status=status
    )


@login_required
def signal(request, pk: int):
    try:
        item = selectors.get_signal(request.user, pk)
    except selectors.NotFound as exc:
        raise Http404(exc.message) from exc
    source = selectors.shown_source(item, selectors.source_units(request.user))
    if source and source != "(đã ẩn)":
        services.log_source_read(request.user, item)
    can_cluster = permissions.has_permission(request.user, "sentiment.issues", item.unit)
    return render(
        request,
        "sentiment/signal.html",
        {
            "signal": item,
            "source": source,
            "can_cluster": can_cluster,
            "suggestions": selectors.suggest_issues(request.user, item) if can_cluster else [],
        },
    )


@login_required
def export(request):
    """The filtered signals as .xlsx: never a restricted signal, never a source."""
    permissions.require(request.user, "sentiment.view")
    rows = selectors.filtered_signals(request.user, signal_filters(request)).filter(
        restricted=False
    )
    data = sheets.export(request.user, rows)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="y-kien-du-luan.xlsx"'
    return response


@login_required
def template(request):
    response = HttpResponse(sheets.template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-y-kien-du-luan.xlsx"'
    return response


@login_required
def import_signals(request):
    permissions.require(request.user, "sentiment.record")
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    errors, status = [], 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                created = sheets.import_rows(
                    request.user, form.cleaned_data["unit"], upload.read(sheets.MAX_BYTES + 1)
                )
            except SheetRejected as exc:
                errors, status = exc.errors, 400
            except services.SentimentError as exc:
                errors, status = exc.messages, 400
            else:
                messages.success(request, f"Đã nhập {len(created)} ý kiến từ bảng tính.")
                return redirect("sentiment:signals")
        else:
            status = 400
    return render(request, "sentiment/import.html", {"form": form, "errors": errors}, status=status)


@login_required
@require_POST
def attach(request, pk: int):
    """From a signal's page: put it into an issue (one of the suggestions, or any by id)."""
    from . import hotspots

    try:
        item = selectors.get_signal(request.user, pk)
        issue = selectors.get_issue(request.user, _int(request.POST.get("issue")))
    except selectors.NotFound as exc:
        raise Http404(exc.message) from exc
    try:
        hotspots.attach_signals(request.user, issue, [item.pk])
    except services.SentimentError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("sentiment:signal", pk=item.pk)
    messages.success(request, f"Đã gộp ý kiến vào vụ việc “{issue.title}”.")
    return redirect("sentiment:issue", pk=issue.pk)


def _int(raw) -> int | None:
    try:
        value = int(str(raw))
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**62 else None
