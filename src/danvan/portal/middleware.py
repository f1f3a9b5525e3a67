"""Refuse input PostgreSQL cannot store before any view sees it."""

from django.http import JsonResponse

NUL_MESSAGE = "Yêu cầu chứa ký tự không hợp lệ (NUL)."


class RejectNulMiddleware:
    """A NUL character in the path, the query string, a form field or a JSON body can't be
    stored in a PostgreSQL text column; answer 400 for every endpoint instead of failing late."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            return JsonResponse({"detail": NUL_MESSAGE}, status=400)
        return self.get_response(request)

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
