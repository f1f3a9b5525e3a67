"""Reads of API tokens: a user's own, and those an administrator may manage."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from danvan.accounts import permissions

from .models import ApiToken


def status(token: ApiToken, now=None) -> str:
    now = now or timezone.now()
    if token.revoked_at is not None:
        return "Đã thu hồi"
    if token.expires_at <= now:
        return "Hết hạn"
    return "Đang dùng"


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).select_related("user")


def manageable_tokens(actor) -> QuerySet[ApiToken]:
    """Tokens of users holding a role in the administrator's scope (every token for a
    superuser); the services still check each token's owner as a whole."""
    permissions.require(actor, "accounts.manage")
    tokens = ApiToken.objects.select_related("user", "created_by")
    if actor.is_superuser:
        return tokens
    units = permissions.units_in_scope(actor, "accounts.manage")
    return tokens.filter(user__memberships__unit__in=units, user__is_superuser=False).distinct()
