"""The board's "danh mục mô hình, điển hình" as a Word annex ("Phụ lục") under the layout in
force on the day it is made (danvan.publish chooses the Party layout by date)."""

from __future__ import annotations

import datetime as dt

from danvan.publish.writer import render_docx_bytes

TITLE = "Danh mục mô hình, điển hình “Dân vận khéo”"
HEADER_ROW = (
    "TT",
    "Tên mô hình, điển hình",
    "Loại",
    "Lĩnh vực",
    "Đơn vị",
    "Ngày đăng ký",
    "Trạng thái",
)


def rows(entries) -> list[tuple[str, ...]]:
    body = [
        (
            str(index),
            entry.name,
            f"{entry.get_kind_display()} {entry.get_subject_display().lower()}",
            entry.get_field_display(),
            entry.owner_unit.name,
            entry.registered_on.strftime("%d/%m/%Y") if entry.registered_on else "",
            entry.get_status_display(),
        )
        for index, entry in enumerate(entries, start=1)
    ]
    return [HEADER_ROW, *body]


def render(*, unit, entries, day: dt.date) -> bytes:
    parsed = {
        "form": "party",
        "header": {
            "issuer": unit.name.upper(),
            "date": day.isoformat(),
            "type_name": "BÁO CÁO",
            "title": TITLE,
        },
        "preamble": [{"text": f"Danh mục gồm {len(entries)} mô hình, điển hình (xem Phụ lục)."}],
        "tables": [{"rows": [list(r) for r in rows(entries)], "annex": TITLE}],
    }
    return render_docx_bytes(parsed)
