"""The real command without a display: one sentence on stderr and exit 2, no SIGABRT."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a display server is named in the environment on Linux"
)
def test_qrcashier_without_a_display_exits_2_with_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "qrcashier", "--sandbox", "--data-dir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no display" in lines[0], done.stderr
    assert "xcb-cursor" not in done.stderr
    assert not any(tmp_path.iterdir()), "nothing is created before the display check"
