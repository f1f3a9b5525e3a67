"""The demo's Đà Nẵng programmes and their 2022S1 review: loaded once, idempotent, and the joint
report built from the partners' 2022 answers reads like the sample (the structure, who said
what, who was late)."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.issuing.selectors import ExportOptions
from danvan.programmes import joint_report, review_selectors
from danvan.programmes.demo import REQUEST_TITLE, load_demo
from danvan.programmes.models import Instrument, Progress, Review
from danvan.reporting.models import ReportRequest
from reporting.cycle import user

pytestmark = pytest.mark.django_db


def _request():
    return ReportRequest.objects.get(title=REQUEST_TITLE, issuer__code="DN-BDVTU")


def test_the_four_programmes_with_their_central_basis():
    programmes = Instrument.objects.filter(kind="chuong_trinh", owner__code="DN-BDVTU")
    partners = sorted(
        p.unit.code for i in programmes for p in i.parties.all() if p.unit.code != "DN-BDVTU"
    )
    assert partners == ["DN-BCHQS", "DN-BDBP", "DN-CATP", "DN-UBND"]
    police = programmes.get(symbol="07-CTr/BDVTU-CATP")
    assert [d.symbol for d in police.based_on.all()] == ["05-CTr/BDVTW-BCA"]


def test_a_second_load_changes_nothing():
    before = (Instrument.objects.count(), Review.objects.count(), Progress.objects.count())
    assert load_demo() == {"programmes": 0}
    assert (Instrument.objects.count(), Review.objects.count(), Progress.objects.count()) == before


def test_the_2022_review_answers_are_the_partner_reports():
    request = _request()
    assert Review.objects.filter(report_request=request).count() == 4
    # Progress of the accepted reports (UBND, police) is accepted; the others wait.
    accepted = sorted(
        {
            p.party.unit.code
            for p in Progress.objects.filter(review__report_request=request, accepted=True)
        }
    )
    assert accepted == ["DN-CATP", "DN-UBND"]


def test_the_joint_report_reads_like_the_sample():
    facts = review_selectors.joint_review(user("dn.dieuphoi"), _request(), dt.date(2022, 7, 5))
    document = joint_report.build(facts, ExportOptions(day=dt.date(2022, 7, 5)))
    headings = [(s["label"], s["title"]) for s in document["outline"]]
    assert headings == [
        ("I", "Công tác phối hợp triển khai"),
        ("II", "Kết quả triển khai thực hiện"),
        ("III", "Đánh giá chung"),
        ("IV", "Phương hướng, nhiệm vụ 6 tháng cuối năm 2022"),
    ]
    results = document["outline"][1]["children"]
    assert [s["title"] for s in results] == [
        "Kết quả thực hiện Chương trình phối hợp với Ủy ban nhân dân thành phố",
        "Kết quả thực hiện Chương trình phối hợp với Bộ Chỉ huy Quân sự thành phố, Công an thành "
        "phố và Bộ Chỉ huy Bộ đội Biên phòng thành phố",
    ]
    first = results[0]["paragraphs"][0]["text"]
    assert first.startswith("Ủy ban nhân dân thành phố")
    shortcomings = document["outline"][2]["children"][1]["paragraphs"]
    late = [p["text"] for p in shortcomings if "chậm so với hạn" in p["text"]]
    assert late == [
        "Việc chấp hành chế độ thông tin, báo cáo chưa đúng tiến độ chương trình phối hợp đã đề "
        "ra: gửi báo cáo chậm so với hạn 15/6/2022: Bộ Chỉ huy Bộ đội Biên phòng thành phố (gửi ngày "
        "20/6/2022)."
    ]
    assert document["footnotes"][0]["text"].startswith(
        "Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP ngày 15/12/2021"
    )


def test_the_partners_figures_are_summed_in_the_annex():
    facts = review_selectors.joint_review(user("dn.dieuphoi"), _request(), dt.date(2022, 7, 5))
    document = joint_report.build(facts, ExportOptions(day=dt.date(2022, 7, 5)))
    [annex] = document["tables"]
    assert annex["annex"] == "Số liệu tổng hợp 6 tháng đầu năm 2022"
    rows = {row[0]: row[1:] for row in annex["rows"]}
    assert rows["Tiếp công dân (lượt)"] == ["lượt", "1.868"]
    # The military's 161 and the police's 8.692, added up.
    assert rows["Tin, bài tuyên truyền"] == ["tin, bài", "8.853"]


def test_the_assessment_counts_the_answers_and_names_the_overdue_commitment():
    facts = review_selectors.joint_review(user("dn.dieuphoi"), _request(), dt.date(2022, 7, 5))
    document = joint_report.build(facts, ExportOptions(day=dt.date(2022, 7, 5)))
    assessment = document["outline"][2]
    # 10 commitments of the four 2022 plans for the first half, as the partners answered.
    assert assessment["paragraphs"][0]["text"] == (
        "Trong 6 tháng đầu năm 2022, 4 đang thực hiện, 5 hoàn thành, 1 chậm trên tổng số 10 "
        "nhiệm vụ phối hợp."
    )
    shortcomings = [p["text"] for p in assessment["children"][1]["paragraphs"]]
    assert shortcomings[-1] == (
        "Nhiệm vụ đã quá hạn nhưng chưa hoàn thành: Trao đổi thông tin về tình hình Nhân dân, "
        "an ninh trật tự với Ban Dân vận Thành ủy (Công an thành phố, hạn 15/6/2022)."
    )


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_catalogue_and_the_demo_come_back():
    """Transactional tests flush the database (reference rows of migrations included) and load
    the demo again: the joint activities are seeded again, the demo's areas ensured."""
    from django.core.management import call_command

    from danvan.accounts.permissions import SYSTEM
    from danvan.demo.units import demo_interchange
    from danvan.indicators.models import Indicator
    from danvan.orgs import interchange
    from danvan.orgs import services as org_services

    call_command("flush", interactive=False, verbosity=0)
    assert Indicator.objects.filter(code__startswith="ctp_hd_").count() == 4
    org_services.import_units(SYSTEM, *interchange.from_data(demo_interchange()))
    assert load_demo()["programmes"] == 4
    assert Instrument.objects.filter(kind="chuong_trinh").count() == 4
