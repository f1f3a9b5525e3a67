"""Spreadsheets through danvan.registers.sheets: the Inspectorate's forms and petition
records imported (checked row by row, nothing written when any row is wrong), the forms and
the reception book exported. Exports never carry identities: visitors get pseudonyms."""

from __future__ import annotations

import datetime as dt
import io

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.registers import sheets
from danvan.vn.text import fold

from . import formspec, selectors
from .models import EventKind, FormReport, Kind, Outcome, Petition, PetitionEvent, Routing
from .permissions import MANAGE
from .services import OUTCOMES

HEAD = (
    sheets.Column("unit", "Mã đơn vị", sheets.text(40), example="DN-UBND"),
    sheets.Column("date_from", "Từ ngày", sheets.date_cell, example="15/12/2021"),
    sheets.Column("date_to", "Đến ngày", sheets.date_cell, example="14/06/2022"),
)


def form_columns(form: formspec.Form) -> tuple[sheets.Column, ...]:
    return HEAD + tuple(
        sheets.Column(
            c.key,
            f"({c.number}) {c.label}",
            sheets.number(whole=c.whole),
            required=False,
            help="Số nguyên không âm; để trống là 0."
            if c.whole
            else "Số không âm, được ghi phần thập phân (95,5); để trống là 0.",
            width=14,
        )
        for c in form.columns
    )


def form_template(form: formspec.Form) -> bytes:
    """The blank form to fill, its "Hướng dẫn" sheet listing the checks made on import and,
    for a form whose columns are not confirmed, saying so."""
    from openpyxl import load_workbook

    data = sheets.template(form_columns(form), title=f"Biểu {form.code}".replace("/", "-"))
    book = load_workbook(io.BytesIO(data))
    guide = book["Hướng dẫn"]
    guide.append([])
    lines = [f"Công thức của biểu: {form.formula_text(a, b)}" for a, b in form.formulas]
    lines += [f"Tổng các cột con: {form.formula_text(a, b)}" for a, b in form.sums]
    lines += [f"Cột ({p}) không lớn hơn cột ({w})" for w, p in form.parts]
    if not form.confirmed:
        lines.append(form.note)
    for line in lines:
        guide.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _unit_checker(actor, seen: dict, key_of):
    units = {u.code: u for u in permissions.units_in_scope(actor, MANAGE)}

    def check(row: dict) -> list[str]:
        errors = []
        unit = units.get(row["unit"])
        if unit is None:
            errors.append(
                f"cột “Mã đơn vị”: “{row['unit']}” không có hoặc bạn không có quyền nhập cho đơn vị này."
            )
        key = key_of(row)
        if key in seen:
            errors.append(f"trùng với dòng {seen[key]}.")
        seen[key] = row["_row"]
        row["_unit"] = unit
        return errors

    return check


def import_forms(actor, *, form_code: str, data: bytes) -> int:
    """Read an uploaded form (one row per unit and window); raise sheets.SheetRejected."""
    form = formspec.FORMS.get(form_code)
    if form is None:
        raise sheets.SheetRejected([f"Không có biểu “{form_code}”."])
    permissions.require(actor, MANAGE)
    unit_check = _unit_checker(actor, {}, lambda r: (r["unit"], r["date_from"], r["date_to"]))

    def check_row(number: int, row: dict) -> list[str]:
        errors = unit_check(row)
        if row["date_from"] > row["date_to"]:
            errors.append("cột “Đến ngày”: trước “Từ ngày”.")
        values = formspec.stored(form, row)
        errors.extend(formspec.check(form, values))
        row["_values"] = values
        return errors

    rows = sheets.read(data, form_columns(form), check_row=check_row)
    with transaction.atomic():
        for row in rows:
            FormReport.objects.update_or_create(
                unit=row["_unit"],
                form=form.code,
                date_from=row["date_from"],
                date_to=row["date_to"],
                defaults={"values": row["_values"], "uploaded_by": _user(actor)},
            )
        record_event(
            actor,
            "petitions.forms_import",
            "FormReport",
            "",
            summary=f"Nhập biểu {form.code}: {len(rows)} dòng",
        )
    return len(rows)


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def export_form(form: formspec.Form, unit: OrgUnit, date_from, date_to, values: dict) -> bytes:
    row = {"unit": unit.code, "date_from": date_from, "date_to": date_to, **values}
    return sheets.write(form_columns(form), [row], title=f"Biểu {form.code}".replace("/", "-"))


KIND_LABELS = dict(Kind.choices)
ROUTING_LABELS = {**{k: v for k, v in Routing.choices if k}, Routing.ACCEPT: "Thụ lý"}
OUTCOME_LABELS = dict(Outcome.choices)

PETITION_COLUMNS = (
    sheets.Column("unit", "Mã đơn vị", sheets.text(40), example="DN-UBND"),
    sheets.Column("reference", "Số đơn", sheets.text(60), example="KN-2026-001"),
    sheets.Column("received_on", "Ngày nhận đơn", sheets.date_cell, example="07/09/2026"),
    sheets.Column("kind", "Loại đơn", sheets.choice(KIND_LABELS), example="Khiếu nại"),
    sheets.Column(
        "round", "Lần giải quyết", sheets.number(whole=True), required=False, example="1"
    ),
    sheets.Column("summary", "Nội dung tóm tắt", sheets.text(4000), width=50),
    sheets.Column("people", "Số người", sheets.number(whole=True), required=False, example="1"),
    sheets.Column(
        "routing", "Hướng xử lý", sheets.choice(ROUTING_LABELS), required=False, example="Thụ lý"
    ),
    sheets.Column("processed_on", "Ngày thụ lý / xử lý", sheets.date_cell, required=False),
    sheets.Column("closed_on", "Ngày giải quyết xong", sheets.date_cell, required=False),
    sheets.Column("outcome", "Kết quả", sheets.choice(OUTCOME_LABELS), required=False),
)


def _check_petition(row: dict, today: dt.date) -> list[str]:
    errors = []
    round_ = int(row.get("round") or 1)
    if round_ not in (1, 2) or (round_ == 2 and row["kind"] != Kind.COMPLAINT):
        errors.append("cột “Lần giải quyết”: 1, hoặc 2 với khiếu nại.")
    people = int(row.get("people") or 1)
    if not 1 <= people <= 10000:
        errors.append("cột “Số người”: từ 1 đến 10.000.")
    received, processed, closed = row["received_on"], row["processed_on"], row["closed_on"]
    if received > today:
        errors.append("cột “Ngày nhận đơn”: sau hôm nay.")
    if processed and not row.get("routing"):
        errors.append("cột “Hướng xử lý”: cần ghi khi có ngày thụ lý / xử lý.")
    if processed and processed < received:
        errors.append("cột “Ngày thụ lý / xử lý”: trước ngày nhận đơn.")
    if closed:
        if row.get("routing") != Routing.ACCEPT or not processed or closed < processed:
            errors.append("cột “Ngày giải quyết xong”: chỉ ghi cho đơn đã thụ lý, từ ngày thụ lý.")
        if row.get("outcome") not in OUTCOMES[row["kind"]]:
            errors.append("cột “Kết quả”: chưa ghi hoặc không hợp với loại đơn.")
    elif row.get("outcome"):
        errors.append("cột “Kết quả”: chỉ ghi khi đã giải quyết xong.")
    row["round"], row["people"] = round_, people
    return errors


def import_petitions(actor, *, data: bytes, today: dt.date) -> int:
    permissions.require(actor, MANAGE)
    unit_check = _unit_checker(actor, {}, lambda r: (r["unit"], r["reference"]))

    def check_row(number: int, row: dict) -> list[str]:
        errors = unit_check(row)
        unit = row["_unit"]
        if unit and Petition.objects.filter(unit=unit, reference=row["reference"]).exists():
            errors.append(f"cột “Số đơn”: đơn vị đã có đơn số “{row['reference']}”.")
        return errors + _check_petition(row, today)

    rows = sheets.read(data, PETITION_COLUMNS, check_row=check_row)
    with transaction.atomic():
        for row in rows:
            petition = Petition.objects.create(
                unit=row["_unit"],
                reference=row["reference"],
                received_on=row["received_on"],
                kind=row["kind"],
                round=row["round"],
                summary=row["summary"],
                people=row["people"],
                routing=row.get("routing") or "",
                processed_on=row["processed_on"],
                closed_on=row["closed_on"],
                outcome=row.get("outcome") or "",
                search_text=fold(f"{row['reference']} {row['summary']}"),
            )
            for kind, day in (
                (EventKind.ACCEPT, row["processed_on"]),
                (EventKind.CLOSE, row["closed_on"]),
            ):
                if day:
                    PetitionEvent.objects.create(
                        petition=petition, kind=kind, date=day, actor=_user(actor)
                    )
        record_event(
            actor, "petitions.import", "Petition", "", summary=f"Nhập {len(rows)} hồ sơ đơn"
        )
    return len(rows)


def _routed(entry) -> str:
    document = f" ({entry.routing_document})" if entry.routing_document else ""
    return f"{entry.routing_to}{document}".strip()


BOOK_COLUMNS = (
    sheets.Column("stt", "STT", sheets.number(whole=True), width=6),
    sheets.Column("date", "Ngày tiếp", sheets.date_cell, width=12),
    sheets.Column("visitor", "Họ tên, địa chỉ (bí danh)", sheets.text(200), width=22),
    sheets.Column("summary", "Nội dung vụ việc", sheets.text(4000), width=50),
    sheets.Column("kind", "Loại đơn", sheets.choice(KIND_LABELS), width=16),
    sheets.Column("people", "Số người cùng nội dung", sheets.number(whole=True), width=10),
    sheets.Column("handled_by", "Cơ quan đã giải quyết", sheets.text(200), required=False),
    sheets.Column("within", "Thuộc thẩm quyền", sheets.text(2), required=False, width=10),
    sheets.Column("guided_to", "Hướng dẫn (văn bản số)", sheets.text(300), required=False),
    sheets.Column("transferred_to", "Chuyển đơn (văn bản số)", sheets.text(300), required=False),
    sheets.Column("follow_up", "Theo dõi kết quả", sheets.text(2000), required=False),
    sheets.Column("note", "Ghi chú", sheets.text(2000), required=False),
)


def export_book(entries) -> bytes:
    """The reception book in the legal column order (Mẫu 03/TCD), with pseudonyms."""
    rows = []
    for number, entry in enumerate(entries, start=1):
        routed = _routed(entry)
        rows.append(
            {
                "stt": number,
                "date": entry.session.date,
                "visitor": selectors.pseudonym("entry", entry.pk),
                "summary": entry.summary,
                "kind": entry.kind,
                "people": entry.people,
                "handled_by": entry.handled_by,
                "within": "x" if entry.within_jurisdiction else "",
                "guided_to": routed if entry.routing == Routing.GUIDE else "",
                "transferred_to": routed if entry.routing == Routing.TRANSFER else "",
                "follow_up": entry.follow_up,
                "note": entry.note,
            }
        )
    return sheets.write(BOOK_COLUMNS, rows, title="Sổ tiếp công dân", labels={"kind": KIND_LABELS})


def print_book(entries, *, issuer: str, parent_issuer: str, day: dt.date) -> bytes:
    """The book printed to DOCX under the State layout (NĐ 30/2020), pseudonyms only."""
    from danvan.publish import render_docx_bytes

    header = [c.header for c in BOOK_COLUMNS]
    rows = []
    for number, entry in enumerate(entries, start=1):
        routed = _routed(entry)
        rows.append(
            [
                str(number),
                f"{entry.session.date:%d/%m/%Y}",
                selectors.pseudonym("entry", entry.pk),
                entry.summary,
                KIND_LABELS[entry.kind],
                str(entry.people),
                entry.handled_by,
                "x" if entry.within_jurisdiction else "",
                routed if entry.routing == Routing.GUIDE else "",
                routed if entry.routing == Routing.TRANSFER else "",
                entry.follow_up,
                entry.note,
            ]
        )
    parsed = {
        "form": "state",
        "header": {
            "parent_issuer": parent_issuer,
            "issuer": issuer,
            "date": day.isoformat(),
            "type_name": "SỔ TIẾP CÔNG DÂN",
            "title": "theo Mẫu 03/TCD (họ tên người được tiếp ghi bằng bí danh)",
        },
        "tables": [{"rows": [header, *rows]}],
    }
    return render_docx_bytes(parsed, "state")
