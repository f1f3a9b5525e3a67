from __future__ import annotations

from django.db import connection
from django.db.utils import DatabaseError


def database_status() -> str:
    """'ok' when a query goes through, 'error' otherwise (server down, file unreadable…)."""
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        return "error"
    return "ok"
