"""tests/unit's own promise, run as CI would: PySide6 unimportable, pytest-qt off (a subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
COMMAND = 'import sys; sys.modules["PySide6"]=None; import pytest; raise SystemExit(pytest.main({args!r}))'


def run_without_qt(*paths: str) -> subprocess.CompletedProcess[str]:
    args = ["-q", *paths, "-p", "no:pytestqt", "-p", "no:cacheprovider"]
    return subprocess.run([sys.executable, "-c", COMMAND.format(args=args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_a_unit_file_runs_with_pyside6_unimportable():
    result = run_without_qt("tests/unit/domain/test_cart.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "error" not in result.stdout


def test_the_same_command_fails_a_test_that_imports_qt():
    probe = ROOT / "tests" / "unit" / "test_zz_probe_imports_qt.py"  # removed below; collected only here
    probe.write_text("def test_qt():\n    import PySide6  # noqa: F401\n")
    try:
        result = run_without_qt(str(probe.relative_to(ROOT)))
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert "PySide6" in result.stdout
