"""Encryption at rest of visitors' and petitioners' identity fields (Luật Tố cáo: the identity
of a person who denounces must be protected).

The key comes from DANVAN_PETITIONS_KEY (a Fernet key) or is generated on first use into the
data folder (`petitions_key`, readable by the owner only), as the secret key is. Rotation:
put the new key in DANVAN_PETITIONS_KEY and the old ones, comma-separated, in
DANVAN_PETITIONS_OLD_KEYS; values still read, and `danvan.petitions.services.reencrypt_identities`
rewrites them under the new key (docs/decisions.md).
"""

from __future__ import annotations

import functools
import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

from danvan.keyfiles import read_or_create

PREFIX = "enc1:"


def _key_file_key() -> bytes:
    return read_or_create(settings.DATA_DIR / "petitions_key", Fernet.generate_key)


@functools.cache
def _fernet() -> MultiFernet:
    primary = os.environ.get("DANVAN_PETITIONS_KEY", "").strip().encode() or _key_file_key()
    old = [k.strip().encode() for k in os.environ.get("DANVAN_PETITIONS_OLD_KEYS", "").split(",")]
    return MultiFernet([Fernet(primary), *(Fernet(k) for k in old if k)])


def encrypt(value: str) -> str:
    if not value:
        return ""
    return PREFIX + _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    if not token.startswith(PREFIX):
        return token
    try:
        return _fernet().decrypt(token[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        return "(không giải mã được: sai khóa)"


def rotate(token: str) -> str:
    if not token or not token.startswith(PREFIX):
        return encrypt(token)
    return PREFIX + _fernet().rotate(token[len(PREFIX) :].encode()).decode()


class EncryptedTextField(models.TextField):
    """Text kept encrypted in the database and decrypted when read."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else ""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""


def mask_identity(number: str) -> str:
    """ "048201001234" → "••••••••1234": enough to tell two people apart at the desk."""
    number = (number or "").strip()
    if not number:
        return ""
    return "•" * max(len(number) - 4, 2) + number[-4:]
