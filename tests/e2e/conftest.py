"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

import pytest

from danvan.demo.loader import DEMO_PASSWORD, load_demo


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo loaded (transactional tests start from an empty database)."""
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
