"""A party unit merged away in the 2025 reform: the instrument says "cần ký lại / thay đổi chủ
thể" and proposes the successor from the unit tree; nothing changes until a person confirms;
then the successor carries on the open commitments and the history stays."""

import datetime as dt

import pytest

from danvan.audit.models import AuditEvent
from danvan.programmes import commitments, parties, services
from danvan.programmes.errors import ProgrammeError
from danvan.programmes.models import ContentArea, InstrumentKind, InstrumentState, Party, PartyRole

from .world import add_parties, signed_programme, unit

D = dt.date


def test_a_party_merged_away_is_flagged_and_replaced_only_when_confirmed(world):
    actor = world["t.tu"]
    programme = signed_programme(actor)
    notices = parties.successor_notices(programme, D(2026, 12, 2))
    # The owner (board merged 01/3/2025) and the Party body (abolished 31/01/2025).
    assert [(n.unit.code, n.ended_on, [u.code for u in n.proposals]) for n in notices] == [
        ("T-BDVTU", D(2025, 2, 28), ["T-BTGDVTU"]),
        ("T-BDVTU", D(2025, 2, 28), ["T-BTGDVTU"]),
        ("T-BCSD", D(2025, 1, 31), ["T-DUUB"]),
    ]
    assert notices[2].message == (
        "Cần ký lại / thay đổi chủ thể: bên tham gia Ban cán sự đảng UBND tỉnh T kết thúc hoạt "
        "động ngày 31/01/2025. Đơn vị kế thừa theo cây đơn vị: Đảng ủy UBND tỉnh T."
    )
    # Before the reform nothing is flagged; nothing was rewritten by looking.
    assert parties.successor_notices(programme, D(2024, 12, 31)) == []
    assert Party.objects.filter(
        instrument=programme, unit__code="T-BCSD", replaced_by=None
    ).exists()
    # A plan of 2025 with a commitment due after the abolition and one before.
    plan = services.create_instrument(
        actor,
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_NAM,
        symbol="20-KH/BDVTU-BCSĐUBND",
        title="Kế hoạch phối hợp năm 2025",
        signed_on=D(2025, 1, 5),
        valid_from=D(2025, 1, 5),
        valid_to=D(2025, 12, 31),
        parent=programme,
    )
    board, bcsd = add_parties(
        actor, plan, [("T-BDVTU", PartyRole.THUONG_TRUC), ("T-BCSD", PartyRole.KY_KET)]
    )
    area = ContentArea.objects.get(code="dvcq-qcdc")
    early = commitments.create_commitment(
        actor,
        plan,
        version=plan.version,
        content_area=area,
        content="Sơ kết quý I",
        lead=bcsd,
        due_on=D(2025, 1, 20),
    )
    plan.refresh_from_db()
    late = commitments.create_commitment(
        actor,
        plan,
        version=plan.version,
        content_area=area,
        content="Hội nghị 6 tháng",
        lead=bcsd,
        partners=[board],
        due_on=D(2025, 6, 30),
    )
    plan.refresh_from_db()
    plan = services.change_state(actor, plan, target=InstrumentState.DA_KY, version=plan.version)
    bcsd.refresh_from_db()
    with pytest.raises(ProgrammeError) as refused:
        parties.confirm_party_successor(actor, bcsd, unit=unit("T-BDVTU"), version=plan.version)
    assert refused.value.fields["unit"] == "Ban Dân vận Tỉnh ủy T không còn hoạt động."
    successor = parties.confirm_party_successor(
        actor, bcsd, unit=unit("T-DUUB"), version=plan.version
    )
    bcsd.refresh_from_db()
    assert (successor.unit.code, successor.role) == ("T-DUUB", PartyRole.KY_KET)
    assert (bcsd.replaced_by, bcsd.ended_on) == (successor, D(2025, 2, 1))
    early.refresh_from_db()
    late.refresh_from_db()
    assert early.lead == bcsd  # due before the abolition: stays with the old party
    assert late.lead == successor
    assert [n.unit.code for n in parties.successor_notices(plan, D(2026, 12, 2))] == [
        "T-BDVTU",
        "T-BDVTU",
    ]
    event = AuditEvent.objects.filter(action="programmes.party.successor").latest("id")
    assert "T-DUUB" not in event.summary and "Đảng ủy UBND tỉnh T" in event.summary
    # The grants follow: the old body's ended the day it stopped, the new one's is open.
    grants = {g.unit.code: g.ended_on for g in plan.grants.all()}
    assert grants == {"T-BCSD": D(2025, 2, 1), "T-DUUB": None}
    # The owner too, once confirmed.
    plan.refresh_from_db()
    plan = parties.confirm_owner_successor(
        actor, plan, unit=unit("T-BTGDVTU"), version=plan.version
    )
    assert plan.owner.code == "T-BTGDVTU"
