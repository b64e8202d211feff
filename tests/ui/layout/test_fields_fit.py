"""Every dialog of the fit test (tests/ui/layout/test_window_fit.py) at the size it opens with, in en, es
and pt_BR: each field's hint (placeholder) is readable whole, each list row fits its list without
scrolling sideways, and no row says "items" in another language (found on the screenshots, issue 14.5:
the park note's hint cut to "p. ej. el...", the parked sales' rows cut and saying "3 items" in Spanish)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget

from tests.ui.layout.test_fit import LANGUAGES, fit_on, settled, the_app_in
from tests.ui.layout.test_window_fit import dialogs

FIELD_MARGINS = 12  # a line edit's frame and text margins


def _problems(name: str, dialog, language: str) -> list[str]:
    problems = []
    for field in dialog.findChildren(QLineEdit):
        hint = field.placeholderText()
        if field.isVisible() and hint and field.fontMetrics().horizontalAdvance(hint) + FIELD_MARGINS > field.width():
            problems.append(f"{name}: the hint {hint!r} is cut ({field.width()} px)")
        right = field.mapTo(dialog, field.rect().topRight()).x()
        if field.isVisible() and right > dialog.width():
            problems.append(f"{name}: the field {hint!r} goes past the dialog ({right} > {dialog.width()} px)")
    for box in dialog.findChildren(QListWidget):
        for row in range(box.count()):
            text = box.item(row).text()
            if box.visualItemRect(box.item(row)).right() > box.viewport().width() or \
                    box.sizeHintForColumn(0) > box.viewport().width():
                problems.append(f"{name}: the row {text!r} is wider than its list")
            if language != "en" and " items" in text:
                problems.append(f"{name}: the row {text!r} is in English")
    return problems


@pytest.mark.qt_async
@pytest.mark.asyncio
@pytest.mark.parametrize("language", LANGUAGES)
async def test_hints_and_rows_of_every_dialog_fit(qtbot, language):
    problems = []
    with the_app_in(language):
        for name, build in dialogs().items():
            dialog = build()
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            qtbot.addWidget(dialog)
            dialog.adjustSize()  # the size open() gives it
            fit_on(dialog, "1280x720")
            await settled(dialog)
            problems += _problems(name, dialog, language)
            dialog.close()
    assert not problems, "\n".join(problems)
