"""Decode QR codes out of QImages with zxing-cpp, for round-trip tests."""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtGui import QImage


def grey_array(image: QImage) -> np.ndarray:
    """The image as an (h, w) uint8 numpy array (a copy)."""
    img = image.convertToFormat(QImage.Format.Format_Grayscale8)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.bytesPerLine() * img.height())
    return arr.reshape(img.height(), img.bytesPerLine())[:, : img.width()].copy()


def decode(image: QImage | np.ndarray) -> list:
    arr = image if isinstance(image, np.ndarray) else grey_array(image)
    return zxingcpp.read_barcodes(arr)


def decode_one(image: QImage | np.ndarray):
    results = decode(image)
    assert len(results) == 1, f"expected one barcode, found {len(results)}"
    return results[0]
