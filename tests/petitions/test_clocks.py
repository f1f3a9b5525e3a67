"""Legal clocks against dates worked out by hand from the articles: the first day is not
counted, a limit ending on a day off moves to the next working day (BLDS 2015 Đ147–148);
working days skip weekends and the holidays of the calendar; the rule is the one in force
on the receiving date (01/7/2026 transition); pause/resume; extensions; remote areas."""

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit
from danvan.petitions import cases, clocks
from danvan.petitions.clockwork import Rules, clocks_for, work_calendar
from danvan.petitions.errors import PetitionError
from danvan.petitions.models import Petition, TimeLimitRule

D = dt.date
PLAIN = clocks.WorkCalendar()
TODAY = D(2026, 12, 1)


def test_calendar_days_do_not_count_the_first_day_and_move_off_a_sunday():
    # 06/3/2026 + 30 days = 05/4/2026, a Sunday → Monday 06/4/2026.
    assert PLAIN.add(D(2026, 3, 6), 30, working=False) == D(2026, 4, 6)
    # 05/3/2026 + 30 = 04/4/2026 (Saturday) → 06/4/2026.
    assert PLAIN.add(D(2026, 3, 5), 30, working=False) == D(2026, 4, 6)
    assert PLAIN.add(D(2026, 3, 2), 3, working=False) == D(2026, 3, 5)


def test_working_days_skip_weekends_and_holidays():
    holidays = clocks.WorkCalendar(
        {D(2026, 4, 27): False, D(2026, 4, 30): False, D(2026, 5, 1): False}
    )
    # 7 working days after Thu 23/4/2026: 24, 28, 29, 4/5, 5/5, 6/5, 7/5.
    assert holidays.add(D(2026, 4, 23), 7, working=True) == D(2026, 5, 7)
    assert PLAIN.add(D(2026, 4, 23), 7, working=True) == D(2026, 5, 4)
    # A compensatory working Saturday counts.
    saturday = clocks.WorkCalendar({D(2026, 4, 25): True})
    assert saturday.add(D(2026, 4, 23), 2, working=True) == D(2026, 4, 25)
    assert holidays.working_days_between(D(2026, 4, 23), D(2026, 5, 7)) == 7


def test_pause_and_resume_restart_or_continue():
    pause = [clocks.Pause(D(2026, 10, 1), D(2026, 10, 20))]
    # Restart (2026 decree): 30 days from the resume decision 20/10 → Thu 19/11/2026.
    due = clocks.due_date(PLAIN, start=D(2026, 9, 14), days=30, working=False, pauses=pause)
    assert due == D(2026, 11, 19)
    # Continue: 30 + 19 paused days from 15/9/2025 → Mon 03/11/2025.
    old = [clocks.Pause(D(2025, 10, 1), D(2025, 10, 20))]
    due = clocks.due_date(
        PLAIN, start=D(2025, 9, 15), days=30, working=False, pauses=old, resume_mode="continue"
    )
    assert due == D(2025, 11, 3)
    still = [clocks.Pause(D(2026, 10, 1))]
    assert (
        clocks.due_date(PLAIN, start=D(2026, 9, 14), days=30, working=False, pauses=still) is None
    )


def test_states():
    due = D(2026, 11, 19)  # Thursday
    state = lambda today, ended=None: clocks.clock_state(  # noqa: E731
        PLAIN, due=due, ended_on=ended, today=today, soon_days=3
    )
    assert state(D(2026, 11, 10)) == clocks.NOT_DUE
    assert state(D(2026, 11, 16)) == clocks.SOON  # 3 working days before
    assert state(D(2026, 11, 13)) == clocks.NOT_DUE  # Fri: 4 working days before
    assert state(D(2026, 11, 19)) == clocks.SOON
    assert state(D(2026, 11, 20)) == clocks.OVERDUE
    assert state(D(2026, 12, 1), D(2026, 11, 19)) == clocks.ON_TIME
    assert state(D(2026, 12, 1), D(2026, 11, 20)) == clocks.LATE_DONE
    assert clocks.clock_state(PLAIN, due=None, ended_on=None, today=due) == clocks.PAUSED


@pytest.mark.django_db
class TestRulesAsData:
    def _petition(self, received, kind="khieu_nai", **extra):
        reference = f"T-{received}-{kind}-{sorted(extra.items())}"
        unit = OrgUnit.objects.get(code="DN-DUP-SONTRA")
        return cases.create_petition(
            SYSTEM,
            unit=unit,
            reference=reference[:60],
            received_on=received,
            kind=kind,
            summary="Thử thời hạn",
            **extra,
        )

    def _clocks(self, petition, today=TODAY):
        petition = Petition.objects.get(pk=petition.pk)
        return clocks_for(petition, today=today, rules=Rules(), calendar=work_calendar())

    def test_the_rule_of_the_receiving_date_applies(self):
        before = self._clocks(self._petition(D(2026, 6, 26)))[0]
        after = self._clocks(self._petition(D(2026, 7, 3)))[0]
        # Before 01/7/2026: 10 days (Luật Khiếu nại 2011, Điều 27): Fri 26/6 → Mon 06/7.
        assert (before.due, before.rule.basis) == (D(2026, 7, 6), "Luật Khiếu nại 2011, Điều 27")
        # From 01/7/2026: 07 working days (NĐ 155/2026), still marked unconfirmed: → Tue 14/7.
        assert after.due == D(2026, 7, 14)
        assert after.rule.working and not after.rule.confirmed
        assert "155/2026" in after.rule.basis

    def test_a_limit_ending_on_a_holiday_moves_to_the_next_working_day(self):
        petition = self._petition(D(2026, 7, 30))
        cases.add_event(
            SYSTEM, petition=petition, kind="thu_ly", date=D(2026, 8, 3), routing="thu_ly"
        )
        resolution = self._clocks(petition)[1]
        # 30 days from Mon 03/8/2026 = Wed 02/9/2026 (Quốc khánh) → Thu 03/9/2026.
        assert resolution.due == D(2026, 9, 3)
        assert resolution.state == clocks.OVERDUE

    def test_pause_and_resume_under_the_2026_rule(self):
        petition = Petition.objects.get(reference="KN-2026-118")  # the demo's complaint
        intake, resolution = self._clocks(petition, today=D(2026, 11, 16))
        # 7 working days after Mon 07/9/2026: 8, 9, 10, 11, 14, 15, 16.
        assert intake.due == D(2026, 9, 16) and intake.state == clocks.ON_TIME
        assert resolution.due == D(2026, 11, 19) and resolution.state == clocks.SOON
        assert self._clocks(petition, today=D(2026, 11, 20))[1].state == clocks.OVERDUE

    def test_denunciation_extended_once_then_twice_then_refused(self):
        petition = Petition.objects.get(reference="TC-2026-041")  # the demo's denunciation
        # 30 + 30 days from 28/9/2026 → Fri 27/11/2026.
        assert self._clocks(petition)[1].due == D(2026, 11, 27)
        cases.add_event(
            SYSTEM,
            petition=petition,
            kind="gia_han",
            date=D(2026, 11, 20),
            justification="Đặc biệt phức tạp",
        )
        # +30 → 27/12/2026 (Sunday) → Mon 28/12/2026.
        assert self._clocks(petition)[1].due == D(2026, 12, 28)
        with pytest.raises(PetitionError, match="tối đa"):
            cases.add_event(
                SYSTEM,
                petition=petition,
                kind="gia_han",
                date=D(2026, 11, 21),
                justification="Lần ba",
            )

    def test_extension_needs_a_written_justification_and_makes_a_complaint_complex(self):
        petition = self._petition(D(2026, 8, 3), remote_area=True)
        cases.add_event(
            SYSTEM, petition=petition, kind="thu_ly", date=D(2026, 8, 4), routing="thu_ly"
        )
        # Remote area: 45 days from Tue 04/8/2026 → Fri 18/9/2026.
        assert self._clocks(petition)[1].due == D(2026, 9, 18)
        with pytest.raises(PetitionError, match="lý do"):
            cases.add_event(SYSTEM, petition=petition, kind="gia_han", date=D(2026, 8, 10))
        cases.add_event(
            SYSTEM,
            petition=petition,
            kind="gia_han",
            date=D(2026, 8, 10),
            justification="Hai nội dung",
        )
        # Remote and complex: 60 days → Sat 03/10/2026 → Mon 05/10/2026.
        assert self._clocks(petition)[1].due == D(2026, 10, 5)

    def test_second_round_and_discipline_limits(self):
        second = self._petition(D(2025, 3, 3), round=2)
        cases.add_event(
            SYSTEM, petition=second, kind="thu_ly", date=D(2025, 3, 10), routing="thu_ly"
        )
        # Lần hai, 2011 law Điều 37: 45 days from Mon 10/3/2025 → Thu 24/4/2025.
        assert self._clocks(second)[1].due == D(2025, 4, 24)
        assert self._clocks(second)[1].rule.basis.endswith("Điều 37")
        discipline = self._petition(D(2025, 3, 3), discipline=True)
        cases.add_event(
            SYSTEM, petition=discipline, kind="thu_ly", date=D(2025, 3, 10), routing="thu_ly"
        )
        assert self._clocks(discipline)[1].rule.basis.endswith("Điều 50")
        assert self._clocks(discipline)[1].due == D(2025, 4, 9)

    def test_events_that_do_not_fit_are_refused_and_change_nothing(self):
        petition = self._petition(D(2026, 8, 3))
        with pytest.raises(PetitionError, match="chưa được thụ lý"):
            cases.add_event(
                SYSTEM, petition=petition, kind="tam_dinh_chi", date=D(2026, 8, 5), document="1/QĐ"
            )
        cases.add_event(
            SYSTEM, petition=petition, kind="thu_ly", date=D(2026, 8, 4), routing="thu_ly"
        )
        with pytest.raises(PetitionError, match="tiếp tục"):
            cases.add_event(
                SYSTEM, petition=petition, kind="tiep_tuc", date=D(2026, 8, 5), document="2/QĐ"
            )
        with pytest.raises(PetitionError, match="trước sự kiện"):
            cases.add_event(
                SYSTEM, petition=petition, kind="ket_thuc", date=D(2026, 8, 3), outcome="sai"
            )
        with pytest.raises(PetitionError, match="kết quả"):
            cases.add_event(
                SYSTEM,
                petition=petition,
                kind="ket_thuc",
                date=D(2026, 8, 6),
                outcome="co_dung_co_sai",
            )
        assert petition.events.count() == 1
        assert Petition.objects.get(pk=petition.pk).closed_on is None

    def test_every_rule_cites_its_article_and_unconfirmed_ones_are_flagged(self):
        rules = list(TimeLimitRule.objects.all())
        assert len(rules) == 17
        assert all("Điều" in r.basis or "Nghị định" in r.basis for r in rules)
        unconfirmed = {(r.step, r.valid_from.year) for r in rules if not r.confirmed}
        assert ("tc_xu_ly", 2019) in unconfirmed and ("kn1_thu_ly", 2026) in unconfirmed
        assert ("kn1_giai_quyet", 2012) not in unconfirmed
