"""The data and the accounts bench/load.py drives the site with, written in its own process
(Django set up against the load database): the country of bench/scale_data.py at `--scale`,
then, through the project's own services (never raw SQL), the login accounts — a reporter on
each of the first communes, a coordinator on the root, a leader on the root and one on a
province — and one open request (the next half-year) addressed to those communes, so that the
reporters have drafts to save and submit. Idempotent: a second run finds what the first wrote.

Prints one line `RESULT {json}` with what the simulated users need (usernames, the password,
assignment ids, request ids, unit and period codes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PASSWORD = "Tai-thu-tai-2026-danvan"
LOAD_TITLE = "Báo cáo công tác dân vận 6 tháng cuối năm 2026 (thử tải)"
LOAD_PERIOD = "2026S2"
REPORTER = "load.baocao.{:03d}"
COORDINATOR = "load.dieuphoi"
LEADERS = (("load.lanhdao.tw", "VN"), ("load.lanhdao.tinh", "P01"))


def _account(username: str, unit_code: str, role: str, full_name: str) -> None:
    from django.contrib.auth import get_user_model

    from danvan.accounts import services
    from danvan.accounts.permissions import SYSTEM

    if not get_user_model().objects.filter(username=username).exists():
        services.create_user(SYSTEM, username, PASSWORD, full_name=full_name)
    services.grant_role(SYSTEM, username, unit_code, role)


def _load_request(coordinator, communes):
    from danvan.orgs.models import OrgUnit
    from danvan.reporting import services
    from danvan.reporting.models import ReportRequest, ReportTemplate

    existing = ReportRequest.objects.filter(title=LOAD_TITLE).first()
    if existing:
        return existing
    return services.issue_request(
        coordinator,
        issuer=OrgUnit.objects.get(code="VN-BDVTW"),
        title=LOAD_TITLE,
        template=ReportTemplate.objects.get(code="scale"),
        period_code=LOAD_PERIOD,
        unit_codes=[unit.code for unit in communes],
        deadline=dt.date(2027, 1, 10),
    )


def prepare(args) -> dict:
    import scale_data
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from danvan.orgs.models import OrgUnit
    from danvan.reporting.models import ReportRequest

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    cached = OrgUnit.objects.filter(code="VN").exists()
    if not cached:
        print(f"generating scale {args.scale:g} …", flush=True)
        scale_data.generate(args.scale, args.indicators, args.periods)
    generated_s = time.perf_counter() - started
    communes = list(OrgUnit.objects.filter(code__contains="-X").order_by("code")[: args.reporters])
    for n, unit in enumerate(communes, start=1):
        _account(REPORTER.format(n), unit.code, "reporter", f"Cán bộ báo cáo {n}")
    _account(COORDINATOR, "VN", "coordinator", "Cán bộ điều phối thử tải")
    for username, code in LEADERS:
        _account(username, code, "leader", "Lãnh đạo thử tải")
    coordinator = get_user_model().objects.get(username=COORDINATOR)
    load_request = _load_request(coordinator, communes)
    by_unit = {a.unit_id: a.pk for a in load_request.assignments.all()}
    national = ReportRequest.objects.exclude(pk=load_request.pk).order_by("-period__start").first()
    return {
        "cached": cached,
        "generate_s": generated_s,
        "units": OrgUnit.objects.count(),
        "password": PASSWORD,
        "reporters": [
            [REPORTER.format(n), by_unit[unit.pk]]
            for n, unit in enumerate(communes, start=1)
            if unit.pk in by_unit
        ],
        "coordinator": COORDINATOR,
        "leaders": [username for username, _ in LEADERS],
        "load_request": load_request.pk,
        "national_request": national.pk,
        "period": national.period.code,
        "province": "P01",
        "root": "VN",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, required=True)
    parser.add_argument("--periods", type=int, required=True)
    parser.add_argument("--indicators", type=int, required=True)
    parser.add_argument("--reporters", type=int, required=True)
    args = parser.parse_args()
    import django

    django.setup()
    print("RESULT " + json.dumps(prepare(args)), flush=True)


if __name__ == "__main__":
    main()
