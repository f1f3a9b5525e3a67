"""The "Dân vận khéo" register: models (mô hình) and exemplars (điển hình), their status
history, assessments against versioned criteria, recognitions and measured outputs.

Every category an entry belongs to is a separate field, so counts are made per category and
never added across them (registers-domain.md §2).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from . import scoring as score_rules


class Kind(models.TextChoices):
    MODEL = "mo_hinh", "Mô hình"
    EXEMPLAR = "dien_hinh", "Điển hình"


class Subject(models.TextChoices):
    COLLECTIVE = "tap_the", "Tập thể"
    INDIVIDUAL = "ca_nhan", "Cá nhân"


class Field(models.TextChoices):
    ECONOMY = "kinh_te", "Kinh tế"
    CULTURE = "van_hoa_xa_hoi", "Văn hóa – xã hội"
    DEFENCE = "quoc_phong_an_ninh", "Quốc phòng – an ninh"
    POLITICAL = "xay_dung_htct", "Xây dựng hệ thống chính trị"


class Channel(models.TextChoices):
    PARTY_CELL = "chi_bo", "Chi bộ, tổ chức cơ sở đảng"
    FRONT = "mat_tran", "Mặt trận Tổ quốc, đoàn thể"
    AGENCY = "co_quan", "Cơ quan, trường học, đơn vị"


class Status(models.TextChoices):
    PLANNED = "du_kien", "Dự kiến"
    REGISTERED = "dang_ky", "Đăng ký"
    LAUNCHED = "ra_mat", "Ra mắt"
    RUNNING = "trien_khai", "Đang triển khai"
    ASSESSING = "danh_gia", "Đánh giá"
    EFFECTIVE = "hieu_qua", "Hiệu quả"
    RECOGNISED = "cong_nhan", "Công nhận"
    OUTSTANDING = "tieu_bieu", "Tiêu biểu"
    AWARDED = "khen_thuong", "Khen thưởng"
    REPLICATED = "nhan_rong", "Nhân rộng"
    INEFFECTIVE = "chua_hieu_qua", "Chưa hiệu quả"
    CONSOLIDATING = "cung_co", "Củng cố"
    STOPPED = "dung", "Dừng"


class Level(models.TextChoices):
    COMMUNE = "xa", "Cấp xã"
    DISTRICT = "huyen", "Cấp huyện (trước 7/2025)"
    PROVINCE = "tinh", "Cấp tỉnh"
    CENTRAL = "trung_uong", "Trung ương"


class RecognitionForm(models.TextChoices):
    RECOGNITION = "cong_nhan", "Công nhận"
    OUTSTANDING = "tieu_bieu", "Tiêu biểu"
    PRAISE = "bieu_duong", "Biểu dương"
    CERTIFICATE = "giay_khen", "Giấy khen"
    MERIT = "bang_khen", "Bằng khen"


class Conclusion(models.TextChoices):
    EFFECTIVE = "hieu_qua", "Hiệu quả"
    INEFFECTIVE = "chua_hieu_qua", "Chưa hiệu quả"
    STOP = "dung", "Đề nghị dừng"


class Metric(models.TextChoices):
    MONEY = "tien", "Tiền (đồng)"
    WORKDAYS = "ngay_cong", "Ngày công"
    LAND = "dat_hien", "Đất hiến (m²)"
    ROAD = "duong", "Đường giao thông (km)"
    HOUSEHOLDS = "ho_thoat_ngheo", "Hộ thoát nghèo"
    PEOPLE = "nguoi_tham_gia", "Người tham gia"


TAGS = {
    "nong_thon_moi": "Nông thôn mới",
    "do_thi_van_minh": "Đô thị văn minh",
    "chuyen_doi_so": "Chuyển đổi số",
    "dan_toc_thieu_so": "Dân tộc thiểu số",
    "ton_giao": "Tôn giáo",
    "an_sinh_xa_hoi": "An sinh xã hội",
    "cai_cach_hanh_chinh": "Cải cách hành chính",
}
SUB_MOVEMENTS = {
    "": "Dân vận khéo",
    "song_tot_doi_dep_dao": "Dân vận khéo, sống tốt đời đẹp đạo",
}


class Scoring(models.TextChoices):
    CHECKLIST = "checklist", "Đánh dấu tiêu chí đạt"
    SCORES = "scores", "Chấm điểm từng tiêu chí"


class CriteriaSet(models.Model):
    """Assessment criteria, versioned: the general set, or a province's own set that replaces
    it within the province's subtree from `valid_from`. A checklist set lists the criteria's
    texts; a scored set lists {"text", "max"} and passes from `pass_score` (scoring.py)."""

    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên bộ tiêu chí", max_length=300)
    source = models.CharField("nguồn", max_length=300)
    scope_unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="áp dụng cho đơn vị",
        help_text="Để trống: bộ tiêu chí chung",
    )
    valid_from = models.DateField("áp dụng từ")
    valid_to = models.DateField("áp dụng đến", null=True, blank=True)
    criteria = models.JSONField(
        "tiêu chí",
        default=list,
        help_text='Đánh dấu: ["tiêu chí 1", …]; chấm điểm: [{"text": "tiêu chí 1", "max": 20}, …]',
    )
    scoring = models.CharField(
        "cách đánh giá", max_length=10, choices=Scoring.choices, default=Scoring.CHECKLIST
    )
    pass_score = models.DecimalField(
        "điểm đạt",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Chấm điểm: tổng điểm từ mức này trở lên thì đề xuất kết luận “Hiệu quả”",
    )
    yearly_reassessment = models.BooleanField(
        "phải đánh giá lại hằng năm",
        default=False,
        help_text="Tỉnh quy định; không phải quy định chung",
    )

    class Meta:
        ordering = ["-valid_from", "code"]
        verbose_name = "bộ tiêu chí"
        verbose_name_plural = "bộ tiêu chí"

    def __str__(self) -> str:
        return self.name

    def clean(self):
        score_rules.check_criteria_set(self)

    @property
    def scored(self) -> bool:
        return self.scoring == Scoring.SCORES

    items = property(score_rules.items)


class Entry(models.Model):
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    subject = models.CharField("chủ thể", max_length=10, choices=Subject.choices)
    name = models.CharField("tên mô hình, điển hình", max_length=300)
    owner_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    channel = models.CharField("kênh đăng ký", max_length=10, choices=Channel.choices)
    field = models.CharField("lĩnh vực", max_length=20, choices=Field.choices)
    tags = models.JSONField("gắn nhãn", default=list, blank=True)
    sub_movement = models.CharField("phong trào", max_length=30, blank=True)
    # The ten registration items (all required when registering).
    situation = models.TextField("thực trạng, lý do", blank=True)
    goals = models.TextField("mục tiêu, tiêu chí", blank=True)
    content = models.TextField("nội dung, cách thức", blank=True)
    area = models.TextField("địa bàn, đối tượng", blank=True)
    forces_lead = models.TextField("lực lượng chủ trì", blank=True)
    forces_coordinating = models.TextField("lực lượng phối hợp", blank=True)
    forces_participating = models.TextField("lực lượng tham gia", blank=True)
    resources = models.TextField("nguồn lực", blank=True)
    start_date = models.DateField("ngày bắt đầu", null=True, blank=True)
    milestones = models.TextField("mốc thực hiện", blank=True)
    evaluation_date = models.DateField("thời điểm đánh giá", null=True, blank=True)
    expected_outputs = models.TextField("sản phẩm đầu ra kiểm chứng được", blank=True)
    sustainability = models.TextField("khả năng duy trì, nhân rộng", blank=True)
    # An individual's personal data: name and position only (the unit is `owner_unit`).
    person_name = models.CharField("họ và tên", max_length=120, blank=True)
    person_position = models.CharField("chức vụ", max_length=200, blank=True)

    status = models.CharField("trạng thái", max_length=16, choices=Status.choices)
    registered_on = models.DateField("ngày đăng ký", null=True, blank=True)
    assignment = models.ForeignKey(
        "reporting.Assignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="đợt đăng ký",
    )
    replicated_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replicas",
        verbose_name="nhân rộng từ",
    )
    commitment = models.ForeignKey(
        "programmes.Commitment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="nhiệm vụ của chương trình phối hợp",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
        verbose_name="đã gộp vào",
    )
    search_text = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-registered_on", "name", "id"]
        verbose_name = "mô hình, điển hình"
        verbose_name_plural = "mô hình, điển hình"
        indexes = [models.Index(fields=["status"]), models.Index(fields=["registered_on"])]

    def __str__(self) -> str:
        return self.name

    @property
    def tag_labels(self) -> list[str]:
        return [TAGS.get(t, t) for t in self.tags]

    @property
    def sub_movement_label(self) -> str:
        return SUB_MOVEMENTS.get(self.sub_movement, self.sub_movement)


class StatusEvent(models.Model):
    """One step of the lifecycle: who, when, at which level, on which decision."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    status = models.CharField("trạng thái", max_length=16, choices=Status.choices)
    at = models.DateField("ngày")
    level = models.CharField("cấp", max_length=12, choices=Level.choices, blank=True)
    by_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị quyết định"
    )
    decision = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="văn bản",
    )
    note = models.TextField("ghi chú", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "lịch sử trạng thái"
        verbose_name_plural = "lịch sử trạng thái"

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y} {self.get_status_display()}"


class Assessment(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField("ngày đánh giá")
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="+")
    checklist = models.JSONField("tiêu chí đạt", default=list)
    scores = models.JSONField("điểm từng tiêu chí", default=list, blank=True)
    total = models.DecimalField("tổng điểm", max_digits=7, decimal_places=2, null=True, blank=True)
    proposed_conclusion = models.CharField(
        "kết luận đề xuất theo điểm", max_length=16, choices=Conclusion.choices, blank=True
    )
    conclusion = models.CharField("kết luận", max_length=16, choices=Conclusion.choices)
    level = models.CharField("cấp đánh giá", max_length=12, choices=Level.choices, blank=True)
    assessor_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị đánh giá"
    )
    note = models.TextField("nhận xét", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = "đánh giá"
        verbose_name_plural = "đánh giá"

    def __str__(self) -> str:
        return f"{self.assessed_on:%d/%m/%Y} {self.get_conclusion_display()}"

    score_rows = property(score_rules.score_rows)
    score_summary = property(score_rules.score_summary)
    pass_label = property(lambda self: score_rules.as_text(self.criteria_set.pass_score))

    @property
    def overridden(self) -> bool:
        return bool(self.proposed_conclusion) and self.proposed_conclusion != self.conclusion


class Recognition(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="recognitions")
    level = models.CharField("cấp", max_length=12, choices=Level.choices)
    form = models.CharField("hình thức", max_length=12, choices=RecognitionForm.choices)
    decided_on = models.DateField("ngày quyết định")
    decision = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, related_name="+", verbose_name="quyết định"
    )
    period_from = models.PositiveSmallIntegerField("giai đoạn từ năm", null=True, blank=True)
    period_to = models.PositiveSmallIntegerField("giai đoạn đến năm", null=True, blank=True)
    by_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị công nhận"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = "công nhận, khen thưởng"
        verbose_name_plural = "công nhận, khen thưởng"

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.get_level_display()} {self.decided_on:%d/%m/%Y}"

    @property
    def period_label(self) -> str:
        if self.period_from and self.period_to and self.period_from != self.period_to:
            return f"{self.period_from}–{self.period_to}"
        return str(self.period_from or self.period_to or "")


class Output(models.Model):
    """A measured output for one period; summed only within its metric."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="outputs")
    metric = models.CharField("chỉ số", max_length=16, choices=Metric.choices)
    value = models.DecimalField("giá trị", max_digits=18, decimal_places=2)
    period_from = models.DateField("từ ngày")
    period_to = models.DateField("đến ngày")
    evidence = models.TextField("minh chứng")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-period_to", "metric", "id"]
        verbose_name = "kết quả đầu ra"
        verbose_name_plural = "kết quả đầu ra"

    def __str__(self) -> str:
        return f"{self.get_metric_display()}: {self.value}"


# The dated "who assesses, who recognises" setting lives in its own module; importing it here
# is what makes Django see it as one of this app's models.
from .models_authority import Authority  # noqa: E402, F401
