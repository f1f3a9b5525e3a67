from django import forms

from danvan.reporting.periods import InvalidPeriod, parse_period
from danvan.vn.numbers import MAX_WHOLE


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Từ khóa",
        max_length=200,
        required=False,
        strip=True,
        error_messages={"max_length": "Từ khóa dài quá 200 ký tự; hãy rút gọn."},
    )
    loai = forms.CharField(label="Loại", max_length=40, required=False)
    don_vi = forms.CharField(label="Đơn vị", max_length=40, required=False)
    ky = forms.CharField(label="Kỳ báo cáo", max_length=10, required=False)
    trang = forms.IntegerField(
        label="Trang",
        min_value=1,
        max_value=MAX_WHOLE,
        required=False,
        error_messages={
            "invalid": "Số trang phải là số nguyên dương.",
            "min_value": "Số trang phải là số nguyên dương.",
            "max_value": "Số trang quá lớn.",
        },
    )

    def clean_ky(self):
        code = self.cleaned_data["ky"].strip()
        if not code:
            return ""
        try:
            return parse_period(code).code
        except InvalidPeriod as exc:
            raise forms.ValidationError(str(exc)) from exc
