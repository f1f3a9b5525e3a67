"""Keep the index in step with the data, inside the writer's transaction (post_save runs
before the transaction that saved the row commits)."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from danvan.registry.models import Document
from danvan.reporting.models import Revision

from . import index


@receiver(post_save, sender=Revision, dispatch_uid="search.index_revision")
def revision_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        index.index_revision(instance)


@receiver(post_save, sender=Document, dispatch_uid="search.index_document")
def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.index_document(instance)
