from danvan.accounts.selectors import active_membership, memberships_of
from danvan.notifications.selectors import unread_count

from .navigation import items_for


def shell(request):
    """What the page frame needs: the user's units (for the switcher) and the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    active = active_membership(request)
    return {
        "active_membership": active,
        "memberships": list(memberships_of(user)),
        "nav_items": items_for(active.role if active else None, user.is_superuser),
        "unread_notifications": unread_count(user),
    }
