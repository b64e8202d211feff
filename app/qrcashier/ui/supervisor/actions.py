"""The supervisor's entry points for the main window and the app start-up, in one object.

Start-up (ui/shell/app.py, before the main window, inside the running loop):

    options = Options.from_args(args)
    prepared = await settings_for_start(args, options)   # wizard / token page when needed
    if prepared is None:
        return 0                                   # the installer cancelled the first-run setup
    services.settings, services.tokens = prepared

Main window (after `await services.start()`):

    self.supervisor = SupervisorActions(self, services, settings, tokens)
    self.supervisor.watch_token()                  # a 401 -> plain notice -> supervisor -> token page
    Esc on a live charge      -> self.supervisor.cancel_order(attempt)   (replaces cancel_charge's "cashier")
    sales list "Refund…"      -> self.supervisor.refund(row.attempt.id)
    sales list "Resolve…"     -> self.supervisor.review(row.attempt.id)
    Ctrl+Shift+A              -> self.supervisor.audit_log()  (asks the PIN)
    Ctrl+,  (Settings)        -> self.supervisor.open_settings()

Every action asks for the supervisor PIN when it is confirmed (SupervisorGate), never once
per session; the dialogs are non-modal and kept referenced here until they close.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import qasync
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from qrcashier.settings import AppSettings, Mode
from qrcashier.setup.constants import DEFAULT_API_URL
from qrcashier.token_store import TokenStore

if TYPE_CHECKING:  # the wizard and the dialogs load when an action runs, not for the first paint
    from qrcashier.services import Services
    from qrcashier.setup.env import SetupEnv
    from qrcashier.ui.setup.wizard import SetupDialog
    from qrcashier.ui.supervisor.audit_log import AuditLogDialog
    from qrcashier.ui.supervisor.cancel import CancelOrderDialog
    from qrcashier.ui.supervisor.refund import RefundDialog
    from qrcashier.ui.supervisor.review import ReviewDialog
    from qrcashier.ui.supervisor.token_refused import TokenRefusedNotice, TokenRefusedWatch


def open_settings_and_tokens(profile: str | None = None) -> tuple[AppSettings, TokenStore]:
    """The user's settings and the token store for this register (the platform's own store)."""
    settings = AppSettings() if profile is None else AppSettings(profile=profile)
    return settings, TokenStore.for_platform(settings.keyring_account)


async def settings_for_start(args: Any, options: Any) -> tuple[AppSettings, TokenStore | None] | None:
    """For ui/shell/app.py, before the main window: the settings the app runs with, `options`
    filled from them. None: the installer cancelled the first-run wizard, quit. Only the first
    run (the wizard saves the token) opens the token store here; otherwise it waits for the
    first paint (`tokens_after_paint`): choosing a keyring backend takes about 0.3 s and an
    unlock prompt could hold the window. With --sandbox the demo runs as asked (the settings
    give the supervisor PIN only; no token store is opened)."""
    settings = AppSettings()
    if getattr(args, "sandbox", False):
        return settings, None
    if settings.is_configured():
        settings.apply_to(options)  # everything but the token
        return settings, None
    tokens = await asyncio.to_thread(TokenStore.for_platform, settings.keyring_account)
    if not await prepare_start(settings, tokens):
        return None
    await _apply_with_token(settings, options, tokens)
    return settings, tokens


async def tokens_after_paint(settings: AppSettings, options: Any) -> TokenStore | None:
    """After the first paint (the window shows "starting"): open the token store and read the
    token, asking for it on the token page when a real account has none. None: cancelled, quit."""
    tokens = await asyncio.to_thread(TokenStore.for_platform, settings.keyring_account)
    if not await prepare_start(settings, tokens):
        return None
    await _apply_with_token(settings, options, tokens)
    return tokens


async def _apply_with_token(settings: AppSettings, options: Any, tokens: TokenStore) -> None:
    """`settings.apply_to(options, tokens)` with the keyring read off the Qt thread."""
    token = await asyncio.to_thread(tokens.get) if settings.mode == Mode.ACCOUNT else None
    settings.apply_to(options)
    if settings.mode == Mode.ACCOUNT:
        options.token = token.reveal() if token is not None else None


async def prepare_start(
    settings: AppSettings, tokens: TokenStore, *, sandbox_flag: bool = False, env: SetupEnv | None = None
) -> bool:
    """Before the main window: the first-run wizard when nothing is set up, or the token page
    when a real account has no token (removed, or kept for one session only). False when the
    installer cancelled; `--sandbox` skips both."""
    if sandbox_flag:
        return True
    configured = settings.is_configured()
    if configured and (settings.mode != Mode.ACCOUNT or await asyncio.to_thread(tokens.get) is not None):
        if env is not None:
            await env.aclose()
        return True  # nothing to ask: the wizard's modules stay unloaded (about 60 ms)
    from qrcashier.setup.env import SetupEnv
    from qrcashier.ui.setup.widgets import system_printers
    from qrcashier.ui.setup.wizard import SetupDialog, run_first_run_setup

    env = env or SetupEnv(settings, tokens, printers=system_printers)
    try:
        if not configured:
            return await run_first_run_setup(env)
        if settings.mode == Mode.ACCOUNT:
            dialog = SetupDialog(env, settings_mode=True, start_page="token")
            dialog.show()
            await dialog.future
            return await asyncio.to_thread(tokens.get) is not None
        return True
    finally:
        await env.aclose()


class SupervisorActions(QObject):
    """Opens the supervisor dialogs for the main window (see the module docstring)."""

    token_changed = Signal(object)  # AccessToken or None: the app reconnects with it (services restart)
    settings_saved = Signal()

    def __init__(self, window: QWidget, services: Services, settings: AppSettings, tokens: TokenStore | None) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.settings = settings
        self._tokens = tokens
        from qrcashier.ui.supervisor.pin import SupervisorGate

        self.gate = SupervisorGate(settings)
        self.watch: TokenRefusedWatch | None = None
        self.dialogs: list[QWidget] = []

    @property
    def tokens(self) -> TokenStore:
        """The token store (opened on first use when the app started with --sandbox)."""
        if self._tokens is None:
            self._tokens = TokenStore.for_platform(self.settings.keyring_account)
        return self._tokens

    @property
    def engine(self):
        return self.services.engine

    @property
    def site(self):
        return self.services.site

    def _keep(self, dialog: QWidget) -> QWidget:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.open()
        return dialog

    def _ready(self) -> bool:
        if self.engine is None:
            from qrcashier.ui.shell import errors

            errors.message_box(
                self.window, QCoreApplication.translate("SupervisorActions", "Not connected yet"),
                QCoreApplication.translate(
                    "SupervisorActions", "Supervisor actions are available once QR Cashier is connected."
                ),
            )
            return False
        return True

    # --- the actions -----------------------------------------------------------------------------

    def cancel_order(self, attempt) -> CancelOrderDialog | None:
        """Cancel the live order on the QR (paid wins: the dialog says which happened)."""
        if not self._ready():
            return None
        from qrcashier.ui.supervisor.cancel import CancelOrderDialog

        return self._keep(CancelOrderDialog(self.engine, self.gate, attempt, self.site, self.window))

    def refund(self, attempt_id: int) -> RefundDialog | None:
        """Refund a paid sale (its attempt), in full or in part."""
        if not self._ready():
            return None
        from qrcashier.ui.supervisor import refund_slip
        from qrcashier.ui.supervisor.refund import RefundDialog

        dialog = RefundDialog(self.engine, self.gate, self.site, attempt_id, self.window)
        refund_slip.attach(dialog, self.window)  # a refund slip after each approved refund
        return self._keep(dialog)

    def review(self, attempt_id: int) -> ReviewDialog | None:
        """Resolve a sale that needs review, after the live lookup."""
        if not self._ready():
            return None
        from qrcashier.ui.supervisor.review import ReviewDialog

        return self._keep(ReviewDialog(self.engine, self.gate, self.site, attempt_id, self.window))

    async def audit_log(self) -> AuditLogDialog | None:
        """The audit log and its CSV export, after the supervisor's PIN (issue 14.6: it names who
        refunded what, and it was open to anyone at the counter)."""
        if not self._ready():
            return None
        name = await self.gate.ask(self.window, QCoreApplication.translate("SupervisorActions", "see the audit log"))
        if not name:
            return None
        from qrcashier.ui.supervisor.audit_log import AuditLogDialog

        return self._keep(AuditLogDialog(self.engine, self.window))

    def setup_env(self) -> SetupEnv:
        """The Settings pages' view of the running app: its HTTP client, sandbox and journal."""
        from qrcashier.setup.env import SetupEnv
        from qrcashier.ui.setup.widgets import system_printers

        options = self.services.options
        sandbox = self.services.sandbox
        return SetupEnv(
            self.settings, self.tokens,
            http=self.services.http,
            api_base_url=(None if options.sandbox else options.base_url) or DEFAULT_API_URL,
            sandbox_base_url=sandbox.base_url if sandbox is not None else None,
            printers=system_printers,
            audit=self.engine.audit if self.engine is not None else None,
        )

    @qasync.asyncSlot()
    async def open_settings(self, page: str | None = None) -> SetupDialog | None:
        """Settings (after the PIN). Its token and save signals are passed on."""
        from qrcashier.ui.setup.wizard import open_settings

        env = self.setup_env()
        dialog = await open_settings(self.window, env, self.gate, page=page)
        if dialog is None:
            await env.aclose()
            return None
        self.dialogs.append(dialog)
        dialog.token_changed.connect(self._token_changed)
        dialog.saved.connect(self.settings_saved)

        def closed(_result: int) -> None:
            if dialog in self.dialogs:
                self.dialogs.remove(dialog)
            asyncio.ensure_future(env.aclose())

        dialog.finished.connect(closed)
        return dialog

    def _token_changed(self, token) -> None:
        if self.watch is not None:
            self.watch.reset()
        self.token_changed.emit(token)

    # --- a refused token -----------------------------------------------------------------------

    def watch_token(self) -> TokenRefusedWatch | None:
        """Show the plain 401 notice once per episode; its button leads to the token page."""
        http = self.services.http
        if http is None or self.watch is not None:
            return self.watch
        from qrcashier.ui.supervisor.token_refused import TokenRefusedWatch

        options = self.services.options
        sandbox = self.services.sandbox
        base = sandbox.base_url if sandbox is not None else (options.base_url or DEFAULT_API_URL)
        self.watch = TokenRefusedWatch(http, base, self.token_refused)
        return self.watch

    def token_refused(self) -> TokenRefusedNotice:
        from qrcashier.ui.supervisor.token_refused import TokenRefusedNotice

        notice = TokenRefusedNotice(self.window)
        notice.supervisor_requested.connect(lambda: self.open_settings("token"))
        self._keep(notice)
        return notice

    def close(self) -> None:
        if self.watch is not None:
            self.watch.remove()
            self.watch = None
        for dialog in list(self.dialogs):
            try:
                dialog.close()
            except RuntimeError:
                pass
        self.dialogs.clear()
