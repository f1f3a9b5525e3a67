"""Selectors the submission page and the template pages read: the current content, the
indicator form with its values written the Vietnamese way, the flat outline, templates."""

from __future__ import annotations

import pytest

from danvan.reporting import selectors, services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest
from danvan.reporting.outline import flat_sections
from reporting.cycle import DA_NANG_TITLE, at, full_template, issue, submission_of, user

pytestmark = pytest.mark.django_db


def test_the_form_lists_totals_then_their_options_with_the_values_as_written():
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    content = selectors.current_content(submission_of(request, "DN-UBND"))
    assert content.revision.kind == "accept"
    fields = {
        f.key: (f.label, f.unit, f.indent, f.value)
        for f in selectors.form_fields(request, content.values)
    }
    assert fields["tiep-cong-dan-luot"] == ("Tiếp công dân (lượt)", "lượt", False, "1.868")
    assert fields["don-tiep-nhan"] == ("Đơn thư tiếp nhận", "đơn", False, "2.403")
    assert fields["don-tiep-nhan:kien-nghi"] == ("Kiến nghị, phản ánh", "đơn", True, "2.173")
    assert fields["ho-tro-tet-kinh-phi"] == ("Kinh phí hỗ trợ Tết", "đồng", False, "26.000.000.000")
    assert fields["chi-so-hai-long"][3] == "99"
    assert fields["tin-bai"][3] == ""  # the People's Committee gave no news figure
    keys = [f.key for f in selectors.form_fields(request, {})]
    start = keys.index("don-tiep-nhan")
    assert keys[start : start + 4] == [
        "don-tiep-nhan",
        "don-tiep-nhan:khieu-nai",
        "don-tiep-nhan:to-cao",
        "don-tiep-nhan:kien-nghi",
    ]
    assert keys[0] == "tiep-cong-dan-luot"


def test_decimals_are_shown_with_a_comma():
    request = issue(units=["DN-CATP"])
    police = submission_of(request, "DN-CATP")
    with recorded_at(at("2023-07-01")):
        services.save_draft(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"ket-qua": "Nội dung."},
            {"chi-so-hai-long": "99,5", "tu-thien-so-tien": "1.821.000.000"},
        )
    content = selectors.current_content(police)
    assert content.values == {"chi-so-hai-long": "99.5", "tu-thien-so-tien": "1821000000"}
    assert content.sections == {"ket-qua": "Nội dung."}
    fields = {f.key: f.value for f in selectors.form_fields(request, content.values)}
    assert (fields["chi-so-hai-long"], fields["tu-thien-so-tien"]) == ("99,5", "1.821.000.000")


def test_a_fresh_submission_has_no_content():
    content = selectors.current_content(submission_of(issue(units=["DN-CATP"]), "DN-CATP"))
    assert (content.sections, content.values, content.revision) == ({}, {}, None)


def test_the_outline_is_flattened_with_levels():
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    assert flat_sections(request.template.sections) == [
        {
            "key": "ket-qua",
            "label": "I",
            "title": "Kết quả thực hiện Chương trình phối hợp",
            "level": 1,
        },
        {"key": "danh-gia", "label": "II", "title": "Đánh giá chung", "level": 1},
        {"key": "uu-diem", "label": "1", "title": "Ưu điểm", "level": 2},
        {"key": "han-che", "label": "2", "title": "Hạn chế", "level": 2},
        {
            "key": "nhiem-vu",
            "label": "III",
            "title": "Nhiệm vụ trọng tâm 6 tháng cuối năm",
            "level": 1,
        },
    ]


def test_templates_are_listed_within_the_coordinators_scope():
    full_template("cua-da-nang")
    assert set(selectors.templates_for(user("dn.dieuphoi")).values_list("code", flat=True)) == {
        "phoi-hop-dan-van-6-thang",
        "cua-da-nang",
    }
    assert set(selectors.templates_for(user("ct.dieuphoi")).values_list("code", flat=True)) == {
        "cong-tac-dan-van-6-thang"
    }
    assert not selectors.templates_for(user("dn.baocao")).exists()
    assert not selectors.templates_for(user("dn.lanhdao")).exists()
