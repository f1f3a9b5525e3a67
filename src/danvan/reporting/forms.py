from django import forms

from danvan.orgs.forms import DateField

from .models import Regime, ReportTemplate
from .periods import InvalidPeriod, parse_period


class IssueRequestForm(forms.Form):
    title = forms.CharField(label="Tên yêu cầu báo cáo", max_length=300)
    issuer = forms.ChoiceField(label="Đơn vị yêu cầu")
    template = forms.ModelChoiceField(label="Đề cương", queryset=ReportTemplate.objects.none())
    period = forms.CharField(
        label="Kỳ báo cáo", max_length=10, help_text="Ví dụ: 2022S1, 2022Q1, 202206, 2022"
    )
    regime = forms.ChoiceField(label="Chế độ chốt số liệu", choices=Regime.choices)
    units = forms.MultipleChoiceField(
        label="Các đơn vị được yêu cầu", widget=forms.CheckboxSelectMultiple
    )
    deadline = DateField(label="Hạn nộp", widget=forms.DateInput(attrs={"type": "date"}))
    grace_days = forms.IntegerField(
        label="Số ngày gia hạn vẫn tính đúng hạn", min_value=0, max_value=60, initial=0
    )
    lock_date = DateField(
        label="Ngày khóa số liệu", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    document_symbol = forms.CharField(
        label="Số ký hiệu văn bản yêu cầu",
        required=False,
        max_length=80,
        help_text="Ví dụ: 644-CV/BDVTU",
    )
    document_date = DateField(
        label="Ngày văn bản", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    document_title = forms.CharField(label="Trích yếu văn bản", required=False, max_length=300)

    def __init__(self, *args, issuers, templates, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].choices = [(u.code, u.name) for u in issuers]
        self.fields["template"].queryset = templates
        self.fields["units"].choices = [(u.code, u.name) for u in units]

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"]).code
        except InvalidPeriod as exc:
            raise forms.ValidationError(str(exc)) from exc


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class LockExceptionForm(forms.Form):
    until = DateField(
        label="Cho phép sửa đến ngày",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class CloneTemplateForm(forms.Form):
    code = forms.SlugField(label="Mã đề cương mới", max_length=60)
    name = forms.CharField(label="Tên đề cương mới", max_length=300)


class TemplateForm(forms.Form):
    code = forms.SlugField(label="Mã đề cương", max_length=60)
    name = forms.CharField(label="Tên đề cương", max_length=300)
    owner = forms.ChoiceField(label="Đơn vị sở hữu")
    outline = forms.CharField(
        label="Đề mục (mỗi dòng một mục: I. …, 1. …, 2.1. …, a) …)",
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20000,
    )
    indicators = forms.MultipleChoiceField(
        label="Chỉ tiêu trong biểu mẫu", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, owners, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(u.code, u.name) for u in owners]
        self.fields["indicators"].choices = [
            (i.code, f"{i.name} ({i.unit_of_measure})") for i in indicators
        ]
