"""The tree as of a date, over the 2025 reform, as the demo records it."""

import datetime as dt

from danvan.orgs import selectors
from danvan.orgs.models import OrgUnit


def names(forest) -> set[str]:
    found = set()
    stack = list(forest)
    while stack:
        node = stack.pop()
        found.add(node.unit.name)
        stack.extend(node.children)
    return found


def find(forest, code):
    stack = list(forest)
    while stack:
        node = stack.pop()
        if node.unit.code == code:
            return node
        stack.extend(node.children)
    return None


def test_da_nang_in_mid_2022_has_the_mass_mobilization_board_and_seven_districts(demo_user):
    forest = selectors.tree_as_of(dt.date(2022, 6, 30), demo_user("dn.dieuphoi"))
    assert [node.unit.code for node in forest] == ["DN-TU"]
    seen = names(forest)
    assert "Ban Dân vận Thành ủy Đà Nẵng" in seen
    assert "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" not in seen
    city = forest[0]
    districts = [n.unit.name for n in city.children if n.unit.kind == "party_committee"]
    assert sorted(districts) == sorted(
        [
            "Huyện ủy Hòa Vang",
            "Quận ủy Cẩm Lệ",
            "Quận ủy Hải Châu",
            "Quận ủy Liên Chiểu",
            "Quận ủy Ngũ Hành Sơn",
            "Quận ủy Sơn Trà",
            "Quận ủy Thanh Khê",
        ]
    )
    hai_chau = find(forest, "DN-QU-HC")
    assert [n.unit.name for n in hai_chau.children] == ["Ban Dân vận Quận ủy Hải Châu"]
    partners = {n.unit.code for n in city.children}
    assert {"DN-UBND", "DN-BCHQS", "DN-CATP", "DN-BDBP"} <= partners


def test_da_nang_at_end_of_2025_has_the_merged_board_wards_and_no_districts(demo_user):
    forest = selectors.tree_as_of(dt.date(2025, 12, 31), demo_user("dn.dieuphoi"))
    seen = names(forest)
    assert "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" in seen
    assert "Ban Dân vận Thành ủy Đà Nẵng" not in seen
    assert not any(name.startswith(("Quận ủy", "Huyện ủy")) for name in seen)
    assert {"Đảng ủy phường Hải Châu", "Đảng ủy phường Hòa Cường", "Đảng ủy xã Hòa Vang"} <= seen


def test_the_day_before_and_the_day_of_the_board_merger(demo_user):
    coordinator = demo_user("dn.dieuphoi")
    before = names(selectors.tree_as_of(dt.date(2025, 2, 28), coordinator))
    after = names(selectors.tree_as_of(dt.date(2025, 3, 1), coordinator))
    assert (
        "Ban Dân vận Thành ủy Đà Nẵng" in before
        and "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" not in before
    )
    assert (
        "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" in after
        and "Ban Dân vận Thành ủy Đà Nẵng" not in after
    )


def test_can_tho_reporter_sees_the_bloc_committee_in_2019_and_its_successor_in_2026(demo_user):
    reporter = demo_user("ct.baocao")
    in_2019 = selectors.tree_as_of(dt.date(2019, 6, 30), reporter)
    assert [n.unit.code for n in in_2019] == ["CT-DUK"]
    assert "Đảng bộ Báo Cần Thơ" in {n.unit.name for n in in_2019[0].children}
    in_2026 = selectors.tree_as_of(dt.date(2026, 1, 15), reporter)
    assert [n.unit.code for n in in_2026] == ["CT-DUCQD"]
    assert "Đảng bộ Báo Cần Thơ" in {n.unit.name for n in in_2026[0].children}


def test_a_reporter_sees_only_their_own_subtree(demo_user):
    forest = selectors.tree_as_of(dt.date(2022, 6, 30), demo_user("dn.baocao"))
    assert [n.unit.code for n in forest] == ["DN-CATP"]
    assert forest[0].children == []


def test_subtree_is_one_indexed_prefix_query(db, django_assert_num_queries):
    city = OrgUnit.objects.get(code="DN-TU")
    with django_assert_num_queries(1):
        codes = set(OrgUnit.objects.subtree_of(city).values_list("code", flat=True))
    # 9 city-level units + 7 district committees with their 7 boards + 13 wards, and the city itself.
    assert len(codes) == 1 + 8 + 14 + 13
    assert "QNA-TU" not in codes
    with django_assert_num_queries(1):
        in_2022 = OrgUnit.objects.valid_on(dt.date(2022, 6, 30)).subtree_of(city).count()
    # The city, its 8 bodies less the merged board (not yet) and the 14 district units.
    assert in_2022 == 1 + 7 + 14


def test_lineage_follows_successions_both_ways(db):
    merged = OrgUnit.objects.get(code="DN-BTGDVTU")
    history = selectors.lineage(merged)
    came_from = {(s.predecessor.code, s.kind, s.date) for s in history.came_from}
    assert came_from == {
        ("DN-BDVTU", "merge", dt.date(2025, 3, 1)),
        ("DN-BTGTU", "merge", dt.date(2025, 3, 1)),
        ("QNA-BTGDVTU", "merge", dt.date(2025, 7, 1)),
        ("QNA-BDVTU", "merge", dt.date(2025, 3, 1)),
    }
    old_board = selectors.lineage(OrgUnit.objects.get(code="QNA-BDVTU"))
    assert [s.successor.code for s in old_board.became] == ["QNA-BTGDVTU", "DN-BTGDVTU"]
    assert selectors.lineage(OrgUnit.objects.get(code="DN-QU-HC")).became[0].kind == "split"
