"""Uploaded files, kept once by content, and the import jobs that turn them into proposals."""

from django.conf import settings
from django.db import models


class StoredFile(models.Model):
    """One file's bytes, stored once under their SHA-256 whatever name or uploader."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    format = models.CharField("định dạng", max_length=8)  # told from the bytes: pdf, docx, doc, txt
    storage_path = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.sha256[:12]}… ({self.format}, {self.size} B)"


class Upload(models.Model):
    """Who uploaded which file when, under which name (the same file may come many times)."""

    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="uploads")
    original_name = models.CharField("tên tệp", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.original_name


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    READING = "reading", "Đọc tệp"
    STRUCTURING = "structuring", "Nhận dạng cấu trúc"
    MATCHING = "matching", "Đối chiếu chỉ tiêu"
    READY = "ready", "Chờ xác nhận"
    CONFIRMED = "confirmed", "Đã xác nhận"
    FAILED = "failed", "Không đọc được"


class ImportJob(models.Model):
    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="jobs")
    assignment = models.ForeignKey(
        "reporting.Assignment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_jobs",
    )
    status = models.CharField(
        max_length=12, choices=JobStatus.choices, default=JobStatus.QUEUED, db_index=True
    )
    error = models.CharField(max_length=500, blank=True)
    # {"sections": [...], "values": [...], "references": [...], "header": {...}} — the proposals.
    result = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.ForeignKey(
        "reporting.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.upload} — {self.get_status_display()}"

    STEPS = [JobStatus.READING, JobStatus.STRUCTURING, JobStatus.MATCHING]

    @property
    def running(self) -> bool:
        return self.status in (JobStatus.QUEUED, *self.STEPS)

    @property
    def step_number(self) -> int:
        """1–3 while running, for the progress bar; 3 when done."""
        if self.status in self.STEPS:
            return self.STEPS.index(self.status) + 1
        return 0 if self.status == JobStatus.QUEUED else 3


class Batch(models.Model):
    """Files a coordinator dropped at once (or a .zip of them), to be routed before import."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Lô {self.pk} ({self.created_at:%d/%m/%Y %H:%M})"


class BatchFileStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ nhận dạng"
    ROUTED = "routed", "Đã nhận dạng"
    UNROUTABLE = "unroutable", "Chưa xác định được nơi nhận"
    FAILED = "failed", "Không đọc được"
    DUPLICATE = "duplicate", "Trùng tệp"
    IMPORTED = "imported", "Đã đưa vào nhập"


class BatchFile(models.Model):
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    upload = models.ForeignKey(
        Upload, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=12,
        choices=BatchFileStatus.choices,
        default=BatchFileStatus.QUEUED,
        db_index=True,
    )
    error = models.CharField(max_length=500, blank=True)
    route = models.JSONField(null=True, blank=True)
    assignment = models.ForeignKey(
        "reporting.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    job = models.OneToOneField(
        ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="batch_file"
    )

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="batch_file_position")
        ]

    def __str__(self) -> str:
        return self.name
