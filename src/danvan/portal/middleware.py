"""Refuse input PostgreSQL cannot store, or SQLite cannot compare, before any view sees it."""

import json

from django.http import Http404, JsonResponse
from django.shortcuts import render

from danvan.vn.numbers import MAX_WHOLE
from danvan.vn.text import has_surrogates

NOT_FOUND_MESSAGE = "Không tìm thấy trang bạn yêu cầu."
NUL_MESSAGE = "Yêu cầu chứa ký tự không hợp lệ (NUL)."
SURROGATE_MESSAGE = (
    "Yêu cầu chứa ký tự không hợp lệ (nửa cặp ký tự UTF-16, thường do sao chép từ phần mềm "
    "khác); hãy gõ lại đoạn đó."
)


def _refuse(request, message: str):
    """400 with the Vietnamese reason: JSON for the API, the site's page for people."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400)
    return render(request, "400.html", {"message": message}, status=400)


def _strings_with_surrogates(value) -> bool:
    if isinstance(value, str):
        return has_surrogates(value)
    if isinstance(value, dict):
        return any(
            _strings_with_surrogates(k) or _strings_with_surrogates(v) for k, v in value.items()
        )
    if isinstance(value, list):
        return any(_strings_with_surrogates(v) for v in value)
    return False


class RejectNulMiddleware:
    """A NUL character in the path, the query string, a form field or a JSON body can't be
    stored in a PostgreSQL text column, nor a lone UTF-16 surrogate (a JSON "\\ud800") in any
    UTF-8 text; answer 400 for every endpoint instead of failing late. A number in the path
    beyond a 64-bit integer (which SQLite cannot compare) finds nothing: 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            return _refuse(request, NUL_MESSAGE)
        if self._has_surrogates(request):
            return _refuse(request, SURROGATE_MESSAGE)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if any(
            isinstance(value, int) and not -MAX_WHOLE <= value <= MAX_WHOLE
            for value in (*view_args, *view_kwargs.values())
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": NOT_FOUND_MESSAGE}, status=404)
            raise Http404(NOT_FOUND_MESSAGE)
        return None

    @staticmethod
    def _has_nul(request) -> bool:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            return True
        if request.content_type == "application/json":
            return b"\\u0000" in request.body or b"\x00" in request.body
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            # Django's CSRF check parses the same form right after; this reads no more.
            return any("\x00" in value for values in request.POST.lists() for value in values[1])
        return False

    @staticmethod
    def _has_surrogates(request) -> bool:
        """Forms and query strings are decoded with replacement characters, so only a JSON
        body's escapes can carry a lone surrogate."""
        if request.content_type != "application/json" or b"\\u" not in request.body:
            return False
        lowered = request.body.lower()
        if not any(f"\\ud{c}".encode() in lowered for c in "89abcdef"):
            return False
        try:
            data = json.loads(request.body)
        except ValueError:
            return False  # not JSON: the API answers that itself
        return _strings_with_surrogates(data)
