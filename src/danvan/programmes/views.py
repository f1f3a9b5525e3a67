"""Pages of the programmes register: the list, an instrument's page, creating and editing an
instrument. The actions on an instrument's page (state, parties, commitments, signed file)
are in actions.py; spreadsheets in sheet_views.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from danvan.accounts import permissions
from danvan.vn.numbers import parse_whole

from . import permissions as access
from . import selectors, services
from .errors import ConcurrentEdit, NotFound, ProgrammeError
from .forms import (
    InstrumentForm,
)
from .models import InstrumentKind, InstrumentState
from .page_forms import page_forms

TITLE = "Chương trình phối hợp"
PAGE_SIZE = 25


def load(user, pk):
    try:
        return selectors.get_instrument(user, pk)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc


def form_errors(form, exc: ProgrammeError) -> None:
    """Put the services' messages beside their fields (or above the form)."""
    for name, message in exc.fields.items():
        form.add_error(name if name in form.fields else None, message)
    others = [m for m in exc.messages if m not in exc.fields.values()]
    for message in others:
        form.add_error(None, message)


@login_required
def index(request):
    year = parse_whole(request.GET.get("nam", ""), 9999)
    filters = selectors.Filters(
        q=request.GET.get("q", "")[:200],
        kind=request.GET.get("loai", "")
        if request.GET.get("loai") in InstrumentKind.values
        else "",
        state=request.GET.get("trang_thai", "")
        if request.GET.get("trang_thai") in InstrumentState.values
        else "",
        year=year if year and 1900 <= year <= 2200 else None,
    )
    page = Paginator(selectors.instruments(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    return render(
        request,
        "programmes/index.html",
        {
            "title": TITLE,
            "page": page,
            "filters": filters,
            "kinds": InstrumentKind.choices,
            "states": InstrumentState.choices,
            "can_manage": permissions.acts_anywhere(request.user, access.MANAGE),
        },
    )


def _owners(user):
    return permissions.units_in_scope(user, access.MANAGE).order_by("path")


def _form(request, data=None, initial=None):
    return InstrumentForm(
        data,
        initial=initial,
        owners=_owners(request.user),
        parents=selectors.parent_choices(request.user),
    )


@login_required
def create(request):
    permissions.require(request.user, access.MANAGE)
    form = _form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            instrument = services.create_instrument(
                request.user,
                owner=data["owner"],
                kind=data["kind"],
                title=data["title"],
                symbol=data["symbol"],
                signed_on=data["signed_on"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                parent=data["parent"],
                based_on=data["based_on"],
                note=data["note"],
            )
        except ProgrammeError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, f"Đã tạo {instrument}.")
            return redirect("programmes:detail", instrument.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "programmes/instrument_form.html",
        {"form": form, "title": "Thêm văn bản phối hợp"},
        status=status,
    )


@login_required
def detail(request, pk):
    try:
        page = selectors.instrument_page(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.messages[0]) from exc
    return render(
        request,
        "programmes/detail.html",
        {"p": page, "i": page.instrument, "f": page_forms(request.user, page)},
    )


@login_required
def edit(request, pk):
    instrument = load(request.user, pk)
    access.require_manage(request.user, instrument)
    initial = {
        "kind": instrument.kind,
        "owner": instrument.owner_id,
        "symbol": instrument.symbol,
        "title": instrument.title,
        "signed_on": instrument.signed_on,
        "valid_from": instrument.valid_from,
        "valid_to": instrument.valid_to,
        "parent": instrument.parent_id,
        "based_on": "\n".join(d.symbol for d in instrument.based_on.all()),
        "note": instrument.note,
    }
    form = _form(request, request.POST or None, initial)
    form.fields["owner"].disabled = True
    form.fields["owner"].required = False
    version = (
        parse_whole(request.POST.get("version", ""), 2**31) if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_instrument(
                request.user,
                instrument,
                version=instrument.version if version is None else version,
                based_on=data["based_on"],
                **{
                    name: data[name]
                    for name in services.EDITABLE
                    if name in data
                    and (instrument.state not in services.ENDED_STATES or name == "note")
                },
            )
        except ConcurrentEdit as exc:
            form.add_error(None, exc.messages[0])
        except ProgrammeError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("programmes:detail", instrument.pk)
    return render(
        request,
        "programmes/instrument_form.html",
        {"form": form, "title": f"Sửa {instrument}", "instrument": instrument},
        status=400 if request.method == "POST" else 200,
    )
