"""PyInstaller runtime hook: never leave sys.stdout / sys.stderr as None.

A windowed build (console=False on Windows, an .app on macOS) starts with no console, and
Python then sets sys.stdout and sys.stderr to None (qt-notes §4). Any print(), warning or
library that writes to them raises AttributeError, which in a GUI app means a crash on a
double-click. This hook points a missing stream at the null device. When the executable is
started with real streams (a terminal, or build.py's pipes for --self-test) nothing changes.
The app's own log file in the data folder is where diagnostics go.
"""

import os
import sys


def null_stream():
    return open(os.devnull, "w", encoding="utf-8", errors="replace")


def make_safe(module):
    """Replace a None stdout/stderr on `module` (sys) with the null device; return the names replaced."""
    replaced = []
    for name in ("stdout", "stderr"):
        if getattr(module, name, None) is None:
            setattr(module, name, null_stream())
            replaced.append(name)
    return replaced


if getattr(sys, "frozen", False):
    make_safe(sys)
