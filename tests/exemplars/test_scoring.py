"""Scored criteria sets: a score per criterion from 0 to its maximum, the total, and the
conclusion the pass threshold proposes (the assessor may conclude otherwise, with a reason).
The figures below are worked by hand: maxima 30 + 30 + 20 + 20 = 100, pass from 70."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role
from danvan.exemplars import services
from danvan.exemplars.lifecycle import TransitionRefused
from danvan.exemplars.models import Assessment, CriteriaSet

from .conftest import run

pytestmark = pytest.mark.django_db
CRITERIA = [
    {"text": "Gắn với sự lãnh đạo của cấp ủy", "max": 30},
    {"text": "Huy động được nhiều lực lượng", "max": 30},
    {"text": "Được Nhân dân đồng tình", "max": 20},
    {"text": "Có khả năng nhân rộng", "max": 20},
]
DAY = dt.date(2023, 12, 15)


@pytest.fixture
def scored(tree):
    return CriteriaSet.objects.create(
        code="thu-cham-diem",
        name="Tiêu chí chấm điểm (thử)",
        source="Hướng dẫn thử nghiệm",
        scope_unit=tree["root"],
        valid_from=dt.date(2020, 1, 1),
        criteria=CRITERIA,
        scoring="scores",
        pass_score=Decimal(70),
    )


@pytest.fixture
def entry(tree, make_entry):
    made = make_entry(tree["a"])
    run(made, dt.date(2023, 2, 1))
    return made


def _assess(entry, tree, scores, conclusion="", note=""):
    return services.assess(
        actor=SYSTEM,
        entry=entry,
        assessed_on=DAY,
        conclusion=conclusion,
        scores=scores,
        assessor_unit=tree["board"],
        level="tinh",
        note=note,
    )


def test_the_total_proposes_the_conclusion(scored, entry, tree):
    # 25 + 20 + 15 + 12,5 = 72,5 ≥ 70: "Hiệu quả" proposed and taken.
    made = _assess(entry, tree, ["25", "20", "15", "12,5"])
    assert made.scores == ["25", "20", "15", "12.5"]
    assert made.total == Decimal("72.5")
    assert (made.proposed_conclusion, made.conclusion) == ("hieu_qua", "hieu_qua")
    assert made.score_summary == "72,5/100"
    assert made.score_rows[3] == ("Có khả năng nhân rộng", "12,5", "20")
    entry.refresh_from_db()
    assert entry.status == "hieu_qua"
    assert entry.events.last().note == "Kết luận đánh giá: Hiệu quả (tổng điểm 72,5/100)"


def test_below_the_threshold_proposes_not_effective(scored, entry, tree):
    # 20 + 20 + 15 + 14,5 = 69,5 < 70.
    made = _assess(entry, tree, ["20", "20", "15", "14.5"])
    assert (made.total, made.proposed_conclusion, made.conclusion) == (
        Decimal("69.5"),
        "chua_hieu_qua",
        "chua_hieu_qua",
    )


def test_concluding_otherwise_needs_a_reason_and_is_recorded(scored, entry, tree):
    scores = ["20", "20", "15", "14,5"]
    with pytest.raises(services.EntryInvalid) as refused:
        _assess(entry, tree, scores, conclusion="hieu_qua")
    assert refused.value.errors == {
        "note": "Tổng điểm 69,5/100 đề xuất kết luận “Chưa hiệu quả”; kết luận khác thì "
        "ghi lý do ở phần nhận xét."
    }
    assert not Assessment.objects.filter(entry=entry).exists()
    made = _assess(entry, tree, scores, conclusion="hieu_qua", note="Thiếu 0,5 điểm do làm tròn.")
    assert (made.proposed_conclusion, made.conclusion, made.overridden) == (
        "chua_hieu_qua",
        "hieu_qua",
        True,
    )


@pytest.mark.parametrize(
    ("scores", "errors"),
    [
        (
            ["31", "20", "15", "10"],
            {"score_0": "Tiêu chí 1 (Gắn với sự lãnh đạo của cấp ủy): điểm từ 0 đến 30."},
        ),
        (
            ["30", "-1", "15", "10"],
            {"score_1": "Tiêu chí 2 (Huy động được nhiều lực lượng): điểm từ 0 đến 30."},
        ),
        (
            ["30", "20", "mười", "7,555"],
            {
                "score_2": "Tiêu chí 3 (Được Nhân dân đồng tình): điểm phải là số, tối đa hai "
                "chữ số thập phân.",
                "score_3": "Tiêu chí 4 (Có khả năng nhân rộng): điểm phải là số, tối đa hai "
                "chữ số thập phân.",
            },
        ),
        (["30", "20"], {"scores": "Cần chấm đủ 4 tiêu chí của bộ tiêu chí đang áp dụng."}),
        (None, {"scores": "Cần chấm đủ 4 tiêu chí của bộ tiêu chí đang áp dụng."}),
        (
            ["NaN", "20", "15", "10"],
            {
                "score_0": "Tiêu chí 1 (Gắn với sự lãnh đạo của cấp ủy): "
                "điểm phải là số, tối đa hai chữ số thập phân."
            },
        ),
    ],
)
def test_scores_out_of_range_are_refused_and_nothing_is_written(
    scored, entry, tree, scores, errors
):
    with pytest.raises(services.EntryInvalid) as refused:
        _assess(entry, tree, scores)
    assert refused.value.errors == errors
    assert not Assessment.objects.filter(entry=entry).exists()
    entry.refresh_from_db()
    assert entry.status == "trien_khai"


def test_a_checklist_set_takes_no_scores(entry, tree):
    with pytest.raises(TransitionRefused, match="không chấm điểm"):
        _assess(entry, tree, ["1"], conclusion="hieu_qua")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"pass_score": None}, "pass_score", "Điểm đạt phải lớn hơn 0"),
        ({"pass_score": Decimal(101)}, "pass_score", "không quá tổng điểm tối đa (100)"),
        ({"criteria": [{"text": "A", "max": 0}]}, "criteria", "Tiêu chí 1: điểm tối đa"),
        ({"criteria": [{"text": " ", "max": 5}]}, "criteria", "Tiêu chí 1: cần nội dung"),
        ({"criteria": []}, "criteria", "Cần ít nhất một tiêu chí."),
        ({"scoring": "checklist"}, "criteria", "danh sách các câu tiêu chí"),
        ({"valid_to": dt.date(2019, 1, 1)}, "valid_to", "phải sau ngày áp dụng"),
    ],
)
def test_a_scored_set_is_checked_when_saved_in_the_admin(scored, changes, field, message):
    for key, value in changes.items():
        setattr(scored, key, value)
    with pytest.raises(ValidationError) as refused:
        scored.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def test_the_page_asks_a_score_per_criterion_and_shows_them(client, scored, entry, tree):
    create_user(SYSTEM, "thu.bdv", "Song-Han#2026", full_name="Cán bộ Ban")
    grant_role(SYSTEM, "thu.bdv", "T-ROOT", "coordinator")
    client.post("/tai-khoan/dang-nhap/", {"username": "thu.bdv", "password": "Song-Han#2026"})
    page = client.get(f"/dan-van-kheo/{entry.pk}/").content.decode()
    assert "1. Gắn với sự lãnh đạo của cấp ủy (tối đa 30 điểm)" in page
    assert 'name="checklist"' not in page
    assert "Tổng điểm từ 70 trở lên: đề xuất “Hiệu quả”." in page
    form = {
        "assessed_on": DAY.isoformat(),
        "level": "tinh",
        "assessor_unit": "T-BDV",
        "conclusion": "",
        "note": "",
    }
    bad = client.post(
        f"/dan-van-kheo/{entry.pk}/danh-gia/",
        form | {"score_0": "35", "score_1": "20", "score_2": "15", "score_3": "10"},
        follow=True,
    ).content.decode()
    assert "Tiêu chí 1 (Gắn với sự lãnh đạo của cấp ủy): điểm từ 0 đến 30." in bad
    assert not Assessment.objects.filter(entry=entry).exists()
    done = client.post(
        f"/dan-van-kheo/{entry.pk}/danh-gia/",
        form | {"score_0": "28", "score_1": "25,5", "score_2": "18", "score_3": "16"},
        follow=True,
    ).content.decode()
    # 28 + 25,5 + 18 + 16 = 87,5.
    assert "Đã ghi kết quả đánh giá." in done
    assert "87,5/100 điểm" in done
    assert "Huy động được nhiều lực lượng: 25,5/30" in done
    assert "Kết luận đánh giá: Hiệu quả (tổng điểm 87,5/100)" in done
    made = Assessment.objects.get(entry=entry)
    assert (made.total, made.level, made.assessor_unit.code) == (Decimal("87.5"), "tinh", "T-BDV")


def test_the_api_records_and_reads_scores(client, bearer, scored, entry):
    create_user(SYSTEM, "thu.api", "Song-Han#2026")
    grant_role(SYSTEM, "thu.api", "T-ROOT", "leader")
    headers = bearer("thu.api")
    url = f"/api/exemplars/entries/{entry.pk}/assessments"
    body = {"assessed_on": DAY.isoformat(), "level": "tinh", "assessor_unit": "T-BDV"}
    bad = client.post(
        url,
        {**body, "scores": ["30", "30", "21", "0"]},
        content_type="application/json",
        headers=headers,
    )
    assert bad.status_code == 400
    assert bad.json()["errors"] == {
        "score_2": "Tiêu chí 3 (Được Nhân dân đồng tình): điểm từ 0 đến 20."
    }
    # 30 + 30 + 5 + 4,75 = 69,75 < 70: "Chưa hiệu quả" proposed and taken.
    made = client.post(
        url,
        {**body, "scores": ["30", "30", "5", "4,75"]},
        content_type="application/json",
        headers=headers,
    )
    assert made.status_code == 201, made.content
    assert {
        k: made.json()[k] for k in ("scores", "total", "proposed_conclusion", "conclusion")
    } == {
        "scores": ["30", "30", "5", "4.75"],
        "total": "69.75",
        "proposed_conclusion": "chua_hieu_qua",
        "conclusion": "chua_hieu_qua",
    }
    listed = client.get(url, headers=headers).json()
    assert [(a["scoring"], a["level"], a["assessor_unit"]) for a in listed] == [
        ("scores", "tinh", "T-BDV")
    ]
    assert client.get(url, headers=bearer("dn.dieuphoi")).status_code == 404
