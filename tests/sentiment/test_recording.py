"""Recording rules: what a signal needs, what is refused (and then nothing is written)."""

import datetime as dt

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.audit.models import AuditEvent
from danvan.sentiment.models import Signal
from danvan.sentiment.services import SentimentError, has_secret_mark


def test_a_signal_is_recorded_and_audited_without_its_source(record):
    signal = record(source_name="Lê Thị Mai", area="Khu vực 3, phường Cái Khế")
    assert signal.unit.code == "CT-DUCQD"
    assert signal.source_name == "Lê Thị Mai"
    event = AuditEvent.objects.get(action="sentiment.signal.record", object_id=str(signal.pk))
    assert "Mai" not in f"{event.summary}{event.after}"
    assert event.after == {"restricted": False, "named_source": True}


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"observed_on": dt.date(2099, 1, 1)}, "Ngày nắm được (01/01/2099) chưa đến."),
        ({"text": "   "}, "Cần nhập nội dung ý kiến, dư luận."),
        ({"direction": "vui"}, "Cần chọn khuynh hướng"),
        ({"spread": ""}, "Cần chọn mức lan tỏa"),
        ({"intensity": 7}, "Cường độ phải là 1 (nhẹ), 2 (vừa) hoặc 3 (mạnh)."),
        ({"channel": "thu_tay"}, "Cần chọn kênh nắm tình hình."),
        ({"text": "TỐI MẬT: danh sách đối tượng"}, "Luật Bảo vệ bí mật nhà nước"),
        ({"text": "Độ mật: Mật. Tin báo"}, "Luật Bảo vệ bí mật nhà nước"),
        ({"text": "Mật — nội dung họp"}, "Luật Bảo vệ bí mật nhà nước"),
        ({"area": "x" * 201}, "“Địa bàn” dài 201 ký tự; tối đa 200."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(record, fields, message):
    before = Signal.objects.count()
    with pytest.raises(SentimentError) as refused:
        record(**fields)
    assert any(message in m for m in refused.value.messages), refused.value.messages
    assert Signal.objects.count() == before


def test_a_unit_that_did_not_exist_that_day_is_refused(record):
    # CT-DUK ended on 31/01/2025 (its units passed to CT-DUCQD and CT-DUUBND).
    with pytest.raises(SentimentError) as refused:
        record(unit="CT-DUK", observed_on=dt.date(2026, 3, 1))
    assert "không hoạt động vào ngày 01/03/2026" in refused.value.messages[0]


def test_ordinary_words_are_not_taken_for_a_secret_mark():
    assert not has_secret_mark("Người dân đề nghị giữ bí mật danh tính người tố cáo.")
    assert not has_secret_mark("Mật độ dân cư tăng nhanh")
    assert has_secret_mark("Tài liệu TUYỆT MẬT")


@pytest.mark.parametrize(
    "username, unit", [("dn.baocao", "CT-DUCQD"), ("dn.xem", "DN-CATP"), ("dn.lanhdao", "DN-TU")]
)
def test_only_the_units_officers_record(record, username, unit):
    with pytest.raises(ScopeDenied):
        record(username=username, unit=unit)
