"""Revisions of a submission: immutable, one per save, compared line by line; the lock date."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.reporting import selectors, services
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import Assignment, DataValue, Revision
from reporting.cycle import act, at, make_user, snapshot, submission_of, user, values_of

pytestmark = pytest.mark.django_db


def test_revisions_are_immutable(police):
    revision = act(
        at("2023-07-01"),
        services.save_draft,
        "dn.baocao",
        police,
        {"ket-qua": "Bản gốc."},
        {"tin-bai": "5"},
    )
    revision.sections = {"ket-qua": "Sửa lén."}
    with pytest.raises(ValueError, match="Revisions are immutable."):
        revision.save()
    assert Revision.objects.get(pk=revision.pk).sections == {"ket-qua": "Bản gốc."}


def test_each_save_is_a_new_revision_and_the_values_follow_the_latest(police):
    act(
        at("2023-07-01", 8),
        services.save_draft,
        "dn.baocao",
        police,
        {"ket-qua": "A"},
        {"tin-bai": "10", "don-tiep-nhan": "5", "don-tiep-nhan:to-cao": "2"},
    )
    act(
        at("2023-07-01", 9),
        services.save_draft,
        "dn.baocao",
        police,
        {"ket-qua": "B"},
        # Keys left out would keep their saved values; "" clears them.
        {"tin-bai": "12", "don-tiep-nhan": "", "don-tiep-nhan:to-cao": ""},
    )
    assert list(police.revisions.values_list("number", "kind", "created_at")) == [
        (1, "save", at("2023-07-01", 8)),
        (2, "save", at("2023-07-01", 9)),
    ]
    assert police.revisions.get(number=1).values == {
        "don-tiep-nhan": "5",
        "don-tiep-nhan:to-cao": "2",
        "tin-bai": "10",
    }
    assert values_of(police) == {("tin-bai", None): "12"}
    first = DataValue.objects.get(submission=police)
    assert (first.unit.code, first.unit_path, first.period.code) == (
        "DN-CATP",
        police.assignment.unit_path,
        "2023S1",
    )


def test_compare_shows_the_changed_lines_and_values(police):
    first = act(
        at("2023-07-01", 8),
        services.save_draft,
        "dn.baocao",
        police,
        {
            "ket-qua": "Ban hành kế hoạch.\nĐăng tải 8.000 tin, bài.\nTiếp nhận 67 thư.",
            "han-che": "Còn chậm.",
        },
        {"tin-bai": "8.000", "thu-to-giac": "67", "don-tiep-nhan": "5"},
    )
    second = act(
        at("2023-07-02", 8),
        services.save_draft,
        "dn.baocao",
        police,
        {
            "ket-qua": "Ban hành kế hoạch.\nĐăng tải 8.692 tin, bài.\nTiếp nhận 67 thư.",
            "nhiem-vu": "Tiếp tục tuyên truyền.",
            "han-che": "",
        },
        {"tin-bai": "8.692", "thu-to-giac": "67", "duong-day-nong": "4.433", "don-tiep-nhan": ""},
    )
    diff = selectors.compare(first, second)
    assert diff.sections == [
        ("han-che", ["@@ -1 +0,0 @@", "-Còn chậm."]),
        (
            "ket-qua",
            [
                "@@ -1,3 +1,3 @@",
                " Ban hành kế hoạch.",
                "-Đăng tải 8.000 tin, bài.",
                "+Đăng tải 8.692 tin, bài.",
                " Tiếp nhận 67 thư.",
            ],
        ),
        ("nhiem-vu", ["@@ -0,0 +1 @@", "+Tiếp tục tuyên truyền."]),
    ]
    assert diff.values == [
        ("don-tiep-nhan", "5", None),
        ("duong-day-nong", None, "4433"),
        ("tin-bai", "8000", "8692"),
    ]
    same = selectors.compare(second, second)
    assert (same.sections, same.values) == ([], [])


def test_the_lock_date_closes_the_submission_unless_an_exception_covers_today(request_, police):
    act(
        at("2023-07-31", 23),
        services.save_draft,
        "dn.baocao",
        police,
        {"ket-qua": "Ngày khóa vẫn sửa được."},
        {},
    )
    before = snapshot(police)
    with pytest.raises(ReportingError) as caught:
        act(at("2023-08-01", 0), services.save_draft, "dn.baocao", police, {"ket-qua": "Muộn."}, {})
    assert caught.value.messages == [
        "Số liệu đã khóa từ sau ngày 31/07/2023; liên hệ đơn vị yêu cầu để được mở khóa."
    ]
    with pytest.raises(ReportingError):
        act(at("2023-08-01", 0), services.submit, "dn.baocao", police, {"ket-qua": "Muộn."}, {})
    assert snapshot(police) == before

    assignment = police.assignment
    with pytest.raises(ScopeDenied):
        services.set_lock_exception(user("dn.baocao"), assignment, dt.date(2023, 8, 5))
    with pytest.raises(ScopeDenied):
        services.set_lock_exception(user("dn.lanhdao"), assignment, dt.date(2023, 8, 5))
    services.set_lock_exception(user("dn.dieuphoi"), assignment, dt.date(2023, 8, 5))
    assert Assignment.objects.get(pk=assignment.pk).lock_exception_until == dt.date(2023, 8, 5)
    act(
        at("2023-08-05", 20),
        services.submit,
        "dn.baocao",
        police,
        {"ket-qua": "Nộp trong thời gian mở khóa."},
        {},
    )
    police.refresh_from_db()
    assert police.status == "submitted"
    # The exception is for this unit only: the Front stays locked.
    front = submission_of(request_, "DN-MTTQ")
    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    with pytest.raises(ReportingError, match="Số liệu đã khóa"):
        act(at("2023-08-03"), services.save_draft, "mttq.baocao", front, {"ket-qua": "X"}, {})
    # After the exception ends, a returned report is locked again.
    act(at("2023-08-06"), services.return_submission, "dn.dieuphoi", police, "Thiếu số liệu.")
    before = snapshot(police)
    with pytest.raises(ReportingError, match="Số liệu đã khóa từ sau ngày 31/07/2023"):
        act(at("2023-08-06"), services.save_draft, "dn.baocao", police, {"ket-qua": "Sửa."}, {})
    assert snapshot(police) == before
    assert services.is_locked(assignment, dt.date(2023, 8, 6)) is True
    assert services.is_locked(assignment, dt.date(2023, 8, 5)) is False
    assert services.is_locked(assignment, dt.date(2023, 7, 31)) is False
