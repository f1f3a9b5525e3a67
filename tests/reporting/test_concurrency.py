"""Two people saving the same submission at once: the second is refused with a clear
message, and nothing the first saved is lost. Through two real server workers, on either
database: concurrent saves wait instead of failing, a save racing a submit never lands after
it, and the same new file uploaded twice at once is kept once."""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.db import connection, connections

from danvan.demo.loader import DEMO_PASSWORD, load_demo
from danvan.imports.models import StoredFile
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.errors import ConcurrentEdit
from danvan.reporting.models import DataValue, Revision, Submission
from reporting.cycle import PASSWORD, at, issue, make_user, submission_of, user


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


# --- Through two real server workers --------------------------------------------------------
# The application runs as shipped (gunicorn, two worker processes) on the test database, and
# real HTTP requests race each other from threads.

SEED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def workers(transactional_db, settings):
    """Gunicorn with two workers on a free port, serving the test database (demo loaded)."""
    load_demo()  # a transactional test may find the database emptied by an earlier one
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DANVAN_DATA_DIR": str(settings.DATA_DIR),
        "DANVAN_ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "danvan.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if requests.get(f"{url}/tai-khoan/dang-nhap/", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def signed_in(url: str, username: str, password: str = PASSWORD) -> requests.Session:
    """A browser-like session logged in by the real login page; API writes carry its CSRF token."""
    session = requests.Session()
    session.get(f"{url}/tai-khoan/dang-nhap/")
    token = session.cookies["csrftoken"]
    answer = session.post(
        f"{url}/tai-khoan/dang-nhap/",
        {"username": username, "password": password, "csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:300]
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    return session


def ensure_user(username: str, unit_code: str) -> None:
    if not get_user_model().objects.filter(username=username).exists():
        make_user(username, "reporter", unit_code)


def run_together(*calls):
    """Start the calls at the same moment from threads; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def go(index, call):
        barrier.wait(timeout=30)
        try:
            results[index] = call()
        except Exception as exc:  # collected and shown by the caller's assertion
            results[index] = exc

    threads = [threading.Thread(target=go, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def api(url: str, assignment_id: int, action: str = "") -> str:
    return f"{url}/api/reporting/assignments/{assignment_id}" + (f"/{action}" if action else "")


def concurrent_saves_wait_instead_of_failing(workers):
    request = issue(units=["DN-CATP", "DN-MTTQ"])
    ensure_user("catp.baocao2", "DN-CATP")
    ensure_user("mttq.baocao", "DN-MTTQ")
    ensure_user("mttq.baocao2", "DN-MTTQ")
    people = {
        "DN-CATP": ["catp.baocao2", "catp.baocao2"],
        "DN-MTTQ": ["mttq.baocao", "mttq.baocao2"],
    }
    assignments = {code: submission_of(request, code).assignment_id for code in people}
    initial = {code: submission_of(request, code).version for code in people}
    sessions = [
        (code, signed_in(workers, name)) for code, names in people.items() for name in names
    ]

    def saves(code, session, who):
        statuses = []
        for round_ in range(6):
            base = session.get(api(workers, assignments[code])).json()["version"]
            answer = session.post(
                api(workers, assignments[code], "save"),
                json={
                    "base_version": base,
                    "sections": {"ket-qua": f"Bản của {who}, lượt {round_}."},
                    "values": {"tin-bai": str(round_)},
                },
            )
            statuses.append(answer.status_code)
        return code, statuses

    results = run_together(
        *(
            functools.partial(saves, code, session, index)
            for index, (code, session) in enumerate(sessions)
        )
    )
    saved = {code: 0 for code in people}
    for result in results:
        assert not isinstance(result, Exception), result
        code, statuses = result
        # Every save either lands or is refused as a conflict with the other person: never 500.
        assert set(statuses) <= {200, 409}, statuses
        saved[code] += statuses.count(200)
    for code in people:
        submission = submission_of(request, code)
        assert saved[code] >= 1
        assert submission.version == initial[code] + saved[code]
        assert list(submission.revisions.order_by("number").values_list("number", flat=True)) == [
            *range(1, saved[code] + 1)
        ]


def a_save_racing_a_submit_never_lands_after_the_submit(workers):
    request = issue(units=["DN-CATP"])
    police = submission_of(request, "DN-CATP")
    ensure_user("catp.baocao2", "DN-CATP")
    submitter, saver = (
        signed_in(workers, "dn.baocao", DEMO_PASSWORD),
        signed_in(workers, "catp.baocao2"),
    )
    coordinator = signed_in(workers, "dn.dieuphoi", DEMO_PASSWORD)
    assignment = police.assignment_id
    first = submitter.post(
        api(workers, assignment, "save"),
        json={"base_version": police.version, "values": {"tin-bai": "1"}},
    )
    assert first.status_code == 200
    conflicts = []
    for round_ in range(8):
        base = submitter.get(api(workers, assignment)).json()["version"]
        # Half the rounds the save comes from the same page as the submit, half from a page
        # one version ahead (what a client guessing the version after the submit would send).
        save_base = base + round_ % 2
        submitted, saved = run_together(
            lambda base=base, round_=round_: submitter.post(
                api(workers, assignment, "submit"),
                json={"base_version": base, "values": {"tin-bai": str(10 + round_)}},
            ),
            lambda save_base=save_base, round_=round_: saver.post(
                api(workers, assignment, "save"),
                json={"base_version": save_base, "values": {"tin-bai": str(100 + round_)}},
            ),
        )
        assert submitted.status_code in (200, 409), submitted.text
        assert saved.status_code in (200, 400, 409), saved.text
        assert (submitted.status_code, saved.status_code) != (200, 200)
        if saved.status_code == 409 and submitted.status_code == 200 and save_base == base:
            # The submit went first; the save from the same page is told why it was refused.
            conflicts.append(saved.json()["detail"])
        state = coordinator.get(api(workers, assignment)).json()
        if state["status"] == "submitted":
            returned = coordinator.post(
                api(workers, assignment, "return"), json={"comment": f"Bổ sung lượt {round_}."}
            )
            assert returned.status_code == 200, returned.text
    # The history is a valid sequence: after a submit only a return (or an acceptance).
    kinds = list(police.revisions.order_by("number").values_list("kind", flat=True))
    for before, after in itertools.pairwise(kinds):
        if before == "submit":
            assert after in ("return", "accept"), kinds
        if after == "return":
            assert before == "submit", kinds
    assert kinds.count("submit") >= 1
    for message in conflicts:
        assert message.startswith("Báo cáo đã được nộp lúc ") and "sau khi bạn mở" in message


def the_same_new_file_uploaded_twice_at_once_is_kept_once(workers, settings):
    request = issue(units=["DN-CATP"])
    assignment = submission_of(request, "DN-CATP").assignment_id
    first, second = (
        signed_in(workers, "dn.baocao", DEMO_PASSWORD),
        signed_in(workers, "dn.baocao", DEMO_PASSWORD),
    )
    text = (SEED / "danang-bdvtu-phoi-hop-6t-2022.txt").read_bytes()
    for round_ in range(4):
        # New bytes each round (a line added at the end), so the store has never seen them.
        data = text + f"\nBản sao lượt {round_} — {uuid.uuid4()}\n".encode()
        sha256 = hashlib.sha256(data).hexdigest()
        answers = run_together(
            *(
                lambda session=session, data=data: session.post(
                    f"{workers}/api/imports/assignments/{assignment}",
                    files={"file": ("bao-cao.txt", data, "text/plain")},
                )
                for session in (first, second)
            )
        )
        assert [answer.status_code for answer in answers] == [201, 201], [
            answer.text[:300] for answer in answers
        ]
        stored = StoredFile.objects.get(sha256=sha256)
        assert stored.uploads.count() == 2
        assert (Path(settings.MEDIA_ROOT) / "files" / stored.storage_path).read_bytes() == data


def test_through_two_server_workers(workers, settings):
    """One server for the three cases (starting it and loading the demo is the slow part)."""
    concurrent_saves_wait_instead_of_failing(workers)
    a_save_racing_a_submit_never_lands_after_the_submit(workers)
    the_same_new_file_uploaded_twice_at_once_is_kept_once(workers, settings)
