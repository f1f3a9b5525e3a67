"""`danvan demo`: load the demo units and one user per role. Running it again changes
nothing that is already there."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from danvan import registers
from danvan.accounts import services as account_services
from danvan.accounts.models import Membership
from danvan.accounts.permissions import SYSTEM
from danvan.orgs import interchange
from danvan.orgs import services as org_services

from .current import current_cycle
from .cycles import load_cycles
from .notices import date_demo_notifications
from .reference import restore_reference_data
from .units import demo_interchange

DEMO_PASSWORD = "Danvan@2026"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    memberships: tuple[tuple[str, str], ...]  # (role, unit code)
    superuser: bool = False
    description: str = ""


DEMO_USERS = (
    DemoUser(
        "admin",
        "Quản trị hệ thống",
        (("admin", "DN-TU"), ("admin", "CT-TU")),
        superuser=True,
        description="quản trị hệ thống (toàn quyền)",
    ),
    DemoUser(
        "dn.dieuphoi",
        "Trần Thị Hoa",
        (("coordinator", "DN-TU"),),
        description="cán bộ điều phối, Ban Dân vận Thành ủy Đà Nẵng",
    ),
    DemoUser(
        "ct.dieuphoi",
        "Võ Thị Lan",
        (("coordinator", "CT-TU"),),
        description="cán bộ điều phối, Ban Dân vận Thành ủy Cần Thơ",
    ),
    DemoUser(
        "dn.lanhdao",
        "Mai Thị Thu",
        (("leader", "DN-TU"),),
        description="lãnh đạo Ban, Thành ủy Đà Nẵng",
    ),
    DemoUser(
        "dn.baocao",
        "Lê Văn Bình",
        (("reporter", "DN-CATP"),),
        description="cán bộ báo cáo, Công an thành phố Đà Nẵng",
    ),
    DemoUser(
        "ct.baocao",
        "Nguyễn Văn Sơn",
        (("reporter", "CT-DUK"), ("reporter", "CT-DUCQD")),
        description="cán bộ báo cáo, Đảng ủy Khối DCĐ Cần Thơ và đơn vị kế thừa (hai đơn vị)",
    ),
    DemoUser(
        "dn.xem",
        "Phạm Minh Tuấn",
        (("viewer", "DN-TU"),),
        description="người xem, Thành ủy Đà Nẵng",
    ),
)


def load_demo() -> dict[str, int]:
    """Load (or bring up to date) the demo; return counts of what was created."""
    units, successions = interchange.from_data(demo_interchange())
    with transaction.atomic():
        restore_reference_data()
        result = org_services.import_units(SYSTEM, units, successions)
        users_created = 0
        User = get_user_model()
        for demo_user in DEMO_USERS:
            user = User.objects.filter(username=demo_user.username).first()
            if user is None:
                user = account_services.create_user(
                    SYSTEM,
                    demo_user.username,
                    DEMO_PASSWORD,
                    full_name=demo_user.full_name,
                    is_superuser=demo_user.superuser,
                )
                users_created += 1
            for role, unit_code in demo_user.memberships:
                if not Membership.objects.filter(
                    user=user, unit__code=unit_code, role=role
                ).exists():
                    account_services.grant_role(SYSTEM, user.username, unit_code, role)
        load_cycles()
        current_cycle()
        date_demo_notifications()
        registers.load_demos()
    return {"units_created": len(result.created), "users_created": users_created}
