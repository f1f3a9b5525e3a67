"""Hypothesis over every form of the register and the form parser: whatever is typed or
uploaded, the answer is never a server error, and bad input changes nothing."""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from danvan.petitions import formspec
from danvan.petitions.models import FormReport, Petition, ReceptionEntry, ReceptionSession

pytestmark = pytest.mark.django_db
BASE = "/tiep-dan-don-thu/"
TEXT = st.one_of(
    st.text(max_size=30).filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
    st.sampled_from(["", "0", "-1", "5", "10001", "2026-02-30", "32/13/2030", "x" * 5000, "1.868", "12,5",
                     "<b>đậm</b>", "khieu_nai", "thu_ly", "tam_dinh_chi", "2026-11-30", "2022-03-01"]),
)  # fmt: skip
HYPO = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fields(*names):
    return st.fixed_dictionaries({n: TEXT for n in names})


@pytest.fixture
def coordinator(login_client):
    return login_client("dn.dieuphoi")


@HYPO
@given(data=fields("visitor_name", "visitor_address", "identity_number", "summary", "kind",
                   "people", "repeat", "handled_by", "routing", "routing_to", "routing_document",
                   "follow_up"))  # fmt: skip
def test_entry_form(coordinator, data):
    session = ReceptionSession.objects.filter(unit__code="DN-TU").first()
    response = coordinator.post(f"{BASE}so/{session.pk}/luot/", data)
    assert response.status_code in (200, 302)


@HYPO
@given(data=fields("unit", "date", "host_name", "host_role", "kind", "mode", "place", "party_rule"))
def test_session_form(coordinator, data):
    assert coordinator.post(f"{BASE}so/moi/", data).status_code in (200, 302)


@HYPO
@given(data=fields("unit", "reference", "received_on", "kind", "round", "discipline", "petitioner",
                   "summary", "people", "remote_area", "hot_spot"))  # fmt: skip
def test_petition_form(coordinator, data):
    assert coordinator.post(f"{BASE}don/moi/", data).status_code in (200, 302)


@HYPO
@given(
    data=fields("kind", "date", "document", "routing", "outcome", "complex_case", "justification")
)
def test_event_form(coordinator, data):
    petition = Petition.objects.get(reference="TC-2026-041")
    before = petition.events.count()
    response = coordinator.post(f"{BASE}don/{petition.pk}/su-kien/", data)
    assert response.status_code == 302
    assert petition.events.count() in (before, before + 1)


@HYPO
@given(conclusion=fields("symbol", "date", "title"), task=fields("title", "unit", "due"))
def test_conclusion_and_task_forms(coordinator, conclusion, task):
    session = ReceptionSession.objects.filter(unit__code="DN-TU").first()
    assert coordinator.post(f"{BASE}so/{session.pk}/ket-luan/", conclusion).status_code == 302
    assert coordinator.post(f"{BASE}so/{session.pk}/nhiem-vu/", task).status_code == 302


@HYPO
@given(
    cells=st.lists(st.one_of(st.integers(-10, 10**16), TEXT, st.none()), min_size=3, max_size=32)
)
def test_form_upload(coordinator, cells):
    book = Workbook()
    book.active.append(
        ["Mã đơn vị", "Từ ngày", "Đến ngày"]
        + [f"({c.number}) {c.label}" for c in formspec.TCD01.columns]
    )
    book.active.append(
        [ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in cells]
    )
    out = io.BytesIO()
    book.save(out)
    before = FormReport.objects.count()
    upload = io.BytesIO(out.getvalue())
    upload.name = "bieu.xlsx"
    response = coordinator.post(f"{BASE}bieu/nhap/", {"form": "01/TCD", "file": upload})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert FormReport.objects.count() == before


@HYPO
@given(
    query=st.dictionaries(
        st.sampled_from(
            ["q", "loai", "trang-thai", "don-vi", "tu", "den", "trang", "ky", "chuc-vu", "bieu"]
        ),
        TEXT,
    )
)
def test_list_filters(coordinator, query):
    for path in ("don/", "so/", "bieu/", "so/xuat.xlsx", "bieu/xuat.xlsx"):
        assert coordinator.get(BASE + path, query).status_code in (200, 302)


def test_nothing_was_written_by_refused_entries(coordinator):
    before = ReceptionEntry.objects.count()
    session = ReceptionSession.objects.filter(unit__code="DN-TU").first()
    coordinator.post(
        f"{BASE}so/{session.pk}/luot/",
        {"visitor_name": "", "summary": "x", "kind": "to_cao", "people": "1"},
    )
    assert ReceptionEntry.objects.count() == before
