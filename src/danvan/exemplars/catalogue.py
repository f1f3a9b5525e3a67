"""The catalogue indicators this register computes (created by migration 0002), and the
seed criteria set. Codes start with "dvk_"; each category option is one cell of a split, so
the options of one indicator add up to its total and nothing else is ever added."""

from __future__ import annotations

GROUP = "Dân vận khéo"

# category code -> (name, [(option code, option name)])
CATEGORIES = {
    "dvk_loai_chu_the": (
        "Mô hình / điển hình × tập thể / cá nhân",
        [
            ("mo-hinh-tap-the", "Mô hình tập thể"),
            ("mo-hinh-ca-nhan", "Mô hình cá nhân"),
            ("dien-hinh-tap-the", "Điển hình tập thể"),
            ("dien-hinh-ca-nhan", "Điển hình cá nhân"),
        ],
    ),
    "dvk_linh_vuc": (
        "Lĩnh vực Dân vận khéo",
        [
            ("kinh-te", "Kinh tế"),
            ("van-hoa-xa-hoi", "Văn hóa – xã hội"),
            ("quoc-phong-an-ninh", "Quốc phòng – an ninh"),
            ("xay-dung-htct", "Xây dựng hệ thống chính trị"),
        ],
    ),
    "dvk_cap": (
        "Cấp công nhận",
        [
            ("xa", "Cấp xã"),
            ("huyen", "Cấp huyện (trước 7/2025)"),
            ("tinh", "Cấp tỉnh"),
            ("trung-uong", "Trung ương"),
        ],
    ),
    "dvk_hinh_thuc": (
        "Hình thức khen thưởng",
        [
            ("bieu-duong", "Biểu dương"),
            ("giay-khen", "Giấy khen"),
            ("bang-khen", "Bằng khen"),
        ],
    ),
}

# code, name, unit of measure, value type, aggregation, category
INDICATORS = [
    (
        "dvk_dang_ky_moi",
        "Mô hình, điển hình “Dân vận khéo” đăng ký mới trong kỳ",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_loai_chu_the",
    ),
    (
        "dvk_duy_tri",
        "Mô hình, điển hình “Dân vận khéo” đang duy trì cuối kỳ",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_loai_chu_the",
    ),
    (
        "dvk_duy_tri_linh_vuc",
        "Mô hình, điển hình đang duy trì cuối kỳ, theo lĩnh vực",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_linh_vuc",
    ),
    (
        "dvk_hieu_qua",
        "Mô hình, điển hình được đánh giá hiệu quả (còn hiệu lực cuối kỳ)",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_loai_chu_the",
    ),
    (
        "dvk_cong_nhan",
        "Mô hình, điển hình được công nhận trong kỳ, theo cấp",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_cap",
    ),
    (
        "dvk_tieu_bieu",
        "Mô hình, điển hình được chọn tiêu biểu trong kỳ",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_loai_chu_the",
    ),
    (
        "dvk_khen_thuong",
        "Lượt khen thưởng mô hình, điển hình trong kỳ, theo hình thức",
        "lượt",
        "integer",
        "sum",
        "dvk_hinh_thuc",
    ),
    (
        "dvk_tccs_co_mo_hinh",
        "Tổ chức cơ sở đảng duy trì xây dựng mô hình “Dân vận khéo” (cuối kỳ)",
        "tổ chức",
        "integer",
        "sum",
        None,
    ),
    (
        "dvk_tccs_tong_so",
        "Tổng số tổ chức cơ sở đảng (cuối kỳ, theo cây đơn vị)",
        "tổ chức",
        "integer",
        "sum",
        None,
    ),
    (
        "dvk_ty_le_danh_gia",
        "Tỷ lệ mô hình, điển hình đang duy trì được đánh giá trong 12 tháng tính đến cuối kỳ",
        "%",
        "decimal",
        "average",
        None,
    ),
    (
        "dvk_luy_ke_dang_ky",
        "Lũy kế mô hình, điển hình đã đăng ký từ khi có sổ đến cuối kỳ",
        "mô hình, điển hình",
        "integer",
        "sum",
        "dvk_loai_chu_the",
    ),
    (
        "dvk_dau_ra_tien",
        "Kết quả đầu ra của mô hình: tiền huy động",
        "đồng",
        "decimal",
        "sum",
        None,
    ),
    (
        "dvk_dau_ra_ngay_cong",
        "Kết quả đầu ra của mô hình: ngày công",
        "ngày công",
        "decimal",
        "sum",
        None,
    ),
    ("dvk_dau_ra_dat_hien", "Kết quả đầu ra của mô hình: đất hiến", "m²", "decimal", "sum", None),
    (
        "dvk_dau_ra_duong",
        "Kết quả đầu ra của mô hình: đường giao thông",
        "km",
        "decimal",
        "sum",
        None,
    ),
    (
        "dvk_dau_ra_ho_thoat_ngheo",
        "Kết quả đầu ra của mô hình: hộ thoát nghèo",
        "hộ",
        "decimal",
        "sum",
        None,
    ),
    (
        "dvk_dau_ra_nguoi_tham_gia",
        "Kết quả đầu ra của mô hình: người tham gia",
        "người",
        "decimal",
        "sum",
        None,
    ),
]

# The general criteria (vietnam-domain.md §3, after Hướng dẫn 151-HD/BDVTW of 27/4/2009 as the
# Cần Thơ report cites it), with Thanh Khê's "tiêu chí đánh giá và sản phẩm đầu ra rõ ràng".
GENERAL_CRITERIA = [
    "Có tên, địa chỉ cụ thể",
    "Gắn với sự lãnh đạo của cấp ủy",
    "Huy động được nhiều lực lượng cùng tham gia",
    "Giải quyết được vấn đề thực tế ở cơ sở",
    "Được Nhân dân đồng tình, ủng hộ",
    "Bền vững, có khả năng lan tỏa, nhân rộng",
    "Có tiêu chí đánh giá và sản phẩm đầu ra rõ ràng",
]
GENERAL_SOURCE = (
    "Tiêu chí cơ bản theo Hướng dẫn 151-HD/BDVTW ngày 27/4/2009 (bản gốc chưa đối chiếu; "
    "theo trích dẫn trong báo cáo của các tỉnh) và phường Thanh Khê 2026"
)
