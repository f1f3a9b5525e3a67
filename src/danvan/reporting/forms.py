from django import forms

from danvan import formfields as fields
from danvan.orgs.forms import DateField

from . import clock
from .models import Regime, ReportTemplate
from .periods import PARTS, InvalidPeriod, code_of, split_code


class PeriodWidget(forms.MultiWidget):
    """Two lists: the kind of period ("6 tháng đầu năm", "Quý II", "Tháng 6"…) and the year."""

    def __init__(self, years, attrs=None):
        super().__init__(
            {
                "kind": forms.Select(choices=PARTS, attrs={"aria-label": "Loại kỳ"}),
                "year": forms.Select(choices=[(y, y) for y in years], attrs={"aria-label": "Năm"}),
            },
            attrs,
        )

    def decompress(self, value):
        try:
            return list(split_code(value)[::-1]) if value else [None, None]
        except InvalidPeriod:
            return [None, None]


class PeriodField(forms.MultiValueField):
    """A period picked by kind and year (shown as "6 tháng đầu năm 2026"); its value is the
    period's code ("2026S1"), as URLs and the API carry it."""

    def __init__(self, *, years, **kwargs):
        years = list(years)
        super().__init__(
            fields=(
                forms.ChoiceField(choices=PARTS),
                forms.TypedChoiceField(choices=[(y, y) for y in years], coerce=int),
            ),
            widget=PeriodWidget(years),
            error_messages={"incomplete": "Cần chọn loại kỳ và năm."},
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list:
            return ""
        part, year = data_list
        try:
            return code_of(year, part)
        except InvalidPeriod as exc:
            raise forms.ValidationError(str(exc)) from exc


def picker_years() -> range:
    """The years a period can be picked in: ten back, one ahead."""
    year = clock.today().year
    return range(year - 10, year + 2)


class IssueRequestForm(forms.Form):
    title = forms.CharField(label="Tên yêu cầu báo cáo", max_length=300)
    issuer = forms.ChoiceField(label="Đơn vị yêu cầu")
    template = fields.ModelChoiceField(label="Đề cương", queryset=ReportTemplate.objects.none())
    period = PeriodField(label="Kỳ báo cáo", years=[])  # the years are set per form
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
        self.fields["period"] = PeriodField(
            label="Kỳ báo cáo",
            years=picker_years(),
            help_text="Chọn loại kỳ rồi năm, ví dụ “6 tháng đầu năm” và 2026.",
        )
        if not self.is_bound:
            today = clock.today()
            self.initial.setdefault(
                "period", code_of(today.year, "S1" if today.month <= 6 else "S2")
            )


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
