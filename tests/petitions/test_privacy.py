"""The identity of a person received or who denounces is protected (Luật Tố cáo; NĐ 156/2026
Đ22): encrypted at rest, shown (number masked) only to roles that handle the case, never in
exports, search results, audit summaries or API answers to other roles."""

import datetime as dt
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from danvan import registers
from danvan.audit.models import AuditEvent
from danvan.petitions import crypto, selectors
from danvan.petitions.models import Petition, ReceptionEntry

pytestmark = pytest.mark.django_db
NAME, NUMBER = "Trần Văn Minh", "048079001234"  # the demo's visitor at the secretary's session


def entry():
    return ReceptionEntry.objects.get(summary__startswith="Đề nghị xem xét lại giá bồi thường")


def test_identity_fields_are_encrypted_at_rest():
    e = entry()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT visitor_name, visitor_address, identity_number FROM petitions_receptionentry WHERE id = %s",
            [e.pk],
        )
        raw = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in raw)
    assert NAME not in "".join(raw) and NUMBER not in "".join(raw)
    assert (e.visitor_name, e.identity_number) == (NAME, NUMBER)
    assert crypto.mask_identity(NUMBER) == "••••••••1234"


def test_rotation_reads_old_values_and_rewrites_them(monkeypatch):
    from cryptography.fernet import Fernet

    first, second = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    try:
        monkeypatch.setenv("DANVAN_PETITIONS_KEY", first)
        crypto._fernet.cache_clear()
        old_token = crypto.encrypt("Nguyễn Thị A")
        monkeypatch.setenv("DANVAN_PETITIONS_KEY", second)
        monkeypatch.setenv("DANVAN_PETITIONS_OLD_KEYS", first)
        crypto._fernet.cache_clear()
        assert crypto.decrypt(old_token) == "Nguyễn Thị A"
        rotated = crypto.rotate(old_token)
        monkeypatch.delenv("DANVAN_PETITIONS_OLD_KEYS")
        crypto._fernet.cache_clear()
        assert crypto.decrypt(rotated) == "Nguyễn Thị A"
        assert crypto.decrypt(old_token) == "(không giải mã được: sai khóa)"
    finally:
        monkeypatch.undo()
        crypto._fernet.cache_clear()


@pytest.mark.parametrize(
    ("username", "sees"),
    [("dn.dieuphoi", True), ("admin", True), ("dn.lanhdao", False), ("dn.xem", False)],
)
def test_session_page_shows_identity_only_to_those_who_handle_it(login_client, username, sees):
    e = entry()
    page = login_client(username).get(f"/tiep-dan-don-thu/so/{e.session_id}/").content.decode()
    assert NUMBER not in page  # never the whole number
    assert ("••••••••1234" in page) is sees
    assert (NAME in page) is sees
    assert (selectors.pseudonym("entry", e.pk) in page) is not sees


def test_the_book_export_carries_pseudonyms_only(login_client):
    response = login_client("dn.dieuphoi").get("/tiep-dan-don-thu/so/xuat.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert NAME not in cells and NUMBER not in cells and "Hòa Xuân" not in cells
    assert selectors.pseudonym("entry", entry().pk) in cells
    header = [c.value for c in sheet[1]]
    assert header[:6] == [
        "STT",
        "Ngày tiếp",
        "Họ tên, địa chỉ (bí danh)",
        "Nội dung vụ việc",
        "Loại đơn",
        "Số người cùng nội dung",
    ]


def test_search_finds_summaries_never_names_or_numbers(demo_user):
    user = demo_user("dn.dieuphoi")
    provider = next(p for p in registers.providers() if p.key == "petitions")
    assert provider.search(user, "Trần Văn Minh", 20) == []
    assert provider.search(user, NUMBER, 20) == []
    hits = provider.search(user, "bo tri dat tai dinh cu", 20)  # without diacritics
    assert len(hits) == 1 and hits[0].url == f"/tiep-dan-don-thu/so/{entry().session_id}/"
    assert NAME not in hits[0].excerpt + hits[0].title
    assert provider.search(demo_user("ct.dieuphoi"), "bo tri dat tai dinh cu", 20) == []


def test_audit_summaries_carry_no_identity():
    summaries = " ".join(
        AuditEvent.objects.filter(action__startswith="petitions.").values_list("summary", flat=True)
    )
    assert "Ghi sổ tiếp công dân" in summaries
    for secret in (NAME, NUMBER, "Hồ Thị Lan", "Hòa Xuân"):
        assert secret not in summaries


def test_api_answers_other_roles_with_pseudonyms(client, bearer):
    e = entry()
    url = f"/api/petitions/sessions/{e.session_id}/entries"
    viewer = client.get(url, headers=bearer("dn.xem")).json()
    handler = client.get(url, headers=bearer("dn.dieuphoi")).json()
    mine = lambda rows: next(r for r in rows if r["id"] == e.pk)  # noqa: E731
    assert mine(viewer)["visitor"] == selectors.pseudonym("entry", e.pk)
    assert mine(viewer)["identity"] == ""
    assert mine(handler)["visitor"] == NAME and mine(handler)["identity"] == "••••••••1234"
    assert NUMBER not in str(viewer) + str(handler)


def test_petitioner_hidden_from_viewers(login_client):
    p = Petition.objects.get(reference="KN-2026-118")
    assert (
        "Hồ Thị Lan"
        in login_client("dn.dieuphoi").get(f"/tiep-dan-don-thu/don/{p.pk}/").content.decode()
    )
    page = login_client("dn.xem").get(f"/tiep-dan-don-thu/don/{p.pk}/").content.decode()
    assert "Hồ Thị Lan" not in page and selectors.pseudonym("petition", p.pk) in page


def test_identities_are_purged_after_the_retention_period():
    from danvan.accounts.permissions import SYSTEM
    from danvan.petitions.services import purge_identities

    purged = purge_identities(SYSTEM, today=dt.date(2028, 1, 1), retention_days=365)
    e = entry()
    assert purged >= 3
    assert (e.visitor_address, e.identity_number, e.identity_purged) == ("", "", True)
    assert purge_identities(SYSTEM, today=dt.date(2028, 1, 1), retention_days=365) == 0


def test_the_printed_book_carries_pseudonyms_only(login_client):
    from docx import Document

    response = login_client("dn.dieuphoi").get("/tiep-dan-don-thu/so/in.docx?don-vi=DN-TU")
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    text = " ".join(cells + [p.text for p in doc.paragraphs])
    assert "SỔ TIẾP CÔNG DÂN" in text and "THÀNH ỦY ĐÀ NẴNG" in text.upper()
    assert "Ủy ban Kiểm tra Thành ủy (130/BTCD-TH)" in cells
    assert "Số người cùng nội dung" in cells
    assert selectors.pseudonym("entry", entry().pk) in cells
    assert NAME not in text and NUMBER not in text
