"""Register figures in the reporting cycle, through danvan.registers only (no register app is
imported here): the values the registers compute for a submission, proposed beside its current
values for the reporter to confirm like figures read from a file; the confirmation, saved as a
draft through services.save_draft with the provenance of each value in its source
({"kind": "register", ...}); and the registers' items for the reporter's inbox.

The figures cover the assignment's unit (its subtree) over the request's data window
(ReportRequest.data_from/data_to, set from the period and the regime when it was issued)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from danvan import registers
from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.indicators.validation import field_label
from danvan.vn.formatting import format_number
from danvan.vn.numbers import parse_figure

from . import clock, selectors, services
from .errors import ConcurrentEdit, ReportingError
from .models import Assignment, Revision

KIND = "register"
EMPTY_MESSAGE = (
    "Chưa có sổ theo dõi nào tính được chỉ tiêu trong biểu mẫu của báo cáo này; "
    "hãy nhập số liệu hoặc nhập từ tệp."
)


class StaleFigures(ConcurrentEdit):
    """A figure changed in its register between showing it and confirming it."""


@dataclass(frozen=True)
class Proposal:
    key: str  # "code" or "code:option"
    label: str
    unit_of_measure: str
    indent: bool
    current: Decimal | None  # the value the submission holds now
    value: Decimal  # what the register computes
    provenance: str  # "tính từ 12 nhiệm vụ của Kế hoạch 15-KH/BDVTU"
    url: str
    register: str  # the provider's key
    register_label: str

    @property
    def shown(self) -> str:
        return format_number(self.value)

    @property
    def current_shown(self) -> str:
        return "" if self.current is None else format_number(self.current)

    @property
    def raw(self) -> str:
        """The value as the confirming form carries it back (checked against a recount)."""
        return format(self.value.normalize(), "f")

    @property
    def same(self) -> bool:
        return self.current is not None and self.current == self.value

    def source(self, request) -> dict:
        """What DataValue.source and the revision keep for this value."""
        return {
            "kind": KIND,
            "register": self.register,
            "register_label": self.register_label,
            "text": self.provenance,
            "url": self.url,
            "value": self.raw,
            "data_from": request.data_from.isoformat(),
            "data_to": request.data_to.isoformat(),
        }


def _form_rows(template) -> list[tuple[str, str, str, bool]]:
    """(key, label, unit of measure, is an option) for each field of the template's form."""
    rows = []
    for indicator in selectors.template_indicators(template):
        rows.append((indicator.code, indicator.name, indicator.unit_of_measure, False))
        if indicator.category_id:
            for option in indicator.category.options.all():
                rows.append(
                    (
                        f"{indicator.code}:{option.code}",
                        field_label(indicator, option),
                        indicator.unit_of_measure,
                        True,
                    )
                )
    return rows


def _number(value) -> Decimal | None:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def proposals(assignment: Assignment) -> list[Proposal]:
    """What the registers compute for the assignment's form, in form order; [] when no register
    computes any of its indicators. One compute call (each register asked once)."""
    request = assignment.request
    rows = _form_rows(request.template)
    computable = registers.computable_keys()
    wanted = {key for key, *_ in rows} & set(computable)
    if not wanted:
        return []
    figures = registers.compute(
        unit=assignment.unit,
        date_from=request.data_from,
        date_to=request.data_to,
        wanted=wanted,
    )
    current = selectors.stored_values(selectors.current_content(assignment.submission).values)
    found = []
    for key, label, unit_of_measure, indent in rows:
        figure = figures.get(key)
        value = _number(figure.value) if figure is not None else None
        if value is None:
            continue
        code, _, option = key.partition(":")
        provider = computable[key]
        found.append(
            Proposal(
                key=key,
                label=label,
                unit_of_measure=unit_of_measure,
                indent=indent,
                current=current.get((code, option or None)),
                value=value,
                provenance=figure.provenance,
                url=figure.url,
                register=provider.key,
                register_label=provider.label,
            )
        )
    return found


def _short(key: str) -> str:
    return key if len(key) <= 60 else key[:57] + "…"


def _check_expected(chosen: list[str], offered: dict[str, Proposal], expected: dict) -> None:
    """The values the person saw must be the values saved: a recount that differs stops."""
    changed = []
    for key in chosen:
        if key not in expected or expected[key] in (None, ""):
            continue
        seen = expected[key]
        number = _number(seen) if not isinstance(seen, str) else _number_text(seen)
        if number is None:
            raise ReportingError(
                f"Giá trị “{_short(str(seen))}” của chỉ tiêu {_short(key)} không hợp lệ; "
                "không có gì được lưu."
            )
        if number != offered[key].value:
            changed.append(f"{offered[key].label}: {format_number(number)} → {offered[key].shown}")
    if changed:
        raise StaleFigures(
            "Số liệu trong sổ theo dõi đã thay đổi sau khi bạn mở trang ("
            + "; ".join(changed)
            + "). Chưa có gì được lưu; hãy xem lại số liệu mới rồi xác nhận lần nữa."
        )


def _number_text(text: str) -> Decimal | None:
    """A value the form carried back: "1868" / "95.5" as written by `Proposal.raw`, or a
    Vietnamese figure ("1.868", "95,5") typed by hand."""
    text = text.strip()
    if len(text) > 40:
        return None
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return parse_figure(text)
    return number if number.is_finite() else None


def confirm(
    actor,
    *,
    assignment_id: int,
    base_version: int,
    accept: Iterable[str],
    expected: dict | None = None,
) -> Revision:
    """Save the accepted register figures into the submission's draft (through
    services.save_draft: the same checks, version guard and audit as any save), each value
    with its provenance. `accept`: the value keys the person chose; `expected`: per key, the
    value they saw (a recount that differs raises StaleFigures and saves nothing).

    Only the unit's reporters may confirm (ScopeDenied otherwise); a submitted, accepted or
    locked report refuses as any save does."""
    assignment = selectors.get_assignment(actor, assignment_id, "reporting.submit")
    permissions.require(actor, "reporting.submit", assignment.unit)
    chosen = list(dict.fromkeys(str(key) for key in accept))
    if not chosen:
        raise ReportingError("Chưa chọn số liệu nào để lấy từ sổ theo dõi.")
    offered = {p.key: p for p in proposals(assignment)}
    unknown = [_short(key) for key in chosen if key not in offered]
    if unknown:
        raise ReportingError(
            f"Sổ theo dõi không tính số liệu cho: {', '.join(unknown[:5])}; không có gì được lưu."
        )
    _check_expected(chosen, offered, expected or {})
    request = assignment.request
    source = {
        "kind": KIND,
        "computed_at": clock.now().isoformat(),
        "unit": assignment.unit.code,
        "data_from": request.data_from.isoformat(),
        "data_to": request.data_to.isoformat(),
        "values": {key: offered[key].source(request) for key in chosen},
    }
    with transaction.atomic():
        revision = services.save_draft(
            actor,
            assignment.submission.pk,
            base_version,
            {},
            {key: offered[key].value for key in chosen},
            source=source,
        )
        record_event(
            actor,
            "reporting.register_figures.confirm",
            "Submission",
            assignment.submission.pk,
            summary=f"bản {revision.number}: {len(chosen)} số liệu từ sổ theo dõi",
            after={key: offered[key].raw for key in chosen},
        )
    return revision


def inbox_items(user, today: dt.date | None = None) -> list[registers.InboxItem]:
    """The registers' due and overdue items for the person, overdue first, then by date."""
    return registers.inbox_items(user, today or clock.today())


def assignment_links(user, assignment: Assignment) -> list[tuple[str, str]]:
    """The registers' own pages where the unit enters its records for this report."""
    return registers.assignment_links(user, assignment)
