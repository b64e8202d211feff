"""The one place that turns an exception into a sentence for the cashier, and shows it.

Slots catch the service's typed errors and call `user_message(exc)` (or
`show_error`). Every typed error of the app carries a `user_message`; input
errors (`InvalidCart`, `InvalidAmount`, both ValueError) carry their sentence
as `str()`. Anything else is a bug: it is logged with its traceback and the
cashier gets a generic sentence that says the sale is safe and what to do.

Dialogs are non-modal (`open()`, never `exec()`), deleted on close, and can be
switched off for headless runs (`set_dialogs_enabled(False)`: only logged).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from qrcashier.domain.money import InvalidAmount

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")

log = logging.getLogger("qrcashier.ui")

BUG_MESSAGE = QT_TRANSLATE_NOOP(
    "errors",
    "Something unexpected went wrong. Sales already saved are safe; "
    "try again, and if it happens again restart QR Cashier and tell support.",
)
JOURNAL_MESSAGE = QT_TRANSLATE_NOOP(
    "errors",
    "The sales journal on this computer could not be written. Do not charge until this is fixed: "
    "check the free disk space, then restart QR Cashier.",
)
_dialogs_enabled = True


def set_dialogs_enabled(enabled: bool) -> None:
    global _dialogs_enabled
    _dialogs_enabled = enabled


def _first_sentence_cap(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def bug_message() -> str:
    """BUG_MESSAGE in the app's language."""
    return _tr(BUG_MESSAGE)


def user_message(exc: BaseException) -> str:
    """One sentence for the cashier: what happened and what to do next (in the app's language)."""
    from qrcashier.ui.shell.i18n import engine_text

    text = _english_message(exc)
    if text in (BUG_MESSAGE, JOURNAL_MESSAGE):
        return _tr(text)
    if isinstance(exc, OSError) and not isinstance(getattr(exc, "user_message", None), str):
        return text  # already in the app's language
    return engine_text(text)


def _english_message(exc: BaseException) -> str:
    from qrcashier.checkout.errors import JournalUnavailable

    if isinstance(exc, JournalUnavailable):
        return JOURNAL_MESSAGE  # with what to do about it, which the engine cannot know
    message = getattr(exc, "user_message", None)
    if isinstance(message, str) and message:
        return message
    try:
        from qrcashier.domain.cart import InvalidCart
    except ImportError:  # pragma: no cover - the domain cart always ships
        InvalidCart = ValueError  # type: ignore[assignment,misc]
    if isinstance(exc, (InvalidCart, InvalidAmount)):
        return _first_sentence_cap(str(exc))
    if isinstance(exc, OSError):
        from qrcashier.ui.shell.i18n import fmt  # (translated here already: it carries the system's own words)

        return fmt(
            translate("errors", "A file could not be read or written (%1); check the path and try again."),
            exc.strerror or exc,
        )
    return BUG_MESSAGE


def is_expected(exc: BaseException) -> bool:
    """A typed, anticipated failure (as opposed to a bug that deserves a traceback)."""
    return _english_message(exc) != BUG_MESSAGE


def report(exc: BaseException, context: str = "") -> str:
    """Log the error (with traceback only for bugs) and return the sentence for the cashier."""
    text = user_message(exc)
    if is_expected(exc):
        log.warning("%s: %s", context or "error", exc)
    else:
        log.error("%s: unexpected %s", context or "error", type(exc).__name__, exc_info=exc)
    return text


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton | None = None,
    details: str | None = None,
    on_finished: Callable[[QMessageBox.StandardButton], None] | None = None,
) -> QMessageBox | None:
    """A non-modal message box (shown with open(); the event loop keeps running).

    `on_finished(button)` is called with the standard button pressed (Escape gives the
    escape button, or Cancel/No when present). Returns the box, or None when dialogs are off.
    """
    if not _dialogs_enabled:
        log.info("dialog suppressed: %s: %s", title, text)
        return None
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.NonModal)
    if default is not None:
        box.setDefaultButton(default)
    if details:
        box.setDetailedText(details)
    if on_finished is not None:
        def finished(_result: int) -> None:
            clicked = box.clickedButton()
            on_finished(box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.NoButton)

        box.finished.connect(finished)
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException, *, title: str = "", context: str = "") -> str:
    """Log `exc`, show its sentence in a non-modal box, and return the sentence."""
    text = report(exc, context)
    message_box(parent, title or translate("errors", "QR Cashier"), text)
    return text
