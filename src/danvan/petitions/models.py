"""Citizen reception and petitions: the reception book (Sổ tiếp công dân), light petition
records with their legal clocks, the time-limit rules and working-day calendar as data, and
the Inspectorate's forms as imported. Danvan is not a complaint-case system: the state
agencies keep the cases in the national database; Danvan keeps what its users receive and
follow, and makes the numbers flow (registers-domain §4.4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from .crypto import EncryptedTextField


class Kind(models.TextChoices):
    COMPLAINT = "khieu_nai", "Khiếu nại"
    DENUNCIATION = "to_cao", "Tố cáo"
    REQUEST = "kien_nghi", "Kiến nghị, phản ánh"


class HostRole(models.TextChoices):
    OFFICER = "can_bo", "Cán bộ tiếp công dân thường xuyên"
    SECRETARY = "bi_thu", "Bí thư cấp ủy"
    CHAIR = "chu_tich", "Chủ tịch Ủy ban nhân dân"
    HEAD = "thu_truong", "Thủ trưởng cơ quan, đơn vị"
    DELEGATE = "uy_quyen", "Người được ủy quyền (trước 01/7/2026)"


HEAD_ROLES = (HostRole.SECRETARY, HostRole.CHAIR, HostRole.HEAD)


class SessionKind(models.TextChoices):
    REGULAR = "thuong_xuyen", "Thường xuyên"
    PERIODIC = "dinh_ky", "Định kỳ"
    AD_HOC = "dot_xuat", "Đột xuất"


class Mode(models.TextChoices):
    IN_PERSON = "truc_tiep", "Trực tiếp"
    ONLINE = "truc_tuyen", "Trực tuyến"


class Routing(models.TextChoices):
    ACCEPT = "thu_ly", "Thuộc thẩm quyền (thụ lý)"
    GUIDE = "huong_dan", "Hướng dẫn"
    TRANSFER = "chuyen_don", "Chuyển đơn"
    URGE = "don_doc", "Đôn đốc"
    FILE = "luu_don", "Lưu đơn"
    PENDING = "", "Chưa xử lý"


class ReceptionSession(models.Model):
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    date = models.DateField("ngày tiếp")
    host_name = models.CharField("người chủ trì tiếp", max_length=120)
    host_role = models.CharField("chức vụ", max_length=12, choices=HostRole.choices)
    kind = models.CharField("hình thức", max_length=14, choices=SessionKind.choices)
    mode = models.CharField("cách tiếp", max_length=12, choices=Mode.choices, default="truc_tiep")
    place = models.CharField("địa điểm", max_length=200, blank=True)
    party_rule = models.BooleanField(
        "tiếp dân của bí thư cấp ủy (Quy định 11-QĐi/TW, Kết luận 215-KL/TW)", default=False
    )
    conclusion = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="thông báo kết luận",
    )
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["unit", "date"])]

    def __str__(self) -> str:
        return f"Tiếp công dân ngày {self.date:%d/%m/%Y} ({self.host_name})"


class ReceptionEntry(models.Model):
    """One line of the reception book (Mẫu 03/TCD)."""

    session = models.ForeignKey(ReceptionSession, on_delete=models.CASCADE, related_name="entries")
    visitor_name = EncryptedTextField("họ tên người được tiếp")
    visitor_address = EncryptedTextField("địa chỉ", blank=True)
    identity_number = EncryptedTextField("số CCCD/hộ chiếu", blank=True)
    identity_purged = models.BooleanField(default=False, editable=False)
    summary = models.TextField("nội dung vụ việc (tóm tắt)")
    kind = models.CharField("loại đơn", max_length=10, choices=Kind.choices)
    people = models.PositiveIntegerField("số người cùng nội dung", default=1)
    repeat = models.BooleanField("vụ việc đã tiếp nhiều lần", default=False)
    handled_by = models.CharField("cơ quan đã giải quyết", max_length=200, blank=True)
    routing = models.CharField(
        "hướng xử lý", max_length=10, choices=Routing.choices, blank=True, default=""
    )
    routing_to = models.CharField("hướng dẫn / chuyển đến", max_length=200, blank=True)
    routing_document = models.CharField("số văn bản chuyển / hướng dẫn", max_length=80, blank=True)
    follow_up = models.TextField("theo dõi kết quả", blank=True)
    note = models.TextField("ghi chú", blank=True)
    search_text = models.TextField(blank=True, editable=False)
    exported_on = models.DateField("đã xuất sang CSDL quốc gia ngày", null=True, blank=True)

    class Meta:
        ordering = ["session__date", "id"]

    def __str__(self) -> str:
        return f"Lượt tiếp số {self.pk}"

    @property
    def delegation(self) -> bool:
        """Đoàn đông người: five or more people with the same content."""
        return self.people >= 5

    @property
    def within_jurisdiction(self) -> bool:
        return self.routing == Routing.ACCEPT


class ConclusionTask(models.Model):
    """A task a head's conclusion notice assigns, followed to completion."""

    session = models.ForeignKey(ReceptionSession, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField("nhiệm vụ", max_length=500)
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị thực hiện"
    )
    due = models.DateField("hạn")
    done_on = models.DateField("hoàn thành ngày", null=True, blank=True)
    result = models.TextField("kết quả", blank=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title


class TimeLimitRule(models.Model):
    """One legal time limit, in force from `valid_from` (the rule of the receiving date applies)."""

    step = models.CharField("bước", max_length=20)
    name = models.CharField("tên", max_length=200)
    days = models.PositiveSmallIntegerField("thời hạn (ngày)")
    working = models.BooleanField("tính theo ngày làm việc", default=False)
    complex_days = models.PositiveSmallIntegerField("vụ việc phức tạp", null=True, blank=True)
    remote_days = models.PositiveSmallIntegerField("vùng sâu, vùng xa", null=True, blank=True)
    remote_complex_days = models.PositiveSmallIntegerField(
        "vùng sâu, vùng xa, phức tạp", null=True, blank=True
    )
    extension_days = models.PositiveSmallIntegerField("mỗi lần gia hạn", null=True, blank=True)
    max_extensions = models.PositiveSmallIntegerField("số lần gia hạn tối đa", default=0)
    resume_mode = models.CharField(
        "sau quyết định tiếp tục",
        max_length=10,
        choices=[("restart", "Tính lại từ ngày tiếp tục"), ("continue", "Tính tiếp phần còn lại")],
        default="restart",
    )
    basis = models.CharField("căn cứ (điều, khoản)", max_length=300)
    confirmed = models.BooleanField("đã xác minh", default=True)
    valid_from = models.DateField("hiệu lực từ")
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        ordering = ["step", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["step", "valid_from"], name="tcd_rule_step_from"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="tcd_rule_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.basis})"


class CalendarDay(models.Model):
    """An exception to "Monday–Friday working": a holiday or a compensatory working day."""

    date = models.DateField("ngày", unique=True)
    working = models.BooleanField("ngày làm việc", default=False)
    note = models.CharField("ghi chú", max_length=200, blank=True)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}"


class Petition(models.Model):
    """A light record of a petition a unit handles or follows."""

    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị xử lý"
    )
    reference = models.CharField("số đơn / mã vụ việc", max_length=60)
    received_on = models.DateField("ngày nhận đơn")
    kind = models.CharField("loại đơn", max_length=10, choices=Kind.choices)
    round = models.PositiveSmallIntegerField("lần giải quyết", default=1)
    discipline = models.BooleanField("khiếu nại quyết định kỷ luật", default=False)
    petitioner = EncryptedTextField("người gửi đơn", blank=True)
    summary = models.TextField("nội dung tóm tắt")
    people = models.PositiveIntegerField("số người đứng đơn", default=1)
    entry = models.ForeignKey(
        ReceptionEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="petitions"
    )
    routing = models.CharField(
        "hướng xử lý", max_length=10, choices=Routing.choices, blank=True, default=""
    )
    routing_document = models.CharField("số văn bản", max_length=80, blank=True)
    processed_on = models.DateField("ngày thụ lý / xử lý", null=True, blank=True)
    complex = models.BooleanField("vụ việc phức tạp", default=False)
    complex_reason = models.TextField("lý do phức tạp (bằng văn bản)", blank=True)
    remote_area = models.BooleanField("vùng sâu, vùng xa", default=False)
    extensions = models.PositiveSmallIntegerField("số lần gia hạn", default=0)
    closed_on = models.DateField("ngày giải quyết xong", null=True, blank=True)
    outcome = models.CharField("kết quả", max_length=16, blank=True)
    hot_spot = models.CharField("điểm nóng liên quan", max_length=200, blank=True)
    # The people's-situation register's issue (sentiment.Issue) this case is linked to.
    hot_spot_issue = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    exported_on = models.DateField("đã xuất sang CSDL quốc gia ngày", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["unit", "received_on"])]
        constraints = [
            models.UniqueConstraint(fields=["unit", "reference"], name="tcd_petition_reference")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"

    @property
    def mass(self) -> bool:
        return self.people >= 5

    @property
    def outcome_label(self) -> str:
        return dict(Outcome.choices).get(self.outcome, self.outcome)


class Outcome(models.TextChoices):
    RIGHT = "dung", "Đúng"
    WRONG = "sai", "Sai"
    PARTLY = "dung_mot_phan", "Đúng một phần"
    MIXED = "co_dung_co_sai", "Có đúng, có sai"
    UPHELD = "cong_nhan", "Công nhận quyết định lần đầu"
    REVERSED = "huy_sua", "Hủy, sửa quyết định lần đầu"
    WITHDRAWN = "rut_don", "Rút đơn (qua giải thích, thuyết phục)"
    STOPPED = "dinh_chi", "Đình chỉ (không do rút đơn)"
    ANSWERED = "tra_loi", "Đã trả lời, xử lý"


class EventKind(models.TextChoices):
    ACCEPT = "thu_ly", "Thụ lý / xử lý"
    PAUSE = "tam_dinh_chi", "Tạm đình chỉ"
    RESUME = "tiep_tuc", "Tiếp tục giải quyết"
    EXTEND = "gia_han", "Gia hạn / xác định phức tạp"
    CLOSE = "ket_thuc", "Giải quyết xong"


class PetitionEvent(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("sự kiện", max_length=14, choices=EventKind.choices)
    date = models.DateField("ngày")
    document = models.CharField("văn bản", max_length=80, blank=True)
    justification = models.TextField("lý do", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class FormReport(models.Model):
    """An Inspectorate form a unit uploaded for a data window: its columns' values."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    form = models.CharField("biểu", max_length=10)
    date_from = models.DateField("từ ngày")
    date_to = models.DateField("đến ngày")
    values = models.JSONField("số liệu", default=dict)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date_to", "form"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "form", "date_from", "date_to"], name="tcd_form_unit_window"
            )
        ]

    def __str__(self) -> str:
        return f"Biểu {self.form} ({self.date_from:%d/%m/%Y}–{self.date_to:%d/%m/%Y})"


class NationalCatalogue(models.TextChoices):
    AGENCY = "co_quan", "Cơ quan"
    KIND = "loai_don", "Loại khiếu tố"
    RESULT = "ket_qua", "Kết quả giải quyết"
    SOURCE = "nguon_don", "Nguồn đơn"
    ROUTING = "huong_xu_ly", "Hướng xử lý"
    AREA = "dia_gioi", "Địa giới hành chính"
    ETHNICITY = "dan_toc", "Dân tộc"


class NationalCode(models.Model):
    """Local code → code of the national database's catalogue (kept by the administrator)."""

    catalogue = models.CharField("danh mục", max_length=12, choices=NationalCatalogue.choices)
    local_code = models.CharField("mã trong Danvan", max_length=60)
    national_code = models.CharField("mã danh mục quốc gia", max_length=60)
    label = models.CharField("tên", max_length=200, blank=True)

    class Meta:
        ordering = ["catalogue", "local_code"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "local_code"], name="tcd_national_code")
        ]

    def __str__(self) -> str:
        return f"{self.get_catalogue_display()}: {self.local_code} → {self.national_code}"
