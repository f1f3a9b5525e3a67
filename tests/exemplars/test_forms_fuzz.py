"""Every form of the register, fed arbitrary text by Hypothesis, answers without a server error
and writes nothing it should not (CSRF on, as in production)."""

from __future__ import annotations

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.exemplars.models import Entry

pytestmark = pytest.mark.django_db
AWKWARD = st.one_of(
    st.sampled_from(
        [
            "",
            "mười",
            "1 868",
            "95,5",
            "-5",
            "9" * 400,
            "32/13/2030",
            "2026-02-30",
            "<b>x</b>",
            "a\udfffb",
            "xa",
            "hieu_qua",
            "dang_ky",
        ]
    ),
    st.text(max_size=30),
)
ENTRY_FIELDS = [
    "owner_unit",
    "kind",
    "subject",
    "channel",
    "field",
    "tags",
    "sub_movement",
    "name",
    "situation",
    "goals",
    "content",
    "area",
    "forces_lead",
    "resources",
    "start_date",
    "milestones",
    "evaluation_date",
    "expected_outputs",
    "sustainability",
    "person_name",
    "person_position",
]
ACTION_FIELDS = {
    "chuyen-trang-thai": ["target", "at", "level", "decision_symbol", "note"],
    "danh-gia": ["assessed_on", "assessor_unit", "checklist", "conclusion", "note"],
    "cong-nhan": [
        "level",
        "form",
        "decided_on",
        "decision_symbol",
        "by_unit",
        "period_from",
        "period_to",
    ],
    "dau-ra": ["metric", "value", "period_from", "period_to", "evidence"],
    "gop": ["into"],
}
FORM = "application/x-www-form-urlencoded"


def encode(data: dict) -> str:
    """The form as a browser sends it, lone surrogates included (as WTF-8 bytes)."""
    return "&".join(
        f"{k}={quote_from_bytes(str(v).encode('utf-8', 'surrogatepass'))}" for k, v in data.items()
    )


FUZZ = settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@FUZZ
@given(
    values=st.lists(AWKWARD, min_size=len(ENTRY_FIELDS), max_size=len(ENTRY_FIELDS)),
    register=st.booleans(),
)
def test_registration_form_never_fails(login_client, values, register):
    client = login_client("dn.baocao")
    data = dict(zip(ENTRY_FIELDS, values, strict=True))
    if register:
        data["dang-ky"] = "1"
    response = client.post("/dan-van-kheo/dang-ky/", encode(data), content_type=FORM)
    assert response.status_code in (200, 302, 400, 403)


@FUZZ
@given(
    action=st.sampled_from(sorted(ACTION_FIELDS)), values=st.lists(AWKWARD, min_size=7, max_size=7)
)
def test_action_forms_never_fail(login_client, action, values):
    client = login_client("dn.dieuphoi")
    entry = Entry.objects.filter(owner_unit__code="DN-CATP").first()
    data = dict(zip(ACTION_FIELDS[action], values, strict=False))
    response = client.post(f"/dan-van-kheo/{entry.pk}/{action}/", encode(data), content_type=FORM)
    assert response.status_code in (302, 400, 403, 404)


@FUZZ
@given(values=st.lists(AWKWARD, min_size=9, max_size=9))
def test_list_and_counts_filters_never_fail(login_client, values):
    client = login_client("dn.xem")
    keys = ["q", "loai", "chu-the", "linh-vuc", "trang-thai", "cap", "nhan", "don-vi", "nam"]
    query = encode(dict(zip(keys, values, strict=True)))
    assert client.get(f"/dan-van-kheo/?{query}").status_code in (200, 400)
    counts = {"don-vi": values[0], "tu": values[1], "den": values[2], "tu-nam": values[3]}
    assert client.get(f"/dan-van-kheo/so-lieu/?{encode(counts)}").status_code in (200, 400)


def test_a_valid_registration_through_the_page(login_client):
    client = login_client("dn.baocao")
    data = {
        "owner_unit": "DN-CATP",
        "kind": "mo_hinh",
        "subject": "tap_the",
        "channel": "co_quan",
        "field": "kinh_te",
        "name": "Mô hình thử trang",
        "situation": "a",
        "goals": "b",
        "content": "c",
        "area": "d",
        "forces_lead": "e",
        "resources": "f",
        "start_date": "2026-01-05",
        "milestones": "g",
        "evaluation_date": "2026-11-30",
        "expected_outputs": "h",
        "sustainability": "i",
        "dang-ky": "1",
    }
    response = client.post("/dan-van-kheo/dang-ky/", data)
    assert response.status_code == 302
    entry = Entry.objects.get(name="Mô hình thử trang")
    assert entry.status == "dang_ky" and entry.created_by.username == "dn.baocao"
    missing = client.post("/dan-van-kheo/dang-ky/", data | {"name": "Thiếu", "resources": ""})
    assert missing.status_code == 200
    assert "Chưa nhập mục “7. Nguồn lực” (bắt buộc khi đăng ký)." in missing.content.decode()
    assert not Entry.objects.filter(name="Thiếu").exists()


def test_huge_ids_are_not_found(login_client, bearer, client):
    huge = "9" * 30
    web = login_client("dn.dieuphoi")
    assert web.get(f"/dan-van-kheo/{huge}/").status_code == 404
    assert web.get(f"/dan-van-kheo/dot-dang-ky/{huge}/").status_code == 404
    entry = Entry.objects.filter(owner_unit__code="DN-CATP").first()
    response = web.post(f"/dan-van-kheo/{entry.pk}/gop/", {"into": huge})
    assert response.status_code == 302
    assert client.get(f"/api/exemplars/entries/{huge}", headers=bearer("dn.xem")).status_code in (
        404,
        422,
    )
