"""Organisation units: an effective-dated tree with successions between units.

A unit never changes identity: when a body is merged, split or renamed, the old unit gets a
`valid_to` and the new one a `valid_from`, linked by an OrgSuccession. A 2019 report therefore
stays attributed to the unit that existed in 2019.
"""

from __future__ import annotations

import datetime as dt

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q


class UnitKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", "Cấp ủy đảng"
    BOARD = "board", "Ban của cấp ủy"
    BLOC_COMMITTEE = "bloc_committee", "Đảng ủy khối"
    GRASSROOTS_PARTY = "grassroots_party", "Tổ chức cơ sở đảng"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    POLICE = "police", "Công an"
    MILITARY = "military", "Quân sự"
    BORDER_GUARD = "border_guard", "Bộ đội Biên phòng"
    FRONT = "front", "Mặt trận Tổ quốc"
    MASS_ORGANISATION = "mass_organisation", "Đoàn thể"
    AGENCY = "agency", "Cơ quan khác"


class SuccessionKind(models.TextChoices):
    MERGE = "merge", "Hợp nhất / sáp nhập"
    SPLIT = "split", "Chia tách"
    RENAME = "rename", "Đổi tên"
    TRANSFER = "transfer", "Chuyển trực thuộc"


unit_code_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9_.-]*$",
    "Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ số và các dấu - _ .",
)

PATH_SEPARATOR = "/"


class OrgUnitQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> OrgUnitQuerySet:
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))

    def subtree_of(self, unit: OrgUnit) -> OrgUnitQuerySet:
        return self.filter(path__startswith=unit.path)

    def within_paths(self, paths: list[str]) -> OrgUnitQuerySet:
        if not paths:
            return self.none()
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition)


class OrgUnit(models.Model):
    code = models.CharField("mã", max_length=40, unique=True, validators=[unit_code_validator])
    name = models.CharField("tên", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=120, blank=True)
    kind = models.CharField("loại", max_length=32, choices=UnitKind.choices)
    issuer_code = models.CharField("ký hiệu cơ quan ban hành", max_length=40, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="đơn vị cấp trên",
    )
    # Materialised path of codes from the root, e.g. "DN-TU/DN-BDVTU/": subtree queries are
    # one indexed prefix match instead of a walk.
    path = models.CharField("đường dẫn", max_length=1000, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField("hiệu lực từ")
    valid_to = models.DateField(
        "hiệu lực đến", null=True, blank=True, help_text="Ngày cuối cùng còn hiệu lực"
    )
    note = models.TextField("ghi chú", blank=True, help_text="Nguồn, giả định về ngày tháng…")

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="orgunit_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.code}{PATH_SEPARATOR}"


class OrgSuccession(models.Model):
    predecessor = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="successions_out",
        verbose_name="đơn vị tiền thân",
    )
    successor = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="successions_in",
        verbose_name="đơn vị kế thừa",
    )
    date = models.DateField("ngày kế thừa", help_text="Ngày đầu tiên đơn vị kế thừa đảm nhận")
    kind = models.CharField("hình thức", max_length=16, choices=SuccessionKind.choices)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        ordering = ["date", "predecessor__code", "successor__code"]
        verbose_name = "quan hệ kế thừa"
        verbose_name_plural = "quan hệ kế thừa"
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="succession_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor.code} → {self.successor.code} ({self.get_kind_display()}, {self.date:%d/%m/%Y})"
