"""Run the frozen executable on a real X server (Xvfb) and take a screenshot of its window.

    python packaging/screenshot_frozen.py [--exe dist/qrcashier/qrcashier]
        [--out docs/screenshots/frozen-app.png] [--screen]

Linux only; needs Xvfb, and xdotool to ring up a sale (without it the screenshot shows the
empty window). Run it with an interpreter that has PySide6 (the dev venv): it converts
Xvfb's framebuffer file (XWD) to PNG with Qt. What it checks on the way, and prints:
  - the xcb platform plugin is the one Qt loaded (QT_DEBUG_PLUGINS output), not offscreen
  - the main window painted (the app's log) and is mapped on the X server (xdotool)
  - with xdotool: typing a barcode and Return adds a line, F12 puts the order on the QR
This is a manual verification tool, not part of the build or CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARCODE = "7790895000102"  # in the demo catalogue (the self-test uses it too)


def xwd_to_png(xwd: Path, out: Path, crop: tuple[int, int, int, int] | None) -> None:
    from PySide6.QtGui import QImage

    data = xwd.read_bytes()
    header = struct.unpack(">25I", data[:100])
    header_size, width, height = header[0], header[4], header[5]
    bits_per_pixel, bytes_per_line, ncolors = header[11], header[12], header[19]
    if bits_per_pixel != 32:
        raise SystemExit(f"expected a 32-bit framebuffer, got {bits_per_pixel}")
    offset = header_size + ncolors * 12
    image = QImage(data[offset:offset + bytes_per_line * height], width, height, bytes_per_line,
                   QImage.Format.Format_RGB32).copy()
    if crop is not None:
        image = image.copy(*crop)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG", 0):  # smallest file
        raise SystemExit(f"could not write {out}")


def xdotool(*args: str, env: dict[str, str]) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20).stdout.strip()


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--exe", default=str(ROOT / "dist" / "qrcashier" / "qrcashier"))
    p.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "frozen-app.png"))
    p.add_argument("--display", default=":97")
    p.add_argument("--screen", action="store_true",
                   help="also save the whole screen (both windows) as <out>-screen.png")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for this script's own QImage work only
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is needed (apt-get install xvfb)")
    have_xdotool = shutil.which("xdotool") is not None
    with tempfile.TemporaryDirectory(prefix="qrcashier-shot-") as tmp:
        fbdir, data = Path(tmp) / "fb", Path(tmp) / "data"
        fbdir.mkdir()
        xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "2200x800x24", "-fbdir", str(fbdir),
                                 "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        app = None
        try:
            time.sleep(1.0)
            env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
            env.update(DISPLAY=args.display, QT_DEBUG_PLUGINS="1")
            err = open(Path(tmp) / "stderr.txt", "w+", encoding="utf-8")
            app = subprocess.Popen([args.exe, "--sandbox", "--data-dir", str(data)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=err)
            log = data / "qrcashier.log"
            wait_for(lambda: log.exists() and "demo catalog:" in log.read_text(encoding="utf-8"), 60, "the first paint")
            wait_for(lambda: "sandbox/pos/" in log.read_text(encoding="utf-8"), 30, "the sandbox register")
            time.sleep(1.5)
            err.flush()
            plugin_lines = [line for line in Path(err.name).read_text(encoding="utf-8").splitlines()
                            if "loaded library" in line and "/platforms/" in line]
            print("platform plugin:", "; ".join(line.split('"')[1] for line in plugin_lines) or "none reported")
            if not any("libqxcb.so" in line for line in plugin_lines):
                raise SystemExit("the xcb platform plugin was not loaded")
            crop = None
            if have_xdotool:
                xenv = dict(env)
                main_id = xdotool("search", "--name", "Caja", env=xenv).split()
                customer = xdotool("search", "--name", "Customer", env=xenv).split()
                if customer:
                    xdotool("windowmove", customer[0], "1290", "0", env=xenv)
                if main_id:
                    wid = main_id[0]
                    xdotool("windowactivate", "--sync", wid, env=xenv)
                    xdotool("windowfocus", "--sync", wid, env=xenv)
                    xdotool("type", "--delay", "20", BARCODE, env=xenv)
                    xdotool("key", "Return", env=xenv)
                    time.sleep(0.8)
                    xdotool("key", "F12", env=xenv)
                    time.sleep(2.5)
                    geometry = xdotool("getwindowgeometry", "--shell", wid, env=xenv)
                    g = dict(line.split("=", 1) for line in geometry.splitlines() if "=" in line)
                    crop = (int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"]))
                    print(f"main window {wid}: {crop[2]}x{crop[3]} at {crop[0]},{crop[1]}")
                    text = log.read_text(encoding="utf-8")
                    seen = "/instore/" in text or "/v1/orders" in text
                    print("order on the QR:", "yes" if seen else "not seen in the log")
            out = Path(args.out)
            xwd_to_png(fbdir / "Xvfb_screen0", out, crop)
            print(f"wrote {out}")
            if args.screen:
                full = out.with_name(out.stem + "-screen.png")
                xwd_to_png(fbdir / "Xvfb_screen0", full, None)
                print(f"wrote {full}")
        finally:
            if app is not None and app.poll() is None:
                app.terminate()
                try:
                    app.wait(10)
                except subprocess.TimeoutExpired:
                    app.kill()
            xvfb.terminate()
            xvfb.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
