"""The five Inspectorate forms units upload but Danvan does not compute from its own book:
02/XLD (đơn khiếu nại), 03/XLD (đơn tố cáo), 04/XLD (đơn kiến nghị, phản ánh), 02/KQGQ
(thi hành quyết định giải quyết khiếu nại) and 04/KQGQ (thực hiện kết luận nội dung tố cáo).

Column order and formula rows follow one vendor's implementation of TT 02/2021/TT-TTCP
(Gosol KNTC, the Bà Rịa–Vũng Tàu build; registers-domain §4.2 [K7]): the XLD forms' formula
rows are the vendor's "MS" row; the parent = children sums and the "trong đó" ≤ whole checks
are read from its header tree. None of it has been checked against the circular's own text,
so every form here is unconfirmed (`confirmed=False`) and says so on the page and template.
The "Ghi chú" column of the forms is not kept.
"""

from __future__ import annotations

from .formspec import Form, FormColumn

_SOURCE = (
    "Chưa xác minh: thứ tự cột{formulas} lấy theo phần mềm thống kê của một nhà cung cấp "
    "(Gosol KNTC), chưa đối chiếu với văn bản Thông tư 02/2021/TT-TTCP. {checks}"
)


def _note(formulas: bool, checks: str) -> str:
    return _SOURCE.format(formulas=" và dòng công thức" if formulas else "", checks=checks)


def _columns(*specs: tuple) -> tuple[FormColumn, ...]:
    """Columns numbered from 1 in order; a spec is (key, label) or (key, label, whole)."""
    return tuple(FormColumn(n, *spec) for n, spec in enumerate(specs, start=1))


def _intake(with_other: bool) -> list[tuple[str, str]]:
    """Kỳ trước chuyển sang / tiếp nhận trong kỳ, split by who signed the petition."""
    kinds = [("nhieu", "đơn có nhiều người đứng tên"), ("mot", "đơn một người đứng tên")]
    if with_other:
        kinds.append(("khac", "đơn khác"))
    return [
        (f"{prefix}_{key}", f"{title}: {label}")
        for prefix, title in (
            ("ky_truoc", "Kỳ trước chuyển sang"),
            ("trong_ky", "Tiếp nhận trong kỳ"),
        )
        for key, label in kinds
    ]


_PROCESSED = [
    ("da_xu_ly", "Đã xử lý: tổng số"),
    ("da_xu_ly_ky_truoc", "Đã xử lý: đơn kỳ trước chuyển sang"),
    ("da_xu_ly_trong_ky", "Đã xử lý: đơn tiếp nhận trong kỳ"),
    ("du_dk_don", "Đủ điều kiện xử lý: số đơn"),
    ("du_dk_vv", "Đủ điều kiện xử lý: số vụ việc"),
]
_ROUTED = [
    ("huong_dan", "Không thuộc thẩm quyền: hướng dẫn"),
    ("chuyen_don", "Không thuộc thẩm quyền: chuyển đơn"),
    ("don_doc", "Không thuộc thẩm quyền: đôn đốc giải quyết"),
]
_REPLY = ("phuc_dap", "Số văn bản phúc đáp nhận được do chuyển đơn")

XLD02 = Form(
    "02/XLD",
    "Tổng hợp kết quả xử lý đơn khiếu nại",
    _columns(
        ("tong", "Tổng số đơn"),
        *_intake(with_other=False),  # 2–5
        *_PROCESSED,  # 6–10
        ("hc", "Lĩnh vực hành chính: tổng"),
        ("hc_chinh_sach", "Lĩnh vực hành chính: chế độ, chính sách"),
        ("hc_dat_dai", "Lĩnh vực hành chính: đất đai, nhà cửa"),
        ("hc_khac", "Lĩnh vực hành chính: khác"),
        ("tu_phap", "Lĩnh vực tư pháp"),
        ("dang_doan_the", "Lĩnh vực Đảng, đoàn thể"),
        ("linh_vuc_khac", "Lĩnh vực khác"),
        ("da_gq_lan_dau", "Tình trạng: đã giải quyết lần đầu"),
        ("da_gq_lan_2", "Tình trạng: đã giải quyết lần 2"),
        ("ban_an", "Tình trạng: đã có bản án của tòa"),
        ("dang_gq", "Tình trạng: đang giải quyết"),
        ("chua_gq", "Tình trạng: chưa giải quyết"),
        ("tq", "Thuộc thẩm quyền: tổng"),
        ("tq_lan_dau", "Thuộc thẩm quyền: lần đầu"),
        ("tq_lan_2", "Thuộc thẩm quyền: lần 2"),
        ("ktq", "Không thuộc thẩm quyền: tổng"),
        *_ROUTED,  # 27–29
        _REPLY,  # 30
    ),
    (
        (1, (2, 3, 4, 5)),
        (6, (7, 8)),
        (10, (11, 15, 16, 17)),
        (10, (18, 19, 20, 21, 22)),
        (10, (23, 26)),
        (23, (24, 25)),
        (26, (27, 28, 29)),
    ),
    note=_note(True, "Kiểm tra (11) = (12) + (13) + (14) và (6) ≤ (1) là Danvan suy ra."),
    sums=((11, (12, 13, 14)),),
    parts=((1, 6),),
    confirmed=False,
)

XLD03 = Form(
    "03/XLD",
    "Tổng hợp kết quả xử lý đơn tố cáo",
    _columns(
        ("tong", "Tổng số đơn"),
        *_intake(with_other=True),  # 2–7
        *_PROCESSED,  # 8–12
        ("hc", "Lĩnh vực hành chính: tổng"),
        ("hc_chinh_sach", "Lĩnh vực hành chính: chế độ, chính sách"),
        ("hc_dat_dai", "Lĩnh vực hành chính: đất đai, nhà cửa"),
        ("hc_cong_vu", "Lĩnh vực hành chính: công chức, công vụ"),
        ("hc_khac", "Lĩnh vực hành chính: khác"),
        ("tham_nhung", "Tham nhũng"),
        ("tu_phap", "Lĩnh vực tư pháp"),
        ("dang_doan_the", "Lĩnh vực Đảng, đoàn thể"),
        ("linh_vuc_khac", "Lĩnh vực khác"),
        ("chua_gq_trong_han", "Tình trạng: chưa giải quyết, trong hạn"),
        ("dang_gq", "Tình trạng: đang giải quyết"),
        ("tiep_qua_han", "Tố cáo tiếp: quá thời hạn chưa giải quyết"),
        ("tiep_da_ket_luan", "Tố cáo tiếp: đã có kết luận giải quyết"),
        ("tq", "Thuộc thẩm quyền: tổng"),
        ("tq_lan_dau", "Thuộc thẩm quyền: tố cáo lần đầu"),
        ("tq_tiep", "Thuộc thẩm quyền: tố cáo tiếp"),
        ("ktq", "Không thuộc thẩm quyền: tổng"),
        *_ROUTED,  # 30–32
        _REPLY,  # 33
    ),
    (
        (1, (2, 3, 4, 5, 6, 7)),
        (12, (13, 18, 19, 20, 21)),
        (12, (22, 23, 24, 25)),
        (12, (26, 29)),
        (26, (27, 28)),
        (29, (30, 31, 32)),
    ),
    note=_note(
        True, "Kiểm tra (8) = (9) + (10), (13) = (14) + … + (17) và (8) ≤ (1) là Danvan suy ra."
    ),
    sums=((8, (9, 10)), (13, (14, 15, 16, 17))),
    parts=((1, 8),),
    confirmed=False,
)

XLD04 = Form(
    "04/XLD",
    "Tổng hợp kết quả xử lý đơn kiến nghị, phản ánh",
    _columns(
        ("tong", "Tổng số đơn"),
        *_intake(with_other=True),  # 2–7
        *_PROCESSED,  # 8–12
        ("chinh_sach", "Nội dung: chế độ, chính sách"),
        ("dat_dai", "Nội dung: đất đai"),
        ("tu_phap", "Nội dung: tư pháp"),
        ("khac", "Nội dung: khác"),
        ("da_gq", "Tình trạng: đã được giải quyết"),
        ("dang_gq", "Tình trạng: đang giải quyết"),
        ("chua_gq", "Tình trạng: chưa được giải quyết"),
        ("tq", "Thuộc thẩm quyền"),
        ("ktq", "Không thuộc thẩm quyền: tổng"),
        *_ROUTED[1:],  # 22–23: chuyển đơn, đôn đốc (no hướng dẫn on this form)
        _REPLY,  # 24
    ),
    (
        (1, (2, 3, 4, 5, 6, 7)),
        (8, (9, 10)),
        (12, (13, 14, 15, 16)),
        (12, (17, 18, 19)),
        (12, (20, 21)),
        (21, (22, 23)),
    ),
    note=_note(True, "Kiểm tra (8) ≤ (1) là Danvan suy ra."),
    parts=((1, 8),),
    confirmed=False,
)

_MONEY, _LAND = "tiền (triệu đồng)", "đất (m²)"


def _amounts(prefix: str, title: str) -> list[tuple[str, str, bool]]:
    return [
        (f"{prefix}_tien", f"{title}, {_MONEY}", False),
        (f"{prefix}_dat", f"{title}, {_LAND}", False),
    ]


KQGQ02 = Form(
    "02/KQGQ",
    "Tổng hợp kết quả thi hành quyết định giải quyết khiếu nại",
    _columns(
        ("qd_phai_thuc_hien", "Tổng số quyết định phải thực hiện trong kỳ"),
        ("qd_da_xong", "Số quyết định đã thực hiện xong"),
        *_amounts("phai_thu", "Thu hồi cho Nhà nước: phải thu"),  # 3–4
        *_amounts("da_thu", "Thu hồi cho Nhà nước: đã thu"),  # 5–6
        *_amounts("phai_tra_to_chuc", "Trả lại: phải trả cho tổ chức"),  # 7–8
        *_amounts("phai_tra_ca_nhan", "Trả lại: phải trả cho cá nhân"),  # 9–10
        *_amounts("da_tra_to_chuc", "Trả lại: đã trả cho tổ chức"),  # 11–12
        *_amounts("da_tra_ca_nhan", "Trả lại: đã trả cho cá nhân"),  # 13–14
        ("xlhc_nguoi", "Đã xử lý hành chính: tổng số người bị xử lý"),
        ("xlhc_cbccvc", "Đã xử lý hành chính: trong đó cán bộ, công chức, viên chức"),
        ("khoi_to_vu", "Đã khởi tố: số vụ"),
        ("khoi_to_nguoi", "Đã khởi tố: số người"),
        ("khoi_to_cbccvc", "Đã khởi tố: trong đó cán bộ, công chức, viên chức"),
    ),
    (),
    note=_note(
        False,
        "Biểu không có dòng công thức; Danvan chỉ kiểm tra số đã thực hiện xong và các cột "
        "“trong đó” không lớn hơn cột tổng của chúng.",
    ),
    parts=((1, 2), (15, 16), (18, 19)),
    confirmed=False,
)

KQGQ04 = Form(
    "04/KQGQ",
    "Tổng hợp kết quả thực hiện kết luận nội dung tố cáo",
    _columns(
        ("kl_phai_thuc_hien", "Tổng số kết luận phải thực hiện"),
        ("kl_da_xong", "Số kết luận đã thực hiện xong"),
        *_amounts("phai_thu", "Thu hồi cho Nhà nước: phải thu"),  # 3–4
        *_amounts("da_thu", "Thu hồi cho Nhà nước: đã thu"),  # 5–6
        ("phai_tra_so_to_chuc", "Trả lại: số tổ chức phải được trả lại quyền lợi"),
        ("phai_tra_so_ca_nhan", "Trả lại: số cá nhân phải được trả lại quyền lợi"),
        *_amounts("phai_tra_to_chuc", "Trả lại: phải trả cho tổ chức"),  # 9–10
        *_amounts("phai_tra_ca_nhan", "Trả lại: phải trả cho cá nhân"),  # 11–12
        ("da_tra_so_to_chuc", "Trả lại: số tổ chức đã được trả lại quyền lợi"),
        ("da_tra_so_ca_nhan", "Trả lại: số cá nhân đã được trả lại quyền lợi"),
        *_amounts("da_tra_to_chuc", "Trả lại: đã trả cho tổ chức"),  # 15–16
        *_amounts("da_tra_ca_nhan", "Trả lại: đã trả cho cá nhân"),  # 17–18
        ("xlhc_to_chuc", "Đã xử lý hành chính: số tổ chức bị xử lý"),
        ("xlhc_ca_nhan", "Đã xử lý hành chính: số cá nhân bị xử lý"),
        ("xlhc_cbccvc", "Đã xử lý hành chính: trong đó cán bộ, công chức, viên chức"),
        ("khoi_to_vu", "Đã khởi tố: số vụ"),
        ("khoi_to_doi_tuong", "Đã khởi tố: số đối tượng"),
        ("khoi_to_cbccvc", "Đã khởi tố: trong đó cán bộ, công chức, viên chức"),
    ),
    (),
    note=_note(
        False,
        "Biểu không có dòng công thức; Danvan chỉ kiểm tra số đã thực hiện xong và các cột "
        "“trong đó” không lớn hơn cột tổng của chúng.",
    ),
    parts=((1, 2), (20, 21), (23, 24)),
    confirmed=False,
)

UPLOADED_ONLY = (XLD02, XLD03, XLD04, KQGQ02, KQGQ04)
