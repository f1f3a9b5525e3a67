"""Document numbers: Party numbering runs per type through a cấp ủy's term, State numbering per
type through the calendar year; a number is never given twice, even to two people at once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from danvan.audit.models import AuditEvent
from danvan.demo.loader import load_demo
from danvan.orgs.models import OrgUnit
from danvan.registry.models import Document, IssuedNumber
from danvan.registry.numbering import party_term, series_bounds, series_key
from danvan.registry.services import NumberTaken, allocate_number, next_number, register_document

D = dt.date


def unit(code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


def coordinator():
    return get_user_model().objects.get(username="dn.dieuphoi")


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (D(2020, 9, 30), "2015-2020"),
        (D(2020, 10, 1), "2020-2025"),
        (D(2022, 6, 20), "2020-2025"),
        (D(2025, 9, 30), "2020-2025"),
        (D(2025, 10, 1), "2025-2030"),
        (D(2026, 1, 10), "2025-2030"),
        (D(2030, 10, 1), "2030-2035"),
    ],
)
def test_party_series_is_the_congress_term(day, key):
    assert series_key("party", day) == key


def test_state_series_is_the_calendar_year():
    assert series_key("state", D(2022, 1, 1)) == "2022"
    assert series_key("state", D(2022, 12, 31)) == "2022"
    assert series_key("state", D(2026, 11, 23)) == "2026"
    assert series_bounds("state", D(2026, 5, 5)) == (D(2026, 1, 1), D(2026, 12, 31))


def test_the_term_boundary_is_a_setting(settings):
    settings.DANVAN_PARTY_TERM_START = "2020-07-15"
    assert series_key("party", D(2025, 7, 14)) == "2020-2025"
    assert series_key("party", D(2025, 7, 15)) == "2025-2030"
    assert party_term(D(2019, 1, 1)) == (2015, 2020)
    assert series_bounds("party", D(2022, 1, 1)) == (D(2020, 7, 15), D(2025, 7, 14))


@pytest.mark.django_db
def test_party_numbers_run_per_type_through_the_term():
    board = unit("DN-BDVTU")
    actor = coordinator()
    assert next_number(board, "party", "BC", D(2022, 6, 20)) == 1
    first = allocate_number(actor, board, "party", "BC", D(2022, 6, 20), title="Kết quả 6 tháng")
    second = allocate_number(actor, board, "party", "BC", D(2022, 12, 15))
    # A new calendar year, the same term: the count goes on.
    third = allocate_number(actor, board, "party", "BC", D(2024, 1, 5))
    assert [(a.number, a.symbol, a.series) for a in (first, second, third)] == [
        (1, "01-BC/BDVTU", "2020-2025"),
        (2, "02-BC/BDVTU", "2020-2025"),
        (3, "03-BC/BDVTU", "2020-2025"),
    ]
    # Another type has its own count.
    plan = allocate_number(actor, board, "party", "KH", D(2022, 6, 21))
    assert (plan.number, plan.symbol) == (1, "01-KH/BDVTU")
    # The merged board of 2025 starts its own register in the new term.
    merged = allocate_number(actor, unit("DN-BTGDVTU"), "party", "BC", D(2026, 1, 10))
    assert (merged.number, merged.symbol, merged.series) == (1, "01-BC/BTGDVTU", "2025-2030")
    assert next_number(board, "party", "BC", D(2023, 3, 1)) == 4


@pytest.mark.django_db
def test_a_new_term_starts_again_from_01():
    committee = unit("DN-TU")
    actor = coordinator()
    assert allocate_number(actor, committee, "party", "BC", D(2025, 9, 30)).symbol == "01-BC/TU"
    assert allocate_number(actor, committee, "party", "BC", D(2025, 9, 30)).number == 2
    assert allocate_number(actor, committee, "party", "BC", D(2025, 10, 1)).symbol == "01-BC/TU"


@pytest.mark.django_db
def test_state_numbers_run_per_type_through_the_year():
    police = unit("DN-CATP")
    actor = get_user_model().objects.get(username="dn.baocao")
    numbers = [
        allocate_number(actor, police, "state", "BC", day)
        for day in (D(2022, 3, 1), D(2022, 11, 30), D(2023, 1, 5), D(2023, 1, 6))
    ]
    assert [(a.number, a.symbol, a.series) for a in numbers] == [
        (1, "01/BC-CATP", "2022"),
        (2, "02/BC-CATP", "2022"),
        (1, "01/BC-CATP", "2023"),
        (2, "02/BC-CATP", "2023"),
    ]
    assert allocate_number(actor, police, "state", "KH", D(2023, 2, 1)).symbol == "01/KH-CATP"


@pytest.mark.django_db
def test_an_allocation_is_recorded_in_the_registry_and_the_audit_trail():
    board = unit("DN-BDVTU")
    allocation = allocate_number(
        coordinator(),
        board,
        "party",
        "BC",
        D(2022, 6, 20),
        kind="Báo cáo",
        title="Kết quả thực hiện Chương trình phối hợp",
        issued_by=board.name,
    )
    document = Document.objects.get(symbol="01-BC/BDVTU", date=D(2022, 6, 20))
    assert allocation.document == document
    assert (
        document.kind,
        document.system,
        document.number,
        document.type_code,
        document.issuer_code,
        document.issuer_unit,
        document.title,
    ) == ("Báo cáo", "party", "01", "BC", "BDVTU", board, "Kết quả thực hiện Chương trình phối hợp")
    issued = IssuedNumber.objects.get(issuer=board, type_code="BC", series_key="2020-2025")
    assert (issued.number, issued.document, issued.allocated_by.username) == (
        1,
        document,
        "dn.dieuphoi",
    )
    event = AuditEvent.objects.filter(action="documents.number").latest("id")
    assert event.summary == "Cấp số 01-BC/BDVTU ngày 20/06/2022 (nhiệm kỳ 2020-2025)"
    assert event.actor.username == "dn.dieuphoi"


@pytest.mark.django_db
def test_a_suggestion_reserves_nothing():
    board = unit("DN-BDVTU")
    assert [next_number(board, "party", "BC", D(2022, 6, 20)) for _ in range(3)] == [1, 1, 1]
    assert not IssuedNumber.objects.filter(issuer=board).exists()


@pytest.mark.django_db
def test_a_typed_number_is_reserved_once_and_the_count_goes_on_after_it():
    board = unit("DN-BDVTU")
    actor = coordinator()
    assert (
        allocate_number(actor, board, "party", "BC", D(2022, 6, 20), number=5).symbol
        == "05-BC/BDVTU"
    )
    assert next_number(board, "party", "BC", D(2022, 7, 1)) == 6
    with pytest.raises(NumberTaken) as caught:
        allocate_number(actor, board, "party", "BC", D(2022, 7, 1), number=5)
    assert str(caught.value) == (
        "Số 05 đã được cấp cho văn bản khác trong nhiệm kỳ 2020-2025; để trống ô số để "
        "nhận số kế tiếp."
    )
    assert allocate_number(actor, board, "party", "BC", D(2022, 7, 1)).number == 6


@pytest.mark.django_db
def test_numbers_already_in_the_registry_are_skipped():
    board = unit("DN-BDVTU")
    register_document(coordinator(), "07-BC/BDVTU", D(2022, 3, 1), issuer_unit=board)
    # Outside the term: does not count.
    register_document(coordinator(), "40-BC/BDVTU", D(2019, 3, 1), issuer_unit=board)
    assert next_number(board, "party", "BC", D(2022, 6, 20)) == 8
    assert (
        allocate_number(coordinator(), board, "party", "BC", D(2022, 6, 20)).symbol == "08-BC/BDVTU"
    )


@pytest.mark.django_db
def test_an_issuer_without_a_symbol_code_cannot_number():
    board = unit("DN-BDVTU")
    board.issuer_code = ""
    with pytest.raises(NumberTaken, match="chưa có ký hiệu cơ quan ban hành"):
        allocate_number(coordinator(), board, "party", "BC", D(2022, 6, 20))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"
)
@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_people_allocating_at_once_never_get_the_same_number():
    load_demo()  # a transactional test may find the database emptied by an earlier one
    board = OrgUnit.objects.get(code="DN-BTGDVTU")
    people = list(
        get_user_model().objects.filter(username__in=["dn.dieuphoi", "dn.lanhdao", "admin"])
    )
    day = D(2026, 11, 23)
    given: list[int] = []
    for _round in range(4):
        # The first round also races on creating the series row itself.
        barrier = threading.Barrier(len(people) * 2)
        results: list[object] = []
        lock = threading.Lock()

        def allocate(actor, barrier=barrier, results=results, lock=lock):
            try:
                barrier.wait(timeout=20)
                allocation = allocate_number(actor, board, "party", "BC", day, kind="Báo cáo")
                with lock:
                    results.append(allocation.number)
            except Exception as exc:  # collected and checked below
                with lock:
                    results.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=allocate, args=(actor,)) for actor in people * 2]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert all(isinstance(r, int) for r in results), results
        assert len(results) == len(people) * 2
        given.extend(results)
    assert sorted(given) == list(range(1, len(given) + 1))
    stored = list(
        IssuedNumber.objects.filter(issuer=board, series_key="2025-2030").values_list(
            "number", flat=True
        )
    )
    assert sorted(stored) == sorted(given)
    assert Document.objects.filter(issuer_unit=board, type_code="BC", date=day).count() == len(
        given
    )


@pytest.mark.django_db
def test_a_failed_write_does_not_use_the_number_up():
    from danvan.issuing.services import export_with_number
    from danvan.publish import PublishError

    board = unit("DN-BDVTU")

    def broken(number):
        raise PublishError("LibreOffice dừng giữa chừng.")

    with pytest.raises(PublishError):
        export_with_number(coordinator(), board, "party", "BC", D(2022, 6, 20), broken)
    assert not IssuedNumber.objects.filter(issuer=board).exists()
    assert not Document.objects.filter(symbol="01-BC/BDVTU").exists()
    allocation, content = export_with_number(
        coordinator(),
        board,
        "party",
        "BC",
        D(2022, 6, 20),
        lambda number: f"văn bản số {number}".encode(),
    )
    assert (allocation.symbol, content) == ("01-BC/BDVTU", "văn bản số 1".encode())
    assert AuditEvent.objects.filter(
        action="documents.export", summary="Xuất văn bản 01-BC/BDVTU"
    ).exists()
