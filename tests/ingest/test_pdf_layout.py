"""The PDF reader's layout rules on pages whose every run is placed here by hand: body
12 pt, footnotes 8 pt at the foot, raised 7 pt marks, a running header, page numbers."""

from danvan.ingest import parse_bytes

from .builders import layout_pdf


def _page(
    number: int,
    body: list[tuple[float, float, float, str]],
    notes: list[tuple[float, float, float, str]],
):
    running = (10.0, 250.0, 810.0, "BAO CAO TONG KET NAM 2025")
    page_number = (12.0, 295.0, 30.0, str(number))
    footer = (8.0, 72.0, 18.0, f"Bao cao CCHC - trang {number}/3")
    return [running, *body, *notes, page_number, footer]


PAGES = [
    _page(
        1,
        [
            (12.0, 110.0, 760.0, "I. TINH HINH CHUNG"),
            (
                12.0,
                110.0,
                740.0,
                "Trong nam qua, cac co quan da trien khai ke hoach so 12/KH-UBND ngay",
            ),
            (12.0, 72.0, 724.0, "05/3/2025 cua Uy ban nhan dan tinh"),
            (7.0, 276.0, 729.0, "1"),
            (12.0, 282.0, 724.0, ", dat 97/97 don vi."),
            (12.0, 110.0, 708.0, "Cac don vi da to chuc 15 hoi nghi"),
            (7.0, 300.0, 713.0, "2"),
        ],
        [
            (8.0, 72.0, 90.0, "1 Ke hoach so 12/KH-UBND ngay 05/3/2025 ve cai cach hanh chinh."),
            (
                8.0,
                72.0,
                80.0,
                "2 Trong do co 3 hoi nghi truc tuyen va 12 hoi nghi truc tiep, tong cong",
            ),
        ],
    ),
    _page(
        2,
        [
            (12.0, 72.0, 760.0, "voi su tham gia cua cac so, nganh."),
            (12.0, 110.0, 740.0, "II. PHUONG HUONG"),
            (12.0, 110.0, 720.0, "Tiep tuc thuc hien cac nhiem vu cai cach hanh chinh."),
        ],
        [(8.0, 72.0, 90.0, "hon 1.200 luot nguoi tham du.")],
    ),
    _page(3, [(12.0, 110.0, 760.0, "III. KIEN NGHI"), (12.0, 110.0, 740.0, "Khong co.")], []),
]


def test_layout_rules():
    doc = parse_bytes(layout_pdf(PAGES), "bo-cuc.pdf")
    assert doc.source.pages == 3
    assert [s.label for s in doc.outline] == ["I", "II", "III"]
    first = doc.outline[0].paragraphs
    # The raised "1" is a mark, not part of the text; the indent starts a new paragraph.
    assert first[0].text == (
        "Trong nam qua, cac co quan da trien khai ke hoach so 12/KH-UBND ngay 05/3/2025 cua Uy ban nhan dan tinh, dat 97/97 don vi."
    )
    assert first[0].footnotes == [1]
    # A paragraph carried over to the next page, past the footnotes and the page number.
    assert first[1].text == "Cac don vi da to chuc 15 hoi nghi voi su tham gia cua cac so, nganh."
    assert first[1].footnotes == [2]
    assert [(f.id, f.text) for f in doc.footnotes] == [
        (1, "Ke hoach so 12/KH-UBND ngay 05/3/2025 ve cai cach hanh chinh."),
        (
            2,
            "Trong do co 3 hoi nghi truc tuyen va 12 hoi nghi truc tiep, tong cong hon 1.200 luot nguoi tham du.",
        ),
    ]
    assert "footnote 2 continues on page 2" in doc.warnings
    text = str(doc.to_dict())
    assert "BAO CAO TONG KET" not in text  # running header
    assert "Bao cao CCHC" not in text  # running footer with its page number
    # (ASCII-only text here: "ngay" is not "ngày", so no date is read.)
    assert [r.symbol for r in doc.references] == ["12/KH-UBND", "12/KH-UBND"]
    assert [r.where for r in doc.references] == ["body", "footnote"]
    assert [(f.value, f.total) for f in doc.figures if f.total] == [(97, 97)]
