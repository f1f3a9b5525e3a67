"""PDF layouts rebuilt by hand (no shared file shows them cleanly): footnote marks raised at
body size (glued to their line, or printed by pdfium on a line of their own), and a cover
page before the page that carries the header."""

import pytest

from danvan.ingest import parse_bytes

from .builders import layout_pdf

NOTES = [
    (8.0, 72.0, 90.0, "1 Ke hoach so 12/KH-UBND ngay 05/3/2025 ve cai cach hanh chinh."),
    (8.0, 72.0, 80.0, "2 Trong do co 3 hoi nghi truc tuyen."),
]


def _page(rise: float) -> list:
    return [
        (12.0, 110.0, 760.0, "I. TINH HINH CHUNG"),
        (
            12.0,
            110.0,
            740.0,
            "Trong nam qua, cac co quan da trien khai ke hoach so 12/KH-UBND ngay",
        ),
        (12.0, 72.0, 724.0, "05/3/2025 cua Uy ban nhan dan tinh"),
        (12.0, 262.0, 724.0 + rise, "1"),  # raised, body size, right after "tinh"
        (12.0, 72.0, 708.0, "va dat 97/97 don vi."),
        (12.0, 110.0, 692.0, "Cac don vi da to chuc 15 hoi nghi voi 1.200 luot nguoi"),
        (12.0, 392.0, 701.0, "2"),  # raised 9 pt: pdfium prints it on its own line
        (12.0, 72.0, 676.0, "tham du; con 2 don vi chua bao cao."),
        *NOTES,
    ]


@pytest.mark.parametrize("rise", [3.0, 5.0, 9.0])
def test_marks_raised_at_body_size(rise):
    doc = parse_bytes(layout_pdf([_page(rise)]), "bao-cao.pdf")
    [section] = doc.outline
    first, second = section.paragraphs
    assert first.text == (
        "Trong nam qua, cac co quan da trien khai ke hoach so 12/KH-UBND ngay 05/3/2025 cua Uy"
        " ban nhan dan tinh va dat 97/97 don vi."
    )
    assert first.footnotes == [1]
    assert second.text == (
        "Cac don vi da to chuc 15 hoi nghi voi 1.200 luot nguoi tham du; con 2 don vi chua bao cao."
    )
    assert second.footnotes == [2]
    assert not any("mark not found" in warning for warning in doc.warnings)
    # "15 hoi nghi" and "con 2 don vi" are figures, not marks: they stand on the baseline.
    assert [f.value for f in doc.figures if f.where == "body"][-3:] == [15, 1200, 2]


def test_a_cover_page_before_the_header():
    cover = [
        (14.0, 200.0, 700.0, "UY BAN NHAN DAN TINH LAM DONG"),
        (20.0, 250.0, 500.0, "BAO CAO"),
        (14.0, 150.0, 470.0, "TONG KET CONG TAC DAN VAN NAM 2025"),
        (12.0, 220.0, 150.0, "Lam Dong, thang 12 nam 2025"),
    ]
    first = [
        (12.0, 80.0, 800.0, "UY BAN NHAN DAN"),
        (12.0, 300.0, 800.0, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
        (12.0, 80.0, 785.0, "TINH LAM DONG"),
        (12.0, 320.0, 785.0, "Doc lap - Tu do - Hanh phuc"),
        (12.0, 80.0, 760.0, "So: 15/BC-UBND"),
        (12.0, 300.0, 760.0, "Lam Dong, ngay 05 thang 11 nam 2025"),
        (14.0, 265.0, 720.0, "BAO CAO"),
        (12.0, 170.0, 702.0, "Tong ket cong tac dan van nam 2025"),
        (12.0, 110.0, 670.0, "I. KET QUA"),
        (12.0, 110.0, 650.0, "Nam 2025, toan tinh da tiep 1.868 luot cong dan."),
    ]
    doc = parse_bytes(layout_pdf([cover, first]), "bao-cao.pdf")
    alone = parse_bytes(layout_pdf([first]), "bao-cao.pdf")
    # Read as if the cover were not there (ASCII text: the builder's font has no Vietnamese).
    assert doc.header == alone.header
    assert doc.header.type_name == "BÁO CÁO"
    assert doc.header.title == "Tong ket cong tac dan van nam 2025"
    assert doc.preamble == []
    assert [(s.label, s.paragraphs[0].text) for s in doc.outline] == [
        ("I", "Nam 2025, toan tinh da tiep 1.868 luot cong dan.")
    ]
    assert "a cover page before the header was left out" in doc.warnings
    assert "a cover page before the header was left out" not in alone.warnings


@pytest.mark.parametrize(
    ("texts", "blank"),
    [
        (["Số: /BC-HĐTĐ", "Lâm Đồng, ngày tháng 02 năm 2026"], True),  # Báo cáo 36, unsigned text
        (["Số     - HD/BTCTU"], True),  # the Hà Nội Party draft
        (["Số:", "Hà Nội, ngày 26 tháng 9 năm 2025"], True),
        (["Số: 507/UBND-KGVX", "Quảng Ngãi, ngày 24 tháng 01 năm 2025"], False),
        (["PHỤ LỤC I", "KẾT QUẢ ĐÁNH GIÁ"], False),  # an annex: nothing for a stamp to fill
    ],
)
def test_widgets_are_flattened_only_for_a_blank_number_or_day(texts, blank):
    from danvan.ingest.readers.pdf_widgets import has_blanks

    assert has_blanks(texts) is blank
