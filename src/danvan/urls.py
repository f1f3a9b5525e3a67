from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic.base import RedirectView

from danvan.api import api
from danvan.portal import views as portal_views

admin.site.site_header = "Danvan — quản trị"
admin.site.site_title = "Danvan"

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico before reading the page's <link rel="icon">.
    path("favicon.ico", RedirectView.as_view(url=static("danvan/favicon.svg"), permanent=True)),
    path("quan-tri/", admin.site.urls),
    path("api/", api.urls),
    path("tai-khoan/ma-truy-cap/", include("danvan.tokens.urls")),
    path("tai-khoan/", include("danvan.accounts.urls")),
    path("don-vi/", include("danvan.orgs.urls")),
    path("bao-cao/", include("danvan.reporting.urls")),
    path("tong-hop/", include("danvan.consolidation.urls")),
    path("phan-tich/", include("danvan.analysis.urls")),
    path("nhap-tep/", include("danvan.imports.urls")),
    path("thong-bao/", include("danvan.notifications.urls")),
    path("van-ban/", include("danvan.registry.urls")),
    path("van-ban/", include("danvan.issuing.urls")),
    path("chuong-trinh-phoi-hop/", include("danvan.programmes.urls")),
    path("dan-van-kheo/", include("danvan.exemplars.urls")),
    path("tinh-hinh-nhan-dan/", include("danvan.sentiment.urls")),
    path("tiep-dan-don-thu/", include("danvan.petitions.urls")),
    path("tim-kiem/", include("danvan.search.urls")),
    path("", include("danvan.portal.urls")),
]

handler403 = "danvan.portal.views.permission_denied"
handler404 = "danvan.portal.views.not_found"
handler400 = "danvan.portal.views.bad_request"
handler500 = "danvan.portal.views.server_error"
