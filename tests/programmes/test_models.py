import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from danvan.orgs.models import OrgUnit
from danvan.programmes.models import ContentArea, Instrument, InstrumentKind, InstrumentState

pytestmark = pytest.mark.django_db


def test_content_areas_seeded_in_order():
    names = list(ContentArea.objects.values_list("code", flat=True))
    assert names[:3] == ["tuyen-truyen", "he-thong-chinh-tri", "dvcq-qcdc"]
    assert "dan-van-kheo" in names and len(names) == 10


def test_validity_range_and_symbol_date_are_enforced_by_the_database():
    board = OrgUnit.objects.create(
        code="T-BDV", name="Ban Dân vận Tỉnh ủy", kind="board", valid_from=dt.date(2000, 1, 1)
    )
    common = {"kind": InstrumentKind.CHUONG_TRINH, "title": "Chương trình", "owner": board}
    Instrument.objects.create(symbol="02-CTr/BDVTU-BCHQST", signed_on=dt.date(2021, 5, 1), **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        Instrument.objects.create(
            symbol="02-CTr/BDVTU-BCHQST", signed_on=dt.date(2021, 5, 1), **common
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Instrument.objects.create(
            valid_from=dt.date(2022, 1, 1), valid_to=dt.date(2021, 1, 1), **common
        )
    # Drafts without a symbol do not clash.
    Instrument.objects.create(**common)
    Instrument.objects.create(**common)
    assert Instrument.objects.filter(state=InstrumentState.DU_THAO).count() == 3
