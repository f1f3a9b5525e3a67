"""Templates written as an outline, versioned (requests keep theirs) and cloned, via the pages."""

import pytest
from django.contrib.auth import get_user_model

from danvan.reporting.errors import ReportingError
from danvan.reporting.models import ReportRequest, ReportTemplate
from danvan.reporting.outline import outline_text, parse_outline

OUTLINE = """I. Đặc điểm tình hình
II. Kết quả
1. Lãnh đạo, chỉ đạo
2.1. Dân vận khéo
a) Mô hình tiêu biểu
III. Đánh giá chung
1. Ưu điểm
2. Hạn chế
IV. Phương hướng, nhiệm vụ"""


def test_the_numbering_gives_the_levels_and_titles_give_the_keys():
    sections = parse_outline(OUTLINE)
    assert [(s["label"], s["key"]) for s in sections] == [
        ("I", "dac-diem-tinh-hinh"),
        ("II", "ket-qua"),
        ("III", "danh-gia-chung"),
        ("IV", "phuong-huong-nhiem-vu"),
    ]
    result = sections[1]["children"][0]
    assert (result["label"], result["title"]) == ("1", "Lãnh đạo, chỉ đạo")
    assert result["children"][0]["label"] == "2.1"
    assert result["children"][0]["children"][0] == {
        "key": "mo-hinh-tieu-bieu",
        "label": "a",
        "title": "Mô hình tiêu biểu",
        "children": [],
    }
    assert [c["title"] for c in sections[2]["children"]] == ["Ưu điểm", "Hạn chế"]


def test_outline_text_reads_back_to_the_same_sections():
    sections = parse_outline(OUTLINE)
    assert parse_outline(outline_text(sections)) == sections


def test_repeated_titles_get_distinct_keys_and_empty_outlines_are_refused():
    sections = parse_outline("I. Kết quả\nII. Kết quả")
    assert [s["key"] for s in sections] == ["ket-qua", "ket-qua-2"]
    with pytest.raises(ReportingError, match="ít nhất một đề mục"):
        parse_outline("\n  \n")


def test_a_new_version_leaves_issued_requests_on_theirs(client, db):
    client.force_login(get_user_model().objects.get(username="dn.dieuphoi"))
    current = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    page = client.get(f"/bao-cao/de-cuong/{current.pk}/phien-ban-moi/").content.decode()
    assert "I. Kết quả thực hiện Chương trình phối hợp" in page
    response = client.post(
        f"/bao-cao/de-cuong/{current.pk}/phien-ban-moi/",
        {
            "code": current.code,
            "name": current.name,
            "owner": "DN-TU",
            "outline": "I. Kết quả thực hiện Chương trình phối hợp\nII. Đánh giá chung\nIII. Kiến nghị, đề xuất",
            "indicators": ["tiep-cong-dan-luot", "tiep-cong-dan-nguoi"],
        },
    )
    assert response.status_code == 302
    new = ReportTemplate.objects.get(code=current.code, version=2)
    assert [s["title"] for s in new.sections][-1] == "Kiến nghị, đề xuất"
    assert list(new.form_rows.values_list("indicator__code", flat=True)) == [
        "tiep-cong-dan-luot",
        "tiep-cong-dan-nguoi",
    ]
    demo_request = ReportRequest.objects.get(issuer__code="DN-BDVTU", period__code="2022S1")
    assert demo_request.template.version == 1
    assert demo_request.template.form_rows.count() == current.form_rows.count()


def test_clone_makes_an_independent_template(client, db):
    client.force_login(get_user_model().objects.get(username="dn.dieuphoi"))
    source = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    response = client.post(
        f"/bao-cao/de-cuong/{source.pk}/", {"code": "phoi-hop-ca-nam", "name": "Đề cương cả năm"}
    )
    assert response.status_code == 302
    clone = ReportTemplate.objects.get(code="phoi-hop-ca-nam")
    assert (clone.version, clone.cloned_from_id, clone.sections) == (1, source.pk, source.sections)
    again = client.post(
        f"/bao-cao/de-cuong/{source.pk}/", {"code": "phoi-hop-ca-nam", "name": "Lặp"}
    )
    assert again.status_code == 400 and "Đã có đề cương mã" in again.content.decode()


def test_a_reporter_cannot_write_templates(client, db):
    client.force_login(get_user_model().objects.get(username="dn.baocao"))
    before = ReportTemplate.objects.count()
    response = client.post(
        "/bao-cao/de-cuong/moi/", {"code": "x", "name": "x", "owner": "DN-CATP", "outline": "I. A"}
    )
    assert response.status_code == 403
    assert ReportTemplate.objects.count() == before
