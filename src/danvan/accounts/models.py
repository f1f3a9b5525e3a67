from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Quản trị hệ thống"
    COORDINATOR = "coordinator", "Cán bộ điều phối (ban dân vận)"
    LEADER = "leader", "Lãnh đạo"
    REPORTER = "reporter", "Cán bộ báo cáo"
    VIEWER = "viewer", "Người xem"


class Membership(models.Model):
    """A role granted to a user on a unit; it covers the unit's whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="memberships", verbose_name="đơn vị"
    )
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField("cấp ngày", auto_now_add=True)

    class Meta:
        ordering = ["unit__path", "role", "user__username"]
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()} — {self.get_role_display()} — {self.unit.name}"


class LoginFailure(models.Model):
    """A failed login, kept in the database so throttling holds across app servers."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} @ {self.ip_address}"
