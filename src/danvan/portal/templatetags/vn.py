"""Template filters for Vietnamese conventions (numbers "1.868", "1,5")."""

from decimal import Decimal, InvalidOperation

from django import template

from danvan.vn.formatting import format_number

register = template.Library()


@register.filter
def so(value):
    """A number as Vietnamese documents print it; anything else unchanged, None as "—"."""
    if value is None or value == "":
        return "—"
    try:
        return format_number(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return value


@register.filter
def get_source(mapping, key):
    """mapping[key] in a template, or None (Django templates cannot index by a variable)."""
    return mapping.get(key) if isinstance(mapping, dict) else None
