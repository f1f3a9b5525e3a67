from __future__ import annotations

import datetime as dt

from ninja import Field, Router, Schema, Status

from danvan.api_errors import AUTHENTICATED, errors

from . import selectors, services
from .auth import SessionCookie

router = Router(tags=["Mã truy cập API"])


class TokenOut(Schema):
    id: int
    name: str
    username: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    status: str


class TokenCreatedOut(TokenOut):
    token: str = Field(description="Mã đầy đủ; chỉ hiện một lần, không lưu lại được.")


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    days: int = Field(services.DEFAULT_DAYS, ge=1, le=services.MAX_DAYS)
    username: str | None = Field(
        None, description="Quản trị viên tạo mã cho người dùng khác; bỏ trống: cho chính mình."
    )


def _token(token) -> dict:
    return {
        "id": token.pk,
        "name": token.name,
        "username": token.user.get_username(),
        "prefix": f"{services.TOKEN_START}{token.prefix}",
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "status": selectors.status(token),
    }


@router.get(
    "",
    response={200: list[TokenOut], **errors(*AUTHENTICATED)},
    summary="Mã truy cập của tôi",
)
def my_tokens(request):
    return [_token(t) for t in selectors.tokens_of(request.auth)]


@router.post(
    "",
    auth=SessionCookie(),
    response={201: TokenCreatedOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Tạo mã truy cập (chỉ từ phiên đăng nhập)",
    description="Mã đầy đủ chỉ có trong câu trả lời này. Một mã không tạo được mã khác.",
)
def create(request, payload: TokenIn):
    if payload.username and payload.username != request.auth.get_username():
        created = services.create_token_for(
            request.auth, payload.username, payload.name, payload.days
        )
    else:
        created = services.create_token(request.auth, request.auth, payload.name, payload.days)
    return Status(201, dict(_token(created.token), token=created.secret))


@router.delete(
    "/{token_id}",
    response={204: None, **errors(*AUTHENTICATED, 400, 404)},
    summary="Thu hồi mã truy cập",
)
def revoke(request, token_id: int):
    services.revoke_token(request.auth, token_id)
    return Status(204, None)
