"""XLSX import and export of programmes and commitments: every row checked with Vietnamese
messages, nothing written when any row is wrong, an export reads back, a template to fill."""

import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import Workbook, load_workbook

from danvan.programmes import xlsx, xlsx_commitments
from danvan.programmes.models import Commitment, Instrument, InstrumentState
from danvan.registers.sheets import SheetRejected

HEAD = [c.header for c in xlsx.INSTRUMENTS]
C_HEAD = [c.header for c in xlsx_commitments.COMMITMENTS]


def book(header, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PROGRAMME = [
    "05-CTr/BDVTU-CAT",
    "Chương trình phối hợp",
    "Phối hợp công tác dân vận với Công an tỉnh, 2021 - 2025",
    "15/03/2021",
    "15/03/2021",
    "31/12/2025",
    "T-BDVTU",
    "",
    "T-BDVTU:thường trực; T-CAT",
    "Đang có hiệu lực",
]
PLAN = [
    "12-KH/BDVTU-CAT",
    "Kế hoạch năm",
    "Kế hoạch phối hợp năm 2022",
    dt.datetime(2022, 1, 20),
    dt.datetime(2022, 1, 20),
    "31/12/2022",
    "T-BDVTU",
    "05-CTr/BDVTU-CAT",
    "T-BDVTU:thuong truc; T-CAT:ký kết",
    "da_ky",
]


def test_good_rows_are_written_and_read_back(world):
    actor = world["t.board"]
    assert xlsx.import_instruments(actor, book(HEAD, [PROGRAMME, PLAN])) == 2
    programme = Instrument.objects.get(symbol="05-CTr/BDVTU-CAT")
    plan = Instrument.objects.get(symbol="12-KH/BDVTU-CAT")
    assert (programme.state, plan.state, plan.parent) == (
        InstrumentState.HIEU_LUC,
        InstrumentState.DA_KY,
        programme,
    )
    assert [(p.unit.code, p.role) for p in plan.parties.order_by("order")] == [
        ("T-BDVTU", "thuong_truc"),
        ("T-CAT", "ky_ket"),
    ]
    rows = [
        [
            "",
            "12-KH/BDVTU-CAT",
            "Tuyên truyền, vận động Nhân dân",
            "Tuyên truyền Luật Công an nhân dân",
            "T-CAT",
            "T-BDVTU",
            "Tin bài",
            "",
            "12",
            "30/06/2022",
            "",
            "Báo cáo",
        ],
        [
            "",
            "12-KH/BDVTU-CAT",
            "an-ninh-trat-tu",
            "Xây dựng mô hình dân vận khéo về an ninh",
            "T-CAT",
            "",
            "",
            "",
            "",
            "",
            "2022s2",
            "",
        ],
    ]
    assert xlsx_commitments.import_commitments(actor, book(C_HEAD, rows)) == 2
    first = Commitment.objects.get(plan=plan, content__startswith="Tuyên truyền")
    assert (first.target, first.due_on, [p.unit.code for p in first.partners.all()]) == (
        12,
        dt.date(2022, 6, 30),
        ["T-BDVTU"],
    )
    assert (
        Commitment.objects.get(plan=plan, content_area__code="an-ninh-trat-tu").period_code
        == "2022S2"
    )
    # The export reads back: importing it again changes nothing and duplicates nothing.
    exported = xlsx.export_instruments(actor)
    sheet = load_workbook(io.BytesIO(exported)).active
    assert [c.value for c in sheet[1]] == HEAD
    assert xlsx.import_instruments(actor, exported) >= 2
    assert Instrument.objects.filter(symbol="12-KH/BDVTU-CAT").count() == 1
    again = xlsx_commitments.export_commitments(actor)
    assert xlsx_commitments.import_commitments(actor, again) >= 2
    assert Commitment.objects.filter(plan=plan).count() == 2
    first.refresh_from_db()
    assert first.target == 12


def test_any_wrong_row_writes_nothing_and_says_where(world):
    actor = world["t.board"]
    bad_plan = list(PLAN)
    bad_plan[3] = "31/02/2022"
    bad_parties = list(PROGRAMME)
    bad_parties[0] = "07-CTr/BDVTU-CAT"
    bad_parties[8] = "T-BDVTU:trưởng ban; KHONG-CO"
    before = Instrument.objects.count()
    with pytest.raises(SheetRejected) as refused:
        xlsx.import_instruments(actor, book(HEAD, [PROGRAMME, bad_plan, bad_parties]))
    assert (
        refused.value.errors[0]
        == "Dòng 3, cột “Ngày ký”: ngày “31/02/2022” không có thật (sai ngày, tháng hoặc năm)."
    )
    assert refused.value.errors[1].startswith(
        "Dòng 4: cột “Các bên”: vai trò “trưởng ban” không có trong danh mục"
    )
    assert refused.value.errors[2] == "Dòng 4: cột “Các bên”: không có đơn vị mã “KHONG-CO”."
    assert Instrument.objects.count() == before
    # Another province's coordinator cannot import for this board.
    with pytest.raises(SheetRejected) as refused:
        xlsx.import_instruments(world["b.board"], book(HEAD, [PROGRAMME]))
    assert refused.value.errors == [
        "Dòng 2: cột “Mã cơ quan thường trực”: bạn không quản lý Ban Dân vận Tỉnh ủy T."
    ]
    # A commitment whose lead is no party of the plan.
    xlsx.import_instruments(actor, book(HEAD, [PROGRAMME, PLAN]))
    with pytest.raises(SheetRejected) as refused:
        xlsx_commitments.import_commitments(
            actor,
            book(
                C_HEAD,
                [
                    [
                        "",
                        "12-KH/BDVTU-CAT",
                        "Không có",
                        "Việc",
                        "T-BCHQS",
                        "",
                        "",
                        "",
                        "-3",
                        "",
                        "",
                        "",
                    ]
                ],
            ),
        )
    assert refused.value.errors == ["Dòng 2, cột “Chỉ tiêu”: không được nhỏ hơn 0."]
    with pytest.raises(SheetRejected) as refused:
        xlsx_commitments.import_commitments(
            actor,
            book(
                C_HEAD,
                [
                    [
                        "",
                        "12-KH/BDVTU-CAT",
                        "Không có",
                        "Việc",
                        "T-BCHQS",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]
                ],
            ),
        )
    assert refused.value.errors == [
        "Dòng 2: cột “Lĩnh vực”: không có lĩnh vực “Không có”.",
        "Dòng 2: cột “Bên chủ trì”: “T-BCHQS” không phải là một bên của Kế hoạch năm 12-KH/BDVTU-CAT.",
    ]
    assert Commitment.objects.filter(plan__symbol="12-KH/BDVTU-CAT").count() == 0


def test_pages_give_the_template_and_show_the_errors(world):
    client = Client()
    client.force_login(world["t.board"])
    template = client.get("/chuong-trinh-phoi-hop/bang-tinh/van-ban/mau/")
    assert template.status_code == 200
    workbook = load_workbook(io.BytesIO(template.content))
    assert workbook.sheetnames == ["Văn bản phối hợp", "Hướng dẫn"]
    assert client.get("/chuong-trinh-phoi-hop/bang-tinh/khac/mau/").status_code == 404
    bad = list(PROGRAMME)
    bad[6] = "KHONG-CO"
    upload = io.BytesIO(book(HEAD, [bad]))
    upload.name = "van-ban.xlsx"
    response = client.post("/chuong-trinh-phoi-hop/bang-tinh/van-ban/nhap/", {"file": upload})
    assert response.status_code == 400
    assert (
        "Dòng 2: cột “Mã cơ quan thường trực”: không có đơn vị mã “KHONG-CO”."
        in response.content.decode()
    )
    good = io.BytesIO(book(HEAD, [PROGRAMME]))
    good.name = "van-ban.xlsx"
    assert (
        client.post("/chuong-trinh-phoi-hop/bang-tinh/van-ban/nhap/", {"file": good}).status_code
        == 302
    )
    assert Instrument.objects.filter(symbol="05-CTr/BDVTU-CAT").exists()
    police = Client()
    police.force_login(world["t.police"])
    good.seek(0)
    assert (
        police.post("/chuong-trinh-phoi-hop/bang-tinh/van-ban/nhap/", {"file": good}).status_code
        == 403
    )
