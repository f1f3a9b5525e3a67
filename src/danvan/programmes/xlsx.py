"""Programmes and commitments to and from XLSX, through danvan.registers.sheets (every row
checked, Vietnamese messages "Dòng N, cột “X”: …", nothing written when any row is wrong).

Two sheets, one file each (the checked reader reads the first sheet):
- "van-ban": one row per instrument — symbol, kind, title, dates, the owner's unit code, the
  parent's symbol, the parties as "CODE:vai trò; CODE:vai trò", the state. A row whose symbol
  and signing date match an instrument of the same owner updates it; others are created, in
  sheet order (a plan may name a programme from an earlier row as its parent).
- "nhiem-vu": one row per commitment — its id ("Mã nhiệm vụ", blank for a new one), the plan's
  symbol, content area, content, lead and partners (unit codes), deliverable, indicator code,
  target, due date, period, evidence expected.
An export of either reads back unchanged.
"""

from __future__ import annotations

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.registers import sheets
from danvan.registers.sheets import Column, choice, date_cell, text

from . import chain, parties, services
from . import permissions as access
from .errors import ProgrammeError
from .models import (
    Instrument,
    InstrumentKind,
    InstrumentState,
    PartyRole,
)

INSTRUMENTS = (
    Column(
        "symbol",
        "Số ký hiệu",
        text(120),
        help="Số ký hiệu chung của văn bản",
        example="02-CTr/BDVTU-BCHQST-CAT-BCHBPT",
    ),
    Column(
        "kind",
        "Loại văn bản",
        choice(dict(InstrumentKind.choices)),
        example="Chương trình phối hợp",
    ),
    Column(
        "title",
        "Trích yếu",
        text(2000),
        width=50,
        example="Phối hợp công tác dân vận giai đoạn 2021-2025",
    ),
    Column("signed_on", "Ngày ký", date_cell, required=False, example="15/12/2021"),
    Column("valid_from", "Hiệu lực từ", date_cell, required=False, example="01/01/2022"),
    Column("valid_to", "Hiệu lực đến", date_cell, required=False, example="31/12/2025"),
    Column(
        "owner",
        "Mã cơ quan thường trực",
        text(40),
        help="Mã đơn vị trong cây đơn vị",
        example="DN-BDVTU",
    ),
    Column(
        "parent",
        "Thuộc văn bản (số ký hiệu)",
        text(120),
        required=False,
        help="Chương trình hoặc quy chế mà kế hoạch thực hiện",
    ),
    Column(
        "parties",
        "Các bên (mã đơn vị:vai trò)",
        text(2000),
        required=False,
        width=40,
        help="Mỗi bên một mục, cách nhau dấu chấm phẩy; vai trò: chủ trì, phối hợp, thường trực, ký kết (mặc định ký kết)",
        example="DN-BDVTU:thường trực; DN-CATP:ký kết",
    ),
    Column(
        "state",
        "Trạng thái",
        choice(dict(InstrumentState.choices)),
        required=False,
        help="Để trống: dự thảo",
    ),
)

ROLE = choice(dict(PartyRole.choices))


def _codes(raw: str) -> list[str]:
    return [c.strip() for c in (raw or "").split(";") if c.strip()]


def _parties(raw: str) -> tuple[list[tuple[str, str]], list[str]]:
    found, errors = [], []
    for item in _codes(raw):
        code, _, role = item.partition(":")
        try:
            role_code = ROLE(role.strip()) if role.strip() else PartyRole.KY_KET
        except sheets.CellError as exc:
            errors.append(f"cột “Các bên”: vai trò {exc.message}")
            continue
        found.append((code.strip(), role_code))
    return found, errors


def _find_plan(user, symbol: str) -> tuple[Instrument | None, str]:
    rows = list(access.visible_instruments(user).filter(symbol__iexact=symbol)[:2])
    if not rows:
        return None, f"không tìm thấy văn bản “{symbol}”."
    if len(rows) > 1:
        return None, f"có nhiều văn bản cùng số ký hiệu “{symbol}”."
    return rows[0], ""


# Instruments ---------------------------------------------------------------------------


def export_instruments(user) -> bytes:
    rows = []
    for i in (
        access.visible_instruments(user)
        .select_related("owner", "parent")
        .prefetch_related("parties__unit")
        .order_by("signed_on", "pk")
    ):
        rows.append(
            {
                "symbol": i.symbol,
                "kind": i.kind,
                "title": i.title,
                "signed_on": i.signed_on,
                "valid_from": i.valid_from,
                "valid_to": i.valid_to,
                "owner": i.owner.code,
                "parent": i.parent.symbol if i.parent else "",
                "parties": "; ".join(
                    f"{p.unit.code}:{p.get_role_display()}"
                    for p in i.parties.all()
                    if not p.replaced_by_id
                ),
                "state": i.state,
            }
        )
    labels = {"kind": dict(InstrumentKind.choices), "state": dict(InstrumentState.choices)}
    return sheets.write(INSTRUMENTS, rows, title="Văn bản phối hợp", labels=labels)


def _check_instrument(user, row: dict, earlier: set[str]) -> list[str]:
    problems = []
    owner = OrgUnit.objects.filter(code=row["owner"]).first()
    if owner is None:
        problems.append(f"cột “Mã cơ quan thường trực”: không có đơn vị mã “{row['owner']}”.")
    elif not permissions.has_permission(user, access.MANAGE, owner):
        problems.append(f"cột “Mã cơ quan thường trực”: bạn không quản lý {owner}.")
    _, symbol_problems = chain.read_symbol(row["symbol"])
    problems += [f"cột “Số ký hiệu”: {p}" for p in symbol_problems]
    problems += chain.dates_problems(
        signed_on=row["signed_on"], valid_from=row["valid_from"], valid_to=row["valid_to"]
    )
    problems += chain.span_problems(row["kind"], row["valid_from"], row["valid_to"])
    if row.get("parent") and row["parent"].lower() not in earlier:
        parent, message = _find_plan(user, row["parent"])
        if parent is None:
            problems.append(f"cột “Thuộc văn bản”: {message}")
        else:
            problems += chain.parent_problems(
                kind=row["kind"],
                valid_from=row["valid_from"],
                valid_to=row["valid_to"],
                parent=parent,
            )
    found, errors = _parties(row.get("parties") or "")
    problems += errors
    for code, _ in found:
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            problems.append(f"cột “Các bên”: không có đơn vị mã “{code}”.")
        elif row["signed_on"] and not unit.is_valid_on(row["signed_on"]):
            problems.append(
                f"cột “Các bên”: {unit} không tồn tại vào ngày ký {row['signed_on']:%d/%m/%Y}."
            )
    return problems


STEPS = {
    InstrumentState.DU_THAO: [],
    InstrumentState.TRINH_XIN_CHU_TRUONG: [InstrumentState.TRINH_XIN_CHU_TRUONG],
    InstrumentState.DA_KY: [InstrumentState.DA_KY],
    InstrumentState.HIEU_LUC: [InstrumentState.DA_KY, InstrumentState.HIEU_LUC],
    InstrumentState.HET_HIEU_LUC: [InstrumentState.DA_KY, InstrumentState.HET_HIEU_LUC],
    InstrumentState.CHAM_DUT_SAP_XEP: [InstrumentState.DA_KY, InstrumentState.CHAM_DUT_SAP_XEP],
    InstrumentState.THAY_THE: [InstrumentState.DA_KY, InstrumentState.THAY_THE],
}


def _write_instrument(user, row: dict, created: dict[str, Instrument]) -> Instrument:
    owner = OrgUnit.objects.get(code=row["owner"])
    parent = None
    if row.get("parent"):
        parent = created.get(row["parent"].lower()) or _find_plan(user, row["parent"])[0]
    symbol = chain.read_symbol(row["symbol"])[0]
    existing = Instrument.objects.filter(
        owner=owner, symbol=symbol.text if symbol else row["symbol"], signed_on=row["signed_on"]
    ).first()
    fields = {k: row[k] for k in ("kind", "symbol", "title", "signed_on", "valid_from", "valid_to")}
    if existing is None:
        instrument = services.create_instrument(user, owner=owner, parent=parent, **fields)
    else:
        instrument = existing
        if existing.state not in services.ENDED_STATES:
            instrument = services.update_instrument(
                user, existing, version=existing.version, parent=parent, **fields
            )
    have = {(p.unit.code, p.role) for p in instrument.parties.select_related("unit")}
    for code, role in _parties(row.get("parties") or "")[0]:
        if (code, role) not in have:
            parties.add_party(
                user,
                instrument,
                unit=OrgUnit.objects.get(code=code),
                role=role,
                version=instrument.version,
            )
            instrument.refresh_from_db()
    target = row.get("state") or InstrumentState.DU_THAO
    if instrument.state != target:
        for step in STEPS[target]:
            instrument.refresh_from_db()
            if instrument.state == step or step not in chain.TRANSITIONS[instrument.state]:
                continue
            services.change_state(
                user, instrument, target=step, version=instrument.version, on=row["valid_to"]
            )
    instrument.refresh_from_db()
    return instrument


def import_instruments(user, data: bytes) -> int:
    permissions.require(user, access.MANAGE)
    earlier: set[str] = set()

    def check(number_: int, row: dict) -> list[str]:
        problems = _check_instrument(user, row, earlier)
        earlier.add((row.get("symbol") or "").lower())
        return problems

    rows = sheets.read(data, INSTRUMENTS, check_row=check)
    created: dict[str, Instrument] = {}
    with transaction.atomic():
        for row in rows:
            try:
                instrument = _write_instrument(user, row, created)
            except ProgrammeError as exc:
                raise sheets.SheetRejected(
                    [f"Dòng {row['_row']}: {m}" for m in exc.messages]
                ) from None
            created[row["symbol"].lower()] = instrument
        record_event(
            user,
            "programmes.import",
            "Instrument",
            summary=f"Nhập {len(rows)} văn bản phối hợp từ bảng tính",
        )
    return len(rows)
