"""The JSON API (OpenAPI at /api/openapi.json, docs at /api/docs). Session authentication:
the same login, the same permission checks as the pages."""

from django.core.exceptions import PermissionDenied
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import django_auth

from danvan.accounts.api import router as accounts_router
from danvan.consolidation.api import router as consolidation_router
from danvan.indicators.api import router as indicators_router
from danvan.orgs.api import router as orgs_router
from danvan.orgs.interchange import InterchangeError
from danvan.orgs.models import OrgUnit
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
        request, {"detail": "Dữ liệu không hợp lệ; không có thay đổi nào được ghi.", "errors": exc.errors}, status=400
    )


@api.exception_handler(InterchangeError)
def _unreadable(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(OrgUnit.DoesNotExist)
def _unit_missing(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=404)


@api.exception_handler(ValueError)
def _bad_value(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(ConcurrentEdit)
def _concurrent(request, exc):
    return api.create_response(request, {"detail": exc.messages[0], "errors": exc.messages}, status=409)


@api.exception_handler(ReportingError)
def _reporting(request, exc):
    return api.create_response(request, {"detail": exc.messages[0], "errors": exc.messages}, status=400)


@api.exception_handler(InvalidPeriod)
def _period(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(NotFound)
def _not_found(request, exc):
    return api.create_response(request, {"detail": exc.messages[0]}, status=404)
