"""The demo's notifications carry the dates of their events: a request issued on 07/5/2019
is announced on 07/5/2019, not on the day the demo was loaded."""

from __future__ import annotations

from danvan.notifications import services as notification_services
from danvan.reporting.models import Assignment, Revision

# Keys written by the reporting services: "issued:<assignment>", "<kind>:<submission>:<revision>".
REVISION_KINDS = ("submitted", "accept", "return")


def date_demo_notifications() -> int:
    moments = {
        f"issued:{pk}": issued_at
        for pk, issued_at in Assignment.objects.values_list("pk", "request__issued_at")
    }
    for submission_id, number, created_at in Revision.objects.values_list(
        "submission_id", "number", "created_at"
    ):
        for kind in REVISION_KINDS:
            moments[f"{kind}:{submission_id}:{number}"] = created_at
    return notification_services.date_events(moments)
