"""Behind a load balancer: its health check reaches each server over plain HTTP and gets an
answer, while every page still redirects to HTTPS."""

from __future__ import annotations

from django.test import Client


def test_the_health_check_is_not_redirected_to_https(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    health = Client().get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok"}
    page = Client().get("/tai-khoan/dang-nhap/")
    assert page.status_code == 301
    assert page["Location"] == "https://testserver/tai-khoan/dang-nhap/"
