"""Mass and complex cases as hot spots: a petition is linked to an issue of the people's
situation register (through its services), and resolving the case proposes closing it."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from danvan.accounts import permissions
from danvan.sentiment import hotspots as sentiment_hotspots
from danvan.sentiment import selectors as sentiment_selectors
from danvan.sentiment.services import SentimentError

from .errors import PetitionError
from .models import Petition
from .permissions import MANAGE


def candidate_issues(user, limit: int = 50):
    """Open issues of the people's situation the user may see, newest first."""
    return (
        sentiment_selectors.visible_issues(user)
        .filter(closed_on__isnull=True)
        .order_by("-opened_on")[:limit]
    )


def unit_issues(unit):
    """The issues followed in `unit`'s subtree (no user: for the demo loader)."""
    return sentiment_selectors.window_issues(unit)


def link(actor, *, petition: Petition, issue_id=None, issue=None) -> Petition:
    """Link to the issue `issue_id` the actor may see (or `issue`, already checked)."""
    permissions.require(actor, MANAGE, petition.unit)
    if not (petition.complex or petition.mass):
        raise PetitionError("Chỉ vụ việc đông người hoặc phức tạp mới liên kết với điểm nóng.")
    if issue is None:
        if isinstance(issue_id, str):
            issue_id = int(issue_id) if issue_id.isascii() and issue_id.isdigit() else None
        try:
            issue = sentiment_selectors.get_issue(actor, issue_id)
        except sentiment_selectors.NotFound as error:
            raise PetitionError(str(error)) from None
    kind = "mass_complaint" if petition.mass else "petition"
    try:
        with transaction.atomic():
            sentiment_hotspots.add_link(
                actor, issue, kind=kind, reference=petition.reference, label=str(petition)
            )
            petition.hot_spot = issue.title[:200]
            petition.hot_spot_issue = issue.pk
            petition.save(update_fields=["hot_spot", "hot_spot_issue"])
    except SentimentError as error:
        raise PetitionError(" ".join(error.messages)) from None
    return petition


def closing_proposal(petition: Petition) -> str:
    """What to say when a linked case is resolved: propose closing the hot spot."""
    if not petition.hot_spot_issue or petition.closed_on is None:
        return ""
    url = reverse("sentiment:issue", args=[petition.hot_spot_issue])
    return f"Vụ việc đã giải quyết xong: đề nghị đóng điểm nóng “{petition.hot_spot}” ({url})."
