"""Issue 15: the dialogs a cashier opens by hand load after the first paint (ui/shell/later_imports)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.imports import modules_after


def test_the_hand_opened_dialogs_are_not_loaded_before_the_first_paint():
    """Issue 15: the entry and sale-tools dialogs load after the first paint (later_imports)."""
    from qrcashier.ui.shell.later_imports import LATER

    loaded = modules_after("import qrcashier.ui.shell.main_window, qrcashier.ui.shell.app")
    assert {"qrcashier.ui.sale.cart_binder", "qrcashier.ui.saletools.binder"} <= loaded
    assert not set(LATER) & loaded


def test_import_later_loads_them_on_a_worker_thread():
    code = (
        "import asyncio, sys, threading\n"
        "import qrcashier.ui.shell.later_imports as later\n"
        "seen = []\n"
        "real = later.importlib.import_module\n"
        "later.importlib.import_module = lambda n: seen.append(threading.current_thread().name) or real(n)\n"
        "asyncio.run(later.import_later())\n"
        "assert all(n in sys.modules for n in later.LATER), 'not loaded'\n"
        "assert len(seen) == len(later.LATER) and threading.main_thread().name not in seen, seen\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
