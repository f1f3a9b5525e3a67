from django.conf import settings
from django.db import models


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # What caused it, so a scheduled reminder is sent once: e.g. "due-3:assignment:42".
    key = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~models.Q(key=""), name="notification_once"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class RegisterReminder(models.Model):
    """One register item (a commitment, a petition's clock…) a user was reminded of on a
    day, so no run tells them twice about it that day. `item_key` is a digest of the item's
    register, title and link (items carry no id of their own)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="register_reminders"
    )
    item_key = models.CharField(max_length=64)
    day = models.DateField()
    register = models.CharField(max_length=120)
    title = models.CharField(max_length=300)
    due = models.DateField(null=True, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "item_key", "day"], name="register_reminder_once_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.title}"


class RegisterReminderRun(models.Model):
    """A day whose register reminders were all sent: the worker's later runs that day skip
    the registers (asking every provider for every user each hour would cost 24 times as
    much for nothing but items created since the morning, which wait for the next day)."""

    day = models.DateField(unique=True)
    reminded = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.reminded}"
