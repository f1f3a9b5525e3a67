"""The document registry and “Xuất văn bản” over the API, on the demo's documents: search and
filters, one document with the citations the caller may read, and the Word/PDF files of the
Đà Nẵng police's report and of the Đà Nẵng board's consolidation, read back."""

import io
import json

import pytest
from django.test import Client
from docx import Document as WordDocument
from docx.oxml.ns import qn

from danvan.registry.models import Document
from danvan.reporting.models import Assignment, ReportRequest

pytestmark = pytest.mark.django_db

DN_2022 = "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"


def _get(headers, path, **params):
    return Client().get(path, params, headers=headers)


def _post(headers, path, payload):
    return Client().post(
        path, json.dumps(payload), content_type="application/json", headers=headers
    )


def _symbols(response):
    assert response.status_code == 200, response.content
    return [d["symbol"] for d in response.json()["items"]]


def test_the_registry_is_searched_and_filtered(bearer):
    coordinator = bearer("dn.dieuphoi")
    path = "/api/registry/documents"
    # Words are looked for without diacritics, in the symbol as in the text around it.
    assert _symbols(_get(coordinator, path, q="2806 qd", type_code="QĐ")) == ["2806-QĐ/TU"]
    # Two Politburo decisions of 12/12/2013, newest first then by symbol.
    assert _symbols(_get(coordinator, path, type_code="QĐ", issuer_code="TW", year=2013)) == [
        "217-QĐ/TW",
        "218-QĐ/TW",
    ]
    refused = _get(coordinator, path, year=1800)
    assert refused.status_code == 422
    assert refused.json()["detail"] == "Dữ liệu gửi lên không đúng định dạng."


def test_a_documents_citations_are_those_the_caller_may_read(bearer):
    # Nghị quyết 25-NQ/TW is cited twice by the Cần Thơ bloc committee's 2019 report.
    document = Document.objects.get(symbol="25-NQ/TW")
    path = f"/api/registry/documents/{document.pk}"
    can_tho = _get(bearer("ct.dieuphoi"), path).json()
    assert can_tho["symbol"] == "25-NQ/TW" and str(can_tho["date"]) == "2013-06-03"
    assert {(c["unit_code"], c["period"]) for c in can_tho["citations"]} == {("CT-DUK", "2019S1")}
    assert len(can_tho["citations"]) == 2
    # Đà Nẵng's coordinator sees the document, not Cần Thơ's report citing it.
    assert _get(bearer("dn.dieuphoi"), path).json()["citations"] == []
    missing = _get(bearer("dn.dieuphoi"), "/api/registry/documents/999999")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Không tìm thấy văn bản trong sổ."


def _word(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return WordDocument(io.BytesIO(response.content))


def _cells(document):
    return {
        cell.text.strip() for table in document.tables for row in table.rows for cell in row.cells
    }


def _police_2022():
    return Assignment.objects.get(request__title=DN_2022, unit__code="DN-CATP")


def test_the_police_reporter_exports_the_report_as_word(bearer):
    response = _post(bearer("dn.baocao"), f"/api/issuing/submissions/{_police_2022().pk}", {})
    assert 'filename="bao-cao-dn-catp-2022s1-du-thao.docx"' in response["Content-Disposition"]
    document = _word(response)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kết quả thực hiện Chương trình phối hợp" in text
    assert "Đăng tải 8.692 tin, bài" in text
    # The figures table: news items and hotline calls as the police reported them.
    assert {"8.692", "4.433", "67"} <= _cells(document)


def test_only_the_units_reporters_export_its_report(bearer):
    response = _post(bearer("ct.baocao"), f"/api/issuing/submissions/{_police_2022().pk}", {})
    assert response.status_code == 403
    assert response.json()["detail"].startswith(
        "Bạn không có quyền xuất văn bản báo cáo của đơn vị này"
    )


def test_the_board_exports_its_consolidation_numbered_once(bearer):
    request = ReportRequest.objects.get(title=DN_2022, issuer__code="DN-BDVTU")
    coordinator = bearer("dn.dieuphoi")
    path = f"/api/issuing/consolidations/{request.pk}"
    payload = {"day": "2022-06-25", "allocate": True, "number": 77, "signer_name": "Trần Thị Hoa"}
    response = _post(coordinator, path, payload)
    assert 'filename="tong-hop-dn-bdvtu-2022s1-so-77.docx"' in response["Content-Disposition"]
    document = _word(response)
    # The signer's name, under the signature block (a layout table).
    assert "Trần Thị Hoa" in "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    # Citizens received by the city's administration (Ủy ban nhân dân thành phố): 1.868.
    assert "1.868" in _cells(document)
    assert Document.objects.filter(symbol="77-BC/BDVTU", date="2022-06-25").exists()
    again = _post(coordinator, path, payload)
    assert again.status_code == 409
    assert "77" in again.json()["detail"]


def test_the_consolidation_as_pdf(bearer):
    request = ReportRequest.objects.get(title=DN_2022, issuer__code="DN-BDVTU")
    response = _post(
        bearer("dn.dieuphoi"), f"/api/issuing/consolidations/{request.pk}", {"fmt": "pdf"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("payload", "status", "detail"),
    [
        ({"day": "1900-01-01"}, 400, "Ngày văn bản không hợp lệ."),
        ({"layout": "tu-che"}, 422, "Dữ liệu gửi lên không đúng định dạng."),
        ({"authority": ["K/T", "TRƯỞNG BAN", "PHÓ"]}, 422, "Dữ liệu gửi lên không đúng định dạng."),
        ({"signer_name": "Trần\x07Hoa"}, 422, "Dữ liệu gửi lên không đúng định dạng."),
    ],
)
def test_bad_export_requests_are_refused(bearer, payload, status, detail):
    response = _post(bearer("dn.baocao"), f"/api/issuing/submissions/{_police_2022().pk}", payload)
    assert response.status_code == status
    assert response.json()["detail"] == detail
