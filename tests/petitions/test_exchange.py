"""Export for the national database: records keyed by the national catalogues through the
administrator's mapping table, no identities, marked exported with the date; only managers."""

import datetime as dt
import json

import pytest

from danvan.petitions import exchange, selectors
from danvan.petitions.models import NationalCode, Petition

pytestmark = pytest.mark.django_db


def test_export_maps_codes_marks_records_and_hides_identities(demo_user):
    NationalCode.objects.create(catalogue="loai_don", local_code="khieu_nai", national_code="KN")
    NationalCode.objects.create(
        catalogue="co_quan", local_code="DN-UBND", national_code="000.00.00.H17"
    )
    user = demo_user("dn.dieuphoi")
    data = exchange.export_records(user, today=dt.date(2026, 12, 2))
    assert data["phien_ban"] == "danvan-tcd-1"
    record = next(r for r in data["ho_so"] if r["ma_ho_so"] == "KN-2026-118")
    assert record["loai_don"] == {"ma": "KN", "ma_noi_bo": "khieu_nai", "chua_anh_xa": False}
    assert record["co_quan"]["ma"] == "000.00.00.H17"
    assert record["huong_xu_ly"] == {"ma": "thu_ly", "ma_noi_bo": "thu_ly", "chua_anh_xa": True}
    assert [e["loai"] for e in record["su_kien"]] == ["thu_ly", "tam_dinh_chi", "tiep_tuc"]
    petition = Petition.objects.get(reference="KN-2026-118")
    assert record["nguoi_gui"] == selectors.pseudonym("petition", petition.pk)
    assert "Hồ Thị Lan" not in json.dumps(data, ensure_ascii=False)
    assert petition.exported_on == dt.date(2026, 12, 2)
    assert exchange.export_records(user, today=dt.date(2026, 12, 3))["ho_so"] == []


def test_export_page_for_managers_only(login_client):
    assert login_client("dn.xem").post("/tiep-dan-don-thu/don/xuat-csdl/").status_code == 403
    response = login_client("dn.dieuphoi").post("/tiep-dan-don-thu/don/xuat-csdl/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert len(json.loads(response.content)["ho_so"]) == Petition.objects.count()
