"""“Xuất văn bản” on the consolidation by unit and period: the link, the downloaded DOCX read back
(sections in the outline's order, empty headings left out, who has not reported, the figures in
a right-aligned Phụ lục, the closing kept with the last paragraph, the signing authority spelled
for the layout, the file's properties), and who may export."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from lxml import etree

from danvan.registry.models import Document, IssuedNumber
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest
from issuing.test_export_pages import DA_NANG_TITLE, downloaded, form, lines
from reporting.cycle import at, user

pytestmark = pytest.mark.django_db

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DA_NANG_URL = "/van-ban/tong-hop/don-vi/DN-TU/2022S1/xuat/"
CAN_THO_URL = "/van-ban/tong-hop/don-vi/CT-TU/2019S1/xuat/"


def _body(content: bytes):
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return etree.fromstring(package.read("word/document.xml")).find(f"{W}body")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _has(p, tag: str) -> bool:
    return p.find(f"{W}pPr/{W}{tag}") is not None


@pytest.fixture
def draft(login_client):
    response = login_client("dn.dieuphoi").post(DA_NANG_URL, form())
    return response.content, downloaded(response)


def test_the_by_unit_page_links_to_its_export(login_client):
    page = login_client("dn.dieuphoi").get("/tong-hop/?don-vi=DN-TU&ky=2022S1").content.decode()
    assert f'href="{DA_NANG_URL}"' in page
    assert "Tổng hợp từ 4/4 đơn vị; so sánh với 6 tháng đầu năm 2021." in page
    accepted = login_client("dn.dieuphoi").get("/tong-hop/?don-vi=DN-TU&ky=2022S1&chi-tiep-nhan=1")
    assert f'href="{DA_NANG_URL}?chi-tiep-nhan=1"' in accepted.content.decode()


def test_a_viewer_sees_no_export_link_and_may_not_export(login_client):
    client = login_client("dn.xem")
    page = client.get("/tong-hop/?don-vi=DN-TU&ky=2022S1")
    assert "/van-ban/tong-hop/" not in page.content.decode()
    assert client.get(DA_NANG_URL).status_code == 403


def test_unknown_unit_or_period_is_404(login_client):
    client = login_client("dn.dieuphoi")
    assert client.get("/van-ban/tong-hop/don-vi/XX-KHONG/2022S1/xuat/").status_code == 404
    response = client.get("/van-ban/tong-hop/don-vi/DN-TU/2022X9/xuat/")
    assert response.status_code == 404


def test_the_page_suggests_the_board_that_asked(login_client):
    html = login_client("dn.dieuphoi").get(DA_NANG_URL + "?ngay=2022-06-20").content.decode()
    assert "<strong>BAN DÂN VẬN</strong>" in html
    assert "K/T TRƯỞNG BAN" in html
    assert DA_NANG_TITLE in html


def test_sections_in_outline_order_and_empty_headings_left_out(draft):
    _, text = draft
    headings = [line for line in text if line[:3] in ("I. ", "II.", "1. ", "2. ", "III")]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP",
        "II. ĐÁNH GIÁ CHUNG",
        "2. Hạn chế",
    ]
    opening = text.index("I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP")
    # Each unit's passage under the heading, in the tree's order.
    passages = [line.split(":")[0] for line in text[opening + 1 : opening + 5]]
    assert passages == [
        "Bộ Chỉ huy Quân sự thành phố Đà Nẵng",
        "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng",
        "Công an thành phố Đà Nẵng",
        "Ủy ban nhân dân thành phố Đà Nẵng",
    ]


def test_the_figures_are_in_a_right_aligned_phu_luc(draft):
    content, text = draft
    closing = text.index("Nơi nhận:")
    assert text[closing + 7 : closing + 10] == [
        "PHỤ LỤC",
        "SỐ LIỆU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2022",
        "(Kèm theo Báo cáo số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/BDVTU ngày 20/6/2022)",
    ]
    body = _body(content)
    heading = next(p for p in body.iter(f"{W}p") if _text(p) == "PHỤ LỤC")
    assert _has(heading, "pageBreakBefore")
    figures = body.findall(f"{W}tbl")[-1]
    rows = {
        _text(tr.find(f"{W}tc")): [tc.find(f"{W}p") for tc in tr.findall(f"{W}tc")]
        for tr in figures.findall(f"{W}tr")
    }
    received = rows["Tiếp công dân (lượt)"]
    assert [_text(p) for p in received] == ["Tiếp công dân (lượt)", "lượt", "1.868"]
    jc = [p.find(f"{W}pPr/{W}jc").get(f"{W}val") for p in received]
    assert jc == ["left", "left", "right"]
    assert [_text(p) for p in rows["Đơn thư tiếp nhận"]][2] == "2.403"


def test_the_closing_stays_with_the_last_paragraph(draft):
    content, _ = draft
    blocks = [child for child in _body(content) if child.tag != f"{W}sectPr"]
    closing = next(b for b in blocks if b.tag == f"{W}tbl" and "Nơi nhận:" in _text(b))
    index = blocks.index(closing)
    last, spacer = blocks[index - 2], blocks[index - 1]
    assert _text(last).startswith("Ủy ban nhân dân thành phố Đà Nẵng: ")  # the last passage
    assert _has(last, "keepNext") and _has(last, "keepLines") and _has(spacer, "keepNext")
    assert closing.find(f"{W}tr/{W}trPr/{W}cantSplit") is not None


def test_core_properties_come_from_the_document(draft):
    content, _ = draft
    properties = docx.Document(io.BytesIO(content)).core_properties
    assert properties.title == (
        "Báo cáo: Kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
    )
    assert properties.author == "Ban Dân vận Thành ủy Đà Nẵng"
    assert properties.created.date() == dt.date(2022, 6, 20)
    assert properties.category == "Báo cáo"


def test_the_preamble_says_who_has_reported(draft):
    _, text = draft
    assert (
        "Trên cơ sở báo cáo của các đơn vị (tổng hợp từ 4/4 đơn vị), Ban Dân vận Thành ủy tổng "
        "hợp kết quả như sau (số liệu tại Phụ lục kèm theo):"
    ) in text


def test_can_tho_names_the_two_units_that_have_not_reported(login_client):
    text = downloaded(
        login_client("ct.dieuphoi").post(
            CAN_THO_URL,
            form(day="2019-07-01", place="Cần Thơ", authority="K/T TRƯỞNG BAN", signer_name=""),
        )
    )
    assert (
        "Trên cơ sở báo cáo của các đơn vị (tổng hợp từ 1/3 đơn vị; chưa báo cáo: Ủy ban Mặt "
        "trận Tổ quốc Việt Nam thành phố Cần Thơ, Ủy ban nhân dân thành phố Cần Thơ), Ban Dân "
        "vận Thành ủy tổng hợp kết quả như sau (số liệu tại Phụ lục kèm theo):"
    ) in text


def test_a_returned_report_is_named_as_not_reported(login_client):
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    border = request.assignments.get(unit__code="DN-BDBP").submission
    with recorded_at(at("2022-06-21")):
        services.return_submission(user("dn.dieuphoi"), border.pk, "Bổ sung số liệu.")
    text = downloaded(login_client("dn.dieuphoi").post(DA_NANG_URL, form()))
    preamble = next(line for line in text if line.startswith("Trên cơ sở"))
    assert (
        "(tổng hợp từ 3/4 đơn vị; chưa báo cáo: Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng)"
        in (preamble)
    )


def test_signing_prefixes_follow_the_layout(login_client):
    client = login_client("dn.dieuphoi")
    # A Party document (the board, 2022) typed with the State spelling…
    party = downloaded(client.post(DA_NANG_URL, form(authority="TM. BAN THƯỜNG VỤ")))
    assert "T/M BAN THƯỜNG VỤ" in party and "TM. BAN THƯỜNG VỤ" not in party
    # …and the same report forced into the State layout.
    state = downloaded(client.post(DA_NANG_URL, form(layout="state")))
    assert "KT. TRƯỞNG BAN" in state and "K/T TRƯỞNG BAN" not in state


def test_tuq_in_a_party_document_asks_first_then_keeps_it(login_client):
    client = login_client("dn.dieuphoi")
    refused = client.post(DA_NANG_URL, form(authority="TUQ. TRƯỞNG BAN", allocate="on"))
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "văn bản của Đảng không có hình thức ký thừa ủy quyền (TUQ.)" in html
    assert not IssuedNumber.objects.exists()
    kept = downloaded(
        client.post(
            DA_NANG_URL, form(authority="TUQ. TRƯỞNG BAN", keep_authority="on", allocate="on")
        )
    )
    assert "TUQ. TRƯỞNG BAN" in kept
    assert Document.objects.filter(symbol="01-BC/BDVTU").exists()


def test_the_date_picker_keeps_accepted_only(login_client):
    html = login_client("dn.dieuphoi").get(DA_NANG_URL + "?chi-tiep-nhan=1").content.decode()
    assert '<input type="hidden" name="chi-tiep-nhan" value="1">' in html


def test_accepted_only_counts_the_two_accepted(login_client):
    text = lines(login_client("dn.dieuphoi").post(DA_NANG_URL + "?chi-tiep-nhan=1", form()).content)
    assert any("(tổng hợp từ 2/4 đơn vị)" in line for line in text)
