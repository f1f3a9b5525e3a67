"""/api/docs in a real browser under the site's own Content-Security-Policy: Swagger UI is
served from the installed package (no CDN, no inline script), lists the operations and offers
both ways to authenticate; the `page` fixture fails the test on any console error (a CSP
refusal included)."""

import pytest

pytestmark = pytest.mark.browser


def test_swagger_ui_lists_the_operations_under_the_sites_csp(live_server, transactional_db, page):
    outside: list[str] = []
    page.on(
        "request", lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url)
    )
    response = page.goto(f"{live_server.url}/api/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "<script>" not in page.content()
    page.wait_for_selector(".opblock-summary-path", timeout=60000)
    paths = [
        p.replace("\u200b", "") for p in page.locator(".opblock-summary-path").all_inner_texts()
    ]
    assert "/api/reporting/assignments/{assignment_id}/submit" in paths
    assert "/api/registry/documents" in paths
    assert "/api/issuing/consolidations/{request_id}" in paths
    assert page.get_by_text("Nộp báo cáo", exact=True).first.is_visible()
    page.get_by_role("button", name="Authorize").click()
    dialog = page.locator(".dialog-ux")
    dialog.get_by_text("BearerToken").wait_for()
    assert dialog.get_by_text("SessionCookie").is_visible()
    assert outside == []
