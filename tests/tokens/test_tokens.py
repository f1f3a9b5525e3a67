"""Personal API tokens: made on the profile page (shown once, kept only as a SHA-256 digest),
acting with exactly their owner's roles, expiring, revocable by the owner or an administrator,
and every use in the audit trail."""

import datetime as dt
import hashlib
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from danvan.audit.models import AuditEvent
from danvan.tokens.models import ApiToken

PAGE = "/tai-khoan/ma-truy-cap/"
MANAGE = "/tai-khoan/ma-truy-cap/quan-tri/"
SECRET = re.compile(r'value="(dv_[0-9a-f]{12}_[A-Za-z0-9_-]{43})"')

pytestmark = pytest.mark.django_db


def _create_on_page(client, name="Văn phòng điện tử", days="90", page=PAGE, **extra):
    response = client.post(page, {"name": name, "days": days, **extra})
    assert response.status_code == 200, response.content.decode()[:800]
    return SECRET.search(response.content.decode()).group(1)


def _api(secret, path="/api/accounts/me"):
    return Client().get(path, headers={"Authorization": f"Bearer {secret}"})


def test_a_token_is_shown_once_and_only_its_digest_is_kept(login_client):
    client = login_client("dn.baocao")
    secret = _create_on_page(client)
    token = ApiToken.objects.get(user__username="dn.baocao")
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[3:15]
    stored = [str(getattr(token, f.attname)) for f in ApiToken._meta.fields]
    assert not any(secret in value or secret[16:] in value for value in stored)
    # Reloading the page lists the token by its prefix, never the secret again.
    page = client.get(PAGE).content.decode()
    assert f"dv_{token.prefix}…" in page and secret not in page
    assert "Văn phòng điện tử" in page and "Đang dùng" in page


def test_a_token_acts_with_exactly_the_roles_of_its_owner(login_client, bearer):
    reporter = bearer("dn.baocao")
    me = Client().get("/api/accounts/me", headers=reporter).json()
    assert me["username"] == "dn.baocao"
    assert [(m["role"], m["unit_code"]) for m in me["memberships"]] == [("reporter", "DN-CATP")]
    # The same answers as the owner's own session, for what a reporter reads.
    session = login_client("dn.baocao")
    for path in ("/api/reporting/inbox", "/api/reporting/requests", "/api/reporting/templates"):
        assert Client().get(path, headers=reporter).json() == session.get(path).json()
    # And nothing more: issuing a request or managing roles is refused as for the person.
    refused = Client().get("/api/accounts/memberships", headers=reporter)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Bạn không có quyền phân quyền")


def test_every_use_is_recorded_and_a_session_is_not_needed(demo_user, bearer):
    headers = bearer("dn.baocao")
    token = ApiToken.objects.get(user__username="dn.baocao")
    assert token.last_used_at is None
    assert Client().get("/api/reporting/inbox", headers=headers).status_code == 200
    assert Client().get("/api/accounts/me", headers=headers).status_code == 200
    uses = AuditEvent.objects.filter(action="tokens.use", object_id=str(token.pk)).order_by("id")
    assert [(e.actor.username, e.summary) for e in uses] == [
        ("dn.baocao", "GET /api/reporting/inbox"),
        ("dn.baocao", "GET /api/accounts/me"),
    ]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_owner_revokes_a_token_and_it_stops_working(login_client):
    client = login_client("dn.baocao")
    secret = _create_on_page(client)
    token = ApiToken.objects.get(user__username="dn.baocao")
    assert _api(secret).status_code == 200
    response = client.post(f"{PAGE}{token.pk}/thu-hoi/")
    assert response.status_code == 302
    refused = _api(secret)
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi."}
    assert AuditEvent.objects.filter(action="tokens.revoke", object_id=str(token.pk)).exists()
    assert AuditEvent.objects.get(action="tokens.refused", object_id=str(token.pk)).summary == (
        "đã thu hồi: GET /api/accounts/me"
    )
    assert "Đã thu hồi" in client.get(PAGE).content.decode()


def test_a_token_expires_after_its_days(login_client):
    secret = _create_on_page(login_client("dn.baocao"), days="7")
    assert _api(secret).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1), tick=False):
        assert _api(secret).status_code == 401
    token = ApiToken.objects.get(user__username="dn.baocao")
    assert AuditEvent.objects.filter(
        action="tokens.refused", object_id=str(token.pk), summary__startswith="đã hết hạn"
    ).exists()


def test_a_wrong_secret_with_a_real_prefix_is_refused_and_recorded(bearer):
    headers = bearer("dn.baocao")
    forged = headers["Authorization"][:-4] + "AAAA"
    assert Client().get("/api/accounts/me", headers={"Authorization": forged}).status_code == 401
    assert AuditEvent.objects.filter(action="tokens.refused", summary__startswith="sai mã").exists()


@pytest.mark.parametrize(
    ("name", "days", "message"),
    [
        ("", "90", "Đặt tên gợi nhớ cho mã truy cập."),
        ("Tập lệnh", "0", "Thời hạn ít nhất là 1 ngày."),
        ("Tập lệnh", "366", "Thời hạn tối đa là 365 ngày."),
        ("Tập lệnh", "mười", "Thời hạn phải là một số ngày."),
    ],
)
def test_bad_input_on_the_page_creates_nothing(login_client, name, days, message):
    response = login_client("dn.baocao").post(PAGE, {"name": name, "days": days})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_administrator_creates_and_revokes_a_token_for_a_user(login_client):
    admin = login_client("admin")
    secret = _create_on_page(admin, page=MANAGE, username="dn.baocao", name="Văn phòng điện tử")
    token = ApiToken.objects.get()
    assert (token.user.username, token.created_by.username) == ("dn.baocao", "admin")
    assert _api(secret).json()["username"] == "dn.baocao"
    assert "dn.baocao" in admin.get(MANAGE).content.decode()
    assert admin.post(f"{PAGE}{token.pk}/thu-hoi/", {"from": "manage"})["Location"] == MANAGE
    assert _api(secret).status_code == 401


def test_no_one_else_manages_a_users_tokens(login_client, bearer):
    bearer("dn.baocao")
    token = ApiToken.objects.get()
    coordinator = login_client("dn.dieuphoi")
    assert coordinator.get(MANAGE).status_code == 403
    assert coordinator.post(f"{PAGE}{token.pk}/thu-hoi/").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_cannot_make_another_token(bearer):
    response = Client().post(
        "/api/tokens",
        {"name": "mã mới", "days": 365},
        content_type="application/json",
        headers=bearer("dn.baocao"),
    )
    assert response.status_code == 401
    assert ApiToken.objects.count() == 1
