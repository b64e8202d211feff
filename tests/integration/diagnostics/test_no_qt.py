"""qrcashier.diagnostics imports in a fresh interpreter with Qt blocked (a subprocess)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_diagnostics_imports_without_qt():
    code = textwrap.dedent(
        """
        import sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "qasync"):
                    raise ImportError(name + " is blocked")
                return None

        sys.meta_path.insert(0, BlockQt())
        import qrcashier.diagnostics
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
