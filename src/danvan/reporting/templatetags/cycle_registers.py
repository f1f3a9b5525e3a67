"""The registers' parts of reporting pages: their items in the reporter's inbox and their own
entry pages on a submission (through reporting.register_figures, never a register app)."""

from django import template

from danvan.reporting import register_figures

register = template.Library()


@register.inclusion_tag("reporting/_register_inbox.html", takes_context=True)
def register_inbox(context):
    return {"items": register_figures.inbox_items(context["request"].user)}


@register.inclusion_tag("reporting/_register_links.html", takes_context=True)
def register_links(context, assignment):
    return {"links": register_figures.assignment_links(context["request"].user, assignment)}
