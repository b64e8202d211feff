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
import functools
import html
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import (
    API_GENERATIONS,
    DEFAULT_ENDPOINT_HOST,
    DEFAULT_ENDPOINT_PORT,
    LANGUAGES,
    QR_MODES,
    UNATTENDED_CONTRACTS,
    AppSettings,
    Mode,
    register_id_for,
    support_text,
)
from qrcashier.supervisor import InvalidPin, hash_pin, validate_new_pin
from qrcashier.token_store import ALTERNATIVES, NoSecureStore, TokenStore, TokenStoreError, choose_backend
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.dialogs import BAD_COLOUR, Busy, Outcome

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")

log = logging.getLogger("qrcashier.ui.setup")

DEFAULT_API_URL = "https://api.mercadopago.com"
SANDBOX_TOKEN = "SANDBOX-MLA-demo"  # the embedded sandbox's account (services.py uses the same)
CREDENTIALS_HINT = QT_TRANSLATE_NOOP(
    "setup", "Mercado Pago › Your integrations › your application › Production credentials › Access token"
)
# A public key pasted by mistake: the prefix and a UUID (an access token has digits and dashes instead).
PUBLIC_KEY = re.compile(r"^(APP_USR|TEST)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# One sentence each, for the installer who pasted the token (not the cashier).
# (English sources; `_tr` gives them in the app's language where they are shown.)
TOKEN_MESSAGES = {
    "unauthorized": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago refused this access token (401): it is wrong, revoked or expired, so copy it again "
        "from Your integrations › Credentials.",
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "setup",
        "The token works but this account may not use in-store QR payments (403): enable QR payments for "
        "the account, or use the token of the account that owns the store.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago does not recognise what was asked with this token (404): check that you copied the "
        "access token, not the public key or the client id.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago could not be reached: check this computer's internet connection (and any proxy or "
        "firewall), then press Check again.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "setup", "Mercado Pago did not answer in time: check the internet connection, then press Check again."
    ),
    "public_key": QT_TRANSLATE_NOOP(
        "setup", "That is a public key, not an access token: copy the Access token from Your integrations › Credentials."
    ),
    "invalid": QT_TRANSLATE_NOOP("setup", "An access token is one word with no spaces: paste it again."),
}
TEST_ACCOUNT_NOTE = QT_TRANSLATE_NOOP(
    "setup", "This is a TEST account token: payments are simulated, so use it to try QR Cashier, not for real sales."
)
# A self-service register (the POS carries our URL): one sentence each, for the installer.
UNATTENDED_MESSAGES = {
    "missing_url": QT_TRANSLATE_NOOP(
        "setup",
        "Type the public URL Mercado Pago will call for this register: the https address of your reverse proxy.",
    ),
    "invalid_url": QT_TRANSLATE_NOOP(
        "setup",
        "The public URL is not a web address Mercado Pago can call: type it whole, like "
        "https://pay.example.com/mp/unattended, with no spaces.",
    ),
    "https": QT_TRANSLATE_NOOP(
        "setup", "Mercado Pago calls self-service registers over the internet, so the public URL must be an https:// address."
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "setup", "With this public URL the register's URL would be longer than the 299 characters Mercado Pago allows: "
        "use a shorter one.",
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago refused to give the register this URL (403): its domain is not enabled for self-service on "
        "this account, so ask your Mercado Pago contact to enable it.",
    ),
    "rejected_url": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago did not accept this URL for the register (400): check the public URL, then press Check and "
        "create again.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago could not be reached to set up the self-service register: check this computer's internet "
        "connection, then press Check and create again.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago did not answer in time while setting up the self-service register: check the internet "
        "connection, then press Check and create again.",
    ),
    "api": QT_TRANSLATE_NOOP(
        "setup",
        "A self-service register uses In-store orders v2 with the register's printed QR: choose them under Advanced.",
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("setup", text)


def self_service_pos_url(mode: Mode | None, public_url: str, pos_external_id: str, host: str, port: int) -> str:
    """The `url` a self-service register's POS gets: built on the public URL, or in the
    sandbox (no public URL typed) on the local endpoint. ValueError: one sentence (translated)."""
    from urllib.parse import urlsplit

    from qrcashier.unattended.addresses import check_public_url, local_route, pos_url

    public_url = (public_url or "").strip()
    if not public_url:
        if mode != Mode.SANDBOX:
            raise ValueError(_tr(UNATTENDED_MESSAGES["missing_url"]))
        route = local_route(host, port)
    else:
        try:
            check_public_url(public_url)
        except ValueError:
            raise ValueError(_tr(UNATTENDED_MESSAGES["invalid_url"])) from None
        if mode != Mode.SANDBOX and urlsplit(public_url).scheme != "https":
            raise ValueError(_tr(UNATTENDED_MESSAGES["https"]))
        route = public_url
    try:
        return pos_url(route, pos_external_id)
    except ValueError:
        raise ValueError(_tr(UNATTENDED_MESSAGES["too_long"])) from None


def self_service_conflict(api_generation: str, qr_mode: str) -> str | None:
    """Why a self-service register cannot run with this API / QR mode, or None."""
    if api_generation != "instore_v2" or qr_mode != "static":
        return _tr(UNATTENDED_MESSAGES["api"])
    return None


def unattended_error(exc: BaseException) -> str | None:
    """One sentence for what went wrong giving a register the self-service URL; None: not
    one of these (the page's usual `errors.report` sentence applies)."""
    from qrcashier.mercadopago import errors as mp

    on_pos = isinstance(exc, mp.MercadoPagoError) and exc.method == "PUT" and exc.path.startswith("/pos/")
    if isinstance(exc, mp.Forbidden) and on_pos:
        return _tr(UNATTENDED_MESSAGES["forbidden"])
    if isinstance(exc, mp.BadRequest) and on_pos and "url" in f"{exc.code or ''} {exc.mp_message}".lower():
        return _tr(UNATTENDED_MESSAGES["rejected_url"])
    if isinstance(exc, mp.Unreachable):
        return _tr(UNATTENDED_MESSAGES["unreachable"])
    if isinstance(exc, mp.Timeout):
        return _tr(UNATTENDED_MESSAGES["timeout"])
    return None


# --- checking a token (no widgets) --------------------------------------------------------------


@dataclass(frozen=True)
class TokenCheck:
    ok: bool
    kind: str  # ok | unauthorized | forbidden | not_found | unreachable | timeout | public_key | invalid | error
    message: str
    user: Any = None  # mercadopago.models.User
    stores: tuple[Any, ...] = ()
    is_test: bool = False


def parse_token(text: str) -> AccessToken | TokenCheck:
    """The pasted text as a token, or a failed TokenCheck saying what is wrong (no network)."""
    text = (text or "").strip()
    if PUBLIC_KEY.match(text):
        return TokenCheck(False, "public_key", _tr(TOKEN_MESSAGES["public_key"]))
    try:
        return AccessToken(text)
    except ValueError:
        return TokenCheck(False, "invalid", _tr(TOKEN_MESSAGES["invalid"]))


async def check_token(client) -> TokenCheck:
    """GET /users/me, then a store search (which needs the in-store QR permission: 403 there)."""
    from qrcashier.mercadopago import errors as mp

    token = client.http.token
    try:
        user = await client.get_me()
        page = await client.search_stores(user.id, limit=50)
    except mp.Unauthorized:
        return TokenCheck(False, "unauthorized", _tr(TOKEN_MESSAGES["unauthorized"]))
    except mp.Forbidden:
        return TokenCheck(False, "forbidden", _tr(TOKEN_MESSAGES["forbidden"]))
    except mp.NotFound:
        return TokenCheck(False, "not_found", _tr(TOKEN_MESSAGES["not_found"]))
    except mp.Timeout:
        return TokenCheck(False, "timeout", _tr(TOKEN_MESSAGES["timeout"]))
    except mp.Unreachable:
        return TokenCheck(False, "unreachable", _tr(TOKEN_MESSAGES["unreachable"]))
    except mp.MercadoPagoError as exc:
        return TokenCheck(False, "error", errors.user_message(exc))
    who = user.nickname or fmt(translate("setup", "user %1"), user.id)
    message = fmt(translate("setup", "Connected to %1 (user %2, site %3)."), who, user.id, user.site_id)
    return TokenCheck(True, "ok", message, user, tuple(page.results), token.is_test)


# --- what the pages share -----------------------------------------------------------------------


class SetupEnv:
    """What the setup pages talk to: settings, the token store, HTTP, the sandbox, printers.

    `http`: the app's httpx.AsyncClient (one is made, and closed by `aclose`, when None).
    `api_base_url`: Mercado Pago's API (tests: a sandbox's base_url, with a real-account token).
    `sandbox_base_url`: a sandbox already running (the app's own); else one is started on
    loopback when the sandbox branch needs it, and closed by `aclose`.
    `audit(actor, action, reason, details)`: an awaitable writing to the journal's audit log
    (see `journal_audit`); None before the journal exists (first run).
    """

    def __init__(
        self,
        settings: AppSettings,
        tokens: TokenStore,
        *,
        http=None,
        api_base_url: str = DEFAULT_API_URL,
        sandbox_base_url: str | None = None,
        sandbox_token: str = SANDBOX_TOKEN,
        printers: Callable[[], list[str]] | None = None,
        audit: Callable[[str, str, str, dict], Awaitable[None]] | None = None,
        choose: Callable[[], Any] = choose_backend,
        timeout: float = 10.0,
    ) -> None:
        self.settings = settings
        self.tokens = tokens
        self._http = http
        self._own_http = False
        self.api_base_url = api_base_url.rstrip("/")
        self.sandbox_base_url = sandbox_base_url
        self.sandbox_token = sandbox_token
        self._sandbox = None
        self._printers = printers
        self.audit = audit
        self.choose = choose
        self.timeout = timeout

    def printers(self) -> list[str]:
        if self._printers is not None:
            return list(self._printers())
        from qrcashier.ui.printing.qprinter import available_printers

        return available_printers()

    def http(self):
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient(timeout=httpx.Timeout(self.timeout, connect=min(5.0, self.timeout)))
            self._own_http = True
        return self._http

    async def sandbox_url(self) -> str:
        if self.sandbox_base_url is None:
            from qrcashier.sandbox.server import SandboxServer

            self._sandbox = await SandboxServer.start(host="127.0.0.1", port=0, default_site=self.settings.site)
            self.sandbox_base_url = self._sandbox.base_url
            log.info("setup: sandbox on %s", self.sandbox_base_url)
        return self.sandbox_base_url

    async def client(self, mode: Mode, token: AccessToken | None):
        """A Mercado Pago client for the mode: the sandbox's (its own token) or the account's."""
        import httpx

        from qrcashier.mercadopago import MercadoPagoClient, MercadoPagoHTTP, RetryPolicy

        if mode == Mode.SANDBOX:
            base, token = await self.sandbox_url(), AccessToken(self.sandbox_token)
        else:
            if token is None:
                raise TokenStoreError(translate("setup", "There is no access token yet: paste one on the Mercado Pago account page."))
            base = self.api_base_url
        http = MercadoPagoHTTP(
            self.http(), token, base_url=base, timeout=httpx.Timeout(self.timeout, connect=min(5.0, self.timeout)),
            retry=RetryPolicy(attempts=2, base_delay=0.2),
        )
        return MercadoPagoClient(http)

    async def write_audit(self, actor: str, action: str, reason: str = "", details: dict | None = None) -> None:
        if self.audit is None:
            return
        try:
            await self.audit(actor, action, reason, details or {})
        except Exception:
            log.exception("could not write the audit row for %s", action)

    async def aclose(self) -> None:
        if self._sandbox is not None:
            sandbox, self._sandbox = self._sandbox, None
            self.sandbox_base_url = None
            await sandbox.close()
        if self._own_http and self._http is not None:
            http, self._http = self._http, None
            self._own_http = False
            await http.aclose()


def journal_audit(engine) -> Callable[[str, str, str, dict], Awaitable[None]]:
    """An `audit` callable for SetupEnv that writes to the engine's journal."""
    from datetime import datetime

    from qrcashier.checkout.journal import Audit

    async def write(actor: str, action: str, reason: str, details: dict) -> None:
        now = datetime.now(UTC)
        await engine.journal.run(lambda db: db.add_audit(Audit(actor, action, reason, details), now))

    return write


@dataclass
class SetupState:
    """What the pages decided, before it is written (Finish / Save)."""

    mode: Mode | None = None
    token: AccessToken | None = None  # a newly pasted and checked token, not saved yet
    check: TokenCheck | None = None
    session_only: bool = False
    user: Any = None
    provisioned: Any = None  # provisioning.Provisioned
    store_name: str = ""
    store_external_id: str = ""
    register_name: str = ""
    pos_external_id: str = ""
    printer: str | None = None
    language: str = "en"
    api_generation: str = "instore_v2"
    qr_mode: str = "static"
    pin_hash: str | None = None
    messages: list[str] = field(default_factory=list)
    # self-service (the unattended model)
    self_service: bool = False
    public_url: str = ""
    pos_url: str | None = None  # the url the POS was given (self-service), once provisioned
    unattended_contract: str = "202"
    endpoint_host: str = DEFAULT_ENDPOINT_HOST
    endpoint_port: int = DEFAULT_ENDPOINT_PORT

    @classmethod
    def from_settings(cls, s: AppSettings) -> SetupState:
        return cls(
            mode=s.mode, store_name=s.store_name, store_external_id=s.store_external_id,
            register_name=s.register_name, pos_external_id=s.pos_external_id, printer=s.printer,
            language=s.language, api_generation=s.api_generation, qr_mode=s.qr_mode,
            self_service=s.self_service, public_url=s.endpoint_public_url or "",
            unattended_contract=s.unattended_contract, endpoint_host=s.endpoint_host, endpoint_port=s.endpoint_port,
        )


def _label(text: str = "", *, bold: bool = False, size: int | None = None, muted: bool = False) -> QLabel:
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


def _field_grid(fields: list[tuple[str, QWidget]]) -> QWidget:
    """Label/field pairs laid out two to a row."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    for n, (label, field_) in enumerate(fields):
        row, col = divmod(n, 2)
        grid.addWidget(QLabel(label), row, col * 2)
        grid.addWidget(field_, row, col * 2 + 1)
    return box


def _error_label() -> QLabel:
    label = _label()
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
            flow = self if isinstance(self, SetupDialog) else self.flow
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


class ModePage(SetupPage):
    key = "mode"
    title = QT_TRANSLATE_NOOP("SetupPage", "How will you use QR Cashier?")
    intro = QT_TRANSLATE_NOOP("SetupPage", "You can change this later in Settings.")

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.sandbox_button = self._choice(
            self.tr("Try it with the sandbox"),
            self.tr("No account needed. A built-in copy of Mercado Pago answers; payments are pretend and made from "
            "a phone page on this computer."),
        )
        self.account_button = self._choice(
            self.tr("Connect my Mercado Pago account"),
            self.tr("Take real payments. You will paste the account's access token, then choose the store and register."),
        )
        self.sandbox_button.clicked.connect(lambda: self.choose(Mode.SANDBOX))
        self.account_button.clicked.connect(lambda: self.choose(Mode.ACCOUNT))
        layout = QVBoxLayout(self)
        layout.addWidget(self.sandbox_button)
        layout.addWidget(self.account_button)
        layout.addStretch(1)
        self._show()

    def _choice(self, title: str, text: str) -> QPushButton:
        """A big checkable card: the choice in bold, what it means under it (both already translated)."""
        button = QPushButton()
        button.setAccessibleName(title)
        button.setAccessibleDescription(text)
        button.setCheckable(True)
        button.setMinimumHeight(104)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setStyleSheet(
            "QPushButton { border: 2px solid #c9ccd1; border-radius: 8px; background: #ffffff; }"
            f" QPushButton:checked {{ border: 3px solid {theme.ACCENT}; background: #e6f0f6; }}"
            f" QPushButton:focus:!checked {{ border: 3px solid {theme.FOCUS}; }}"
        )
        head = QLabel(title)
        head.setStyleSheet("font-size: 19px; font-weight: 700; color: #1a1a1a; background: transparent;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setStyleSheet(f"font-size: 15px; color: {theme.MUTED}; background: transparent;")
        inner = QVBoxLayout(button)
        inner.setContentsMargins(18, 12, 18, 12)
        inner.setSpacing(4)
        for label in (head, body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(label)
        return button

    def enter(self) -> None:
        # The page holds the keyboard focus: no focus ring that looks like a choice already made.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()

    def choose(self, mode: Mode) -> None:
        if self.state.mode != mode:
            self.state.mode = mode
            self.state.provisioned = None  # another account: the store must be checked again
        self._show()
        self._changed()

    def _show(self) -> None:
        self.sandbox_button.setChecked(self.state.mode == Mode.SANDBOX)
        self.account_button.setChecked(self.state.mode == Mode.ACCOUNT)

    def is_complete(self) -> bool:
        return self.state.mode is not None

    async def save(self, settings: AppSettings, actor: str) -> None:
        if self.state.mode is not None:
            settings.mode = self.state.mode


class TokenPage(SetupPage):
    key = "token"
    title = QT_TRANSLATE_NOOP("SetupPage", "Mercado Pago access token")
    intro = QT_TRANSLATE_NOOP("SetupPage", "Paste the account's access token. Find it at: %1.")

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.current = _label()
        self.current_read = False  # the saved token's hint has been read (on a worker thread)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("APP_USR-…  (production)   or   TEST-…  (test account)"))
        self.field.setMinimumHeight(40)
        self.field.setStyleSheet("font-size: 16px;")
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self.check)
        self.show_box = QCheckBox(self.tr("Show"))
        self.show_box.toggled.connect(
            lambda on: self.field.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        )
        self.check_button = theme.big_button(self.tr("Check token"), "Enter", role="primary")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.show_box)
        row.addWidget(self.check_button)
        self.busy = Busy()
        self.result = Outcome()
        self.test_note = Outcome()
        # where the token goes
        self.store_line = _label(muted=True)
        self.insecure = QFrame()
        self.insecure.setStyleSheet("QFrame { background: #fff4d6; border-radius: 6px; }")
        insecure_layout = QVBoxLayout(self.insecure)
        self.insecure_text = _label(bold=True)
        insecure_layout.addWidget(self.insecure_text)
        insecure_layout.addWidget(_label(self.tr("What you can do instead:")))
        for alternative in ALTERNATIVES:
            insecure_layout.addWidget(_label("• " + engine_text(alternative)))
        self.session_box = QCheckBox(self.tr("Keep the token for this session only (asked again at the next start)"))
        self.session_box.toggled.connect(self._session_toggled)
        self.recheck_button = QPushButton(self.tr("Check again for a password store"))
        self.recheck_button.clicked.connect(self.recheck_store)
        srow = QHBoxLayout()
        srow.addWidget(self.session_box, 1)
        srow.addWidget(self.recheck_button)
        insecure_layout.addLayout(srow)
        # Settings: remove
        self.remove_button = theme.big_button(self.tr("Remove the token"), None, role="danger")
        self.remove_button.clicked.connect(self.ask_remove)
        self.remove_button.setVisible(flow.settings_mode)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addWidget(self.test_note)
        layout.addWidget(self.store_line)
        layout.addWidget(self.insecure)
        layout.addStretch(1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._working = False
        self.confirm_box = None
        self._show_store()

    def applies(self) -> bool:
        return self.state.mode == Mode.ACCOUNT

    def enter(self) -> None:
        self._show_current()
        self._show_store()
        self.field.setFocus()

    @dialog_slot()
    async def _show_current(self) -> None:
        """What is saved now (read on a worker thread: a locked store may ask to be unlocked)."""
        tokens = self.env.tokens

        def read():
            saved = tokens.get()
            return saved, tokens.where() if saved is not None else ""

        try:
            saved, where = await asyncio.get_running_loop().run_in_executor(None, read)
        except TokenStoreError as exc:
            self.current.setText(engine_text(exc.user_message))
            self.current.show()
            return
        self.current_read = True
        if saved is not None and self.state.token is None:
            self.current.setText(fmt(
                self.tr("Current token: %1 (TEST account), %2. Paste a new one to replace it.") if saved.is_test
                else self.tr("Current token: %1, %2. Paste a new one to replace it."),
                saved.hint, _where(where),
            ))
        else:
            self.current.setText("")
        self.current.setVisible(bool(self.current.text()))
        self.remove_button.setEnabled(saved is not None)

    def _show_store(self) -> None:
        tokens = self.env.tokens
        if tokens.is_secure:
            self.store_line.setText(fmt(self.tr("The token is saved only in %1, never in a file."), tokens.backend_name))
            self.insecure.hide()
        else:
            self.store_line.setText("")
            self.insecure_text.setText(engine_text(tokens.warning) or self.tr("No secure password store is available."))
            self.insecure.show()

    def _edited(self, _text: str) -> None:
        self.state.token = None
        self.state.check = None
        self.result.clear()
        self.test_note.clear()
        self._changed()

    def _session_toggled(self, on: bool) -> None:
        self.state.session_only = on
        self._changed()

    def recheck_store(self) -> None:
        self.env.tokens.choice = self.env.choose()
        self._show_store()
        self._changed()

    def is_complete(self) -> bool:
        if self.flow.settings_mode and self.state.token is None:
            return True  # keeping the saved token
        return (
            self.state.check is not None and self.state.check.ok
            and (self.env.tokens.is_secure or self.state.session_only)
        )

    @dialog_slot()
    async def check(self) -> None:
        if self._working:
            return
        parsed = parse_token(self.field.text())
        self.test_note.clear()
        if isinstance(parsed, TokenCheck):
            self._show_check(parsed)
            return
        self._working = True
        self.check_button.setEnabled(False)
        self.busy.start(self.tr("Asking Mercado Pago who this token belongs to…"))
        try:
            client = await self.env.client(Mode.ACCOUNT, parsed)
            result = await check_token(client)
        finally:
            self._working = False
            self.busy.stop()
            self.check_button.setEnabled(True)
        if result.ok:
            self.state.token = parsed
            self.state.user = result.user
            self.state.provisioned = None
        self._show_check(result)

    def _show_check(self, result: TokenCheck) -> None:
        self.state.check = result
        self.result.show_result("ok" if result.ok else "error", result.message)
        if result.ok and result.is_test:
            self.test_note.show_result("warn", _tr(TEST_ACCOUNT_NOTE))
        self._changed()

    async def commit(self) -> bool:
        if self.state.check is None and self.field.text().strip():
            await self.check()
        if self.flow.settings_mode and self.state.token is None:
            return self.state.check is None or self.state.check.ok
        return self.is_complete()

    async def save(self, settings: AppSettings, actor: str) -> None:
        token, check = self.state.token, self.state.check
        if token is None or check is None or not check.ok:
            return
        if self.env.tokens.is_secure:
            # NoSecureStore / TokenStoreError go to the caller; off the loop: the store may prompt.
            # The closure holds the store and the token only: never a widget (it must not be
            # released on the worker thread) and never the token as an argument (qasync logs those).
            tokens = self.env.tokens
            await asyncio.get_running_loop().run_in_executor(None, lambda: tokens.set(token))
        elif self.state.session_only:
            self.env.tokens.keep_for_session(token)
        else:
            raise NoSecureStore(self.env.tokens.warning or translate("setup", "There is no secure place for the token."))
        settings.user_id = check.user.id
        settings.site = check.user.site_id
        settings.nickname = check.user.nickname
        settings.test_account = check.is_test
        await self.env.write_audit(actor, "token_replaced", "", {"token": token.hint, "user_id": check.user.id})
        self.flow.token_changed.emit(token)
        self.state.token = None
        self.field.clear()

    def ask_remove(self) -> None:
        self.confirm_box = errors.message_box(
            self, self.tr("Remove the access token?"),
            self.tr("QR Cashier will not be able to take Mercado Pago payments until a supervisor pastes a token again."),
            icon=QMessageBox.Icon.Question,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            on_finished=lambda b: self.remove() if b == QMessageBox.StandardButton.Yes else None,
        )

    @dialog_slot(write=True)
    async def remove(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self.env.tokens.delete)
        except TokenStoreError as exc:
            self.result.show_result("error", engine_text(exc.user_message))
            return
        await self.env.write_audit(self.flow.supervisor or "supervisor", "token_removed", "removed in Settings", {})
        self.result.show_result("ok", self.tr("The access token was removed from this computer."))
        self.flow.token_changed.emit(None)
        self._show_current()


class StorePage(SetupPage):
    key = "store"
    title = QT_TRANSLATE_NOOP("SetupPage", "Store and register")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "Choose the store and this register's Mercado Pago POS, or create them. The POS takes the amount from "
        "each sale (fixed amount).",
    )
    NEW = "__new__"

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        from qrcashier.provisioning import DEMO_LOCATION

        self.stores: list[Any] = []
        self.pos_list: list[Any] = []
        self._working = False
        self._loaded_for: tuple | None = None
        self.store_box = QComboBox()
        self.store_box.currentIndexChanged.connect(self._store_changed)
        self.store_name = QLineEdit()
        self.store_ext = QLineEdit()
        self.street = QLineEdit()
        self.number = QLineEdit()
        self.city = QLineEdit()
        self.state_name = QLineEdit()
        self.lat = QLineEdit()
        self.lng = QLineEdit()
        self.pos_box = QComboBox()
        self.pos_box.currentIndexChanged.connect(self._pos_changed)
        self.pos_name = QLineEdit()
        self.pos_ext = QLineEdit()
        for field_, hint, max_len in (
            (self.store_name, self.tr("e.g. Kiosco Centro"), 100),
            (self.store_ext, self.tr("letters and digits, e.g. KIOSCO1"), 60),
            (self.street, self.tr("street"), 100),
            (self.number, self.tr("number"), 20),
            (self.city, self.tr("city, as Mercado Libre spells it"), 100),
            (self.state_name, self.tr("province or state"), 100),
            (self.lat, self.tr("latitude, e.g. -34.6037"), 20),
            (self.lng, self.tr("longitude, e.g. -58.3816"), 20),
            (self.pos_name, self.tr("e.g. Caja 1"), 44),
            (self.pos_ext, self.tr("letters and digits, e.g. CAJA1"), 39),
        ):
            field_.setPlaceholderText(hint)
            field_.setMaxLength(max_len)
            field_.textEdited.connect(self._edited)
        self._demo = DEMO_LOCATION
        store_group = QGroupBox(self.tr("Store"))
        sform = QFormLayout(store_group)
        sform.addRow(self.tr("Store"), self.store_box)
        self.new_store = _field_grid([
            (self.tr("Name"), self.store_name), (self.tr("Store id"), self.store_ext),
            (self.tr("Street"), self.street), (self.tr("Number"), self.number),
            (self.tr("City"), self.city), (self.tr("Province"), self.state_name),
            (self.tr("Latitude"), self.lat), (self.tr("Longitude"), self.lng),
        ])
        sform.addRow(self.new_store)
        pos_group = QGroupBox(self.tr("This register (Mercado Pago POS)"))
        pform = QFormLayout(pos_group)
        pform.addRow(self.tr("Register"), self.pos_box)
        self.new_pos = _field_grid([(self.tr("Name"), self.pos_name), (self.tr("POS id"), self.pos_ext)])
        pform.addRow(self.new_pos)
        # How customers pay here: a cashier charges (attended) or the POS carries our URL (self-service).
        self.attended_radio = QRadioButton(self.tr("Attended register (cashier)"))
        self.self_service_radio = QRadioButton(self.tr("Self-service (the POS carries our URL)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.attended_radio)
        self.kind_group.addButton(self.self_service_radio)
        kind = QHBoxLayout()
        kind.addWidget(self.attended_radio)
        kind.addWidget(self.self_service_radio)
        kind.addStretch(1)
        pform.addRow(self.tr("Payment"), kind)
        (self.self_service_radio if self.state.self_service else self.attended_radio).setChecked(True)
        self.attended_radio.toggled.connect(self._kind_changed)
        self.public_url = QLineEdit(self.state.public_url)
        self.public_url.setPlaceholderText(self.tr("e.g. https://pay.example.com/mp/unattended"))
        self.public_url.textEdited.connect(self._edited)
        self.url_hint = _label(muted=True)
        self.self_service_box = QWidget()
        url_layout = QVBoxLayout(self.self_service_box)
        url_layout.setContentsMargins(0, 0, 0, 0)
        url_layout.addWidget(_field_grid([(self.tr("Public URL"), self.public_url)]))
        url_layout.addWidget(self.url_hint)
        pform.addRow(self.self_service_box)
        self.self_service_box.setVisible(self.state.self_service)
        self.problem = _error_label()
        self.busy = Busy()
        self.result = Outcome()
        self.apply_button = theme.big_button(self.tr("Check and create"), None, role="secondary")
        self.apply_button.clicked.connect(self.provision)
        layout = QVBoxLayout(self)
        layout.addWidget(store_group)
        layout.addWidget(pos_group)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)

    # -- loading what the account has

    def enter(self) -> None:
        key = (self.state.mode, self.state.user.id if self.state.user is not None else None)
        if self._loaded_for != key:
            self.load()
        self._show_self_service()
        self._validate()

    @dialog_slot()
    async def load(self) -> None:
        if self._working:
            return
        self._working = True
        self.apply_button.setEnabled(False)
        self.busy.start(self.tr("Reading the account's stores…"))
        key = (self.state.mode, self.state.user.id if self.state.user is not None else None)
        try:
            client = await self.flow.client()
            if self.state.user is None:
                self.state.user = await client.get_me()
                key = (self.state.mode, self.state.user.id)
            page = await client.search_stores(self.state.user.id, limit=50)
        except Exception as exc:
            self.result.show_result("error", errors.report(exc, "setup: stores"))
            self.stores = []
        else:
            self.stores = list(page.results)
            self._loaded_for = key
        finally:
            self._working = False
            self.busy.stop()
        self._fill_stores()
        await self._load_pos()

    def _fill_stores(self) -> None:
        wanted = self.state.store_external_id
        self.store_box.blockSignals(True)
        self.store_box.clear()
        for s in self.stores:
            self.store_box.addItem(f"{s.name} ({s.external_id})", s.external_id)
        self.store_box.addItem(self.tr("New store…"), self.NEW)
        index = self.store_box.findData(wanted) if wanted else -1
        self.store_box.setCurrentIndex(index if index >= 0 else (0 if self.stores else self.store_box.count() - 1))
        self.store_box.blockSignals(False)
        self._prefill_new_store()
        self._show_new()

    def _prefill_new_store(self) -> None:
        if self.store_box.currentData() != self.NEW:
            return
        if not self.store_ext.text():
            self.store_ext.setText(self.state.store_external_id or "KIOSCO1")
            self.store_name.setText(self.state.store_name or "Kiosco")
        if self.state.mode == Mode.SANDBOX and not self.street.text():
            d = self._demo
            for f, v in ((self.street, d.street_name), (self.number, d.street_number), (self.city, d.city_name),
                         (self.state_name, d.state_name), (self.lat, str(d.latitude)), (self.lng, str(d.longitude))):
                f.setText(v)

    async def _load_pos(self) -> None:
        ext = self.store_box.currentData()
        self.pos_list = []
        if ext and ext != self.NEW:
            self.busy.start(self.tr("Reading the store's registers…"))
            try:
                client = await self.flow.client()
                page = await client.list_pos(external_store_id=ext, limit=50)
                self.pos_list = list(page.results)
            except Exception as exc:
                self.result.show_result("error", errors.report(exc, "setup: registers"))
            finally:
                self.busy.stop()
        self._fill_pos()

    def _fill_pos(self) -> None:
        wanted = self.state.pos_external_id
        self.pos_box.blockSignals(True)
        self.pos_box.clear()
        for p in self.pos_list:
            self.pos_box.addItem(f"{p.name} ({p.external_id})", p.external_id)
        self.pos_box.addItem(self.tr("New register…"), self.NEW)
        index = self.pos_box.findData(wanted) if wanted else -1
        self.pos_box.setCurrentIndex(index if index >= 0 else (0 if self.pos_list else self.pos_box.count() - 1))
        self.pos_box.blockSignals(False)
        if self.pos_box.currentData() == self.NEW and not self.pos_ext.text():
            self.pos_ext.setText(self.state.pos_external_id or "CAJA1")
            self.pos_name.setText(self.state.register_name or "Caja 1")
        self._show_new()
        self._validate()

    @dialog_slot()
    async def _store_changed(self, _index: int) -> None:
        self.state.provisioned = None
        self._prefill_new_store()
        self._show_new()
        self.dirty = True
        await self._load_pos()

    def _pos_changed(self, _index: int) -> None:
        self.state.provisioned = None
        if self.pos_box.currentData() == self.NEW and not self.pos_ext.text():
            self.pos_ext.setText("CAJA1")
            self.pos_name.setText("Caja 1")
        self._show_new()
        self._validate()
        self._changed()

    def _show_new(self) -> None:
        self.new_store.setVisible(self.store_box.currentData() == self.NEW)
        self.new_pos.setVisible(self.pos_box.currentData() == self.NEW)

    def _show_self_service(self) -> None:
        self.self_service_box.setVisible(self.state.self_service)
        s = self.state
        if s.mode == Mode.SANDBOX:
            from qrcashier.unattended.addresses import local_route

            hint = fmt(self.tr("In the sandbox the public URL may stay empty: the sandbox calls this computer's "
                               "endpoint, %1, directly."), local_route(s.endpoint_host, s.endpoint_port))
        else:
            hint = fmt(self.tr("The https address of the reverse proxy that forwards to this computer's endpoint "
                               "(port %1); Mercado Pago must have enabled its domain for the account."),
                       s.endpoint_port)
        self.url_hint.setText(hint)

    def _kind_changed(self, _checked: bool) -> None:
        self.state.self_service = self.self_service_radio.isChecked()
        self._show_self_service()
        self._edited("")

    def _edited(self, _text: str) -> None:
        self.state.provisioned = None
        self.state.public_url = self.public_url.text().strip()
        self.result.clear()
        self._validate()
        self._changed()

    def self_service_url(self, spec) -> str | None:
        """The url the POS gets in self-service (None: attended), or raise ProvisioningError."""
        from qrcashier.provisioning import ProvisioningError

        s = self.state
        if not s.self_service:
            return None
        conflict = self_service_conflict(s.api_generation, s.qr_mode)
        if conflict:
            raise ProvisioningError(conflict)
        try:
            return self_service_pos_url(s.mode, self.public_url.text(), spec.pos_external_id,
                                        s.endpoint_host, s.endpoint_port)
        except ValueError as exc:
            raise ProvisioningError(str(exc)) from None

    # -- what was chosen, validated

    def spec(self):
        """The RegisterSpec for the current choices, or raise ProvisioningError / ValueError."""
        from qrcashier.mercadopago.models import Location
        from qrcashier.provisioning import ProvisioningError, RegisterSpec

        store_data = self.store_box.currentData()
        if store_data == self.NEW or store_data is None:
            store_ext = self.store_ext.text().strip()
            store_name = " ".join(self.store_name.text().split())
            if not store_name:
                raise ProvisioningError(self.tr("Give the store a name."))
            try:
                lat, lng = Decimal(self.lat.text().strip()), Decimal(self.lng.text().strip())
            except InvalidOperation:
                raise ProvisioningError(self.tr("Latitude and longitude are numbers, like -34.6037 and -58.3816.")) from None
            if not (lat.is_finite() and lng.is_finite() and abs(lat) <= 90 and abs(lng) <= 180):
                raise ProvisioningError(self.tr("Latitude is between -90 and 90, longitude between -180 and 180."))
            for f, what in ((self.street, self.tr("Mercado Pago needs the store's street.")),
                            (self.number, self.tr("Mercado Pago needs the store's street number.")),
                            (self.city, self.tr("Mercado Pago needs the store's city.")),
                            (self.state_name, self.tr("Mercado Pago needs the store's province or state."))):
                if not f.text().strip():
                    raise ProvisioningError(what)
            location = Location(self.number.text().strip(), self.street.text().strip(), self.city.text().strip(),
                                self.state_name.text().strip(), lat, lng)
        else:
            store = next(s for s in self.stores if s.external_id == store_data)
            store_ext, store_name, location = store_data, store.name, self._demo
        pos_data = self.pos_box.currentData()
        if pos_data == self.NEW or pos_data is None:
            pos_ext = self.pos_ext.text().strip()
            pos_name = " ".join(self.pos_name.text().split())
        else:
            pos = next(p for p in self.pos_list if p.external_id == pos_data)
            pos_ext, pos_name = pos_data, pos.name
        if not pos_name or len(pos_name) >= 45:
            raise ProvisioningError(self.tr("The register's name is 1 to 44 characters."))
        return RegisterSpec(store_ext, pos_ext, store_name=store_name, pos_name=pos_name, location=location)

    def _validate(self) -> str | None:
        from qrcashier.provisioning import ProvisioningError

        try:
            self.self_service_url(self.spec())
        except (ProvisioningError, ValueError, StopIteration) as exc:
            text = engine_text(getattr(exc, "user_message", None) or str(exc)) or self.tr("Choose a store and a register.")
            self.problem.setText(text)
            self.apply_button.setEnabled(False)
            return text
        self.problem.setText("")
        self.apply_button.setEnabled(not self._working)
        return None

    def is_complete(self) -> bool:
        if self.flow.settings_mode and not self.dirty:
            return True
        return self._validate() is None

    @dialog_slot()
    async def provision(self) -> bool:
        from qrcashier.provisioning import ProvisioningError
        from qrcashier.unattended.provisioning import ensure_attended_pos, ensure_unattended_pos

        if self._working:
            return False
        try:
            spec = self.spec()
            url = self.self_service_url(spec)
        except (ProvisioningError, ValueError, StopIteration):
            self._validate()
            return False
        self._working = True
        self.apply_button.setEnabled(False)
        self.result.clear()
        self.busy.start(self.tr("Checking the store and register with Mercado Pago (creating what is missing)…"))
        try:
            client = await self.flow.client()
            if url is not None:  # self-service: the POS carries the endpoint's url, fixed amount
                provisioned = await ensure_unattended_pos(client, spec, url)
            else:  # attended: orders go on the POS (a self-service url is taken off)
                provisioned = await ensure_attended_pos(client, spec)
        except Exception as exc:
            text = errors.report(exc, "setup: provisioning")  # (logged)
            if url is not None:
                text = unattended_error(exc) or text
            self.result.show_result("error", text)
            return False
        finally:
            self._working = False
            self.busy.stop()
            self._validate()
        self.state.provisioned = provisioned
        self.state.pos_url = url
        self.state.user = provisioned.user
        self.state.store_external_id, self.state.store_name = spec.store_external_id, provisioned.store.name
        self.state.pos_external_id, self.state.register_name = spec.pos_external_id, provisioned.pos.name
        if provisioned.created_store and provisioned.created_pos:
            text = self.tr("Created the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.")
        elif provisioned.created_store:
            text = self.tr("Created the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), "
                           "which will be reused.")
        elif provisioned.created_pos:
            text = self.tr("Found the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.")
        else:
            text = self.tr("Found the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), "
                           "which will be reused.")
        text = fmt(text, provisioned.store.name, spec.store_external_id, provisioned.pos.name, spec.pos_external_id,
                   provisioned.pos.id)
        if url is not None:
            text += " " + fmt(self.tr("Self-service: Mercado Pago will ask %1 for each order."), url)
        self.result.show_result("ok", text)
        # What was created now exists: show it chosen, not as "New store…" with its fields.
        if all(st.external_id != spec.store_external_id for st in self.stores):
            self.stores.append(provisioned.store)
        if all(p.external_id != spec.pos_external_id for p in self.pos_list):
            self.pos_list.append(provisioned.pos)
        self._fill_stores()
        self._fill_pos()
        self.dirty = True
        self.completeChanged.emit()
        return True

    async def commit(self) -> bool:
        if self.flow.settings_mode and not self.dirty:
            return True
        if self.state.provisioned is None:
            task = self.provision()
            return bool(await task)
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        p = self.state.provisioned
        if p is None:
            return
        settings.user_id = p.user.id
        settings.site = p.user.site_id
        settings.store_external_id = self.state.store_external_id
        settings.store_id = p.store.id
        settings.store_name = p.store.name
        settings.pos_external_id = self.state.pos_external_id
        settings.pos_id = p.pos.id
        settings.register_name = p.pos.name
        settings.register_id = register_id_for(self.state.pos_external_id)
        settings.self_service = self.state.pos_url is not None
        if self.state.pos_url is not None:
            settings.endpoint_public_url = self.public_url.text().strip() or None


class StickerPage(SetupPage):
    key = "sticker"
    title = QT_TRANSLATE_NOOP("SetupPage", "The register's QR sticker")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Customers scan this QR to pay. Print it and stick it where they can reach it with a phone."
    )

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.preview = QLabel()
        self.preview.setFixedSize(QSize(300, 424))  # A6 proportions
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(f"border: 1px solid {theme.LINE}; background: #ffffff;")
        self.printer_box = QComboBox()
        self.print_button = theme.big_button(self.tr("Print sticker"), None, role="primary")
        self.pdf_button = theme.big_button(self.tr("Save as PDF…"), None, role="secondary")
        self.print_button.clicked.connect(self.print_sticker)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.note = _label(muted=True)
        self.result = Outcome()
        side = QVBoxLayout()
        side.addWidget(_label(self.tr("Printer for the sticker (A6)")))
        side.addWidget(self.printer_box)
        side.addWidget(self.print_button)
        side.addWidget(self.pdf_button)
        side.addWidget(self.note)
        side.addWidget(self.result)
        side.addStretch(1)
        column = QWidget()
        column.setLayout(side)
        column.setMaximumWidth(380)
        layout = QHBoxLayout(self)
        layout.setSpacing(24)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(column, 1, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(0)
        self.payload: str | None = None

    def enter(self) -> None:
        self.printer_box.clear()
        printers = self.env.printers()
        for name in printers:
            self.printer_box.addItem(name)
        self.print_button.setEnabled(bool(printers))
        if not printers:
            self.printer_box.addItem(self.tr("No printer installed: save a PDF and print it elsewhere"))
            self.printer_box.setEnabled(False)
        self._render()
        if self.payload is None and self.flow.settings_mode and self.state.provisioned is None:
            self.load()

    @dialog_slot()
    async def load(self) -> None:
        """Settings: read the saved POS (its QR) from Mercado Pago."""
        pos_id = self.env.settings.pos_id
        if pos_id is None:
            return
        try:
            client = await self.flow.client()
            pos = await client.get_pos(pos_id)
        except Exception as exc:
            self.result.show_result("error", errors.report(exc, "setup: sticker"))
            return
        self._loaded_pos = pos
        self._render(pos)

    def _names(self) -> tuple[str, str]:
        return (self.state.store_name or self.env.settings.store_name or self.tr("Store"),
                self.state.register_name or self.env.settings.register_name or self.tr("Register"))

    def _render(self, pos=None) -> None:
        from qrcashier.domain.emvco import static_pos_payload
        from qrcashier.domain.money import site as find_site
        from qrcashier.ui.printing.qprinter import paint_sticker

        pos = pos or (self.state.provisioned.pos if self.state.provisioned is not None else None)
        if pos is None:
            self.payload = None
            self.preview.setText(self.tr("The QR appears here once\nthe register is set up."))
            self.print_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            return
        self.pos = pos
        payload = pos.qr_code
        note = ""
        if not payload:
            s = find_site(pos.site or self.env.settings.site)
            payload = static_pos_payload(pos.id, currency_numeric=s.currency_numeric, country=s.country,
                                         merchant_name=self._names()[0], city="-")
            note = self.tr("Mercado Pago did not send this register's QR, so it was built from its POS number.") + " "
        if self.state.mode == Mode.SANDBOX or self.env.settings.mode == Mode.SANDBOX and self.state.mode is None:
            note += self.tr("This is a sandbox QR: only the sandbox's phone page can pay it.")
        self.note.setText(note)
        self.payload = payload
        store, register = self._names()
        ratio = self.preview.devicePixelRatioF() or 1.0
        size = self.preview.size() * ratio
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        try:
            paint_sticker(painter, QRectF(0, 0, size.width(), size.height()), payload, store, register, pos.external_id)
        finally:
            painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.preview.setPixmap(pixmap)
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(self.printer_box.isEnabled() and self.printer_box.count() > 0)

    def print_sticker(self) -> None:
        from qrcashier.ui.printing import qprinter as printing

        if self.payload is None:
            return
        store, register = self._names()
        try:
            name = printing.print_qr_sticker(self.payload, store, register, self.printer_box.currentText(),
                                             pos_external_id=self.pos.external_id)
        except printing.PrintingError as exc:
            self.result.show_result("error", fmt(self.tr("The sticker did not print: %1"), exc))
            return
        self.result.show_result("ok", fmt(self.tr("The sticker was sent to %1."), name))

    def save_pdf(self, path: str | Path | None = None):
        """Save the sticker as a PDF to `path`, or where a (non-modal) file dialog says."""
        from qrcashier.ui.printing import qprinter as printing

        if self.payload is None:
            return None

        def save(target: str | Path) -> Path | None:
            store, register = self._names()
            try:
                out = printing.qr_sticker_to_pdf(self.payload, store, register, target,
                                                 pos_external_id=self.pos.external_id)
            except (printing.PrintingError, OSError) as exc:
                self.result.show_result("error", fmt(self.tr("The sticker was not saved: %1"), exc))
                return None
            self.result.show_result("ok", fmt(self.tr("The sticker was saved to %1."), out))
            return out

        if path is not None:
            return save(path)
        dialog = QFileDialog(self, self.tr("Save the QR sticker as PDF"),
                             str(Path.home() / f"qr-{self.pos.external_id}.pdf"), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(save)
        dialog.open()
        return dialog


class PrinterPage(SetupPage):
    key = "printer"
    title = QT_TRANSLATE_NOOP("SetupPage", "Receipt printer and language")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Receipts print on the printer chosen here. Without one, each receipt is shown on screen to print or save."
    )
    NONE = "__none__"

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.printer_box = QComboBox()
        self.printer_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.currentIndexChanged.connect(lambda _i: self._changed())
        form = QFormLayout()
        form.addRow(self.tr("Receipt printer"), self.printer_box)
        form.addRow(self.tr("Language"), self.language_box)
        self.note = _label(muted=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def enter(self) -> None:
        dirty = self.dirty
        self.printer_box.blockSignals(True)
        self.printer_box.clear()
        self.printer_box.addItem(self.tr("No printer: show receipts on screen"), self.NONE)
        printers = self.env.printers()
        for name in printers:
            self.printer_box.addItem(name, name)
        current = self.state.printer
        if current and current not in printers:
            self.printer_box.addItem(fmt(self.tr("%1 (not found on this computer)"), current), current)
        index = self.printer_box.findData(current) if current else 0
        self.printer_box.setCurrentIndex(max(0, index))
        self.printer_box.blockSignals(False)
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.state.language)))
        self.language_box.blockSignals(False)
        self.note.setText("" if printers else self.tr("No printer is installed on this computer yet; you can choose one later in Settings."))
        self.dirty = dirty

    async def commit(self) -> bool:
        data = self.printer_box.currentData()
        self.state.printer = None if data in (None, self.NONE) else data
        self.state.language = self.language_box.currentData() or "en"
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        await self.commit()
        settings.printer = self.state.printer
        settings.language = self.state.language


class PinPage(SetupPage):
    key = "pin"
    title = QT_TRANSLATE_NOOP("SetupPage", "Supervisor PIN")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "A supervisor types this PIN to cancel an order, refund a payment, resolve a sale to review or open Settings. "
        "4 to 12 digits; it is stored only as a slow salted hash.",
    )

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.pin = QLineEdit()
        self.confirm = QLineEdit()
        for f, hint in ((self.pin, self.tr("new PIN")), (self.confirm, self.tr("the same PIN again"))):
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
            f.setPlaceholderText(hint)
            f.setMinimumHeight(40)
            f.setStyleSheet("font-size: 18px;")
            f.textEdited.connect(self._edited)
        form = QFormLayout()
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("Again"), self.confirm)
        self.current = _label(muted=True)
        self.problem = _error_label()
        self.busy = Busy()
        self.done_label = Outcome()
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_label)
        layout.addStretch(1)

    def enter(self) -> None:
        has = bool(self.env.settings.pin_hash)
        self.current.setText(self.tr("A PIN is set. Leave these empty to keep it.") if has and self.flow.settings_mode else "")
        self.current.setVisible(bool(self.current.text()))
        self.pin.setFocus()

    def _edited(self, _t: str) -> None:
        self.state.pin_hash = None
        self.done_label.clear()
        self._validate(show=bool(self.confirm.text()))
        self._changed()

    def _problem(self) -> str | None:
        if self.flow.settings_mode and not self.pin.text() and not self.confirm.text():
            return None
        try:
            validate_new_pin(self.pin.text(), self.confirm.text())
        except InvalidPin as exc:
            return engine_text(str(exc))
        return None

    def _validate(self, show: bool = True) -> str | None:
        problem = self._problem()
        self.problem.setText(problem if problem and show else "")
        return problem

    def is_complete(self) -> bool:
        return self._problem() is None

    async def commit(self) -> bool:
        if self.flow.settings_mode and not self.pin.text() and not self.confirm.text():
            return True
        if self._validate() is not None:
            return False
        if self.state.pin_hash is None:
            self.busy.start(self.tr("Protecting the PIN…"))
            try:
                self.state.pin_hash = await asyncio.get_running_loop().run_in_executor(None, lambda pin=self.pin.text(): hash_pin(pin))
            finally:
                self.busy.stop()
            self.done_label.show_result("ok", self.tr("PIN ready."))
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        if not await self.commit() or self.state.pin_hash is None:
            return
        settings.pin_hash = self.state.pin_hash
        settings.pin_lockout = ""
        await self.env.write_audit(actor, "pin_changed", "", {})
        self.pin.clear()
        self.confirm.clear()
        self.state.pin_hash = None


class AdvancedPage(SetupPage):
    key = "advanced"
    title = QT_TRANSLATE_NOOP("SetupPage", "Advanced")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "Which Mercado Pago API places the orders, and which QR the customer scans. Keep the defaults unless told otherwise.",
    )
    in_wizard = False
    API_NAMES = {"instore_v2": QT_TRANSLATE_NOOP("AdvancedPage", "In-store orders v2 (recommended)"),
                 "orders": QT_TRANSLATE_NOOP("AdvancedPage", "Orders API (/v1/orders)"),
                 "v1": QT_TRANSLATE_NOOP("AdvancedPage", "Legacy in-store v1")}
    QR_NAMES = {"static": QT_TRANSLATE_NOOP("AdvancedPage", "The register's printed QR"),
                "dynamic": QT_TRANSLATE_NOOP("AdvancedPage", "A new QR for each sale, on the customer screen"),
                "hybrid": QT_TRANSLATE_NOOP("AdvancedPage", "Both")}
    CONTRACT_NAMES = {
        "202": QT_TRANSLATE_NOOP("AdvancedPage", "202 Waiting for order (the newest docs; recommended)"),
        "400": QT_TRANSLATE_NOOP("AdvancedPage", "400 unavailable (the older docs)"),
    }

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.api_box = QComboBox()
        for key in API_GENERATIONS:
            self.api_box.addItem(self.tr(self.API_NAMES[key]), key)
        self.qr_box = QComboBox()
        for key in QR_MODES:
            self.qr_box.addItem(self.tr(self.QR_NAMES[key]), key)
        self.api_box.setCurrentIndex(max(0, self.api_box.findData(self.state.api_generation)))
        self.qr_box.setCurrentIndex(max(0, self.qr_box.findData(self.state.qr_mode)))
        self.api_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.qr_box.currentIndexChanged.connect(lambda _i: self._changed())
        # the self-service merchant endpoint
        self.contract_box = QComboBox()
        for key in UNATTENDED_CONTRACTS:
            self.contract_box.addItem(self.tr(self.CONTRACT_NAMES[key]), key)
        self.contract_box.setCurrentIndex(max(0, self.contract_box.findData(self.state.unattended_contract)))
        self.contract_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.port_box = QSpinBox()
        self.port_box.setRange(0, 65535)
        self.port_box.setSpecialValueText(self.tr("any free port"))
        self.port_box.setValue(self.state.endpoint_port)
        self.port_box.valueChanged.connect(lambda _v: self._changed())
        form = QFormLayout()
        form.addRow(self.tr("API"), self.api_box)
        form.addRow(self.tr("QR"), self.qr_box)
        endpoint_group = QGroupBox(self.tr("Self-service endpoint (the URL Mercado Pago calls)"))
        eform = QFormLayout(endpoint_group)
        eform.addRow(self.tr("Answer while there is no order"), self.contract_box)
        eform.addRow(self.tr("Port on this computer"), self.port_box)
        self.problem = _error_label()
        self.note = _label(muted=True)
        self.note.setText(self.tr("Changes take effect the next time QR Cashier starts."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(endpoint_group)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def enter(self) -> None:
        self._validate()

    def _changed(self) -> None:
        self.state.api_generation = self.api_box.currentData()
        self.state.qr_mode = self.qr_box.currentData()
        self.state.unattended_contract = self.contract_box.currentData()
        self.state.endpoint_port = self.port_box.value()
        self._validate()
        super()._changed()

    def _validate(self) -> str | None:
        problem = self_service_conflict(self.api_box.currentData(), self.qr_box.currentData()) \
            if self.state.self_service else None
        self.problem.setText(problem or "")
        return problem

    def is_complete(self) -> bool:
        return self._validate() is None

    async def save(self, settings: AppSettings, actor: str) -> None:
        settings.api_generation = self.api_box.currentData()
        settings.qr_mode = self.qr_box.currentData()
        settings.unattended_contract = self.contract_box.currentData()
        settings.endpoint_port = self.port_box.value()


class SupportPage(SetupPage):
    key = "support"
    title = QT_TRANSLATE_NOOP("SetupPage", "Support details")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Copy these lines into a message to support. They never include the access token or the PIN."
    )
    in_wizard = False

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.copy_button = theme.big_button(self.tr("Copy"), None, role="secondary")
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)

    def enter(self) -> None:
        self.refresh()

    @dialog_slot()
    async def refresh(self) -> None:
        tokens = self.env.tokens

        def read():  # every keyring call on a worker thread: a locked store may ask to be unlocked
            try:
                return tokens.describe(), tokens.get()
            except TokenStoreError as exc:
                return exc.user_message, None

        line, token = await asyncio.get_running_loop().run_in_executor(None, read)
        text = support_text(self.env.settings) + "\n" + line
        self.text.setPlainText(token.redact(text) if token is not None else text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


class DonePage(SetupPage):
    key = "done"
    title = QT_TRANSLATE_NOOP("SetupPage", "Ready")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Press Finish to save. You can change all of this later in Settings (it asks for the supervisor PIN)."
    )
    in_settings = False

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.summary = _label(size=16)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.problem = Outcome()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def enter(self) -> None:
        s = self.state
        p = s.provisioned
        rows = []
        if s.mode == Mode.SANDBOX:
            rows.append(self.tr("Mode: <b>sandbox</b> (pretend payments, no account)"))
        else:
            who = s.check.message if s.check is not None else ""
            test = (" · " + self.tr("<b>TEST account</b>")) if s.check is not None and s.check.is_test else ""
            where = (fmt(self.tr("saved in %1"), self.env.tokens.backend_name) if self.env.tokens.is_secure
                     else self.tr("kept for this session only"))
            rows.append(self.tr("Mode: <b>my Mercado Pago account</b>") + test)
            rows.append(f"{who} " + fmt(self.tr("Token %1, %2."), s.token.hint if s.token else "", where))
        if p is not None:
            rows.append(fmt(self.tr("Store: <b>%1</b> (%2)"), p.store.name, s.store_external_id))
            rows.append(fmt(self.tr("Register: <b>%1</b> (%2, POS number %3, fixed amount)"),
                            p.pos.name, s.pos_external_id, p.pos.id))
            if s.pos_url is not None:
                rows.append(fmt(self.tr("Self-service: Mercado Pago asks <b>%1</b> for each order"),
                                html.escape(s.pos_url)))
        rows.append(fmt(self.tr("Receipt printer: <b>%1</b>"), s.printer or self.tr("none (receipts on screen)")))
        rows.append(self.tr("Supervisor PIN: <b>set</b>") if s.pin_hash else self.tr("Supervisor PIN: <b>not set</b>"))
        self.summary.setText("".join(f"<p style='margin: 0 0 10px 0'>{row}</p>" for row in rows))


def page_title(page: SetupPage) -> str:
    return QCoreApplication.translate("SetupPage", page.title)


def page_intro(page: SetupPage) -> str:
    text = QCoreApplication.translate("SetupPage", page.intro)
    if page.key == "token":
        text = fmt(text, _tr(CREDENTIALS_HINT))
    return text


def _where(text: str) -> str:
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


PAGE_CLASSES: tuple[type[SetupPage], ...] = (
    ModePage, TokenPage, StorePage, StickerPage, PrinterPage, PinPage, AdvancedPage, SupportPage, DonePage,
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
        self.future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._working = False
        self._saved_once = False
        self._client = None
        self._client_key: tuple | None = None
        self._reads: set[asyncio.Task] = set()  # see dialog_slot
        self._writes: set[asyncio.Task] = set()
        self.setWindowTitle(self.tr("QR Cashier settings") if settings_mode else self.tr("Set up QR Cashier"))
        self.setModal(False)
        self.resize(900, 640)
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
        self.step_label = _label(muted=True)
        self.title_label = _label(bold=True, size=24)
        self.intro_label = _label()
        self.intro_label.setStyleSheet("font-size: 15px;")
        self.message = Outcome()
        self.busy = Busy()
        self.nav = QListWidget()
        self.nav.setFixedWidth(250)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 10px 6px; }")
        for page in self.pages:
            QListWidgetItem(page_title(page) if page.key != "mode" else self.tr("Mode"), self.nav)
        self.nav.currentRowChanged.connect(self._nav_to)
        self.nav.setVisible(settings_mode)

        self.back_button = theme.big_button(self.tr("Back"), None, role="secondary")
        self.next_button = theme.big_button(self.tr("Next"), None, role="primary")
        self.finish_button = theme.big_button(self.tr("Finish"), None, role="success")
        self.cancel_button = theme.big_button(self.tr("Cancel") if not settings_mode else self.tr("Close"), "Esc", role="secondary")
        self.save_button = theme.big_button(self.tr("Save"), None, role="primary")
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
                self.message.show_result("warn", self.tr("This page is for a real Mercado Pago account (choose it under Mode)."))
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

    async def client(self):
        """The Mercado Pago client for the chosen mode (and token), made once per choice."""
        token = self.state.token
        if self.state.mode == Mode.ACCOUNT and token is None:
            token = self.env.tokens.get()
        key = (self.state.mode, token)
        if self._client is None or self._client_key != key:
            self._client = await self.env.client(self.state.mode or Mode.SANDBOX, token)
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
            self.message.show_result("ok", self.tr("Saved. Changes to the account, store or register apply at the next start."))
            self.saved.emit()
            if self.current.key == "support":
                self.current.enter()

    def reject(self) -> None:  # Cancel, Close, Esc and the window's close button
        if self._writes:
            self.message.show_result("warn", self.tr("Still saving: close this window when it is done."))
            return
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
        return await dialog.future
    finally:
        await env.aclose()


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
