"""Login, throttling, passwords, sessions and the security headers."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from danvan.accounts.models import LoginFailure
from danvan.audit.models import AuditEvent
from danvan.demo.loader import DEMO_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_with_the_right_password_lands_on_the_home_page(client, db):
    response = attempt(client, "dn.dieuphoi", DEMO_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/").content.decode()
    assert "Cán bộ điều phối (ban dân vận)" in home and "Thành ủy Đà Nẵng" in home


def test_wrong_password_gives_a_vietnamese_message(client, db):
    response = attempt(client, "dn.dieuphoi", "sai-mat-khau")
    assert response.status_code == 400
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_five_failures_lock_the_account_even_for_the_right_password(client, db, settings):
    settings.DANVAN_LOGIN_MAX_FAILURES = 5
    for _ in range(5):
        assert attempt(client, "dn.lanhdao", "doan-sai").status_code == 400
    locked = attempt(client, "dn.lanhdao", DEMO_PASSWORD)
    assert locked.status_code == 400
    assert "Đăng nhập sai nhiều lần. Vui lòng chờ" in locked.content.decode()
    assert AuditEvent.objects.filter(
        action="accounts.login.throttled", object_id="dn.lanhdao"
    ).exists()
    # Another account from the same address is not locked by these five.
    assert attempt(Client(), "dn.xem", DEMO_PASSWORD).status_code == 302


def test_the_lock_ends_when_the_window_has_passed(client, db, settings):
    settings.DANVAN_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        attempt(client, "dn.baocao", "doan-sai")
    assert attempt(client, "dn.baocao", DEMO_PASSWORD).status_code == 400
    LoginFailure.objects.update(
        at=timezone.now() - dt.timedelta(seconds=settings.DANVAN_LOGIN_WINDOW_SECONDS + 1)
    )
    assert attempt(client, "dn.baocao", DEMO_PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="dn.baocao").exists()


def test_passwords_are_hashed_with_argon2(db):
    assert get_user_model().objects.get(username="dn.xem").password.startswith("argon2$argon2id$")


def test_password_change_checks_the_old_one_and_the_policy(client, db):
    attempt(client, "dn.xem", DEMO_PASSWORD)
    url = "/tai-khoan/doi-mat-khau/"
    wrong_old = client.post(
        url,
        {
            "old_password": "khong-dung",
            "new_password1": "Mat-khau#Moi-2026",
            "new_password2": "Mat-khau#Moi-2026",
        },
    )
    assert wrong_old.status_code == 400
    too_short = client.post(
        url, {"old_password": DEMO_PASSWORD, "new_password1": "abc", "new_password2": "abc"}
    )
    assert too_short.status_code == 400
    assert get_user_model().objects.get(username="dn.xem").check_password(DEMO_PASSWORD)
    ok = client.post(
        url,
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "Mat-khau#Moi-2026",
            "new_password2": "Mat-khau#Moi-2026",
        },
    )
    assert ok.status_code == 302
    assert get_user_model().objects.get(username="dn.xem").check_password("Mat-khau#Moi-2026")
    assert client.get("/").status_code == 200, "the session survives the password change"


def test_logout_needs_post_and_ends_the_session(client, db):
    attempt(client, "dn.xem", DEMO_PASSWORD)
    assert client.get("/tai-khoan/dang-xuat/").status_code == 405
    assert client.post("/tai-khoan/dang-xuat/").status_code == 302
    assert client.get("/").status_code == 302


def test_login_without_a_csrf_token_is_refused(db):
    strict = Client(enforce_csrf_checks=True)
    assert attempt(strict, "dn.xem", DEMO_PASSWORD).status_code == 403


def test_sessions_expire_when_idle_and_when_the_browser_closes(client, db, settings):
    attempt(client, "dn.xem", DEMO_PASSWORD)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["expires"] == "", "a browser-session cookie, not a persistent one"
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60


def test_pages_carry_secure_headers_and_a_content_security_policy(client, db):
    response = client.get(LOGIN)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert (
        "default-src 'self'" in policy
        and "script-src 'self'" in policy
        and "frame-ancestors 'none'" in policy
    )


def test_unit_switcher_only_accepts_the_users_own_memberships(client, db):
    attempt(client, "ct.baocao", DEMO_PASSWORD)
    home = client.get("/").content.decode()
    assert 'id="unit-switcher"' in home
    assert "tại <strong>Đảng ủy các cơ quan Đảng thành phố Cần Thơ</strong>" in home
    bloc = get_user_model().objects.get(username="ct.baocao").memberships.get(unit__code="CT-DUK")
    switched = client.post(
        "/chuyen-don-vi/", {"membership": bloc.pk, "next": "https://example.org/"}
    )
    assert switched.status_code == 302 and switched["Location"] == "/", "no redirect off the site"
    home = client.get("/").content.decode()
    assert "tại <strong>Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ</strong>" in home
    someone_elses = get_user_model().objects.get(username="dn.xem").memberships.get()
    refused = client.post("/chuyen-don-vi/", {"membership": someone_elses.pk})
    assert refused.status_code == 403
    assert "Bạn không có vai trò tại đơn vị này." in refused.content.decode()
