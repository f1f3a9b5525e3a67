from __future__ import annotations

from ninja import Router, Schema, Status

from danvan.api_errors import AUTHENTICATED, errors

from . import selectors, services

router = Router(tags=["Tài khoản"])


class MembershipOut(Schema):
    id: int
    username: str
    unit_code: str
    unit_name: str
    role: str
    role_label: str


class MeOut(Schema):
    username: str
    full_name: str
    is_superuser: bool
    memberships: list[MembershipOut]


class GrantIn(Schema):
    username: str
    unit_code: str
    role: str


def _membership(m) -> dict:
    return {
        "id": m.pk,
        "username": m.user.get_username(),
        "unit_code": m.unit.code,
        "unit_name": m.unit.name,
        "role": m.role,
        "role_label": m.get_role_display(),
    }


@router.get(
    "/me", response={200: MeOut, **errors(*AUTHENTICATED)}, summary="Người dùng hiện tại và vai trò"
)
def me(request):
    user = request.auth
    return {
        "username": user.get_username(),
        "full_name": user.get_full_name(),
        "is_superuser": user.is_superuser,
        "memberships": [_membership(m) for m in selectors.memberships_of(user)],
    }


@router.get(
    "/memberships",
    response={200: list[MembershipOut], **errors(*AUTHENTICATED)},
    summary="Phân quyền trong phạm vi quản trị",
)
def memberships(request):
    return [_membership(m) for m in selectors.manageable_memberships(request.auth)]


@router.post(
    "/memberships",
    response={201: MembershipOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Cấp vai trò trên một đơn vị",
)
def grant(request, payload: GrantIn):
    membership = services.grant_role(
        request.auth, payload.username, payload.unit_code, payload.role
    )
    return Status(201, _membership(membership))


@router.delete(
    "/memberships/{membership_id}",
    response={204: None, **errors(*AUTHENTICATED, 400, 404)},
    summary="Thu hồi vai trò",
)
def revoke(request, membership_id: int):
    services.revoke_role(request.auth, membership_id)
    return Status(204, None)
