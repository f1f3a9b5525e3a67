"""The register's forms that change something: register (or save a draft), edit, move along
the lifecycle, assess, recognise, record an output, merge a duplicate. Bad input re-shows the
form with Vietnamese messages and writes nothing."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.reporting.models import Assignment

from . import lifecycle, selectors, services
from .forms import (
    AssessmentForm,
    CommitmentForm,
    EntryForm,
    MergeForm,
    OutputForm,
    RecognitionFormForm,
    TransitionForm,
)
from .models import Status
from .permissions import ASSESS, RECOGNISE, REGISTER


def _entry_or_404(user, entry_id: int):
    entry = selectors.get_entry(user, entry_id)
    if entry is None:
        raise Http404("Không tìm thấy mô hình, điển hình (hoặc bạn không có quyền xem).")
    return entry


def _show_errors(request, errors) -> None:
    for message in errors.values() if isinstance(errors, dict) else errors:
        messages.error(request, message)


def _campaign(request):
    raw = request.GET.get("giao", "") or request.POST.get("giao", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
        return None
    assignment = Assignment.objects.select_related("unit", "request").filter(pk=int(raw)).first()
    if assignment is None or not permissions.has_permission(
        request.user, REGISTER, assignment.unit
    ):
        return None
    return assignment


def _form_errors(request, form) -> None:
    for key, errors in form.errors.items():
        label = form.fields[key].label if key in form.fields else ""
        messages.error(request, f"{label}: {errors[0]}" if label else errors[0])


@login_required
def create(request):
    permissions.require(request.user, REGISTER)
    today = dt.date.today()
    units = list(selectors.units_for(request.user, REGISTER, today)[:500])
    assignment = _campaign(request)
    initial = {"owner_unit": assignment.unit.code} if assignment else {}
    form = EntryForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        unit = OrgUnit.objects.get(code=form.cleaned_data["owner_unit"])
        register = "dang-ky" in request.POST
        try:
            entry = services.create_entry(
                actor=request.user,
                owner_unit=unit,
                data=form.entry_data(),
                register=register,
                at=today,
                assignment=assignment,
            )
        except services.EntryInvalid as exc:
            for key, message in exc.errors.items():
                form.add_error(key if key in form.fields else None, message)
        else:
            messages.success(
                request,
                "Đã đăng ký mô hình, điển hình." if register else "Đã lưu bản nháp (dự kiến).",
            )
            if selectors.possible_duplicates(request.user, entry):
                messages.warning(
                    request, "Có mục tương tự trong sổ; xem mục “Có thể trùng” bên dưới."
                )
            return redirect("exemplars:detail", entry.pk)
    return render(
        request,
        "exemplars/form.html",
        {"form": form, "entry": None, "assignment": assignment},
    )


@login_required
def edit(request, entry_id: int):
    entry = _entry_or_404(request.user, entry_id)
    permissions.require(request.user, REGISTER, entry.owner_unit)
    initial = {key: getattr(entry, key) for key in services.ENTRY_FIELDS}
    form = EntryForm(request.POST or None, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_entry(actor=request.user, entry=entry, data=form.entry_data())
        except services.EntryInvalid as exc:
            for key, message in exc.errors.items():
                form.add_error(key if key in form.fields else None, message)
        else:
            if entry.status == Status.PLANNED and "dang-ky" in request.POST:
                try:
                    services.change_status(
                        actor=request.user,
                        entry=entry,
                        target=Status.REGISTERED,
                        at=dt.date.today(),
                    )
                except (services.EntryInvalid, lifecycle.TransitionRefused) as exc:
                    messages.error(request, str(exc))
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("exemplars:detail", entry.pk)
    return render(request, "exemplars/form.html", {"form": form, "entry": entry})


def _unit(code: str) -> OrgUnit | None:
    return OrgUnit.objects.filter(code=code).first()


@login_required
@require_POST
def transition(request, entry_id: int):
    entry = _entry_or_404(request.user, entry_id)
    targets = [(s, lifecycle.label(s)) for s in lifecycle.NEXT.get(entry.status, ())]
    form = TransitionForm(request.POST, targets=targets)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("exemplars:detail", entry.pk)
    data = form.cleaned_data
    try:
        services.change_status(
            actor=request.user,
            entry=entry,
            target=data["target"],
            at=data["at"],
            level=data["level"],
            decision_symbol=data["decision_symbol"],
            note=data["note"],
        )
    except services.EntryInvalid as exc:
        messages.error(request, "Chưa đăng ký được: cần đủ 10 nội dung đăng ký.")
        _show_errors(request, exc.errors)
    except lifecycle.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã chuyển sang “{lifecycle.label(data['target'])}”.")
    return redirect("exemplars:detail", entry.pk)


@login_required
@require_POST
def assess(request, entry_id: int):
    entry = _entry_or_404(request.user, entry_id)
    today = dt.date.today()
    if not selectors.abilities(request.user, entry, today)["assess"]:
        raise permissions.ScopeDenied(permissions.ACTION_DENIED_MESSAGES[ASSESS])
    form = AssessmentForm(
        request.POST,
        units=selectors.units_for(request.user, ASSESS, today),
        criteria=services.criteria_for(entry, today),
    )
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("exemplars:detail", entry.pk)
    data = form.cleaned_data
    try:
        services.assess(
            actor=request.user,
            entry=entry,
            assessed_on=data["assessed_on"],
            conclusion=data["conclusion"],
            checklist=data.get("checklist", []),
            scores=form.scores(),
            level=data["level"],
            assessor_unit=_unit(data["assessor_unit"]),
            note=data["note"],
        )
    except services.EntryInvalid as exc:
        _show_errors(request, exc.errors)
    except lifecycle.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã ghi kết quả đánh giá.")
    return redirect("exemplars:detail", entry.pk)


@login_required
@require_POST
def recognise(request, entry_id: int):
    entry = _entry_or_404(request.user, entry_id)
    if not selectors.abilities(request.user, entry)["recognise"]:
        raise permissions.ScopeDenied(permissions.ACTION_DENIED_MESSAGES[RECOGNISE])
    form = RecognitionFormForm(
        request.POST, units=selectors.units_for(request.user, RECOGNISE, dt.date.today())
    )
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("exemplars:detail", entry.pk)
    data = form.cleaned_data
    try:
        services.recognise(
            actor=request.user,
            entry=entry,
            level=data["level"],
            form=data["form"],
            decided_on=data["decided_on"],
            decision_symbol=data["decision_symbol"],
            by_unit=_unit(data["by_unit"]),
            period_from=data["period_from"],
            period_to=data["period_to"],
        )
    except lifecycle.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã ghi quyết định công nhận, khen thưởng.")
    return redirect("exemplars:detail", entry.pk)


@login_required
@require_POST
def output(request, entry_id: int):
    entry = _entry_or_404(request.user, entry_id)
    permissions.require(request.user, REGISTER, entry.owner_unit)
    form = OutputForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("exemplars:detail", entry.pk)
    try:
        services.add_output(actor=request.user, entry=entry, **form.cleaned_data)
    except services.EntryInvalid as exc:
        _show_errors(request, exc.errors)
    else:
        messages.success(request, "Đã ghi kết quả đầu ra.")
    return redirect("exemplars:detail", entry.pk)


@login_required
@require_POST
def merge(request, entry_id: int):
    drop = _entry_or_404(request.user, entry_id)
    form = MergeForm(request.POST)
    keep = selectors.get_entry(request.user, form.cleaned_data["into"]) if form.is_valid() else None
    if keep is None:
        messages.error(request, "Không tìm thấy mục để gộp vào.")
        return redirect("exemplars:detail", drop.pk)
    permissions.require(request.user, RECOGNISE, drop.owner_unit)
    try:
        services.merge(actor=request.user, keep=keep, drop=drop)
    except lifecycle.TransitionRefused as exc:
        messages.error(request, str(exc))
        return redirect("exemplars:detail", drop.pk)
    messages.success(request, f"Đã gộp vào “{keep.name}”; mục này không còn được đếm.")
    return redirect("exemplars:detail", keep.pk)


@login_required
@require_POST
def commitment(request, entry_id: int):
    entry = _entry_or_404(request.user, entry_id)
    permissions.require(request.user, REGISTER, entry.owner_unit)
    form = CommitmentForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("exemplars:detail", entry.pk)
    try:
        services.link_commitment(
            actor=request.user, entry=entry, commitment_id=form.cleaned_data["commitment"]
        )
    except lifecycle.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã cập nhật liên kết với chương trình phối hợp.")
    return redirect("exemplars:detail", entry.pk)
