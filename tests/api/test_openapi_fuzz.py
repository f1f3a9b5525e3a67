"""Schemathesis against the OpenAPI description: requests generated from the schema, sent as
an authenticated administrator (so every operation runs its real code), never get a server
error. Anything refused must be refused with 4xx and a message."""

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import get_token
from django.test import RequestFactory
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from danvan.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


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


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_operation_answers_with_a_server_error(case, admin_session):
    response = case.call_and_validate(checks=[not_a_server_error], **admin_session)
    # The session and CSRF token really authenticate: refusals are about the data, not the login.
    assert response.status_code != 401
    assert "CSRF" not in response.text
