"""The two ways to call the API: a personal token (`Authorization: Bearer dv_…`) for
scripts and other systems, and the browser's login session."""

from __future__ import annotations

from django.conf import settings
from ninja.security import APIKeyCookie, HttpBearer

from . import services
from .errors import InvalidToken


class BearerToken(HttpBearer):
    openapi_bearerFormat = "dv_…"
    openapi_description = (
        "Mã truy cập cá nhân: tạo ở trang “Mã truy cập API” (hoặc do quản trị viên tạo), "
        "gửi trong tiêu đề `Authorization: Bearer dv_…`. Mã mang đúng các vai trò của người "
        "sở hữu, có thời hạn, có thể thu hồi; mọi lần dùng được ghi nhật ký. Không cần CSRF."
    )

    def authenticate(self, request, token: str):
        user = services.authenticate(token, f"{request.method} {request.path}"[:300])
        if user is None:
            # A bearer token was sent and is not valid: say so, rather than falling back to
            # the session and answering with a CSRF error.
            raise InvalidToken()
        request.api_token_user = user
        return user


class SessionCookie(APIKeyCookie):
    """The browser's login session (the same login and permissions as the pages); writes
    need the CSRF token in `X-CSRFToken`. A request without a session cookie is simply
    not authenticated by it (401), not refused for CSRF."""

    param_name = settings.SESSION_COOKIE_NAME
    openapi_description = (
        "Phiên đăng nhập của trình duyệt (cookie `sessionid`, đăng nhập ở /tai-khoan/dang-nhap/). "
        "Các thao tác ghi (POST, DELETE) cần thêm tiêu đề `X-CSRFToken` lấy từ cookie `csrftoken`."
    )

    def _get_key(self, request):
        if self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        return request.user if key and request.user.is_authenticated else None
