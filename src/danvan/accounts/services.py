"""Every write about accounts: logins (with throttling), passwords, roles."""

from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model, logout
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import Q

from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.vn.numbers import parse_whole

from . import permissions, throttle
from .errors import AccountError, AccountNotFound
from .models import Membership, Role
from .network import client_address


class LoginRefused(Exception):
    """Wrong credentials or too many failures; the message is shown as is."""


WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."


def log_in(request, username: str, password: str):
    """Authenticate, counting failures; return the user or raise LoginRefused."""
    username = (username or "").strip()
    address = client_address(request)
    wait = throttle.wait_seconds(username, address)
    if wait:
        record_event(None, "accounts.login.throttled", "User", username[:128], summary=address)
        raise LoginRefused(
            f"Đăng nhập sai nhiều lần. Vui lòng chờ {throttle.how_long(wait)} rồi thử lại."
        )
    user = authenticate(request, username=username, password=password)
    if user is None:
        throttle.record_failure(username, address)
        record_event(None, "accounts.login.failed", "User", username[:128], summary=address)
        raise LoginRefused(WRONG_CREDENTIALS)
    throttle.forget(username, address)
    record_event(user, "accounts.login", "User", user.pk, summary=address)
    return user


def log_out(request) -> None:
    user = request.user
    if getattr(user, "pk", None):
        record_event(user, "accounts.logout", "User", user.pk, summary=client_address(request))
    logout(request)


def change_password(user, new_password: str) -> None:
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record_event(user, "accounts.password.change", "User", user.pk, summary=user.get_username())


def grant_role(actor, username: str, unit_code: str, role: str) -> Membership:
    unit = OrgUnit.objects.filter(code=unit_code).first()
    if unit is None:
        raise AccountNotFound(f"Không tìm thấy đơn vị có mã {unit_code}.")
    permissions.require(actor, "accounts.manage", unit)
    if role not in Role.values:
        raise AccountError(f"Vai trò '{role}' không hợp lệ.")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise AccountNotFound(f"Không tìm thấy người dùng '{username}'.")
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user,
            unit=unit,
            role=role,
            defaults={"granted_by": actor if getattr(actor, "pk", None) else None},
        )
        if created:
            record_event(
                actor,
                "accounts.role.grant",
                "Membership",
                membership.pk,
                summary=str(membership),
                after={"user": username, "unit": unit.code, "role": role},
            )
    return membership


def revoke_role(actor, membership_id: int) -> None:
    membership = Membership.objects.select_related("unit", "user").filter(pk=membership_id).first()
    if membership is None:
        raise AccountNotFound("Không tìm thấy quyền cần thu hồi.")
    permissions.require(actor, "accounts.manage", membership.unit)
    with transaction.atomic():
        before = {
            "user": membership.user.get_username(),
            "unit": membership.unit.code,
            "role": membership.role,
        }
        summary = str(membership)
        membership.delete()
        record_event(
            actor,
            "accounts.role.revoke",
            "Membership",
            membership_id,
            summary=summary,
            before=before,
        )


def create_user(
    actor,
    username: str,
    password: str,
    *,
    full_name: str = "",
    email: str = "",
    is_superuser: bool = False,
):
    """Create an account (the CLI's createadmin and the demo); the password must pass the policy."""
    User = get_user_model()
    if User.objects.filter(Q(username__iexact=username)).exists():
        raise AccountError(f"Tên đăng nhập '{username}' đã tồn tại.")
    candidate = User(username=username, email=email)
    validate_password(password, candidate)
    first, _, last = full_name.rpartition(" ")
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            password=password,
            email=email,
            first_name=first,
            last_name=last,
            is_superuser=is_superuser,
            is_staff=is_superuser,
        )
        record_event(
            actor,
            "accounts.user.create",
            "User",
            user.pk,
            summary=username,
            after={"username": username, "is_superuser": is_superuser},
        )
    return user


def switch_unit(request, membership_id: str) -> None:
    """Remember which of the user's units the pages act for; only the user's own memberships."""
    from .selectors import SESSION_ACTIVE_MEMBERSHIP

    membership = Membership.objects.filter(
        user=request.user, pk=parse_whole(str(membership_id)) or 0
    ).first()
    if membership is None:
        raise permissions.ScopeDenied("Bạn không có vai trò tại đơn vị này.")
    request.session[SESSION_ACTIVE_MEMBERSHIP] = membership.pk
