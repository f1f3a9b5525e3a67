"""Forms of the register. The signal form is short and works on a phone: the five choices
that matter first, the text, and the rest folded under "Thêm chi tiết"."""

from __future__ import annotations

from django import forms

from danvan import formfields as fields
from danvan.accounts import permissions
from danvan.orgs.forms import DateField
from danvan.reporting import clock
from danvan.reporting.forms import PeriodField, picker_years

from .models import (
    Channel,
    Direction,
    Intensity,
    Level,
    LinkKind,
    SocialGroup,
    Spread,
    Status,
    Topic,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."}


def unit_field(user, action: str, label: str) -> fields.ModelChoiceField:
    units = permissions.units_in_scope(user, action).valid_on(clock.today())
    return fields.ModelChoiceField(
        label=label,
        queryset=units.order_by("path"),
        to_field_name="code",
        error_messages={
            "required": "Cần chọn đơn vị.",
            "invalid_choice": "Đơn vị không có hoặc ngoài phạm vi của bạn.",
        },
    )


class SignalForm(forms.Form):
    unit = fields.ModelChoiceField(queryset=None)
    observed_on = DateField(label="Ngày nắm được", widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    topic = fields.ModelChoiceField(
        label="Chủ đề",
        queryset=Topic.objects.filter(active=True),
        empty_label="— Chọn chủ đề —",
        error_messages={"required": "Cần chọn chủ đề.", "invalid_choice": "Chủ đề không có."},
    )
    direction = forms.ChoiceField(
        label="Khuynh hướng", choices=Direction.choices, widget=forms.RadioSelect
    )
    spread = forms.ChoiceField(
        label="Mức lan tỏa", choices=Spread.choices, widget=forms.RadioSelect
    )
    channel = forms.ChoiceField(label="Kênh nắm tình hình", choices=Channel.choices)
    text = forms.CharField(
        label="Nội dung ý kiến, dư luận",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Không ghi thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật).",
    )
    # Folded under "Thêm chi tiết".
    intensity = forms.TypedChoiceField(
        label="Cường độ",
        choices=Intensity.choices,
        coerce=int,
        initial=Intensity.VUA,
        widget=forms.RadioSelect,
    )
    groups = fields.ModelMultipleChoiceField(
        label="Nhóm xã hội",
        queryset=SocialGroup.objects.filter(active=True),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.CharField(
        label="Địa bàn (khu dân cư, ấp, tổ dân phố)", max_length=200, required=False
    )
    subject = forms.CharField(label="Chủ trương, sự kiện liên quan", max_length=300, required=False)
    document = forms.CharField(
        label="Số ký hiệu văn bản liên quan (trong sổ văn bản)", max_length=80, required=False
    )
    links = forms.CharField(label="Đơn thư, cam kết liên quan", max_length=300, required=False)
    source_name = forms.CharField(
        label="Người cung cấp thông tin (bảo mật)",
        max_length=200,
        required=False,
        help_text="Chỉ đơn vị ghi nhận và người được cấp quyền xem được tên này.",
    )
    restricted = forms.BooleanField(
        label="Hạn chế trong đơn vị (không gửi lên cấp trên, không xuất ra tệp)", required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(user, "sentiment.record", "Đơn vị ghi nhận")
        self.fields["observed_on"].initial = clock.today()
        for name in ("direction", "spread", "channel"):
            self.fields[name].error_messages["required"] = (
                f"Cần chọn {self.fields[name].label.lower()}."
            )
        self.fields["text"].error_messages["required"] = "Cần nhập nội dung ý kiến, dư luận."


class IssueForm(forms.Form):
    unit = fields.ModelChoiceField(queryset=None)
    title = forms.CharField(label="Tên vụ việc", max_length=300)
    topic = fields.ModelChoiceField(
        label="Chủ đề", queryset=Topic.objects.filter(active=True), empty_label="— Chọn chủ đề —"
    )
    area = forms.CharField(label="Địa bàn", max_length=200, required=False)
    opened_on = DateField(label="Ngày phát sinh", widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    level = forms.ChoiceField(label="Mức độ", choices=Level.choices)
    status = forms.ChoiceField(label="Trạng thái", choices=Status.choices)
    lead_agency = forms.CharField(label="Cơ quan chủ trì", max_length=200, required=False)
    coordinating = forms.CharField(
        label="Đơn vị phối hợp (mã đơn vị, cách nhau bởi dấu phẩy)", max_length=500, required=False
    )
    commitment = forms.CharField(
        label="Chương trình, cam kết phối hợp", max_length=300, required=False
    )
    description = forms.CharField(
        label="Diễn biến, nội dung", max_length=5000, required=False, widget=forms.Textarea
    )
    next_update = DateField(
        label="Hạn cập nhật tiếp", required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    restricted = forms.BooleanField(label="Hạn chế trong đơn vị", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(user, "sentiment.issues", "Đơn vị theo dõi")
        self.fields["opened_on"].initial = clock.today()


class ActionForm(forms.Form):
    date = DateField(label="Ngày", widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    text = forms.CharField(label="Diễn biến, việc đã làm", max_length=5000, widget=forms.Textarea)
    actor_name = forms.CharField(label="Đơn vị thực hiện", max_length=200, required=False)
    level = forms.ChoiceField(label="Mức độ sau", choices=Level.choices)
    status = forms.ChoiceField(label="Trạng thái sau", choices=Status.choices)
    next_update = DateField(
        label="Hạn cập nhật tiếp", required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=LinkKind.choices)
    reference = forms.CharField(label="Số, mã hồ sơ", max_length=120)
    label = forms.CharField(label="Mô tả", max_length=300, required=False)


class ReportForm(forms.Form):
    unit = fields.ModelChoiceField(queryset=None)
    period = PeriodField(label="Kỳ báo cáo", years=[], required=False)
    date_from = DateField(label="Hoặc từ ngày", required=False, widget=DATE_WIDGET)
    date_to = DateField(label="đến ngày (kỳ báo cáo)", required=False, widget=DATE_WIDGET)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = permissions.units_in_scope(user, "sentiment.view").order_by("path")
        self.fields["unit"] = fields.ModelChoiceField(
            label="Đơn vị (cùng các đơn vị trực thuộc)",
            queryset=units,
            to_field_name="code",
            error_messages={"invalid_choice": "Đơn vị không có hoặc ngoài phạm vi của bạn."},
        )
        period = PeriodField(label="Kỳ báo cáo", years=picker_years(), required=False)
        self.fields["period"] = period

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not data.get("period") and not (data.get("date_from") and data.get("date_to")):
            raise forms.ValidationError("Cần chọn kỳ báo cáo, hoặc nhập từ ngày đến ngày.")
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("Từ ngày phải trước đến ngày.")
        return data


class GrantForm(forms.Form):
    username = forms.CharField(label="Tên đăng nhập người được xem", max_length=150)
    unit = fields.ModelChoiceField(queryset=None)
    reason = forms.CharField(label="Lý do", max_length=300)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(user, "sentiment.grant", "Ý kiến do đơn vị ghi nhận")


class MeetingForm(forms.Form):
    unit = fields.ModelChoiceField(queryset=None)
    held_on = DateField(label="Ngày họp", widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    attendees = forms.IntegerField(label="Số người dự", min_value=0, max_value=100000)
    summary = forms.CharField(
        label="Nội dung", max_length=5000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(user, "sentiment.record", "Đơn vị")


class CollaboratorForm(forms.Form):
    unit = fields.ModelChoiceField(queryset=None)
    name = forms.CharField(label="Họ tên cộng tác viên", max_length=200)
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(user, "sentiment.record", "Đơn vị")


class ImportForm(forms.Form):
    unit = fields.ModelChoiceField(queryset=None)
    file = forms.FileField(label="Tệp bảng tính (.xlsx)")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(user, "sentiment.record", "Đơn vị ghi nhận")
