"""Import and export of units and successions: exact round trips, and every rule that must
reject an import with a message naming the row and nothing written."""

import datetime as dt

import pytest
from django.apps import apps
from django.db.models import ProtectedError

from danvan.accounts.models import Membership
from danvan.accounts.permissions import SYSTEM, ScopeDenied
from danvan.audit.models import AuditEvent
from danvan.orgs import interchange, selectors, services
from danvan.orgs.models import OrgSuccession, OrgUnit
from danvan.reporting.models import ReportRequest, ReportTemplate

UNITS_HEADER = (
    "Mã đơn vị,Tên đơn vị,Tên ngắn,Loại,Mã cơ quan ban hành,Mã đơn vị cấp trên,Hiệu lực từ,"
    "Hiệu lực đến,Ghi chú\n"
)
SUCCESSIONS_HEADER = "Mã đơn vị trước,Mã đơn vị kế thừa,Ngày,Loại,Ghi chú\n"


def snapshot():
    return (
        list(
            OrgUnit.objects.order_by("code").values_list(
                "code", "name", "path", "valid_from", "valid_to"
            )
        ),
        list(
            OrgSuccession.objects.order_by("id").values_list(
                "predecessor__code", "successor__code", "date"
            )
        ),
        AuditEvent.objects.count(),
    )


# The demo unit tree's 60 units and the 93 invented grassroots cells of Đảng ủy Khối Cần Thơ
# that the exemplars register's demo adds (97 in its report, 4 of them already in the tree).
DEMO_UNITS = 60 + 93
REGISTERS = ("petitions", "sentiment", "exemplars", "programmes")


def empty_registers():
    # The registers' demos (programmes, exemplars, sentiment, petitions) keep records that hold
    # on to their units; their models protect one another, so delete until none is left.
    pending = [model for label in REGISTERS for model in apps.get_app_config(label).get_models()]
    while pending:
        blocked = []
        for model in pending:
            # One by one, newest first: a programme instrument protects its parent instrument.
            for row in model._default_manager.order_by("-pk"):
                try:
                    row.delete()
                except ProtectedError:
                    pass
            if model._default_manager.exists():
                blocked.append(model)
        if len(blocked) == len(pending):
            raise AssertionError(f"cannot empty {blocked}")
        pending = blocked


def wipe():
    # The demo's reporting cycles and the registers' records hold on to their units: remove
    # them first.
    empty_registers()
    ReportRequest.objects.all().delete()
    ReportTemplate.objects.all().delete()
    Membership.objects.all().delete()
    OrgSuccession.objects.all().delete()
    for unit in OrgUnit.objects.order_by("-depth"):
        unit.delete()


def import_csv(units_text, successions_text="", actor=SYSTEM):
    units = interchange.units_from_csv(UNITS_HEADER + units_text)
    successions = (
        interchange.successions_from_csv(SUCCESSIONS_HEADER + successions_text)
        if successions_text
        else []
    )
    return services.import_units(actor, units, successions)


def test_json_export_import_export_is_byte_identical(db):
    first = interchange.to_json(*selectors.export_rows(SYSTEM))
    wipe()
    assert OrgUnit.objects.count() == 0
    result = services.import_units(SYSTEM, *interchange.from_json(first))
    assert len(result.created) == DEMO_UNITS
    assert interchange.to_json(*selectors.export_rows(SYSTEM)) == first


def test_csv_export_import_export_is_byte_identical(db):
    units, successions = selectors.export_rows(SYSTEM)
    units_csv, successions_csv = (
        interchange.units_to_csv(units),
        interchange.successions_to_csv(successions),
    )
    assert units_csv.startswith(UNITS_HEADER)
    assert (
        "DN-BDVTU,Ban Dân vận Thành ủy Đà Nẵng,Ban Dân vận Thành ủy,board,BDVTU,DN-TU,1997-01-01,2025-02-28,"
        in units_csv
    )
    assert "DN-BDVTU,DN-BTGDVTU,2025-03-01,merge," in successions_csv
    wipe()
    services.import_units(
        SYSTEM,
        interchange.units_from_csv(units_csv),
        interchange.successions_from_csv(successions_csv),
    )
    again_units, again_successions = selectors.export_rows(SYSTEM)
    assert interchange.units_to_csv(again_units) == units_csv
    assert interchange.successions_to_csv(again_successions) == successions_csv


def test_reimporting_the_same_file_changes_nothing(db):
    exported = interchange.to_json(*selectors.export_rows(SYSTEM))
    before = snapshot()
    result = services.import_units(SYSTEM, *interchange.from_json(exported))
    assert result.created == [] and result.updated == [] and len(result.unchanged) == DEMO_UNITS
    assert result.successions_created == 0 and result.successions_updated == 0
    units, successions, audit_count = snapshot()
    assert (units, successions) == before[:2]
    assert audit_count == before[2] + 1  # only the import itself is logged


def rejected(units_text, successions_text=""):
    before = snapshot()
    with pytest.raises(services.ImportRejected) as caught:
        import_csv(units_text, successions_text)
    assert snapshot() == before, "a rejected import must write nothing"
    return caught.value.errors


def test_unknown_parent_names_the_row(db):
    errors = rejected(
        "DN-NEW1,Ban Mới,,board,BM,DN-TU,2023-01-01,,\n"
        "DN-NEW2,Chi bộ Mới,,grassroots_party,CB,DN-KHONGCO,2023-01-01,,\n"
    )
    assert errors == ["Đơn vị, dòng 3 (mã DN-NEW2): đơn vị cấp trên 'DN-KHONGCO' không tồn tại."]


def test_child_outside_its_parents_validity_is_overlapping(db):
    errors = rejected(
        "DN-BDV-HC-CB,Chi bộ Ban Dân vận Quận ủy Hải Châu,,grassroots_party,CB,DN-BDV-HC,2020-01-01,2025-12-31,\n"
    )
    assert errors == [
        "Đơn vị, dòng 2 (mã DN-BDV-HC-CB): hiệu lực 01/01/2020–31/12/2025 chồng ra ngoài hiệu lực "
        "của đơn vị cấp trên DN-BDV-HC (01/01/1997–30/06/2025)."
    ]


def test_a_cycle_of_parents_is_rejected(db):
    errors = rejected(
        "X-A,Đơn vị A,,agency,A,X-B,2020-01-01,,\nX-B,Đơn vị B,,agency,B,X-A,2020-01-01,,\n"
    )
    assert (
        "Đơn vị, dòng 2 (mã X-A): quan hệ cấp trên tạo thành vòng lặp (một đơn vị là cấp trên của chính nó)."
        in errors
    )
    assert (
        "Đơn vị, dòng 3 (mã X-B): quan hệ cấp trên tạo thành vòng lặp (một đơn vị là cấp trên của chính nó)."
        in errors
    )


def test_moving_an_existing_unit_under_its_own_descendant_is_a_cycle(db):
    errors = rejected(
        "DN-QU-HC,Quận ủy Hải Châu,,party_committee,QU,DN-BDV-HC,1997-01-01,2025-06-30,\n"
    )
    assert errors[0].startswith("Đơn vị, dòng 2 (mã DN-QU-HC): quan hệ cấp trên tạo thành vòng lặp")


def test_successor_starting_before_its_predecessor_ends_is_rejected(db):
    errors = rejected(
        "DN-BDVTU2,Ban Dân vận Thành ủy (tên mới),,board,BDVTU,DN-TU,2024-01-01,,\n",
        "DN-BDVTU,DN-BDVTU2,2024-01-01,rename,\n",
    )
    assert errors == [
        "Quan hệ kế thừa, dòng 2 (DN-BDVTU → DN-BDVTU2): đơn vị kế thừa nhận từ ngày 01/01/2024 trước khi "
        "đơn vị tiền thân DN-BDVTU kết thúc (hiệu lực đến 28/02/2025); hiệu lực chồng lấn: DN-BDVTU2 bắt đầu "
        "01/01/2024 khi DN-BDVTU còn hiệu lực đến 28/02/2025."
    ]


def test_successor_not_yet_existing_on_the_succession_date(db):
    errors = rejected("", "DN-QU-HC,DN-DUP-HAICHAU,2025-06-15,split,\n")
    assert errors == [
        "Quan hệ kế thừa, dòng 2 (DN-QU-HC → DN-DUP-HAICHAU): đơn vị kế thừa nhận từ ngày 15/06/2025 trước khi "
        "đơn vị tiền thân DN-QU-HC kết thúc (hiệu lực đến 30/06/2025); đơn vị kế thừa DN-DUP-HAICHAU không có "
        "hiệu lực vào ngày 15/06/2025 (01/07/2025–nay)."
    ]


def test_bad_fields_duplicate_codes_and_reversed_dates(db):
    errors = rejected(
        "dn-thuong,Tên,,board,X,DN-TU,2020-01-01,,\n"
        "DN-X,,,khong_biet,X,DN-TU,31/02/2020,,\n"
        "DN-Y,Đơn vị Y,,board,Y,DN-TU,2021-05-01,2020-01-01,\n"
        "DN-Z,Đơn vị Z,,board,Z,DN-TU,2021-05-01,,\n"
        "DN-Z,Đơn vị Z lặp,,board,Z,DN-TU,2021-05-01,,\n"
    )
    assert errors[0] == (
        "Đơn vị, dòng 2 (mã dn-thuong): mã đơn vị trống hoặc có ký tự không hợp lệ "
        "(chỉ chữ in hoa không dấu, số, - _ .)."
    )
    assert errors[1].startswith(
        "Đơn vị, dòng 3 (mã DN-X): thiếu tên đơn vị; loại đơn vị 'khong_biet' không hợp lệ"
    )
    assert errors[1].endswith("ngày hiệu lực từ '31/02/2020' không hợp lệ.")
    assert (
        errors[2]
        == "Đơn vị, dòng 4 (mã DN-Y): ngày hết hiệu lực 01/01/2020 trước ngày bắt đầu 01/05/2021."
    )
    assert errors[3] == "Đơn vị, dòng 6 (mã DN-Z): mã bị trùng với dòng 5."


def test_one_bad_row_among_good_ones_writes_nothing(db):
    rejected(
        "DN-GOOD,Đơn vị tốt,,agency,G,DN-TU,2023-01-01,,\n"
        "DN-BAD,Đơn vị lỗi,,agency,B,KHONG-CO,2023-01-01,,\n"
    )
    assert not OrgUnit.objects.filter(code="DN-GOOD").exists()


def test_csv_without_required_columns_is_unreadable(db):
    with pytest.raises(
        interchange.InterchangeError, match="thiếu cột: Loại, Mã đơn vị cấp trên, Hiệu lực từ"
    ):
        interchange.units_from_csv("code,name\nA,B\n")


def test_a_file_headed_with_the_field_names_is_read_too(db):
    (row,) = interchange.units_from_csv(
        "code,name,kind,parent_code,valid_from\nDN-X,Đơn vị X,agency,DN-TU,2024-01-01\n"
    )
    assert (row.code, row.name, row.parent_code, row.valid_from) == (
        "DN-X",
        "Đơn vị X",
        "DN-TU",
        "2024-01-01",
    )


def test_json_that_is_not_json(db):
    with pytest.raises(interchange.InterchangeError, match="Tệp JSON không hợp lệ"):
        interchange.from_json("{units: [")


def test_moving_a_unit_moves_its_whole_subtree(db):
    # Hải Châu's committee moved under Quảng Nam's provincial committee (a test, not history).
    result = import_csv(
        "DN-QU-HC,Quận ủy Hải Châu,,party_committee,QU,QNA-TU,1997-01-01,2025-06-30,\n"
    )
    assert result.updated == ["DN-QU-HC"]
    board = OrgUnit.objects.get(code="DN-BDV-HC")
    assert board.path == "TW/QNA-TU/DN-QU-HC/DN-BDV-HC/"
    assert board.depth == 3
    event = AuditEvent.objects.filter(action="orgs.unit.update", object_id="DN-QU-HC").latest("at")
    assert event.before["parent_code"] == "DN-TU" and event.after["parent_code"] == "QNA-TU"


def test_an_administrator_cannot_import_outside_their_subtree(db, demo_user):
    from danvan.accounts.services import create_user, grant_role

    scoped_admin = create_user(SYSTEM, "dn.quantri", "Song-Han#2026")
    grant_role(SYSTEM, "dn.quantri", "DN-TU", "admin")
    import_csv("DN-TEST,Đơn vị thử,,agency,T,DN-TU,2023-01-01,,\n", actor=scoped_admin)
    assert OrgUnit.objects.get(code="DN-TEST").path == "TW/DN-TU/DN-TEST/"
    before = snapshot()
    with pytest.raises(ScopeDenied, match="dòng 2 \\(mã CT-TEST\\): bạn không có quyền quản trị"):
        import_csv("CT-TEST,Đơn vị thử Cần Thơ,,agency,T,CT-TU,2023-01-01,,\n", actor=scoped_admin)
    assert snapshot() == before
    with pytest.raises(ScopeDenied):
        services.import_units(demo_user("dn.dieuphoi"), [], [])


def test_valid_day_checks_are_inclusive(db):
    unit = OrgUnit.objects.get(code="DN-BDVTU")
    assert unit.is_valid_on(dt.date(2025, 2, 28))
    assert not unit.is_valid_on(dt.date(2025, 3, 1))
