"""A model built jointly under a coordination programme links to its commitment; only a
commitment the user may see in the programmes register can be linked."""

from __future__ import annotations

import pytest

from danvan.audit.models import AuditEvent
from danvan.exemplars import services
from danvan.exemplars.demo import BAO_CAN_THO_MODEL
from danvan.exemplars.lifecycle import TransitionRefused
from danvan.exemplars.models import Entry
from danvan.programmes.models import Commitment

pytestmark = pytest.mark.django_db


def _da_nang_commitment():
    commitment = Commitment.objects.filter(plan__owner__path__startswith="TW/DN-TU/").first()
    assert commitment is not None, "the programmes demo has Đà Nẵng commitments"
    return commitment


def test_link_and_show(login_client):
    commitment = _da_nang_commitment()
    entry = Entry.objects.get(owner_unit__code="DN-CATP", name__contains="Công an thành phố")
    client = login_client("dn.dieuphoi")
    response = client.post(f"/dan-van-kheo/{entry.pk}/phoi-hop/", {"commitment": commitment.pk})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.commitment == commitment
    page = client.get(f"/dan-van-kheo/{entry.pk}/").content.decode()
    assert 'id="dvk-commitment"' in page
    assert AuditEvent.objects.filter(
        action="exemplars.commitment", object_id=str(entry.pk)
    ).exists()
    client.post(f"/dan-van-kheo/{entry.pk}/phoi-hop/", {"commitment": ""})
    entry.refresh_from_db()
    assert entry.commitment is None


def test_another_province_commitment_is_refused(demo_user):
    commitment = _da_nang_commitment()
    entry = Entry.objects.get(name=BAO_CAN_THO_MODEL)
    with pytest.raises(TransitionRefused, match="Không tìm thấy nhiệm vụ"):
        services.link_commitment(
            actor=demo_user("ct.dieuphoi"), entry=entry, commitment_id=commitment.pk
        )
    entry.refresh_from_db()
    assert entry.commitment is None
