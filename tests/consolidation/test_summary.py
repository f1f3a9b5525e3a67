"""The value summaries a roll-up reads always equal the live sums of the values they summarise:
after any sequence of saves, submits, accepts, returns, corrections and imports made through
the services, for every request, subtree, status, indicator and option; and a consolidation read
from them is the one aggregated live. Concurrent submissions lose no increment (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import random
import threading
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import override_settings
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from danvan import cli
from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role
from danvan.consolidation.selectors import consolidate
from danvan.demo.loader import load_demo
from danvan.imports import services as imports
from danvan.orgs.models import OrgUnit
from danvan.reporting import services, summary
from danvan.reporting.clock import recorded_at
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import Assignment, ValueSummary
from reporting.cycle import at, issue, make_user, submission_of, user

UNITS = ["DN-CATP", "DN-MTTQ", "DN-QU-HC", "DN-BDV-HC"]  # DN-BDV-HC is under DN-QU-HC
ROOTS = ["DN-TU", "DN-QU-HC", "DN-BDV-HC", "DN-CATP"]
KEYS = ["tiep-cong-dan-luot", "don-tiep-nhan:khieu-nai", "don-tiep-nhan:to-cao", "chi-so-hai-long"]
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"


def city_reporter():
    """A reporter of the whole city (a role covers its unit's subtree)."""
    if not get_user_model().objects.filter(username="tu.baocao").exists():
        make_user("tu.baocao", "reporter", "DN-TU")
    return user("tu.baocao")


def lines(root: OrgUnit, period: str, live: bool, accepted_only: bool = False) -> list:
    with override_settings(DANVAN_LIVE_TOTALS=live):
        result = consolidate(user("dn.dieuphoi"), root, period, accepted_only=accepted_only)
    return [
        (line.indicator.code, line.option_code, line.value, line.previous) for line in result.lines
    ]


def assert_summaries_are_live(period: str) -> None:
    assert summary.differences() == []
    for code in ROOTS:
        root = OrgUnit.objects.get(code=code)
        for accepted_only in (False, True):
            assert lines(root, period, False, accepted_only) == lines(
                root, period, True, accepted_only
            )


def test_the_demos_summaries_are_its_live_sums(db):
    assert ValueSummary.objects.filter(number__gt=0).exists()
    assert summary.differences() == []
    summary.rebuild()
    assert summary.differences() == []


def test_the_command_finds_a_summary_written_past_the_services_and_rebuilds_it(db, capsys):
    row = ValueSummary.objects.filter(number__gt=0).order_by("pk").first()
    ValueSummary.objects.filter(pk=row.pk).update(total=row.total + 5)
    assert cli.main(["summaries"]) == 1
    out = capsys.readouterr().out
    assert "Bảng tổng hợp lệch với số liệu ở 1 chỉ tiêu:" in out
    live = f"{row.total.normalize():f} ({row.number} giá trị)"
    wrong = f"{(row.total + 5).normalize():f} ({row.number} giá trị)"
    assert f"chỉ tiêu {row.indicator_id}" in out
    assert f"bảng tổng hợp {wrong}, số liệu {live}" in out
    assert cli.main(["summaries", "--rebuild"]) == 0
    assert capsys.readouterr().out == (
        "Đã tính lại bảng tổng hợp số liệu.\nBảng tổng hợp khớp với số liệu các báo cáo.\n"
    )


def test_a_submit_accept_and_return_move_the_figures(db):
    request = issue(units=["DN-CATP", "DN-BDV-HC"])
    police = submission_of(request, "DN-CATP")
    board = submission_of(request, "DN-BDV-HC")
    reporter, coordinator = city_reporter(), user("dn.dieuphoi")
    root = OrgUnit.objects.get(code="DN-TU")

    def total(code="DN-TU", status=("submitted", "accepted")):
        rows = summary.totals([request.pk], OrgUnit.objects.get(code=code).path, status)
        return {row["number"]: row["total"] for row in rows}

    with recorded_at(at("2023-07-01")):
        services.save_draft(reporter, police.pk, police.version, {}, {"tiep-cong-dan-luot": "12"})
        assert total() == {}  # a draft counts nowhere
        services.submit(reporter, police.pk, police.version + 1, {"ket-qua": "Tốt."}, {})
        board.refresh_from_db()
        services.submit(
            reporter, board.pk, board.version, {"ket-qua": "Ổn."}, {"tiep-cong-dan-luot": "30"}
        )
        assert total() == {2: Decimal(42)}
        assert total("DN-QU-HC") == {1: Decimal(30)}
        services.accept_submission(coordinator, police.pk)
        assert total(status=("accepted",)) == {1: Decimal(12)}
        services.return_submission(coordinator, board.pk, "Thiếu số liệu quý II.")
        assert total() == {1: Decimal(12)} and total("DN-QU-HC") == {}
    value = [line for line in lines(root, "2023S1", False) if line[0] == "tiep-cong-dan-luot"]
    # 1,868 citizens' visits: Đà Nẵng's 2022 report, which the demo holds, a year earlier.
    assert value == [("tiep-cong-dan-luot", None, Decimal(12), Decimal(1868))]
    assert_summaries_are_live("2023S1")


step = st.tuples(
    st.sampled_from(["save", "submit", "accept", "return", "import"]),
    st.sampled_from(UNITS),
    st.dictionaries(
        st.sampled_from(KEYS),
        st.one_of(st.just(""), st.integers(0, 100), st.decimals(0, 100, places=2)),
        max_size=4,
    ),
)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(period=st.sampled_from(["2023S1", "2024S1"]), steps=st.lists(step, max_size=20))
def test_any_sequence_of_writes_keeps_the_summaries_live(db, period, steps):
    request = issue(units=UNITS, period=period, deadline=dt.date(2030, 1, 1))
    reporter, coordinator = city_reporter(), user("dn.dieuphoi")
    with recorded_at(at("2024-07-01")):
        for action, code, values in steps:
            submission = submission_of(request, code)
            values = {key: str(value) for key, value in values.items()}
            try:
                if action == "save":
                    services.save_draft(reporter, submission.pk, submission.version, {}, values)
                elif action == "submit":
                    services.submit(
                        reporter, submission.pk, submission.version, {"ket-qua": "Có."}, values
                    )
                elif action == "accept":
                    services.accept_submission(coordinator, submission.pk)
                elif action == "return":
                    services.return_submission(coordinator, submission.pk, "Cần sửa.")
                else:  # what confirming a file does: a save for the unit, values with a source
                    services.save_draft(
                        coordinator,
                        submission.pk,
                        submission.version,
                        {},
                        values,
                        source={"kind": "file", "values": {}},
                        on_behalf=True,
                    )
            except ReportingError:
                event(f"{action}: refused")  # not allowed in this state, or refused values
            else:
                event(f"{action}: done")
            assert summary.differences() == []
    assert_summaries_are_live(period)


NEXT = {  # what a unit or its board would do next, by the report's status
    "draft": ["save", "submit", "import"],
    "returned": ["save", "submit", "import"],
    "submitted": ["accept", "return", "return"],
    "accepted": ["save"],  # refused: an accepted report is final
}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_long_cycle_of_writes_keeps_the_summaries_live(db, seed):
    """Forty steps that mostly make sense (what a unit or its board would do next), so that
    every transition happens many times, with figures appearing, changing and disappearing."""
    rng = random.Random(seed)
    request = issue(units=UNITS, period="2024S1", deadline=dt.date(2030, 1, 1))
    reporter, coordinator = city_reporter(), user("dn.dieuphoi")
    done = []
    with recorded_at(at("2024-07-01")):
        for _ in range(40):
            submission = submission_of(request, rng.choice(UNITS))
            action = rng.choice(NEXT[submission.status])
            values = {key: str(rng.choice(["", 0, 7, 15, 99.5])) for key in rng.sample(KEYS, 2)}
            try:
                if action in ("save", "import"):
                    services.save_draft(
                        coordinator if action == "import" else reporter,
                        submission.pk,
                        submission.version,
                        {},
                        values,
                        source={"kind": "file", "values": {}} if action == "import" else None,
                        on_behalf=action == "import",
                    )
                elif action == "submit":
                    services.submit(
                        reporter, submission.pk, submission.version, {"ket-qua": "Có."}, values
                    )
                elif action == "accept":
                    services.accept_submission(coordinator, submission.pk)
                else:
                    services.return_submission(coordinator, submission.pk, "Cần sửa.")
                done.append(action)
            except ReportingError:
                pass
            assert summary.differences() == []
    assert {"submit", "accept", "return", "import"} <= set(done)
    assert_summaries_are_live("2024S1")


def test_an_imported_file_confirmed_and_submitted_is_summed(db):
    create_user(SYSTEM, "ct.ubnd", "Song-Han#2026")
    grant_role(SYSTEM, "ct.ubnd", "CT-UBND", "reporter")
    reporter = get_user_model().objects.get(username="ct.ubnd")
    assignment = Assignment.objects.get(request__period__code="2019S1", unit__code="CT-UBND")
    moment = dt.datetime(2019, 6, 5, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    text = (SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").read_bytes()
    with recorded_at(moment):
        job = imports.start_import(reporter, assignment.pk, text, "bao-cao.txt")
        job = imports.process_job(job.pk)
        imports.confirm_import(
            reporter,
            job.pk,
            assignment.submission.version,
            {"dvk-tccs-duy-tri-mo-hinh": "97", "tccs-dang-tong-so": "97"},
            {"dac-diem": "Tình hình ổn định."},
        )
        submission = assignment.submission
        submission.refresh_from_db()
        before = summary.totals([assignment.request_id], "CT-TU/", ("submitted",))
        services.submit(reporter, submission.pk, submission.version, {}, {})
    after = summary.totals([assignment.request_id], assignment.unit_path, ("submitted",))
    assert sorted(row["total"] for row in after) == [97, 97]
    assert before == []
    assert summary.differences() == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"
)
@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_lose_no_increment():
    load_demo()  # a transactional test may find the database emptied by an earlier one
    units = ["DN-CATP", "DN-MTTQ", "DN-UBND", "DN-BCHQS", "DN-BDBP", "DN-BDV-HC"]
    request = issue(units=units)
    reporter, coordinator = city_reporter(), user("dn.dieuphoi")
    figures = {code: 10 * n + 1 for n, code in enumerate(units)}
    errors: list[Exception] = []

    def run_together(calls):
        barrier = threading.Barrier(len(calls))

        def go(call):
            try:
                barrier.wait(timeout=30)
                with recorded_at(at("2023-07-01")):
                    call()
            except Exception as exc:  # collected and shown below
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=go, args=(call,)) for call in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

    def submit(code):
        submission = submission_of(request, code)
        return lambda: services.submit(
            reporter,
            submission.pk,
            submission.version,
            {"ket-qua": "Có."},
            {"tiep-cong-dan-luot": str(figures[code]), "don-tiep-nhan:khieu-nai": "2"},
        )

    run_together([submit(code) for code in units])
    assert errors == []
    root = OrgUnit.objects.get(code="DN-TU")
    rows = summary.totals([request.pk], root.path, ("submitted", "accepted"))
    assert sorted((row["total"], row["number"]) for row in rows) == [
        (Decimal(12), 6),
        (Decimal(sum(figures.values())), 6),
    ]
    halves = [submission_of(request, code).pk for code in units]
    run_together(
        [lambda pk=pk: services.accept_submission(coordinator, pk) for pk in halves[:3]]
        + [
            lambda pk=pk: services.return_submission(coordinator, pk, "Cần sửa.")
            for pk in halves[3:]
        ]
    )
    assert errors == []
    accepted = summary.totals([request.pk], root.path, ("accepted",))
    assert sorted(row["total"] for row in accepted) == [6, 1 + 11 + 21]
    assert summary.totals([request.pk], root.path, ("submitted",)) == []
    assert summary.differences() == []
