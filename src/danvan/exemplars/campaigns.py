"""Registration campaigns: a board's report request about "Dân vận khéo" models is the
campaign; units register entries linked to their assignment, and the campaign's board counts
those entries (not submissions): who has registered, how many, on time or late."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from danvan.accounts import permissions
from danvan.reporting.models import Assignment, ReportRequest
from danvan.vn.text import fold

from .models import Entry, Status

BOARD_ACTION = "reporting.board"


def is_campaign(request: ReportRequest) -> bool:
    return "dan van kheo" in fold(request.title)


@dataclass
class CampaignRow:
    assignment: Assignment
    registered: int
    drafts: int
    late: int

    @property
    def done(self) -> bool:
        return self.registered > 0


def campaigns(user) -> list[ReportRequest]:
    """The campaigns whose board `user` may see, newest first."""
    paths = permissions.scope_paths(user, BOARD_ACTION)
    requests = ReportRequest.objects.select_related("issuer").order_by("-deadline", "-id")
    if paths is not permissions.GLOBAL_SCOPE:
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(issuer__path__startswith=path)
        requests = requests.filter(condition)
    return [r for r in requests.filter(title__icontains="khéo")[:200] if is_campaign(r)]


def board(user, request_id: int) -> tuple[ReportRequest, list[CampaignRow]] | None:
    if not 0 < request_id < 2**63:
        return None
    request = ReportRequest.objects.select_related("issuer").filter(pk=request_id).first()
    if request is None or not is_campaign(request):
        return None
    permissions.require(user, BOARD_ACTION, request.issuer)
    assignments = list(request.assignments.select_related("unit").order_by("unit__path"))
    registered, drafts, late = Counter(), Counter(), Counter()
    for assignment_id, status, registered_on in Entry.objects.filter(
        assignment__request=request, merged_into=None
    ).values_list("assignment_id", "status", "registered_on"):
        if status == Status.PLANNED:
            drafts[assignment_id] += 1
        else:
            registered[assignment_id] += 1
            if registered_on and registered_on > request.deadline:
                late[assignment_id] += 1
    rows = [CampaignRow(a, registered[a.pk], drafts[a.pk], late[a.pk]) for a in assignments]
    return request, rows
