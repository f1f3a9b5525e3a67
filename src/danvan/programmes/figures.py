"""The catalogue indicators the programmes register computes (codes "ctpp_", created by
migration 0004) for a unit subtree and a data window, each value with its provenance.

- ctpp_van_ban_hieu_luc: signed instruments kept by a board in the subtree, in force at some
  time in the window, by partner kind (each instrument in exactly one option: the kind of its
  partners — the parties other than the owner — or "nhiều loại đối tác");
- ctpp_ke_hoach_ky_moi: plans signed in the window;
- ctpp_nv_*: the commitments of signed plans due in the window (due date, else the end of
  their period, else the end of their plan), by content area:
  hoàn thành — the latest accepted report says so;
  đúng hạn — done, and first reported done in a review whose period starts on or before the
  due date;
  chậm — neither on time nor cancelled (reported late, done after the due date's period, or
  not done by the end of the window);
  chưa triển khai — the latest accepted report says so, or none was accepted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse

from danvan.indicators.models import CategoryOption
from danvan.registers import ComputedFigure
from danvan.reporting.periods import InvalidPeriod, parse_period

from .followup import latest_accepted
from .models import (
    ENDED_STATES,
    PLAN_KINDS,
    SIGNED_STATES,
    Commitment,
    Instrument,
    Progress,
    ProgressStatus,
)

IN_FORCE = "ctpp_van_ban_hieu_luc"
PLANS_SIGNED = "ctpp_ke_hoach_ky_moi"
DONE = "ctpp_nv_hoan_thanh"
ON_TIME = "ctpp_nv_dung_han"
LATE = "ctpp_nv_cham"
NOT_STARTED = "ctpp_nv_chua_trien_khai"
COMMITMENT_CODES = (DONE, ON_TIME, LATE, NOT_STARTED)
PARTNER_CATEGORY = "ctpp-loai-doi-tac"
AREA_CATEGORY = "ctpp-linh-vuc"
PARTNER_OF_KIND = {
    "peoples_committee": "ubnd",
    "police": "cong-an",
    "military": "quan-su",
    "border_guard": "bien-phong",
    "front": "mttq-doan-the",
    "mass_organisation": "mttq-doan-the",
}
SIGNED = tuple(SIGNED_STATES | ENDED_STATES)


def options_of(category: str) -> list[str]:
    return list(
        CategoryOption.objects.filter(category__code=category)
        .order_by("order", "code")
        .values_list("code", flat=True)
    )


def catalogue() -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = [(IN_FORCE, None)]
    pairs += [(IN_FORCE, o) for o in options_of(PARTNER_CATEGORY)]
    pairs.append((PLANS_SIGNED, None))
    areas = options_of(AREA_CATEGORY)
    for code in COMMITMENT_CODES:
        pairs += [(code, None), *((code, a) for a in areas)]
    return pairs


def partner_kind(instrument: Instrument) -> str:
    kinds = {
        PARTNER_OF_KIND.get(p.unit.kind, "khac")
        for p in instrument.parties.all()
        if p.unit_id != instrument.owner_id and p.replaced_by_id is None
    }
    if len(kinds) > 1:
        return "nhieu-ben"
    return kinds.pop() if kinds else "khac"


def _examples(symbols: list[str]) -> str:
    shown = [s for s in symbols if s][:3]
    if not shown:
        return ""
    more = "…" if len([s for s in symbols if s]) > 3 else ""
    return f" ({', '.join(shown)}{more})"


def _window(date_from: dt.date, date_to: dt.date) -> str:
    return f"{date_from:%d/%m/%Y} – {date_to:%d/%m/%Y}"


def in_force(unit, date_from, date_to) -> list[ComputedFigure]:
    rows = list(
        Instrument.objects.filter(
            owner__path__startswith=unit.path,
            state__in=SIGNED,
            valid_from__lte=date_to,
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=date_from))
        .prefetch_related("parties__unit")
        .order_by("signed_on", "pk")
    )
    url = reverse("programmes:index")
    window = _window(date_from, date_to)
    by_kind: dict[str, list[Instrument]] = defaultdict(list)
    for instrument in rows:
        by_kind[partner_kind(instrument)].append(instrument)
    figures = [
        ComputedFigure(
            IN_FORCE,
            None,
            Decimal(len(rows)),
            f"tính từ {len(rows)} văn bản phối hợp có hiệu lực trong kỳ {window}"
            f"{_examples([i.symbol for i in rows])}",
            url,
        )
    ]
    for option in options_of(PARTNER_CATEGORY):
        found = by_kind.get(option, [])
        figures.append(
            ComputedFigure(
                IN_FORCE,
                option,
                Decimal(len(found)),
                f"tính từ {len(found)} văn bản phối hợp có hiệu lực trong kỳ {window}"
                f"{_examples([i.symbol for i in found])}",
                url,
            )
        )
    return figures


def plans_signed(unit, date_from, date_to) -> list[ComputedFigure]:
    rows = list(
        Instrument.objects.filter(
            owner__path__startswith=unit.path,
            kind__in=PLAN_KINDS,
            state__in=SIGNED,
            signed_on__gte=date_from,
            signed_on__lte=date_to,
        ).order_by("signed_on", "pk")
    )
    return [
        ComputedFigure(
            PLANS_SIGNED,
            None,
            Decimal(len(rows)),
            f"tính từ {len(rows)} kế hoạch phối hợp ký trong kỳ {_window(date_from, date_to)}"
            f"{_examples([i.symbol for i in rows])}",
            reverse("programmes:index"),
        )
    ]


def due_date(commitment: Commitment) -> dt.date | None:
    if commitment.due_on:
        return commitment.due_on
    if commitment.period_code:
        try:
            return parse_period(commitment.period_code).end
        except InvalidPeriod:
            pass
    return commitment.plan.valid_to


def _first_done(commitments: list[Commitment]) -> dict[int, dt.date]:
    """Each commitment's first review reporting it done (accepted): that period's start."""
    rows = (
        Progress.objects.filter(
            commitment__in=commitments, accepted=True, status=ProgressStatus.HOAN_THANH
        )
        .values_list("commitment_id", "review__period_code")
        .order_by("review__period_code")
    )
    found: dict[int, dt.date] = {}
    for commitment_id, code in rows:
        if commitment_id in found:
            continue
        try:
            found[commitment_id] = parse_period(code).start
        except InvalidPeriod:
            continue
    return found


def commitment_figures(unit, date_from, date_to) -> list[ComputedFigure]:
    candidates = (
        Commitment.objects.filter(plan__owner__path__startswith=unit.path, plan__state__in=SIGNED)
        .select_related("plan", "content_area")
        .order_by("plan__signed_on", "plan_id", "order", "pk")
    )
    rows = [c for c in candidates if (d := due_date(c)) and date_from <= d <= date_to]
    latest = latest_accepted(rows)
    first_done = _first_done(rows)
    counts: dict[str, Counter] = {code: Counter() for code in COMMITMENT_CODES}
    for c in rows:
        status = latest[c.pk].status if c.pk in latest else None
        area = c.content_area.code
        done = status == ProgressStatus.HOAN_THANH
        on_time = done and c.pk in first_done and first_done[c.pk] <= due_date(c)
        if done:
            counts[DONE][area] += 1
        if on_time:
            counts[ON_TIME][area] += 1
        elif status != ProgressStatus.HUY:
            counts[LATE][area] += 1
        if status in (None, ProgressStatus.CHUA_TRIEN_KHAI):
            counts[NOT_STARTED][area] += 1
    plans = list(dict.fromkeys(c.plan.symbol or str(c.plan) for c in rows))
    source = (
        f"tính từ {len(rows)} nhiệm vụ đến hạn trong kỳ {_window(date_from, date_to)} của "
        f"{len(plans)} kế hoạch{_examples(plans)}, theo báo cáo tiến độ đã được tiếp nhận"
    )
    url = reverse("programmes:index")
    areas = options_of(AREA_CATEGORY)
    figures = []
    for code in COMMITMENT_CODES:
        figures.append(ComputedFigure(code, None, Decimal(sum(counts[code].values())), source, url))
        figures += [ComputedFigure(code, a, Decimal(counts[code][a]), source, url) for a in areas]
    return figures


def compute(unit, date_from, date_to, wanted: set[str] | None) -> list[ComputedFigure]:
    def needs(code: str) -> bool:
        return wanted is None or any(k == code or k.startswith(f"{code}:") for k in wanted)

    figures: list[ComputedFigure] = []
    if needs(IN_FORCE):
        figures += in_force(unit, date_from, date_to)
    if needs(PLANS_SIGNED):
        figures += plans_signed(unit, date_from, date_to)
    if any(needs(code) for code in COMMITMENT_CODES):
        figures += commitment_figures(unit, date_from, date_to)
    return [f for f in figures if wanted is None or f.key in wanted]
