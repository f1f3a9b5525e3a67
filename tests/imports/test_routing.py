"""Routing incoming files to their unit and request, against the demo tree and cycles."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from danvan.imports.routing import route
from danvan.ingest import parse_file

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


def user(name):
    return get_user_model().objects.get(username=name)


@pytest.fixture(scope="module")
def can_tho():
    return parse_file(SAMPLES / "seeds" / "cantho-dukhoi-dan-van-6t-2019.txt").to_dict()


@pytest.fixture(scope="module")
def da_nang():
    return parse_file(SAMPLES / "seeds" / "danang-bdvtu-phoi-hop-6t-2022.txt").to_dict()


def test_a_2019_file_goes_to_the_2019_unit_and_the_request_it_cites(db, can_tho):
    result = route(user("ct.dieuphoi"), can_tho)
    # Đảng ủy Khối ended in 2025; the 2019 report is still its own.
    assert result.unit.code == "CT-DUK"
    assert result.request.request_document.symbol == "644-CV/BDVTU"
    assert result.period_code == "2019S1"
    assert result.problems == []
    assert result.reasons[0] == "Trích dẫn văn bản yêu cầu Công văn 644-CV/BDVTU ngày 07/05/2019."


def test_the_board_names_itself_in_the_opening_paragraph(db, da_nang):
    result = route(user("dn.dieuphoi"), da_nang)
    assert result.unit.code == "DN-BDVTU"
    assert result.period_code == "2022S1"
    # The demo has no request addressed to the board itself for 2022S1 (yet).
    assert result.request is None
    assert (
        "Không tìm thấy yêu cầu báo cáo tương ứng (văn bản yêu cầu hoặc kỳ báo cáo)."
        in result.problems
    )


def test_outside_the_coordinators_subtree_nothing_is_proposed(db, can_tho):
    result = route(user("dn.dieuphoi"), can_tho)
    assert result.unit is None and result.request is None
    assert "Không nhận ra đơn vị gửi từ tên cơ quan ban hành." in result.problems


def test_abbreviated_issuer_and_period_find_the_partner_request(db):
    parsed = {
        "header": {
            "parent_issuer": None,
            "issuer": "BCH QUÂN SỰ TP ĐÀ NẴNG",
            "symbol": "15/BC-BCHQS",
            "date": "2022-06-14",
            "title": "kết quả công tác dân vận 6 tháng đầu năm 2022",
        },
        "preamble": [],
        "references": [],
    }
    result = route(user("dn.dieuphoi"), parsed)
    assert result.unit.code == "DN-BCHQS"
    assert (
        result.request.title
        == "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
    )
    assert "Kỳ báo cáo 2022S1 khớp với yêu cầu" in result.reasons[-1]


def test_a_province_outside_the_tree_is_not_forced_onto_a_similar_name(db):
    parsed = parse_file(SAMPLES / "corpus" / "ubnd-quang-ngai-cv-507-2025.pdf").to_dict()
    result = route(user("admin"), parsed)
    assert result.unit is None


def test_place_names_in_the_body_tell_two_boards_of_the_same_name_apart(db, da_nang):
    """The Đà Nẵng seed lost its header; its opening names "Ban Dân vận Thành ủy", as Cần Thơ's
    board is also called. An administrator sees both: the body's "Đà Nẵng" decides, and the
    board's own request from Trung ương for 2022S1 is found."""
    result = route(user("admin"), da_nang)
    assert result.unit.code == "DN-BDVTU"
    assert "Văn bản nhắc đến địa danh của đơn vị (Đà Nẵng)." in result.reasons
    assert result.request.issuer.code == "TW-BDVTW"
    assert result.choices == []


def test_equally_named_bodies_with_nothing_to_tell_them_apart_are_ambiguous(db):
    """Synthetic: the opening sentence of the Đà Nẵng seed with its place names removed."""
    parsed = {
        "header": {"title": "kết quả công tác dân vận 6 tháng đầu năm 2022"},
        "preamble": [
            {
                "text": "Thực hiện chương trình phối hợp, Ban Dân vận Thành ủy báo cáo kết quả như sau:"
            }
        ],
        "references": [],
    }
    result = route(user("admin"), parsed)
    assert result.unit is None
    # The two boards, and the Party cell of Cần Thơ's board ("Chi bộ Ban Dân vận Thành ủy"),
    # whose name holds the same words: all three are offered, none is chosen.
    assert sorted(u.code for u in result.choices) == ["CT-BDVTU", "CT-DUK-BDVTU", "DN-BDVTU"]
    assert result.problems[0].startswith(
        "Có nhiều đơn vị cùng tên, văn bản không cho biết là đơn vị nào: "
    )
    assert result.problems[0].endswith(". Hãy chọn đơn vị.")
    assert result.as_dict()["choices"] == [{"code": u.code, "name": u.name} for u in result.choices]
