"""Start-up does not pay for python-escpos: only rendering for a profile or a USB/serial printer loads it."""

import subprocess
import sys

CHECK = """
import sys
import qrcashier.cli, qrcashier.printing.queue, qrcashier.printing.backends, qrcashier.printing.layout
from qrcashier.printing.urls import parse_printer_url
qrcashier.cli.build_parser().parse_args(["--printer", "escpos+tcp://127.0.0.1:9100?paper=58"])
assert "escpos" not in sys.modules, "python-escpos was imported at start-up"
from qrcashier.printing.escpos import load_profile
load_profile("default")
assert "escpos" in sys.modules
"""


def test_python_escpos_loads_only_when_a_profile_is_needed():
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
