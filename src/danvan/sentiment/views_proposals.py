"""Signals proposed from the sentiment section of a report already read, for a person to
check, correct and confirm (all the ticked ones are written, or none)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render

from danvan.accounts import permissions
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting.errors import ReportingError
from danvan.reporting.outline import flat_sections
from danvan.vn.text import fold

from . import services
from .models import Channel, Direction, Spread, Topic
from .proposals import propose
from .views import parse_day


def situation_text(assignment) -> str:
    """The text of the report's "… tình hình …" section ("Đặc điểm tình hình"), if any."""
    sections = reporting_selectors.current_content(assignment.submission).sections
    for section in flat_sections(assignment.request.template.sections):
        if "tinh hinh" in fold(section["title"]) and sections.get(section["key"], "").strip():
            return sections[section["key"]]
    return ""


@login_required
def from_report(request, assignment_id: int):
    try:
        assignment = reporting_selectors.get_assignment(request.user, assignment_id)
    except ReportingError as exc:
        raise Http404(exc.messages[0]) from exc
    permissions.require(request.user, "sentiment.record", assignment.unit)
    proposals = propose(situation_text(assignment))
    topics = {t.code: t for t in Topic.objects.filter(active=True)}
    errors, status = [], 200
    if request.method == "POST":
        day = parse_day(request.POST.get("observed_on", ""))
        channel = request.POST.get("channel", "")[:20]
        spread = request.POST.get("spread", "")[:20]
        chosen = [n for n in range(len(proposals)) if request.POST.get(f"chon-{n}")]
        if not chosen:
            errors.append("Cần chọn ít nhất một đề xuất.")
        try:
            with transaction.atomic():
                for n in chosen:
                    services.record_signal(
                        request.user,
                        unit=assignment.unit,
                        observed_on=day,
                        channel=channel,
                        topic=topics.get(request.POST.get(f"chu-de-{n}", "")),
                        direction=request.POST.get(f"khuynh-huong-{n}", "")[:20],
                        spread=spread,
                        text=request.POST.get(f"noi-dung-{n}", "")[:6000],
                        subject=f"Từ báo cáo: {assignment.request.title}"[:300],
                    )
                if errors:
                    raise services.SentimentError(*errors)
        except services.SentimentError as exc:
            errors, status = exc.messages, 400
        else:
            messages.success(request, f"Đã ghi {len(chosen)} ý kiến từ báo cáo.")
            return redirect("sentiment:signals")
    return render(
        request,
        "sentiment/proposals.html",
        {
            "assignment": assignment,
            "proposals": proposals,
            "topics": topics.values(),
            "directions": Direction.choices,
            "channels": Channel.choices,
            "spreads": Spread.choices,
            "day": assignment.request.period.end,
            "errors": errors,
        },
        status=status,
    )
