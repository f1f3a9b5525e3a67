"""The document registry, filled by the demo's two imported reports and the requests."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model

from danvan.accounts.permissions import SYSTEM, ScopeDenied
from danvan.registry import services
from danvan.registry.models import Citation, Document
from danvan.registry.selectors import registry, registry_csv


def symbols(query, user=SYSTEM, **filters):
    return [m.document.symbol for m in registry(user, query, **filters)]


def test_a_document_cited_many_ways_is_one_document(db):
    # Đà Nẵng cites "Quyết định số 2806-QĐ/TU ngày 02/12/2021" and later "Quyết định số 2806-QĐ/TU".
    assert Document.objects.filter(symbol="2806-QĐ/TU").count() == 1
    document = Document.objects.get(symbol="2806-QĐ/TU")
    assert (
        document.date,
        document.kind,
        document.system,
        document.number,
        document.type_code,
        document.issuer_code,
    ) == (dt.date(2021, 12, 2), "Quyết định", "party", "2806", "QĐ", "TU")
    # The request document of the 2019 cycle and the Cần Thơ report's citation of it are one.
    assert Document.objects.filter(symbol="644-CV/BDVTU").count() == 1


def test_search_ignores_diacritics_and_finds_by_number_or_subject(db):
    assert symbols("2806")[0] == "2806-QĐ/TU"
    assert "2806-QĐ/TU" in symbols("quy che dan van")
    assert "2806-QĐ/TU" in symbols("Quy chế công tác dân vận")
    assert symbols("khong co van ban nao nhu the") == []


def test_filters_by_type_issuer_and_year(db):
    assert set(symbols("", type_code="KL")) >= {"114-KL/TW", "21-KL/TW"}
    central = set(symbols("", issuer_code="TW"))
    assert {"290-QĐ/TW", "21-KL/TW", "114-KL/TW"} <= central
    assert "2806-QĐ/TU" not in central
    assert "34/2007/PL-UBTVQH11" in symbols("", year=2007)


def test_the_document_page_lists_who_cites_it_within_the_users_scope(client, db):
    document = Document.objects.get(symbol="2806-QĐ/TU")
    client.force_login(get_user_model().objects.get(username="admin"))
    page = client.get(f"/van-ban/so/{document.pk}/").content.decode()
    assert "Ban Dân vận Thành ủy Đà Nẵng" in page
    assert "ban hành Quy chế công tác dân vận của hệ thống chính trị" in page
    # A Đà Nẵng city document cited only by Đà Nẵng's reports is not Cần Thơ's business.
    client.force_login(get_user_model().objects.get(username="ct.baocao"))
    assert client.get(f"/van-ban/so/{document.pk}/").status_code == 404


def test_csv_round_trip_and_a_bad_row_writes_nothing(db):
    exported = registry_csv(SYSTEM)
    assert (
        exported.splitlines()[0]
        == "Loại văn bản,Hệ thống,Số,Năm,Mã loại,Mã cơ quan ban hành,Số ký hiệu,Ngày ban hành,"
        "Cơ quan ban hành,Trích yếu"
    )
    import csv

    rows = list(csv.DictReader(io.StringIO(exported)))
    before = Document.objects.count()
    result = services.import_registry(SYSTEM, rows)
    assert (result.created, result.existing) == (0, before)
    assert registry_csv(SYSTEM) == exported
    with pytest.raises(services.RegistryRejected) as caught:
        services.import_registry(
            SYSTEM,
            [
                {"symbol": "15-KH/TU", "date": "2024-02-30"},
                {"symbol": "99-CT/TU", "date": "2024-01-05"},
            ],
        )
    assert caught.value.errors == ["Dòng 2: ngày '2024-02-30' không hợp lệ (YYYY-MM-DD)."]
    assert Document.objects.count() == before


def test_only_boards_update_the_registry(client, db):
    with pytest.raises(ScopeDenied):
        services.import_registry(get_user_model().objects.get(username="dn.baocao"), [])
    client.force_login(get_user_model().objects.get(username="dn.baocao"))
    response = client.post(
        "/van-ban/so/nhap/", {"file": io.BytesIO(b"symbol,date\n1-CV/X,2024-01-01\n")}
    )
    assert response.status_code == 403
    assert client.get("/van-ban/so/?q=quy+che+dan+van").status_code == 200
    assert Citation.objects.count() > 0
