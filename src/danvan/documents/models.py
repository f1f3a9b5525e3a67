"""The document registry: the directives, plans, decisions and letters reports cite or
answer (PRODUCT.md §7)."""

from django.db import models


class DocumentSystem(models.TextChoices):
    PARTY = "party", "Văn bản của Đảng"
    STATE = "state", "Văn bản của Nhà nước"


class Document(models.Model):
    kind = models.CharField("loại văn bản", max_length=60, blank=True, help_text="Công văn, Kế hoạch, Quyết định…")
    system = models.CharField("hệ thống", max_length=8, choices=DocumentSystem.choices)
    number = models.CharField("số", max_length=20, blank=True)
    year = models.PositiveSmallIntegerField("năm trong ký hiệu", null=True, blank=True)
    type_code = models.CharField("mã loại", max_length=10, blank=True)
    issuer_code = models.CharField("ký hiệu cơ quan ban hành", max_length=60, blank=True)
    symbol = models.CharField("số ký hiệu", max_length=80, db_index=True)
    date = models.DateField("ngày ban hành", null=True, blank=True)
    issued_by = models.CharField("cơ quan ban hành", max_length=255, blank=True)
    issuer_unit = models.ForeignKey("orgs.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="documents", verbose_name="đơn vị ban hành")
    title = models.TextField("trích yếu", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "symbol"]
        verbose_name = "văn bản"
        verbose_name_plural = "sổ văn bản"
        constraints = [models.UniqueConstraint(fields=["symbol", "date"], name="document_symbol_date")]

    def __str__(self) -> str:
        when = f" ngày {self.date:%d/%m/%Y}" if self.date else ""
        return f"{self.kind or 'Văn bản'} {self.symbol}{when}".strip()
