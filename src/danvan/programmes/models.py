"""Coordination programmes (chương trình phối hợp công tác dân vận).

An `Instrument` is a quy chế, a chương trình or a plan signed jointly by several bodies from
different trees (Party, State, armed forces, Front). Plans lie inside their programme
(`parent`); a replaced instrument points at its `successor`. Each signing body is a `Party`
(the unit as of the signing date, with its role and signer). A plan is split into
`Commitment`s, each led by one party with partner parties; each half-year or year a `Review`
(answered through the reporting cycle) collects one `Progress` row per commitment and party.
A party outside the coordinating board's subtree gets a `ProgrammeGrant`: a role on that
instrument only, from its signing to its end.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ContentArea(models.Model):
    """A catalogue of what commitments are about, extended by the administrator."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên lĩnh vực", max_length=200)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    active = models.BooleanField("đang dùng", default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "lĩnh vực phối hợp"
        verbose_name_plural = "lĩnh vực phối hợp"

    def __str__(self) -> str:
        return self.name


class InstrumentKind(models.TextChoices):
    QUY_CHE = "quy_che", "Quy chế phối hợp"
    CHUONG_TRINH = "chuong_trinh", "Chương trình phối hợp"
    KE_HOACH_NAM = "ke_hoach_nam", "Kế hoạch năm"
    KE_HOACH_6_THANG = "ke_hoach_6_thang", "Kế hoạch 6 tháng"
    KE_HOACH_CHUYEN_DE = "ke_hoach_chuyen_de", "Kế hoạch chuyên đề"


PLAN_KINDS = frozenset(
    {
        InstrumentKind.KE_HOACH_NAM,
        InstrumentKind.KE_HOACH_6_THANG,
        InstrumentKind.KE_HOACH_CHUYEN_DE,
    }
)


class InstrumentState(models.TextChoices):
    DU_THAO = "du_thao", "Dự thảo"
    TRINH_XIN_CHU_TRUONG = "trinh_xin_chu_truong", "Trình xin chủ trương"
    DA_KY = "da_ky", "Đã ký"
    HIEU_LUC = "hieu_luc", "Đang có hiệu lực"
    HET_HIEU_LUC = "het_hieu_luc", "Hết hiệu lực"
    THAY_THE = "thay_the", "Đã được thay thế"
    CHAM_DUT_SAP_XEP = "cham_dut_sap_xep", "Chấm dứt do sắp xếp tổ chức"


# States in which the instrument binds its parties (signed and not ended).
SIGNED_STATES = frozenset({InstrumentState.DA_KY, InstrumentState.HIEU_LUC})
ENDED_STATES = frozenset(
    {
        InstrumentState.HET_HIEU_LUC,
        InstrumentState.THAY_THE,
        InstrumentState.CHAM_DUT_SAP_XEP,
    }
)


class Instrument(models.Model):
    kind = models.CharField("loại", max_length=24, choices=InstrumentKind.choices)
    # The joint số ký hiệu as written ("02-CTr/BDVTU-BCHQST-CAT-BCHBPT"), blank for a draft;
    # number / type_code / issuer_code are its parts read by danvan.vn.symbols.
    symbol = models.CharField("số ký hiệu", max_length=120, blank=True, db_index=True)
    number = models.CharField("số", max_length=20, blank=True)
    type_code = models.CharField("mã loại", max_length=10, blank=True)
    issuer_code = models.CharField("ký hiệu các bên ban hành", max_length=100, blank=True)
    title = models.TextField("trích yếu")
    signed_on = models.DateField("ngày ký", null=True, blank=True)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="văn bản cấp trên (chương trình / quy chế)",
    )
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        verbose_name="văn bản thay thế",
    )
    state = models.CharField(
        "trạng thái",
        max_length=24,
        choices=InstrumentState.choices,
        default=InstrumentState.DU_THAO,
        db_index=True,
    )
    # The thường trực board that keeps the instrument (its subtree sees and edits it).
    owner = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="programme_instruments",
        verbose_name="cơ quan thường trực",
    )
    based_on = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="coordination_instruments",
        verbose_name="căn cứ",
    )
    signed_file = models.ForeignKey(
        "imports.StoredFile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tệp văn bản đã ký",
    )
    signed_file_name = models.CharField("tên tệp", max_length=255, blank=True)
    # What the reader proposed from the signed file (number, date, parties, signers), kept
    # until a person confirms or dismisses it; {} when there is nothing to confirm.
    proposal = models.JSONField("đề xuất từ tệp", default=dict, blank=True)
    note = models.TextField("ghi chú", blank=True)
    # Lower-case, diacritics removed (vn.text.fold) symbol + title, for one LIKE search.
    search_text = models.TextField(blank=True, editable=False)
    # Optimistic concurrency: every edit names the version it started from.
    version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-signed_on", "-id"]
        verbose_name = "văn bản phối hợp"
        verbose_name_plural = "văn bản phối hợp"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="instrument_valid_range",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="instrument_not_own_parent"
            ),
            models.UniqueConstraint(
                fields=["symbol", "signed_on"],
                condition=~Q(symbol=""),
                name="instrument_symbol_date",
            ),
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label} {self.symbol}".strip() if self.symbol else f"{label} (dự thảo)"

    @property
    def is_plan(self) -> bool:
        return self.kind in PLAN_KINDS


class PartyRole(models.TextChoices):
    CHU_TRI = "chu_tri", "Chủ trì"
    PHOI_HOP = "phoi_hop", "Phối hợp"
    THUONG_TRUC = "thuong_truc", "Thường trực"
    KY_KET = "ky_ket", "Ký kết"


class Party(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="parties")
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="programme_parties",
        verbose_name="đơn vị",
    )
    role = models.CharField("vai trò", max_length=12, choices=PartyRole.choices)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=200, blank=True)
    # The joint report's grouping label ("II.1 Ủy ban nhân dân", "II.2 Lực lượng vũ trang").
    group = models.CharField("nhóm trong báo cáo", max_length=120, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    # Set when a person confirmed the change of party after the unit ended (2025 reform): the
    # row stays for the history (its progress, its signature); `replaced_by` carries on.
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        verbose_name="bên kế thừa",
    )
    ended_on = models.DateField("thôi tham gia từ ngày", null=True, blank=True)

    class Meta:
        ordering = ["instrument", "order", "id"]
        verbose_name = "bên tham gia"
        verbose_name_plural = "bên tham gia"
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "unit", "role"], name="party_unit_role_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.get_role_display()})"


class Commitment(models.Model):
    """A nhiệm vụ phối hợp of a plan."""

    plan = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="commitments", verbose_name="kế hoạch"
    )
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.PROTECT, related_name="commitments", verbose_name="lĩnh vực"
    )
    content = models.TextField("nội dung nhiệm vụ")
    lead = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="led_commitments", verbose_name="bên chủ trì"
    )
    partners = models.ManyToManyField(
        Party, blank=True, related_name="partner_commitments", verbose_name="bên phối hợp"
    )
    deliverable = models.TextField("sản phẩm", blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="chỉ tiêu",
    )
    target = models.DecimalField(
        "chỉ tiêu phấn đấu", max_digits=14, decimal_places=2, null=True, blank=True
    )
    due_on = models.DateField("hạn hoàn thành", null=True, blank=True)
    period_code = models.CharField("kỳ", max_length=10, blank=True)  # "2022S1", "2022"
    evidence_expected = models.TextField("minh chứng cần có", blank=True)
    order = models.PositiveIntegerField("thứ tự", default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = "nhiệm vụ phối hợp"
        verbose_name_plural = "nhiệm vụ phối hợp"

    def __str__(self) -> str:
        return self.content[:80]


class ReviewKind(models.TextChoices):
    HALF_YEAR = "half_year", "Sơ kết 6 tháng"
    YEAR = "year", "Tổng kết năm"


class Review(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="reviews")
    period_code = models.CharField("kỳ", max_length=10)
    kind = models.CharField("loại", max_length=10, choices=ReviewKind.choices)
    report_request = models.ForeignKey(
        "reporting.ReportRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_reviews",
        verbose_name="yêu cầu báo cáo",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_code", "-id"]
        verbose_name = "kỳ sơ kết, tổng kết"
        verbose_name_plural = "kỳ sơ kết, tổng kết"
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "period_code", "kind"], name="review_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_code} — {self.instrument}"


class ProgressStatus(models.TextChoices):
    CHUA_TRIEN_KHAI = "chua_trien_khai", "Chưa triển khai"
    DANG_THUC_HIEN = "dang_thuc_hien", "Đang thực hiện"
    HOAN_THANH = "hoan_thanh", "Hoàn thành"
    CHAM = "cham", "Chậm"
    HUY = "huy", "Hủy"


class Progress(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="progress")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="progress")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="progress")
    status = models.CharField(
        "tình trạng",
        max_length=16,
        choices=ProgressStatus.choices,
        default=ProgressStatus.CHUA_TRIEN_KHAI,
    )
    value = models.DecimalField("kết quả", max_digits=14, decimal_places=2, null=True, blank=True)
    narrative = models.TextField("kết quả thực hiện", blank=True)
    evidence = models.ManyToManyField(
        "documents.Document", blank=True, related_name="+", verbose_name="minh chứng"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField("ngày báo cáo", null=True, blank=True)
    submission = models.ForeignKey(
        "reporting.Submission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_progress",
    )
    accepted = models.BooleanField("đã được tiếp nhận", default=False)

    class Meta:
        ordering = ["commitment", "party", "-review"]
        verbose_name = "tiến độ nhiệm vụ"
        verbose_name_plural = "tiến độ nhiệm vụ"
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "review", "party"], name="progress_once_per_review"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.get_status_display()}"


class ProgrammeGrant(models.Model):
    """A unit outside the coordinating board's subtree with a role on this instrument only."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="grants")
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="programme_grants"
    )
    granted_on = models.DateField("cấp từ ngày")
    ended_on = models.DateField("chấm dứt ngày", null=True, blank=True)

    class Meta:
        ordering = ["instrument", "unit__path"]
        verbose_name = "quyền theo chương trình"
        verbose_name_plural = "quyền theo chương trình"
        constraints = [
            models.UniqueConstraint(fields=["instrument", "unit"], name="grant_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.instrument}"
