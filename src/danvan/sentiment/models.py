"""The people's situation (tình hình Nhân dân và dư luận xã hội).

A `Signal` is one observed opinion or concern, recorded by a unit (its officer, or a
collaborator through that officer). Signals are clustered by a person into `Issue`s, which
are followed to their end through levels (theo dõi → nguy cơ → điểm nóng), statuses and dated
`IssueAction`s. Who named a source (`Signal.source_name`, `Signal.collaborator`) is readable
only by the recording unit and by people named in a `SourceGrant`; a `restricted` signal never
leaves the recording unit's subtree (see selectors.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Topic(models.Model):
    """What a signal is about; seeded by a migration, extended by the administrator."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên chủ đề", max_length=200)
    # The report's section this topic is written under (see drafting.SECTIONS).
    section = models.CharField("đề mục báo cáo", max_length=40, default="buc-xuc")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    active = models.BooleanField("đang dùng", default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "chủ đề dư luận"
        verbose_name_plural = "chủ đề dư luận"

    def __str__(self) -> str:
        return self.name


class SocialGroup(models.Model):
    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên nhóm", max_length=200)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    active = models.BooleanField("đang dùng", default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "nhóm xã hội"
        verbose_name_plural = "nhóm xã hội"

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    CTV = "ctv_dlxh", "Cộng tác viên dư luận xã hội"
    GIAO_BAN = "giao_ban", "Giao ban"
    MTTQ = "mttq_doan_the", "Mặt trận, đoàn thể"
    CHI_BO = "to_chuc_dang", "Tổ chức đảng, chi bộ"
    TIEP_DAN = "tiep_cong_dan", "Tiếp công dân"
    DON_THU = "don_thu", "Đơn thư"
    BAO_CHI = "bao_chi", "Báo chí"
    MXH = "mang_xa_hoi", "Mạng xã hội"
    KHAO_SAT = "khao_sat", "Khảo sát"


class Direction(models.TextChoices):
    TAN_THANH = "tan_thanh", "Tán thành"
    PHAN_DOI = "phan_doi", "Phản đối"
    BAN_KHOAN = "ban_khoan", "Băn khoăn"
    CHUA_RO = "chua_ro", "Chưa rõ"


class Spread(models.TextChoices):
    MOT_SO = "mot_so", "Một số"
    NHIEU = "nhieu", "Nhiều"
    DA_SO = "da_so", "Đa số"
    TUYET_DAI_DA_SO = "tuyet_dai_da_so", "Tuyệt đại đa số"


class Intensity(models.IntegerChoices):
    NHE = 1, "Nhẹ"
    VUA = 2, "Vừa"
    MANH = 3, "Mạnh"


class Collaborator(models.Model):
    """A cộng tác viên dư luận xã hội: the roster is read like a named source."""

    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    name = models.CharField("họ tên", max_length=200)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    active = models.BooleanField("đang hoạt động", default=True)

    class Meta:
        ordering = ["unit__path", "name"]
        verbose_name = "cộng tác viên dư luận xã hội"
        verbose_name_plural = "cộng tác viên dư luận xã hội"

    def __str__(self) -> str:
        return self.name


class CollaboratorMeeting(models.Model):
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    held_on = models.DateField("ngày họp")
    attendees = models.PositiveIntegerField("số người dự", default=0)
    summary = models.TextField("nội dung", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "hội nghị cộng tác viên"
        verbose_name_plural = "hội nghị cộng tác viên"

    def __str__(self) -> str:
        return f"Hội nghị CTV {self.held_on:%d/%m/%Y}"


class Level(models.TextChoices):
    THEO_DOI = "theo_doi", "Theo dõi"
    NGUY_CO = "nguy_co", "Nguy cơ"
    DIEM_NONG = "diem_nong", "Điểm nóng"


class Status(models.TextChoices):
    MOI = "moi", "Mới"
    DANG_XU_LY = "dang_xu_ly", "Đang xử lý"
    ON_DINH = "on_dinh", "Ổn định"
    DA_GIAI_QUYET = "da_giai_quyet", "Đã giải quyết"
    TAI_PHAT = "tai_phat", "Tái phát"


OPEN_STATUSES = frozenset({Status.MOI, Status.DANG_XU_LY, Status.ON_DINH, Status.TAI_PHAT})


class Issue(models.Model):
    """A cluster of signals followed to its end; at level "điểm nóng" it is a hot spot."""

    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị theo dõi"
    )
    title = models.CharField("tên vụ việc", max_length=300)
    area = models.CharField("địa bàn", max_length=200, blank=True)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="issues", verbose_name="chủ đề"
    )
    level = models.CharField("mức độ", max_length=12, choices=Level.choices, default="theo_doi")
    status = models.CharField("trạng thái", max_length=16, choices=Status.choices, default="moi")
    lead_agency = models.CharField("cơ quan chủ trì", max_length=200, blank=True)
    coordinating_units = models.ManyToManyField(
        "orgs.OrgUnit", blank=True, related_name="+", verbose_name="đơn vị phối hợp"
    )
    commitment = models.CharField("chương trình, cam kết phối hợp", max_length=300, blank=True)
    description = models.TextField("diễn biến, nội dung", blank=True)
    opened_on = models.DateField("ngày phát sinh")
    closed_on = models.DateField("ngày giải quyết xong", null=True, blank=True)
    next_update = models.DateField("hạn cập nhật tiếp", null=True, blank=True)
    restricted = models.BooleanField("hạn chế trong đơn vị", default=False)
    escalated_at = models.DateTimeField("đã báo cấp trên lúc", null=True, blank=True)
    adhoc_request = models.ForeignKey(
        "reporting.ReportRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="yêu cầu báo cáo đột xuất",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = "vụ việc, điểm nóng"
        verbose_name_plural = "vụ việc, điểm nóng"

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def parent_unit(self):
        return self.unit.parent if self.unit.parent_id else None


class IssueAction(models.Model):
    """A dated step: what was done, by whom, and the level and status after it."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="actions")
    date = models.DateField("ngày")
    text = models.TextField("nội dung")
    actor_name = models.CharField("đơn vị thực hiện", max_length=200, blank=True)
    level = models.CharField("mức độ sau", max_length=12, choices=Level.choices)
    status = models.CharField("trạng thái sau", max_length=16, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = "diễn biến xử lý"
        verbose_name_plural = "diễn biến xử lý"

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.text[:60]}"


class LinkKind(models.TextChoices):
    PETITION = "petition", "Đơn thư, khiếu nại"
    MASS_COMPLAINT = "mass_complaint", "Vụ việc đông người"
    COMMITMENT = "commitment", "Cam kết phối hợp"
    DOCUMENT = "document", "Văn bản"
    OTHER = "other", "Khác"


class IssueLink(models.Model):
    """A generic link to another record (a petition, a commitment…), by kind and reference."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField("loại", max_length=16, choices=LinkKind.choices)
    reference = models.CharField("số, mã hồ sơ", max_length=120)
    label = models.CharField("mô tả", max_length=300, blank=True)
    url = models.CharField("đường dẫn", max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"


class Signal(models.Model):
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị ghi nhận"
    )
    area = models.CharField("địa bàn", max_length=200, blank=True)
    observed_on = models.DateField("ngày nắm được", db_index=True)
    channel = models.CharField("kênh", max_length=16, choices=Channel.choices)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="signals", verbose_name="chủ đề"
    )
    groups = models.ManyToManyField(SocialGroup, blank=True, verbose_name="nhóm xã hội")
    direction = models.CharField("khuynh hướng", max_length=12, choices=Direction.choices)
    intensity = models.PositiveSmallIntegerField(
        "cường độ", choices=Intensity.choices, default=Intensity.VUA
    )
    spread = models.CharField("mức lan tỏa", max_length=16, choices=Spread.choices)
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="văn bản, chủ trương liên quan",
    )
    subject = models.CharField("chủ trương, sự kiện", max_length=300, blank=True)
    text = models.TextField("nội dung")
    # Confidential: readable by the recording unit and people granted (selectors.names_visible).
    collaborator = models.ForeignKey(
        Collaborator, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    source_name = models.CharField("người cung cấp thông tin", max_length=200, blank=True)
    restricted = models.BooleanField("hạn chế trong đơn vị", default=False)
    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    links = models.CharField("đơn thư, cam kết liên quan", max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-id"]
        verbose_name = "ý kiến, dư luận"
        verbose_name_plural = "ý kiến, dư luận"

    def __str__(self) -> str:
        return f"{self.observed_on:%d/%m/%Y} — {self.text[:60]}"

    @property
    def has_source(self) -> bool:
        return bool(self.source_name or self.collaborator_id)


class SourceGrant(models.Model):
    """An explicit, audited permission for one person to read the named sources (and the
    collaborator roster) of one unit's signals. Nobody else reads them, superusers included."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("lý do", max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = "quyền xem người cung cấp thông tin"
        verbose_name_plural = "quyền xem người cung cấp thông tin"

    def __str__(self) -> str:
        return f"{self.user} — {self.unit}"
