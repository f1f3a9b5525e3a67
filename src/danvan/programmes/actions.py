"""The POST actions of an instrument's page: its state, successor, parties, commitments and
signed file. Each answers with the instrument page again: a success message, or the form
with its Vietnamese errors (status 400) and nothing changed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.orgs.models import OrgUnit
from danvan.reporting import clock

from . import commitments as commitment_services
from . import parties as party_services
from . import permissions as access
from . import selectors, services, signed_file
from .errors import ConcurrentEdit, ProgrammeError
from .forms import (
    FileForm,
    PartyForm,
    PartySuccessorForm,
    ProposalForm,
    StateForm,
    SuccessorForm,
)
from .models import Party
from .page_forms import commitment_form, page_forms, party_units
from .views import form_errors, load


def _page(request, instrument, form=None, form_name=""):
    page = selectors.instrument_page(request.user, instrument.pk)
    return render(
        request,
        "programmes/detail.html",
        {
            "p": page,
            "i": page.instrument,
            "f": page_forms(request.user, page, form, form_name),
            "failed": form_name,
        },
        status=400,
    )


def _run(request, instrument, form, form_name, action, success):
    """Run `action()` for a valid form; the page with the errors otherwise."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ConcurrentEdit as exc:
            form.add_error(None, exc.messages[0])
        except ProgrammeError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("programmes:detail", instrument.pk)
    return _page(request, instrument, form, form_name)


def _managed(request, pk):
    instrument = load(request.user, pk)
    access.require_manage(request.user, instrument)
    return instrument


@login_required
@require_POST
def change_state(request, pk):
    instrument = _managed(request, pk)
    form = StateForm(request.POST)

    def act(data):
        services.change_state(
            request.user, instrument, target=data["target"], version=data["version"], on=data["on"]
        )

    return _run(request, instrument, form, "state", act, "Đã chuyển trạng thái.")


@login_required
@require_POST
def set_successor(request, pk):
    instrument = _managed(request, pk)
    form = SuccessorForm(
        request.POST, candidates=selectors.successor_choices(request.user, instrument)
    )

    def act(data):
        services.set_successor(
            request.user, instrument, successor=data["successor"], version=data["version"]
        )

    return _run(request, instrument, form, "successor", act, "Đã ghi văn bản thay thế.")


@login_required
@require_POST
def add_party(request, pk):
    instrument = _managed(request, pk)
    form = PartyForm(request.POST, units=party_units(instrument))

    def act(data):
        party_services.add_party(
            request.user,
            instrument,
            unit=data["unit"],
            role=data["role"],
            version=data["version"],
            signer_name=data["signer_name"],
            signer_title=data["signer_title"],
            group=data["group"],
        )

    return _run(request, instrument, form, "party", act, "Đã thêm bên tham gia.")


def _party(instrument, party_id) -> Party:
    if not 0 < party_id < 2**63:
        raise Http404("Không tìm thấy bên tham gia này.")
    party = instrument.parties.select_related("unit").filter(pk=party_id).first()
    if party is None:
        raise Http404("Không tìm thấy bên tham gia này.")
    return party


@login_required
@require_POST
def remove_party(request, pk, party_id):
    instrument = _managed(request, pk)
    party = _party(instrument, party_id)
    try:
        version = int(request.POST.get("version", ""))
        party_services.remove_party(request.user, party, version=version)
    except ValueError:
        messages.error(request, "Thiếu phiên bản của văn bản; hãy tải lại trang.")
    except (ConcurrentEdit, ProgrammeError) as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã bỏ {party.unit}.")
    return redirect("programmes:detail", instrument.pk)


@login_required
@require_POST
def party_successor(request, pk):
    instrument = _managed(request, pk)
    form = PartySuccessorForm(request.POST, units=OrgUnit.objects.valid_on(clock.today()))

    def act(data):
        if data["party"] == 0:
            raise ProgrammeError("Thiếu bên tham gia.")
        party_services.confirm_party_successor(
            request.user,
            _party(instrument, data["party"]),
            unit=data["unit"],
            version=data["version"],
        )

    return _run(request, instrument, form, "party_successor", act, "Đã xác nhận đơn vị kế thừa.")


@login_required
@require_POST
def owner_successor(request, pk):
    instrument = _managed(request, pk)
    form = PartySuccessorForm(request.POST, units=OrgUnit.objects.valid_on(clock.today()))

    def act(data):
        party_services.confirm_owner_successor(
            request.user, instrument, unit=data["unit"], version=data["version"]
        )

    return _run(request, instrument, form, "owner_successor", act, "Đã đổi cơ quan thường trực.")


def _commitment_values(data) -> dict:
    return {
        "content_area": data["content_area"],
        "content": data["content"],
        "lead": data["lead"],
        "partners": list(data["partners"]),
        "deliverable": data["deliverable"],
        "target": data["target"],
        "due_on": data["due_on"],
        "period_code": data["period_code"],
        "evidence_expected": data["evidence_expected"],
    }


@login_required
@require_POST
def add_commitment(request, pk):
    instrument = _managed(request, pk)
    form = commitment_form(instrument, request.POST)

    def act(data):
        commitment_services.create_commitment(
            request.user, instrument, version=data["version"], **_commitment_values(data)
        )

    return _run(request, instrument, form, "commitment", act, "Đã thêm nhiệm vụ.")


@login_required
def edit_commitment(request, pk, commitment_id):
    instrument = _managed(request, pk)
    commitment = (
        instrument.commitments.filter(pk=commitment_id).first()
        if 0 < commitment_id < 2**63
        else None
    )
    if commitment is None:
        raise Http404("Không tìm thấy nhiệm vụ này.")
    initial = {
        "content_area": commitment.content_area_id,
        "content": commitment.content,
        "lead": commitment.lead_id,
        "partners": [p.pk for p in commitment.partners.all()],
        "deliverable": commitment.deliverable,
        "target": commitment.target,
        "due_on": commitment.due_on,
        "period_code": commitment.period_code,
        "evidence_expected": commitment.evidence_expected,
        "version": instrument.version,
    }
    form = commitment_form(instrument, request.POST or None, initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                if request.POST.get("delete") == "1":
                    commitment_services.delete_commitment(
                        request.user, commitment, version=form.cleaned_data["version"]
                    )
                    messages.success(request, "Đã xóa nhiệm vụ.")
                else:
                    commitment_services.update_commitment(
                        request.user,
                        commitment,
                        version=form.cleaned_data["version"],
                        **_commitment_values(form.cleaned_data),
                    )
                    messages.success(request, "Đã lưu nhiệm vụ.")
                return redirect("programmes:detail", instrument.pk)
            except ConcurrentEdit as exc:
                form.add_error(None, exc.messages[0])
            except ProgrammeError as exc:
                form_errors(form, exc)
    return render(
        request,
        "programmes/commitment_form.html",
        {"form": form, "i": instrument, "commitment": commitment},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def upload_file(request, pk):
    instrument = _managed(request, pk)
    form = FileForm(request.POST, request.FILES)

    def act(data):
        upload = data["file"]
        signed_file.attach_signed_file(
            request.user,
            instrument,
            data=upload.read(),
            name=upload.name or "van-ban",
            version=data["version"],
        )

    return _run(
        request, instrument, form, "file", act, "Đã lưu tệp; xem đề xuất đọc từ tệp bên dưới."
    )


@login_required
@require_POST
def proposal(request, pk):
    instrument = _managed(request, pk)
    form = ProposalForm(request.POST)

    def act(data):
        if data["action"] == "dismiss":
            signed_file.dismiss_proposal(request.user, instrument, version=data["version"])
        else:
            signed_file.confirm_proposal(
                request.user, instrument, version=data["version"], take=set(data["take"])
            )

    return _run(request, instrument, form, "proposal", act, "Đã cập nhật theo đề xuất.")
