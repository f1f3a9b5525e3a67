"""Consolidation over a unit's subtree: the Đà Nẵng board's roll-up reproduces the figures of
danang-bdvtu-phoi-hop-6t-2022.txt, the Cần Thơ one the 97/97 of the bloc committee's report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.consolidation.selectors import consolidate
from danvan.orgs.models import OrgUnit
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest, ReportTemplate
from danvan.vn.formatting import format_number
from reporting.cycle import CAN_THO_TITLE, DA_NANG_TITLE, at, issue, make_user, submission_of, user

pytestmark = pytest.mark.django_db

UBND = "Ủy ban nhân dân thành phố Đà Nẵng"
BCHQS = "Bộ Chỉ huy Quân sự thành phố Đà Nẵng"
CATP = "Công an thành phố Đà Nẵng"
BDBP = "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng"

# Every figure the sample gives for the four agencies, written from the text of the sample.
SAMPLE = {
    "tiep-cong-dan-luot": 1868,
    "tiep-cong-dan-nguoi": 1817,
    "lanh-dao-tiep-luot": 347,
    "lanh-dao-tiep-nguoi": 359,
    "don-tiep-nhan": 2403,
    "don-tiep-nhan:khieu-nai": 123,
    "don-tiep-nhan:to-cao": 107,
    "don-tiep-nhan:kien-nghi": 2173,
    "don-thuoc-tham-quyen": 43,
    "don-thuoc-tham-quyen:khieu-nai": 31,
    "don-thuoc-tham-quyen:to-cao": 12,
    "don-khong-thu-ly": 187,
    "khieu-nai-da-giai-quyet": 20,
    "khieu-nai-da-giai-quyet:dung": 3,
    "khieu-nai-da-giai-quyet:sai": 6,
    "khieu-nai-da-giai-quyet:dung-mot-phan": 2,
    "khieu-nai-da-giai-quyet:rut-don": 9,
    "to-cao-da-giai-quyet": 9,
    "to-cao-da-giai-quyet:sai": 4,
    "to-cao-da-giai-quyet:co-dung-co-sai": 2,
    "to-cao-da-giai-quyet:rut-don": 3,
    "dvc-muc-3-4": 1736,
    "dvc-muc-4": 1704,
    "chi-so-hai-long": 99,
    "ho-tro-tet-doi-tuong": 51919,
    "ho-tro-tet-kinh-phi": 26_000_000_000,
    "tu-thien-so-tien": 1_821_000_000,
    "hu-gao-tiet-kiem": 6205,
    "tuyen-quan-chi-tieu": 1275,
    "tuyen-quan-dat": 1275,
    "doi-thoai-dan-chu": 26,
    "to-tau-thuyen": 141,
    "thu-to-giac": 67,
    "duong-day-nong": 4433,
    "tuyen-truyen-buoi": 115,
    "tuyen-truyen-luot-nguoi": 12745,
    "tin-bai": 161 + 8692,
}


def figures(result) -> dict[str, Decimal | None]:
    return {
        f"{line.indicator.code}:{line.option_code}"
        if line.option_code
        else line.indicator.code: line.value
        for line in result.lines
    }


def line(result, key):
    code, _, option = key.partition(":")
    return next(
        x for x in result.lines if x.indicator.code == code and x.option_code == (option or None)
    )


@pytest.fixture
def da_nang():
    return ReportRequest.objects.get(title=DA_NANG_TITLE)


@pytest.fixture
def board(da_nang):
    return consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022S1", da_nang)


def test_the_board_reproduces_the_samples_figures(board):
    assert figures(board) == {key: Decimal(value) for key, value in SAMPLE.items()}
    assert (board.period_code, board.previous_code, board.counted_submissions) == (
        "2022S1",
        "2021S1",
        4,
    )
    assert all(
        x.previous is None and x.change is None and x.change_percent is None for x in board.lines
    )


def test_the_figures_read_as_in_the_sample(board):
    def shown(key):
        found = line(board, key)
        return f"{format_number(found.value)} {found.indicator.unit_of_measure}"

    assert [shown("tiep-cong-dan-luot"), shown("tiep-cong-dan-nguoi")] == [
        "1.868 lượt",
        "1.817 người",
    ]
    assert [shown("lanh-dao-tiep-luot"), shown("lanh-dao-tiep-nguoi")] == ["347 lượt", "359 người"]
    assert [
        shown(k)
        for k in (
            "don-tiep-nhan",
            "don-tiep-nhan:khieu-nai",
            "don-tiep-nhan:to-cao",
            "don-tiep-nhan:kien-nghi",
        )
    ] == ["2.403 đơn", "123 đơn", "107 đơn", "2.173 đơn"]
    assert [
        shown(k)
        for k in (
            "don-thuoc-tham-quyen",
            "don-thuoc-tham-quyen:khieu-nai",
            "don-thuoc-tham-quyen:to-cao",
            "don-khong-thu-ly",
        )
    ] == ["43 đơn", "31 đơn", "12 đơn", "187 đơn"]
    assert [shown("dvc-muc-3-4"), shown("dvc-muc-4"), shown("chi-so-hai-long")] == [
        "1.736 dịch vụ",
        "1.704 dịch vụ",
        "99 %",
    ]
    assert shown("ho-tro-tet-doi-tuong") == "51.919 đối tượng"
    assert shown("ho-tro-tet-kinh-phi") == "26.000.000.000 đồng"
    assert shown("tin-bai") == "8.853 tin, bài"
    assert shown("tuyen-quan-dat") == "1.275 thanh niên"
    # The option lines follow their total, named, in the category's order.
    petitions = [
        (x.option_code, x.option_name) for x in board.lines if x.indicator.code == "don-tiep-nhan"
    ]
    assert petitions == [
        (None, None),
        ("khieu-nai", "Khiếu nại"),
        ("to-cao", "Tố cáo"),
        ("kien-nghi", "Kiến nghị, phản ánh"),
    ]
    # An option nobody reported has no line.
    assert [x.option_code for x in board.lines if x.indicator.code == "don-thuoc-tham-quyen"] == [
        None,
        "khieu-nai",
        "to-cao",
    ]


def test_the_breakdown_names_the_four_agencies(board):
    units = dict(board.units)
    assert [name for name, _ in board.units] == [BCHQS, BDBP, CATP, UBND]
    assert units[BCHQS]["tin-bai"] == 161 and units[CATP]["tin-bai"] == 8692
    assert units[BCHQS] == {
        "tuyen-quan-chi-tieu": 1275,
        "tuyen-quan-dat": 1275,
        "doi-thoai-dan-chu": 26,
        "hu-gao-tiet-kiem": 6205,
        "tin-bai": 161,
    }
    assert units[BDBP] == {
        "tuyen-truyen-buoi": 115,
        "tuyen-truyen-luot-nguoi": 12745,
        "to-tau-thuyen": 141,
    }
    assert units[CATP] == {
        "tu-thien-so-tien": 1_821_000_000,
        "tin-bai": 8692,
        "duong-day-nong": 4433,
        "thu-to-giac": 67,
    }
    assert (
        units[UBND]["don-tiep-nhan:kien-nghi"] == 2173 and units[UBND]["tiep-cong-dan-luot"] == 1868
    )
    assert len(units[UBND]) == 26
    # Each unit's part adds up to the board's total.
    for key, total in SAMPLE.items():
        assert sum(part.get(key, 0) for part in units.values()) == total, key


def test_the_narrative_names_each_passages_unit(board):
    sections = {s.key: s for s in board.sections}
    assert [(s.key, s.label, s.title, s.level) for s in board.sections] == [
        ("ket-qua", "I", "Kết quả thực hiện Chương trình phối hợp", 1),
        ("danh-gia", "II", "Đánh giá chung", 1),
        ("uu-diem", "1", "Ưu điểm", 2),
        ("han-che", "2", "Hạn chế", 2),
        ("nhiem-vu", "III", "Nhiệm vụ trọng tâm 6 tháng cuối năm", 1),
    ]
    passages = sections["ket-qua"].passages
    assert [p.unit_name for p in passages] == [BCHQS, BDBP, CATP, UBND]
    texts = dict((p.unit_name, p.text) for p in passages)
    assert "giao quân 1.275/1275 thanh niên" in texts[BCHQS]
    assert "115 buổi/12.745 lượt người" in texts[BDBP]
    assert "Đăng tải 8.692 tin, bài" in texts[CATP]
    assert "tiếp 1.868 lượt/1.817 người" in texts[UBND] and "Tiếp nhận 2.403 đơn" in texts[UBND]
    assert [(p.unit_name, p.text) for p in sections["han-che"].passages] == [
        (UBND, "Việc giải quyết một số vụ việc khiếu nại đông người, phức tạp, kéo dài còn chậm.")
    ]
    assert sections["nhiem-vu"].passages == [] and sections["uu-diem"].passages == []


def test_accepted_only_counts_the_two_accepted_agencies(da_nang):
    result = consolidate(
        user("dn.lanhdao"), OrgUnit.objects.get(code="DN-TU"), "2022S1", da_nang, accepted_only=True
    )
    values = figures(result)
    assert (values["tin-bai"], values["tiep-cong-dan-luot"], values["tuyen-quan-dat"]) == (
        8692,
        1868,
        None,
    )
    assert [name for name, _ in result.units] == [CATP, UBND]
    assert result.counted_submissions == 2


def test_a_subtree_holds_only_its_own_units():
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-CATP"), "2022S1")
    assert figures(result) == {
        "tu-thien-so-tien": 1_821_000_000,
        "tin-bai": 8692,
        "duong-day-nong": 4433,
        "thu-to-giac": 67,
    }
    assert [name for name, _ in result.units] == [CATP]
    assert [(s.key, [p.unit_name for p in s.passages]) for s in result.sections] == [
        ("ket-qua", [CATP])
    ]


def test_without_a_request_the_period_gives_the_same_totals(board):
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022s1")
    assert result.period_code == "2022S1"
    assert figures(result) == figures(board)


def test_the_can_tho_consolidation_holds_97_of_97():
    request = ReportRequest.objects.get(title=CAN_THO_TITLE)
    result = consolidate(user("ct.dieuphoi"), OrgUnit.objects.get(code="CT-TU"), "2019S1", request)
    assert figures(result) == {"dvk-tccs-duy-tri-mo-hinh": 97, "tccs-dang-tong-so": 97}
    assert result.units == [
        (
            "Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ",
            {"dvk-tccs-duy-tri-mo-hinh": 97, "tccs-dang-tong-so": 97},
        )
    ]
    kheo = next(s for s in result.sections if s.key == "dan-van-kheo")
    assert [p.unit_name for p in kheo.passages] == [
        "Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ"
    ]
    assert "97/97" in kheo.passages[0].text
    assert result.counted_submissions == 1


def test_the_same_period_of_the_previous_year():
    template = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    earlier = issue(
        units=["DN-UBND", "DN-CATP", "DN-MTTQ"],
        template=template,
        period="2021S1",
        deadline=dt.date(2021, 6, 15),
        issued="2021-05-20",
        title="Báo cáo Chương trình phối hợp 6 tháng đầu năm 2021",
    )
    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    with recorded_at(at("2021-06-10")):
        ubnd = submission_of(earlier, "DN-UBND")
        services.submit(
            user("admin"),
            ubnd.pk,
            ubnd.version,
            {"ket-qua": "Năm 2021."},
            {
                "tiep-cong-dan-luot": "1.500",
                "tiep-cong-dan-nguoi": "1.830",
                "doi-thoai-dan-chu": "0",
            },
        )
        police = submission_of(earlier, "DN-CATP")
        services.submit(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"ket-qua": "Năm 2021."},
            {"tin-bai": "8.000"},
        )
        # A draft does not count, last year either.
        front = submission_of(earlier, "DN-MTTQ")
        services.save_draft(user("mttq.baocao"), front.pk, front.version, {}, {"tin-bai": "5.000"})
    result = consolidate(
        user("dn.dieuphoi"),
        OrgUnit.objects.get(code="DN-TU"),
        "2022S1",
        ReportRequest.objects.get(title=DA_NANG_TITLE),
    )
    assert result.previous_code == "2021S1"

    def compared(key):
        found = line(result, key)
        return found.value, found.previous, found.change, found.change_percent

    assert compared("tiep-cong-dan-luot") == (1868, 1500, 368, Decimal("24.5"))
    assert compared("tiep-cong-dan-nguoi") == (1817, 1830, -13, Decimal("-0.7"))
    assert compared("tin-bai") == (8853, 8000, 853, Decimal("10.7"))
    assert compared("doi-thoai-dan-chu") == (26, 0, 26, None)  # no percentage of nothing
    assert compared("lanh-dao-tiep-luot") == (347, None, None, None)
    # The current figures are not disturbed by last year's.
    assert figures(result) == {key: Decimal(value) for key, value in SAMPLE.items()}


def test_an_average_indicator_is_averaged_over_the_units():
    request = issue(
        units=["DN-UBND", "DN-CATP"],
        period="2024S1",
        deadline=dt.date(2024, 6, 15),
        issued="2024-05-20",
    )
    with recorded_at(at("2024-06-10")):
        for code, score, letters in (("DN-UBND", "99", "10"), ("DN-CATP", "96", "5")):
            submission = submission_of(request, code)
            services.submit(
                user("admin"),
                submission.pk,
                submission.version,
                {"ket-qua": "Nội dung."},
                {"chi-so-hai-long": score, "tin-bai": letters},
            )
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2024S1", request)
    values = figures(result)
    assert (values["chi-so-hai-long"], values["tin-bai"]) == (Decimal("97.5"), 15)
    assert values["tiep-cong-dan-luot"] is None


@pytest.mark.parametrize("username", ["dn.baocao", "ct.dieuphoi", "ct.baocao"])
def test_only_coordinators_leaders_and_viewers_of_the_subtree_consolidate(username):
    with pytest.raises(ScopeDenied) as caught:
        consolidate(user(username), OrgUnit.objects.get(code="DN-TU"), "2022S1")
    assert caught.value.message == "Bạn không có quyền xem số liệu tổng hợp của đơn vị này."


def test_a_leader_consolidates_the_same_figures(board, da_nang):
    result = consolidate(user("dn.lanhdao"), OrgUnit.objects.get(code="DN-TU"), "2022S1", da_nang)
    assert figures(result) == figures(board)


def test_an_invalid_period_is_refused():
    with pytest.raises(ValueError, match="Mã kỳ '2022S9' không hợp lệ"):
        consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022S9")


def test_a_report_of_text_alone_is_counted():
    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    request = issue(
        units=["DN-CATP", "DN-MTTQ"],
        period="2024S1",
        deadline=dt.date(2024, 6, 15),
        issued="2024-05-20",
    )
    with recorded_at(at("2024-06-10")):
        police = submission_of(request, "DN-CATP")
        services.submit(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"ket-qua": "Có số liệu."},
            {"tin-bai": "5"},
        )
        front = submission_of(request, "DN-MTTQ")
        services.submit(
            user("mttq.baocao"), front.pk, front.version, {"ket-qua": "Chỉ có lời."}, {}
        )
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2024S1", request)
    passages = next(s for s in result.sections if s.key == "ket-qua").passages
    assert len(passages) == 2
    assert result.counted_submissions == 2


def test_text_outside_the_outline_is_gathered_under_other_content():
    request = issue(
        units=["DN-CATP"], period="2024S1", deadline=dt.date(2024, 6, 15), issued="2024-05-20"
    )
    with recorded_at(at("2024-06-10")):
        police = submission_of(request, "DN-CATP")
        services.submit(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"ket-qua": "Kết quả.", "khac": "Kiến nghị với Ban Dân vận."},
            {},
        )
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2024S1", request)
    last = result.sections[-1]
    assert (last.key, last.title, [(p.unit_name, p.text) for p in last.passages]) == (
        "khac",
        "Nội dung khác",
        [(CATP, "Kiến nghị với Ban Dân vận.")],
    )
    assert [s.key for s in result.sections] == [
        "dac-diem",
        "ket-qua",
        "danh-gia",
        "uu-diem",
        "han-che",
        "nhiem-vu",
        "khac",
    ]


def test_a_returned_report_leaves_the_consolidation_until_resubmitted(da_nang):
    border = da_nang.assignments.get(unit__code="DN-BDBP").submission
    with recorded_at(at("2022-06-21")):
        services.return_submission(user("dn.dieuphoi"), border.pk, "Bổ sung số liệu tuyên truyền.")
    root = OrgUnit.objects.get(code="DN-TU")
    result = consolidate(user("dn.dieuphoi"), root, "2022S1", da_nang)
    assert (
        figures(result)["tuyen-truyen-buoi"],
        figures(result)["tin-bai"],
        result.counted_submissions,
    ) == (None, 8853, 3)
    assert [
        p.unit_name for p in next(s for s in result.sections if s.key == "ket-qua").passages
    ] == [BCHQS, CATP, UBND]
    border.refresh_from_db()
    with recorded_at(at("2022-06-22")):
        services.submit(
            user("admin"),
            border.pk,
            border.version,
            {"ket-qua": "Tổ chức 120 buổi tuyên truyền."},
            # A figure left out keeps its saved value; sent empty, it is cleared.
            {"tuyen-truyen-buoi": "120", "to-tau-thuyen": ""},
        )
    result = consolidate(user("dn.dieuphoi"), root, "2022S1", da_nang)
    assert (
        figures(result)["tuyen-truyen-buoi"],
        figures(result)["to-tau-thuyen"],
        result.counted_submissions,
    ) == (120, None, 4)
