"""ui/shell/theme.py: big buttons and the style sheet."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from qrcashier.ui.shell import theme


def test_big_button_prints_its_shortcut(qtbot):
    b = theme.big_button("Charge", "F12")
    qtbot.addWidget(b)
    assert b.text() == "Charge\nF12"
    assert b.property("big") is True and b.property("role") == "primary"
    assert b.minimumHeight() >= 64
    assert b.shortcut().isEmpty()  # printing only: the window's QAction owns the key
    assert theme.big_button("Cancel").text() == "Cancel"


def test_big_button_can_bind_its_shortcut(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    b = theme.big_button("Charge", "F12", bind=True, parent=host)
    assert b.shortcut() == QKeySequence("F12")
    host.show()
    qtbot.waitExposed(host)
    with qtbot.waitSignal(b.clicked, timeout=1000):
        b.animateClick()
    with pytest.raises(ValueError):
        theme.big_button("X", role="loud")


def test_role_colours_are_readable():
    for role, (bg, fg, pressed) in theme._ROLES.items():
        assert theme.contrast_ratio(bg, fg) >= 4.5, role
        assert theme.contrast_ratio(pressed, fg) >= 4.5, role


def test_apply_styles_big_buttons_by_role(qapp, qtbot):
    old_sheet, old_font = qapp.styleSheet(), qapp.font()
    try:
        theme.apply(qapp)
        assert qapp.font().pixelSize() == theme.FONT_BASE
        sheet = qapp.styleSheet()
        assert 'QPushButton[big="true"][role="danger"]' in sheet
        b = theme.big_button("Refund", "F9", role="danger")
        qtbot.addWidget(b)
        b.show()
        qtbot.waitExposed(b)
        img = b.grab().toImage()
        centre = img.pixelColor(img.width() // 2, 4)
        assert centre.name() == theme._ROLES["danger"][0]  # the style sheet took effect
        assert b.height() >= theme.BUTTON_MIN_HEIGHT
    finally:
        qapp.setStyleSheet(old_sheet)
        qapp.setFont(old_font)


def test_no_plain_widget_font_rule():
    # a style-sheet font would override the customer window's QWidget.setFont() sizing
    assert "QWidget {" not in theme.stylesheet() and "QLabel" not in theme.stylesheet()


def test_contrast_ratio():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    with pytest.raises(ValueError):
        theme.contrast_ratio("nope", "#ffffff")
