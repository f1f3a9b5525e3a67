"""The "Xuất văn bản" pages: the form, the downloaded DOCX read back with python-docx, a PDF, the
errors in Vietnamese, and who may export what."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from django.test import Client
from django.utils import timezone

from danvan.audit.models import AuditEvent
from danvan.registry.models import Document, IssuedNumber
from danvan.reporting.models import Assignment, ReportRequest
from reporting.cycle import PASSWORD, make_user

pytestmark = pytest.mark.django_db

DA_NANG_TITLE = (
    "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def da_nang_request():
    return ReportRequest.objects.get(title=DA_NANG_TITLE)


def can_tho_request():
    return ReportRequest.objects.get(request_document__symbol="644-CV/BDVTU")


def police_assignment():
    return Assignment.objects.get(request__title=DA_NANG_TITLE, unit__code="DN-CATP")


def bloc_assignment():
    return Assignment.objects.get(
        request__request_document__symbol="644-CV/BDVTU", unit__code="CT-DUK"
    )


def consolidation_url(request):
    return f"/van-ban/tong-hop/{request.pk}/xuat/"


def submission_url(assignment):
    return f"/van-ban/bao-cao/{assignment.pk}/xuat/"


def form(**changes):
    data = {
        "day": "2022-06-20",
        "place": "Đà Nẵng",
        "number": "",
        "suggested": "1",
        "recipients": "Ban Dân vận Trung ương (b/c),\nThường trực Thành ủy (b/c)\nLưu VT, P.DVNN",
        "authority": "K/T TRƯỞNG BAN",
        "signer_title": "PHÓ TRƯỞNG BAN",
        "signer_name": "Mai Thị Thu",
        "layout": "auto",
        "fmt": "docx",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def lines(content: bytes) -> list[str]:
    """Every paragraph of the DOCX, table cells included, in document order."""
    document = docx.Document(io.BytesIO(content))
    found = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found.append(docx.text.paragraph.Paragraph(child, document).text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    found.extend(p.text for p in cell.paragraphs)
    return [line for line in found if line.strip()]


def downloaded(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[-2000:]
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return lines(response.content)


def test_the_page_suggests_the_next_number_and_the_names_of_the_day(login_client):
    client = login_client("dn.dieuphoi")
    request = da_nang_request()
    page = client.get(consolidation_url(request))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Xuất văn bản" in html
    # Today (2026) the board is the merged one; its register in this term is empty.
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN" in html
    assert '<dd id="suggested-number">01</dd>' in html
    assert 'name="number" value="1"' in html
    assert "K/T TRƯỞNG BAN" in html and "PHÓ TRƯỞNG BAN" in html
    assert "Thường trực Thành ủy (b/c)\nLưu VT</textarea>" in html
    assert "nhiệm kỳ 2025-2030" in html


def test_a_2022_consolidation_downloads_as_a_numbered_party_report(login_client):
    client = login_client("dn.dieuphoi")
    request = da_nang_request()
    text = downloaded(client.post(consolidation_url(request), form(allocate="on")))
    assert text[:2] == ["THÀNH ỦY ĐÀ NẴNG", "BAN DÂN VẬN"]
    assert "Số 01-BC/BDVTU" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Đà Nẵng, ngày 20 tháng 6 năm 2022" in text
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022" in text
    # The outline's order; "1. Ưu điểm" and "III. Nhiệm vụ…" have no text from any unit and
    # are left out.
    headings = [line for line in text if line[:3] in ("I. ", "II.", "1. ", "2. ", "III")]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP",
        "II. ĐÁNH GIÁ CHUNG",
        "2. Hạn chế",
    ]
    closing = text.index("Nơi nhận:")
    # Dated 2022: HD 36's punctuation ("," after each entry, "." after the last).
    assert text[closing : closing + 4] == [
        "Nơi nhận:",
        "- Ban Dân vận Trung ương (b/c),",
        "- Thường trực Thành ủy (b/c),",
        "- Lưu VT, P.DVNN.",
    ]
    assert text[closing + 4 : closing + 7] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Mai Thị Thu"]
    # The figures follow in their Phụ lục.
    assert text[closing + 7 : closing + 10] == [
        "PHỤ LỤC",
        "SỐ LIỆU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2022",
        "(Kèm theo Báo cáo số 01-BC/BDVTU ngày 20/6/2022)",
    ]
    assert "1.868" in text[closing:] and "1.868" not in text[:closing]
    document = Document.objects.get(symbol="01-BC/BDVTU")
    assert (document.issuer_unit.code, str(document.date), document.kind) == (
        "DN-BDVTU",
        "2022-06-20",
        "Báo cáo",
    )
    assert (
        document.title
        == "Kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
    )
    # The next one gets 02, and the page (dated today, 2026: a new term) says 01 for the new board.
    assert (
        '<dd id="suggested-number">01</dd>'
        in client.get(consolidation_url(request)).content.decode()
    )
    second = downloaded(
        client.post(consolidation_url(request), form(allocate="on", suggested="2", number="2"))
    )
    assert "Số 02-BC/BDVTU" in second


def test_a_2026_consolidation_is_issued_by_the_merged_board_under_hd05(login_client):
    client = login_client("dn.lanhdao")
    text = downloaded(
        client.post(
            consolidation_url(da_nang_request()),
            form(day="2026-11-23", allocate="on", number="1", suggested="1"),
        )
    )
    assert text[:3] in (
        ["THÀNH ỦY ĐÀ NẴNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*"],
        ["THÀNH ỦY ĐÀ NẴNG", "BAN TUYÊN GIÁO", "VÀ DÂN VẬN"],
    )
    assert "Số 01-BC/BTGDVTU" in text
    assert "Đà Nẵng, ngày 23 tháng 11 năm 2026" in text
    # HD 05: ";" after each recipient and "." after the last, whatever the user typed.
    index = text.index("Nơi nhận:")
    assert text[index : index + 4] == [
        "Nơi nhận:",
        "- Ban Dân vận Trung ương (b/c);",
        "- Thường trực Thành ủy (b/c);",
        "- Lưu VT, P.DVNN.",
    ]
    assert IssuedNumber.objects.get(issuer__code="DN-BTGDVTU").series_key == "2025-2030"


def test_a_draft_has_a_blank_number_and_uses_none_up(login_client):
    client = login_client("dn.dieuphoi")
    text = downloaded(client.post(consolidation_url(da_nang_request()), form(number="7")))
    number_line = next(line for line in text if line.startswith("Số"))
    assert number_line.replace("\u00a0", " ").split() == ["Số", "-BC/BDVTU"]
    assert not IssuedNumber.objects.exists()
    assert not Document.objects.filter(symbol__endswith="-BC/BDVTU").exists()
    assert AuditEvent.objects.filter(
        action="documents.export", object_type="ReportRequest"
    ).exists()


def test_a_forced_layout_wins_over_the_date(login_client):
    client = login_client("dn.dieuphoi")
    text = downloaded(client.post(consolidation_url(da_nang_request()), form(layout="party")))
    assert "- Ban Dân vận Trung ương (b/c);" in text


def test_a_reporter_exports_the_units_submission_as_a_state_report(login_client):
    client = login_client("dn.baocao")
    assignment = police_assignment()
    page = client.get(submission_url(assignment))
    assert page.status_code == 200
    html = page.content.decode()
    assert "CÔNG AN THÀNH PHỐ ĐÀ NẴNG" in html
    assert "GIÁM ĐỐC" in html
    # The report's date by default: the day it was submitted.
    submitted = assignment.submission.first_submitted_at
    assert f'name="day" value="{timezone.localtime(submitted).date():%Y-%m-%d}"' in html
    text = downloaded(
        client.post(
            submission_url(assignment),
            form(
                day="2022-06-10",
                allocate="on",
                authority="",
                signer_title="GIÁM ĐỐC",
                signer_name="Nguyễn Văn A",
                recipients="Ban Dân vận Thành ủy (b/c)\nLưu VT",
            ),
        )
    )
    # A long name is set on two balanced lines.
    assert " ".join(text[:2]) == "CÔNG AN THÀNH PHỐ ĐÀ NẴNG"
    assert "Số: 01/BC-CATP" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP" in text
    assert "- Ban Dân vận Thành ủy (b/c);" in text and "- Lưu VT." in text
    assert IssuedNumber.objects.get(issuer__code="DN-CATP").series_key == "2022"


def test_the_submission_page_links_to_the_export_only_for_its_reporters(login_client):
    assignment = police_assignment()
    page = login_client("dn.baocao").get(f"/bao-cao/nop/{assignment.pk}/").content.decode()
    assert f'href="/van-ban/bao-cao/{assignment.pk}/xuat/"' in page


def test_the_submission_page_shows_no_export_link_to_a_viewer(login_client):
    assignment = police_assignment()
    page = login_client("dn.xem").get(f"/bao-cao/nop/{assignment.pk}/")
    assert page.status_code == 200
    assert "/van-ban/bao-cao/" not in page.content.decode()


def test_the_consolidation_page_links_to_the_export(login_client):
    request = da_nang_request()
    page = login_client("dn.dieuphoi").get(f"/tong-hop/?yeu-cau={request.pk}").content.decode()
    assert f'href="/van-ban/tong-hop/{request.pk}/xuat/"' in page


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"day": ""}, "Nhập ngày văn bản."),
        ({"day": "31/02/2022"}, "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."),
        ({"number": "abc", "allocate": "on"}, "Số văn bản phải là số nguyên dương."),
        ({"number": "0", "allocate": "on"}, "Số văn bản phải từ 1 trở lên."),
        (
            {"authority": "T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ"},
            "Quyền hạn ký có nhiều nhất hai dòng.",
        ),
    ],
)
def test_invalid_input_is_refused_in_vietnamese(login_client, changes, field_error):
    response = login_client("dn.dieuphoi").post(
        consolidation_url(da_nang_request()), form(**changes)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert field_error in html
    assert "Văn bản chưa xuất được" in html
    assert not IssuedNumber.objects.exists()


def test_a_number_already_given_is_refused(login_client):
    client = login_client("dn.dieuphoi")
    url = consolidation_url(da_nang_request())
    downloaded(client.post(url, form(allocate="on", number="5", suggested="1")))
    response = client.post(url, form(allocate="on", number="5", suggested="6"))
    assert response.status_code == 400
    assert (
        "Số 05 đã được cấp cho văn bản khác trong nhiệm kỳ 2020-2025" in response.content.decode()
    )
    assert IssuedNumber.objects.count() == 1


def test_pdf_without_libreoffice_is_a_clear_message_and_keeps_the_number(login_client, monkeypatch):
    client = login_client("dn.dieuphoi")
    monkeypatch.setenv("PATH", "/nonexistent")
    response = client.post(consolidation_url(da_nang_request()), form(allocate="on", fmt="pdf"))
    assert response.status_code == 400
    assert "Không tìm thấy LibreOffice" in response.content.decode()
    assert not IssuedNumber.objects.exists()


def test_pdf_download(login_client):
    client = login_client("dn.dieuphoi")
    response = client.post(consolidation_url(da_nang_request()), form(allocate="on", fmt="pdf"))
    assert response.status_code == 200, response.content.decode()[-1500:]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    assert "BAN DÂN VẬN" in text
    assert "Số 01-BC/BDVTU" in text
    assert "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP" in text


# Who may open the export pages. Written by hand from the rule: reporters of the unit export
# its submission; coordinators and leaders over the issuing board export its consolidation.
MATRIX = {
    #               DN police sub.  CT bloc sub.  DN consolidation  CT consolidation
    "admin": (200, 200, 200, 200),
    "dn.dieuphoi": (403, 403, 200, 403),
    "dn.lanhdao": (403, 403, 200, 403),
    "dn.baocao": (200, 403, 403, 403),
    "dn.xem": (403, 403, 403, 403),
    "ct.dieuphoi": (403, 403, 403, 200),
    "ct.baocao": (403, 200, 403, 403),
}


@pytest.mark.parametrize("username", list(MATRIX))
def test_permission_matrix(login_client, username):
    client = login_client(username)
    urls = (
        submission_url(police_assignment()),
        submission_url(bloc_assignment()),
        consolidation_url(da_nang_request()),
        consolidation_url(can_tho_request()),
    )
    assert tuple(client.get(url).status_code for url in urls) == MATRIX[username]


@pytest.mark.parametrize("username", ["dn.dieuphoi", "dn.xem", "ct.baocao"])
def test_a_refused_post_gives_no_number(login_client, username):
    client = login_client(username)
    response = client.post(submission_url(police_assignment()), form(allocate="on"))
    assert response.status_code == 403
    assert "Bạn không có quyền xuất văn bản" in response.content.decode()
    assert not IssuedNumber.objects.exists()


def test_a_coordinator_of_the_board_alone_cannot_export_a_roll_up_they_cannot_see(login_client):
    # The consolidation is taken over the city committee's subtree, which this person cannot see.
    make_user("bdv.dieuphoi", "coordinator", "DN-BDVTU")
    client = Client()
    assert (
        client.post(
            "/tai-khoan/dang-nhap/", {"username": "bdv.dieuphoi", "password": PASSWORD}
        ).status_code
        == 302
    )
    request = da_nang_request()
    assert client.get(consolidation_url(request)).status_code == 403
    assert client.post(consolidation_url(request), form(allocate="on")).status_code == 403
    assert not IssuedNumber.objects.exists()


def test_anonymous_users_are_sent_to_log_in():
    client = Client()
    for url in (submission_url(police_assignment()), consolidation_url(da_nang_request())):
        response = client.get(url)
        assert response.status_code == 302
        assert "/tai-khoan/dang-nhap/" in response["Location"]


def test_unknown_ids_are_404(login_client):
    client = login_client("admin")
    assert client.get("/van-ban/bao-cao/999999/xuat/").status_code == 404
    assert client.get("/van-ban/tong-hop/999999/xuat/").status_code == 404


def test_picking_a_date_shows_the_names_and_number_of_that_date(login_client):
    client = login_client("dn.dieuphoi")
    url = consolidation_url(da_nang_request())
    downloaded(client.post(url, form(allocate="on")))  # 01-BC/BDVTU in the 2020-2025 term
    html = client.get(url + "?ngay=2022-07-01").content.decode()
    assert "<strong>BAN DÂN VẬN</strong>" in html
    assert '<dd id="suggested-number">02</dd>' in html
    assert "nhiệm kỳ 2020-2025" in html
    assert 'name="day" value="2022-07-01"' in html
    # A date that is no date is ignored: today's names.
    assert (
        "<strong>BAN TUYÊN GIÁO VÀ DÂN VẬN</strong>"
        in client.get(url + "?ngay=xx").content.decode()
    )
