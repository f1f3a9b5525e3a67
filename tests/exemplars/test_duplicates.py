"""A model registered twice (by the Party cell and by the Front of the same residential area,
or in two years) is caught, whatever the diacritics and word order; different models are not."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM
from danvan.exemplars import duplicates, selectors, services
from danvan.exemplars.lifecycle import TransitionRefused

CELL = {
    "name": "Mô hình Dân vận khéo về An sinh xã hội",
    "area": "Khu dân cư số 3, phường An Khê",
    "forces": "Chi bộ khu dân cư; Ban công tác Mặt trận",
}


@pytest.mark.parametrize(
    "variant",
    [
        {
            "name": "mo hinh dan van kheo ve an sinh xa hoi",
            "area": "khu dan cu so 3 phuong an khe",
            "forces": "chi bo khu dan cu",
        },
        {
            "name": "An sinh xã hội – Dân vận khéo",
            "area": "Phường An Khê, khu dân cư số 3",
            "forces": "Ban công tác Mặt trận, Chi bộ",
        },
        {"name": "DÂN VẬN KHÉO AN SINH XÃ HỘI", "area": "KDC số 3 An Khê", "forces": "Mặt trận"},
    ],
)
def test_variants_are_caught(variant):
    assert duplicates.similarity(CELL, variant) >= duplicates.THRESHOLD


@pytest.mark.parametrize(
    "other",
    [
        {
            "name": "Mô hình hiến đất mở rộng kiệt",
            "area": "Khu dân cư số 3, phường An Khê",
            "forces": "Chi bộ khu dân cư",
        },
        {
            "name": "Mô hình Camera an ninh",
            "area": "Tổ 5 phường Hòa Khánh",
            "forces": "Công an phường",
        },
    ],
)
def test_different_models_are_not(other):
    assert duplicates.similarity(CELL, other) < duplicates.THRESHOLD


def test_likely_duplicates_are_sorted_best_first():
    same = CELL | {"forces": CELL["forces"]}
    near = {"name": "An sinh xã hội", "area": "Phường An Khê", "forces": ""}
    found = duplicates.likely_duplicates(CELL, [near, same])
    assert found[0][1] is same and found[0][0] == 1.0


@pytest.mark.django_db
def test_register_shows_duplicates_and_a_person_merges(tree, make_entry, demo_user):
    cell = make_entry(
        tree["a"], "Mô hình Dân vận khéo hiến đất mở rộng kiệt", at=dt.date(2023, 1, 10)
    )
    front = make_entry(
        tree["b"],
        "Hiến đất mở rộng kiệt – mô hình dân vận khéo",
        at=dt.date(2024, 2, 1),
        channel="mat_tran",
    )
    found = selectors.possible_duplicates(demo_user("admin"), front)
    assert [e.pk for _, e in found] == [cell.pk]
    assert front.merged_into is None  # nothing merged by itself
    services.merge(actor=SYSTEM, keep=cell, drop=front)
    front.refresh_from_db()
    assert front.merged_into == cell
    with pytest.raises(TransitionRefused):
        services.merge(actor=SYSTEM, keep=cell, drop=front)
