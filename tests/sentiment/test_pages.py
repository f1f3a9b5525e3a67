"""Every page of the register answers, as the demo's roles, with what each may see."""

import pytest

PAGES = [
    "/tinh-hinh-nhan-dan/",
    "/tinh-hinh-nhan-dan/y-kien/moi/",
    "/tinh-hinh-nhan-dan/vu-viec/",
    "/tinh-hinh-nhan-dan/vu-viec/moi/",
    "/tinh-hinh-nhan-dan/bao-cao/?unit=CT-DUK&period_kind=S1&period_year=2019",
    "/tinh-hinh-nhan-dan/cong-tac-vien/",
    "/tinh-hinh-nhan-dan/y-kien/nhap/",
]


@pytest.mark.parametrize("path", PAGES)
def test_reporter_pages(login_client, path):
    client = login_client("ct.baocao")
    response = client.get(path)
    assert response.status_code == 200, response.content.decode()[:3000]


@pytest.mark.parametrize(
    "path",
    [
        "/tinh-hinh-nhan-dan/bang-theo-doi/?don-vi=CT-DUK&tu=2019-01-01&den=2019-06-30",
        "/tinh-hinh-nhan-dan/vu-viec/",
        "/tinh-hinh-nhan-dan/quyen-xem-nguon/",
    ],
)
def test_admin_pages(login_client, path):
    client = login_client("admin")
    response = client.get(path)
    assert response.status_code == 200, response.content.decode()[:3000]


def test_the_administrator_extends_the_topic_catalogue(client, demo_user):
    from danvan.sentiment.models import Topic

    client.force_login(demo_user("admin"))
    response = client.post(
        "/quan-tri/sentiment/topic/add/",
        {
            "code": "chuyen-doi-so",
            "name": "Chuyển đổi số",
            "section": "du-luan",
            "order": 30,
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert Topic.objects.get(code="chuyen-doi-so").section == "du-luan"
    form = client.get("/tinh-hinh-nhan-dan/y-kien/moi/").content.decode()
    assert "Chuyển đổi số" in form
    # Signals are not on the admin site: a named source is never read by superuser status.
    assert client.get("/quan-tri/sentiment/signal/").status_code == 404
