"""The reference data that migrations write — the seed indicator catalogue, the registers'
catalogues and indicators, the legal time limits and the working-day calendar — written
again before the demo loads. A database emptied by a flush (each browser test ends with one;
an operator's `flush`) keeps its migrations marked as applied, so nothing else would bring
these rows back. Every data migration of the registers writes with update_or_create, so
running them again changes nothing on a database that has the rows."""

from __future__ import annotations

from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.special import RunPython

from danvan.indicators.services import seed_catalogue

REGISTER_APPS = ("programmes", "exemplars", "sentiment", "petitions")


def restore_reference_data() -> None:
    seed_catalogue()
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    for (app_label, _name), migration in sorted(loader.disk_migrations.items()):
        if app_label not in REGISTER_APPS:
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)
