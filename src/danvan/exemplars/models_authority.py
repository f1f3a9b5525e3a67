"""Who assesses and who recognises the entries of a unit subtree at one level, from one date to
another (since 7/2025 the commune's Front standing committee compiles the register; district
steering committees recognised models before that). Where no setting is in force, the board
of the subtree does both (authority.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .models import Level


class Authority(models.Model):
    root_unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="áp dụng cho cây đơn vị",
        help_text="Mô hình, điển hình của đơn vị này và các đơn vị trực thuộc",
    )
    level = models.CharField("cấp", max_length=12, choices=Level.choices)
    assessing_unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="đơn vị đánh giá",
        help_text="Để trống: ban dân vận cấp trên đánh giá như mặc định",
    )
    recognising_unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="đơn vị công nhận",
        help_text="Để trống: ban dân vận cấp trên công nhận như mặc định",
    )
    valid_from = models.DateField("áp dụng từ")
    valid_to = models.DateField("áp dụng đến", null=True, blank=True)
    source = models.CharField("căn cứ (văn bản quy định)", max_length=300, blank=True)

    class Meta:
        ordering = ["root_unit__path", "level", "-valid_from"]
        verbose_name = "đơn vị đánh giá, công nhận theo cấp"
        verbose_name_plural = "đơn vị đánh giá, công nhận theo cấp"

    def __str__(self) -> str:
        return f"{self.root_unit} – {self.get_level_display()} từ {self.valid_from:%d/%m/%Y}"

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = "Ngày hết hiệu lực phải sau ngày áp dụng."
        if not self.assessing_unit_id and not self.recognising_unit_id:
            errors["assessing_unit"] = "Chọn ít nhất đơn vị đánh giá hoặc đơn vị công nhận."
        if errors:
            raise ValidationError(errors)
        if self.root_unit_id and self.level and self.valid_from:
            overlapping = Authority.objects.filter(
                root_unit_id=self.root_unit_id, level=self.level
            ).exclude(pk=self.pk)
            overlapping = overlapping.filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
            )
            if self.valid_to:
                overlapping = overlapping.filter(valid_from__lte=self.valid_to)
            if overlapping.exists():
                raise ValidationError(
                    "Đã có quy định cho cây đơn vị và cấp này trong khoảng thời gian đó; "
                    "hãy cho quy định cũ hết hiệu lực trước ngày áp dụng mới."
                )

    def in_force(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)
