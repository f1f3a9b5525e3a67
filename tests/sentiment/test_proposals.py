"""Signals proposed from the situation section of the Cần Thơ 2019 report, as the reader
read it from the sample file, confirmed by a person."""

from danvan import registers
from danvan.reporting.models import Assignment
from danvan.sentiment.models import Signal
from danvan.sentiment.proposals import propose
from danvan.sentiment.views_proposals import situation_text


def test_clauses_get_a_topic_and_the_sentences_direction():
    found = propose(
        "CBĐV-NLĐ vui mừng với tình hình phát triển kinh tế - xã hội của thành phố. Tuy nhiên, "
        "CBĐV-NLĐ lo lắng trước hoạt động chống phá trên không gian mạng; các hoạt động của nhóm "
        "tôn giáo cực đoan; tai nạn và ùn tắc giao thông (trạm thu phí BOT T2 QL91)."
    )
    assert [(p.topic, p.direction) for p in found] == [
        ("kinh-te-xa-hoi", "tan_thanh"),
        ("xau-doc", "ban_khoan"),
        ("ton-giao", "ban_khoan"),
        ("giao-thong", "ban_khoan"),
    ]
    assert found[3].text == "tai nạn và ùn tắc giao thông (trạm thu phí BOT T2 QL91)."
    assert propose("") == []


def test_the_2019_report_proposes_its_concerns_and_a_person_confirms(login_client, demo_user):
    assignment = Assignment.objects.get(
        unit__code="CT-DUK", request__title="Báo cáo công tác dân vận 6 tháng đầu năm 2019"
    )
    links = dict(registers.assignment_links(demo_user("ct.baocao"), assignment))
    url = links["Đề xuất ý kiến, dư luận từ báo cáo này"]
    client = login_client("ct.baocao")
    page = client.get(url).content.decode()
    for concern in ["tôn giáo cực đoan", "dịch tả heo", "BOT T2", "không gian mạng"]:
        assert concern in page, concern
    before = Signal.objects.count()
    refused = client.post(
        url, {"observed_on": "2019-06-30", "channel": "to_chuc_dang", "spread": "nhieu"}
    )
    assert (
        refused.status_code == 400 and "Cần chọn ít nhất một đề xuất." in refused.content.decode()
    )
    proposals = propose(situation_text(assignment))
    n = next(i for i, p in enumerate(proposals) if p.topic == "giao-thong")
    response = client.post(
        url,
        {
            "observed_on": "2019-06-30",
            "channel": "to_chuc_dang",
            "spread": "nhieu",
            f"chon-{n}": "1",
            f"chu-de-{n}": "giao-thong",
            f"khuynh-huong-{n}": "phan_doi",
            f"noi-dung-{n}": proposals[n].text,
        },
    )
    assert response.status_code == 302
    created = Signal.objects.latest("id")
    assert Signal.objects.count() == before + 1
    assert (created.unit.code, created.topic.code, created.direction) == (
        "CT-DUK",
        "giao-thong",
        "phan_doi",
    )
    assert "BOT T2" in created.text
    other = login_client("dn.baocao").get(url)
    assert other.status_code == 403 and "không có quyền" in other.content.decode()
