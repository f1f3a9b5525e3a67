from pathlib import Path

import pytest

from danvan.ingest import parse_file

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SEEDS = SAMPLES / "seeds"
CORPUS = SAMPLES / "corpus"


@pytest.fixture(scope="session")
def danang():
    return parse_file(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt")


@pytest.fixture(scope="session")
def cantho():
    return parse_file(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt")
