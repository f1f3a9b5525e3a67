"""The search index: one row per report passage (a section of a submission's latest revision)
and per registry document, holding the text folded by `vn.text.fold` (lower case, no
diacritics, đ→d, punctuation as spaces). The database's own full-text engine indexes that
folded copy: an FTS5 table on SQLite, a GIN index over to_tsvector('simple', …) on
PostgreSQL (migration 0002). Rows are written by signal handlers in the same transaction as
the revision or document they copy (signals.py)."""

from django.db import models


class EntryKind(models.TextChoices):
    PASSAGE = "passage", "Đoạn báo cáo"
    DOCUMENT = "document", "Văn bản"


class Entry(models.Model):
    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    submission = models.ForeignKey(
        "reporting.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "reporting.Revision", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.CharField(max_length=120, blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=500)
    text = models.TextField()
    folded = models.TextField()
    period_code = models.CharField(max_length=10, blank=True)
    unit_path = models.CharField(max_length=1000, blank=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "unit_path"], name="search_entry_kind_path")]

    def __str__(self) -> str:
        return self.title
