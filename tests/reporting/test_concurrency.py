"""Two people saving the same submission at once: the second is refused with a clear
message, and nothing the first saved is lost."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from danvan.demo.loader import load_demo
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.errors import ConcurrentEdit
from danvan.reporting.models import DataValue, Revision, Submission
from reporting.cycle import at, issue, make_user, submission_of, user


def current(submission):
    submission.refresh_from_db()
    latest = submission.revisions.order_by("-number").first()
    return (
        submission.version,
        submission.revisions.count(),
        latest.sections,
        latest.values,
        sorted(
            DataValue.objects.filter(submission=submission).values_list("indicator__code", "value")
        ),
    )


@pytest.mark.django_db
def test_a_save_from_a_stale_version_is_refused_and_loses_nothing():
    request = issue(units=["DN-CATP"])
    police = submission_of(request, "DN-CATP")
    make_user("catp.baocao2", "reporter", "DN-CATP")
    base = police.version  # both open the page now
    with recorded_at(at("2023-07-01", 10, 15)):
        services.save_draft(
            user("dn.baocao"),
            police.pk,
            base,
            {"ket-qua": "Bản của anh Bình."},
            {"tin-bai": "8.692"},
        )
    with recorded_at(at("2023-07-01", 10, 20)), pytest.raises(ConcurrentEdit) as caught:
        services.save_draft(
            user("catp.baocao2"),
            police.pk,
            base,
            {"ket-qua": "Bản của người thứ hai."},
            {"tin-bai": "1"},
        )
    assert caught.value.messages == [
        "Báo cáo đã được lưu bởi người khác lúc 10:15:00 01/07/2023 sau khi bạn mở. Nội dung bạn vừa nhập chưa "
        "được lưu và vẫn còn trên trang; hãy sao chép lại, tải lại báo cáo rồi lưu lần nữa."
    ]
    version, count, sections, values, stored = current(police)
    assert (version, count) == (base + 1, 1)
    assert (sections, values) == ({"ket-qua": "Bản của anh Bình."}, {"tin-bai": "8692"})
    assert [(code, int(value)) for code, value in stored] == [("tin-bai", 8692)]
    assert police.revisions.get().author.username == "dn.baocao"
    # Reloaded, the second person saves on top of the first.
    with recorded_at(at("2023-07-01", 10, 25)):
        services.save_draft(
            user("catp.baocao2"),
            police.pk,
            police.version,
            {"ket-qua": "Bản hợp nhất."},
            {"tin-bai": "8.692"},
        )
    assert current(police)[:3] == (base + 2, 2, {"ket-qua": "Bản hợp nhất."})


@pytest.mark.django_db
def test_a_stale_submit_is_refused_too():
    request = issue(units=["DN-CATP"])
    police = submission_of(request, "DN-CATP")
    base = police.version
    with recorded_at(at("2023-07-01", 10)):
        services.save_draft(user("dn.baocao"), police.pk, base, {"ket-qua": "Nháp."}, {})
        with pytest.raises(ConcurrentEdit):
            services.submit(user("dn.baocao"), police.pk, base, {"ket-qua": "Nộp từ trang cũ."}, {})
    police.refresh_from_db()
    assert (police.status, police.first_submitted_at, police.revisions.count()) == (
        "draft",
        None,
        1,
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"
)
@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_transactions_saving_at_once_one_wins():
    load_demo()  # a transactional test may find the database emptied by an earlier one
    request = issue(units=["DN-CATP"])
    police = submission_of(request, "DN-CATP")
    make_user("catp.baocao2", "reporter", "DN-CATP")
    people = {"first": user("dn.baocao"), "second": user("catp.baocao2")}
    submission_id = police.pk
    for round_ in range(5):
        police.refresh_from_db()
        base = police.version
        barrier = threading.Barrier(2)
        results: dict[str, object] = {}

        def save(name, base=base, barrier=barrier, results=results, round_=round_):
            try:
                barrier.wait(timeout=20)
                with recorded_at(at("2023-07-01", 10, round_)):
                    results[name] = services.save_draft(
                        people[name],
                        submission_id,
                        base,
                        {"ket-qua": f"Bản của {name}, lượt {round_}."},
                        {"tin-bai": str(100 * round_ + len(name))},
                    )
            except Exception as exc:  # collected and checked below
                results[name] = exc
            finally:
                connections.close_all()

        threads = [threading.Thread(target=save, args=(name,)) for name in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        won = [name for name, result in results.items() if isinstance(result, Revision)]
        lost = [name for name, result in results.items() if isinstance(result, ConcurrentEdit)]
        assert len(won) == 1 and len(lost) == 1, results
        winner = won[0]
        police = Submission.objects.get(pk=police.pk)
        assert police.version == base + 1
        assert police.revisions.count() == round_ + 1
        latest = police.revisions.order_by("-number").first()
        assert latest.number == round_ + 1
        assert latest.author == people[winner]
        assert latest.sections == {"ket-qua": f"Bản của {winner}, lượt {round_}."}
        assert [
            (code, int(value))
            for code, value in DataValue.objects.filter(submission=police).values_list(
                "indicator__code", "value"
            )
        ] == [("tin-bai", 100 * round_ + len(winner))]
