"""What each of the Đà Nẵng board's four partner agencies reported for the first half of 2022:
its part of the figures and text of `danang-bdvtu-phoi-hop-6t-2022.txt`, so the board's
consolidation gives back the sample's totals."""

DA_NANG_PARTS = {
    "DN-UBND": {
        "submitted": "2022-06-10",
        "accepted": True,
        "sections": {
            "ket-qua": (
                "Ủy ban nhân dân thành phố ban hành Chỉ thị số 02/CT-UBND ngày 12/01/2022 về tiếp tục tăng "
                "cường, đổi mới công tác dân vận của các cơ quan hành chính nhà nước, chính quyền các cấp trong "
                "tình hình mới. Tổng số dịch vụ công trực tuyến mức độ 3, 4: 1.736; trong đó mức độ 4: 1.704. "
                "Chỉ số hài lòng của người dân về dịch vụ hành chính công: 99%.\n\n"
                "Trong 6 tháng đầu năm 2022, các cơ quan hành chính Nhà nước trên địa bàn thành phố đã tiếp "
                "1.868 lượt/1.817 người, trong đó lãnh đạo các cấp, các ngành đã tiếp dân định kỳ và đột xuất "
                "347 lượt/359 người. Tiếp nhận 2.403 đơn, đã thụ lý giải quyết 43 đơn (31 đơn khiếu nại, 12 đơn "
                "tố cáo) thuộc thẩm quyền; 187 đơn khiếu nại, tố cáo còn lại đã lưu, không thụ lý giải quyết "
                "hoặc chuyển cơ quan có thẩm quyền.\n\n"
                "Hỗ trợ Tết Nguyên đán Nhâm Dần năm 2022 cho 51.919 đối tượng và hộ nghèo, cận nghèo, bảo trợ "
                "xã hội với tổng kinh phí hơn 26 tỷ đồng."
            ),
            "han-che": "Việc giải quyết một số vụ việc khiếu nại đông người, phức tạp, kéo dài còn chậm.",
        },
        "values": {
            "tiep-cong-dan-luot": "1.868",
            "tiep-cong-dan-nguoi": "1.817",
            "lanh-dao-tiep-luot": "347",
            "lanh-dao-tiep-nguoi": "359",
            "don-tiep-nhan": "2.403",
            "don-tiep-nhan:khieu-nai": "123",
            "don-tiep-nhan:to-cao": "107",
            "don-tiep-nhan:kien-nghi": "2.173",
            "don-thuoc-tham-quyen": "43",
            "don-thuoc-tham-quyen:khieu-nai": "31",
            "don-thuoc-tham-quyen:to-cao": "12",
            "don-khong-thu-ly": "187",
            "khieu-nai-da-giai-quyet": "20",
            "khieu-nai-da-giai-quyet:dung": "3",
            "khieu-nai-da-giai-quyet:sai": "6",
            "khieu-nai-da-giai-quyet:dung-mot-phan": "2",
            "khieu-nai-da-giai-quyet:rut-don": "9",
            "to-cao-da-giai-quyet": "9",
            "to-cao-da-giai-quyet:sai": "4",
            "to-cao-da-giai-quyet:co-dung-co-sai": "2",
            "to-cao-da-giai-quyet:rut-don": "3",
            "dvc-muc-3-4": "1.736",
            "dvc-muc-4": "1.704",
            "chi-so-hai-long": "99",
            "ho-tro-tet-doi-tuong": "51.919",
            "ho-tro-tet-kinh-phi": "26000000000",
        },
    },
    "DN-BCHQS": {
        "submitted": "2022-06-14",
        "sections": {
            "ket-qua": (
                "Lãnh đạo, chỉ đạo diễn tập khu vực phòng thủ đối với 03 quận (Hải Châu, Ngũ Hành Sơn, Cẩm Lệ), "
                "hoàn thành 100% chỉ tiêu công tác tuyển chọn, gọi công dân nhập ngũ (giao quân 1.275/1275 "
                "thanh niên). Tổ chức 26 lượt đối thoại dân chủ với cán bộ, chiến sĩ. Duy trì có hiệu quả "
                "\u201cHũ gạo vì người nghèo\u201d tại bếp ăn các đơn vị với 6.205 kg gạo. Phát 22 chuyên mục "
                "truyền hình, 28 phóng sự, ghi nhanh và 161 tin bài."
            ),
        },
        "values": {
            "tuyen-quan-chi-tieu": "1.275",
            "tuyen-quan-dat": "1.275",
            "doi-thoai-dan-chu": "26",
            "hu-gao-tiet-kiem": "6.205",
            "tin-bai": "161",
        },
    },
    "DN-CATP": {
        "submitted": "2022-06-13",
        "accepted": True,
        "sections": {
            "ket-qua": (
                "Công an thành phố ban hành Quyết định số 81-QĐ/ĐUCA ngày 29/4/2022 về Quy chế dân vận của lực "
                "lượng công an thành phố Đà Nẵng, Kế hoạch số 87/KH-CATP-PXDPT ngày 15/3/2022 về việc thực hiện "
                "công tác dân vận. Tham gia các hoạt động đền ơn đáp nghĩa, từ thiện, nhân đạo với số tiền hơn "
                "1,821 tỷ đồng. Đăng tải 8.692 tin, bài trên các Trang thông tin điện tử; tiếp nhận, xử lý 4.433 "
                "thông tin đường dây nóng 113 và 67 thư tố giác tội phạm."
            ),
        },
        "values": {
            "tu-thien-so-tien": "1821000000",
            "tin-bai": "8.692",
            "duong-day-nong": "4.433",
            "thu-to-giac": "67",
        },
    },
    "DN-BDBP": {
        "submitted": "2022-06-20",
        "sections": {
            "ket-qua": (
                "Tổ chức ký kết Chương trình phối hợp giữa BCH Bộ đội biên phòng thành phố với các Hội đoàn thể "
                "thành phố giai đoạn 2021-2026. Tuyên truyền Luật Biên phòng Việt Nam, vận động ngư dân chống "
                "khai thác hải sản bất hợp pháp (IUU): tổ chức 115 buổi/12.745 lượt người tham gia. Phối hợp "
                "với các địa phương củng cố, xây dựng 141 tổ tàu thuyền đoàn kết an toàn."
            ),
        },
        "values": {
            "tuyen-truyen-buoi": "115",
            "tuyen-truyen-luot-nguoi": "12.745",
            "to-tau-thuyen": "141",
        },
    },
}
