from django import forms

from danvan.orgs.forms import DateField
from danvan.publish import LAYOUTS

LAYOUT_CHOICES = [("auto", "Tự động theo hệ thống và ngày văn bản")] + [
    (name, f"{layout.label}") for name, layout in LAYOUTS.items()
]
FORMAT_CHOICES = [("docx", "Word (DOCX)"), ("pdf", "PDF")]


class DayForm(forms.Form):
    ngay = DateField(
        label="Xem tên cơ quan và số kế tiếp vào ngày",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."},
    )


class ExportForm(forms.Form):
    day = DateField(
        label="Ngày văn bản",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Nhập ngày văn bản.",
            "invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.",
        },
    )
    allocate = forms.BooleanField(
        label="Cấp số",
        required=False,
        help_text="Đánh dấu để cấp số chính thức (ghi vào sổ văn bản). Không đánh dấu: "
        "bản dự thảo, để trống số.",
    )
    number = forms.IntegerField(
        label="Số văn bản",
        required=False,
        min_value=1,
        max_value=99999,
        help_text="Số kế tiếp được gợi ý; để nguyên hoặc để trống để nhận số kế tiếp khi "
        "cấp số, hoặc nhập số đã được dành sẵn.",
        error_messages={
            "invalid": "Số văn bản phải là số nguyên dương.",
            "min_value": "Số văn bản phải từ 1 trở lên.",
            "max_value": "Số văn bản quá lớn.",
        },
    )
    suggested = forms.IntegerField(required=False, widget=forms.HiddenInput)
    place = forms.CharField(label="Địa danh", max_length=80, required=False)
    recipients = forms.CharField(
        label="Nơi nhận (mỗi dòng một nơi)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    authority = forms.CharField(
        label="Quyền hạn ký (K/T, T/M…; tối đa hai dòng)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    keep_authority = forms.BooleanField(
        label="Giữ nguyên quyền hạn ký như đã nhập",
        required=False,
        help_text="Chỉ cần khi thể thức không có cách viết tương ứng (ví dụ TUQ. trong văn bản "
        "của Đảng).",
    )
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=120, required=False)
    signer_name = forms.CharField(label="Họ tên người ký", max_length=120, required=False)
    layout = forms.ChoiceField(label="Thể thức", choices=LAYOUT_CHOICES, initial="auto")
    fmt = forms.ChoiceField(
        label="Định dạng tệp", choices=FORMAT_CHOICES, initial="docx", widget=forms.RadioSelect
    )

    def clean_authority(self):
        lines = [
            line.strip() for line in self.cleaned_data["authority"].splitlines() if line.strip()
        ]
        if len(lines) > 2:
            raise forms.ValidationError("Quyền hạn ký có nhiều nhất hai dòng.")
        return lines

    def clean_recipients(self):
        lines = [
            line.strip().lstrip("-").strip()
            for line in self.cleaned_data["recipients"].splitlines()
        ]
        return [line for line in lines if line]

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day.year < 1945:
            raise forms.ValidationError("Ngày văn bản không hợp lệ.")
        return day
