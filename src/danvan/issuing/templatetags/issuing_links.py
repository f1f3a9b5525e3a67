"""The "Xuất văn bản" links on the submission and consolidation pages, shown only to whoever
may export."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from danvan.issuing import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def export_submission_link(context, assignment):
    if not selectors.can_export_submission(context["request"].user, assignment):
        return ""
    url = reverse("issuing:export_submission", args=[assignment.pk])
    return format_html(
        '<p class="actions"><a class="button" id="export-document" href="{}">Xuất văn bản</a></p>',
        url,
    )


@register.simple_tag(takes_context=True)
def export_consolidation_link(context, report_request):
    if report_request is None or not selectors.can_export_consolidation(
        context["request"].user, report_request
    ):
        return ""
    url = reverse("issuing:export_consolidation", args=[report_request.pk])
    return format_html(
        '<p class="actions"><a class="button" id="export-document" href="{}">Xuất văn bản</a></p>',
        url,
    )
