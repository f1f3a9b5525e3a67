"""The instrument chain's rules, through the services (expected values from the rules in
registers-domain.md §1.2: a plan inside its programme's validity, parties valid on the
signing date, states in order, a successor signed no earlier)."""

import datetime as dt

import pytest

from danvan.audit.models import AuditEvent
from danvan.programmes import services
from danvan.programmes.errors import ConcurrentEdit, ProgrammeError
from danvan.programmes.models import Instrument, InstrumentKind, InstrumentState, PartyRole

from .world import add_parties, programme, signed_programme, unit

D = dt.date


def test_the_joint_symbol_is_read_by_the_symbol_rules(world):
    p = programme(world["t.board"], symbol="02-CTr/BDVTU-BCHQST-CAT-BCHBPT")
    assert (p.number, p.type_code, p.issuer_code) == ("02", "CTr", "BDVTU-BCHQST-CAT-BCHBPT")
    state_style = programme(
        world["t.board"], kind=InstrumentKind.QUY_CHE, symbol="01/QCPH/UBND-UBMTTQ"
    )
    assert (state_style.number, state_style.type_code, state_style.issuer_code) == (
        "01",
        "QCPH",
        "UBND-UBMTTQ",
    )
    with pytest.raises(ProgrammeError) as refused:
        programme(world["t.board"], symbol="chương trình số hai")
    assert "không đúng dạng" in refused.value.fields["symbol"]
    assert AuditEvent.objects.filter(action="programmes.instrument.create").count() == 2


def test_a_plan_lies_inside_its_programme(world):
    actor = world["t.board"]
    parent = programme(actor)
    plan = dict(
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_NAM,
        symbol="15-KH/BDVTU-BCSĐUBND",
        title="Kế hoạch phối hợp năm 2022",
        signed_on=D(2022, 1, 10),
        parent=parent,
    )
    inside = services.create_instrument(
        actor, valid_from=D(2022, 1, 10), valid_to=D(2022, 12, 31), **plan
    )
    assert inside.parent == parent
    with pytest.raises(ProgrammeError) as refused:
        services.create_instrument(
            actor,
            valid_from=D(2021, 1, 1),
            valid_to=D(2021, 12, 31),
            **plan | {"symbol": "16-KH/BDVTU"},
        )
    assert "phải nằm trong thời gian hiệu lực" in refused.value.fields["parent"]
    assert "15/03/2021 – 31/12/2025" in refused.value.fields["parent"]
    # A yearly plan stays in one year; a plan is never a parent.
    with pytest.raises(ProgrammeError) as refused:
        services.create_instrument(
            actor,
            valid_from=D(2022, 6, 1),
            valid_to=D(2023, 5, 31),
            **plan | {"symbol": "17-KH/BDVTU"},
        )
    assert refused.value.messages == ["Kế hoạch năm phải có hiệu lực trong cùng một năm."]
    with pytest.raises(ProgrammeError) as refused:
        services.create_instrument(
            actor,
            valid_from=D(2022, 2, 1),
            valid_to=D(2022, 3, 1),
            **plan
            | {
                "symbol": "18-KH/BDVTU",
                "parent": inside,
                "kind": InstrumentKind.KE_HOACH_CHUYEN_DE,
            },
        )
    assert "không phải kế hoạch" in refused.value.fields["parent"]
    # Narrowing the programme may not leave its plan outside.
    with pytest.raises(ProgrammeError) as refused:
        services.update_instrument(actor, parent, version=parent.version, valid_to=D(2021, 12, 31))
    assert "sẽ nằm ngoài thời gian hiệu lực mới" in refused.value.messages[0]
    assert Instrument.objects.filter(owner__code="T-BDVTU", parent=parent).count() == 1


def test_signing_needs_number_date_and_parties_valid_on_that_date(world):
    actor = world["t.board"]
    draft = programme(
        actor,
        symbol="",
        signed_on=D(2026, 1, 5),
        valid_from=D(2026, 1, 5),
        valid_to=D(2030, 12, 31),
    )
    with pytest.raises(ProgrammeError) as refused:
        services.change_state(actor, draft, target=InstrumentState.DA_KY, version=draft.version)
    assert refused.value.messages == ["Cần ghi số ký hiệu của văn bản đã ký."]
    draft = services.update_instrument(
        actor, draft, version=draft.version, symbol="01-CTr/BDVTU-BCSĐUBND"
    )
    with pytest.raises(ProgrammeError) as refused:
        services.change_state(actor, draft, target=InstrumentState.DA_KY, version=draft.version)
    assert refused.value.messages == [
        "Văn bản phối hợp cần ít nhất hai bên tham gia (hai đơn vị khác nhau)."
    ]
    # The board merged on 01/3/2025: in 2026 it cannot be added as a party.
    with pytest.raises(ProgrammeError) as refused:
        add_parties(actor, draft, [("T-BDVTU", PartyRole.THUONG_TRUC)])
    assert (
        refused.value.fields["unit"]
        == "Ban Dân vận Tỉnh ủy T không tồn tại vào ngày ký 05/01/2026."
    )
    add_parties(actor, draft, [("T-BTGDVTU", PartyRole.THUONG_TRUC), ("T-DUUB", PartyRole.KY_KET)])
    signed = services.change_state(
        actor, draft, target=InstrumentState.DA_KY, version=draft.version
    )
    assert signed.state == InstrumentState.DA_KY
    # Moving the signing date back before the Party committee existed is refused.
    with pytest.raises(ProgrammeError) as refused:
        services.update_instrument(
            actor,
            signed,
            version=signed.version,
            signed_on=D(2025, 1, 10),
            valid_from=D(2025, 1, 10),
        )
    assert refused.value.messages == [
        "Ban Tuyên giáo và Dân vận Tỉnh ủy T không tồn tại vào ngày ký 10/01/2025 "
        "(hoạt động 01/03/2025 – nay).",
        "Đảng ủy UBND tỉnh T không tồn tại vào ngày ký 10/01/2025 (hoạt động 01/02/2025 – nay).",
    ]


def test_states_move_in_order_and_a_replaced_instrument_names_its_successor(world):
    actor = world["t.tu"]
    old = signed_programme(actor)
    with pytest.raises(ProgrammeError) as refused:
        services.change_state(actor, old, target=InstrumentState.DU_THAO, version=old.version)
    assert refused.value.messages == ["Không thể chuyển từ “Đang có hiệu lực” sang “Dự thảo”."]
    with pytest.raises(ProgrammeError) as refused:
        services.change_state(actor, old, target=InstrumentState.THAY_THE, version=old.version)
    assert "Cần chọn văn bản thay thế" in refused.value.messages[0]
    earlier = programme(
        actor, symbol="01-CTr/BDVTU-CAT", signed_on=D(2020, 1, 1), valid_from=D(2020, 1, 1)
    )
    with pytest.raises(ProgrammeError) as refused:
        services.set_successor(actor, old, successor=earlier, version=old.version)
    assert "trước văn bản bị thay thế" in refused.value.fields["successor"]
    with pytest.raises(ProgrammeError):
        services.set_successor(actor, old, successor=old, version=old.version)
    new = programme(
        actor,
        symbol="07-CTr/BTGDVTU-ĐUUBND",
        signed_on=D(2025, 6, 1),
        valid_from=D(2025, 6, 1),
        valid_to=D(2030, 12, 31),
        owner=unit("T-BTGDVTU"),
    )
    old = services.set_successor(actor, old, successor=new, version=old.version)
    with pytest.raises(ProgrammeError) as refused:
        services.change_state(actor, old, target=InstrumentState.THAY_THE, version=old.version)
    assert refused.value.messages == [f"Văn bản thay thế {new} chưa được ký."]
    add_parties(actor, new, [("T-BTGDVTU", PartyRole.THUONG_TRUC), ("T-DUUB", PartyRole.KY_KET)])
    services.change_state(actor, new, target=InstrumentState.DA_KY, version=new.version)
    old = services.change_state(
        actor, old, target=InstrumentState.THAY_THE, version=old.version, on=D(2025, 5, 31)
    )
    assert (old.state, old.valid_to) == (InstrumentState.THAY_THE, D(2025, 5, 31))
    # A replaced instrument is read-only but for its note.
    with pytest.raises(ProgrammeError):
        services.update_instrument(actor, old, version=old.version, title="Khác")
    services.update_instrument(
        actor, old, version=old.version, note="Đã thay bằng chương trình 07."
    )


def test_a_stale_version_changes_nothing(world):
    actor = world["t.board"]
    p = programme(actor)
    services.update_instrument(actor, p, version=p.version, title="Tên mới")
    with pytest.raises(ConcurrentEdit):
        services.update_instrument(actor, p, version=p.version, title="Tên khác")
    p.refresh_from_db()
    assert (p.title, p.version) == ("Tên mới", 1)
