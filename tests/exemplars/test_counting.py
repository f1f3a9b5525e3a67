"""Counts by category and period, checked by hand against a small register (see the scenario
below), and the yearly re-assessment rule as a dated setting of the criteria set."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from danvan import registers
from danvan.accounts.permissions import SYSTEM
from danvan.exemplars import counting, services
from danvan.exemplars.models import CriteriaSet

from .conftest import run

pytestmark = pytest.mark.django_db
Y2023 = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.fixture
def scenario(tree, make_entry):
    """e1 A model registered 10/01/2023, effective 01/12, recognised (province) 20/12;
    e2 B individual exemplar registered 01/03/2023, found not effective 01/11;
    e3 A model registered 01/05/2022, stopped 01/06/2023; e4 B draft 01/04/2023;
    e5 A collective exemplar registered 01/02/2023, effective 01/06, giấy khen 01/07 and
    bằng khen 01/09; e6 a model of a cell that ended 31/12/2022, registered 01/03/2021."""
    board = tree["board"]
    e1 = make_entry(tree["a"], "Mô hình hiến đất", at=dt.date(2023, 1, 10))
    run(e1, dt.date(2023, 2, 1))
    services.assess(
        actor=SYSTEM,
        entry=e1,
        assessed_on=dt.date(2023, 12, 1),
        conclusion="hieu_qua",
        checklist=[0, 1],
        assessor_unit=board,
    )
    services.recognise(
        actor=SYSTEM,
        entry=e1,
        level="tinh",
        form="cong_nhan",
        decided_on=dt.date(2023, 12, 20),
        decision_symbol="101-QĐ/TU",
        by_unit=board,
    )
    e2 = make_entry(
        tree["b"],
        "Điển hình vận động",
        at=dt.date(2023, 3, 1),
        kind="dien_hinh",
        subject="ca_nhan",
        field="van_hoa_xa_hoi",
        person_name="Trần Văn A",
        person_position="Bí thư chi bộ",
    )
    run(e2, dt.date(2023, 3, 2))
    services.assess(
        actor=SYSTEM,
        entry=e2,
        assessed_on=dt.date(2023, 11, 1),
        conclusion="chua_hieu_qua",
        checklist=[],
        assessor_unit=board,
    )
    e3 = make_entry(tree["a"], "Mô hình cũ", at=dt.date(2022, 5, 1), field="xay_dung_htct")
    services.change_status(actor=SYSTEM, entry=e3, target="dung", at=dt.date(2023, 6, 1))
    make_entry(tree["b"], "Bản nháp", at=dt.date(2023, 4, 1), register=False)
    e5 = make_entry(tree["a"], "Điển hình tập thể", at=dt.date(2023, 2, 1), kind="dien_hinh")
    run(e5, dt.date(2023, 2, 2))
    services.assess(
        actor=SYSTEM,
        entry=e5,
        assessed_on=dt.date(2023, 6, 1),
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=board,
    )
    services.recognise(
        actor=SYSTEM,
        entry=e5,
        level="xa",
        form="giay_khen",
        decided_on=dt.date(2023, 7, 1),
        decision_symbol="12-QĐ/ĐU",
        by_unit=board,
    )
    services.recognise(
        actor=SYSTEM,
        entry=e5,
        level="tinh",
        form="bang_khen",
        decided_on=dt.date(2023, 9, 1),
        decision_symbol="150-QĐ/TU",
        by_unit=board,
    )
    e6 = make_entry(tree["old"], "Mô hình chi bộ cũ", at=dt.date(2021, 3, 1))
    return {"e1": e1, "e2": e2, "e3": e3, "e5": e5, "e6": e6}


def test_counts_by_category_for_2023(tree, scenario):
    c = counting.compute(tree["root"], *Y2023)
    assert c.by_kind_subject("registered_new") == {
        ("mo_hinh", "tap_the"): 1,
        ("dien_hinh", "ca_nhan"): 1,
        ("dien_hinh", "tap_the"): 1,
    }
    assert c.by_kind_subject("maintained") == {
        ("mo_hinh", "tap_the"): 2,
        ("dien_hinh", "ca_nhan"): 1,
        ("dien_hinh", "tap_the"): 1,
    }
    assert c.by("maintained", 2) == {"kinh_te": 3, "van_hoa_xa_hoi": 1}
    assert c.by_kind_subject("effective") == {
        ("mo_hinh", "tap_the"): 1,
        ("dien_hinh", "tap_the"): 1,
    }
    assert dict(c.recognised_by_level) == {"tinh": 1}
    assert dict(c.awards_by_form) == {"giay_khen": 1, "bang_khen": 1}
    assert sum(c.outstanding.values()) == 0
    assert [u.code for u in c.grassroots] == ["T-CELL-A", "T-CELL-B"]
    assert [u.code for u in c.grassroots_with_model] == ["T-CELL-A"]
    assert c.assessed_recently == 3 and c.assessed_share == Decimal("75.0")
    assert sum(c.cumulative.values()) == 5


def test_cumulative_since_a_year_is_kept_apart(tree, scenario):
    c = counting.compute(tree["root"], *Y2023, since_year=2023)
    assert sum(c.cumulative.values()) == 3
    assert sum(c.registered_new.values()) == 3


def test_status_is_read_at_the_window_end(tree, scenario):
    # On 31/05/2023 the old model (e3) was not yet stopped; e1 not yet effective.
    c = counting.compute(tree["root"], dt.date(2023, 1, 1), dt.date(2023, 5, 31))
    assert sum(c.maintained.values()) == 5  # e1, e2, e3, e5, e6
    assert sum(c.effective.values()) == 0
    assert sum(c.awards_by_form.values()) == 0


def test_figures_through_the_registers_interface(tree, scenario):
    figures = registers.compute(unit=tree["root"], date_from=Y2023[0], date_to=Y2023[1])
    assert figures["dvk_dang_ky_moi"].value == 3
    assert figures["dvk_dang_ky_moi:mo-hinh-tap-the"].value == 1
    assert figures["dvk_duy_tri"].value == 4
    assert figures["dvk_duy_tri_linh_vuc:kinh-te"].value == 3
    assert figures["dvk_hieu_qua"].value == 2
    assert figures["dvk_cong_nhan:tinh"].value == 1
    assert figures["dvk_khen_thuong"].value == 2
    assert figures["dvk_khen_thuong:bang-khen"].value == 1
    assert figures["dvk_tccs_co_mo_hinh"].value == 1
    assert figures["dvk_tccs_tong_so"].value == 2
    assert figures["dvk_ty_le_danh_gia"].value == Decimal("75.0")
    # No figure adds two measures: registered (3) and effective (2) stay apart.
    assert "Tính từ sổ “Dân vận khéo” của Tỉnh ủy Thử Nghiệm" in figures["dvk_duy_tri"].provenance


def test_only_wanted_keys_are_computed(tree, scenario):
    figures = registers.compute(
        unit=tree["root"], date_from=Y2023[0], date_to=Y2023[1], wanted={"dvk_duy_tri"}
    )
    assert set(figures) == {"dvk_duy_tri"}


def test_outputs_are_summed_within_a_metric_only(tree, scenario):
    e1 = scenario["e1"]
    for value in ("1.250", "750"):
        services.add_output(
            actor=SYSTEM,
            entry=e1,
            metric="dat_hien",
            value=value.replace(".", ""),
            period_from=dt.date(2023, 1, 1),
            period_to=dt.date(2023, 6, 30),
            evidence="Biên bản",
        )
    services.add_output(
        actor=SYSTEM,
        entry=e1,
        metric="duong",
        value="1.5",
        period_from=dt.date(2023, 1, 1),
        period_to=dt.date(2023, 6, 30),
        evidence="Nghiệm thu",
    )
    c = counting.compute(tree["root"], *Y2023)
    assert c.outputs == {"dat_hien": Decimal("2000.00"), "duong": Decimal("1.50")}


def test_yearly_reassessment_is_a_dated_setting_of_the_criteria_set(tree, scenario):
    window_2024 = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    # Without the setting, last year's assessments still stand.
    assert sum(counting.compute(tree["root"], *window_2024).effective.values()) == 2
    CriteriaSet.objects.create(
        code="thu-nghiem-2024",
        name="Tiêu chí tỉnh Thử Nghiệm",
        source="Quyết định giả định",
        scope_unit=tree["root"],
        valid_from=dt.date(2024, 1, 1),
        criteria=["Có tên", "Có địa chỉ"],
        yearly_reassessment=True,
    )
    # From 2024 the province requires a yearly re-assessment: nothing assessed in 2024 counts.
    assert sum(counting.compute(tree["root"], *window_2024).effective.values()) == 0
    # 2023 is judged by the set in force then (no such rule).
    assert sum(counting.compute(tree["root"], *Y2023).effective.values()) == 2
    services.change_status(
        actor=SYSTEM, entry=scenario["e5"], target="danh_gia", at=dt.date(2024, 11, 1)
    )
    services.assess(
        actor=SYSTEM,
        entry=scenario["e5"],
        assessed_on=dt.date(2024, 11, 20),
        conclusion="hieu_qua",
        checklist=[0, 1],
        assessor_unit=tree["board"],
    )
    assert sum(counting.compute(tree["root"], *window_2024).effective.values()) == 1


def test_merged_duplicates_leave_the_counts(tree, scenario, make_entry):
    twin = make_entry(tree["b"], "Hiến đất mở rộng kiệt", at=dt.date(2023, 5, 1))
    assert sum(counting.compute(tree["root"], *Y2023).registered_new.values()) == 4
    services.merge(actor=SYSTEM, keep=scenario["e1"], drop=twin)
    assert sum(counting.compute(tree["root"], *Y2023).registered_new.values()) == 3
