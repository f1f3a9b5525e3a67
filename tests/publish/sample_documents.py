"""Parsed-document dicts written by hand for the layout tests, modelled on the samples:
the Đà Nẵng Ban Dân vận Thành ủy report of 2022 (a Party report with footnotes, K/T Trưởng ban,
Mai Thị Thu) and UBND tỉnh Lâm Đồng's Báo cáo 329/BC-UBND of 19/12/2025 (a State report).
Each call returns a fresh dict so a test can change it freely."""

from __future__ import annotations


def danang_report(date: str | None = "2022-07-05") -> dict:
    return {
        "schema": "danvan.parsed-document/1",
        "form": "party",
        "header": {
            "parent_issuer": "THÀNH ỦY ĐÀ NẴNG",
            "issuer": "BAN DÂN VẬN",
            "number": "138",
            "symbol": "138-BC/BDVTU",
            "type_code": "BC",
            "place": "Đà Nẵng",
            "date": date,
            "type_name": "BÁO CÁO",
            "title": "kết quả triển khai, thực hiện Chương trình phối hợp công tác dân vận "
            "6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2022",
            "addressees": [],
        },
        "preamble": [
            {
                "text": "Thực hiện các Chương trình phối hợp công tác dân vận giữa Ban Dân vận "
                "Thành ủy với Ủy ban nhân dân, Bộ Chỉ huy Quân sự, Công an thành phố, Ban Dân "
                "vận Thành ủy báo cáo kết quả như sau:",
                "footnotes": [],
            }
        ],
        "outline": [
            {
                "label": "I",
                "title": "CÔNG TÁC PHỐI HỢP TRIỂN KHAI",
                "level": 1,
                "paragraphs": [
                    {
                        "text": "Trên cơ sở các Chương trình phối hợp của Trung ương, Ban Dân vận "
                        "Thành ủy đã phối hợp với Ủy ban nhân dân tiếp tục hoàn chỉnh các nội "
                        "dung chương trình phối hợp.",
                        "footnotes": [1, 2],
                    }
                ],
                "children": [],
            },
            {
                "label": "II",
                "title": "KẾT QUẢ TRIỂN KHAI THỰC HIỆN",
                "level": 1,
                "paragraphs": [],
                "children": [
                    {
                        "label": "1",
                        "title": "Kết quả thực hiện Chương trình phối hợp với Ủy ban Nhân dân thành phố",
                        "level": 2,
                        "paragraphs": [
                            {
                                "text": "Trong 6 tháng đầu năm 2022, các cơ quan hành chính Nhà nước "
                                "đã tiếp 1.868 lượt/1.817 người. Chỉ số hài lòng: 99%.",
                                "footnotes": [3],
                            }
                        ],
                        "children": [],
                    }
                ],
            },
        ],
        "tables": [],
        "footnotes": [
            {
                "id": 1,
                "text": "Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP ngày 15/12/2021 giữa Ban "
                "Dân vận Trung ương và Ban cán sự Đảng Chính phủ.",
            },
            {"id": 2, "text": "Kế hoạch số 59-KH/TU ngày 13/4/2022 của Thường trực Thành ủy."},
            {"id": 3, "text": "100% cơ quan chuyên môn thuộc UBND thành phố, 100% quận, huyện."},
        ],
        "closing": {
            "recipients": [
                "Ban Dân vận Trung ương (b/c)",
                "Thường trực Thành ủy (b/c),",
                "Ban Dân vận các quận, huyện ủy,",
                "Lưu VT, P.DVNN-DT-TG.",
            ],
            "signature": {
                "authority": ["K/T TRƯỞNG BAN"],
                "title": "PHÓ TRƯỞNG BAN",
                "name": "Mai Thị Thu",
            },
        },
    }


def lam_dong_report() -> dict:
    return {
        "schema": "danvan.parsed-document/1",
        "form": "state",
        "header": {
            "parent_issuer": None,
            "issuer": "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
            "number": "329",
            "symbol": "329/BC-UBND",
            "type_code": "BC",
            "place": "Lâm Đồng",
            "date": "2025-12-19",
            "type_name": "BÁO CÁO",
            "title": "Kết quả thực hiện công tác cải cách hành chính năm 2025",
            "addressees": [],
        },
        "preamble": [
            {
                "text": "Thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban "
                "nhân dân tỉnh, Ủy ban nhân dân tỉnh báo cáo kết quả như sau:",
                "footnotes": [1],
            }
        ],
        "outline": [
            {
                "label": "I",
                "title": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                "level": 1,
                "paragraphs": [
                    {
                        "text": "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm "
                        "2025 và tổ chức triển khai đến các sở, ngành, địa phương.",
                        "footnotes": [2],
                    }
                ],
                "children": [],
            }
        ],
        "tables": [
            {
                "rows": [["Chỉ tiêu", "Kết quả"], ["Hồ sơ trực tuyến toàn trình", "99%"]],
                "after_paragraph": "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm "
                "2025 và tổ chức triển khai đến các sở, ngành, địa phương.",
            }
        ],
        "footnotes": [
            {"id": 1, "text": "Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh."},
            {"id": 2, "text": "Quyết định số 787/QĐ-UBND ngày 21/8/2025."},
        ],
        "closing": {
            "recipients": ["Văn phòng Chính phủ", "Bộ Nội vụ", "Lưu: VT, NC"],
            "signature": {
                "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                "title": "PHÓ CHỦ TỊCH",
                "name": "Nguyễn Văn A",
            },
        },
    }
