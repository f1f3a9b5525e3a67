from django import forms

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class DateField(forms.DateField):
    input_formats = ["%Y-%m-%d", "%d/%m/%Y"]


class AsOfForm(forms.Form):
    ngay = DateField(
        label="Cây đơn vị vào ngày",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."},
    )


def _check_size(upload):
    if upload and upload.size > MAX_IMPORT_BYTES:
        raise forms.ValidationError(
            f"Tệp '{upload.name}' quá lớn ({upload.size // 1024} KB); giới hạn {MAX_IMPORT_BYTES // 1024 // 1024} MB."
        )
    return upload


class ImportForm(forms.Form):
    units_file = forms.FileField(label="Tệp đơn vị (.json hoặc .csv)")
    successions_file = forms.FileField(
        label="Tệp quan hệ kế thừa (.csv, khi tệp đơn vị là CSV)", required=False
    )

    def clean_units_file(self):
        return _check_size(self.cleaned_data.get("units_file"))

    def clean_successions_file(self):
        return _check_size(self.cleaned_data.get("successions_file"))
