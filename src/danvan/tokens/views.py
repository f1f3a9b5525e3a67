"""“Mã truy cập API”: a person's own tokens, and the administrator's page for the users in
their scope. A new token is shown once, in the answer to the form that created it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from danvan.accounts import permissions

from . import selectors, services
from .errors import TokenError
from .forms import AdminTokenForm, TokenForm


def _rows(tokens):
    return [(t, selectors.status(t)) for t in tokens]


def _page(request, template: str, form, tokens, extra: dict | None = None):
    created, error = None, None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if "username" in data:
                created = services.create_token_for(
                    request.user, data["username"], data["name"], data["days"]
                )
            else:
                created = services.create_token(
                    request.user, request.user, data["name"], data["days"]
                )
        except TokenError as exc:
            error = exc.message
        except permissions.ScopeDenied as exc:
            error = exc.message
    failed = request.method == "POST" and created is None
    return render(
        request,
        template,
        {"form": form, "rows": _rows(tokens), "created": created, "error": error, **(extra or {})},
        status=400 if failed else 200,
    )


@never_cache
@login_required
def mine(request):
    form = TokenForm(request.POST or None)
    return _page(
        request,
        "tokens/mine.html",
        form,
        selectors.tokens_of(request.user),
        {"can_manage": permissions.acts_anywhere(request.user, "accounts.manage")},
    )


@never_cache
@login_required
def manage(request):
    permissions.require(request.user, "accounts.manage")
    form = AdminTokenForm(request.POST or None)
    return _page(request, "tokens/manage.html", form, selectors.manageable_tokens(request.user))


@login_required
@require_POST
def revoke(request, token_id: int):
    try:
        services.revoke_token(request.user, token_id)
    except TokenError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã thu hồi mã truy cập; mã không dùng được nữa.")
    return redirect("tokens:manage" if request.POST.get("from") == "manage" else "tokens:mine")
