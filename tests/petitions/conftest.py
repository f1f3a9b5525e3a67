"""Browser fixtures for this register's tests (as tests/e2e has them)."""

import pytest

from danvan.demo.loader import DEMO_PASSWORD, load_demo


@pytest.fixture
def site(live_server, transactional_db):
    load_demo()
    return live_server.url


@pytest.fixture
def log_in():
    def go(page, site, username, password=DEMO_PASSWORD):
        page.context.clear_cookies()
        page.goto(f"{site}/tai-khoan/dang-nhap/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("main button[type=submit]")
        page.wait_for_url(f"{site}/")

    return go
