"""Issuing requests: who may, which units, the request document in the registry, the
assignments snapshotted at issue, templates versioned and cloned."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM, ScopeDenied
from danvan.notifications.models import Notification
from danvan.orgs import interchange
from danvan.orgs import services as org_services
from danvan.orgs.models import OrgUnit
from danvan.registry.models import Document
from danvan.reporting import selectors, services
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import Assignment, Period, ReportRequest, ReportTemplate, Submission
from reporting.cycle import CAN_THO_TITLE, SECTIONS, full_template, issue, user

pytestmark = pytest.mark.django_db


def test_the_demo_request_cites_its_document_in_the_registry():
    request = ReportRequest.objects.get(title=CAN_THO_TITLE)
    document = request.request_document
    assert (
        document.symbol,
        document.date,
        document.system,
        document.number,
        document.type_code,
        document.issuer_code,
        document.kind,
    ) == ("644-CV/BDVTU", dt.date(2019, 5, 7), "party", "644", "CV", "BDVTU", "Công văn")
    assert document.issuer_unit.code == "CT-BDVTU"
    assert document.issued_by == "Ban Dân vận Thành ủy Cần Thơ"
    assert str(document) == "Công văn 644-CV/BDVTU ngày 07/05/2019"
    assert request.period.code == "2019S1"
    assert (request.regime, request.data_from, request.data_to) == (
        "party",
        dt.date(2019, 1, 1),
        dt.date(2019, 6, 30),
    )
    assert (request.deadline, request.grace_days, request.lock_date) == (
        dt.date(2019, 6, 10),
        2,
        dt.date(2019, 7, 15),
    )
    assert [a.unit.code for a in request.assignments.order_by("unit__code")] == [
        "CT-DUK",
        "CT-MTTQ",
        "CT-UBND",
    ]


def test_a_coordinator_issues_a_request_with_its_document():
    before = Document.objects.count()
    request = issue(
        units=["DN-MTTQ", "DN-CATP"],
        period="2023S1",
        regime="state",
        grace_days=3,
        lock_date=dt.date(2023, 7, 31),
        document=services.RequestDocument(
            "15-CV/BDVTU", dt.date(2023, 6, 19), "về việc báo cáo 6 tháng"
        ),
    )
    assert Document.objects.count() == before + 1
    document = request.request_document
    assert (
        document.symbol,
        document.date,
        document.system,
        document.number,
        document.type_code,
        document.issuer_code,
        document.kind,
        document.title,
    ) == (
        "15-CV/BDVTU",
        dt.date(2023, 6, 19),
        "party",
        "15",
        "CV",
        "BDVTU",
        "Công văn",
        "về việc báo cáo 6 tháng",
    )
    assert request.issuer.code == "DN-BDVTU"
    assert request.issued_by.username == "dn.dieuphoi"
    assert request.period.code == "2023S1" and request.period.name == "6 tháng đầu năm 2023"
    # State agencies under Nghị định 09/2019: 15/12 of the year before to 14/6.
    assert (request.data_from, request.data_to) == (dt.date(2022, 12, 15), dt.date(2023, 6, 14))
    assert request.grace_days == 3
    rows = [
        (a.unit.code, a.unit_name, a.submission.status, a.submission.version)
        for a in request.assignments.select_related("unit", "submission").order_by("unit__code")
    ]
    assert rows == [
        ("DN-CATP", "Công an thành phố Đà Nẵng", "draft", 0),
        ("DN-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng", "draft", 0),
    ]
    # The police's reporter is told in the app.
    police = request.assignments.get(unit__code="DN-CATP")
    assert list(
        Notification.objects.filter(
            user=user("dn.baocao"), url=f"/bao-cao/nop/{police.pk}/"
        ).values_list("text", flat=True)
    ) == [
        "Yêu cầu báo cáo mới: Báo cáo công tác dân vận 6 tháng đầu năm 2023 — hạn nộp 10/07/2023."
    ]


def test_a_state_document_symbol_is_recorded_as_such():
    request = issue(
        units=["DN-CATP"], document=services.RequestDocument("329/BC-UBND", dt.date(2023, 6, 1))
    )
    document = request.request_document
    assert (
        document.system,
        document.number,
        document.type_code,
        document.issuer_code,
        document.kind,
    ) == ("state", "329", "BC", "UBND", "Báo cáo")


def test_the_same_document_is_recorded_once():
    first = issue(
        units=["DN-CATP"], document=services.RequestDocument("16-CV/BDVTU", dt.date(2023, 6, 20))
    )
    second = issue(
        units=["DN-MTTQ"], document=services.RequestDocument("16-CV/BDVTU", dt.date(2023, 6, 20))
    )
    assert first.request_document_id == second.request_document_id


@pytest.mark.parametrize("username", ["dn.baocao", "dn.lanhdao", "dn.xem", "ct.dieuphoi"])
def test_only_a_coordinator_of_the_issuer_may_issue(username):
    template = full_template()
    count = ReportRequest.objects.count()
    with pytest.raises(ScopeDenied) as caught:
        issue(units=["DN-CATP"], template=template, actor=user(username))
    assert caught.value.message == "Bạn không có quyền ban hành yêu cầu báo cáo cho đơn vị này."
    assert ReportRequest.objects.count() == count


def test_units_outside_the_coordinators_subtree_are_refused_by_name():
    template = full_template()
    counts = (ReportRequest.objects.count(), Assignment.objects.count(), Document.objects.count())
    with pytest.raises(ReportingError) as caught:
        issue(
            units=["DN-CATP", "CT-DUK", "QNA-UBND"],
            template=template,
            document=services.RequestDocument("17-CV/BDVTU", dt.date(2023, 6, 20)),
        )
    assert sorted(caught.value.messages) == [
        "Đơn vị Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ nằm ngoài phạm vi điều phối của bạn.",
        "Đơn vị Ủy ban nhân dân tỉnh Quảng Nam nằm ngoài phạm vi điều phối của bạn.",
    ]
    assert (
        ReportRequest.objects.count(),
        Assignment.objects.count(),
        Document.objects.count(),
    ) == counts


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lock_date": dt.date(2023, 7, 9)}, "Ngày khóa số liệu không được trước hạn nộp."),
        ({"units": []}, "Cần chọn ít nhất một đơn vị được yêu cầu báo cáo."),
        ({"units": ["DN-CATP", "DN-KHONG-CO"]}, "Không có đơn vị: DN-KHONG-CO."),
        ({"title": "   "}, "Cần nhập tên yêu cầu báo cáo."),
        ({"grace_days": 61}, "Số ngày gia hạn phải từ 0 đến 60."),
        ({"grace_days": -1}, "Số ngày gia hạn phải từ 0 đến 60."),
    ],
)
def test_bad_requests_are_refused_and_nothing_is_written(changes, message):
    template = full_template()
    count = ReportRequest.objects.count()
    arguments = {"units": ["DN-CATP"], "deadline": dt.date(2023, 7, 10), **changes}
    with pytest.raises(ReportingError) as caught:
        issue(template=template, **arguments)
    assert caught.value.messages == [message]
    assert ReportRequest.objects.count() == count


def test_the_lock_date_may_be_the_deadline_itself():
    request = issue(
        units=["DN-CATP"], deadline=dt.date(2023, 7, 10), lock_date=dt.date(2023, 7, 10)
    )
    assert request.lock_date == dt.date(2023, 7, 10)


def test_an_invalid_period_is_refused():
    template = full_template()
    with pytest.raises(ValueError, match="Mã kỳ '2023S3' không hợp lệ"):
        issue(units=["DN-CATP"], template=template, period="2023S3")
    assert not Period.objects.filter(code__startswith="2023S3").exists()


def _row(code: str, **changes) -> interchange.UnitRow:
    stored = OrgUnit.objects.select_related("parent").get(code=code)
    values = {
        "label": "dòng 2",
        "code": stored.code,
        "name": stored.name,
        "short_name": stored.short_name,
        "kind": stored.kind,
        "issuer_code": stored.issuer_code,
        "parent_code": stored.parent.code if stored.parent_id else "",
        "valid_from": stored.valid_from.isoformat(),
        "valid_to": stored.valid_to.isoformat() if stored.valid_to else "",
        "note": stored.note,
    }
    values.update(changes)
    return interchange.UnitRow(**values)


def test_assignments_are_a_snapshot_of_the_tree_at_issue():
    request = issue(units=["DN-MTTQ", "DN-CATP"])
    board = selectors.status_board(user("dn.dieuphoi"), request)
    assert board.expected == 2
    old_path = OrgUnit.objects.get(code="DN-MTTQ").path
    # Later: the front is renamed and moved under the People's Committee, and a new unit joins the city.
    org_services.import_units(
        SYSTEM,
        [
            _row(
                "DN-MTTQ",
                name="Ủy ban MTTQ Việt Nam thành phố Đà Nẵng (sau sắp xếp)",
                parent_code="DN-UBND",
            ),
            interchange.UnitRow(
                label="dòng 3",
                code="DN-HND",
                name="Hội Nông dân thành phố Đà Nẵng",
                kind="mass_organisation",
                issuer_code="HND",
                parent_code="DN-TU",
                valid_from="2023-07-01",
            ),
        ],
        [],
    )
    moved = OrgUnit.objects.get(code="DN-MTTQ")
    assert moved.name.endswith("(sau sắp xếp)") and moved.path != old_path
    assignment = Assignment.objects.get(request=request, unit__code="DN-MTTQ")
    assert assignment.unit_name == "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng"
    assert assignment.unit_path == old_path
    assert request.assignments.count() == 2
    assert Submission.objects.filter(assignment__request=request).count() == 2
    board = selectors.status_board(user("dn.dieuphoi"), request)
    assert (board.expected, board.missing) == (2, 2)
    assert [row.unit_name for row in board.rows] == [
        "Công an thành phố Đà Nẵng",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng",
    ]


def test_templates_are_versioned_and_a_request_keeps_its_version():
    first = full_template("de-cuong-thu")
    request = issue(units=["DN-CATP"], template=first)
    second = services.create_template(
        SYSTEM,
        OrgUnit.objects.get(code="DN-TU"),
        "de-cuong-thu",
        "Đề cương thử (sửa)",
        SECTIONS[:2],
        ["tin-bai"],
    )
    assert (first.version, second.version) == (1, 2)
    request.refresh_from_db()
    assert request.template_id == first.pk
    assert request.template.form_rows.count() == 27
    assert list(second.form_rows.values_list("indicator__code", flat=True)) == ["tin-bai"]


def test_a_clone_copies_sections_and_form_and_remembers_its_source():
    source = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    clone = services.clone_template(
        user("dn.dieuphoi"),
        source,
        "phoi-hop-ban-sao",
        "Bản sao",
        OrgUnit.objects.get(code="DN-BDVTU"),
    )
    assert (clone.version, clone.cloned_from_id, clone.sections) == (1, source.pk, source.sections)
    assert list(clone.form_rows.values_list("indicator__code", flat=True)) == list(
        source.form_rows.values_list("indicator__code", flat=True)
    )
    with pytest.raises(ReportingError, match="Đã có đề cương mã 'phoi-hop-ban-sao'."):
        services.clone_template(
            user("dn.dieuphoi"), source, "phoi-hop-ban-sao", "Bản sao", clone.owner
        )


@pytest.mark.parametrize(
    ("sections", "codes", "message"),
    [
        ([], ["tin-bai"], "Đề cương cần ít nhất một đề mục."),
        (
            [{"key": "a", "title": "A"}, {"key": "a", "title": "B"}],
            ["tin-bai"],
            "Mã đề mục trong đề cương bị trùng.",
        ),
        (
            [{"key": "a", "title": " "}],
            ["tin-bai"],
            "Mỗi đề mục của đề cương cần có mã và tiêu đề.",
        ),
        ([{"key": "a", "title": "A"}], ["tin-bai", "khong-co"], "Không có chỉ tiêu: khong-co."),
    ],
)
def test_bad_templates_are_refused(sections, codes, message):
    count = ReportTemplate.objects.count()
    with pytest.raises(ReportingError, match=message):
        services.create_template(
            SYSTEM, OrgUnit.objects.get(code="DN-TU"), "hong", "Hỏng", sections, codes
        )
    assert ReportTemplate.objects.count() == count


def test_only_coordinators_manage_templates():
    with pytest.raises(ScopeDenied):
        services.create_template(
            user("dn.baocao"),
            OrgUnit.objects.get(code="DN-CATP"),
            "cua-cong-an",
            "X",
            SECTIONS,
            ["tin-bai"],
        )


def test_a_coordinator_cannot_version_another_citys_template():
    count = ReportTemplate.objects.count()
    with pytest.raises(ReportingError) as caught:
        services.create_template(
            user("ct.dieuphoi"),
            OrgUnit.objects.get(code="CT-TU"),
            "phoi-hop-dan-van-6-thang",
            "Đề cương của Cần Thơ",
            SECTIONS,
            ["tin-bai"],
        )
    assert caught.value.messages == [
        "Mã đề cương 'phoi-hop-dan-van-6-thang' đã được Thành ủy Đà Nẵng dùng; hãy chọn mã khác."
    ]
    assert ReportTemplate.objects.count() == count
    # Đà Nẵng's own coordinator makes the next version.
    second = services.create_template(
        user("dn.dieuphoi"),
        OrgUnit.objects.get(code="DN-TU"),
        "phoi-hop-dan-van-6-thang",
        "Đề cương (sửa)",
        SECTIONS,
        ["tin-bai"],
    )
    assert second.version == 2
