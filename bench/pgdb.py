"""PostgreSQL databases of the benchmarks: the URL of another database on the same server,
and a cached database created when missing (dropped first with --fresh)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def database_url(url: str, dbname: str) -> str:
    """`url` pointing at the database `dbname` of the same server."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, parts.fragment))


def ensure_database(admin, name: str, fresh: bool) -> None:
    """Create `name` through the autocommit connection `admin` unless it exists; --fresh
    drops it first."""
    from psycopg import sql

    exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if exists and fresh:
        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        exists = None
    if not exists:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
