"""Real sample files, damaged the ways uploads get damaged (cut short, bytes overwritten,
a run of zeros): each parses or fails with DocumentError — never another exception, never
an internal error, never a hang."""

import random

import pytest

from danvan.ingest import DocumentError, parse_bytes

from .conftest import CORPUS, SEEDS

FILES = sorted(CORPUS.iterdir()) + sorted(SEEDS.iterdir())


def _damaged(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    how = seed % 3
    if how == 0:
        return bytes(out[: rng.randint(1, len(out) - 1)])
    if how == 1:
        for _ in range(20):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    start = rng.randrange(len(out))
    out[start : start + 500] = b"\x00" * 500
    return bytes(out)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_damaged_copies(path):
    data = path.read_bytes()
    for seed in range(3):  # one of each kind of damage
        try:
            parse_bytes(_damaged(data, seed), path.name)
        except DocumentError as error:
            assert error.reason != "internal", str(error)
