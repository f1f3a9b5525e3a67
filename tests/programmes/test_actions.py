"""The actions of an instrument's page through the test client: parties, commitments, state,
successor, the signed file and its proposal — each saved with a message, or refused with
the form's Vietnamese errors and nothing changed."""

import datetime as dt
from pathlib import Path

from django.test import Client

from danvan.programmes import services
from danvan.programmes.models import (
    Commitment,
    ContentArea,
    Instrument,
    InstrumentKind,
    InstrumentState,
    Party,
)

from .world import programme, signed_programme, unit

D = dt.date
SAMPLE = (
    Path(__file__).resolve().parents[3]
    / "shared/samples/incoming/mttq-xa-luong-minh-kh-tiep-cong-dan-bau-cu-2025-draft.docx"
)


def board_client(world) -> Client:
    client = Client()
    client.force_login(world["t.tu"])
    return client


def fresh(instrument) -> Instrument:
    instrument.refresh_from_db()
    return instrument


def test_parties_and_commitments_from_the_page(world):
    client = board_client(world)
    parent = signed_programme(world["t.tu"])
    plan = services.create_instrument(
        world["t.tu"],
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_6_THANG,
        title="Kế hoạch 6 tháng đầu năm 2022",
        valid_from=D(2022, 1, 1),
        valid_to=D(2022, 6, 30),
        parent=parent,
    )
    url = f"/chuong-trinh-phoi-hop/{plan.pk}"
    for code, role in (("T-BDVTU", "thuong_truc"), ("T-CAT", "ky_ket"), ("T-BCHQS", "phoi_hop")):
        response = client.post(
            f"{url}/cac-ben/", {"unit": unit(code).pk, "role": role, "version": fresh(plan).version}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    duplicate = client.post(
        f"{url}/cac-ben/",
        {"unit": unit("T-CAT").pk, "role": "ky_ket", "version": fresh(plan).version},
    )
    assert duplicate.status_code == 400
    assert "Công an tỉnh T đã là bên “Ký kết” của văn bản này." in duplicate.content.decode()
    military = Party.objects.get(instrument=plan, unit__code="T-BCHQS")
    assert (
        client.post(
            f"{url}/cac-ben/{military.pk}/bo/", {"version": fresh(plan).version}
        ).status_code
        == 302
    )
    assert not Party.objects.filter(pk=military.pk).exists()
    police = Party.objects.get(instrument=plan, unit__code="T-CAT")
    area = ContentArea.objects.get(code="nam-tinh-hinh")
    bad = client.post(
        f"{url}/nhiem-vu/",
        {
            "content_area": area.pk,
            "content": "",
            "lead": police.pk,
            "due_on": "2022-09-30",
            "version": fresh(plan).version,
        },
    )
    assert bad.status_code == 400 and "Chưa nhập." in bad.content.decode()
    late = client.post(
        f"{url}/nhiem-vu/",
        {
            "content_area": area.pk,
            "content": "Trao đổi thông tin hằng tháng",
            "lead": police.pk,
            "due_on": "2022-09-30",
            "version": fresh(plan).version,
        },
    )
    assert "Hạn hoàn thành sau ngày kế hoạch hết hiệu lực (30/06/2022)." in late.content.decode()
    ok = client.post(
        f"{url}/nhiem-vu/",
        {
            "content_area": area.pk,
            "content": "Trao đổi thông tin hằng tháng",
            "lead": police.pk,
            "due_on": "2022-06-30",
            "target": "6",
            "version": fresh(plan).version,
        },
    )
    assert ok.status_code == 302
    commitment = Commitment.objects.get(plan=plan)
    edit_url = f"{url}/nhiem-vu/{commitment.pk}/"
    assert "Trao đổi thông tin hằng tháng" in client.get(edit_url).content.decode()
    edited = client.post(
        edit_url,
        {
            "content_area": area.pk,
            "content": "Trao đổi thông tin hằng quý",
            "lead": police.pk,
            "period_code": "2022s1",
            "version": fresh(plan).version,
        },
    )
    assert edited.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.content, commitment.period_code, commitment.due_on) == (
        "Trao đổi thông tin hằng quý",
        "2022S1",
        None,
    )
    page = client.get(url + "/").content.decode()
    assert "Trao đổi thông tin hằng quý" in page and "2022S1" in page
    gone = client.post(
        edit_url,
        {
            "content_area": area.pk,
            "content": "x",
            "lead": police.pk,
            "version": fresh(plan).version,
            "delete": "1",
        },
    )
    assert gone.status_code == 302 and not Commitment.objects.filter(plan=plan).exists()
    assert client.get(f"{url}/nhiem-vu/999999/").status_code == 404


def test_state_successor_file_and_proposal_from_the_page(world):
    client = board_client(world)
    old = signed_programme(world["t.tu"])
    new = programme(
        world["t.tu"],
        symbol="08-CTr/BTGDVTU-ĐUUBND",
        owner=unit("T-BTGDVTU"),
        signed_on=D(2025, 6, 1),
        valid_from=D(2025, 6, 1),
        valid_to=D(2030, 12, 31),
    )
    url = f"/chuong-trinh-phoi-hop/{old.pk}"
    assert (
        client.post(
            f"{url}/thay-the/", {"successor": new.pk, "version": fresh(old).version}
        ).status_code
        == 302
    )
    refused = client.post(
        f"{url}/trang-thai/",
        {"target": "thay_the", "version": fresh(old).version, "on": "2025-05-31"},
    )
    assert refused.status_code == 400
    assert "chưa được ký" in refused.content.decode()
    assert fresh(old).state == InstrumentState.HIEU_LUC
    # The signed file: a real plan (DOCX) read into a proposal, then dismissed.
    with SAMPLE.open("rb") as handle:
        uploaded = client.post(
            f"/chuong-trinh-phoi-hop/{new.pk}/tep/", {"file": handle, "version": fresh(new).version}
        )
    assert uploaded.status_code == 302
    page = client.get(f"/chuong-trinh-phoi-hop/{new.pk}/").content.decode()
    assert "Đề xuất đọc từ tệp" in page and SAMPLE.name in page
    assert fresh(new).proposal["file"] == SAMPLE.name
    dismissed = client.post(
        f"/chuong-trinh-phoi-hop/{new.pk}/de-xuat/",
        {"action": "dismiss", "version": fresh(new).version},
    )
    assert dismissed.status_code == 302 and fresh(new).proposal == {}
    # Editing through the page form; a stale version is refused.
    edit = f"/chuong-trinh-phoi-hop/{new.pk}/sua/"
    assert client.get(edit).status_code == 200
    form = {
        "kind": "chuong_trinh",
        "symbol": "08-CTr/BTGDVTU-ĐUUBND",
        "title": "Tên mới",
        "signed_on": "2025-06-01",
        "valid_from": "2025-06-01",
        "valid_to": "2030-12-31",
    }
    assert client.post(edit, form | {"version": fresh(new).version}).status_code == 302
    stale = client.post(edit, form | {"version": 0, "title": "Tên khác"})
    assert "vừa được người khác cập nhật" in stale.content.decode()
    assert fresh(new).title == "Tên mới"
