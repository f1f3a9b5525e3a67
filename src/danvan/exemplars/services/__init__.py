"""Writes to the "Dân vận khéo" register: each one permission-checked, transactional and
audited. Bad input raises `EntryInvalid` / `TransitionRefused` with Vietnamese messages and
changes nothing."""

from ..lifecycle import TransitionRefused
from .entries import (
    ENTRY_FIELDS,
    EntryInvalid,
    change_status,
    create_entry,
    search_text_of,
    update_entry,
)
from .judging import add_output, assess, criteria_for, link_commitment, merge, recognise

__all__ = [
    "ENTRY_FIELDS",
    "EntryInvalid",
    "TransitionRefused",
    "add_output",
    "assess",
    "change_status",
    "create_entry",
    "criteria_for",
    "link_commitment",
    "merge",
    "recognise",
    "search_text_of",
    "update_entry",
]
