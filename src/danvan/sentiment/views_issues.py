"""Pages of issues and hot spots: the list by level and status, opening one (from a signal),
its page with the dated actions, links, signals, and the one-click ad-hoc request above."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock

from . import hotspots, selectors
from .forms import ActionForm, IssueForm, LinkForm
from .models import OPEN_STATUSES, Level, Status, Topic
from .services import SentimentError
from .views import PAGE_SIZE, _int


def _issue_or_404(user, pk):
    try:
        return selectors.get_issue(user, pk)
    except selectors.NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
def issues(request):
    permissions.require(request.user, "sentiment.view")
    items = selectors.visible_issues(request.user)
    get = request.GET
    level, status = get.get("muc-do", "")[:12], get.get("trang-thai", "")[:16]
    if level:
        items = items.filter(level=level)
    if status == "mo":
        items = items.filter(status__in=OPEN_STATUSES)
    elif status:
        items = items.filter(status=status)
    if get.get("don-vi"):
        unit = OrgUnit.objects.filter(code=get["don-vi"][:40]).first()
        items = items.filter(unit__path__startswith=unit.path) if unit else items.none()
    if get.get("chu-de"):
        items = items.filter(topic__code=get["chu-de"][:40])
    page = Paginator(items, PAGE_SIZE).get_page(get.get("trang"))
    latest = selectors.last_actions(list(page))
    today = clock.today()
    rows = [(i, latest.get(i.pk), (today - i.opened_on).days) for i in page]
    return render(
        request,
        "sentiment/issues.html",
        {
            "page": page,
            "rows": rows,
            "levels": Level.choices,
            "statuses": Status.choices,
            "topics": Topic.objects.all(),
            "filters": {"level": level, "status": status, "topic": get.get("chu-de", "")},
            "can_open": permissions.acts_anywhere(request.user, "sentiment.issues"),
        },
    )


@login_required
def issue_new(request):
    permissions.require(request.user, "sentiment.issues")
    source = None
    if request.GET.get("y-kien") or request.POST.get("signal"):
        try:
            source = selectors.get_signal(
                request.user, _int(request.GET.get("y-kien") or request.POST.get("signal"))
            )
        except selectors.NotFound as exc:
            raise Http404(exc.message) from exc
    initial = {}
    if source is not None:
        initial = {
            "unit": source.unit.code,
            "topic": source.topic_id,
            "area": source.area,
            "opened_on": source.observed_on,
            "restricted": source.restricted,
        }
    form = IssueForm(request.POST or None, user=request.user, initial=initial)
    errors, status = [], 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            codes = [c.strip() for c in data["coordinating"].split(",") if c.strip()]
            partners = list(OrgUnit.objects.filter(code__in=codes))
            try:
                if len(partners) != len(set(codes)):
                    missing = sorted(set(codes) - {u.code for u in partners})
                    raise SentimentError(f"Không có đơn vị mã: {', '.join(missing)[:200]}.")
                issue = hotspots.open_issue(
                    request.user,
                    unit=data["unit"],
                    title=data["title"],
                    topic=data["topic"],
                    opened_on=data["opened_on"],
                    level=data["level"],
                    status=data["status"],
                    area=data["area"],
                    lead_agency=data["lead_agency"],
                    commitment=data["commitment"],
                    description=data["description"],
                    next_update=data["next_update"],
                    restricted=data["restricted"],
                    coordinating_units=partners,
                    signals=[source] if source is not None else [],
                )
            except SentimentError as exc:
                errors, status = exc.messages, 400
            else:
                messages.success(request, "Đã mở vụ việc.")
                return redirect("sentiment:issue", pk=issue.pk)
        else:
            status = 400
    return render(
        request,
        "sentiment/issue_form.html",
        {"form": form, "errors": errors, "source": source},
        status=status,
    )


@login_required
def issue(request, pk: int):
    item = _issue_or_404(request.user, pk)
    can_edit = permissions.has_permission(request.user, "sentiment.issues", item.unit)
    readable = selectors.source_units(request.user)
    signals = [
        (s, selectors.shown_source(s, readable))
        for s in selectors.visible_signals(request.user).filter(issue=item)
    ]
    action_form = ActionForm(
        initial={"date": clock.today(), "level": item.level, "status": item.status}
    )
    return render(
        request,
        "sentiment/issue.html",
        {
            "issue": item,
            "actions": item.actions.all(),
            "links": item.links.all(),
            "signals": signals,
            "partners": item.coordinating_units.all(),
            "can_edit": can_edit,
            "action_form": action_form,
            "link_form": LinkForm(),
            "adhoc_issuer": hotspots.adhoc_issuer(request.user, item),
        },
    )


def _refused(request, item, exc):
    messages.error(request, " ".join(exc.messages))
    return redirect("sentiment:issue", pk=item.pk)


@login_required
@require_POST
def issue_action(request, pk: int):
    item = _issue_or_404(request.user, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("sentiment:issue", pk=item.pk)
    try:
        hotspots.record_action(request.user, item, **form.cleaned_data)
    except SentimentError as exc:
        return _refused(request, item, exc)
    messages.success(request, "Đã ghi diễn biến.")
    return redirect("sentiment:issue", pk=item.pk)


@login_required
@require_POST
def issue_link(request, pk: int):
    item = _issue_or_404(request.user, pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Cần chọn loại và nhập số, mã hồ sơ liên quan.")
        return redirect("sentiment:issue", pk=item.pk)
    try:
        hotspots.add_link(request.user, item, **form.cleaned_data)
    except SentimentError as exc:
        return _refused(request, item, exc)
    messages.success(request, "Đã thêm liên kết.")
    return redirect("sentiment:issue", pk=item.pk)


@login_required
@require_POST
def issue_adhoc(request, pk: int):
    item = _issue_or_404(request.user, pk)
    try:
        hotspots.request_adhoc_report(request.user, item)
    except SentimentError as exc:
        return _refused(request, item, exc)
    messages.success(request, "Đã ban hành yêu cầu báo cáo đột xuất.")
    return redirect("sentiment:issue", pk=item.pk)
