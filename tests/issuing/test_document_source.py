"""The parsed-document dict built from a submission and from a consolidation: issuer names as
they were on the document's date, the template's outline with the texts, the figures table."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from danvan.issuing.selectors import (
    ExportOptions,
    consolidation_document,
    issuer_names,
    report_title,
    submission_document,
    unit_as_of,
)
from danvan.orgs.models import OrgUnit
from danvan.publish.model import document_from_dict
from danvan.reporting.models import Assignment, ReportRequest

pytestmark = pytest.mark.django_db

D = dt.date
DA_NANG_TITLE = (
    "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
)


def unit(code):
    return OrgUnit.objects.get(code=code)


def names(code, day):
    result = issuer_names(unit(code), day)
    return result.form, result.parent_issuer, result.issuer


def test_a_board_is_named_under_its_committee_as_of_the_date():
    assert names("DN-BDVTU", D(2022, 6, 20)) == ("party", "THÀNH ỦY ĐÀ NẴNG", "BAN DÂN VẬN")
    # The board ended on 28/02/2025: from 01/3/2025 its successor speaks.
    assert names("DN-BDVTU", D(2025, 2, 28)) == ("party", "THÀNH ỦY ĐÀ NẴNG", "BAN DÂN VẬN")
    assert names("DN-BDVTU", D(2025, 3, 1)) == (
        "party",
        "THÀNH ỦY ĐÀ NẴNG",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
    )
    assert names("DN-BDVTU", D(2026, 11, 23)) == (
        "party",
        "THÀNH ỦY ĐÀ NẴNG",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
    )
    # And the merged board, asked about 2022, names its predecessor of the same kind.
    assert names("DN-BTGDVTU", D(2022, 6, 20)) == ("party", "THÀNH ỦY ĐÀ NẴNG", "BAN DÂN VẬN")
    assert unit_as_of(unit("DN-BDVTU"), D(2026, 1, 1)).code == "DN-BTGDVTU"


def test_a_committee_is_headed_by_its_party_organisation_and_state_bodies_stand_alone():
    assert names("CT-DUK", D(2019, 6, 7)) == (
        "party",
        "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ",
        "ĐẢNG ỦY KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG THÀNH PHỐ CẦN THƠ",
    )
    assert names("DN-CATP", D(2022, 6, 10)) == ("state", None, "CÔNG AN THÀNH PHỐ ĐÀ NẴNG")
    assert names("DN-UBND", D(2022, 6, 10)) == ("state", None, "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG")
    assert names("DN-MTTQ", D(2022, 6, 10))[0] == "state"


def test_the_title_drops_the_leading_type_name():
    assert report_title(DA_NANG_TITLE) == (
        "Kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
    )
    assert report_title("Tình hình an ninh nông thôn") == "Tình hình an ninh nông thôn"


def _options(day, number=None):
    return ExportOptions(
        day=day,
        place="Đà Nẵng",
        number=number,
        recipients=["Ban Dân vận Trung ương (b/c)", "Lưu VT"],
        authority=["K/T TRƯỞNG BAN"],
        signer_title="PHÓ TRƯỞNG BAN",
        signer_name="Mai Thị Thu",
    )


def _titles(outline):
    result = []
    for section in outline:
        result.append((section["label"], section["title"], section["level"]))
        result.extend(_titles(section["children"]))
    return result


def test_a_consolidation_is_issued_by_the_board_of_its_date():
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    leader = get_user_model().objects.get(username="dn.lanhdao")
    in_2022 = consolidation_document(leader, request, _options(D(2022, 6, 20), number=1))
    in_2026 = consolidation_document(leader, request, _options(D(2026, 11, 23)))
    assert (in_2022["form"], in_2022["header"]["parent_issuer"], in_2022["header"]["issuer"]) == (
        "party",
        "THÀNH ỦY ĐÀ NẴNG",
        "BAN DÂN VẬN",
    )
    assert (
        in_2022["header"]["number"],
        in_2022["header"]["symbol"],
        in_2022["header"]["date"],
    ) == ("01", "01-BC/BDVTU", "2022-06-20")
    assert in_2026["header"]["issuer"] == "BAN TUYÊN GIÁO VÀ DÂN VẬN"
    # A draft: blank number, the symbol keeps its room.
    assert (in_2026["header"]["number"], in_2026["header"]["symbol"]) == (None, "-BC/BTGDVTU")
    assert in_2022["header"]["type_name"] == "BÁO CÁO"
    assert in_2022["header"]["title"] == report_title(DA_NANG_TITLE)
    assert _titles(in_2022["outline"]) == [
        ("I", "Kết quả thực hiện Chương trình phối hợp", 1),
        ("II", "Đánh giá chung", 1),
        ("1", "Ưu điểm", 2),
        ("2", "Hạn chế", 2),
        ("III", "Nhiệm vụ trọng tâm 6 tháng cuối năm", 1),
    ]
    first = [p["text"] for p in in_2022["outline"][0]["paragraphs"]]
    assert any(text.startswith("Công an thành phố Đà Nẵng: ") for text in first)
    assert any("8.692 tin, bài" in text for text in first)
    assert in_2022["preamble"][0]["text"] == (
        "Trên cơ sở báo cáo của các đơn vị (tổng hợp từ 4/4 đơn vị), Ban Dân vận Thành ủy tổng "
        "hợp kết quả như sau (số liệu tại Phụ lục kèm theo):"
    )
    # The figures go to a Phụ lục of their own; the file's author is the board's full name.
    assert in_2022["tables"][0]["annex"] == "Số liệu tổng hợp 6 tháng đầu năm 2022"
    assert in_2022["properties"] == {"author": "Ban Dân vận Thành ủy Đà Nẵng"}
    assert in_2026["properties"] == {"author": "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng"}
    rows = in_2022["tables"][0]["rows"]
    # Nothing was reported for 2021: no comparison columns.
    assert rows[0] == ["Chỉ tiêu", "Đơn vị tính", "6 tháng đầu năm 2022"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Tiếp công dân (lượt)"][1:3] == ["lượt", "1.868"]
    assert by_name["Đơn thư tiếp nhận"][2] == "2.403"
    assert in_2022["closing"] == {
        "recipients": ["Ban Dân vận Trung ương (b/c)", "Lưu VT"],
        "signature": {
            "authority": ["K/T TRƯỞNG BAN"],
            "title": "PHÓ TRƯỞNG BAN",
            "name": "Mai Thị Thu",
        },
    }
    # The writer accepts it as it is.
    document_from_dict(in_2022)
    document_from_dict(in_2026)


def test_a_submission_carries_the_units_header_texts_and_figures():
    assignment = Assignment.objects.get(request__title=DA_NANG_TITLE, unit__code="DN-CATP")
    parsed = submission_document(assignment, _options(D(2022, 6, 10), number=3))
    assert parsed["form"] == "state"
    assert (
        parsed["header"]["parent_issuer"],
        parsed["header"]["issuer"],
        parsed["header"]["symbol"],
    ) == (None, "CÔNG AN THÀNH PHỐ ĐÀ NẴNG", "03/BC-CATP")
    assert parsed["preamble"][0]["text"] == (
        "Thực hiện yêu cầu của Ban Dân vận Thành ủy, Công an thành phố báo cáo kết quả như sau "
        "(số liệu tại Phụ lục kèm theo):"
    )
    assert parsed["tables"][0]["annex"] == "Số liệu báo cáo 6 tháng đầu năm 2022"
    texts = [p["text"] for p in parsed["outline"][0]["paragraphs"]]
    assert any("8.692 tin, bài" in text for text in texts)
    assert not any(text.startswith("Công an thành phố Đà Nẵng:") for text in texts)
    rows = parsed["tables"][0]["rows"]
    assert rows[0] == ["Chỉ tiêu", "Đơn vị tính", "Số liệu"]
    assert len(rows) > 1
    document_from_dict(parsed)


def test_a_2019_submission_cites_the_request_document():
    assignment = Assignment.objects.get(
        request__request_document__symbol="644-CV/BDVTU", unit__code="CT-DUK"
    )
    parsed = submission_document(assignment, _options(D(2019, 6, 7)))
    assert parsed["header"]["issuer"] == "ĐẢNG ỦY KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG THÀNH PHỐ CẦN THƠ"
    assert parsed["header"]["symbol"] == "-BC/ĐUK"
    assert parsed["preamble"][0]["text"].startswith(
        "Thực hiện Công văn số 644-CV/BDVTU ngày 07/5/2019 của "
    )
    assert [t for _, t, _ in _titles(parsed["outline"])][:3] == [
        "Đặc điểm tình hình",
        "Kết quả công tác dân vận",
        "Sự lãnh đạo, chỉ đạo công tác dân vận",
    ]
    assert parsed["outline"][0]["paragraphs"], "the 2019 report's first section has its text"


def test_the_figures_table_compares_with_last_year_when_there_is_something_to_compare():
    from danvan.reporting import services
    from danvan.reporting.clock import recorded_at
    from danvan.reporting.models import ReportTemplate
    from reporting.cycle import at, issue, submission_of, user

    template = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    earlier = issue(
        units=["DN-UBND"],
        template=template,
        period="2021S1",
        deadline=dt.date(2021, 6, 15),
        issued="2021-05-20",
        title="Báo cáo Chương trình phối hợp 6 tháng đầu năm 2021",
    )
    with recorded_at(at("2021-06-10")):
        ubnd = submission_of(earlier, "DN-UBND")
        services.submit(
            user("admin"),
            ubnd.pk,
            ubnd.version,
            {"ket-qua": "Năm 2021."},
            {"tiep-cong-dan-luot": "1.500"},
        )
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    parsed = consolidation_document(user("dn.dieuphoi"), request, _options(D(2022, 6, 20)))
    rows = parsed["tables"][0]["rows"]
    assert rows[0] == [
        "Chỉ tiêu",
        "Đơn vị tính",
        "6 tháng đầu năm 2022",
        "Cùng kỳ năm trước",
        "Tăng/giảm",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Tiếp công dân (lượt)"] == [
        "Tiếp công dân (lượt)",
        "lượt",
        "1.868",
        "1.500",
        "368 (24,5%)",
    ]
    assert by_name["Tiếp công dân (người)"][3:] == ["", ""]
