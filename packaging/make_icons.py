"""Draw the app icon: resources/icons/qrcashier.png (256 px), .ico (Windows) and .icns (macOS).

    python packaging/make_icons.py

A QR-like mark: a rounded blue tile with a white card, three finder squares and a few
data modules. Drawn with Qt (offscreen), no image library needed. The .ico and .icns
hold PNG-compressed images, which Windows Vista+ and macOS 10.7+ read. Run it only to
change the icon; the files it writes are committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"

BLUE = "#009EE3"
INK = "#0B2540"
# A 13x13 grid of modules; 1 = dark. Finder squares in three corners, data elsewhere.
GRID = [
    "1111100011111",
    "1000100110001",
    "1010101010101",
    "1000100010001",
    "1111101011111",
    "0000010100000",
    "1011101110110",
    "0010010001010",
    "1111100101101",
    "1000101100110",
    "1010100011011",
    "1000101011000",
    "1111100110111",
]


def render(size: int):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(BLUE))
    p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
    card = size * 0.76
    origin = (size - card) / 2
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(origin, origin, card, card), size * 0.07, size * 0.07)
    n = len(GRID)
    inner = card * 0.82
    unit = inner / n
    start = origin + (card - inner) / 2
    p.setRenderHint(QPainter.RenderHint.Antialiasing, size < 64)
    p.setBrush(QColor(INK))
    for row, line in enumerate(GRID):
        for col, cell in enumerate(line):
            if cell == "1":
                p.drawRect(QRectF(start + col * unit, start + row * unit, unit + 0.01, unit + 0.01))
    p.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG", 0)  # 0 = smallest file (best compression)
    buf.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (sizes up to 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns(images: dict[str, bytes]) -> bytes:
    """An ICNS file with PNG entries (OSType -> PNG bytes)."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(d)) + d for kind, d in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts/painting need an application)
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(render(size)) for size in (16, 24, 32, 48, 64, 128, 256)}
    (OUT / "qrcashier.png").write_bytes(pngs[256])
    (OUT / "qrcashier.ico").write_bytes(ico({s: pngs[s] for s in (16, 24, 32, 48, 64, 256)}))
    icns_images = {"icp4": pngs[16], "icp5": pngs[32], "ic07": pngs[128], "ic08": pngs[256]}
    (OUT / "qrcashier.icns").write_bytes(icns(icns_images))
    for name in ("qrcashier.png", "qrcashier.ico", "qrcashier.icns"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
