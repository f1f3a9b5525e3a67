"""The demo's Cần Thơ bloc: the register computes the "97/97 tổ chức cơ sở đảng duy trì xây
dựng mô hình Dân vận khéo" of the 2019 half-year report (samples/seeds/cantho-dukhoi-dan-van-
6t-2019.txt §2.2), through the registers' interface, with provenance."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from danvan import registers
from danvan.exemplars.demo import BAO_CAN_THO_MODEL, load_demo
from danvan.exemplars.models import Entry
from danvan.orgs.models import OrgUnit

SAMPLE = Path(__file__).parents[2] / ".." / "shared" / "samples" / "seeds"
SAMPLE = SAMPLE / "cantho-dukhoi-dan-van-6t-2019.txt"
H1_2019 = (dt.date(2019, 1, 1), dt.date(2019, 6, 30))

pytestmark = pytest.mark.django_db


def _sample_ratio() -> tuple[int, int]:
    text = " ".join(SAMPLE.read_text(encoding="utf-8").split())
    found = re.search(r"(\d+)/(\d+) tổ chức cơ sở đảng duy trì", text)
    return int(found.group(1)), int(found.group(2))


def test_the_register_computes_the_sample_half_year_ratio():
    assert _sample_ratio() == (97, 97)
    bloc = OrgUnit.objects.get(code="CT-DUK")
    figures = registers.compute(unit=bloc, date_from=H1_2019[0], date_to=H1_2019[1])
    assert figures["dvk-tccs-duy-tri-mo-hinh"].value == Decimal(97)
    assert figures["tccs-dang-tong-so"].value == Decimal(97)
    assert figures["dvk_tccs_co_mo_hinh"].value == Decimal(97)
    assert "97/97 tổ chức cơ sở đảng" in figures["dvk_tccs_co_mo_hinh"].provenance
    assert figures["dvk_tccs_co_mo_hinh"].url.startswith("/dan-van-kheo/so-lieu/")


def test_the_sample_named_model_is_in_the_register():
    entry = Entry.objects.get(name=BAO_CAN_THO_MODEL)
    assert entry.owner_unit.code == "CT-DUK-BAOCT"
    assert "Báo Cần Thơ" in entry.owner_unit.name
    assert "an_sinh_xa_hoi" in entry.tags


def test_invented_units_are_marked_in_their_notes():
    invented = OrgUnit.objects.filter(code__startswith="CT-DUK-CB")
    assert invented.count() == 93
    assert all("giả định" in u.note for u in invented)


def test_after_the_bloc_ended_its_organisations_no_longer_count():
    bloc = OrgUnit.objects.get(code="CT-DUK")
    figures = registers.compute(
        unit=bloc, date_from=dt.date(2025, 7, 1), date_to=dt.date(2025, 12, 31)
    )
    assert figures["dvk_tccs_tong_so"].value == 0


def test_demo_runs_twice_without_change():
    before = Entry.objects.count()
    assert load_demo() == {"exemplars_created": 0}
    assert Entry.objects.count() == before


def test_the_register_fills_the_2019_submission_with_the_sample_figure():
    from danvan.reporting.models import Assignment
    from danvan.reporting.register_figures import proposals

    assignment = Assignment.objects.get(
        request__title="Báo cáo công tác dân vận 6 tháng đầu năm 2019", unit__code="CT-DUK"
    )
    found = {p.key: p for p in proposals(assignment)}
    assert found["dvk-tccs-duy-tri-mo-hinh"].value == 97
    assert found["tccs-dang-tong-so"].value == 97
    # The value read from the sample report (97) is the one the register computes.
    assert found["dvk-tccs-duy-tri-mo-hinh"].same
    assert found["dvk-tccs-duy-tri-mo-hinh"].register_label == "Dân vận khéo"
