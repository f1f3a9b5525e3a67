import datetime as dt

import pytest

from danvan.orgs.models import OrgUnit
from danvan.sentiment import services
from danvan.sentiment.models import Topic


@pytest.fixture
def record(demo_user):
    """Record a signal through the service, as a demo user, with sensible defaults."""

    def make(username="ct.baocao", unit="CT-DUCQD", **fields):
        values = {
            "observed_on": dt.date(2026, 11, 10),
            "channel": "giao_ban",
            "topic": Topic.objects.get(code=fields.pop("topic", "giao-thong")),
            "direction": "ban_khoan",
            "spread": "nhieu",
            "text": "Người dân băn khoăn về trạm thu phí BOT T2 trên Quốc lộ 91.",
        }
        values.update(fields)
        return services.record_signal(
            demo_user(username), unit=OrgUnit.objects.get(code=unit), **values
        )

    return make
