"""packaging/ on sys.path for the spec and build tests."""

from __future__ import annotations

import sys

import pytest

from tests.unit.packaging.conftest import PACKAGING


@pytest.fixture
def packaging_path(monkeypatch):
    """packaging/ on sys.path (as the spec and build.py put it), its modules forgotten afterwards."""
    before = set(sys.modules)
    monkeypatch.syspath_prepend(str(PACKAGING))
    yield PACKAGING
    for name in set(sys.modules) - before:
        if name in ("bundle", "winversion", "build", "rthook_keyring"):
            del sys.modules[name]
