"""In a browser, a board records a programme: the programme is created, its parties added,
and it is signed (the refusals of bad input are tested through the test client: their 400
answers would count as console errors here)."""

import pytest

from danvan.programmes.models import Instrument, InstrumentState

pytestmark = pytest.mark.browser


def test_a_coordinator_creates_and_signs_a_programme(page, site, log_in):
    log_in(page, site, "dn.dieuphoi")
    page.goto(f"{site}/chuong-trinh-phoi-hop/")
    with page.expect_navigation():
        page.click("#new-instrument")
    form = page.locator("#instrument-form")
    form.locator("select[name=kind]").select_option("chuong_trinh")
    form.locator("select[name=owner]").select_option(
        label="Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng"
    )
    form.locator("input[name=symbol]").fill("21-CTr/BTGDVTU-CATP")
    form.locator("textarea[name=title]").fill(
        "Chương trình phối hợp công tác dân vận với Công an thành phố giai đoạn 2026 - 2030"
    )
    form.locator("input[name=signed_on]").fill("2026-03-01")
    form.locator("input[name=valid_from]").fill("2026-03-01")
    form.locator("input[name=valid_to]").fill("2030-12-31")
    with page.expect_navigation():
        page.locator("#instrument-form button[type=submit]").click()
    assert "Đã tạo Chương trình phối hợp 21-CTr/BTGDVTU-CATP" in page.inner_text("main")
    for name, role in (
        ("Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng", "thuong_truc"),
        ("Công an thành phố Đà Nẵng", "ky_ket"),
    ):
        party = page.locator("#party-form")
        party.locator("select[name=unit]").select_option(label=name)
        party.locator("select[name=role]").select_option(role)
        with page.expect_navigation():
            party.locator("button[type=submit]").click()
    assert page.locator("#parties tbody tr").count() == 2
    page.locator("#state-form select[name=target]").select_option("da_ky")
    with page.expect_navigation():
        page.locator("#state-form button[type=submit]").click()
    assert page.inner_text("#state") == "Đã ký"
    created = Instrument.objects.get(symbol="21-CTr/BTGDVTU-CATP")
    assert created.state == InstrumentState.DA_KY
    assert [p.unit.code for p in created.parties.order_by("order")] == ["DN-BTGDVTU", "DN-CATP"]
