"""The pages' forms. The services check again; these give field-level Vietnamese messages."""

from django import forms

from danvan.orgs.forms import DateField
from danvan.vn.text import has_surrogates

from . import formspec
from .models import EventKind, HostRole, Kind, Mode, Outcome, Routing, SessionKind

DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
BAD_DATE = {"invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."}


class CleanForm(forms.Form):
    """Refuses lone surrogates in any text field with a Vietnamese message."""

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str) and has_surrogates(value):
                self.add_error(name, "Có ký tự không hợp lệ.")
        return data


class SessionForm(CleanForm):
    unit = forms.ChoiceField(label="Đơn vị")
    date = DateField(label="Ngày tiếp", error_messages=BAD_DATE, **DATE)
    host_name = forms.CharField(label="Người chủ trì tiếp", max_length=120)
    host_role = forms.ChoiceField(label="Chức vụ", choices=HostRole.choices)
    kind = forms.ChoiceField(label="Hình thức", choices=SessionKind.choices)
    mode = forms.ChoiceField(label="Cách tiếp", choices=Mode.choices)
    place = forms.CharField(label="Địa điểm", max_length=200, required=False)
    party_rule = forms.BooleanField(
        label="Tiếp dân của bí thư cấp ủy (Kết luận 215-KL/TW)", required=False
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.code, u.name) for u in units]


class EntryForm(CleanForm):
    visitor_name = forms.CharField(label="Họ tên người được tiếp", max_length=120)
    visitor_address = forms.CharField(label="Địa chỉ", max_length=300, required=False)
    identity_number = forms.CharField(
        label="Số CCCD/hộ chiếu (được mã hóa, chỉ người xử lý xem được)",
        max_length=20,
        required=False,
    )
    summary = forms.CharField(
        label="Nội dung vụ việc (tóm tắt)", max_length=4000, widget=forms.Textarea({"rows": 3})
    )
    kind = forms.ChoiceField(label="Loại đơn", choices=Kind.choices)
    people = forms.IntegerField(
        label="Số người cùng nội dung (5 người trở lên là đoàn đông người)",
        min_value=1,
        max_value=10000,
        initial=1,
    )
    repeat = forms.BooleanField(label="Đã tiếp nhiều lần", required=False)
    handled_by = forms.CharField(label="Cơ quan đã giải quyết", max_length=200, required=False)
    routing = forms.ChoiceField(label="Hướng xử lý", choices=Routing.choices, required=False)
    routing_to = forms.CharField(label="Hướng dẫn / chuyển đến", max_length=200, required=False)
    routing_document = forms.CharField(
        label="Số văn bản hướng dẫn / chuyển đơn", max_length=80, required=False
    )
    follow_up = forms.CharField(label="Theo dõi kết quả", max_length=2000, required=False)


class ConclusionForm(CleanForm):
    symbol = forms.CharField(label="Số ký hiệu thông báo kết luận", max_length=80)
    date = DateField(label="Ngày thông báo", error_messages=BAD_DATE, **DATE)
    title = forms.CharField(label="Trích yếu", max_length=500, required=False)


class TaskForm(CleanForm):
    title = forms.CharField(label="Nhiệm vụ", max_length=500)
    unit = forms.ChoiceField(label="Đơn vị thực hiện")
    due = DateField(label="Hạn", error_messages=BAD_DATE, **DATE)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.code, u.name) for u in units]


class TaskDoneForm(CleanForm):
    done_on = DateField(label="Hoàn thành ngày", error_messages=BAD_DATE, **DATE)
    result = forms.CharField(label="Kết quả", max_length=2000)


class PetitionForm(CleanForm):
    unit = forms.ChoiceField(label="Đơn vị xử lý")
    reference = forms.CharField(label="Số đơn / mã vụ việc", max_length=60)
    received_on = DateField(label="Ngày nhận đơn", error_messages=BAD_DATE, **DATE)
    kind = forms.ChoiceField(label="Loại đơn", choices=Kind.choices)
    round = forms.TypedChoiceField(
        label="Lần giải quyết", choices=[(1, "Lần đầu"), (2, "Lần hai")], coerce=int
    )
    discipline = forms.BooleanField(label="Khiếu nại quyết định kỷ luật", required=False)
    petitioner = forms.CharField(
        label="Người gửi đơn (được mã hóa)", max_length=200, required=False
    )
    summary = forms.CharField(
        label="Nội dung tóm tắt", max_length=4000, widget=forms.Textarea({"rows": 3})
    )
    people = forms.IntegerField(label="Số người đứng đơn", min_value=1, max_value=10000, initial=1)
    remote_area = forms.BooleanField(label="Vùng sâu, vùng xa", required=False)
    hot_spot = forms.CharField(label="Điểm nóng liên quan", max_length=200, required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.code, u.name) for u in units]


class EventForm(CleanForm):
    kind = forms.ChoiceField(label="Sự kiện", choices=EventKind.choices)
    date = DateField(label="Ngày", error_messages=BAD_DATE, **DATE)
    document = forms.CharField(label="Số văn bản, quyết định", max_length=80, required=False)
    routing = forms.ChoiceField(
        label="Hướng xử lý (khi thụ lý / xử lý)", choices=Routing.choices, required=False
    )
    outcome = forms.ChoiceField(
        label="Kết quả (khi giải quyết xong)", choices=[("", "—"), *Outcome.choices], required=False
    )
    complex_case = forms.BooleanField(label="Vụ việc phức tạp", required=False)
    justification = forms.CharField(
        label="Lý do (bắt buộc khi gia hạn)",
        max_length=4000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )


class FormImportForm(forms.Form):
    form = forms.ChoiceField(
        label="Biểu",
        choices=[
            (c, f"{c}: {f.title}" + ("" if f.confirmed else " (chưa xác minh)"))
            for c, f in formspec.FORMS.items()
        ],
    )
    file = forms.FileField(label="Tệp Excel (.xlsx)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError("Tệp lớn quá 10 MB.")
        return upload


class PetitionImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError("Tệp lớn quá 10 MB.")
        return upload


class CalendarDayForm(CleanForm):
    date = DateField(label="Ngày", error_messages=BAD_DATE, **DATE)
    working = forms.BooleanField(label="Là ngày làm việc (làm bù)", required=False)
    note = forms.CharField(label="Ghi chú", max_length=200, required=False)
