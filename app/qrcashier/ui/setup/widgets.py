"""What the setup pages share: labels, the field grid, the async slot, the page base class, titles."""

from __future__ import annotations

import asyncio
import functools
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from qrcashier.settings import AppSettings
from qrcashier.ui.setup.messages import CREDENTIALS_HINT, tr_setup
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import BAD_COLOUR

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


def make_label(text: str = "", *, bold: bool = False, size: int | None = None, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    style = []
    if bold:
        style.append("font-weight: 600;")
    if size:
        style.append(f"font-size: {size}px;")
    if muted:
        style.append(f"color: {theme.MUTED};")
    if style:
        label.setStyleSheet(" ".join(style))
    return label


def field_grid(fields: list[tuple[str, QWidget]]) -> QWidget:
    """Label/field pairs laid out two to a row."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    for n, (label, field_) in enumerate(fields):
        row, col = divmod(n, 2)
        grid.addWidget(QLabel(label), row, col * 2)
        grid.addWidget(field_, row, col * 2 + 1)
    return box


def error_label() -> QLabel:
    label = make_label()
    label.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
    return label


# --- pages --------------------------------------------------------------------------------------


def dialog_slot(*, write: bool = False):
    """An async slot of the setup dialog or of one of its pages, owned by the dialog.

    A read (the default) is cancelled when the dialog closes, so it never resumes on
    widgets that closing deleted (a keyring read still waiting on a locked store, a store
    list still loading). A write (`write=True`: saving, removing the token) is never cut
    in half: the dialog does not close until it is done.
    """

    def decorate(fn):
        @qasync.asyncSlot()
        @functools.wraps(fn)
        async def slot(self, *args, **kwargs):
            flow = self.flow if isinstance(self, SetupPage) else self  # a page, or the dialog itself
            task = asyncio.current_task()
            tasks = flow._writes if write else flow._reads
            tasks.add(task)
            try:
                return await fn(self, *args, **kwargs)
            finally:
                tasks.discard(task)

        return slot

    return decorate


class SetupPage(QWidget):
    """One page. `commit()` runs when leaving it forward (may await the network); `save()`
    writes its part to the settings (at Finish, or on Save in Settings)."""

    key = ""
    title = ""
    intro = ""
    in_wizard = True
    in_settings = True
    completeChanged = Signal()

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__()
        self.flow = flow
        self.env = flow.env
        self.state = flow.state
        self.dirty = False

    def applies(self) -> bool:
        return True

    def enter(self) -> None:
        """Shown (again): refresh what depends on earlier pages."""

    def is_complete(self) -> bool:
        return True

    async def commit(self) -> bool:
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        """Write this page's part of the settings."""

    def _changed(self) -> None:
        self.dirty = True
        self.completeChanged.emit()


def page_title(page: SetupPage) -> str:
    return QCoreApplication.translate("SetupPage", page.title)


def page_intro(page: SetupPage) -> str:
    text = QCoreApplication.translate("SetupPage", page.intro)
    if page.key == "token":
        text = fmt(text, tr_setup(CREDENTIALS_HINT))
    return text


def where_text(text: str) -> str:
    """TokenStore.where() in the app's language (its few fixed shapes)."""
    for english, translated in (
        ("kept in memory for this session only", translate("setup", "kept in memory for this session only")),
        ("not set", translate("setup", "not set")),
    ):
        if text == english:
            return translated
    for prefix, template in (
        ("saved in ", translate("setup", "saved in %1")),
        ("read from the ", translate("setup", "read from the %1 environment variable")),
    ):
        if text.startswith(prefix):
            rest = text[len(prefix):].removesuffix(" environment variable")
            return fmt(template, rest)
    if text.startswith("in ") and text.endswith(", which is locked"):
        return fmt(translate("setup", "in %1, which is locked"), text[3:-len(", which is locked")])
    return text


def system_printers() -> list[str]:
    """The printers Qt sees (loaded on first use: QtPrintSupport is not needed for the first paint)."""
    from qrcashier.ui.printing.qprinter import available_printers

    return available_printers()
