"""Fixtures of the submission tests: Đà Nẵng's board asks the police and the Front."""

from __future__ import annotations

import datetime as dt

import pytest

from reporting.cycle import issue, submission_of


@pytest.fixture
def request_():
    """Đà Nẵng's board asks the police and the Front: due 10/7/2023, two days of grace, locked after 31/7."""
    return issue(
        units=["DN-CATP", "DN-MTTQ"],
        deadline=dt.date(2023, 7, 10),
        grace_days=2,
        lock_date=dt.date(2023, 7, 31),
    )


@pytest.fixture
def police(request_):
    return submission_of(request_, "DN-CATP")
