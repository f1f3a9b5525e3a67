"""The register's list as a spreadsheet: "danh mục mô hình, điển hình" export, the template to
fill, and the checked import of an existing list (every row checked, nothing written when any
row is wrong), through danvan.registers.sheets."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.registers import sheets
from danvan.registers.sheets import CellError, Column, choice, date_cell, text
from danvan.vn.text import fold

from . import services
from .models import SUB_MOVEMENTS, TAGS, Channel, Field, Kind, Subject
from .permissions import REGISTER
from .rules import check_entry

TITLE = "Danh mục mô hình, điển hình"
_TAG_BY_FOLD = {fold(label): code for code, label in TAGS.items()} | {fold(c): c for c in TAGS}


def tag_list(raw: object) -> list[str]:
    value = text(500)(raw)
    tags = []
    for part in value.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        code = _TAG_BY_FOLD.get(fold(part))
        if code is None:
            raise CellError(
                f"nhãn “{part[:40]}” không có trong danh mục ({', '.join(TAGS.values())})."
            )
        tags.append(code)
    return tags


def _sub_movement(raw: object) -> str:
    value = text(100)(raw)
    if not value:
        return ""
    return choice({k: v for k, v in SUB_MOVEMENTS.items() if k})(value) or ""


LONG = 5000
COLUMNS = (
    Column(
        "owner_unit",
        "Mã đơn vị",
        text(40),
        help="Mã đơn vị trong cây đơn vị",
        example="CT-DUK-BAOCT",
    ),
    Column("kind", "Loại", choice(dict(Kind.choices)), example="Mô hình"),
    Column("subject", "Chủ thể", choice(dict(Subject.choices)), example="Tập thể"),
    Column(
        "channel",
        "Kênh đăng ký",
        choice(dict(Channel.choices)),
        example="Chi bộ, tổ chức cơ sở đảng",
    ),
    Column("field", "Lĩnh vực", choice(dict(Field.choices)), example="Văn hóa – xã hội"),
    Column(
        "tags",
        "Nhãn",
        tag_list,
        required=False,
        help="Các nhãn cách nhau bằng dấu phẩy",
        example="An sinh xã hội",
    ),
    Column(
        "sub_movement", "Phong trào", _sub_movement, required=False, help="Để trống: Dân vận khéo"
    ),
    Column("name", "Tên mô hình, điển hình", text(300), width=40),
    Column("situation", "Thực trạng, lý do", text(LONG), required=False),
    Column("goals", "Mục tiêu, tiêu chí", text(LONG), required=False),
    Column("content", "Nội dung, cách thức", text(LONG), required=False),
    Column("area", "Địa bàn, đối tượng", text(LONG), required=False),
    Column("forces_lead", "Lực lượng chủ trì", text(LONG), required=False),
    Column("forces_coordinating", "Lực lượng phối hợp", text(LONG), required=False),
    Column("forces_participating", "Lực lượng tham gia", text(LONG), required=False),
    Column("resources", "Nguồn lực", text(LONG), required=False),
    Column("start_date", "Ngày bắt đầu", date_cell, required=False),
    Column("milestones", "Các mốc thực hiện", text(LONG), required=False),
    Column("evaluation_date", "Thời điểm đánh giá", date_cell, required=False),
    Column("expected_outputs", "Sản phẩm đầu ra", text(LONG), required=False),
    Column("sustainability", "Khả năng duy trì, nhân rộng", text(LONG), required=False),
    Column("person_name", "Họ và tên (cá nhân)", text(120), required=False),
    Column("person_position", "Chức vụ (cá nhân)", text(200), required=False),
    Column(
        "registered_on",
        "Ngày đăng ký",
        date_cell,
        required=False,
        help="Để trống: ghi là dự kiến (bản nháp); có ngày: đã đăng ký, cần đủ 10 nội dung",
    ),
)
# The export adds what the import does not take (the import ignores unknown columns).
EXPORT_COLUMNS = (
    Column("id", "Số thứ tự trong sổ", text(20), required=False),
    *COLUMNS,
    Column("status", "Trạng thái hiện tại", text(40), required=False),
)
HEADER_OF = {c.key: c.header for c in COLUMNS}


def template() -> bytes:
    return sheets.template(COLUMNS, title=TITLE)


def export(entries) -> bytes:
    rows = []
    for entry in entries:
        row = {key: getattr(entry, key, None) for key in HEADER_OF}
        row.update(
            id=str(entry.pk),
            owner_unit=entry.owner_unit.code,
            tags=", ".join(TAGS.get(t, t) for t in entry.tags),
            sub_movement=SUB_MOVEMENTS.get(entry.sub_movement, "") if entry.sub_movement else "",
            status=entry.get_status_display(),
        )
        rows.append(row)
    labels = {"kind": dict(Kind.choices), "subject": dict(Subject.choices)}
    labels |= {"channel": dict(Channel.choices), "field": dict(Field.choices)}
    return sheets.write(EXPORT_COLUMNS, rows, title=TITLE, labels=labels)


def import_sheet(*, actor, data: bytes, today: dt.date) -> int:
    """Every row becomes an entry, or none does (sheets.SheetRejected with the messages)."""
    permissions.require(actor, REGISTER)
    paths = permissions.scope_paths(actor, REGISTER)
    units = {u.code: u for u in OrgUnit.objects.all()}

    def check_row(number: int, row: dict) -> list[str]:
        errors = []
        unit = units.get(row["owner_unit"])
        day = row.get("registered_on") or today
        if unit is None:
            return [f"cột “Mã đơn vị”: không có đơn vị mã “{row['owner_unit'][:40]}”."]
        if not permissions.covers(paths, unit.path):
            return [f"cột “Mã đơn vị”: bạn không có quyền đăng ký cho {unit.name}."]
        if not unit.is_valid_on(day):
            errors.append(f"cột “Mã đơn vị”: {unit.name} không còn hiệu lực ngày {day:%d/%m/%Y}.")
        if day > today:
            errors.append("cột “Ngày đăng ký”: không được sau hôm nay.")
        problems = check_entry(
            row | {"tags": row.get("tags") or []}, registering=bool(row.get("registered_on"))
        )
        for key, message in problems.items():
            header = HEADER_OF.get(key, key)
            errors.append(f"cột “{header}”: {message}")
        return errors

    rows = sheets.read(data, COLUMNS, check_row=check_row)
    with transaction.atomic():
        for row in rows:
            unit = units[row["owner_unit"]]
            registered = row.get("registered_on")
            data_row = {k: v for k, v in row.items() if k in services.ENTRY_FIELDS}
            data_row = {
                k: ("" if v is None and k not in ("start_date", "evaluation_date") else v)
                for k, v in data_row.items()
            }
            services.create_entry(
                actor=actor,
                owner_unit=unit,
                data=data_row,
                register=registered is not None,
                at=registered or today,
            )
    return len(rows)
