"""qrcashier.domain.receipt imports no Qt, in a fresh interpreter (a subprocess)."""

from __future__ import annotations

import subprocess
import sys


def test_domain_receipt_does_not_import_qt():
    code = "import sys, qrcashier.domain.receipt; assert not [m for m in sys.modules if m.startswith('PySide6')]"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
