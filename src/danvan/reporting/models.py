"""The reporting cycle: periods, templates, requests with their assigned units, submissions
with immutable revisions, and the current values they hold."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from danvan.vn.text import without_surrogates


class PeriodType(models.TextChoices):
    MONTH = "month", "Tháng"
    QUARTER = "quarter", "Quý"
    HALF = "half", "6 tháng"
    NINE_MONTHS = "nine_months", "9 tháng"
    YEAR = "year", "Năm"


class Regime(models.TextChoices):
    """Data cut-off regimes: Party bodies report calendar periods; state agencies cut off on
    the 14th (Nghị định 09/2019/NĐ-CP, Điều 12)."""

    PARTY = "party", "Cơ quan Đảng: theo năm dương lịch"
    STATE = (
        "state",
        "Cơ quan nhà nước: từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ (NĐ 09/2019)",
    )


class Period(models.Model):
    code = models.CharField(
        "mã kỳ", max_length=10, unique=True, help_text="202206, 2022Q1, 2022S1, 2022N9, 2022"
    )
    type = models.CharField("loại kỳ", max_length=12, choices=PeriodType.choices)
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    name = models.CharField("tên", max_length=80)

    class Meta:
        ordering = ["-start", "type"]
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"

    def __str__(self) -> str:
        return self.name


class ReportTemplate(models.Model):
    """An outline of sections plus an indicator form. A version is frozen once a request
    uses it; changes make a new version (same code, version + 1)."""

    code = models.SlugField("mã", max_length=60)
    version = models.PositiveIntegerField("phiên bản", default=1)
    name = models.CharField("tên đề cương", max_length=300)
    owner = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="templates",
        verbose_name="đơn vị sở hữu",
    )
    # [{"key": "ket-qua", "label": "II", "title": "Kết quả", "children": [...]}, ...]
    sections = models.JSONField("đề mục", default=list)
    indicators = models.ManyToManyField(
        "indicators.Indicator", through="TemplateIndicator", related_name="templates"
    )
    cloned_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="clones"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = "đề cương báo cáo"
        verbose_name_plural = "đề cương báo cáo"
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="template_code_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (phiên bản {self.version})"


class TemplateIndicator(models.Model):
    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="form_rows")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "indicator"], name="template_indicator_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.template} — {self.indicator}"


class ReportRequest(models.Model):
    issuer = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="issued_requests",
        verbose_name="đơn vị yêu cầu",
    )
    title = models.CharField("tên yêu cầu", max_length=300)
    request_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_requests",
        verbose_name="văn bản yêu cầu",
    )
    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="requests")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="requests")
    regime = models.CharField(
        "chế độ chốt số liệu", max_length=8, choices=Regime.choices, default=Regime.PARTY
    )
    data_from = models.DateField("số liệu từ ngày")
    data_to = models.DateField("số liệu đến ngày")
    deadline = models.DateField("hạn nộp")
    grace_days = models.PositiveSmallIntegerField("số ngày gia hạn vẫn tính đúng hạn", default=0)
    lock_date = models.DateField("ngày khóa số liệu", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = "yêu cầu báo cáo"
        verbose_name_plural = "yêu cầu báo cáo"

    def __str__(self) -> str:
        return self.title


class Assignment(models.Model):
    """One unit asked by a request; the set is fixed when the request is issued."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="assignments")
    unit_name = models.CharField("tên đơn vị khi giao", max_length=255)
    unit_path = models.CharField(max_length=1000, db_index=True)
    lock_exception_until = models.DateField("được sửa sau ngày khóa đến", null=True, blank=True)

    class Meta:
        ordering = ["unit_path"]
        constraints = [models.UniqueConstraint(fields=["request", "unit"], name="assignment_once")]

    def __str__(self) -> str:
        return f"{self.request} — {self.unit_name}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã nộp"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã tiếp nhận"


class Submission(models.Model):
    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="submission"
    )
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        db_index=True,
    )
    # Optimistic concurrency: every save must name the version it started from.
    version = models.PositiveIntegerField(default=0)
    first_submitted_at = models.DateTimeField("nộp lần đầu", null=True, blank=True)
    submitted_at = models.DateTimeField("nộp lần cuối", null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField("lý do trả lại", blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "báo cáo của đơn vị"
        verbose_name_plural = "báo cáo của đơn vị"

    def __str__(self) -> str:
        return f"{self.assignment} ({self.get_status_display()})"


class TextJSONField(models.JSONField):
    """JSON read back without lone surrogates: SQLite keeps a "\\ud800" escape that a page
    cannot encode, so a report stored with one (before input refused them) still displays.
    Migrations see a plain JSONField: the difference is only in reading."""

    def from_db_value(self, value, expression, connection):
        return without_surrogates(super().from_db_value(value, expression, connection))

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs


class RevisionKind(models.TextChoices):
    SAVE = "save", "Lưu nháp"
    SUBMIT = "submit", "Nộp"
    RETURN = "return", "Trả lại"
    ACCEPT = "accept", "Tiếp nhận"
    IMPORT = "import", "Nhập từ tệp"


class Revision(models.Model):
    """An immutable snapshot: written once, never updated."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=8, choices=RevisionKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sections = TextJSONField(default=dict)  # {section key: text}
    values = TextJSONField(default=dict)  # {"indicator" or "indicator:option": "1868"}
    comment = models.TextField(blank=True)
    source = models.JSONField(null=True, blank=True)  # e.g. the imported file

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="revision_number_once")
        ]

    def __str__(self) -> str:
        return f"Bản {self.number} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Revisions are immutable.")
        super().save(*args, **kwargs)


class DataValue(models.Model):
    """The current value of one indicator (option) in one submission; rewritten on each save,
    while the revision keeps the history. Unit path and period are copied here so roll-ups are
    one indexed query."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="data_values")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    option = models.ForeignKey(
        "indicators.CategoryOption",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    unit_path = models.CharField(max_length=1000)
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(max_digits=20, decimal_places=4)
    source = models.JSONField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["period", "unit_path"], name="datavalue_period_path")]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator", "option"], name="datavalue_once"
            ),
            models.UniqueConstraint(
                fields=["submission", "indicator"],
                condition=models.Q(option__isnull=True),
                name="datavalue_total_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}:{self.option_id or ''} = {self.value}"


class ValueSummary(models.Model):
    """The sum and count of one request's counted values (submitted or accepted, by status)
    under one unit's whole subtree, per indicator and option. Kept in the same transaction as
    the writes of the submissions it sums (reporting/summary.py), never by a later job, so a
    roll-up reads one row per figure instead of every unit's values. A row whose count went
    back to 0 is kept and read as absent."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=1000)  # the subtree's root (an ancestor or the unit)
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    # The CategoryOption's id, 0 for the indicator's total: a NULL would make every total row
    # distinct to the unique index that the upsert's ON CONFLICT relies on.
    option_key = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=SubmissionStatus.choices)
    total = models.DecimalField(max_digits=28, decimal_places=4)
    number = models.IntegerField()  # how many values the total adds up

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "unit_path", "status", "indicator", "option_key"],
                name="valuesummary_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_path} {self.indicator_id}:{self.option_key} = {self.total}"
