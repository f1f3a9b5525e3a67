"""The signed file is read by the project's reader (in the budgeted child) and its number,
date, parties and signers are PROPOSED; a person confirms what to take. The file is the real
joint resolution 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN (three issuers, 26/9/2025)."""

import datetime as dt
from pathlib import Path

import pytest

from danvan.accounts.permissions import SYSTEM
from danvan.orgs import services as org_services
from danvan.orgs.interchange import UnitRow
from danvan.programmes import signed_file
from danvan.programmes.errors import ProgrammeError
from danvan.programmes.models import InstrumentKind, PartyRole

from .world import programme

SAMPLE = (
    Path(__file__).resolve().parents[3]
    / "shared/samples/incoming/ubtvqh-cp-mttq-nqlt-102-2025-hiep-thuong.doc"
)


def central_units():
    rows = [
        ("X-UBTVQH", "Ủy ban Thường vụ Quốc hội (thử)", "agency", "UBTVQH15"),
        ("X-CP", "Chính phủ (thử)", "agency", "CP"),
        ("X-DCT", "Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam (thử)", "front", "ĐCTUBTWMTTQVN"),
    ]
    org_services.import_units(
        SYSTEM,
        [
            UnitRow(f"dòng {n}", c, name, "", kind, issuer, "", "2000-01-01")
            for n, (c, name, kind, issuer) in enumerate(rows, 2)
        ],
        [],
    )


def test_the_reader_proposes_number_date_and_parties_and_a_person_confirms(world):
    central_units()
    actor = world["t.board"]
    draft = programme(
        actor,
        kind=InstrumentKind.QUY_CHE,
        symbol="",
        signed_on=None,
        valid_from=None,
        valid_to=None,
    )
    draft = signed_file.attach_signed_file(
        actor, draft, data=SAMPLE.read_bytes(), name=SAMPLE.name, version=draft.version
    )
    proposal = draft.proposal
    assert proposal["symbol"] == "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"
    assert proposal["signed_on"] == "2025-09-26"
    assert [p["code"] for p in proposal["parties"]] == ["UBTVQH15", "CP", "ĐCTUBTWMTTQVN"]
    assert proposal["unknown_issuers"] == []
    cited = {row["symbol"] for row in proposal["based_on"]} | set(proposal["not_in_registry"])
    assert {"85/2015/QH13", "83/2025/QH15"} <= cited
    # Nothing written yet but the file and the proposal.
    draft.refresh_from_db()
    assert (draft.symbol, draft.signed_on, draft.parties.count()) == ("", None, 0)
    assert draft.signed_file.format == "doc" and draft.signed_file_name == SAMPLE.name
    confirmed = signed_file.confirm_proposal(
        actor, draft, version=draft.version, take={"symbol", "signed_on", "parties"}
    )
    assert confirmed.symbol == "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"
    assert (confirmed.number, confirmed.type_code) == ("102", "NQLT")
    assert confirmed.signed_on == confirmed.valid_from == dt.date(2025, 9, 26)
    assert [(p.unit.code, p.role) for p in confirmed.parties.order_by("order")] == [
        ("X-UBTVQH", PartyRole.KY_KET),
        ("X-CP", PartyRole.KY_KET),
        ("X-DCT", PartyRole.KY_KET),
    ]
    assert confirmed.proposal == {}
    with pytest.raises(ProgrammeError):
        signed_file.confirm_proposal(actor, confirmed, version=confirmed.version, take={"symbol"})


def test_a_file_that_is_not_a_document_is_refused_and_changes_nothing(world):
    actor = world["t.board"]
    draft = programme(actor, symbol="")
    with pytest.raises(ProgrammeError) as refused:
        signed_file.attach_signed_file(
            actor, draft, data=b"   ", name="trong.pdf", version=draft.version
        )
    assert refused.value.fields["file"] == "Tệp rỗng."
    with pytest.raises(ProgrammeError) as refused:
        signed_file.attach_signed_file(
            actor, draft, data=b"\x00\x01\x02 not a document", name="x.pdf", version=draft.version
        )
    assert "Định dạng tệp không được hỗ trợ" in refused.value.fields["file"]
    draft.refresh_from_db()
    assert draft.signed_file is None and draft.proposal == {}
