"""A coordinator looks at the Đà Nẵng tree before and after the 2025 reform, in a browser."""

import pytest

pytestmark = pytest.mark.browser


def test_coordinator_sees_the_board_before_and_the_merged_board_after_the_reform(
    page, site, log_in
):
    log_in(page, site, "dn.dieuphoi")
    assert "Thành ủy Đà Nẵng" in page.inner_text("main")
    page.click("nav >> text=Cây đơn vị")
    page.fill("input[name=ngay]", "2022-06-30")
    page.click("form.toolbar button[type=submit]")
    page.wait_for_url("**ngay=2022-06-30")
    tree = page.inner_text("#unit-tree")
    assert page.inner_text("h1") == "Cây đơn vị vào ngày 30/06/2022"
    assert "Ban Dân vận Thành ủy Đà Nẵng" in tree
    assert "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" not in tree
    assert "Quận ủy Hải Châu" in tree

    page.fill("input[name=ngay]", "2025-12-31")
    page.click("form.toolbar button[type=submit]")
    page.wait_for_url("**ngay=2025-12-31")
    tree = page.inner_text("#unit-tree")
    assert "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" in tree
    assert "Ban Dân vận Thành ủy Đà Nẵng" not in tree
    assert "Quận ủy Hải Châu" not in tree

    page.click("#unit-tree >> text=Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng")
    came_from = page.inner_text("#came-from")
    assert "Ban Dân vận Thành ủy Đà Nẵng" in came_from
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Nam" in came_from


def test_reporter_with_two_units_switches_between_them(page, site, log_in):
    log_in(page, site, "ct.baocao")
    # By default the unit that exists today; the dissolved bloc committee is one switch away.
    assert "tại Đảng ủy các cơ quan Đảng thành phố Cần Thơ" in page.inner_text("main")
    page.select_option(
        "#unit-switcher",
        label="Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ — Cán bộ báo cáo",
    )
    page.click("form.switcher button[type=submit]")
    page.wait_for_load_state()
    assert "tại Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ" in page.inner_text("main")


def test_the_shell_fits_a_phone_screen(browser, site, log_in):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="vi-VN")
    phone = context.new_page()
    log_in(phone, site, "dn.xem")
    phone.goto(f"{site}/don-vi/?ngay=2022-06-30")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0, f"page is {overflow}px wider than the phone screen"
