"""Load packaging/ files by path: the folder is not a Python package (a `packaging`
package would shadow the PyPI one that pip, pytest and PyInstaller import)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def packaging_path(monkeypatch):
    """packaging/ on sys.path (as the spec and build.py put it), its modules forgotten afterwards."""
    before = set(sys.modules)
    monkeypatch.syspath_prepend(str(PACKAGING))
    yield PACKAGING
    for name in set(sys.modules) - before:
        if name in ("bundle", "winversion", "build", "rthook_keyring"):
            del sys.modules[name]
