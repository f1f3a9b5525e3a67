"""The lifecycle: the transitions a unit, an assessment and a recognition make, and the ones
refused (with Vietnamese messages, changing nothing); every step records who, when, at which
level and on which decision, and is audited."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM
from danvan.audit.models import AuditEvent
from danvan.exemplars import lifecycle, services
from danvan.exemplars.lifecycle import TransitionRefused
from danvan.exemplars.models import Status

from .conftest import run

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("du_kien", "hieu_qua", "chỉ có được qua một lần đánh giá"),
        ("trien_khai", "cong_nhan", "chỉ có được qua quyết định công nhận"),
        ("dang_ky", "trien_khai", "trạng thái tiếp theo được phép: “Ra mắt”, “Dừng”"),
        ("dung", "dang_ky", "trạng thái tiếp theo được phép: không có"),
        ("hieu_qua", "ra_mat", "Không chuyển được từ “Hiệu quả” sang “Ra mắt”"),
    ],
)
def test_refused_manual_transitions(current, target, message):
    with pytest.raises(TransitionRefused, match=message):
        lifecycle.check_manual(current, target)


def test_the_whole_ladder(tree, make_entry):
    entry = make_entry(tree["a"], register=False, at=dt.date(2023, 1, 2))
    assert entry.status == Status.PLANNED and entry.registered_on is None
    services.change_status(actor=SYSTEM, entry=entry, target="dang_ky", at=dt.date(2023, 1, 10))
    assert entry.registered_on == dt.date(2023, 1, 10)
    services.change_status(
        actor=SYSTEM,
        entry=entry,
        target="ra_mat",
        at=dt.date(2023, 2, 1),
        level="xa",
        note="Cam kết: 3 kiệt; phân công: tổ trưởng các tổ dân phố.",
    )
    services.change_status(actor=SYSTEM, entry=entry, target="trien_khai", at=dt.date(2023, 2, 2))
    services.change_status(actor=SYSTEM, entry=entry, target="danh_gia", at=dt.date(2023, 12, 1))
    services.assess(
        actor=SYSTEM,
        entry=entry,
        assessed_on=dt.date(2023, 12, 5),
        conclusion="hieu_qua",
        checklist=[0, 1, 2],
        assessor_unit=tree["board"],
    )
    assert entry.status == Status.EFFECTIVE
    services.recognise(
        actor=SYSTEM,
        entry=entry,
        level="tinh",
        form="cong_nhan",
        decided_on=dt.date(2024, 1, 5),
        decision_symbol="125-QĐ/TU",
        by_unit=tree["board"],
        period_from=2021,
        period_to=2025,
    )
    services.recognise(
        actor=SYSTEM,
        entry=entry,
        level="tinh",
        form="tieu_bieu",
        decided_on=dt.date(2024, 2, 1),
        decision_symbol="130-QĐ/TU",
        by_unit=tree["board"],
    )
    # A lower form afterwards does not move the entry back down the ladder.
    services.recognise(
        actor=SYSTEM,
        entry=entry,
        level="xa",
        form="cong_nhan",
        decided_on=dt.date(2024, 3, 1),
        decision_symbol="20-QĐ/ĐU",
        by_unit=tree["board"],
    )
    assert entry.status == Status.OUTSTANDING
    services.change_status(actor=SYSTEM, entry=entry, target="nhan_rong", at=dt.date(2024, 4, 1))
    # The yearly re-assessment keeps the recognitions.
    services.change_status(actor=SYSTEM, entry=entry, target="danh_gia", at=dt.date(2024, 11, 1))
    services.assess(
        actor=SYSTEM,
        entry=entry,
        assessed_on=dt.date(2024, 12, 1),
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=tree["board"],
    )
    history = [(e.status, e.at) for e in entry.events.all()]
    assert [s for s, _ in history] == [
        "du_kien",
        "dang_ky",
        "ra_mat",
        "trien_khai",
        "danh_gia",
        "hieu_qua",
        "cong_nhan",
        "tieu_bieu",
        "nhan_rong",
        "danh_gia",
        "hieu_qua",
    ]
    launch = entry.events.get(status="ra_mat")
    assert launch.level == "xa" and "Cam kết" in launch.note
    recognised = entry.events.get(status="cong_nhan")
    assert recognised.decision.symbol == "125-QĐ/TU" and recognised.level == "tinh"
    assert entry.recognitions.get(form="cong_nhan", level="tinh").period_label == "2021–2025"
    assert AuditEvent.objects.filter(object_type="Entry", object_id=str(entry.pk)).count() >= 10


def test_ineffective_then_consolidate_or_stop(tree, make_entry):
    entry = make_entry(tree["a"])
    run(entry, dt.date(2023, 2, 1))
    services.assess(
        actor=SYSTEM,
        entry=entry,
        assessed_on=dt.date(2023, 12, 1),
        conclusion="chua_hieu_qua",
        checklist=[],
        assessor_unit=tree["board"],
    )
    assert entry.status == Status.INEFFECTIVE
    with pytest.raises(TransitionRefused):
        services.recognise(
            actor=SYSTEM,
            entry=entry,
            level="tinh",
            form="cong_nhan",
            decided_on=dt.date(2023, 12, 20),
            decision_symbol="1-QĐ/TU",
            by_unit=tree["board"],
        )
    services.change_status(actor=SYSTEM, entry=entry, target="cung_co", at=dt.date(2024, 1, 5))
    services.change_status(actor=SYSTEM, entry=entry, target="dung", at=dt.date(2024, 6, 5))
    with pytest.raises(TransitionRefused):
        services.change_status(
            actor=SYSTEM, entry=entry, target="trien_khai", at=dt.date(2024, 7, 1)
        )
    assert entry.recognitions.count() == 0


def test_registration_needs_the_ten_items(tree, make_entry):
    with pytest.raises(services.EntryInvalid) as refused:
        make_entry(tree["a"], situation="", resources="  ", evaluation_date=None)
    assert (
        refused.value.errors["situation"]
        == "Chưa nhập mục “2. Thực trạng, lý do” (bắt buộc khi đăng ký)."
    )
    assert "7. Nguồn lực" in refused.value.errors["resources"]
    assert "8. Thời điểm đánh giá" in refused.value.errors["evaluation_date"]
    draft = make_entry(tree["a"], register=False, situation="")
    with pytest.raises(services.EntryInvalid):
        services.change_status(actor=SYSTEM, entry=draft, target="dang_ky", at=dt.date(2023, 2, 1))
    draft.refresh_from_db()
    assert draft.status == Status.PLANNED


def test_personal_data_only_for_individuals(tree, make_entry):
    with pytest.raises(services.EntryInvalid) as refused:
        make_entry(tree["a"], person_name="Nguyễn Văn B")
    assert "Chỉ ghi họ tên, chức vụ khi chủ thể là cá nhân" in refused.value.errors["person_name"]
    with pytest.raises(services.EntryInvalid) as refused:
        make_entry(tree["a"], subject="ca_nhan", kind="dien_hinh")
    assert refused.value.errors["person_name"] == "Điển hình cá nhân cần họ và tên."


def test_dates_must_follow_and_not_be_in_the_future(tree, make_entry):
    entry = make_entry(tree["a"], at=dt.date(2023, 3, 1))
    with pytest.raises(TransitionRefused, match="trước bước trước đó"):
        services.change_status(actor=SYSTEM, entry=entry, target="ra_mat", at=dt.date(2023, 2, 1))
    with pytest.raises(TransitionRefused, match="sau hôm nay"):
        services.change_status(
            actor=SYSTEM, entry=entry, target="ra_mat", at=dt.date.today() + dt.timedelta(days=3)
        )
    assert entry.events.count() == 2


def test_recognition_rules(tree, make_entry):
    entry = make_entry(tree["a"])
    run(entry, dt.date(2023, 2, 1))
    with pytest.raises(TransitionRefused, match="đã được đánh giá hiệu quả"):
        services.recognise(
            actor=SYSTEM,
            entry=entry,
            level="tinh",
            form="cong_nhan",
            decided_on=dt.date(2023, 3, 1),
            decision_symbol="1-QĐ/TU",
            by_unit=tree["board"],
        )
    services.assess(
        actor=SYSTEM,
        entry=entry,
        assessed_on=dt.date(2023, 12, 1),
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=tree["board"],
    )
    with pytest.raises(TransitionRefused, match="Cần số ký hiệu quyết định"):
        services.recognise(
            actor=SYSTEM,
            entry=entry,
            level="tinh",
            form="cong_nhan",
            decided_on=dt.date(2024, 1, 1),
            decision_symbol="",
            by_unit=tree["board"],
        )
    with pytest.raises(TransitionRefused, match="không còn cấp huyện"):
        services.recognise(
            actor=SYSTEM,
            entry=entry,
            level="huyen",
            form="cong_nhan",
            decided_on=dt.date(2025, 8, 1),
            decision_symbol="5-QĐ/HU",
            by_unit=tree["board"],
        )
    with pytest.raises(TransitionRefused, match="không hợp lệ"):
        services.recognise(
            actor=SYSTEM,
            entry=entry,
            level="tinh",
            form="cong_nhan",
            decided_on=dt.date(2024, 1, 1),
            decision_symbol="không phải số",
            by_unit=tree["board"],
        )
    assert entry.recognitions.count() == 0 and entry.status == Status.EFFECTIVE


def test_assessment_needs_a_running_entry_and_criteria_in_force(tree, make_entry):
    entry = make_entry(tree["a"])
    with pytest.raises(TransitionRefused, match="cần ra mắt và triển khai trước"):
        services.assess(
            actor=SYSTEM,
            entry=entry,
            assessed_on=dt.date(2023, 6, 1),
            conclusion="hieu_qua",
            checklist=[],
            assessor_unit=tree["board"],
        )
    run(entry, dt.date(2023, 2, 1))
    with pytest.raises(TransitionRefused, match="không thuộc bộ tiêu chí"):
        services.assess(
            actor=SYSTEM,
            entry=entry,
            assessed_on=dt.date(2023, 6, 1),
            conclusion="hieu_qua",
            checklist=[99],
            assessor_unit=tree["board"],
        )
    with pytest.raises(TransitionRefused, match="Chưa có bộ tiêu chí"):
        services.assess(
            actor=SYSTEM,
            entry=entry,
            assessed_on=dt.date(2008, 6, 1),
            conclusion="hieu_qua",
            checklist=[],
            assessor_unit=tree["board"],
        )
    assert entry.assessments.count() == 0
