"""Personal API tokens: a script or an e-office system calls the API as the token's owner,
with exactly the owner's roles, until the token expires or is revoked."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """Only the SHA-256 digest of the token is kept; `prefix` (public, unique) finds the row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name="người dùng",
    )
    name = models.CharField("tên gợi nhớ", max_length=100)
    prefix = models.CharField("tiền tố", max_length=16, unique=True)
    digest = models.CharField("băm SHA-256", max_length=64)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField("hết hạn lúc")
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"

    def __str__(self) -> str:
        return f"{self.name} ({self.user.get_username()}, dv_{self.prefix}…)"
