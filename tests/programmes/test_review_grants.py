"""A review reaching a party outside the board's subtree (the provincial police, in the
ministry's tree) through the programme grant: issued to every party of the programme and its
plan, answered by the police's own reporter, accepted by the board, the commitment's status
following; another province's board cannot issue it."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.issuing.selectors import ExportOptions
from danvan.programmes import followup, joint_report, review, review_scope, review_selectors
from danvan.programmes.models import ReviewKind
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from reporting.cycle import at

from .test_permissions import plan_with_commitments
from .world import signed_programme


@pytest.fixture
def scene(world):
    with recorded_at(at("2022-01-25", 9)):
        programme = signed_programme(world["t.board"])
        plan, made = plan_with_commitments(world["t.board"], programme)
    return world, programme, made


def issue(actor, programme):
    with recorded_at(at("2022-05-20", 8)):
        return review.issue_review(
            actor,
            instruments=[programme],
            period_code="2022S1",
            kind=ReviewKind.HALF_YEAR,
            deadline=dt.date(2022, 6, 15),
        )[0].report_request


def test_the_police_of_another_tree_answers_through_the_grant(scene):
    users, programme, made = scene
    request = issue(users["t.board"], programme)
    assert sorted(request.assignments.values_list("unit__code", flat=True)) == [
        "T-BCHQS",
        "T-BCSD",
        "T-CAT",
    ]
    assignment = request.assignments.get(unit__code="T-CAT")
    owned = [c.content for c, _, _ in review_scope.unit_commitments(assignment)]
    # The police lead one commitment and join the military's.
    assert sorted(owned) == [
        "Nhiệm vụ do Bộ Chỉ huy Quân sự tỉnh T chủ trì",
        "Nhiệm vụ do Công an tỉnh T chủ trì",
    ]
    police = users["t.police"]
    with recorded_at(at("2022-06-10", 9)):
        review.record_progress(
            police,
            assignment_id=assignment.pk,
            rows={made["police"].pk: {"status": "hoan_thanh", "narrative": "Đã hoàn thành."}},
        )
        submission = assignment.submission
        submission.refresh_from_db()
        services.submit(
            police,
            submission.pk,
            submission.version,
            {"ket-qua-an-ninh-trat-tu": "Công an tỉnh T giữ vững an ninh trật tự."},
            {},
        )
    with recorded_at(at("2022-06-12", 9)):
        services.accept_submission(users["t.board"], submission.pk)
    state = followup.latest_accepted([made["police"]])[made["police"].pk]
    assert (state.status, state.reported_by.username) == ("hoan_thanh", "t.police")
    facts = review_selectors.joint_review(users["t.board"], request, dt.date(2022, 6, 30))
    document = joint_report.build(facts, ExportOptions(day=dt.date(2022, 6, 30)))
    results = [p["text"] for g in document["outline"][1]["children"] for p in g["paragraphs"]]
    assert "Công an tỉnh T giữ vững an ninh trật tự." in results
    assert "- Nhiệm vụ do Công an tỉnh T chủ trì: hoàn thành; Đã hoàn thành." in results
    missing = [
        p["text"]
        for s in document["outline"][2]["children"]
        for p in s["paragraphs"]
        if "chưa gửi báo cáo" in p["text"]
    ]
    assert missing == [
        "Việc chấp hành chế độ thông tin, báo cáo chưa đúng tiến độ chương trình phối hợp đã đề "
        "ra: chưa gửi báo cáo: Ban cán sự đảng UBND tỉnh T và Bộ Chỉ huy Quân sự tỉnh T."
    ]


def test_another_province_cannot_issue_the_review(scene):
    users, programme, _ = scene
    with pytest.raises(ScopeDenied):
        issue(users["b.board"], programme)
