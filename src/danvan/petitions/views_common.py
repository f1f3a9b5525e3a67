"""Helpers shared by the register's pages."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse

from danvan.vn.text import without_surrogates

MAX_PARAM = 200


def param(request, name: str) -> str:
    return without_surrogates(request.GET.get(name, "") or "").strip()[:MAX_PARAM]


def date_param(request, name: str) -> dt.date | None:
    raw = param(request, name)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        if 1900 <= day.year <= 2200:
            return day
    return None


def xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
