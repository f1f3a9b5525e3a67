"""Schemathesis over the whole OpenAPI description, as an administrator (browser session with
its CSRF token) and as a reporter calling with a personal token: requests generated from the
schema never get a server error, every status code answered is documented for its operation,
and every JSON body matches the documented schema.

Derandomized: Hypothesis seed 20261202 and at most 6 examples per operation and role, no
example database, so every run sends the same requests and the suite stays fast on 2 cores."""

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import get_token
from django.test import RequestFactory
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from danvan.wsgi import application

SEED = 20261202
EXAMPLES_PER_OPERATION = 6
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
fuzz_settings = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@pytest.fixture
def in_test_transaction():
    # Like Django's test client: the WSGI handler must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_session(client, db, in_test_transaction):
    client.force_login(get_user_model().objects.get(username="admin"))
    token = get_token(RequestFactory().get("/"))
    session = client.cookies["sessionid"].value
    return {
        "headers": {"X-CSRFToken": token, "Referer": "http://testserver/"},
        "cookies": {"sessionid": session, "csrftoken": token},
    }


@pytest.fixture
def reporter_token(bearer, in_test_transaction):
    return {"headers": bearer("dn.baocao")}


def _check(case, credentials):
    # Each run sends only its own credentials (schemathesis fills in values for both schemes).
    if "Authorization" in credentials["headers"]:
        case.cookies = {}
    else:
        case.headers = {k: v for k, v in (case.headers or {}).items() if k != "Authorization"}
    response = case.call_and_validate(checks=CHECKS, **credentials)
    # The credentials really authenticate: refusals are about the data, not the login.
    if response.status_code == 401:
        assert case.operation.path == "/api/tokens" and case.method.upper() == "POST", response.text
    assert b"CSRF" not in response.content  # (the exports answer with a binary file)


@schema.parametrize()
@seed(SEED)
@fuzz_settings
def test_as_administrator_with_a_session(case, admin_session):
    _check(case, admin_session)


@schema.parametrize()
@seed(SEED)
@fuzz_settings
def test_as_reporter_with_a_token(case, reporter_token):
    _check(case, reporter_token)
