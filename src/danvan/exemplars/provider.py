"""The register's provider: its figures for the reporting cycle, inbox items, tiles, search,
links for a registration campaign's assignment, and the demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils.http import urlencode

from danvan.accounts import permissions
from danvan.registers import ComputedFigure, InboxItem, SearchHit, Tile
from danvan.vn.text import fold

from . import counting, selectors
from .catalogue import CATEGORIES, INDICATORS
from .models import Field, Kind, Level, Metric, RecognitionForm, Status, Subject
from .permissions import REGISTER

LABEL = "Dân vận khéo"
# The figures the two sample reports already give a code for (seed catalogue): the register
# fills them as well, so a report's "97/97" comes from here.
SEED_CODES = {
    "dvk-tccs-duy-tri-mo-hinh": "dvk_tccs_co_mo_hinh",
    "tccs-dang-tong-so": "dvk_tccs_tong_so",
}
KIND_SUBJECT = {
    (Kind.MODEL, Subject.COLLECTIVE): "mo-hinh-tap-the",
    (Kind.MODEL, Subject.INDIVIDUAL): "mo-hinh-ca-nhan",
    (Kind.EXEMPLAR, Subject.COLLECTIVE): "dien-hinh-tap-the",
    (Kind.EXEMPLAR, Subject.INDIVIDUAL): "dien-hinh-ca-nhan",
}
FIELD_OPTION = {f.value: f.value.replace("_", "-") for f in Field}
LEVEL_OPTION = {lv.value: lv.value.replace("_", "-") for lv in Level}
FORM_OPTION = {
    RecognitionForm.PRAISE: "bieu-duong",
    RecognitionForm.CERTIFICATE: "giay-khen",
    RecognitionForm.MERIT: "bang-khen",
}
METRIC_CODE = {m.value: f"dvk_dau_ra_{m.value}" for m in Metric}


def _keys() -> list[tuple[str, str | None]]:
    keys: list[tuple[str, str | None]] = []
    for code, *_rest, category in INDICATORS:
        keys.append((code, None))
        if category:
            keys += [(code, option) for option, _ in CATEGORIES[category][1]]
    return keys + [(code, None) for code in SEED_CODES]


def counts_url(unit, date_from: dt.date, date_to: dt.date) -> str:
    query = urlencode(
        {"don-vi": unit.code, "tu": date_from.isoformat(), "den": date_to.isoformat()}
    )
    return f"{reverse('exemplars:counts')}?{query}"


def figures_from(counts: counting.Counts) -> list[ComputedFigure]:
    unit, start, end = counts.unit, counts.date_from, counts.date_to
    window = f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
    where = f"sổ “Dân vận khéo” của {unit.name}"
    url = counts_url(unit, start, end)
    out: list[ComputedFigure] = []

    def add(code, option, value, provenance):
        out.append(ComputedFigure(code, option, Decimal(value), provenance, url))

    for code, measure, what in (
        ("dvk_dang_ky_moi", "registered_new", f"đăng ký trong kỳ {window}"),
        ("dvk_duy_tri", "maintained", f"đang duy trì ngày {end:%d/%m/%Y}"),
        ("dvk_hieu_qua", "effective", f"có đánh giá hiệu quả còn hiệu lực ngày {end:%d/%m/%Y}"),
        ("dvk_tieu_bieu", "outstanding", f"được chọn tiêu biểu trong kỳ {window}"),
        ("dvk_luy_ke_dang_ky", "cumulative", f"đã đăng ký đến ngày {end:%d/%m/%Y}"),
    ):
        split = counts.by_kind_subject(measure)
        total = sum(split.values())
        add(code, None, total, f"Tính từ {where}: {total} mô hình, điển hình {what}.")
        for cell, option in KIND_SUBJECT.items():
            add(code, option, split.get(cell, 0), f"Tính từ {where}: {split.get(cell, 0)} {what}.")
    fields = counts.by("maintained", 2)
    add("dvk_duy_tri_linh_vuc", None, sum(fields.values()), f"Tính từ {where}, theo lĩnh vực.")
    for value, option in FIELD_OPTION.items():
        add(
            "dvk_duy_tri_linh_vuc",
            option,
            fields.get(value, 0),
            f"Tính từ {where}: lĩnh vực {Field(value).label}.",
        )
    total = sum(counts.recognised_by_level.values())
    add(
        "dvk_cong_nhan",
        None,
        total,
        f"Tính từ {where}: {total} quyết định công nhận trong kỳ {window}.",
    )
    for value, option in LEVEL_OPTION.items():
        n = counts.recognised_by_level.get(value, 0)
        add(
            "dvk_cong_nhan",
            option,
            n,
            f"Tính từ {where}: {n} được công nhận {Level(value).label.lower()}.",
        )
    total = sum(counts.awards_by_form.values())
    add(
        "dvk_khen_thuong",
        None,
        total,
        f"Tính từ {where}: {total} lượt khen thưởng trong kỳ {window}.",
    )
    for value, option in FORM_OPTION.items():
        n = counts.awards_by_form.get(value, 0)
        add(
            "dvk_khen_thuong",
            option,
            n,
            f"Tính từ {where}: {n} lượt {RecognitionForm(value).label.lower()}.",
        )
    having, of = len(counts.grassroots_with_model), len(counts.grassroots)
    share = (
        f"Tính từ {where} và cây đơn vị: {having}/{of} tổ chức cơ sở đảng (hiệu lực ngày "
        f"{end:%d/%m/%Y}) có mô hình đang duy trì."
    )
    for code in ("dvk_tccs_co_mo_hinh", "dvk-tccs-duy-tri-mo-hinh"):
        add(code, None, having, share)
    for code in ("dvk_tccs_tong_so", "tccs-dang-tong-so"):
        add(code, None, of, share)
    if counts.assessed_share is not None:
        add(
            "dvk_ty_le_danh_gia",
            None,
            counts.assessed_share,
            f"Tính từ {where}: {counts.assessed_recently}/{counts.maintained_total} mô hình, "
            f"điển hình đang duy trì có đánh giá trong 12 tháng đến ngày {end:%d/%m/%Y}.",
        )
    for metric, code in METRIC_CODE.items():
        value = counts.outputs.get(metric) or Decimal(0)
        add(
            code,
            None,
            value,
            f"Tính từ {where}: tổng “{Metric(metric).label}” của các kỳ kết thúc trong {window}.",
        )
    return out


class ExemplarsProvider:
    key = "exemplars"
    label = LABEL

    def indicators(self) -> list[tuple[str, str | None]]:
        return _keys()

    def figures(self, *, unit, date_from, date_to, wanted=None) -> list[ComputedFigure]:
        figures = figures_from(counting.compute(unit, date_from, date_to))
        return [f for f in figures if wanted is None or f.key in wanted]

    def inbox_items(self, user, today: dt.date) -> list[InboxItem]:
        items = []
        for entry in selectors.due_for_assessment(user, today)[:50]:
            due = entry.evaluation_date if not entry.assessments.all() else None
            items.append(
                InboxItem(
                    register=LABEL,
                    title=f"Đến hạn đánh giá: {entry.name}",
                    url=reverse("exemplars:detail", args=[entry.pk]),
                    due=due,
                    overdue=bool(due and due < today) or due is None,
                    note=entry.owner_unit.name,
                )
            )
        return items

    def tiles(self, user, today: dt.date) -> list[Tile]:
        live = selectors.live_entries(user, today)
        maintained = live.exclude(status__in=[Status.PLANNED, Status.STOPPED]).count()
        if not maintained and not selectors.visible_entries(user).exists():
            return []
        due = len(selectors.due_for_assessment(user, today))
        index = reverse("exemplars:index")
        return [
            Tile(LABEL, "Mô hình, điển hình đang duy trì", maintained, index),
            Tile(
                LABEL, "Đến hạn đánh giá", due, f"{index}?den-han=1", "Chưa đánh giá trong 12 tháng"
            ),
        ]

    def search(self, user, query: str, limit: int = 20) -> list[SearchHit]:
        if not fold(query).split():
            return []
        found = selectors.entries(user, selectors.Filters(query=query))[:limit]
        return [
            SearchHit(
                register=LABEL,
                title=entry.name,
                url=reverse("exemplars:detail", args=[entry.pk]),
                excerpt=f"{entry.get_kind_display()} {entry.get_subject_display().lower()} — "
                f"{entry.owner_unit.name} — {entry.get_status_display()}",
                date=entry.registered_on,
            )
            for entry in found
        ]

    def assignment_links(self, user, assignment) -> list[tuple[str, str]]:
        # Only a registration campaign: a request about "Dân vận khéo" models.
        if "dan van kheo" not in fold(assignment.request.title):
            return []
        if not permissions.has_permission(user, REGISTER, assignment.unit):
            return []
        url = f"{reverse('exemplars:create')}?{urlencode({'giao': assignment.pk})}"
        return [("Đăng ký mô hình, điển hình “Dân vận khéo”", url)]

    def load_demo(self):
        from .demo import load_demo

        return load_demo()
