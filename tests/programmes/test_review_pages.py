"""The review pages: the list (query count), the issuing form, the party's progress page (saved,
refused with Vietnamese messages and nothing written, read-only once submitted), who sees what,
and the joint report exported as DOCX and read back by the project's reader (danvan.ingest):
the sample's outline, each passage attributed, the late party named, the central programmes in
a footnote."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.ingest import parse_bytes
from danvan.programmes.demo import REQUEST_TITLE
from danvan.programmes.models import Progress
from danvan.reporting.models import ReportRequest
from issuing.test_export_pages import form
from programmes.test_review_services import issue_second_half, police_rows

pytestmark = pytest.mark.django_db


def demo_request():
    return ReportRequest.objects.get(title=REQUEST_TITLE, issuer__code="DN-BDVTU")


def test_the_list_shows_the_boards_reviews_in_few_queries(
    login_client, django_assert_max_num_queries
):
    client = login_client("dn.dieuphoi")
    with django_assert_max_num_queries(16):
        page = client.get("/chuong-trinh-phoi-hop/so-ket/")
    html = page.content.decode()
    assert page.status_code == 200
    assert REQUEST_TITLE in html and 'id="issue-review"' in html
    other = login_client("ct.dieuphoi").get("/chuong-trinh-phoi-hop/so-ket/").content.decode()
    assert REQUEST_TITLE not in other
    assert "Chưa có kỳ sơ kết chương trình phối hợp nào." in other


def test_issuing_from_the_form(login_client):
    client = login_client("dn.dieuphoi")
    page = client.get("/chuong-trinh-phoi-hop/so-ket/moi/").content.decode()
    assert "07-CTr/BDVTU-CATP" in page
    # The UBND programme ended in 2025: it cannot be reviewed any more.
    assert "05-CTr/BDVTU-BCSĐUBND" not in page
    bad = client.post(
        "/chuong-trinh-phoi-hop/so-ket/moi/",
        {"kind": "half_year", "period": "2022", "deadline": "2022-12-15", "grace_days": "0"},
    )
    assert bad.status_code == 400
    from danvan.programmes.models import Instrument

    police = Instrument.objects.get(symbol="07-CTr/BDVTU-CATP")
    wrong_period = client.post(
        "/chuong-trinh-phoi-hop/so-ket/moi/",
        {
            "instruments": [police.pk],
            "kind": "half_year",
            "period": "2026",
            "deadline": "2026-12-20",
            "grace_days": "0",
        },
    )
    assert wrong_period.status_code == 400
    assert "Sơ kết 6 tháng cần kỳ 6 tháng" in wrong_period.content.decode()
    done = client.post(
        "/chuong-trinh-phoi-hop/so-ket/moi/",
        {
            "instruments": [police.pk],
            "kind": "half_year",
            "period": "2026S2",
            "deadline": "2026-12-20",
            "grace_days": "0",
        },
    )
    assert done.status_code == 302
    request = ReportRequest.objects.get(pk=done["Location"].rstrip("/").rsplit("/", 1)[1])
    assert list(request.assignments.values_list("unit__code", flat=True)) == ["DN-CATP"]
    assert login_client("dn.baocao").get("/chuong-trinh-phoi-hop/so-ket/moi/").status_code == 403


def test_the_progress_page_saves_and_refuses(login_client):
    request = issue_second_half()
    assignment, commitments = police_rows(request)
    url = f"/chuong-trinh-phoi-hop/so-ket/bao-cao/{assignment.pk}/tien-do/"
    client = login_client("dn.baocao")
    page = client.get(url).content.decode()
    assert commitments[0].content in page and 'id="save-progress"' in page
    key = commitments[0].pk
    refused = client.post(url, {f"status-{key}": "hoan_thanh", f"value-{key}": "1,2,3"})
    assert refused.status_code == 400
    assert "kết quả “1,2,3” không phải là một số hợp lệ" in refused.content.decode()
    assert not Progress.objects.filter(review__report_request=request).exists()
    saved = client.post(
        url, {f"status-{key}": "hoan_thanh", f"value-{key}": "12", f"narrative-{key}": "Xong."}
    )
    assert saved.status_code == 302
    row = Progress.objects.get(review__report_request=request, commitment_id=key)
    assert (row.status, row.narrative, row.reported_by.username) == (
        "hoan_thanh",
        "Xong.",
        "dn.baocao",
    )
    # Another province's people see nothing; a viewer of the city reads without a save button.
    assert login_client("ct.baocao").get(url).status_code == 403
    viewer = login_client("dn.xem").get(url)
    assert viewer.status_code == 200 and 'id="save-progress"' not in viewer.content.decode()
    assert (
        login_client("dn.baocao")
        .get("/chuong-trinh-phoi-hop/so-ket/bao-cao/999999/tien-do/")
        .status_code
        == 404
    )


def test_the_demo_progress_is_read_only_once_accepted(login_client):
    assignment = demo_request().assignments.get(unit__code="DN-CATP")
    url = f"/chuong-trinh-phoi-hop/so-ket/bao-cao/{assignment.pk}/tien-do/"
    page = login_client("dn.dieuphoi").get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Ban hành Quyết định số 81-QĐ/ĐUCA ngày 29/4/2022." in html
    assert "Đã tiếp nhận" in html and 'id="save-progress"' not in html


def test_the_review_page_and_who_sees_it(login_client):
    request = demo_request()
    url = f"/chuong-trinh-phoi-hop/so-ket/{request.pk}/"
    html = login_client("dn.dieuphoi").get(url).content.decode()
    assert "II. Kết quả triển khai thực hiện" in html
    assert 'id="export-joint-report"' in html
    viewer = login_client("dn.xem").get(url).content.decode()
    assert 'id="export-joint-report"' not in viewer
    assert login_client("ct.dieuphoi").get(url).status_code == 403
    assert (
        login_client("dn.dieuphoi").get("/chuong-trinh-phoi-hop/so-ket/999999/").status_code == 404
    )
    assert login_client("dn.xem").get(url + "xuat/").status_code == 403


def test_the_joint_report_exported_and_read_back(login_client):
    request = demo_request()
    response = login_client("dn.dieuphoi").post(
        f"/chuong-trinh-phoi-hop/so-ket/{request.pk}/xuat/",
        form(day="2022-07-05", recipients="Ban Dân vận Trung ương (b/c)\nLưu VT"),
    )
    assert response.status_code == 200, response.content.decode()[-1500:]
    parsed = parse_bytes(response.content, "so-ket.docx").to_dict()
    header = parsed["header"]
    assert header["issuer"] == "BAN DÂN VẬN"
    assert header["date"] == dt.date(2022, 7, 5).isoformat()
    assert header["title"].startswith(
        "Kết quả triển khai, thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm"
    )
    outline = parsed["outline"]
    assert [(s["label"], s["title"].upper()) for s in outline] == [
        ("I", "CÔNG TÁC PHỐI HỢP TRIỂN KHAI"),
        ("II", "KẾT QUẢ TRIỂN KHAI THỰC HIỆN"),
        ("III", "ĐÁNH GIÁ CHUNG"),
        ("IV", "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022"),
    ]
    groups = outline[1]["children"]
    assert [g["label"] for g in groups] == ["1", "2"]
    government = " ".join(p["text"] for p in groups[0]["paragraphs"])
    armed = [p["text"] for p in groups[1]["paragraphs"]]
    assert government.startswith("Ủy ban nhân dân thành phố ban hành Chỉ thị số 02/CT-UBND")
    assert "1.868 lượt/1.817 người" in government
    # Each armed-forces passage opens with its party's name.
    openers = [t.split(":")[0] for t in armed if ":" in t and not t.startswith("-")]
    assert "Bộ Chỉ huy Quân sự thành phố" in openers
    assert any(t.startswith("Công an thành phố ban hành Quyết định số 81-QĐ/ĐUCA") for t in armed)
    assert "Bộ Chỉ huy Bộ đội Biên phòng thành phố" in openers
    shortcomings = " ".join(
        p["text"] for section in outline[2]["children"] for p in section["paragraphs"]
    )
    assert "chậm so với hạn 15/6/2022: Bộ Chỉ huy Bộ đội Biên phòng thành phố" in shortcomings
    notes = " ".join(n["text"] for n in parsed["footnotes"])
    assert "03-CTr/BDVTW-BCSĐCP" in notes and "05-CTr/BDVTW-BCA" in notes


def test_the_joint_report_as_pdf(login_client):
    request = demo_request()
    response = login_client("dn.dieuphoi").post(
        f"/chuong-trinh-phoi-hop/so-ket/{request.pk}/xuat/", form(day="2022-07-05", fmt="pdf")
    )
    assert response.status_code == 200, response.content.decode()[-1500:]
    assert response["Content-Type"] == "application/pdf"
    parsed = parse_bytes(response.content, "so-ket.pdf").to_dict()
    assert [s["label"] for s in parsed["outline"]][:4] == ["I", "II", "III", "IV"]
