"""In a browser, the whole half-year review of a programme: the board issues it from the plans,
the police's reporter enters the commitments' progress from the report's page and submits, the
board accepts, and exports the joint report as a numbered, signed DOCX, read back by the
project's reader."""

from __future__ import annotations

import pytest

from danvan.ingest import parse_bytes
from danvan.programmes.models import Instrument, Progress
from danvan.reporting.models import Assignment

pytestmark = pytest.mark.browser


def test_a_half_year_review_from_issuing_to_the_signed_docx(page, site, log_in):
    police = Instrument.objects.get(symbol="07-CTr/BDVTU-CATP")
    log_in(page, site, "dn.dieuphoi")
    page.goto(f"{site}/chuong-trinh-phoi-hop/so-ket/")
    with page.expect_navigation():
        page.click("#issue-review")
    page.select_option("select[name=instruments]", [str(police.pk)])
    page.select_option("select[name=kind]", "half_year")
    page.fill("input[name=period]", "2022S2")
    page.fill("input[name=deadline]", "2026-12-30")
    with page.expect_navigation():
        page.click("main button.primary")
    assert "Các bên báo cáo" in page.inner_text("main")
    assignment = Assignment.objects.get(
        request__programme_reviews__instrument=police,
        request__period__code="2022S2",
        unit__code="DN-CATP",
    )

    # The police's reporter: from the report's page to the progress page and back.
    log_in(page, site, "dn.baocao")
    page.goto(f"{site}/bao-cao/nop/{assignment.pk}/")
    with page.expect_navigation():
        page.click("#register-links a:has-text('Tiến độ các nhiệm vụ phối hợp')")
    rows = page.locator("#progress-rows tbody tr")
    assert rows.count() == 1
    select = page.locator("#progress-rows select").first
    select.select_option("hoan_thanh")
    page.locator("#progress-rows input[name^=value-]").first.fill("8.692")
    page.locator("#progress-rows textarea[name^=narrative-]").first.fill(
        "Đăng tải 8.692 tin, bài tuyên truyền phòng, chống tội phạm."
    )
    with page.expect_navigation():
        page.click("#save-progress")
    assert "Đã lưu tiến độ 1 nhiệm vụ phối hợp." in page.inner_text("main")
    page.goto(f"{site}/bao-cao/nop/{assignment.pk}/")
    page.fill(
        "textarea[name='section:phoi-hop-trien-khai']",
        "Công an thành phố phối hợp triển khai kế hoạch năm 2022 với Ban Dân vận Thành ủy.",
    )
    page.fill("input[name='value:ctp_hd_hoi_nghi']", "3")
    with page.expect_navigation():
        page.click("button[value=submit]")

    # The board accepts, then exports the joint report, numbered and signed.
    log_in(page, site, "dn.dieuphoi")
    page.goto(f"{site}/bao-cao/nop/{assignment.pk}/")
    with page.expect_navigation():
        page.click("button:has-text('Tiếp nhận')")
    assert Progress.objects.get(submission__assignment=assignment).accepted
    page.goto(f"{site}/chuong-trinh-phoi-hop/so-ket/{assignment.request_id}/")
    assert "Công an thành phố phối hợp triển khai" in page.inner_text("#joint-report")
    with page.expect_navigation():
        page.click("#export-joint-report")
    page.check("input[name=allocate]")
    page.fill("input[name=signer_name]", "Mai Thị Thu")
    with page.expect_download() as caught:
        page.click("button.primary")
    download = caught.value
    assert download.suggested_filename.endswith("-so-01.docx")
    with open(download.path(), "rb") as handle:
        parsed = parse_bytes(handle.read(), "so-ket.docx").to_dict()
    assert parsed["closing"]["signature"]["name"] == "Mai Thị Thu"
    outline = parsed["outline"]
    assert [s["label"] for s in outline] == ["I", "II", "III", "IV"]
    opening = " ".join(p["text"] for p in outline[0]["paragraphs"])
    assert "Công an thành phố phối hợp triển khai kế hoạch năm 2022" in opening
    results = " ".join(p["text"] for g in outline[1]["children"] for p in g["paragraphs"])
    assert "hoàn thành (8.692" in results
