from django import forms

from .services import DEFAULT_DAYS, MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Tên gợi nhớ",
        max_length=100,
        help_text="Dùng ở đâu, ví dụ: Văn phòng điện tử, tập lệnh xuất số liệu.",
        error_messages={"required": "Đặt tên gợi nhớ cho mã truy cập."},
    )
    days = forms.IntegerField(
        label="Thời hạn (ngày)",
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        error_messages={
            "required": "Nhập thời hạn của mã (số ngày).",
            "invalid": "Thời hạn phải là một số ngày.",
            "min_value": "Thời hạn ít nhất là 1 ngày.",
            "max_value": f"Thời hạn tối đa là {MAX_DAYS} ngày.",
        },
    )


class AdminTokenForm(TokenForm):
    username = forms.CharField(
        label="Tên đăng nhập của người dùng",
        max_length=150,
        error_messages={"required": "Nhập tên đăng nhập của người dùng."},
    )

    field_order = ["username", "name", "days"]
