"""Shared fixtures. The demo data are loaded once per test database (through the same import
service a user calls), and every ordinary test runs in a transaction rolled back after it."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth import get_user_model

from danvan.demo.loader import DEMO_PASSWORD, load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def demo_user(db):
    def get(username: str):
        return get_user_model().objects.get(username=username)

    return get


@pytest.fixture
def login_client(client, demo_user):
    """A test client logged in as one of the demo users (by the real login page)."""

    def log_in(username: str):
        response = client.post(
            "/tai-khoan/dang-nhap/", {"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, response.content.decode()[:500]
        return client

    return log_in


@pytest.fixture
def bearer(demo_user):
    """`Authorization` headers for a new 30-day personal API token of a demo user."""
    from danvan.tokens import services as token_services

    def make(username: str) -> dict:
        user = demo_user(username)
        created = token_services.create_token(user, user, "tập lệnh thử", 30)
        return {"Authorization": f"Bearer {created.secret}"}

    return make


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, one for the whole run (browser tests in any folder)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # between page actions are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


class ConsoleErrors(list):
    """Errors the page printed to its console (a CSP refusal, a failed load, a script error)."""


@pytest.fixture
def page(browser):
    """A fresh browser tab; the test fails if the page logged any console error or threw."""
    context = browser.new_context(locale="vi-VN")
    tab = context.new_page()
    errors = ConsoleErrors()
    tab.on(
        "console",
        lambda m: (
            errors.append(f"{m.text} ({m.location.get('url', '')})") if m.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    tab.console_errors = errors
    yield tab
    context.close()
    if errors:
        pytest.fail(
            "Lỗi trong bảng điều khiển của trình duyệt:\n" + "\n".join(errors), pytrace=False
        )


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo loaded (a transactional test starts from a database
    emptied by the one before; load_demo writes the migrations' reference data again)."""
    load_demo()
    return live_server.url


@pytest.fixture
def log_in():
    """Log a demo user in through the login page (a fresh session each time)."""

    def go(page, site, username, password=DEMO_PASSWORD):
        page.context.clear_cookies()
        page.goto(f"{site}/tai-khoan/dang-nhap/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("main button[type=submit]")
        page.wait_for_url(f"{site}/")

    return go
