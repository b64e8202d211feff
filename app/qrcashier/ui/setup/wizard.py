"""First-run setup and Settings: the same pages, shown as a wizard once and as Settings later.

    env = SetupEnv(settings, tokens)                  # + http=, api_base_url=, sandbox_base_url= ...
    ok = await run_first_run_setup(env)               # the wizard; True when finished and saved
    dialog = await open_settings(parent, env, gate)   # the Settings (after the supervisor PIN)

Pages (wizard order; Settings shows them in a side list, plus Advanced and Support):

    mode       "Try it with the sandbox" or "Connect my Mercado Pago account"
    token      (account only) paste the access token; it is checked with GET /users/me and a
               store search (401, 403, 404 and unreachable each get one sentence; a TEST-
               token is flagged as a test account); saved only in the OS credential store
               (token_store.py), or kept for this session when no secure store exists
    store      pick or create the store and the register's POS (fixed_amount: true, external
               ids checked as Mercado Pago requires), and how it is paid: an attended register
               (a cashier; provisioning.ensure_register, a self-service url taken off) or
               self-service (the POS carries the merchant endpoint's url, built on the public
               URL, or in the sandbox on the local endpoint: unattended.provisioning
               .ensure_unattended_pos; 403 domain not enabled, a bad URL and unreachable each
               get one sentence)
    terminal   the register's Mercado Pago Point card terminal, or none (ui/point/setup_page.py;
               not for a self-service register); the switch to PDV mode, asked first
    sticker    the register's QR sticker: preview, print, save as PDF
    printer    the receipt printer and the language
    pin        the supervisor PIN (kept as a slow salted hash: supervisor.py)
    advanced   (Settings only) the API and QR mode; the self-service endpoint's "no order
               yet" contract and port
    done       (wizard only) a summary; Finish writes everything

Everything but the token goes to QSettings (settings.py), and only when the wizard finishes
or Settings is saved. Every network step is a coroutine with a busy bar; nothing blocks the
window and no dialog is exec()'d (qt-notes §2.3). The sandbox branch runs the same pages
against an embedded sandbox on loopback (started on demand, closed with the dialog).
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qrcashier.settings import Mode
from qrcashier.setup.env import MissingToken, SetupEnv
from qrcashier.setup.state import SetupState
from qrcashier.token_store import TokenStoreError
from qrcashier.ui.point.setup_page import TerminalPage
from qrcashier.ui.setup.advanced import AdvancedPage
from qrcashier.ui.setup.done import DonePage
from qrcashier.ui.setup.fiscal import FiscalPage
from qrcashier.ui.setup.mode import ModePage
from qrcashier.ui.setup.pin import PinPage
from qrcashier.ui.setup.printer import PrinterPage
from qrcashier.ui.setup.sticker import StickerPage
from qrcashier.ui.setup.store import StorePage
from qrcashier.ui.setup.support import SupportPage
from qrcashier.ui.setup.token import TokenPage
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, make_label, page_intro, page_title
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import Busy, Outcome

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")

log = logging.getLogger("qrcashier.ui.setup")


PAGE_CLASSES: tuple[type[SetupPage], ...] = (
    ModePage, TokenPage, StorePage, TerminalPage, StickerPage, PrinterPage, PinPage, AdvancedPage, SupportPage,
    DonePage, FiscalPage,  # FiscalPage: ARCA, in Settings only (issue 21)
)


# --- the dialog ---------------------------------------------------------------------------------


class PageStack(QStackedWidget):
    """The pages, sized by the page on show (not the tallest one), so only a page that does
    not fit scrolls."""

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return page.sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # QStackedLayout's would be the tallest page's
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else -1


class SetupDialog(QDialog):
    """The wizard (`settings_mode=False`) or Settings (`True`) over the same pages.

    `future` resolves to True when the wizard finished (or, for Settings, when it closes
    after at least one Save), False when it was cancelled. `token_changed(token or None)` and `saved()` tell the app
    to reconnect with the new token or settings.
    """

    token_changed = Signal(object)
    saved = Signal()

    def __init__(
        self,
        env: SetupEnv,
        *,
        settings_mode: bool = False,
        start_page: str | None = None,
        supervisor: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.settings_mode = settings_mode
        self.supervisor = supervisor
        self.state = SetupState.from_settings(env.settings)
        if not settings_mode:
            self.state.mode = None
        elif self.state.mode is None and env.sandbox_base_url:
            # Started with --sandbox and never set up: Settings is about the register that runs, on the
            # sandbox (issue 14.7), so a new PIN saves without a Mode card clicked first.
            self.state.mode = Mode.SANDBOX
        self.future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._working = False
        self._saved_once = False
        self._client = None
        self._client_key: tuple | None = None
        self._reads: set[asyncio.Task] = set()  # see dialog_slot
        self._writes: set[asyncio.Task] = set()
        self.leave_box: QMessageBox | None = None  # "Leave the setup?" while it is open
        self.setWindowTitle(self.tr("QR Cashier settings") if settings_mode else self.tr("Set up QR Cashier"))
        self.setModal(False)
        self.resize(980, 660)  # inside a 1024 x 768 or a 1280 x 720 screen, with a panel and a title bar
        self.setStyleSheet(
            theme.DISABLED_BUTTONS + " QGroupBox { font-weight: 600; } QLineEdit, QComboBox { min-height: 30px; }"
        )
        self.pages: list[SetupPage] = [
            cls(self) for cls in PAGE_CLASSES if (cls.in_settings if settings_mode else cls.in_wizard)
        ]
        for page in self.pages:
            page.completeChanged.connect(self._update_buttons)
        self.stack = PageStack()
        for page in self.pages:
            self.stack.addWidget(page)
        self.step_label = make_label(muted=True)
        self.title_label = make_label(bold=True, size=24)
        self.intro_label = make_label()
        self.intro_label.setStyleSheet("font-size: 15px;")
        self.message = Outcome()
        self.busy = Busy()
        self.nav = QListWidget()
        self.nav.setFixedWidth(210)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 10px 0px; }")
        for page in self.pages:
            QListWidgetItem(page_title(page) if page.key != "mode" else self.tr("Mode"), self.nav)
        self.nav.currentRowChanged.connect(self._nav_to)
        self.nav.setVisible(settings_mode)

        self.back_button = theme.big_button(self.tr("Back"), None, role="secondary")
        self.next_button = theme.big_button(self.tr("Next"), None, role="primary")
        self.finish_button = theme.big_button(self.tr("Finish"), None, role="success")
        self.cancel_button = theme.big_button(
            self.tr("Cancel") if not settings_mode else self.tr("Close"), "Esc", role="secondary"
        )
        self.save_button = theme.big_button(self.tr("Save"), None, role="primary")
        self.back_button.setAutoDefault(False)  # Enter goes forward, never back
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.finish_button, self.save_button):
            b.setMinimumWidth(150)
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            buttons.addWidget(b)
        self.back_button.setVisible(not settings_mode)
        self.next_button.setVisible(not settings_mode)
        self.finish_button.setVisible(False)
        self.save_button.setVisible(settings_mode)

        content = QVBoxLayout()
        content.addWidget(self.step_label)
        content.addWidget(self.title_label)
        content.addWidget(self.intro_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {theme.LINE};")
        content.addWidget(line)
        # A page taller than the dialog (the store page with self-service, on a 768-pixel
        # counter screen) scrolls instead of squashing its fields into each other.
        scroller = QScrollArea()
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never below its hint
        # (and not held at the tallest page's minimum by its own layout)
        self.stack.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        scroller.setWidget(self.stack)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.addWidget(scroller, 1)
        content.addWidget(self.busy)
        content.addWidget(self.message)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addLayout(content, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.addLayout(body, 1)
        outer.addLayout(buttons)
        self.finished.connect(self._finished)
        start = self.page(start_page) if start_page else None
        self._show(start or self.pages[0])

    # -- pages

    def page(self, key: str) -> SetupPage | None:
        return next((p for p in self.pages if p.key == key), None)

    @property
    def current(self) -> SetupPage:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def _applicable(self) -> list[SetupPage]:
        return [p for p in self.pages if p.applies()]

    def _show(self, page: SetupPage) -> None:
        self.stack.setCurrentWidget(page)
        self.stack.updateGeometry()  # its size follows the page on show
        pages = self._applicable()
        if self.settings_mode:
            self.step_label.setText(self.tr("Settings"))
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.pages.index(page))
            self.nav.blockSignals(False)
        else:
            n = pages.index(page) + 1 if page in pages else 0
            self.step_label.setText(fmt(self.tr("Step %1 of %2"), n, len(pages)))
        self.title_label.setText(page_title(page))
        self.intro_label.setText(page_intro(page))
        self.message.clear()
        page.enter()
        self._update_buttons()

    def _nav_to(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            page = self.pages[row]
            if not page.applies():
                self.message.show_result(
                    "warn", self.tr("This page is for a real Mercado Pago account (choose it under Mode).")
                )
            self._show(page)

    def _update_buttons(self) -> None:
        pages = self._applicable()
        page = self.current
        last = bool(pages) and page is pages[-1]
        complete = page.is_complete()
        self.back_button.setEnabled(not self._working and bool(pages) and page is not pages[0])
        self.next_button.setVisible(not self.settings_mode and not last)
        self.finish_button.setVisible(not self.settings_mode and last)
        self.next_button.setEnabled(not self._working and complete)
        self.finish_button.setEnabled(not self._working and complete)
        self.save_button.setEnabled(not self._working and all(p.is_complete() for p in pages))
        # Enter goes forward (a focused page button, e.g. "Check token", takes it first), never to
        # Cancel or Close (Esc buttons are not auto-default: theme.big_button).
        forward = self.save_button if self.settings_mode else (self.finish_button if last else self.next_button)
        forward.setDefault(True)

    async def client(self):
        """The Mercado Pago client for the chosen mode (and token), made once per choice."""
        token = self.state.token
        if self.state.mode == Mode.ACCOUNT and token is None:
            token = self.env.tokens.get()
        key = (self.state.mode, token)
        if self._client is None or self._client_key != key:
            try:
                self._client = await self.env.client(self.state.mode or Mode.SANDBOX, token)
            except MissingToken:
                raise TokenStoreError(
                    translate("setup", "There is no access token yet: paste one on the Mercado Pago account page.")
                ) from None
            self._client_key = key
        return self._client

    # -- moving

    @dialog_slot()
    async def go_next(self) -> None:
        if self._working:
            return
        page = self.current
        self._working = True
        self._update_buttons()
        try:
            ok = await page.commit()
        except Exception as exc:
            self.message.show_result("error", errors.report(exc, f"setup: {page.key}"))
            ok = False
        finally:
            self._working = False
        if not ok:
            self._update_buttons()
            return
        pages = self._applicable()
        if page in pages and pages.index(page) + 1 < len(pages):
            self._show(pages[pages.index(page) + 1])
        else:
            self._update_buttons()

    def go_back(self) -> None:
        pages = self._applicable()
        page = self.current
        if page in pages and pages.index(page) > 0:
            self._show(pages[pages.index(page) - 1])

    async def _write_all(self) -> bool:
        """Every page's part to the settings (and the token to its store)."""
        settings = self.env.settings
        actor = self.supervisor or "installer"
        for page in self._applicable():
            try:
                if self.settings_mode and not await page.commit():
                    self._show(page)
                    return False
                await page.save(settings, actor)
            except Exception as exc:
                text = errors.report(exc, f"setup: saving {page.key}")
                self._show(page)
                self.message.show_result("error", text)
                return False
        if self.state.mode is not None:
            settings.mode = self.state.mode
        settings.sync()
        return True

    @dialog_slot(write=True)
    async def finish(self) -> None:
        if self._working:
            return
        self._working = True
        self._update_buttons()
        try:
            if not await self.current.commit():
                return
            if not await self._write_all():
                return
            self.env.settings.setup_done = True
            self.env.settings.sync()
        finally:
            self._working = False
            self._update_buttons()
        log.info("setup finished: mode %s", self.env.settings.mode)
        if not self.future.done():
            self.future.set_result(True)
        self.saved.emit()
        self.accept()

    @dialog_slot(write=True)
    async def save(self) -> None:
        if self._working:
            return
        self._working = True
        self._update_buttons()
        self.busy.start(self.tr("Saving…"))
        try:
            ok = await self._write_all()
            if ok:
                await self.env.write_audit(self.supervisor or "supervisor", "settings_changed", "",
                                           {"pages": [p.key for p in self.pages if p.dirty]})
        finally:
            self._working = False
            self.busy.stop()
            self._update_buttons()
        if ok:
            self._saved_once = True
            for page in self.pages:
                page.dirty = False
            self.message.show_result(
                "ok", self.tr("Saved. Changes to the account, store or register apply at the next start.")
            )
            self.saved.emit()
            if self.current.key == "support":
                self.current.enter()

    def reject(self) -> None:  # Cancel, Close, Esc and the window's close button
        if self._writes:
            self.message.show_result("warn", self.tr("Still saving: close this window when it is done."))
            return
        if self._created_something() and not self.future.done():
            self._ask_before_leaving()
            return
        super().reject()

    def _created_something(self) -> bool:
        """The wizard (not Settings) already created a store or a register in the account."""
        p = self.state.provisioned
        return not self.settings_mode and p is not None and bool(p.created_store or p.created_pos)

    def _ask_before_leaving(self) -> None:
        if self.leave_box is not None:
            self.leave_box.raise_()
            return
        buttons = QMessageBox.StandardButton
        box = errors.message_box(
            self, self.tr("Leave the setup?"),
            self.tr("The store and the register are already created in Mercado Pago, but QR Cashier is not set "
                    "up yet. If you leave now, nothing is saved here; the setup finds them again next time."),
            icon=QMessageBox.Icon.Question, buttons=buttons.Yes | buttons.No, default=buttons.No,
            on_finished=self._leave_answered,
        )
        if box is None:  # no one to ask (dialogs off: a self-test)
            super().reject()
            return
        box.button(buttons.Yes).setText(self.tr("Leave the setup"))
        box.button(buttons.No).setText(self.tr("Keep setting up"))
        box.setEscapeButton(buttons.No)
        self.leave_box = box

    def _leave_answered(self, button) -> None:
        self.leave_box = None
        if button == QMessageBox.StandardButton.Yes:
            super().reject()

    def _finished(self, _result: int) -> None:
        try:
            current = asyncio.current_task()
        except RuntimeError:  # closed while no loop runs (a test's teardown)
            current = None
        for task in list(self._reads):
            if task is not current:
                task.cancel()
        if not self.future.done():
            self.future.set_result(self._saved_once)


# --- hooks for the app ---------------------------------------------------------------------------


async def run_first_run_setup(env: SetupEnv, parent: QWidget | None = None) -> bool:
    """Show the wizard and wait for it; True when finished (settings saved), False when cancelled.
    Closes what the wizard opened (its sandbox, its HTTP client) before returning."""
    dialog = SetupDialog(env, parent=parent)
    dialog.show()
    try:
        ok = await dialog.future
    finally:
        await env.aclose()
    if ok:  # the language chosen on the printer page, for every window built from now on
        from qrcashier.ui.shell import i18n

        i18n.install_for(QCoreApplication.instance(), None, env.settings)
    return ok


async def open_settings(parent: QWidget | None, env: SetupEnv, gate, *, page: str | None = None) -> SetupDialog | None:
    """Settings, after the supervisor PIN (when one is set). Returns the open dialog, or None."""
    name = None
    if gate is not None and gate.has_pin:
        name = await gate.ask(parent, translate("setup", "open Settings"))
        if not name:
            return None
    dialog = SetupDialog(env, settings_mode=True, start_page=page, supervisor=name, parent=parent)
    dialog.show()
    return dialog
