"""The document registry: the directives, plans, decisions and letters reports cite or
answer (PRODUCT.md §7)."""

from django.conf import settings
from django.db import models


class DocumentSystem(models.TextChoices):
    PARTY = "party", "Văn bản của Đảng"
    STATE = "state", "Văn bản của Nhà nước"


class Document(models.Model):
    kind = models.CharField(
        "loại văn bản", max_length=60, blank=True, help_text="Công văn, Kế hoạch, Quyết định…"
    )
    system = models.CharField("hệ thống", max_length=8, choices=DocumentSystem.choices)
    number = models.CharField("số", max_length=20, blank=True)
    year = models.PositiveSmallIntegerField("năm trong ký hiệu", null=True, blank=True)
    type_code = models.CharField("mã loại", max_length=10, blank=True)
    issuer_code = models.CharField("ký hiệu cơ quan ban hành", max_length=60, blank=True)
    symbol = models.CharField("số ký hiệu", max_length=80, db_index=True)
    date = models.DateField("ngày ban hành", null=True, blank=True)
    issued_by = models.CharField("cơ quan ban hành", max_length=255, blank=True)
    issuer_unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name="đơn vị ban hành",
    )
    title = models.TextField("trích yếu", blank=True)
    # Lower-case, diacritics removed (vn.text.fold): "quy che dan van" finds "Quy chế dân vận"
    # with one LIKE on SQLite and PostgreSQL alike.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "symbol"]
        verbose_name = "văn bản"
        verbose_name_plural = "sổ văn bản"
        constraints = [
            models.UniqueConstraint(fields=["symbol", "date"], name="document_symbol_date")
        ]

    def __str__(self) -> str:
        when = f" ngày {self.date:%d/%m/%Y}" if self.date else ""
        return f"{self.kind or 'Văn bản'} {self.symbol}{when}".strip()


class NumberSeries(models.Model):
    """One register of document numbers: an issuer's documents of one type in one series.

    Party bodies number each type from 01 through a cấp ủy's term ("2020-2025"), State bodies
    through the calendar year ("2026"); see `danvan.registry.numbering.series_key`. The row is
    the lock two allocations queue on; `IssuedNumber` holds the numbers themselves.
    """

    issuer = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="number_series",
        verbose_name="đơn vị ban hành",
    )
    system = models.CharField("hệ thống", max_length=8, choices=DocumentSystem.choices)
    type_code = models.CharField("mã loại", max_length=10)
    series = models.CharField("nhiệm kỳ / năm", max_length=20)
    last_number = models.PositiveIntegerField("số đã cấp cuối cùng", default=0)

    class Meta:
        ordering = ["issuer__path", "type_code", "-series"]
        verbose_name = "sổ đăng ký số văn bản"
        verbose_name_plural = "sổ đăng ký số văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "system", "type_code", "series"], name="number_series_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer} — {self.type_code} — {self.series}: {self.last_number}"


class IssuedNumber(models.Model):
    """A number given to one exported document. The unique constraint is the last guard
    against two people getting the same number, on every database."""

    series = models.ForeignKey(NumberSeries, on_delete=models.PROTECT, related_name="numbers")
    issuer = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    type_code = models.CharField("mã loại", max_length=10)
    series_key = models.CharField("nhiệm kỳ / năm", max_length=20)
    number = models.PositiveIntegerField("số")
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    allocated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["series", "number"]
        verbose_name = "số văn bản đã cấp"
        verbose_name_plural = "số văn bản đã cấp"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "type_code", "series_key", "number"], name="issued_number_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number:02d} ({self.type_code}, {self.series_key})"


class Citation(models.Model):
    """A report that cites a registry document, with the sentence it does so in."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="citations")
    submission = models.ForeignKey(
        "reporting.Submission", on_delete=models.CASCADE, related_name="citations"
    )
    sentence = models.TextField("câu trích dẫn", blank=True)
    where = models.CharField(max_length=10, blank=True)  # body | footnote | header
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "submission", "sentence"], name="citation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} ← {self.submission_id}"
