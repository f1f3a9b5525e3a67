"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

import pytest

from danvan.demo.loader import DEMO_PASSWORD, load_demo


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback):
    """The live server with the demo loaded. A transactional test empties the database when it
    ends; serialized rollback puts back what the migrations wrote (the registers' catalogues,
    their indicators, the legal time limits) before the next one, as a migrated database has."""
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
