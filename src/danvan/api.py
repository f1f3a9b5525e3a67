"""The JSON API (OpenAPI at /api/openapi.json, docs at /api/docs). Two ways in, the same
permission checks as the pages: a personal token (Bearer) or the browser's login session."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from danvan.accounts.api import router as accounts_router
from danvan.accounts.errors import AccountError, AccountNotFound
from danvan.consolidation.api import router as consolidation_router
from danvan.exemplars.api import router as exemplars_router
from danvan.imports.api import router as imports_router
from danvan.imports.selectors import JobNotFound
from danvan.imports.services import ImportRefused
from danvan.indicators.api import router as indicators_router
from danvan.issuing.api import router as issuing_router
from danvan.orgs.api import router as orgs_router
from danvan.orgs.interchange import InterchangeError
from danvan.orgs.selectors import UnitNotFound
from danvan.orgs.services import ImportRejected
from danvan.petitions.api import router as petitions_router
from danvan.programmes.api import router as programmes_router
from danvan.publish import PublishError
from danvan.registry.api import router as registry_router
from danvan.registry.services import NumberTaken
from danvan.reporting.api import router as reporting_router
from danvan.reporting.errors import ConcurrentEdit, NotFound, ReportingError
from danvan.reporting.periods import InvalidPeriod
from danvan.search.api import router as search_router
from danvan.sentiment.api import router as sentiment_router
from danvan.tokens.api import router as tokens_router
from danvan.tokens.auth import BearerToken, SessionCookie
from danvan.tokens.errors import InvalidToken, TokenError, TokenNotFound

DESCRIPTION = """API của hệ thống thông tin công tác dân vận. Mọi thao tác kiểm tra quyền như
trên các trang: người gọi chỉ thấy và làm được những gì vai trò của mình cho phép.

**Hai cách xác thực**

1. *Mã truy cập cá nhân* (`BearerToken`) cho tập lệnh và hệ thống văn phòng điện tử: tạo ở
   trang “Mã truy cập API” (/tai-khoan/ma-truy-cap/) hoặc do quản trị viên tạo; gửi
   `Authorization: Bearer dv_…` với mỗi yêu cầu. Mã mang đúng các vai trò của người sở hữu,
   có hạn dùng, thu hồi được, và mỗi lần dùng được ghi vào nhật ký. Không cần CSRF.
2. *Phiên đăng nhập* (`SessionCookie`) của trình duyệt: cookie `sessionid` sau khi đăng nhập;
   các thao tác ghi cần thêm tiêu đề `X-CSRFToken` (giá trị cookie `csrftoken`).

Lỗi trả về dạng `{"detail": "…"}` bằng tiếng Việt (kèm `errors` khi có nhiều lỗi):
400 dữ liệu không hợp lệ, 401 chưa xác thực, 403 không có quyền, 404 không tìm thấy,
409 xung đột phiên bản (người khác vừa lưu), 422 yêu cầu sai định dạng.

**Lưu nháp và nộp báo cáo** ghép theo từng khóa: đề mục hay chỉ tiêu không gửi thì giữ giá
trị đã lưu; gửi `""` hoặc `null` để xóa; `submit` chỉ với `base_version` nộp bản nháp đã lưu.
"""

api = NinjaAPI(
    title="Danvan API",
    version="1",
    description=DESCRIPTION,
    auth=[BearerToken(), SessionCookie()],
    urls_namespace="api",
)
api.add_router("/orgs", orgs_router)
api.add_router("/accounts", accounts_router)
api.add_router("/reporting", reporting_router)
api.add_router("/programmes", programmes_router)
api.add_router("/exemplars", exemplars_router)
api.add_router("/sentiment", sentiment_router)
api.add_router("/petitions", petitions_router)
api.add_router("/search", search_router)
api.add_router("/indicators", indicators_router)
api.add_router("/consolidation", consolidation_router)
api.add_router("/imports", imports_router)
api.add_router("/tokens", tokens_router)
api.add_router("/registry", registry_router)
api.add_router("/issuing", issuing_router)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    message = getattr(exc, "message", None) or "Bạn không có quyền thực hiện thao tác này."
    return api.create_response(request, {"detail": message}, status=403)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(
        request,
        {"detail": "Bạn cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer …)."},
        status=401,
    )


@api.exception_handler(PublishError)
def _unpublishable(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(NumberTaken)
def _number_taken(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(InvalidToken)
def _invalid_token(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=401)


@api.exception_handler(TokenNotFound)
def _token_missing(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=404)


@api.exception_handler(TokenError)
def _token_refused(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=400)


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
