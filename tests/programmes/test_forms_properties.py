"""Hypothesis on every form of the programmes pages: whatever is typed, the answer is a page
(saved, or refused with Vietnamese messages), never a server error."""

import datetime as dt

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.programmes import services
from danvan.programmes.models import InstrumentKind

from .world import signed_programme, unit

WITH_DB = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
AWKWARD = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "31/02/2022",
            "2022-13-01",
            "2022S3",
            "da_ky",
            "hieu_luc",
            "ky_ket",
            "02-CTr/BDVTU-CAT",
            "\x00",
            "1",
            "1e9",
            "١٢",
            "tuyen-truyen",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
FIELDS = {
    "create": [
        "kind",
        "owner",
        "symbol",
        "title",
        "signed_on",
        "valid_from",
        "valid_to",
        "parent",
        "based_on",
        "note",
    ],
    "edit": [
        "version",
        "kind",
        "symbol",
        "title",
        "signed_on",
        "valid_from",
        "valid_to",
        "parent",
        "based_on",
        "note",
    ],
    "state": ["target", "on", "version"],
    "successor": ["successor", "version"],
    "party": ["unit", "role", "signer_name", "signer_title", "group", "version"],
    "party_successor": ["party", "unit", "version"],
    "commitment": [
        "content_area",
        "content",
        "lead",
        "partners",
        "deliverable",
        "target",
        "due_on",
        "period_code",
        "evidence_expected",
        "version",
    ],
    "proposal": ["take", "action", "version"],
}


@pytest.fixture
def setting(world):
    board = world["t.tu"]
    programme = signed_programme(board)
    plan = services.create_instrument(
        board,
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_6_THANG,
        title="Kế hoạch 6 tháng",
        valid_from=dt.date(2022, 1, 1),
        valid_to=dt.date(2022, 6, 30),
        parent=programme,
    )
    client = Client()
    client.force_login(board)
    return client, programme, plan


def urls(programme, plan) -> dict:
    base = "/chuong-trinh-phoi-hop"
    return {
        "create": f"{base}/moi/",
        "edit": f"{base}/{plan.pk}/sua/",
        "state": f"{base}/{plan.pk}/trang-thai/",
        "successor": f"{base}/{programme.pk}/thay-the/",
        "party": f"{base}/{plan.pk}/cac-ben/",
        "party_successor": f"{base}/{programme.pk}/cac-ben/ke-thua/",
        "commitment": f"{base}/{plan.pk}/nhiem-vu/",
        "proposal": f"{base}/{plan.pk}/de-xuat/",
    }


@pytest.mark.parametrize("form", sorted(FIELDS))
def test_no_input_reaches_a_server_error(setting, form):
    client, programme, plan = setting
    url = urls(programme, plan)[form]

    @WITH_DB
    @given(st.fixed_dictionaries({name: AWKWARD for name in FIELDS[form]}))
    def post(data):
        response = client.post(url, data)
        assert response.status_code < 500, (url, data)

    post()


@pytest.mark.parametrize("form", sorted(FIELDS))
def test_ids_beyond_the_database_integers_are_refused(setting, form):
    client, programme, plan = setting
    huge = "99999999999999999999"
    response = client.post(urls(programme, plan)[form], {name: huge for name in FIELDS[form]})
    assert response.status_code in (302, 400), response.status_code
    base = f"/chuong-trinh-phoi-hop/{plan.pk}"
    assert client.post(f"{base}/cac-ben/{huge}/bo/", {"version": 0}).status_code == 404
    assert client.get(f"{base}/nhiem-vu/{huge}/").status_code == 404
