"""Refusals of the programmes register, each with Vietnamese messages."""

from danvan.reporting.errors import ConcurrentEdit, NotFound, ReportingError

__all__ = ["ConcurrentEdit", "NotFound", "ProgrammeError", "CONCURRENT"]


class ProgrammeError(ReportingError):
    """A rule of the register refused the change; nothing was written. `fields` maps a form
    field to its message when the refusal concerns one field."""

    def __init__(self, *messages: str, fields: dict[str, str] | None = None):
        super().__init__(*messages, *(fields or {}).values())
        self.fields = dict(fields or {})


CONCURRENT = (
    "Văn bản vừa được người khác cập nhật sau khi bạn mở trang; hãy tải lại trang, xem thay đổi "
    "rồi làm lại."
)
