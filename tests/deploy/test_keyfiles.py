"""Keys made on first use in a data folder that several servers may share: one key, whole,
whoever comes first."""

from __future__ import annotations

import stat
from concurrent.futures import ProcessPoolExecutor

from danvan.keyfiles import read_or_create


def test_a_key_is_made_once_readable_by_the_owner_only(tmp_path):
    path = tmp_path / "secret_key"
    assert read_or_create(path, lambda: b"khoa-thu-nhat\n") == b"khoa-thu-nhat"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create(path, lambda: b"khoa-thu-hai") == b"khoa-thu-nhat"
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary file left


def test_the_process_that_writes_first_wins(tmp_path):
    path = tmp_path / "petitions_key"

    def make_while_another_process_writes():
        # Another server creates the file while this one is still making its own key.
        path.write_bytes(b"khoa-cua-may-khac")
        return b"khoa-cua-may-nay"

    assert read_or_create(path, make_while_another_process_writes) == b"khoa-cua-may-khac"
    assert path.read_bytes() == b"khoa-cua-may-khac"
    assert [p.name for p in tmp_path.iterdir()] == ["petitions_key"]


def _start(path):
    import secrets

    return read_or_create(path, lambda: secrets.token_bytes(32).hex().encode())


def test_servers_starting_at_once_all_read_the_same_key(tmp_path):
    path = tmp_path / "secret_key"
    with ProcessPoolExecutor(max_workers=4) as pool:
        keys = list(pool.map(_start, [path] * 16))
    assert len(set(keys)) == 1 and len(keys[0]) == 64
    assert keys[0] == path.read_bytes()
