"""{% programme_followup instrument %}: the follow-up block of a programme's page (commitments
by status and content area, the parties' reporting timeliness, overdue commitments, the next
review), shown to the thường trực board's people only."""

from django import template

from danvan.accounts import permissions
from danvan.reporting import clock

from .. import followup

register = template.Library()


@register.inclusion_tag("programmes/review_followup.html", takes_context=True)
def programme_followup(context, instrument):
    user = context["request"].user
    if not permissions.has_permission(user, "reporting.board", instrument.owner):
        return {"followup": None}
    return {"followup": followup.programme_followup(instrument, clock.today())}
