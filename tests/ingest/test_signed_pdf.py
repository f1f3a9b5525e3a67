"""E-office signed PDFs: the number and day stamped into the signature widgets, read into the
header by position, and every digital signature verified offline.

Expected values read by eye from the files (pdftoppm renders of page 1; pdftotext shows the
stamped number) and from their certificates (`pyhanko sign validate --pretty-print`)."""

import json

import pytest

from danvan.ingest import parse_file
from danvan.ingest.signatures import PROBLEM_NO_ANCHOR, PROBLEM_OFFLINE, read_signatures

from .conftest import CORPUS, SAMPLES

INCOMING = SAMPLES / "incoming"
UNKNOWN_CA = [PROBLEM_NO_ANCHOR, PROBLEM_OFFLINE]


@pytest.fixture(scope="module")
def snv():
    return parse_file(INCOMING / "snv-lam-dong-cv-2926-dieu-le-hoi-quan-chung-2025.pdf")


@pytest.fixture(scope="module")
def bnv():
    return parse_file(INCOMING / "bnv-cv-12094-huong-dan-chi-so-cchc-2025.pdf")


@pytest.fixture(scope="module")
def hdtd():
    return parse_file(INCOMING / "hdtd-lam-dong-bc-36-tham-dinh-chi-so-cchc-2025.pdf")


def test_snv_number_and_day_from_the_widgets(snv):
    h = snv.header
    assert (h.parent_issuer, h.issuer) == ("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ")
    assert (h.number, h.symbol, h.type_code) == ("2926", "2926/SNV-TCBC", "CV")
    assert (h.place, h.date) == ("Lâm Đồng", "2025-11-15")
    assert h.addressees == ["Chủ tịch UBND tỉnh Lâm Đồng"]


def test_bnv_stamp_above_the_blank_still_lands_in_it(bnv):
    # iTextSharp stack: the number is drawn a little above the "Số:" baseline.
    h = bnv.header
    assert (h.number, h.symbol, h.place, h.date) == (
        "12094",
        "12094/BNV-CCHC",
        "Hà Nội",
        "2025-12-15",
    )
    assert h.addressees == [
        "Các bộ, cơ quan ngang bộ",
        "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
    ]


def test_header_written_last_in_page_order(hdtd):
    # The Word export puts the two-column header after the footnote in page-1 text order.
    h = hdtd.header
    assert (h.parent_issuer, h.issuer) == (
        "UBND TỈNH LÂM ĐỒNG",
        "HỘI ĐỒNG THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH",
    )
    assert (h.number, h.symbol, h.type_code, h.place, h.date) == (
        "36",
        "36/BC-HĐTĐ",
        "BC",
        "Lâm Đồng",
        "2026-02-02",
    )
    assert hdtd.footnotes[0].text.startswith(
        "Hội đồng thẩm định và Tổ Thư ký giúp việc gồm đại diện lãnh đạo"
    )


def test_stamps_stay_out_of_the_text(snv, bnv):
    for doc in (snv, bnv):
        body = "\n".join(p.text for p in doc.paragraphs())
        dumped = json.dumps(doc.to_dict(), ensure_ascii=False)
        assert "Ký bởi" not in dumped and "@lamdong.gov.vn" not in dumped
        assert not any(
            p.text.strip() in {"2926", "15", "12094", "2926 15"} for p in doc.paragraphs()
        )
        assert "2926/SNV-TCBC" not in body and "12094/BNV-CCHC" not in body


def test_snv_signed_by_the_deputy_director_then_the_department(snv):
    sigs = [s.to_dict() for s in snv.signatures]
    assert len(sigs) == 4
    assert sigs[0] == {
        "signer": "Nguyễn Đức Vũ",
        "organisation": "SỞ NỘI VỤ, ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "signed_at": "2025-11-15T15:42:33+07:00",
        "covers_whole_file": False,  # the department's stamps were added after him
        "modified_after": False,  # …but they only fill widgets: the content is his
        "certificate_valid_at_signing": None,
        "problems": UNKNOWN_CA,
    }
    for later in sigs[1:]:
        assert (later["signer"], later["organisation"]) == (
            "SỞ NỘI VỤ",
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        )
        assert later["signed_at"] == "2025-11-15T15:56:54+07:00"
        assert later["modified_after"] is False and later["problems"] == UNKNOWN_CA
    assert [s["covers_whole_file"] for s in sigs] == [False, False, False, True]


def test_bnv_person_then_ministry(bnv):
    first, *rest = bnv.signatures
    assert (first.signer, first.organisation) == (
        "Phạm Minh Hùng",
        "VỤ CẢI CÁCH HÀNH CHÍNH, BỘ NỘI VỤ",
    )
    assert first.signed_at == "2025-12-15T17:29:33+07:00"
    assert [s.signer for s in rest] == ["Bộ Nội vụ"] * 3
    assert rest[-1].signed_at == "2025-12-15T20:28:51+07:00" and rest[-1].covers_whole_file
    assert not any(s.modified_after for s in bnv.signatures)


def test_issuer_then_gazette_centre_both_listed():
    """Quảng Ngãi 507: signed by the office, stamped by the province, then by the provincial
    gazette and IT centre (Trung tâm Công báo và Tin học)."""
    doc = parse_file(CORPUS / "ubnd-quang-ngai-cv-507-2025.pdf")
    signers = [(s.signer, s.organisation) for s in doc.signatures]
    assert signers[0] == ("Phùng Tô Long", "VĂN PHÒNG, ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
    assert signers[-1] == (
        "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC",
        "VĂN PHÒNG, ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
    )
    assert doc.signatures[-1].covers_whole_file and not doc.signatures[0].covers_whole_file
    assert (doc.header.symbol, doc.header.date) == ("507/UBND-KGVX", "2025-01-24")


def test_scanned_letter_signature_read_without_its_text():
    """The Front's 477 is a scan (its text needs OCR) with one signature of the committee."""
    data = (INCOMING / "mttq-lam-dong-cv-477-hoi-quan-chung-2025-scan.pdf").read_bytes()
    (only,) = read_signatures(data)
    assert only.signer == "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LÂM ĐỒNG"
    assert only.organisation == "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM"
    assert only.signed_at == "2025-11-13T14:01:26+07:00"
    assert only.covers_whole_file and only.modified_after is False


def test_unsigned_files_have_no_signatures(danang):
    assert danang.signatures == [] and danang.to_dict()["signatures"] == []


def test_verified_inside_a_running_event_loop():
    """An async caller (or a browser test's loop) must not turn signatures into 'unreadable':
    pyHanko's synchronous API runs its own loop, so the check moves to a thread."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    data = (INCOMING / "mttq-lam-dong-cv-477-hoi-quan-chung-2025-scan.pdf").read_bytes()

    async def inside():
        return read_signatures(data)

    # In a thread of its own: this test's worker may already run a browser test's loop.
    with ThreadPoolExecutor(1) as pool:
        (only,) = pool.submit(asyncio.run, inside()).result()
    assert only.signer == "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LÂM ĐỒNG"
    assert only.problems == UNKNOWN_CA


def test_annex_with_picture_only_widgets():
    """Phụ lục I: two signature widgets that show only a picture — no number is invented."""
    doc = parse_file(INCOMING / "hdtd-lam-dong-phu-luc-i-chi-so-cchc-2025.pdf")
    assert (doc.header.number, doc.header.symbol, doc.header.date) == (None, None, None)
    assert [(s.signer, s.signed_at) for s in doc.signatures] == [
        ("SỞ NỘI VỤ", "2026-02-06T15:46:20+07:00"),
        ("SỞ NỘI VỤ", "2026-02-06T15:45:53+07:00"),
    ]
    assert [s.covers_whole_file for s in doc.signatures] == [False, True]
