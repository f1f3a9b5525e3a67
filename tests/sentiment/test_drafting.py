"""The report drafted from the log: the demo's Cần Thơ 2019 first half against section I of
the sample, with sentences and counts written by hand from the demo's signals."""

import datetime as dt
import io

import docx
import pytest

from danvan.orgs.models import OrgUnit
from danvan.reporting import services as reporting_services
from danvan.reporting.models import ReportTemplate
from danvan.reporting.selectors import current_content
from danvan.sentiment import drafting, report
from danvan.sentiment.catalogue import SECTIONS

H1 = (dt.date(2019, 1, 1), dt.date(2019, 6, 30))


@pytest.fixture
def draft(db):
    return drafting.draft(OrgUnit.objects.get(code="CT-DUK"), *H1)


def test_the_2019_draft_covers_section_i_of_the_sample(draft):
    text = " ".join(draft.sections.values())
    for concern in [
        "không gian mạng",
        "nhóm tôn giáo cực đoan",
        "dịch tả heo Châu Phi",
        "an toàn thực phẩm",
        "vệ sinh môi trường",
        "an ninh trật tự",
        "ùn tắc giao thông",
        "BOT T2",
    ]:
        assert concern in text, concern
    assert "CBĐV-NLĐ" in text


def test_counts_directions_and_trend_as_computed_by_hand(draft):
    # 11 signals in 2019 H1: 6 băn khoăn, 3 tán thành, 2 phản đối; 2 in 2018 H2 (4/7–31/12).
    assert draft.signal_count == 11 and draft.previous_count == 2
    assert (
        "Trong kỳ (từ ngày 01/01/2019 đến ngày 30/06/2019), Đảng ủy Khối"
        in draft.sections["tu-tuong"]
    )
    assert (
        "ghi nhận 11 ý kiến, dư luận (6 băn khoăn, 3 tán thành, 2 phản đối); kỳ trước 2 ý kiến."
        in (draft.sections["tu-tuong"])
    )
    assert (
        "Về giao thông – trạm thu phí: 2 ý kiến (2 phản đối), tăng 1 so với kỳ trước (1); "
        "chủ yếu trong Cán bộ, đảng viên, công chức, viên chức, người lao động (CBĐV-NLĐ)"
    ) in draft.sections["buc-xuc"]
    assert (
        "Về an toàn thực phẩm – dịch bệnh: 2 ý kiến (2 băn khoăn), kỳ trước chưa ghi nhận"
        in (draft.sections["doi-song"])
    )
    assert "Về tôn giáo: 1 ý kiến (1 băn khoăn)" in draft.sections["dan-toc-ton-giao"]
    assert draft.sections["diem-nong"].splitlines()[1] == (
        "Cuối kỳ có 1 vụ việc đang theo dõi (1 nguy cơ); mới phát sinh 1, đã giải quyết 0, "
        "tái phát 0."
    )
    assert (
        "- Bức xúc về trạm thu phí BOT T2 trên Quốc lộ 91 (Quốc lộ 91): nguy cơ, đang xử lý"
        in (draft.sections["diem-nong"])
    )
    assert "Giao thông – trạm thu phí" in draft.sections["kien-nghi"]
    for key, _title in SECTIONS:
        assert draft.sections[key].startswith(drafting.MARK)


def test_an_empty_window_says_so(db):
    empty = drafting.draft(
        OrgUnit.objects.get(code="CT-DUK"), dt.date(2010, 1, 1), dt.date(2010, 3, 31)
    )
    assert drafting.EMPTY in empty.sections["doi-song"]
    assert "Trong kỳ không phát sinh điểm nóng" in empty.sections["diem-nong"]


def test_the_docx_reads_back(login_client):
    response = login_client("ct.baocao").get(
        "/tinh-hinh-nhan-dan/bao-cao/?unit=CT-DUK&period_kind=S1&period_year=2019&dinh-dang=docx"
    )
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "ĐẢNG ỦY KHỐI" in text.upper()
    assert "1. TƯ TƯỞNG, TÂM TRẠNG" in text and "BOT T2" in text


def test_the_draft_is_saved_as_the_units_submission(record, demo_user, login_client):
    record(observed_on=dt.date(2026, 11, 10))
    coordinator = demo_user("ct.dieuphoi")
    template = reporting_services.create_template(
        coordinator,
        OrgUnit.objects.get(code="CT-TU"),
        "tt-thang",
        "Báo cáo tình hình Nhân dân và dư luận xã hội hằng tháng",
        [{"key": k, "label": str(n), "title": t} for n, (k, t) in enumerate(SECTIONS, 1)],
        ["tt_y_kien_chu_de"],
    )
    request = reporting_services.issue_request(
        coordinator,
        issuer=OrgUnit.objects.get(code="CT-TU"),
        title="Báo cáo tình hình Nhân dân tháng 11/2026",
        template=template,
        period_code="202611",
        unit_codes=["CT-DUCQD"],
        deadline=dt.date(2026, 12, 20),
    )
    assignment = request.assignments.get()
    client = login_client("ct.baocao")
    query = "unit=CT-DUCQD&period_kind=Y&period_year=2026&date_from=2026-11-01&date_to=2026-11-30"
    page = client.get(f"/tinh-hinh-nhan-dan/bao-cao/?{query}").content.decode()
    assert "Lưu vào “Báo cáo tình hình Nhân dân tháng 11/2026”" in page
    params = dict(p.split("=") for p in query.split("&"))
    response = client.post("/tinh-hinh-nhan-dan/bao-cao/", {**params, "assignment": assignment.pk})
    assert response.status_code == 302
    sections = current_content(assignment.submission).sections
    assert "Về giao thông – trạm thu phí: 1 ý kiến (1 băn khoăn)" in sections["buc-xuc"]
    assert ReportTemplate.objects.filter(code="tt-thang").exists()


def test_a_template_without_the_outline_gets_the_draft_in_its_situation_section(draft):
    mapped = report.sections_for(
        [
            {"key": "dac-diem", "title": "Đặc điểm tình hình"},
            {"key": "ket-qua", "title": "Kết quả"},
        ],
        draft,
    )
    assert list(mapped) == ["dac-diem"]
    assert "1. Tư tưởng, tâm trạng" in mapped["dac-diem"] and "BOT T2" in mapped["dac-diem"]


def test_the_pdf_reads_back(login_client):
    import pypdfium2

    response = login_client("ct.baocao").get(
        "/tinh-hinh-nhan-dan/bao-cao/?unit=CT-DUK&period_kind=S1&period_year=2019&dinh-dang=pdf"
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pdf = pypdfium2.PdfDocument(response.content)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "BOT T2" in text and "dịch tả heo Châu Phi" in text
