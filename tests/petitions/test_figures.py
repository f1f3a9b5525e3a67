"""The figures the register computes, against the Đà Nẵng sample (People's Committee's line,
first half of 2022) and against small books counted by hand."""

import datetime as dt
from decimal import Decimal

import pytest

from danvan import registers
from danvan.accounts.permissions import SYSTEM
from danvan.indicators.models import Indicator
from danvan.orgs.models import OrgUnit
from danvan.petitions import cases, formspec, services
from danvan.petitions.figures import KEYS, form_totals
from danvan.petitions.models import FormReport

pytestmark = pytest.mark.django_db
D = dt.date


def values(unit_code, date_from, date_to):
    # This register's provider, as danvan.registers hands it out (other registers not involved).
    provider = next(p for p in registers.providers() if p.key == "petitions")
    unit = OrgUnit.objects.get(code=unit_code)
    found = {f.key: f for f in provider.figures(unit=unit, date_from=date_from, date_to=date_to)}
    return {k: v.value for k, v in found.items()}, found


def test_every_computed_key_is_a_catalogue_indicator_with_a_vietnamese_name():
    codes = {k.split(":")[0] for k in KEYS}
    found = dict(Indicator.objects.filter(code__in=codes).values_list("code", "name"))
    assert set(found) == codes
    assert all(name and not name.isascii() for name in found.values())
    assert set(registers.computable_keys()) >= set(KEYS)


def test_the_sample_figures_come_from_the_peoples_committee_forms():
    # Sample: "tiếp 1.868 lượt/1.817 người, ... lãnh đạo ... 347 lượt/359 người. Tiếp nhận
    # 2.403 đơn (123 KN, 107 TC, 2.173 KNPA), thụ lý 43 đơn (31 KN, 12 TC)"; footnote 5.
    got, found = values("DN-UBND", D(2021, 12, 15), D(2022, 6, 14))
    expected = {
        "tcd_luot": 1868,
        "tcd_nguoi": 1817,
        "tcd_lanh_dao_luot": 347,
        "tcd_lanh_dao_nguoi": 359,
        "tcd_don_tiep_nhan": 2403,
        "tcd_don_tiep_nhan:khieu_nai": 123,
        "tcd_don_tiep_nhan:to_cao": 107,
        "tcd_don_tiep_nhan:kien_nghi": 2173,
        "tcd_don_thuoc_tham_quyen": 43,
        "tcd_don_thuoc_tham_quyen:khieu_nai": 31,
        "tcd_don_thuoc_tham_quyen:to_cao": 12,
        "tcd_kn_da_giai_quyet": 20,
        "tcd_kn_da_giai_quyet:rut_don": 9,
        "tcd_kn_da_giai_quyet:dung": 3,
        "tcd_kn_da_giai_quyet:sai": 6,
        "tcd_kn_da_giai_quyet:dung_mot_phan": 2,
        "tcd_tc_da_giai_quyet": 9,
        "tcd_tc_da_giai_quyet:rut_don": 3,
        "tcd_tc_da_giai_quyet:sai": 4,
        "tcd_tc_da_giai_quyet:co_dung_co_sai": 2,
        "tcd_tc_da_giai_quyet:dung": 0,
    }
    assert {k: got[k] for k in expected} == {k: Decimal(v) for k, v in expected.items()}
    assert "biểu 01/TCD đã nhập của 1 đơn vị" in found["tcd_luot"].provenance
    # The three groups of long-running complaints (footnote 6) are open complex cases.
    assert got["tcd_vu_viec_phuc_tap"] == 3


def test_the_seed_catalogue_keys_of_the_report_templates_get_the_same_values():
    # The sample reports' templates use the seed catalogue's codes; the register fills them.
    provider = next(p for p in registers.providers() if p.key == "petitions")
    unit = OrgUnit.objects.get(code="DN-UBND")
    wanted = {
        "tiep-cong-dan-luot",
        "don-tiep-nhan:kien-nghi",
        "khieu-nai-da-giai-quyet:dung-mot-phan",
    }
    found = provider.figures(
        unit=unit, date_from=D(2021, 12, 15), date_to=D(2022, 6, 14), wanted=wanted
    )
    assert {f.key: f.value for f in found} == {
        "tiep-cong-dan-luot": Decimal(1868),
        "don-tiep-nhan:kien-nghi": Decimal(2173),
        "khieu-nai-da-giai-quyet:dung-mot-phan": Decimal(2),
    }
    assert all("01/" in f.provenance for f in found)


def test_a_party_half_year_window_still_finds_the_state_window_forms():
    got, _ = values("DN-UBND", D(2022, 1, 1), D(2022, 6, 30))
    assert got["tcd_luot"] == 1868


def test_the_demo_forms_keep_their_own_formula_rows():
    for report in FormReport.objects.all():
        form = formspec.FORMS[report.form]
        full = {**formspec.empty(form), **report.values}
        assert formspec.check(form, full) == [], report


def _book(unit, day):
    regular = services.create_session(
        SYSTEM, unit=unit, date=day, host_name="Cán bộ A", host_role="can_bo", kind="thuong_xuyen"
    )
    head = services.create_session(
        SYSTEM, unit=unit, date=day, host_name="Chủ tịch B", host_role="chu_tich", kind="dinh_ky"
    )
    e = dict(visitor_name="Người dân", summary="Nội dung", kind="khieu_nai")
    services.add_entry(SYSTEM, session=regular, **e)
    services.add_entry(SYSTEM, session=regular, **{**e, "kind": "to_cao"}, repeat=True)
    services.add_entry(SYSTEM, session=regular, **{**e, "kind": "kien_nghi"}, people=6)
    services.add_entry(SYSTEM, session=head, **e, people=5, routing="thu_ly")
    services.add_entry(SYSTEM, session=head, **e, people=2, routing="huong_dan", routing_to="Sở")


def test_form_01_tcd_from_the_book_counted_by_hand():
    unit = OrgUnit.objects.get(code="DN-DUP-HAICHAU")
    _book(unit, D(2026, 3, 10))
    totals, sources = form_totals(unit, D(2026, 1, 1), D(2026, 6, 30))
    tcd = totals["01/TCD"]
    # regular: 3 visits, 1+1+6 = 8 people, one delegation of 6; head: 2 visits, 7 people.
    assert (tcd["tong_luot"], tcd["tong_nguoi"], tcd["tong_vv"]) == (5, 15, 5)
    assert (tcd["tx_luot"], tcd["tx_nguoi"], tcd["tx_vv_dau"], tcd["tx_vv_nhieu"]) == (3, 8, 2, 1)
    assert (tcd["tx_doan"], tcd["tx_doan_nguoi"]) == (1, 6)
    assert (tcd["tt_ky"], tcd["tt_luot"], tcd["tt_nguoi"], tcd["tt_doan"]) == (1, 2, 7, 1)
    assert formspec.check(formspec.TCD01, tcd) == []
    tcd2 = totals["02/TCD"]
    assert (tcd2["tong_don"], tcd2["kn"], tcd2["tc"], tcd2["knpa"]) == (5, 3, 1, 1)
    assert (tcd2["thuoc_tq"], tcd2["huong_dan"]) == (1, 4)
    assert sources["01/TCD"] == (0, 1)
    got, found = values("DN-DUP-HAICHAU", D(2026, 1, 1), D(2026, 6, 30))
    assert (got["tcd_luot"], got["tcd_nguoi"], got["tcd_doan_dong_nguoi"]) == (5, 15, 2)
    assert (got["tcd_lanh_dao_luot"], got["tcd_lanh_dao_nguoi"]) == (2, 7)
    assert "sổ tiếp công dân và hồ sơ đơn của 1 đơn vị" in found["tcd_luot"].provenance


def test_an_uploaded_form_wins_over_the_book_for_that_unit_only():
    unit = OrgUnit.objects.get(code="DN-DUP-HAICHAU")
    _book(unit, D(2026, 3, 10))
    FormReport.objects.create(
        unit=unit,
        form="01/TCD",
        date_from=D(2026, 1, 1),
        date_to=D(2026, 6, 30),
        values={"tong_luot": 40, "tong_nguoi": 41, "tx_luot": 40, "tx_nguoi": 41},
    )
    got, _ = values("DN-DUP-HAICHAU", D(2026, 1, 1), D(2026, 6, 30))
    assert got["tcd_luot"] == 40  # not 40 + 5
    assert got["tcd_don_tiep_nhan"] == 0


def test_petition_records_fill_01_kqgq_with_on_time_and_late():
    unit = OrgUnit.objects.get(code="DN-DUP-THANHKHE")
    carried = cases.create_petition(
        SYSTEM, unit=unit, reference="A", received_on=D(2025, 12, 1), kind="khieu_nai", summary="x"
    )
    cases.add_event(SYSTEM, petition=carried, kind="thu_ly", date=D(2025, 12, 5), routing="thu_ly")
    # 30 days from 05/12/2025 → 04/01/2026 (Sunday) → Monday 05/01/2026; closed 05/01: on time.
    cases.add_event(SYSTEM, petition=carried, kind="ket_thuc", date=D(2026, 1, 5), outcome="sai")
    late = cases.create_petition(
        SYSTEM, unit=unit, reference="B", received_on=D(2026, 2, 2), kind="khieu_nai", summary="y"
    )
    cases.add_event(SYSTEM, petition=late, kind="thu_ly", date=D(2026, 2, 3), routing="thu_ly")
    # 30 days from 03/02/2026 → 05/03/2026; closed 06/03: late.
    cases.add_event(SYSTEM, petition=late, kind="ket_thuc", date=D(2026, 3, 6), outcome="rut_don")
    opened = cases.create_petition(
        SYSTEM, unit=unit, reference="C", received_on=D(2026, 3, 2), kind="khieu_nai", summary="z"
    )
    cases.add_event(SYSTEM, petition=opened, kind="thu_ly", date=D(2026, 3, 4), routing="thu_ly")
    totals, _ = form_totals(unit, D(2026, 1, 1), D(2026, 6, 30))
    kq = totals["01/KQGQ"]
    assert (kq["phai_gq"], kq["ky_truoc"], kq["trong_ky"], kq["da_gq"]) == (3, 1, 2, 2)
    assert (kq["bang_qd"], kq["rut_don"], kq["sai"]) == (1, 1, 1)
    assert (kq["dung_han"], kq["qua_han"]) == (1, 1)
    assert formspec.check(formspec.KQGQ01, kq) == []
    xld = totals["01/XLD"]
    # A was processed before the window: not in it; B and C were received and accepted in it.
    assert (xld["tong"], xld["trong_ky"], xld["da_xu_ly"], xld["tq_kn"]) == (2, 2, 2, 2)
    got, _ = values("DN-DUP-THANHKHE", D(2026, 1, 1), D(2026, 6, 30))
    assert got["tcd_giai_quyet_dung_han"] == 1
    assert got["tcd_kn_da_giai_quyet:rut_don"] == 1


def test_party_secretary_sessions_are_counted_under_kl_215():
    got, found = values("DN-TU", D(2022, 1, 1), D(2022, 6, 30))
    assert got["tcd_ky_tiep_bi_thu"] == 2
    assert "bí thư" in found["tcd_ky_tiep_bi_thu"].provenance
