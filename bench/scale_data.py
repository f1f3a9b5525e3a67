"""The post-reform country for bench/scale.py, at a fraction `scale` of its size.

A national root (Ban Dân vận Trung ương under the Central Committee), 34 provincial committees
each with its board and three partner agencies, 3,321 × scale commune-level Party committees
spread over the provinces, `indicators` catalogue indicators (15% broken down by a category of
three options), and one national half-year request per period for `periods` half-years ending
with 2025S2, answered by every unit: accepted, except the last period (a mix of accepted,
submitted, returned and drafts, on time and late). Each answer has two narrative sections,
indexed for the search. Rows are written with bulk_create (COPY for the values on PostgreSQL);
signals are not sent, so the search index is written here the way search.index writes it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

PROVINCES = 34
COMMUNES = 3321
AGENCIES = (("UBND", "Ủy ban nhân dân"), ("MTTQ", "Ủy ban MTTQ Việt Nam"), ("CA", "Công an"))
TOPICS = (
    "thực hiện Quy chế dân chủ ở cơ sở",
    "xây dựng mô hình “Dân vận khéo” trong phát triển kinh tế",
    "vận động Nhân dân hiến đất làm đường giao thông nông thôn",
    "đối thoại giữa người đứng đầu cấp ủy với Nhân dân",
    "giải quyết khiếu nại, tố cáo kéo dài, đông người",
    "chuyển đổi số trong công tác dân vận",
)
PLACES = ("Hòa Xuân", "Cồn Dầu", "Thủy Tú", "Bàu Trảng", "Tân An", "Phú Lộc", "An Thới")
BATCH = 2000


def half_years(count: int) -> list[str]:
    """The last `count` half-years up to 2025S2, oldest first."""
    codes = [f"{year}S{half}" for year in range(2025 - count, 2026) for half in (1, 2)]
    return codes[-count:]


def _units(scale: float):
    from danvan.orgs.models import OrgUnit, UnitKind

    start = dt.date(2015, 1, 1)

    def unit(code, name, kind, parent, depth):
        return OrgUnit(
            code=code,
            name=name,
            kind=kind,
            parent=parent,
            path=f"{parent.path if parent else ''}{code}/",
            depth=depth,
            valid_from=start,
        )

    root = unit("VN", "Ban Chấp hành Trung ương Đảng", UnitKind.PARTY_COMMITTEE, None, 0)
    root.save()
    board = unit("VN-BDVTW", "Ban Dân vận Trung ương", UnitKind.BOARD, root, 1)
    board.save()
    provinces = OrgUnit.objects.bulk_create(
        unit(f"P{p:02d}", f"Tỉnh ủy số {p}", UnitKind.PARTY_COMMITTEE, root, 1)
        for p in range(1, PROVINCES + 1)
    )
    members = []
    for province in provinces:
        members.append(
            unit(
                f"{province.code}-BDV", f"Ban Dân vận {province.name}", UnitKind.BOARD, province, 2
            )
        )
        for code, name in AGENCIES:
            members.append(
                unit(
                    f"{province.code}-{code}",
                    f"{name} {province.name.replace('Tỉnh ủy ', 'tỉnh ')}",
                    UnitKind.AGENCY,
                    province,
                    2,
                )
            )
    communes = max(PROVINCES, round(COMMUNES * scale))
    for n in range(communes):
        province = provinces[n % PROVINCES]
        place = PLACES[n % len(PLACES)] if n % 5 == 0 else f"số {n + 1}"
        members.append(
            unit(
                f"{province.code}-X{n + 1:04d}",
                f"Đảng ủy xã {place} ({province.name})",
                UnitKind.PARTY_COMMITTEE,
                province,
                2,
            )
        )
    members = OrgUnit.objects.bulk_create(members, batch_size=BATCH)
    return root, board, provinces, members


def _catalogue(n_indicators: int, owner):
    from danvan.indicators.models import Category, CategoryOption, Indicator
    from danvan.reporting.models import ReportTemplate, TemplateIndicator

    category = Category.objects.create(code="scale-gioi", name="Giới tính")
    options = CategoryOption.objects.bulk_create(
        CategoryOption(category=category, code=code, name=name, order=n)
        for n, (code, name) in enumerate((("nam", "Nam"), ("nu", "Nữ"), ("khac", "Khác")))
    )
    broken_down = max(1, round(n_indicators * 0.15))  # 30 of 200
    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"sc-{n + 1:03d}",
            name=f"Chỉ tiêu quốc gia {n + 1}",
            unit_of_measure="lượt",
            order=n,
            category=category if n < broken_down else None,
        )
        for n in range(n_indicators)
    )
    template = ReportTemplate.objects.create(
        code="scale",
        name="Đề cương báo cáo công tác dân vận 6 tháng",
        owner=owner,
        sections=[
            {"key": "tinh-hinh", "label": "I", "title": "Tình hình Nhân dân"},
            {"key": "ket-qua", "label": "II", "title": "Kết quả công tác dân vận"},
        ],
    )
    TemplateIndicator.objects.bulk_create(
        TemplateIndicator(template=template, indicator=i, order=n) for n, i in enumerate(indicators)
    )
    return indicators, options, template


def _status(n: int, last: bool) -> tuple[str, bool]:
    """(status, late) of unit n's answer: all accepted in the past, a mix in the last period."""
    if not last:
        return "accepted", n % 9 == 0
    mix = n % 10
    if mix < 6:
        return "accepted", mix == 5
    if mix < 8:
        return "submitted", mix == 7
    return ("returned", False) if mix == 8 else ("draft", False)


def _values(n: int, k: int, p: int, broken_down: bool) -> list[tuple[int | None, Decimal]]:
    """(option index or None, value) of indicator k for unit n in period p."""
    if not broken_down:
        return [(None, Decimal((n * 3 + k * 7 + p * 11) % 100 + 1))]
    parts = [Decimal((n * 5 + k * 13 + p * 3 + j) % 40) for j in range(3)]
    return [(None, sum(parts))] + list(enumerate(parts))


def _copy_values(rows, connection) -> None:
    """COPY into reporting_datavalue (PostgreSQL)."""
    columns = "submission_id, indicator_id, option_id, unit_id, unit_path, period_id, value"
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY reporting_datavalue ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def generate(scale: float, n_indicators: int, n_periods: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.utils import timezone

    from danvan.accounts.models import Membership
    from danvan.orgs.models import OrgUnit
    from danvan.reporting.models import (
        Assignment,
        DataValue,
        ReportRequest,
        Revision,
        Submission,
    )
    from danvan.reporting.periods import data_window
    from danvan.reporting.services import ensure_period
    from danvan.search.models import Entry
    from danvan.search.text import folded

    with transaction.atomic():
        root, board, provinces, members = _units(scale)
        indicators, options, template = _catalogue(n_indicators, board)
        User = get_user_model()
        coordinator = User.objects.create_user("scale.dieuphoi", password=None)
        reporter = User.objects.create_user("scale.baocao", password=None)
        Membership.objects.create(user=coordinator, unit=root, role="coordinator")
        Membership.objects.create(user=reporter, unit=members[-1], role="reporter")
        codes = half_years(n_periods)
        n_values = 0
        for p, code in enumerate(codes):
            period = ensure_period(code)
            last = p == len(codes) - 1
            data_from, data_to = data_window(code, "party")
            deadline = period.end + dt.timedelta(days=10)
            request = ReportRequest.objects.create(
                issuer=board,
                title=f"Báo cáo công tác dân vận {period.name[0].lower()}{period.name[1:]}",
                template=template,
                period=period,
                data_from=data_from,
                data_to=data_to,
                deadline=deadline,
                issued_at=timezone.make_aware(dt.datetime.combine(period.end, dt.time(8))),
            )
            assignments = Assignment.objects.bulk_create(
                (
                    Assignment(request=request, unit=u, unit_name=u.name, unit_path=u.path)
                    for u in members
                ),
                batch_size=BATCH,
            )
            on_time = timezone.make_aware(dt.datetime.combine(deadline, dt.time(9)))
            states = [_status(n, last) for n in range(len(members))]
            submissions = Submission.objects.bulk_create(
                (
                    Submission(
                        assignment=a,
                        status=status,
                        version=1,
                        first_submitted_at=None
                        if status == "draft"
                        else on_time + dt.timedelta(days=4 if late else 0),
                        submitted_at=None if status == "draft" else on_time,
                        accepted_at=on_time if status == "accepted" else None,
                    )
                    for a, (status, late) in zip(assignments, states, strict=True)
                ),
                batch_size=BATCH,
            )
            texts = []
            for n, unit in enumerate(members):
                topic = TOPICS[(n + p) % len(TOPICS)]
                texts.append(
                    {
                        "tinh-hinh": f"Tình hình Nhân dân trên địa bàn {unit.name} ổn định; "
                        f"Nhân dân phấn khởi, tin tưởng. Kỳ {period.name}.",
                        "ket-qua": f"{unit.name} tập trung {topic}; tổ chức đối thoại tại "
                        f"{PLACES[(n * 3 + p) % len(PLACES)]} với {n % 40 + 10} lượt người dân.",
                    }
                )
            revisions = Revision.objects.bulk_create(
                (
                    Revision(
                        submission=s,
                        number=1,
                        kind="accept" if s.status == "accepted" else "save",
                        created_at=on_time,
                        sections=text,
                        values={},
                    )
                    for s, text in zip(submissions, texts, strict=True)
                ),
                batch_size=BATCH,
            )
            Entry.objects.bulk_create(
                (
                    Entry(
                        kind="passage",
                        submission=s,
                        revision=r,
                        section=key,
                        title=f"{unit.name} — {key}",
                        text=body,
                        folded=folded(body),
                        period_code=code,
                        unit_path=unit.path,
                        date=period.end,
                    )
                    for s, r, unit, text in zip(submissions, revisions, members, texts, strict=True)
                    for key, body in text.items()
                ),
                batch_size=BATCH,
            )
            rows = [
                (
                    s.pk,
                    ind.pk,
                    options[j].pk if j is not None else None,
                    unit.pk,
                    unit.path,
                    period.pk,
                    v,
                )
                for n, (s, unit) in enumerate(zip(submissions, members, strict=True))
                if s.status != "draft"
                for k, ind in enumerate(indicators)
                for j, v in _values(n, k, p, ind.category_id is not None)
            ]
            if connection.vendor == "postgresql":
                _copy_values(rows, connection)
            else:
                fields = (
                    "submission_id",
                    "indicator_id",
                    "option_id",
                    "unit_id",
                    "unit_path",
                    "period_id",
                    "value",
                )
                for start in range(0, len(rows), 20000):
                    DataValue.objects.bulk_create(
                        (
                            DataValue(**dict(zip(fields, row, strict=True)))
                            for row in rows[start : start + 20000]
                        ),
                        batch_size=BATCH,
                    )
            n_values += len(rows)
            print(f"  {code}: {len(members):,} answers, {len(rows):,} values", flush=True)
    from danvan.reporting import summary

    summary.rebuild()  # the values were written in bulk, past the services that keep it
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"units": OrgUnit.objects.count(), "values": n_values, "periods": len(codes)}
