"""The permission matrix: the thường trực board sees everything of its instruments; a partner
sees the instrument and only the commitments its party leads or joins, and reports only on
those; a unit that is no party and another province see nothing (404). A party outside the
board's subtree (the police, in a tree of its own) gets a programme grant while the
instrument is signed: the board may then issue review requests to it, and only then."""

import datetime as dt

import pytest
from django.test import Client

from danvan.accounts import permissions
from danvan.programmes import commitments, selectors, services
from danvan.programmes import permissions as access
from danvan.programmes.errors import NotFound
from danvan.programmes.models import (
    ContentArea,
    InstrumentKind,
    InstrumentState,
    PartyRole,
    ProgrammeGrant,
)

from .world import add_parties, signed_programme, unit

D = dt.date


def plan_with_commitments(actor, programme):
    plan = services.create_instrument(
        actor,
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_NAM,
        symbol="12-KH/BDVTU-BCSĐUBND-CAT-BCHQS",
        title="Kế hoạch phối hợp năm 2022",
        signed_on=D(2022, 1, 20),
        valid_from=D(2022, 1, 20),
        valid_to=D(2022, 12, 31),
        parent=programme,
    )
    board, bcsd, police, military = add_parties(
        actor,
        plan,
        [
            ("T-BDVTU", PartyRole.THUONG_TRUC),
            ("T-BCSD", PartyRole.KY_KET),
            ("T-CAT", PartyRole.KY_KET),
            ("T-BCHQS", PartyRole.KY_KET),
        ],
    )
    area = ContentArea.objects.get(code="an-ninh-trat-tu")
    made = {}
    for key, lead, partners in (
        ("police", police, []),
        ("military", military, [police]),
        ("bcsd", bcsd, [board]),
    ):
        plan.refresh_from_db()
        made[key] = commitments.create_commitment(
            actor,
            plan,
            version=plan.version,
            content_area=area,
            content=f"Nhiệm vụ do {lead.unit} chủ trì",
            lead=lead,
            partners=partners,
            period_code="2022s1",
        )
    plan.refresh_from_db()
    plan = services.change_state(actor, plan, target=InstrumentState.DA_KY, version=plan.version)
    return plan, made


@pytest.fixture
def scene(world):
    programme = signed_programme(world["t.board"])
    plan, made = plan_with_commitments(world["t.board"], programme)
    return world, programme, plan, made


def seen(user, plan) -> set[str]:
    return {
        c.content.split(" do ")[1].split(" chủ trì")[0] for c in selectors.commitments(user, plan)
    }


def test_who_sees_which_commitments(scene):
    users, programme, plan, made = scene
    everything = {"Công an tỉnh T", "Bộ Chỉ huy Quân sự tỉnh T", "Ban cán sự đảng UBND tỉnh T"}
    assert made["police"].period_code == "2022S1"
    for name in ("t.board", "t.tu", "t.leader"):
        assert seen(users[name], plan) == everything, name
    # The police lead one commitment and join another; the military only its own.
    assert seen(users["t.police"], plan) == {"Công an tỉnh T", "Bộ Chỉ huy Quân sự tỉnh T"}
    assert seen(users["t.military"], plan) == {"Bộ Chỉ huy Quân sự tỉnh T"}
    # The People's Committee's reporter is no party (its Party body signed): nothing.
    for name in ("t.ubnd", "b.board"):
        with pytest.raises(NotFound):
            selectors.get_instrument(users[name], plan.pk)
        assert not selectors.instruments(users[name]).filter(pk=plan.pk).exists()
    # Reporting: a partner on its own commitments only; the leader never.
    assert access.can_report(users["t.police"], made["police"])
    assert access.can_report(users["t.police"], made["military"])
    assert not access.can_report(users["t.police"], made["bcsd"])
    assert not access.can_report(users["t.leader"], made["police"])
    assert access.can_report(users["t.board"], made["bcsd"])
    # Managing: the board's coordinators only.
    assert access.can_manage(users["t.tu"], plan) and not access.can_manage(users["t.leader"], plan)
    with pytest.raises(permissions.ScopeDenied):
        services.update_instrument(users["t.police"], plan, version=plan.version, title="Sửa")


def test_pages_and_api_follow_the_matrix(scene, bearer):
    users, programme, plan, _ = scene
    police = Client()
    police.force_login(users["t.police"])
    page = police.get(f"/chuong-trinh-phoi-hop/{plan.pk}/").content.decode()
    assert "Nhiệm vụ do Công an tỉnh T chủ trì" in page
    assert "Nhiệm vụ do Ban cán sự đảng UBND tỉnh T chủ trì" not in page
    assert "Chỉ hiện các nhiệm vụ đơn vị của bạn chủ trì hoặc phối hợp" in page
    assert police.get(f"/chuong-trinh-phoi-hop/{plan.pk}/sua/").status_code == 403
    other = Client()
    other.force_login(users["b.board"])
    assert other.get(f"/chuong-trinh-phoi-hop/{plan.pk}/").status_code == 404
    assert other.get(f"/api/programmes/instruments/{plan.pk}/commitments").status_code == 404
    api = police.get(f"/api/programmes/instruments/{plan.pk}/commitments")
    assert api.status_code == 200
    assert len(api.json()) == 2
    detail = police.get(f"/api/programmes/instruments/{plan.pk}").json()
    assert [p["unit_code"] for p in detail["parties"]] == ["T-BDVTU", "T-BCSD", "T-CAT", "T-BCHQS"]
    listed = police.get("/api/programmes/instruments?kind=ke_hoach_nam").json()
    assert [row["symbol"] for row in listed["items"]] == ["12-KH/BDVTU-BCSĐUBND-CAT-BCHQS"]
    assert police.get(f"/api/programmes/instruments/{plan.pk}/progress").json() == []
    # The demo's Đà Nẵng coordinator sees nothing of province T.
    demo = Client()
    query = "/api/programmes/instruments?q=BCSĐUBND-CAT-BCHQS"
    assert len(police.get(query).json()["items"]) == 1
    assert demo.get(query, headers=bearer("dn.dieuphoi")).json()["items"] == []
    assert (
        demo.get(
            f"/api/programmes/instruments/{plan.pk}", headers=bearer("dn.dieuphoi")
        ).status_code
        == 404
    )


def test_programme_grant_widens_the_boards_reporting_scope_while_signed(world):
    board = world["t.board"]
    police_unit, other_police = unit("T-CAT"), unit("B-CAT")
    assert not permissions.has_permission(board, "reporting.issue", police_unit)
    programme = signed_programme(board)
    # Every party outside the board's own subtree gets a grant (here the police and the
    # People's Committee's Party body, a sibling of the board under the Tỉnh ủy).
    assert set(
        ProgrammeGrant.objects.filter(instrument=programme).values_list("unit__code", flat=True)
    ) == {"T-CAT", "T-BCSD"}
    grant = ProgrammeGrant.objects.get(instrument=programme, unit__code="T-CAT")
    assert (grant.unit.code, grant.granted_on, grant.ended_on) == ("T-CAT", D(2021, 3, 15), None)
    # The board's coordinators (and those above) may issue to and review the police…
    for name in ("t.board", "t.tu"):
        assert permissions.has_permission(world[name], "reporting.issue", police_unit)
        assert permissions.has_permission(world[name], "reporting.review", police_unit)
    assert permissions.has_permission(world["t.leader"], "reporting.board", police_unit)
    # …but not issue as a leader, not act on another province's police, not manage its units.
    assert not permissions.has_permission(world["t.leader"], "reporting.issue", police_unit)
    assert not permissions.has_permission(board, "reporting.issue", other_police)
    assert not permissions.has_permission(board, "orgs.manage", police_unit)
    assert not permissions.has_permission(world["b.board"], "reporting.issue", police_unit)
    # Ending the programme ends the grant.
    programme = services.change_state(
        board,
        programme,
        target=InstrumentState.HET_HIEU_LUC,
        version=programme.version,
        on=D(2025, 12, 31),
    )
    grant.refresh_from_db()
    assert grant.ended_on == D(2025, 12, 31)
    assert not permissions.has_permission(board, "reporting.issue", police_unit)
