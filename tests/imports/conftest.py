from pathlib import Path

import pytest

from danvan.imports.figures import specs_from_catalogue
from danvan.ingest import parse_file

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SEEDS = SAMPLES / "seeds"


@pytest.fixture(scope="session")
def danang() -> dict:
    return parse_file(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt").to_dict()


@pytest.fixture(scope="session")
def cantho() -> dict:
    return parse_file(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").to_dict()


@pytest.fixture(scope="session")
def specs():
    return specs_from_catalogue()
