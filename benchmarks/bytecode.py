"""Run the benchmarks from bytecode, as an installed register does.

An installed QR Cashier never compiles its modules when it starts: pip writes their bytecode
when it installs the package, and the built executable carries only bytecode. A source tree
run with PYTHONDONTWRITEBYTECODE=1 (as CI and this machine set it) compiles every module on
every start instead: about a quarter of a second before the first paint here, which the bare
window (PySide6 installed, so already compiled) never pays. `use_bytecode()` compiles the app
once into a cache folder of its own under the temp folder (`sys.pycache_prefix`, so nothing
is written into the source tree) and points this process, and `child_env()` its children, at
it; the standard library and PySide6 land there too on the warm-up run, for both sides.
"""

from __future__ import annotations

import compileall
import sys
import tempfile
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
CACHE = Path(tempfile.gettempdir()) / "qrcashier-bench-pycache"


def use_bytecode() -> Path:
    """Compile app/ into CACHE and read (and write) bytecode there from now on."""
    CACHE.mkdir(mode=0o700, exist_ok=True)
    sys.pycache_prefix = str(CACHE)
    sys.dont_write_bytecode = False
    compileall.compile_dir(str(APP), quiet=1)
    return CACHE


def child_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for a child process that uses the same bytecode cache."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE)
    return env

