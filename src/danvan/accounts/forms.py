from django import forms
from django.contrib.auth.forms import PasswordResetForm

from .models import Role


class LoginForm(forms.Form):
    username = forms.CharField(
        label="Tên đăng nhập",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label="Mật khẩu",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class GrantRoleForm(forms.Form):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    unit_code = forms.CharField(label="Mã đơn vị", max_length=40)
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)


class ForgotPasswordForm(PasswordResetForm):
    email = forms.EmailField(
        label="Địa chỉ thư điện tử của tài khoản",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )


class AdminResetForm(forms.Form):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
