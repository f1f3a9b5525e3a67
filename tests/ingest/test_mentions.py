"""`mentions`: the places and bodies a document names, for routing (spec version 2). Expected
names read by hand from the seeds."""

from pathlib import Path

from danvan.ingest import parse_file
from danvan.ingest.structure.mentions import find_mentions

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"


def test_the_da_nang_seed_names_its_city_districts_and_partners():
    mentions = parse_file(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt").to_dict()["mentions"]
    assert mentions["places"][0] == "Đà Nẵng"
    assert {"Hải Châu", "Sơn Trà", "Liên Chiểu"} <= set(mentions["places"])
    assert mentions["bodies"][0] == "Ban Dân vận Thành ủy"
    assert {
        "Bộ Chỉ huy Quân sự",
        "Bộ Chỉ huy Bộ đội Biên phòng",
        "Ban Thường vụ Thành ủy",
        "Ban Dân vận Trung ương",
    } <= set(mentions["bodies"])
    assert "Cần Thơ" not in mentions["places"]


def test_the_can_tho_seed_names_only_its_city():
    mentions = parse_file(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").to_dict()["mentions"]
    assert mentions["places"] == ["Cần Thơ"]
    assert {"Ban Thường vụ Đảng ủy Khối", "Đảng bộ Báo Cần Thơ", "Mặt trận Tổ quốc"} <= set(
        mentions["bodies"]
    )


def test_names_end_where_they_end():
    found = find_mentions(
        [
            "Công an thành phố Đà Nẵng, Ủy ban nhân dân thành phố Cần Thơ và xã Hòa Xuân; "
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng đề nghị Sở Nội vụ tỉnh Lâm Đồng; "
            "Công an và Bộ Chỉ huy Quân sự."
        ]
    )
    assert found == {
        "places": ["Đà Nẵng", "Cần Thơ", "Hòa Xuân", "Lâm Đồng"],
        "bodies": [
            "Công an thành phố Đà Nẵng",
            "Ủy ban nhân dân thành phố Cần Thơ",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng",
            "Sở Nội vụ tỉnh Lâm Đồng",
            "Công an",
            "Bộ Chỉ huy Quân sự",
        ],
    }


def test_a_long_text_is_read_in_bounded_time():
    """Linear: each head word looks at most twelve words ahead (a quadratic scan would not
    finish this in any reasonable time)."""
    found = find_mentions(["Ban Dân vận Thành ủy báo cáo " * 40_000])
    assert found["bodies"] == ["Ban Dân vận Thành ủy"]
