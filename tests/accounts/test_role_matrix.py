"""Every role against every page and endpoint of the foundation: the expected status of each
cell written by hand from the rules (a role on a unit covers its subtree; only administrators
manage units and roles; Django admin is for superusers)."""

import json

import pytest
from django.contrib.auth import get_user_model

from danvan.accounts.models import Membership
from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role
from danvan.audit.models import AuditEvent
from danvan.orgs.models import OrgUnit

IMPORT_BODY = json.dumps(
    {
        "units": [
            {
                "code": "DN-MATRIX",
                "name": "Đơn vị thử quyền",
                "kind": "agency",
                "parent_code": "DN-TU",
                "valid_from": "2024-01-01",
            }
        ]
    }
)
GRANT_BODY = json.dumps({"username": "dn.xem", "unit_code": "DN-CATP", "role": "reporter"})

# (method, path, body)
ENDPOINTS = {
    "home": ("get", "/", None),
    "tree": ("get", "/don-vi/?ngay=2022-06-30", None),
    "unit_dn_board": ("get", "/don-vi/DN-BDVTU/", None),
    "unit_ct_bloc": ("get", "/don-vi/CT-DUK/", None),
    "import_page": ("get", "/don-vi/nhap/", None),
    "export_json": ("get", "/don-vi/xuat/json", None),
    "roles_page": ("get", "/tai-khoan/phan-quyen/", None),
    "password_page": ("get", "/tai-khoan/doi-mat-khau/", None),
    "django_admin": ("get", "/quan-tri/", None),
    "api_me": ("get", "/api/accounts/me", None),
    "api_tree": ("get", "/api/orgs/tree?date=2022-06-30", None),
    "api_unit_dn_board": ("get", "/api/orgs/units/DN-BDVTU", None),
    "api_unit_ct_bloc": ("get", "/api/orgs/units/CT-DUK", None),
    "api_export": ("get", "/api/orgs/export", None),
    "api_import": ("post", "/api/orgs/import", IMPORT_BODY),
    "api_memberships": ("get", "/api/accounts/memberships", None),
    "api_grant": ("post", "/api/accounts/memberships", GRANT_BODY),
}

# Columns in ENDPOINTS order. 302 = sent to a login page.
EXPECTED = {
    #                 home tree dnB  ctB  imp  exp  role pwd  adm  me   atree aDnB aCtB aexp aimp amem agrant
    None: (302, 302, 302, 302, 302, 302, 302, 302, 302, 401, 401, 401, 401, 401, 401, 401, 401),
    "admin": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201),
    "dn.quantri": (
        200,
        200,
        200,
        403,
        200,
        200,
        200,
        200,
        302,
        200,
        200,
        200,
        403,
        200,
        200,
        200,
        201,
    ),
    "dn.dieuphoi": (
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        302,
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        403,
    ),
    "dn.lanhdao": (
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        302,
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        403,
    ),
    "dn.baocao": (
        200,
        200,
        403,
        403,
        403,
        403,
        403,
        200,
        302,
        200,
        200,
        403,
        403,
        403,
        403,
        403,
        403,
    ),
    "ct.baocao": (
        200,
        200,
        403,
        200,
        403,
        403,
        403,
        200,
        302,
        200,
        200,
        403,
        200,
        403,
        403,
        403,
        403,
    ),
    "dn.xem": (200, 200, 200, 403, 403, 403, 403, 200, 302, 200, 200, 200, 403, 403, 403, 403, 403),
}

CASES = [
    (username, name, status)
    for username, statuses in EXPECTED.items()
    for name, status in zip(ENDPOINTS, statuses, strict=True)
]


@pytest.fixture
def scoped_admin(db):
    """An administrator of Đà Nẵng only (not a superuser)."""
    create_user(SYSTEM, "dn.quantri", "Song-Han#2026")
    grant_role(SYSTEM, "dn.quantri", "DN-TU", "admin")


def state():
    return (
        OrgUnit.objects.count(),
        Membership.objects.count(),
        AuditEvent.objects.exclude(action__startswith="accounts.login").count(),
    )


@pytest.mark.parametrize(
    ("username", "endpoint", "expected"),
    CASES,
    ids=[f"{u or 'anonymous'}-{e}" for u, e, _ in CASES],
)
def test_role_matrix(client, scoped_admin, username, endpoint, expected):
    if username:
        # The login page itself is tested in test_login; here only the session matters.
        client.force_login(get_user_model().objects.get(username=username))
    method, path, body = ENDPOINTS[endpoint]
    before = state()
    if method == "get":
        response = client.get(path)
    else:
        response = client.post(path, body, content_type="application/json")
    assert response.status_code == expected, response.content.decode()[:300]
    if expected == 403:
        text = response.content.decode()
        assert "quyền" in (json.loads(text)["detail"] if path.startswith("/api/") else text)
    if method == "post" and expected >= 300:
        assert state() == before, "a refused request must change nothing"


def test_django_admin_leaves_an_audit_trail_and_cannot_move_units(client, db):
    client.force_login(get_user_model().objects.get(username="admin"))
    unit = OrgUnit.objects.get(code="DN-MTTQ")
    page = client.get(f"/quan-tri/orgs/orgunit/{unit.pk}/change/").content.decode()
    assert 'name="parent"' not in page and 'name="valid_from"' not in page
    response = client.post(
        f"/quan-tri/orgs/orgunit/{unit.pk}/change/",
        {
            "name": "Ủy ban MTTQ Việt Nam thành phố Đà Nẵng",
            "short_name": unit.short_name,
            "issuer_code": unit.issuer_code,
            "note": "Sửa tên cho gọn.",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(
        action="admin.change", object_type="OrgUnit", object_id=str(unit.pk)
    ).get()
    assert event.after["name"] == "Ủy ban MTTQ Việt Nam thành phố Đà Nẵng"
    assert event.actor.username == "admin"
