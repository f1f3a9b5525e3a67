"""Passwords forgotten and passwords reset: "Quên mật khẩu" (a time-limited, single-use link
sent by e-mail) and a reset by an administrator (the old password stops working at once, the
link goes to the user by e-mail and is shown once to the administrator). Every step audited."""

from __future__ import annotations

import datetime as dt
import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from danvan.audit.models import AuditEvent
from danvan.audit.services import record_event

from . import permissions, throttle
from .errors import AccountError, AccountNotFound
from .network import client_address


def reset_link(user) -> str:
    """The link that lets `user` choose a new password; it works once, until the timeout."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.DANVAN_SITE_URL.rstrip("/") + path


def _send(user, link: str, by_admin=None) -> None:
    context = {
        "user": user,
        "link": link,
        "valid_for": throttle.how_long(settings.PASSWORD_RESET_TIMEOUT),
        "by_admin": by_admin,
    }
    send_mail(
        render_to_string("accounts/password_reset_subject.txt", context).strip(),
        render_to_string("accounts/password_reset_email.txt", context),
        None,
        [user.email],
    )


# "Quên mật khẩu" is open to anyone: per hour, one address may ask this many times, and one
# e-mail address receives at most this many links (beyond, the request is recorded, not sent).
RESETS_PER_ADDRESS = 5
RESETS_PER_EMAIL = 3
RESET_WINDOW = dt.timedelta(hours=1)


def reset_refusal(request) -> str:
    """Why this client may not ask for another link now ("" when it may)."""
    recent = AuditEvent.objects.filter(
        action="accounts.password.reset_requested",
        summary=client_address(request),
        at__gte=timezone.now() - RESET_WINDOW,
    ).order_by("at")
    times = list(recent.values_list("at", flat=True))
    if len(times) < RESETS_PER_ADDRESS:
        return ""
    wait = (times[-RESETS_PER_ADDRESS] + RESET_WINDOW - timezone.now()).total_seconds()
    return (
        "Bạn đã yêu cầu đặt lại mật khẩu nhiều lần; hãy thử lại sau "
        f"{throttle.how_long(math.ceil(wait))}."
    )


def _links_sent_recently(email: str) -> int:
    return AuditEvent.objects.filter(
        action="accounts.password.reset_requested",
        at__gte=timezone.now() - RESET_WINDOW,
        after__email__iexact=email,
        after__sent=True,
    ).count()


def request_reset(request, email: str) -> None:
    """Send the link to every active account with this address. The answer to the person is
    the same whether or not one exists, so the page tells nobody who has an account here.
    Past RESETS_PER_EMAIL links within the hour, the request is recorded and nothing sent."""
    email = email.strip()[:254]
    users = [
        user
        for user in get_user_model().objects.filter(email__iexact=email, is_active=True)
        if user.email
    ]
    send = bool(users) and _links_sent_recently(email) < RESETS_PER_EMAIL
    record_event(
        None,
        "accounts.password.reset_requested",
        "User",
        ",".join(str(user.pk) for user in users),
        summary=client_address(request),
        after={"email": email, "accounts": [u.get_username() for u in users], "sent": send},
    )
    for user in users if send else []:
        _send(user, reset_link(user))


def reset_done(request, user) -> None:
    record_event(user, "accounts.password.reset", "User", user.pk, summary=client_address(request))


def _require_may_reset(actor, user) -> None:
    if getattr(actor, "is_superuser", False):
        return
    if user.is_superuser:
        raise permissions.ScopeDenied(
            "Chỉ quản trị viên toàn hệ thống được đặt lại mật khẩu của một quản trị viên toàn hệ thống."
        )
    units = [membership.unit for membership in user.memberships.select_related("unit")]
    if not units:
        raise permissions.ScopeDenied(
            "Tài khoản này chưa có vai trò ở đơn vị nào; chỉ quản trị viên toàn hệ thống "
            "được đặt lại mật khẩu của nó."
        )
    for unit in units:
        # The administrator must manage every unit where the person holds a role.
        permissions.require(actor, "accounts.manage", unit)


def admin_reset(actor, username: str) -> str:
    """Reset someone's password: the old one stops working now (and their sessions end); the
    link to choose a new one is e-mailed to them and returned, to be shown once."""
    permissions.require(actor, "accounts.manage")  # before saying who exists
    user = get_user_model().objects.filter(username=(username or "").strip()).first()
    if user is None:
        raise AccountNotFound(f"Không tìm thấy người dùng '{username}'.")
    _require_may_reset(actor, user)
    if user.pk == getattr(actor, "pk", None):
        raise AccountError("Hãy dùng trang Đổi mật khẩu cho tài khoản của chính bạn.")
    with transaction.atomic():
        user.set_unusable_password()
        user.save(update_fields=["password"])
        link = reset_link(user)
        record_event(
            actor,
            "accounts.password.admin_reset",
            "User",
            user.pk,
            summary=user.get_username(),
            after={"emailed": bool(user.email)},
        )
    if user.email:
        _send(user, link, by_admin=actor)
    return link
