"""Property tests of the review forms: whatever a reporter types in the progress form, or a
coordinator in the issuing form, the answer is never a server error, and a refused progress
form writes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.programmes.models import Progress
from danvan.reporting.models import ReportRequest
from programmes.test_review_services import issue_second_half, police_rows

pytestmark = pytest.mark.django_db

TEXT = st.one_of(
    st.sampled_from(["", "mười", "1 868", "95.5", "12,5", str(2**70), "9" * 500]),
    st.text(max_size=60),
)
STATUS = st.one_of(st.sampled_from(["", "hoan_thanh", "cham", "huy", "xong"]), st.text(max_size=12))
FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(status=STATUS, value=TEXT, narrative=TEXT, evidence=TEXT)
def test_the_progress_form_never_fails(login_client, status, value, narrative, evidence):
    request = _request()
    assignment, commitments = police_rows(request)
    key = commitments[0].pk
    before = list(Progress.objects.filter(review__report_request=request).values_list("status"))
    response = login_client("dn.baocao").post(
        f"/chuong-trinh-phoi-hop/so-ket/bao-cao/{assignment.pk}/tien-do/",
        {
            f"status-{key}": status,
            f"value-{key}": value,
            f"narrative-{key}": narrative,
            f"evidence-{key}": evidence,
        },
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        after = Progress.objects.filter(review__report_request=request).values_list("status")
        assert list(after) == before


def _request():
    """The 2022S2 review (issued by the first example; the test's transaction keeps it)."""
    found = ReportRequest.objects.filter(
        period__code="2022S2", programme_reviews__isnull=False
    ).first()
    return found or issue_second_half()


@FUZZ
@given(period=TEXT, deadline=TEXT, grace=TEXT, kind=st.sampled_from(["half_year", "year", "x"]))
def test_the_issuing_form_never_fails(login_client, period, deadline, grace, kind):
    response = login_client("dn.dieuphoi").post(
        "/chuong-trinh-phoi-hop/so-ket/moi/",
        {
            "instruments": ["1", "x"],
            "kind": kind,
            "period": period,
            "deadline": deadline,
            "grace_days": grace,
        },
    )
    assert response.status_code in (302, 400)
