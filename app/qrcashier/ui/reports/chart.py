"""Sales by hour as bars, painted with QPainter: one bar per hour, scaled to the busiest."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from qrcashier.reports.model import HourBucket

BAR = QColor("#009ee3")  # Mercado Pago's light blue, as on the PDF
AXIS = QColor("#666666")
MARGIN = 8.0
LABEL_HEIGHT = 18.0


class HourChart(QWidget):
    def __init__(self, buckets: tuple[HourBucket, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buckets = tuple(buckets)
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(max(320, 36 * len(self.buckets)), 200)

    def bar_rects(self) -> list[QRectF]:
        """Where each hour's bar is drawn at the widget's current size (also what tests check)."""
        if not self.buckets:
            return []
        peak = max(b.count for b in self.buckets) or 1
        width = self.width() - 2 * MARGIN
        top, base = MARGIN + LABEL_HEIGHT, self.height() - MARGIN - LABEL_HEIGHT
        slot = width / len(self.buckets)
        bar = min(slot * 0.7, 48.0)
        return [QRectF(MARGIN + i * slot + (slot - bar) / 2, base - (base - top) * b.count / peak, bar,
                       (base - top) * b.count / peak) for i, b in enumerate(self.buckets)]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            base = self.height() - MARGIN - LABEL_HEIGHT
            painter.setPen(AXIS)
            painter.drawLine(int(MARGIN), int(base), int(self.width() - MARGIN), int(base))
            for bucket, rect in zip(self.buckets, self.bar_rects(), strict=True):
                painter.fillRect(rect, BAR)
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(rect.x() - 10, rect.y() - LABEL_HEIGHT, rect.width() + 20, LABEL_HEIGHT),
                                 Qt.AlignmentFlag.AlignCenter, str(bucket.count))
                painter.setPen(AXIS)
                painter.drawText(QRectF(rect.x() - 10, base, rect.width() + 20, LABEL_HEIGHT),
                                 Qt.AlignmentFlag.AlignCenter, f"{bucket.hour}h")
        finally:
            painter.end()
