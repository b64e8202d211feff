"""The merchant endpoint and the unattended gateway import with Qt blocked: the standalone
server and the engine must not need it."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_unattended_imports_without_qt() -> None:
    code = textwrap.dedent(
        """
        import sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qasync"):
                    raise ImportError(f"{name} is blocked")
                return None

        sys.meta_path.insert(0, BlockQt())
        import qrcashier.unattended, qrcashier.unattended.cli, qrcashier.unattended.provisioning
        import qrcashier.checkout.gateway_unattended
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
