"""The JSON API (OpenAPI at /api/openapi.json, docs at /api/docs). Session authentication:
the same login, the same permission checks as the pages."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from danvan.accounts.api import router as accounts_router
from danvan.accounts.errors import AccountError, AccountNotFound
from danvan.consolidation.api import router as consolidation_router
from danvan.imports.api import router as imports_router
from danvan.imports.selectors import JobNotFound
from danvan.imports.services import ImportRefused
from danvan.indicators.api import router as indicators_router
from danvan.orgs.api import router as orgs_router
from danvan.orgs.interchange import InterchangeError
from danvan.orgs.selectors import UnitNotFound
from danvan.orgs.services import ImportRejected
from danvan.reporting.api import router as reporting_router
from danvan.reporting.errors import ConcurrentEdit, NotFound, ReportingError
from danvan.reporting.periods import InvalidPeriod

api = NinjaAPI(
    title="Danvan API",
    version="1",
    description="API của hệ thống thông tin công tác dân vận.",
    auth=django_auth,
    urls_namespace="api",
)
api.add_router("/orgs", orgs_router)
api.add_router("/accounts", accounts_router)
api.add_router("/reporting", reporting_router)
api.add_router("/indicators", indicators_router)
api.add_router("/consolidation", consolidation_router)
api.add_router("/imports", imports_router)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    message = getattr(exc, "message", None) or "Bạn không có quyền thực hiện thao tác này."
    return api.create_response(request, {"detail": message}, status=403)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, {"detail": "Bạn cần đăng nhập."}, status=401)


@api.exception_handler(ImportRejected)
def _import_rejected(request, exc):
    return api.create_response(
        request,
        {"detail": "Dữ liệu không hợp lệ; không có thay đổi nào được ghi.", "errors": exc.errors},
        status=400,
    )


@api.exception_handler(InterchangeError)
def _unreadable(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(UnitNotFound)
def _unit_missing(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=404)


@api.exception_handler(AccountNotFound)
def _account_missing(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=404)


@api.exception_handler(AccountError)
def _account_refused(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=400)


@api.exception_handler(DjangoValidationError)
def _policy(request, exc):
    # A password or field that breaks one of Django's validators.
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


@api.exception_handler(ValidationError)
def _malformed(request, exc):
    return api.create_response(
        request,
        {"detail": "Dữ liệu gửi lên không đúng định dạng.", "errors": exc.errors},
        status=422,
    )


@api.exception_handler(HttpError)
def _http_error(request, exc):
    detail = str(exc)
    if exc.status_code == 403 and "CSRF" in detail:
        detail = "Phiên làm việc thiếu mã chống giả mạo (CSRF); hãy tải lại trang rồi thử lại."
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(ConcurrentEdit)
def _concurrent(request, exc):
    return api.create_response(
        request, {"detail": exc.messages[0], "errors": exc.messages}, status=409
    )


@api.exception_handler(ReportingError)
def _reporting(request, exc):
    return api.create_response(
        request, {"detail": exc.messages[0], "errors": exc.messages}, status=400
    )


@api.exception_handler(InvalidPeriod)
def _period(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(NotFound)
def _not_found(request, exc):
    return api.create_response(request, {"detail": exc.messages[0]}, status=404)


@api.exception_handler(ImportRefused)
def _import_refused(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=400)


@api.exception_handler(JobNotFound)
def _job_missing(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=404)
