"""Links to units that the signed-in user may open; a unit outside their scope is plain text
(never a link to a refusal). Notes meant for maintainers are for administrators only."""

from __future__ import annotations

import re

from django import template
from django.urls import reverse
from django.utils.html import format_html

from danvan.accounts import permissions

register = template.Library()

# A sentence of a unit's note that starts "Giả định:" records an assumption of whoever loaded
# the data ("Giả định: hợp nhất … có hiệu lực từ 01/3/2025 …"), up to its full stop.
ASSUMPTION = re.compile(r"Giả định:.*?(?:\.(?=\s|$)|$)\s*", re.DOTALL)


def _cached(context, name: str, compute):
    """Computed once per page (one query), however many units the page links."""
    store = context.render_context
    request = context.get("request")
    if request is not None:
        store = request.__dict__.setdefault("_danvan_unit_links", {})
    if name not in store:
        store[name] = compute()
    return store[name]


@register.simple_tag(takes_context=True)
def unit_link(context, unit, label: str = ""):
    user = context.get("user")
    scope = _cached(context, "orgs_scope", lambda: permissions.scope_paths(user, "orgs.view"))
    text = label or unit.name
    if unit.path and permissions.covers(scope, unit.path):
        return format_html('<a href="{}">{}</a>', reverse("orgs:detail", args=[unit.code]), text)
    return format_html('<span class="out-of-scope">{}</span>', text)


@register.simple_tag(takes_context=True)
def unit_note(context, note: str) -> str:
    """The note as written for administrators; without its assumptions for everyone else."""
    user = context.get("user")
    is_admin = _cached(
        context, "orgs_admin", lambda: permissions.acts_anywhere(user, "orgs.manage")
    )
    return note if is_admin else ASSUMPTION.sub("", note or "").strip()
