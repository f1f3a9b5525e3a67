"""/api/docs in a real browser under the site's own Content-Security-Policy: Swagger UI is
served from the installed package (no CDN, no inline script) and lists the operations."""

import pytest


@pytest.mark.browser
def test_swagger_ui_lists_the_operations_without_a_csp_error(
    live_server, transactional_db, browser
):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    try:
        response = page.goto(f"{live_server.url}/api/docs")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "<script>" not in page.content().split("</head>")[0]
        # Operations from several routers, with their Vietnamese summaries.
        page.wait_for_selector(".opblock-summary-path", timeout=15000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert "/api/reporting/assignments/{assignment_id}/submit" in [
            p.replace("\u200b", "") for p in paths
        ]
        assert page.get_by_text("Nộp báo cáo", exact=True).first.is_visible()
        assert page.get_by_text("Danvan API").first.is_visible()
        # Both ways to authenticate are offered.
        page.get_by_role("button", name="Authorize").click()
        dialog = page.locator(".dialog-ux")
        dialog.get_by_text("BearerToken").wait_for()
        assert dialog.get_by_text("SessionCookie").is_visible()
    finally:
        context.close()
    assert problems == []
    assert outside == []
