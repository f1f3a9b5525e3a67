from .models import Notification


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def recent(user, limit: int = 50):
    return Notification.objects.filter(user=user)[:limit]
