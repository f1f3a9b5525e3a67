"""In a browser: "Quên mật khẩu?" from the login page, the e-mailed link, a new password,
and signing in with it; an administrator's reset shows the link once."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from danvan.demo.loader import DEMO_PASSWORD, load_demo

pytestmark = pytest.mark.browser
NEW_PASSWORD = "Song-Han#Moi-2026"


@pytest.fixture
def site(live_server, transactional_db, settings):
    load_demo()  # a transactional test may find the database emptied by an earlier one
    settings.DANVAN_SITE_URL = live_server.url
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    # The live server's first answer loads every URL module; on a busy machine that is slow.
    context.set_default_timeout(120_000)
    yield context.new_page()
    context.close()


def sign_in(page, site, username, password):
    page.context.clear_cookies()
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")


def test_forgotten_password_then_an_administrators_reset(page, site):
    viewer = get_user_model().objects.get(username="dn.xem")
    viewer.email = "tuan.pm@example.vn"
    viewer.save()
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.click("text=Quên mật khẩu?")
    page.fill("input[name=email]", "tuan.pm@example.vn")
    page.click("main button[type=submit]")
    assert "Kiểm tra hộp thư" in page.inner_text("main h1")
    [message] = mail.outbox
    link = re.search(r"https?://\S+/tai-khoan/dat-lai-mat-khau/\S+/", message.body).group(0)
    page.goto(link)
    page.fill("input[name=new_password1]", NEW_PASSWORD)
    page.fill("input[name=new_password2]", NEW_PASSWORD)
    page.click("main button[type=submit]")
    assert page.inner_text("main h1") == "Đã đặt mật khẩu mới"
    page.click("main >> text=Đăng nhập")
    sign_in(page, site, "dn.xem", NEW_PASSWORD)
    page.wait_for_url(f"{site}/")

    sign_in(page, site, "admin", DEMO_PASSWORD)
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/tai-khoan/phan-quyen/")
    page.fill("#reset-username", "dn.xem")
    page.click("#admin-reset button")
    shown = page.inner_text("#reset-link")
    assert shown.startswith(f"{site}/tai-khoan/dat-lai-mat-khau/")
    sign_in(page, site, "dn.xem", NEW_PASSWORD)
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.inner_text("main")
