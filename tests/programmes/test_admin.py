"""The administrator extends the content areas; the register's figures then offer the new area
as an option of their breakdown."""

from django.test import Client

from danvan.programmes.figures import AREA_CATEGORY, catalogue
from danvan.programmes.models import ContentArea


def test_a_new_content_area_becomes_an_option_of_the_figures(db, demo_user):
    client = Client()
    client.force_login(demo_user("admin"))
    response = client.post(
        "/quan-tri/programmes/contentarea/add/",
        {"code": "chuyen-doi-so", "name": "Chuyển đổi số", "order": 11, "active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    area = ContentArea.objects.get(code="chuyen-doi-so")
    assert area.name == "Chuyển đổi số"
    assert ("ctpp_nv_hoan_thanh", "chuyen-doi-so") in catalogue()
    assert AREA_CATEGORY == "ctpp-linh-vuc"
