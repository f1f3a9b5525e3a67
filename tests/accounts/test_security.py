"""A real deployment: the client's address behind trusted proxies only, login throttling with
growing delays that say how long to wait, every login, logout and refusal audited,
"Quên mật khẩu" and an administrator's reset (both audited), HTTPS settings by environment."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.checks import run_checks
from django.test import Client

from danvan.accounts.models import LoginFailure
from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role
from danvan.audit.models import AuditEvent
from danvan.demo.loader import DEMO_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"
NOON = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)
NEW_PASSWORD = "Song-Han#Moi-2026"


def attempt(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def events(action, **filters):
    return list(
        AuditEvent.objects.filter(action=action, **filters)
        .order_by("id")
        .values_list("object_id", "summary")
    )


@pytest.fixture
def throttling(settings):
    settings.DANVAN_LOGIN_MAX_FAILURES = 3
    settings.DANVAN_LOGIN_FIRST_DELAY_SECONDS = 30
    settings.DANVAN_LOGIN_WINDOW_SECONDS = 900
    return settings


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(db, settings):
    settings.DANVAN_TRUSTED_PROXIES = ["10.0.0.0/8"]
    behind_proxy = {"REMOTE_ADDR": "10.1.2.3", "HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.7"}
    attempt(Client(), "dn.xem", "sai", **behind_proxy)
    # From the right: the proxy saw 203.0.113.7; what the client wrote on the left is ignored.
    direct = {"REMOTE_ADDR": "192.0.2.50", "HTTP_X_FORWARDED_FOR": "203.0.113.99"}
    attempt(Client(), "dn.xem", "sai", **direct)
    chained = {"REMOTE_ADDR": "10.1.2.3", "HTTP_X_FORWARDED_FOR": "203.0.113.8, 10.9.9.9"}
    attempt(Client(), "dn.xem", "sai", **chained)
    assert list(LoginFailure.objects.order_by("id").values_list("ip_address", flat=True)) == [
        "203.0.113.7",
        "192.0.2.50",  # not a trusted proxy: its X-Forwarded-For is not believed
        "203.0.113.8",  # two proxies of ours in the chain
    ]
    assert events("accounts.login.failed") == [
        ("dn.xem", "203.0.113.7"),
        ("dn.xem", "192.0.2.50"),
        ("dn.xem", "203.0.113.8"),
    ]


def test_behind_the_proxy_one_client_does_not_lock_out_the_others(db, throttling):
    throttling.DANVAN_TRUSTED_PROXIES = ["127.0.0.1"]
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    with time_machine.travel(NOON, tick=False):
        for _ in range(20):
            attempt(Client(), "admin", "doan-mo", **attacker)
        refused = attempt(Client(), "admin", DEMO_PASSWORD, **attacker)
        assert refused.status_code == 400
        assert "Vui lòng chờ" in refused.content.decode()
        # The real administrator, from their own address behind the same proxy, gets in.
        office = {"HTTP_X_FORWARDED_FOR": "198.51.100.20"}
        assert attempt(Client(), "admin", DEMO_PASSWORD, **office).status_code == 302
        assert attempt(Client(), "dn.xem", DEMO_PASSWORD, **office).status_code == 302


def test_delays_grow_with_each_failure_and_say_how_long_to_wait(client, db, throttling):
    start = NOON
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            assert "không đúng" in attempt(client, "dn.lanhdao", "sai").content.decode()
        refused = attempt(client, "dn.lanhdao", DEMO_PASSWORD)
        assert refused.status_code == 400
        assert (
            "Đăng nhập sai nhiều lần. Vui lòng chờ 30 giây rồi thử lại." in refused.content.decode()
        )
        clock.move_to(start + dt.timedelta(seconds=10))
        assert (
            "Vui lòng chờ 20 giây rồi thử lại."
            in attempt(client, "dn.lanhdao", DEMO_PASSWORD).content.decode()
        )
        # The delay is over: one more try; it fails, and the next delay is twice as long.
        clock.move_to(start + dt.timedelta(seconds=30))
        assert "không đúng" in attempt(client, "dn.lanhdao", "sai").content.decode()
        assert (
            "Vui lòng chờ 1 phút rồi thử lại."
            in attempt(client, "dn.lanhdao", DEMO_PASSWORD).content.decode()
        )
        clock.move_to(start + dt.timedelta(seconds=30 + 60))
        attempt(client, "dn.lanhdao", "sai")
        assert (
            "Vui lòng chờ 2 phút rồi thử lại."
            in attempt(client, "dn.lanhdao", DEMO_PASSWORD).content.decode()
        )
        # Waiting it out, the right password gets in (no lock held beyond the delay).
        clock.move_to(start + dt.timedelta(seconds=30 + 60 + 120))
        assert attempt(client, "dn.lanhdao", DEMO_PASSWORD).status_code == 302
    assert len(events("accounts.login.failed", object_id="dn.lanhdao")) == 5
    assert len(events("accounts.login.throttled", object_id="dn.lanhdao")) == 4
    assert len(events("accounts.login", actor__username="dn.lanhdao")) == 1


def test_one_address_trying_many_accounts_is_slowed_too(db, throttling):
    with time_machine.travel(NOON, tick=False):
        for number in range(12):  # 4 × the per-account bar, spread over many names
            attempt(Client(), f"khong-co-{number}", "sai")
        refused = attempt(Client(), "dn.xem", DEMO_PASSWORD)
        assert "Vui lòng chờ 30 giây rồi thử lại." in refused.content.decode()
        other = attempt(Client(), "dn.xem", DEMO_PASSWORD, REMOTE_ADDR="192.0.2.8")
        assert other.status_code == 302


def test_logins_and_logouts_are_audited_with_the_address(client, db):
    attempt(client, "dn.xem", DEMO_PASSWORD)
    client.post("/tai-khoan/dang-xuat/")
    viewer = get_user_model().objects.get(username="dn.xem")
    assert events("accounts.login", actor=viewer) == [(str(viewer.pk), "127.0.0.1")]
    assert events("accounts.logout", actor=viewer) == [(str(viewer.pk), "127.0.0.1")]


def reset_link_in(message) -> str:
    return re.search(r"https?://\S+/tai-khoan/dat-lai-mat-khau/\S+/", message.body).group(0)


def choose_password(client, link, password=NEW_PASSWORD):
    path = link.split("://", 1)[1].split("/", 1)[1]
    form = client.get(f"/{path}", follow=True)
    return form, client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else f"/{path}",
        {"new_password1": password, "new_password2": password},
    )


def test_forgotten_password_by_a_time_limited_link(client, db, settings):
    settings.DANVAN_SITE_URL = "https://danvan.example.vn"
    viewer = get_user_model().objects.get(username="dn.xem")
    viewer.email = "tuan.pm@example.vn"
    viewer.save()
    page = client.get("/tai-khoan/quen-mat-khau/")
    assert "Quên mật khẩu" in page.content.decode()
    assert "/tai-khoan/quen-mat-khau/" in client.get(LOGIN).content.decode()
    with time_machine.travel(NOON, tick=False):
        sent = client.post("/tai-khoan/quen-mat-khau/", {"email": "Tuan.PM@example.vn"})
        unknown = client.post("/tai-khoan/quen-mat-khau/", {"email": "ai-do@example.vn"})
    # The same answer whether or not the address has an account; one e-mail, to the account.
    assert sent.status_code == unknown.status_code == 302
    assert sent["Location"] == unknown["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    assert [message.to for message in mail.outbox] == [["tuan.pm@example.vn"]]
    message = mail.outbox[0]
    assert message.subject == "Đặt lại mật khẩu — Hệ thống thông tin công tác dân vận"
    assert "tài khoản dn.xem" in message.body and "trong 60 phút" in message.body
    link = reset_link_in(message)
    assert link.startswith("https://danvan.example.vn/tai-khoan/dat-lai-mat-khau/")
    assert events("accounts.password.reset_requested") == [
        (str(viewer.pk), "127.0.0.1"),
        ("", "127.0.0.1"),
    ]
    # After the hour, the link no longer works.
    with time_machine.travel(NOON + dt.timedelta(hours=1, minutes=1), tick=False):
        expired, _ = choose_password(Client(), link)
        assert "không hợp lệ, đã dùng hoặc đã hết hạn" in expired.content.decode()
    with time_machine.travel(NOON + dt.timedelta(minutes=20), tick=False):
        weak, _ = choose_password(Client(), link, "abc")
        form, done = choose_password(Client(), link)
        assert done.status_code == 302 and done["Location"] == "/tai-khoan/dat-lai-mat-khau/xong/"
        again, _ = choose_password(Client(), link, "Mot-Lan-Nua#2026")
        assert "không hợp lệ, đã dùng hoặc đã hết hạn" in again.content.decode()
    viewer.refresh_from_db()
    assert viewer.check_password(NEW_PASSWORD)
    assert events("accounts.password.reset", actor=viewer) == [(str(viewer.pk), "127.0.0.1")]
    assert attempt(Client(), "dn.xem", NEW_PASSWORD).status_code == 302


def test_a_bad_address_is_refused_in_vietnamese(client, db):
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "khong-phai-thu"})
    assert response.status_code == 400
    assert "Địa chỉ thư điện tử không hợp lệ." in response.content.decode()
    assert mail.outbox == [] and events("accounts.password.reset_requested") == []


def test_an_administrator_resets_a_password_and_the_old_one_stops_working(client, db):
    create_user(SYSTEM, "dn.quantri", NEW_PASSWORD, full_name="Đỗ Văn Quản")
    grant_role(SYSTEM, "dn.quantri", "DN-TU", "admin")
    reporter = get_user_model().objects.get(username="dn.baocao")
    reporter.email = "binh.lv@example.vn"
    reporter.save()
    reporter_session = Client()
    attempt(reporter_session, "dn.baocao", DEMO_PASSWORD)
    attempt(client, "dn.quantri", NEW_PASSWORD)
    assert 'id="admin-reset"' in client.get("/tai-khoan/phan-quyen/").content.decode()
    response = client.post("/tai-khoan/phan-quyen/dat-lai-mat-khau/", {"username": "dn.baocao"})
    assert response.status_code == 200
    shown = re.search(r'<code id="reset-link">([^<]+)</code>', response.content.decode()).group(1)
    assert [message.to for message in mail.outbox] == [["binh.lv@example.vn"]]
    assert reset_link_in(mail.outbox[0]) == shown
    assert "Quản trị viên Đỗ Văn Quản đã đặt lại mật khẩu" in mail.outbox[0].body
    # The old password and the open session end at once.
    assert attempt(Client(), "dn.baocao", DEMO_PASSWORD).status_code == 400
    assert reporter_session.get("/").status_code == 302
    _, done = choose_password(Client(), shown)
    assert done.status_code == 302
    assert attempt(Client(), "dn.baocao", NEW_PASSWORD).status_code == 302
    admin = get_user_model().objects.get(username="dn.quantri")
    assert events("accounts.password.admin_reset", actor=admin) == [(str(reporter.pk), "dn.baocao")]


def test_only_an_administrator_of_the_persons_units_may_reset(client, db):
    attempt(client, "dn.dieuphoi", DEMO_PASSWORD)
    refused = client.post("/tai-khoan/phan-quyen/dat-lai-mat-khau/", {"username": "dn.baocao"})
    assert refused.status_code == 403
    assert "Bạn không có quyền phân quyền" in refused.content.decode()
    assert (
        client.post("/tai-khoan/phan-quyen/dat-lai-mat-khau/", {"username": "khong-co"}).status_code
        == 403
    ), "nobody but an administrator learns who has an account"
    administrator = Client()
    attempt(administrator, "admin", DEMO_PASSWORD)
    missing = administrator.post(
        "/tai-khoan/phan-quyen/dat-lai-mat-khau/", {"username": "khong-co"}
    )
    assert missing.status_code == 400
    assert "Không tìm thấy người dùng &#x27;khong-co&#x27;." in missing.content.decode()
    assert get_user_model().objects.get(username="dn.baocao").check_password(DEMO_PASSWORD)
    assert mail.outbox == [] and events("accounts.password.admin_reset") == []


def test_https_settings_switch_on_by_environment(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    plain = Client().get(LOGIN)
    assert plain.status_code == 301 and plain["Location"] == f"https://testserver{LOGIN}"
    secure = Client().get(LOGIN, secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def deploy_check(tmp_path, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DANVAN_") or key == "DATABASE_URL"
    }
    return subprocess.run(
        [str(Path(sys.executable).with_name("danvan")), "check", "--deploy"],
        env={**base, "DANVAN_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_production_environment(tmp_path, db):
    production = deploy_check(
        tmp_path,
        DANVAN_HSTS_SECONDS="31536000",
        DANVAN_SSL_REDIRECT="1",
        DANVAN_SECURE_COOKIES="1",
        DANVAN_ALLOWED_HOSTS="danvan.example.vn",
    )
    assert "System check identified no issues (0 silenced)." in production.stdout, (
        production.stdout + production.stderr
    )
    # Without that environment (as in this test run), the same check warns.
    found = {message.id for message in run_checks(include_deployment_checks=True)}
    assert {"security.W004", "security.W008", "security.W012", "security.W016"} <= found


def test_the_admin_site_signs_in_through_the_throttled_login_page(client, db):
    response = client.get("/quan-tri/login/?next=/quan-tri/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/dang-nhap/?next=")
    attempt(client, "admin", DEMO_PASSWORD)
    assert client.get("/quan-tri/").status_code == 200


def test_forgotten_password_requests_are_limited_per_address_and_per_mailbox(client, db):
    viewer = get_user_model().objects.get(username="dn.xem")
    viewer.email = "tuan.pm@example.vn"
    viewer.save()
    url = "/tai-khoan/quen-mat-khau/"
    with time_machine.travel(NOON, tick=False):
        answers = [client.post(url, {"email": "tuan.pm@example.vn"}).status_code for _ in range(5)]
        refused = client.post(url, {"email": "ai-khac@example.vn"})
    # Five requests from one address within the hour: all answered alike, three links sent
    # (the mailbox's limit), the sixth request refused with how long to wait.
    assert answers == [302] * 5
    assert len(mail.outbox) == 3
    assert refused.status_code == 429
    assert "hãy thử lại sau 60 phút" in refused.content.decode()
    assert len(events("accounts.password.reset_requested")) == 5
    # From another address the mailbox still receives nothing more within the hour...
    other = Client(REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(NOON + dt.timedelta(minutes=30), tick=False):
        assert other.post(url, {"email": "tuan.pm@example.vn"}).status_code == 302
    assert len(mail.outbox) == 3
    # ...and after the hour both limits have passed.
    with time_machine.travel(NOON + dt.timedelta(minutes=61), tick=False):
        assert client.post(url, {"email": "tuan.pm@example.vn"}).status_code == 302
    assert len(mail.outbox) == 4
