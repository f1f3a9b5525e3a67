"""The management forms of an instrument's page, shared by the page and its actions."""

from __future__ import annotations

from danvan.orgs.models import OrgUnit
from danvan.reporting import clock

from . import selectors
from .forms import (
    CommitmentForm,
    FileForm,
    PartyForm,
    PartySuccessorForm,
    ProposalForm,
    StateForm,
    SuccessorForm,
)
from .signed_file import FIELDS


def party_units(instrument):
    """Any unit may be a party (other trees too): those existing on the signing date (else the
    start of validity, else today)."""
    units = OrgUnit.objects.order_by("path")
    day = instrument.signed_on or instrument.valid_from or clock.today()
    return units.valid_on(day)


def commitment_form(instrument, data=None, initial=None):
    parties = instrument.parties.filter(replaced_by__isnull=True).select_related("unit")
    return CommitmentForm(data, initial=initial, areas=selectors.content_areas(), parties=parties)


def page_forms(user, page, failed=None, failed_name: str = "") -> dict:
    """The management forms of an instrument's page (for its coordinators), with the one
    that failed in place of its blank copy."""
    if not page.can_manage:
        return {}
    i = page.instrument
    initial = {"version": i.version}
    today_units = OrgUnit.objects.valid_on(clock.today()).order_by("path")
    forms = {
        "state": StateForm(initial=initial),
        "successor": SuccessorForm(
            initial=initial | {"successor": i.successor_id},
            candidates=selectors.successor_choices(user, i),
        ),
        "party": PartyForm(initial=initial | {"role": "ky_ket"}, units=party_units(i)),
        "party_successor": PartySuccessorForm(initial=initial, units=today_units),
        "owner_successor": PartySuccessorForm(initial=initial | {"party": 1}, units=today_units),
        "file": FileForm(initial=initial),
        "proposal": ProposalForm(initial=initial | {"take": list(FIELDS)}),
    }
    if i.is_plan:
        forms["commitment"] = commitment_form(i, initial=initial)
    if failed is not None and failed_name:
        forms[failed_name] = failed
    return forms
