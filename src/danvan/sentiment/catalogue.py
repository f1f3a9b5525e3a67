"""The seed catalogues (topics, social groups) and the catalogue indicators this register
computes. The data migration 0002 writes them; the administrator extends topics and groups."""

# The report's outline (HD 03-HD/BTGDVTU style): key, title.
SECTIONS = [
    ("tu-tuong", "Tư tưởng, tâm trạng"),
    ("doi-song", "Đời sống"),
    ("buc-xuc", "Vấn đề bức xúc"),
    ("du-luan", "Dư luận về chủ trương, sự kiện"),
    ("dan-toc-ton-giao", "Dân tộc, tôn giáo"),
    ("diem-nong", "Điểm nóng"),
    ("kien-nghi", "Kiến nghị, đề xuất"),
]

# code, name, report section
TOPICS = [
    ("dat-dai", "Đất đai – giải phóng mặt bằng – tái định cư", "buc-xuc"),
    ("chinh-sach", "Chế độ chính sách – an sinh xã hội", "doi-song"),
    ("gia-ca", "Giá cả – việc làm – thu nhập", "doi-song"),
    ("moi-truong", "Môi trường", "buc-xuc"),
    ("y-te-giao-duc", "Y tế – giáo dục", "doi-song"),
    ("an-toan-thuc-pham", "An toàn thực phẩm – dịch bệnh", "doi-song"),
    ("chinh-quyen", "Vận hành chính quyền hai cấp – thủ tục hành chính", "du-luan"),
    ("tham-nhung", "Tham nhũng – tiêu cực", "buc-xuc"),
    ("dan-toc", "Dân tộc", "dan-toc-ton-giao"),
    ("ton-giao", "Tôn giáo", "dan-toc-ton-giao"),
    ("an-ninh", "An ninh trật tự", "buc-xuc"),
    ("giao-thong", "Giao thông – trạm thu phí", "buc-xuc"),
    ("xau-doc", "Thông tin xấu độc – hoạt động chống phá trên không gian mạng", "tu-tuong"),
    ("kinh-te-xa-hoi", "Phát triển kinh tế – xã hội", "tu-tuong"),
    ("su-kien", "Sự kiện chính trị", "du-luan"),
    ("doi-ngoai", "Đối ngoại", "du-luan"),
]

GROUPS = [
    ("cbdv-nld", "Cán bộ, đảng viên, công chức, viên chức, người lao động (CBĐV-NLĐ)"),
    ("nong-dan", "Nông dân"),
    ("cong-nhan", "Công nhân"),
    ("tri-thuc", "Trí thức"),
    ("doanh-nhan", "Doanh nhân"),
    ("thanh-nien", "Thanh niên"),
    ("phu-nu", "Phụ nữ"),
    ("cuu-chien-binh", "Cựu chiến binh"),
    ("dttss", "Đồng bào dân tộc thiểu số"),
    ("ton-giao", "Tín đồ, chức sắc tôn giáo"),
    ("nguoi-co-uy-tin", "Người có uy tín"),
    ("nguoi-viet-nuoc-ngoai", "Người Việt Nam ở nước ngoài"),
]

DIRECTIONS = [
    ("tan_thanh", "Tán thành"),
    ("phan_doi", "Phản đối"),
    ("ban_khoan", "Băn khoăn"),
    ("chua_ro", "Chưa rõ"),
]
LEVELS = [("theo_doi", "Theo dõi"), ("nguy_co", "Nguy cơ"), ("diem_nong", "Điểm nóng")]

CATEGORIES = {
    "tt-chu-de": ("Chủ đề dư luận", [(code, name) for code, name, _ in TOPICS]),
    "tt-khuynh-huong": ("Khuynh hướng dư luận", DIRECTIONS),
    "tt-muc-do": ("Mức độ vụ việc", LEVELS),
}

GROUP = "Tình hình Nhân dân và dư luận xã hội"

# code, name, unit of measure, category
INDICATORS = [
    ("tt_y_kien_chu_de", "Ý kiến, dư luận ghi nhận (theo chủ đề)", "ý kiến", "tt-chu-de"),
    (
        "tt_y_kien_khuynh_huong",
        "Ý kiến, dư luận ghi nhận (theo khuynh hướng)",
        "ý kiến",
        "tt-khuynh-huong",
    ),
    ("tt_hoi_nghi_ctv", "Hội nghị cộng tác viên dư luận xã hội đã tổ chức", "hội nghị", None),
    ("tt_ctv_hoat_dong", "Cộng tác viên dư luận xã hội đang hoạt động", "người", None),
    ("tt_vu_viec_dang_mo", "Vụ việc, điểm nóng đang theo dõi cuối kỳ", "vụ việc", "tt-muc-do"),
    ("tt_vu_viec_moi", "Vụ việc, điểm nóng mới phát sinh", "vụ việc", "tt-muc-do"),
    ("tt_vu_viec_giai_quyet", "Vụ việc, điểm nóng đã giải quyết", "vụ việc", "tt-muc-do"),
    ("tt_vu_viec_tai_phat", "Vụ việc, điểm nóng tái phát", "vụ việc", "tt-muc-do"),
]
