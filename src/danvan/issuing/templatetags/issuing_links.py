"""The "Xuất văn bản" links on the submission and consolidation pages, shown only to whoever
may export."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from danvan.issuing import selectors

register = template.Library()


def _link(url: str):
    return format_html(
        '<p class="actions"><a class="button" id="export-document" href="{}">Xuất văn bản</a></p>',
        url,
    )


@register.simple_tag(takes_context=True)
def export_submission_link(context, assignment):
    if not selectors.can_export_submission(context["request"].user, assignment):
        return ""
    return _link(reverse("issuing:export_submission", args=[assignment.pk]))


@register.simple_tag(takes_context=True)
def export_consolidation_link(context, report_request):
    if report_request is None or not selectors.can_export_consolidation(
        context["request"].user, report_request
    ):
        return ""
    return _link(reverse("issuing:export_consolidation", args=[report_request.pk]))


@register.simple_tag(takes_context=True)
def export_unit_consolidation_link(context, root, period_code, accepted_only=False):
    """On the consolidation by unit and period: the same "Xuất văn bản" as for a request."""
    user = context["request"].user
    scope = selectors.unit_consolidation(root, period_code, accepted_only)
    if not selectors.can_export_unit_consolidation(user, scope):
        return ""
    url = reverse("issuing:export_unit_consolidation", args=[root.code, scope.period_code])
    return _link(url + ("?chi-tiep-nhan=1" if accepted_only else ""))
