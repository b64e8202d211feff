"""A QR code on screen and on paper, built so that phones scan it (qt-notes §0.5, §5).

Rules kept here, once: `segno.make_qr` (never Micro QR), error level M at least with
boost, a quiet zone of 4 modules, an integer number of pixels per module, scaled
nearest-neighbour only (never `setScaledContents`), black on white.

- `make_symbol(payload)`: the segno symbol.
- `qr_image(payload, target_px)`: a QImage at most `target_px` square (at least one
  pixel per module), for the widget and for printing.
- `qr_path(payload)`: the dark modules as a QPainterPath in module units, for vector output (PDF).
- `QrView`: the widget.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the symbol (ISO/IEC 18004)
ERROR_LEVEL = "m"  # the minimum; segno boosts it when that costs no extra version


@lru_cache(maxsize=16)
def make_symbol(payload: str) -> segno.QRCode:
    """The QR symbol for `payload`: a full QR code (never Micro QR), level M or better."""
    if not payload:
        raise ValueError("an empty payload has no QR code")
    return segno.make_qr(payload, error=ERROR_LEVEL, boost_error=True)


def symbol_modules(payload: str) -> int:
    """Width of the symbol in modules, quiet zone included."""
    return make_symbol(payload).symbol_size(scale=1, border=QUIET_ZONE)[0]


@lru_cache(maxsize=16)
def _unit_image(payload: str) -> QImage:
    """One pixel per module, quiet zone included, 8-bit grey: 0 dark, 255 light."""
    qr = make_symbol(payload)
    raw = bytes(0 if dark else 255 for row in qr.matrix_iter(scale=1, border=QUIET_ZONE) for dark in row)
    n = symbol_modules(payload)
    # copy(): detach from the Python bytes, which may be freed (qt-notes §5)
    return QImage(raw, n, n, n, QImage.Format.Format_Grayscale8).copy()


def module_scale(payload: str, target_px: int) -> int:
    """The largest whole number of pixels per module that fits in `target_px` (at least 1)."""
    return max(1, int(target_px) // symbol_modules(payload))


def qr_image(payload: str, target_px: int) -> QImage:
    """The QR for `payload` as a black-on-white image, square, with an integer module size.

    The side is `modules * scale` where scale = target_px // modules (at least 1), so
    it never exceeds `target_px` unless even one pixel per module doesn't fit.
    """
    unit = _unit_image(payload)
    side = unit.width() * module_scale(payload, target_px)
    return unit.scaled(
        side, side, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
    )


def qr_path(payload: str) -> QPainterPath:
    """The dark modules as one path, in module units, origin at the quiet zone's top-left corner.

    Scale it with the painter (`painter.scale(mm_per_module, ...)`) for crisp vector output.
    Runs of dark modules in a row become one rectangle.
    """
    path = QPainterPath()
    for y, row in enumerate(make_symbol(payload).matrix_iter(scale=1, border=QUIET_ZONE)):
        start = None
        for x, dark in enumerate([*row, False]):
            if dark and start is None:
                start = x
            elif not dark and start is not None:
                path.addRect(QRectF(start, y, x - start, 1))
                start = None
    return path.simplified()


class QrView(QWidget):
    """Shows one payload as a crisp QR, centred on white, as large as the widget allows.

    `set_payload(None)` shows the placeholder text instead. The module size is an integer
    number of *device* pixels, recomputed on every resize and for the screen's
    devicePixelRatio, so a 150 % Windows scaling does not blur it.
    """

    def __init__(self, parent: QWidget | None = None, *, placeholder: str | None = None) -> None:
        super().__init__(parent)
        self._payload: str | None = None
        self._placeholder = placeholder if placeholder is not None else self.tr("No QR configured")
        self._cache_key: tuple[str, int] | None = None
        self._cache: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # -- API --

    def payload(self) -> str | None:
        return self._payload

    def set_payload(self, payload: str | None) -> None:
        payload = payload or None
        if payload is not None:
            make_symbol(payload)  # fail here, in the caller, on a payload too long for a QR
        if payload == self._payload:
            return
        self._payload = payload
        self._cache_key = self._cache = None
        self.updateGeometry()
        self.update()

    def placeholder(self) -> str:
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        if text == self._placeholder:
            return  # the customer window sets it on every state change: no repaint for nothing
        self._placeholder = text
        self.update()

    def current_image(self) -> QImage | None:
        """The image drawn for the current size (device pixels), or None in the placeholder state."""
        if self._payload is None:
            return None
        dpr = self.devicePixelRatioF()
        target = int(min(self.width(), self.height()) * dpr)
        key = (self._payload, target)
        if key != self._cache_key:
            self._cache = qr_image(self._payload, target)
            self._cache.setDevicePixelRatio(dpr)
            self._cache_key = key
        return self._cache

    def module_px(self) -> int | None:
        """Device pixels per module as currently drawn."""
        if self._payload is None:
            return None
        return module_scale(self._payload, int(min(self.width(), self.height()) * self.devicePixelRatioF()))

    # -- QWidget --

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def minimumSizeHint(self) -> QSize:
        if self._payload is None:
            return QSize(120, 120)
        side = 2 * symbol_modules(self._payload)  # 2 px per module is the least a camera reads well
        side = max(120, int(side / self.devicePixelRatioF()) + 1)
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            image = self.current_image()
            if image is None:
                self._paint_placeholder(painter)
                return
            painter.fillRect(self.rect(), QColor("#ffffff"))  # the quiet zone, extended to the edges
            dpr = self.devicePixelRatioF()
            # centre in device pixels, so each module starts on a whole device pixel
            x = (int(self.width() * dpr) - image.width()) // 2
            y = (int(self.height() * dpr) - image.height()) // 2
            painter.drawImage(QPointF(x / dpr, y / dpr), image)
        finally:
            painter.end()

    def _paint_placeholder(self, painter: QPainter) -> None:
        side = min(self.width(), self.height()) - 2
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        if not colour.isValid() or colour.alpha() == 0:
            colour = QColor("#777777")
        pen = QPen(colour, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        font = painter.font()
        font.setPixelSize(max(12, int(side / 14)))
        painter.setFont(font)
        painter.drawText(
            rect.adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
        )
