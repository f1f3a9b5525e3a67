"""Every write about API tokens: create (the secret is returned once, only its digest is
kept), revoke, and the check made on each API call (which also records the use)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from danvan.accounts import permissions
from danvan.audit.services import record_event

from .errors import TokenError, TokenNotFound
from .models import ApiToken

TOKEN_START = "dv_"
PREFIX_LENGTH = 12
DEFAULT_DAYS = 90
MAX_DAYS = 365
DENIED = "Bạn không có quyền quản lý mã truy cập của người dùng này."


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown to the person once, never stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def require_manage(actor, owner) -> None:
    """A user manages their own tokens; an administrator those of users whose every role
    lies within the administrator's scope (a superuser's only by another superuser)."""
    if getattr(actor, "pk", None) is not None and actor.pk == owner.pk:
        return
    if actor.is_superuser:
        return
    units = [m.unit for m in owner.memberships.select_related("unit")]
    if owner.is_superuser or not units:
        raise permissions.ScopeDenied(DENIED)
    paths = permissions.scope_paths(actor, "accounts.manage")
    if not all(permissions.covers(paths, unit.path) for unit in units):
        raise permissions.ScopeDenied(DENIED)


def create_token(actor, owner, name: str, days: int = DEFAULT_DAYS) -> NewToken:
    require_manage(actor, owner)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise TokenError(
            "Đặt tên gợi nhớ cho mã truy cập (tối đa 100 ký tự), ví dụ: Văn phòng điện tử."
        )
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise TokenError(f"Thời hạn của mã truy cập phải từ 1 đến {MAX_DAYS} ngày.")
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    secret = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=owner,
            name=name,
            prefix=prefix,
            digest=digest(secret),
            created_by=actor if getattr(actor, "pk", None) else None,
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        record_event(
            actor,
            "tokens.create",
            "ApiToken",
            token.pk,
            summary=f"{name} — {owner.get_username()}",
            after={"user": owner.get_username(), "prefix": prefix, "days": days},
        )
    return NewToken(token, secret)


def create_token_for(actor, username: str, name: str, days: int = DEFAULT_DAYS) -> NewToken:
    owner = get_user_model().objects.filter(username=username).first()
    if owner is None:
        raise TokenNotFound(f"Không tìm thấy người dùng '{username}'.")
    return create_token(actor, owner, name, days)


def revoke_token(actor, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None:
        raise TokenNotFound("Không tìm thấy mã truy cập.")
    require_manage(actor, token.user)
    if token.revoked_at is not None:
        raise TokenError("Mã truy cập này đã bị thu hồi trước đó.")
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.revoked_by = actor if getattr(actor, "pk", None) else None
        token.save(update_fields=["revoked_at", "revoked_by"])
        record_event(
            actor,
            "tokens.revoke",
            "ApiToken",
            token.pk,
            summary=f"{token.name} — {token.user.get_username()}",
        )
    return token


def _refused(token: ApiToken, reason: str, where: str) -> None:
    record_event(None, "tokens.refused", "ApiToken", token.pk, summary=f"{reason}: {where}")


def authenticate(secret: str, where: str = ""):
    """The owner of a valid token, or None. Every use is recorded (last_used_at and an audit
    row naming the operation); a known token refused (wrong secret, expired, revoked, owner
    disabled) is recorded too. Unknown prefixes leave nothing, so noise cannot fill the trail."""
    secret = (secret or "").strip()
    if not secret.startswith(TOKEN_START) or len(secret) > 200:
        return None
    prefix = secret[len(TOKEN_START) : len(TOKEN_START) + PREFIX_LENGTH]
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None:
        return None
    if not hmac.compare_digest(token.digest, digest(secret)):
        _refused(token, "sai mã", where)
        return None
    now = timezone.now()
    if token.revoked_at is not None:
        _refused(token, "đã thu hồi", where)
        return None
    if token.expires_at <= now:
        _refused(token, "đã hết hạn", where)
        return None
    if not token.user.is_active:
        _refused(token, "tài khoản bị khóa", where)
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    record_event(token.user, "tokens.use", "ApiToken", token.pk, summary=where)
    return token.user
