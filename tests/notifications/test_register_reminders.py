"""The registers' due items are reminded by the reports' reminder run (the worker's task and
`danvan remind`): one message a day per user, listing the items due within three days or
overdue with their state and absolute links, never twice the same day, again the next day.

The records are made through the registers' own services in a province of the programmes
tests' world (tests/programmes/world.py), on top of the demo: a yearly plan whose commitments
the provincial police lead (due 12/3 and 20/3/2027), and a people's request received by the
People's Committee on Thu 04/3/2027 (5 working days: Fri 05, Mon 08, Tue 09, Wed 10, Thu 11/3).
The days are Wed 10, Thu 11 and Fri 12/3/2027, 08:00 in Hà Nội."""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

import pytest
import time_machine

from danvan import registers
from danvan.commands import remind
from danvan.notifications.models import Notification, RegisterReminder, RegisterReminderRun
from danvan.notifications.register_reminders import send_register_reminders
from danvan.petitions import cases
from danvan.programmes import commitments, services
from danvan.programmes.models import ContentArea, InstrumentKind, InstrumentState, PartyRole
from danvan.reporting import tasks
from programmes.world import add_parties, build_world, unit

pytestmark = pytest.mark.django_db

D = dt.date
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SITE = "http://127.0.0.1:8000"
MINE = ["t.police", "t.ubnd", "t.tu", "t.military", "t.leader", "t.board", "b.board"]
FIRST = "Nhiệm vụ phối hợp: Tổ chức hội nghị tuyên truyền phòng chống tội phạm"
LATER = "Nhiệm vụ phối hợp: Tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc"
REQUEST = "Kiến nghị, phản ánh KNPA-T-01 – Xử lý, chuyển đơn kiến nghị, phản ánh"


def morning(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 8, tzinfo=HANOI))


def signed(actor, **fields):
    instrument = services.create_instrument(actor, owner=unit("T-BTGDVTU"), **fields)
    return instrument


def sign(actor, instrument, *targets):
    for target in targets:
        instrument.refresh_from_db()
        instrument = services.change_state(
            actor, instrument, target=target, version=instrument.version
        )
    return instrument


@pytest.fixture
def world():
    """The province, its programme 2026–2030 with a yearly plan for 2027, the police's two
    commitments, and the request at the People's Committee (built on 10/3/2027)."""
    with morning(D(2027, 3, 10)):
        users = build_world()
        actor = users["t.tu"]
        programme = signed(
            actor,
            kind=InstrumentKind.CHUONG_TRINH,
            symbol="01-CTr/BTGDVTU-ĐUUBND",
            title="Chương trình phối hợp công tác dân vận giai đoạn 2026 - 2030",
            signed_on=D(2026, 3, 2),
            valid_from=D(2026, 3, 2),
            valid_to=D(2030, 12, 31),
        )
        add_parties(
            actor,
            programme,
            [
                ("T-BTGDVTU", PartyRole.THUONG_TRUC),
                ("T-DUUB", PartyRole.KY_KET),
                ("T-CAT", PartyRole.PHOI_HOP),
            ],
        )
        sign(actor, programme, InstrumentState.DA_KY, InstrumentState.HIEU_LUC)
        plan = signed(
            actor,
            kind=InstrumentKind.KE_HOACH_NAM,
            symbol="07-KH/BTGDVTU-CAT",
            title="Kế hoạch phối hợp năm 2027",
            signed_on=D(2027, 1, 6),
            valid_from=D(2027, 1, 6),
            valid_to=D(2027, 12, 31),
            parent=programme,
        )
        _, police = add_parties(
            actor, plan, [("T-BTGDVTU", PartyRole.THUONG_TRUC), ("T-CAT", PartyRole.KY_KET)]
        )
        area = ContentArea.objects.order_by("pk").first()
        for content, due in [(FIRST, D(2027, 3, 12)), (LATER, D(2027, 3, 20))]:
            plan.refresh_from_db()
            commitments.create_commitment(
                actor,
                plan,
                version=plan.version,
                content_area=area,
                content=content.removeprefix("Nhiệm vụ phối hợp: "),
                lead=police,
                due_on=due,
            )
        sign(actor, plan, InstrumentState.DA_KY)
        cases.create_petition(
            users["t.ubnd"],
            unit=unit("T-UBND"),
            reference="KNPA-T-01",
            received_on=D(2027, 3, 4),
            kind="kien_nghi",
            summary="Đề nghị sửa đường liên thôn bị sạt lở.",
        )
    for name, user in users.items():
        user.email = f"{name}@example.vn"
        user.save(update_fields=["email"])
    return users


def lines_of(username: str) -> list[tuple[str, str]]:
    return [
        (r.day.isoformat(), r.title)
        for r in RegisterReminder.objects.filter(user__username=username).order_by("day", "id")
    ]


def messages_of(username: str) -> list[str]:
    rows = Notification.objects.filter(user__username=username, key__startswith="registers:")
    return list(rows.order_by("id").values_list("text", flat=True))


def mail_to(mailoutbox, username: str) -> list:
    return [m for m in mailoutbox if m.to == [f"{username}@example.vn"]]


def test_the_run_reminds_partners_and_handlers_once_a_day(world, mailoutbox):
    with morning(D(2027, 3, 10)):
        assert tasks.send_due_reminders.call() >= 3  # the demo's people have theirs too
        police = messages_of("t.police")
        # The commitment due in two days; not the one due in ten.
        assert police == [f"Nhắc việc trong sổ theo dõi (1 việc): {FIRST} (còn 2 ngày)"]
        request = f"Nhắc việc trong sổ theo dõi (1 việc): {REQUEST} (còn 1 ngày)"
        assert messages_of("t.ubnd") == [request]  # the unit that received it
        assert messages_of("t.tu") == [request]  # the provincial coordinator above it
        for outside in ["t.military", "t.leader", "t.board", "b.board"]:
            assert messages_of(outside) == [], outside
        [mail] = mail_to(mailoutbox, "t.police")
        assert mail.subject == "[Danvan] Nhắc việc trong sổ theo dõi ngày 10/03/2027: 1 việc"
        progress = "/chuong-trinh-phoi-hop/so-ket/"
        assert mail.body == (
            "Các việc trong sổ theo dõi sắp đến hạn (trong 3 ngày) hoặc đã quá hạn ngày "
            "10/03/2027:\n\n"
            f"- [Sơ kết chương trình phối hợp] {FIRST} — hạn 12/03/2027, còn 2 ngày\n"
            f"  {SITE}{progress}\n\n"
            f"Hộp thư công việc: {SITE}/bao-cao/hop-thu/"
        )
        [mail] = mail_to(mailoutbox, "t.ubnd")
        assert "[Tiếp dân, đơn thư] " + REQUEST + " — hạn 11/03/2027, còn 1 ngày" in mail.body
        petition = cases.Petition.objects.get(reference="KNPA-T-01")
        assert f"  {SITE}/tiep-dan-don-thu/don/{petition.pk}/\n" in mail.body
        assert Notification.objects.get(
            user__username="t.police", key="registers:2027-03-10"
        ).url == ("/bao-cao/hop-thu/")
        sent = len(mailoutbox)

        # The worker's next hour, the same day: the day is done, nothing new for anybody.
        assert send_register_reminders(days_before=3) == 0
        # A run that died before marking the day done: the next one asks the registers
        # again, and still tells nobody twice.
        RegisterReminderRun.objects.filter(day=D(2027, 3, 10)).delete()
        assert send_register_reminders(days_before=3) == 0
        assert RegisterReminderRun.objects.get(day=D(2027, 3, 10)).reminded == 0
        assert len(mailoutbox) == sent
        assert [len(messages_of(u)) for u in MINE] == [1, 1, 1, 0, 0, 0, 0]

    with morning(D(2027, 3, 11)):
        assert send_register_reminders(days_before=3) >= 3
        assert messages_of("t.police")[-1].endswith(f"{FIRST} (còn 1 ngày)")
        assert messages_of("t.ubnd")[-1].endswith(f"{REQUEST} (đến hạn hôm nay)")
        assert send_register_reminders(days_before=3) == 0

    with morning(D(2027, 3, 12)):
        send_register_reminders(days_before=3)
        assert messages_of("t.police")[-1].endswith(f"{FIRST} (đến hạn hôm nay)")
        assert messages_of("t.ubnd")[-1] == (
            f"Nhắc việc trong sổ theo dõi (1 việc, 1 việc quá hạn): {REQUEST} (quá hạn 1 ngày)"
        )
    assert lines_of("t.police") == [
        ("2027-03-10", FIRST),
        ("2027-03-11", FIRST),
        ("2027-03-12", FIRST),
    ]
    assert [len(mail_to(mailoutbox, u)) for u in MINE] == [3, 3, 3, 0, 0, 0, 0]


def test_danvan_remind_prints_the_register_reminders(world, capsys):
    with morning(D(2027, 3, 10)):
        assert remind.run(None) == 0
        printed = capsys.readouterr().out.splitlines()
        count = Notification.objects.filter(key="registers:2027-03-10").count()
        assert count >= 3
        assert printed[-1] == f"Đã gửi {count} nhắc việc sổ theo dõi (mỗi người một thư)."
        # The demo's coordinators have a dozen items: cut to the notification's 500 characters.
        texts = Notification.objects.filter(key="registers:2027-03-10").values_list("text")
        assert max(len(t) for (t,) in texts) == 500
        assert all(t.endswith("…") for (t,) in texts if len(t) == 500)
        assert remind.run(None) == 0
        assert capsys.readouterr().out.splitlines()[-1] == (
            "Đã gửi 0 nhắc việc sổ theo dõi (mỗi người một thư)."
        )


class Broken:
    key, label = "broken", "Sổ hỏng"

    def inbox_items(self, user, today):
        raise RuntimeError("bảng chưa tạo")


class Undated:
    key, label = "undated", "Sổ không hạn"

    def inbox_items(self, user, today):
        if user.username != "t.police":
            return []
        return [
            registers.InboxItem(self.label, "Việc không có hạn", "/khong-han/"),
            registers.InboxItem(self.label, "Việc quá hạn", "/qua-han/", D(2027, 3, 1), True),
        ]


@pytest.fixture
def odd_registers():
    registers.register(Broken())
    registers.register(Undated())
    yield
    registers.unregister("broken")
    registers.unregister("undated")


def test_a_failing_register_is_skipped_and_undated_items_are_not_reminded(
    world, odd_registers, caplog, mailoutbox
):
    with morning(D(2027, 3, 10)), caplog.at_level(logging.WARNING):
        send_register_reminders(days_before=3)
    assert messages_of("t.police") == [
        "Nhắc việc trong sổ theo dõi (2 việc, 1 việc quá hạn): Việc quá hạn (quá hạn 9 ngày); "
        f"{FIRST} (còn 2 ngày)"
    ]
    [mail] = mail_to(mailoutbox, "t.police")
    assert f"  {SITE}/qua-han/\n" in mail.body and "khong-han" not in mail.body
    assert any("register broken failed in inbox_items" in r.getMessage() for r in caplog.records)
