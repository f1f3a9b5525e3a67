"""The seed catalogue: every indicator the two sample reports give a figure for, with the
phrases that introduce it in a written report and the rules between them."""

CATEGORIES = {
    "petition-kind": ("Loại đơn", [
        ("khieu-nai", "Khiếu nại"), ("to-cao", "Tố cáo"), ("kien-nghi", "Kiến nghị, phản ánh"),
    ]),
    "complaint-outcome": ("Kết quả giải quyết khiếu nại", [
        ("dung", "Khiếu nại đúng"), ("sai", "Khiếu nại sai"), ("dung-mot-phan", "Đúng một phần"),
        ("rut-don", "Rút đơn"),
    ]),
    "denunciation-outcome": ("Kết quả giải quyết tố cáo", [
        ("dung", "Tố cáo đúng"), ("sai", "Tố cáo sai"), ("co-dung-co-sai", "Có đúng có sai"),
        ("rut-don", "Rút đơn"),
    ]),
}

G_RECEPTION = "Tiếp công dân, đơn thư"
G_ADMIN = "Dân vận chính quyền, cải cách hành chính"
G_WELFARE = "An sinh xã hội"
G_ARMED = "Lực lượng vũ trang"
G_PROPAGANDA = "Tuyên truyền"
G_DVK = "Dân vận khéo"

# code, name, unit of measure, aggregation, category, group, cues
INDICATORS = [
    ("tiep-cong-dan-luot", "Tiếp công dân (lượt)", "lượt", "sum", None, G_RECEPTION,
     ["đã tiếp", "tiếp công dân", "tiếp dân", "lượt công dân"]),
    ("tiep-cong-dan-nguoi", "Tiếp công dân (người)", "người", "sum", None, G_RECEPTION,
     ["đã tiếp", "tiếp công dân", "tiếp dân", "lượt công dân"]),
    ("lanh-dao-tiep-luot", "Lãnh đạo tiếp dân định kỳ và đột xuất (lượt)", "lượt", "sum", None, G_RECEPTION,
     ["lãnh đạo", "tiếp dân định kỳ và đột xuất", "tiếp công dân định kỳ"]),
    ("lanh-dao-tiep-nguoi", "Lãnh đạo tiếp dân định kỳ và đột xuất (người)", "người", "sum", None, G_RECEPTION,
     ["lãnh đạo", "tiếp dân định kỳ và đột xuất", "tiếp công dân định kỳ"]),
    ("don-tiep-nhan", "Đơn thư tiếp nhận", "đơn", "sum", "petition-kind", G_RECEPTION,
     ["tiếp nhận", "nhận được", "tổng số đơn tiếp nhận", "đơn thư"]),
    ("don-thuoc-tham-quyen", "Đơn thuộc thẩm quyền đã thụ lý giải quyết", "đơn", "sum", "petition-kind", G_RECEPTION,
     ["đã thụ lý", "thuộc thẩm quyền", "thụ lý giải quyết"]),
    ("don-khong-thu-ly", "Đơn khiếu nại, tố cáo lưu, không thụ lý hoặc chuyển", "đơn", "sum", None, G_RECEPTION,
     ["không thụ lý", "còn lại đã lưu", "chuyển đơn", "không thuộc thẩm quyền"]),
    ("khieu-nai-da-giai-quyet", "Vụ khiếu nại đã giải quyết", "vụ", "sum", "complaint-outcome", G_RECEPTION,
     ["số vụ đã giải quyết", "đã giải quyết", "giải quyết xong"]),
    ("to-cao-da-giai-quyet", "Vụ tố cáo đã giải quyết", "vụ", "sum", "denunciation-outcome", G_RECEPTION,
     ["số vụ đã giải quyết", "đã giải quyết", "giải quyết xong"]),
    ("dvc-muc-3-4", "Dịch vụ công trực tuyến mức độ 3, 4", "dịch vụ", "sum", None, G_ADMIN,
     ["dịch vụ công trực tuyến mức độ 3, 4", "dịch vụ công trực tuyến mức độ 3 và 4"]),
    ("dvc-muc-4", "Dịch vụ công trực tuyến mức độ 4", "dịch vụ", "sum", None, G_ADMIN, ["mức độ 4", "toàn trình"]),
    ("chi-so-hai-long", "Chỉ số hài lòng của người dân về dịch vụ hành chính công", "%", "average", None, G_ADMIN,
     ["chỉ số hài lòng", "mức độ hài lòng", "sự hài lòng"]),
    ("ho-tro-tet-doi-tuong", "Đối tượng được hỗ trợ Tết", "đối tượng", "sum", None, G_WELFARE,
     ["trợ cấp tết", "hỗ trợ tết", "quà tết", "tết nguyên đán"]),
    ("ho-tro-tet-kinh-phi", "Kinh phí hỗ trợ Tết", "đồng", "sum", None, G_WELFARE,
     ["tổng kinh phí", "trợ cấp tết", "hỗ trợ tết", "quà tết"]),
    ("tu-thien-so-tien", "Tiền ủng hộ đền ơn đáp nghĩa, từ thiện, nhân đạo", "đồng", "sum", None, G_WELFARE,
     ["đền ơn đáp nghĩa, từ thiện, nhân đạo", "từ thiện, nhân đạo", "với số tiền"]),
    ("hu-gao-tiet-kiem", "Gạo tiết kiệm \u201cHũ gạo vì người nghèo\u201d", "kg", "sum", None, G_WELFARE, ["hũ gạo", "gạo tiết kiệm"]),
    ("tuyen-quan-chi-tieu", "Chỉ tiêu giao quân", "thanh niên", "sum", None, G_ARMED, ["giao quân", "chỉ tiêu", "tuyển quân"]),
    ("tuyen-quan-dat", "Thanh niên nhập ngũ", "thanh niên", "sum", None, G_ARMED, ["giao quân", "nhập ngũ", "tuyển quân"]),
    ("doi-thoai-dan-chu", "Đối thoại dân chủ", "lượt", "sum", None, G_ARMED, ["đối thoại", "đối thoại dân chủ"]),
    ("to-tau-thuyen", "Tổ tàu thuyền đoàn kết an toàn được củng cố, xây dựng", "tổ", "sum", None, G_ARMED,
     ["tổ tàu thuyền", "tàu thuyền đoàn kết"]),
    ("thu-to-giac", "Thư tố giác tội phạm tiếp nhận, xử lý", "thư", "sum", None, G_ARMED, ["tố giác tội phạm", "tin báo tội phạm"]),
    ("duong-day-nong", "Thông tin đường dây nóng tiếp nhận, xử lý", "thông tin", "sum", None, G_ARMED,
     ["đường dây nóng"]),
    ("tuyen-truyen-buoi", "Buổi tuyên truyền", "buổi", "sum", None, G_PROPAGANDA, ["tuyên truyền", "tổ chức tuyên truyền"]),
    ("tuyen-truyen-luot-nguoi", "Lượt người tham gia tuyên truyền", "lượt người", "sum", None, G_PROPAGANDA,
     ["lượt người tham gia", "lượt người"]),
    ("tin-bai", "Tin, bài tuyên truyền", "tin, bài", "sum", None, G_PROPAGANDA, ["tin, bài", "tin bài", "đăng tải"]),
    ("dvk-tccs-duy-tri-mo-hinh", "Tổ chức cơ sở đảng duy trì xây dựng mô hình \u201cDân vận khéo\u201d", "tổ chức",
     "sum", None, G_DVK, ["duy trì xây dựng mô hình", "dân vận khéo"]),
    ("tccs-dang-tong-so", "Tổng số tổ chức cơ sở đảng", "tổ chức", "sum", None, G_DVK, ["tổ chức cơ sở đảng"]),
]

# A count written with its total ("97/97 tổ chức cơ sở đảng", "giao quân 1.275/1275 thanh
# niên"): the count is the first indicator, the total the second (besides RULES' "<=" pairs).
TOTALS = [
    ("dvk-tccs-duy-tri-mo-hinh", "tccs-dang-tong-so"),
    ("tuyen-quan-dat", "tuyen-quan-chi-tieu"),
]

# code, left (indicator[:option]), operator, right, message
RULES = [
    ("lanh-dao-tiep-luot-le-tong", "lanh-dao-tiep-luot", "<=", "tiep-cong-dan-luot",
     "Số lượt lãnh đạo tiếp dân không được lớn hơn tổng số lượt tiếp công dân"),
    ("lanh-dao-tiep-nguoi-le-tong", "lanh-dao-tiep-nguoi", "<=", "tiep-cong-dan-nguoi",
     "Số người được lãnh đạo tiếp không được lớn hơn tổng số người được tiếp"),
    ("tham-quyen-le-tiep-nhan", "don-thuoc-tham-quyen", "<=", "don-tiep-nhan",
     "Số đơn thuộc thẩm quyền đã thụ lý không được lớn hơn số đơn tiếp nhận"),
    ("tham-quyen-kn-le-tiep-nhan-kn", "don-thuoc-tham-quyen:khieu-nai", "<=", "don-tiep-nhan:khieu-nai",
     "Số đơn khiếu nại đã thụ lý không được lớn hơn số đơn khiếu nại tiếp nhận"),
    ("tham-quyen-tc-le-tiep-nhan-tc", "don-thuoc-tham-quyen:to-cao", "<=", "don-tiep-nhan:to-cao",
     "Số đơn tố cáo đã thụ lý không được lớn hơn số đơn tố cáo tiếp nhận"),
    ("kn-giai-quyet-le-thu-ly", "khieu-nai-da-giai-quyet", "<=", "don-thuoc-tham-quyen:khieu-nai",
     "Số vụ khiếu nại đã giải quyết không được lớn hơn số đơn khiếu nại đã thụ lý"),
    ("tc-giai-quyet-le-thu-ly", "to-cao-da-giai-quyet", "<=", "don-thuoc-tham-quyen:to-cao",
     "Số vụ tố cáo đã giải quyết không được lớn hơn số đơn tố cáo đã thụ lý"),
    ("dvc-muc-4-le-muc-3-4", "dvc-muc-4", "<=", "dvc-muc-3-4",
     "Số dịch vụ công mức độ 4 không được lớn hơn tổng số dịch vụ mức độ 3, 4"),
    ("dvk-le-tong-tccs", "dvk-tccs-duy-tri-mo-hinh", "<=", "tccs-dang-tong-so",
     "Số tổ chức cơ sở đảng có mô hình \u201cDân vận khéo\u201d không được lớn hơn tổng số tổ chức cơ sở đảng"),
]
