"""domain, mercadopago and checkout import with PySide6 blocked: none of them may need Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_core_packages_import_without_qt():
    code = textwrap.dedent(
        """
        import sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qasync"):
                    raise ImportError(f"{name} is blocked: this package must not need Qt")
                return None

        sys.meta_path.insert(0, BlockQt())
        import qrcashier.domain, qrcashier.domain.cart, qrcashier.domain.sale, qrcashier.domain.money
        import qrcashier.mercadopago
        import qrcashier.checkout, qrcashier.checkout.engine, qrcashier.checkout.instore_v2
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "qasync"))
        assert not loaded, loaded
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
