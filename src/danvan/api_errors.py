"""The error body every API operation answers with, and the helper each operation uses to
document the status codes it can return (so the OpenAPI description is complete)."""

from __future__ import annotations

from typing import Any

from ninja import Schema

MEANING = {
    400: "Dữ liệu không hợp lệ; không có gì thay đổi.",
    401: "Chưa xác thực: cần phiên đăng nhập hoặc mã truy cập hợp lệ.",
    403: "Không có quyền (hoặc thiếu mã CSRF khi dùng phiên đăng nhập).",
    404: "Không tìm thấy.",
    409: "Xung đột phiên bản: người khác vừa lưu; tải lại rồi làm lại.",
    422: "Yêu cầu sai định dạng (kiểu dữ liệu, trường bắt buộc).",
}


class Error(Schema):
    """`detail`: the message in Vietnamese; `errors`: the details, when there are several."""

    detail: str
    errors: Any = None


def errors(*codes: int) -> dict[int, type[Error]]:
    """`response={200: Out, **errors(401, 403, 404)}`: the error codes an operation returns."""
    unknown = set(codes) - set(MEANING)
    if unknown:
        raise ValueError(f"undocumented status codes {sorted(unknown)}")
    return {code: Error for code in codes}


# Every operation behind authentication can answer 401 (no or bad credentials), 403 (no right,
# or a session write without its CSRF token) and 422 (a malformed request).
AUTHENTICATED = (401, 403, 422)
