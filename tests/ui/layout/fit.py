"""Does every button's and label's text fit where the layout put it? Font metrics against geometry.

    problems = clipped_texts(dialog)        # [] when everything fits; else one line per widget

A button is clipped when it is narrower or shorter than its style's size hint for its text
(the hint is what the text needs, with the style sheet's padding); a label without word wrap
when it is narrower than its text, a wrapped one when it is shorter than its text wrapped at
its width. A widget the window cuts off (outside the window, or under a parent that is not a
scroll area) is clipped too: a scroll area may hide what is scrolled away, nothing else may.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

SLACK = 1  # pixels of rounding
COMBO_CHROME = 34  # a combo's frame, padding and arrow, around its current text


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _cut_by_window(widget: QWidget) -> bool:
    """Part of the widget lies outside its window or outside an ancestor that is not scrolling."""
    area = _scroll_area(widget)
    if area is not None:  # scrolled away vertically is fine; cut at the right is not (no sideways scrolling)
        left = widget.mapTo(area.viewport(), widget.rect().topLeft()).x()
        return left < -SLACK or left + widget.width() > area.viewport().width() + SLACK
    rect = QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())
    if not widget.window().rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
        return True
    parent = widget.parentWidget()
    child_rect = widget.geometry()
    while parent is not None and not parent.isWindow():
        if not parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(child_rect):
            return True
        child_rect = QRect(parent.mapToParent(child_rect.topLeft()), child_rect.size())
        parent = parent.parentWidget()
    return False


def _where(widget: QWidget) -> str:
    at = widget.mapTo(widget.window(), widget.rect().topLeft())
    size = widget.window().size()
    return f"at {at.x()},{at.y()} {widget.width()}x{widget.height()} in {size.width()}x{size.height()}"


def _name(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''} {text!r}".replace("  ", " ")


def clipped_texts(window: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            text = widget.text()
            if not text:
                continue
            hint = widget.sizeHint()
            if widget.width() + SLACK < hint.width() or widget.height() + SLACK < hint.height():
                problems.append(f"{_name(widget, text)}: {widget.width()}x{widget.height()} < {hint.width()}x"
                                f"{hint.height()}")
            elif _cut_by_window(widget):
                problems.append(f"{_name(widget, text)}: cut off by the window ({_where(widget)})")
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
            needed = widget.fontMetrics().horizontalAdvance(text) + COMBO_CHROME
            if text and needed > widget.width() + SLACK:
                problems.append(f"{_name(widget, text)}: needs {needed} px of width, has {widget.width()}")
            elif _cut_by_window(widget):
                problems.append(f"{_name(widget, text)}: cut off by the window ({_where(widget)})")
        elif isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.contentsRect().width() + widget.contentsMargins().left()
                                               + widget.contentsMargins().right())
                if needed > widget.height() + SLACK:
                    problems.append(f"{_name(widget, text[:60])}: needs {needed} px of height, has {widget.height()}")
                    continue
            else:
                needed = widget.sizeHint().width()
                if needed > widget.width() + SLACK:
                    problems.append(f"{_name(widget, text[:60])}: needs {needed} px of width, has {widget.width()}")
                    continue
            if _cut_by_window(widget):
                problems.append(f"{_name(widget, text[:60])}: cut off by the window ({_where(widget)})")
    return problems
