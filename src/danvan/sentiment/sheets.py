"""Signals to and from .xlsx through danvan.registers.sheets: a batch kept by a commune or
collected at a monthly meeting, checked row by row (nothing is written when a row is wrong),
and the export of the same columns (never a restricted signal, never a source's name)."""

from __future__ import annotations

from django.db import transaction

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.registers import sheets
from danvan.vn.text import fold

from . import services
from .models import Channel, Direction, Intensity, SocialGroup, Spread, Topic

MAX_BYTES = sheets.MAX_BYTES
TITLE = "Ý kiến, dư luận"
INTENSITY = {str(k): v for k, v in Intensity.choices}  # "1": "Nhẹ", …


def _topics() -> dict[str, str]:
    return {t.code: t.name for t in Topic.objects.filter(active=True)}


def _groups_parser(raw: object) -> list[str]:
    value = sheets.text(500)(raw)
    if not value:
        return []
    known = {}
    for group in SocialGroup.objects.filter(active=True):
        known[fold(group.name)] = group.code
        known[fold(group.code)] = group.code
    codes, unknown = [], []
    for part in (p.strip() for p in value.replace(";", ",").split(",")):
        if part:
            code = known.get(fold(part))
            (codes if code else unknown).append(code or part)
    if unknown:
        raise sheets.CellError(f"không có nhóm xã hội “{unknown[0][:40]}” trong danh mục.")
    return codes


def columns() -> tuple[sheets.Column, ...]:
    return (
        sheets.Column("observed_on", "Ngày nắm được", sheets.date_cell, example="15/03/2019"),
        sheets.Column(
            "unit", "Mã đơn vị", sheets.text(40), required=False, help="Bỏ trống: đơn vị đã chọn"
        ),
        sheets.Column("area", "Địa bàn", sheets.text(200), required=False),
        sheets.Column("channel", "Kênh", sheets.choice(dict(Channel.choices))),
        sheets.Column("topic", "Chủ đề", sheets.choice(_topics()), width=40),
        sheets.Column(
            "groups",
            "Nhóm xã hội",
            _groups_parser,
            required=False,
            help="Tên nhóm trong danh mục, cách nhau bởi dấu phẩy",
        ),
        sheets.Column("direction", "Khuynh hướng", sheets.choice(dict(Direction.choices))),
        sheets.Column("intensity", "Cường độ", sheets.choice(INTENSITY), required=False),
        sheets.Column("spread", "Mức lan tỏa", sheets.choice(dict(Spread.choices))),
        sheets.Column("subject", "Chủ trương, sự kiện", sheets.text(300), required=False),
        sheets.Column("text", "Nội dung", sheets.text(services.TEXT_MAX), width=60),
    )


def template() -> bytes:
    return sheets.template(columns(), title=TITLE)


def export(user, signals) -> bytes:
    rows = [
        {
            "observed_on": s.observed_on,
            "unit": s.unit.code,
            "area": s.area,
            "channel": s.channel,
            "topic": s.topic.code,
            "groups": ", ".join(g.name for g in s.groups.all()),
            "direction": s.direction,
            "intensity": str(s.intensity),
            "spread": s.spread,
            "subject": s.subject,
            "text": s.text,
        }
        for s in signals.filter(restricted=False)
    ]
    labels = {
        "channel": dict(Channel.choices),
        "topic": _topics() | {s.topic.code: s.topic.name for s in signals},
        "direction": dict(Direction.choices),
        "intensity": INTENSITY,
        "spread": dict(Spread.choices),
    }
    return sheets.write(columns(), rows, title=TITLE, labels=labels)


def import_rows(actor, unit: OrgUnit, data: bytes) -> list:
    """Every row checked first (SheetRejected lists each fault); then all rows written in one
    transaction. Rows name the recording unit by code, or take `unit`."""
    permissions.require(actor, "sentiment.record", unit)
    topics = {t.code: t for t in Topic.objects.filter(active=True)}
    units: dict[str, OrgUnit | None] = {}

    def row_unit(row) -> OrgUnit | None:
        code = (row.get("unit") or "").strip()
        if not code:
            return unit
        if code not in units:
            units[code] = OrgUnit.objects.filter(code=code).first()
        return units[code]

    def check_row(number: int, row: dict) -> list[str]:
        target = row_unit(row)
        if target is None:
            return [f"không có đơn vị mã “{row['unit'][:40]}”."]
        if not target.path.startswith(unit.path) or not permissions.has_permission(
            actor, "sentiment.record", target
        ):
            return [f"đơn vị {target.name} ngoài phạm vi ghi nhận của bạn."]
        return services.signal_problems(
            unit=target,
            observed_on=row["observed_on"],
            channel=row["channel"],
            topic=topics.get(row["topic"]),
            direction=row["direction"],
            spread=row["spread"],
            intensity=int(row.get("intensity") or 2),
            text=row["text"],
            area=row.get("area") or "",
            subject=row.get("subject") or "",
        )

    rows = sheets.read(data, columns(), check_row=check_row)
    created = []
    with transaction.atomic():
        for row in rows:
            created.append(
                services.record_signal(
                    actor,
                    unit=row_unit(row),
                    observed_on=row["observed_on"],
                    channel=row["channel"],
                    topic=topics[row["topic"]],
                    direction=row["direction"],
                    spread=row["spread"],
                    intensity=int(row.get("intensity") or 2),
                    text=row["text"],
                    area=row.get("area") or "",
                    subject=row.get("subject") or "",
                    groups=SocialGroup.objects.filter(code__in=row.get("groups") or []),
                )
            )
    return created
