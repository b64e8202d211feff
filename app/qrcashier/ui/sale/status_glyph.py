"""The customer screen's state symbol, painted (so it needs no symbol font on the till)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget


class StatusGlyph(QWidget):
    """A large round symbol (check, cross, clock, alert, dots) drawn with QPainter: no font needed."""

    KINDS = ("check", "cross", "clock", "alert", "dots")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._colour = QColor("#616161")

    def kind(self) -> str | None:
        return self._kind

    def set_glyph(self, kind: str | None, colour: str) -> None:
        if kind is not None and kind not in self.KINDS:
            raise ValueError(f"unknown glyph {kind!r}")
        self._kind, self._colour = kind, QColor(colour)
        self.update()

    def paintEvent(self, event) -> None:
        if self._kind is None:
            return
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            d = min(self.width(), self.height()) * 0.72
            box = QRectF((self.width() - d) / 2, (self.height() - d) / 2, d, d)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._colour)
            p.drawEllipse(box)
            pen = QPen(QColor("#ffffff"), d * 0.085)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)

            def at(fx: float, fy: float) -> QPointF:
                return QPointF(box.left() + fx * d, box.top() + fy * d)

            if self._kind == "check":
                p.drawPolyline([at(0.27, 0.52), at(0.43, 0.68), at(0.74, 0.35)])
            elif self._kind == "cross":
                p.drawLine(at(0.33, 0.33), at(0.67, 0.67))
                p.drawLine(at(0.67, 0.33), at(0.33, 0.67))
            elif self._kind == "clock":
                p.drawEllipse(QRectF(at(0.22, 0.22), at(0.78, 0.78)))
                p.drawPolyline([at(0.5, 0.33), at(0.5, 0.5), at(0.63, 0.6)])
            elif self._kind == "alert":
                p.drawLine(at(0.5, 0.25), at(0.5, 0.57))
                p.drawPoint(at(0.5, 0.73))
            elif self._kind == "dots":
                for fx in (0.3, 0.5, 0.7):
                    p.drawPoint(at(fx, 0.5))
        finally:
            p.end()
