from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import passwords, selectors, services
from .errors import AccountError
from .forms import AdminResetForm, ForgotPasswordForm, GrantRoleForm, LoginForm


@sensitive_post_parameters("password")
@never_cache
def login_view(request):
    form = LoginForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            user = services.log_in(
                request, form.cleaned_data["username"], form.cleaned_data["password"]
            )
        except services.LoginRefused as exc:
            error = str(exc)
        else:
            login(request, user)
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = "portal:home"
            return redirect(target)
    status = 400 if error else 200
    return render(request, "accounts/login.html", {"form": form, "error": error}, status=status)


@require_POST
def logout_view(request):
    services.log_out(request)
    messages.info(request, "Bạn đã đăng xuất.")
    return redirect("accounts:login")


@sensitive_post_parameters()
@login_required
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(request.user, form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, "Đã đổi mật khẩu.")
        return redirect("portal:home")
    return render(
        request, "accounts/password_change.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def roles(request):
    memberships = selectors.manageable_memberships(request.user)
    form = GrantRoleForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_role(request.user, **form.cleaned_data)
        except AccountError as exc:
            error = exc.message
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, "Đã cấp quyền.")
            return redirect("accounts:roles")
    return render(
        request,
        "accounts/roles.html",
        {"memberships": memberships, "form": form, "error": error},
        status=400 if error or form.errors else 200,
    )


@login_required
@require_POST
def revoke(request, membership_id: int):
    try:
        services.revoke_role(request.user, membership_id)
    except AccountError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã thu hồi quyền.")
    return redirect("accounts:roles")


class ForgotPassword(auth_views.PasswordResetView):
    """ "Quên mật khẩu": the link goes by e-mail; the page says the same whoever asks."""

    form_class = ForgotPasswordForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        refusal = passwords.reset_refusal(self.request)
        if refusal:
            form.add_error(None, refusal)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        passwords.request_reset(self.request, form.cleaned_data["email"])
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ForgotPasswordSent(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class ResetPassword(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        passwords.reset_done(self.request, form.user)
        return response

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ResetPasswordDone(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_POST
def admin_reset(request):
    """An administrator resets someone's password; the link is shown here once."""
    form = AdminResetForm(request.POST)
    error = link = None
    if form.is_valid():
        try:
            link = passwords.admin_reset(request.user, form.cleaned_data["username"])
        except AccountError as exc:
            error = exc.message
    else:
        error = "Cần nhập tên đăng nhập của người cần đặt lại mật khẩu."
    return render(
        request,
        "accounts/admin_reset.html",
        {"username": form.cleaned_data.get("username", ""), "link": link, "error": error},
        status=400 if error else 200,
    )
