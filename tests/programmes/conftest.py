import pytest

from .world import build_world


@pytest.fixture
def world(db):
    """The programmes tests' units and users (world.py), by username."""
    return build_world()
