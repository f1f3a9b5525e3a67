"""A reporter makes a personal API token on their page, sees it once, calls the API with it
from outside the browser, then revokes it; the token stops working at once."""

import json
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def _me(site: str, secret: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{site}/api/accounts/me", headers={"Authorization": f"Bearer {secret}"}
    )
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as refused:
        return refused.code, json.load(refused)


def test_a_reporter_makes_uses_and_revokes_a_token(page, site, log_in):
    log_in(page, site, "dn.baocao")
    page.click("header >> text=Mã truy cập API")
    page.fill("input[name=name]", "Văn phòng điện tử")
    page.fill("input[name=days]", "30")
    page.click("main button[type=submit]")
    assert "mã chỉ hiện một lần" in page.inner_text("#new-token")
    secret = page.input_value("#token-secret")
    assert secret.startswith("dv_")

    status, me = _me(site, secret)
    assert status == 200 and me["username"] == "dn.baocao"

    page.goto(f"{site}/tai-khoan/ma-truy-cap/")
    assert secret not in page.content()
    row = page.locator("tr", has_text="Văn phòng điện tử")
    assert "Đang dùng" in row.inner_text()
    row.get_by_role("button", name="Thu hồi").click()
    page.wait_for_selector("text=Đã thu hồi mã truy cập; mã không dùng được nữa.")
    assert "Đã thu hồi" in page.locator("tr", has_text="Văn phòng điện tử").inner_text()

    status, refused = _me(site, secret)
    assert status == 401
    assert refused["detail"] == "Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi."
