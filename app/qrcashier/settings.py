"""The register's settings: typed, over a settings store (QSettings in the app, org and app "QRCashier").

    settings = AppSettings()                      # the user's settings (native format)
    settings = AppSettings.from_file(path)        # an INI file (tests, a portable install)
    settings.mode = Mode.ACCOUNT; settings.pos_external_id = "CAJA1"; settings.sync()
    settings.apply_to(options, tokens)            # fill the app's start-up Options from them
    setup.support_text.support_text(settings, tokens)  # "copy support details" (no secrets)

What lives here: the mode (sandbox or a real account), the site, the Mercado Pago user id,
the store (external id, numeric id, name), the register's POS (external id, numeric id,
name), the register id, the receipt printer, the API generation (instore_v2 by default,
orders or v1) and QR mode, the language, the supervisor PIN's *hash* and its lockout state.

What never lives here: the access token. It is in the OS credential store (token_store.py).
As a guard, a value shaped like an access token is refused by every setter
(`SecretInSettings`), so a bug cannot quietly write one to the registry or an INI file.

Storage: `AppSettings` reads and writes through a `SettingsStore` (settings_store.py), the
few QSettings methods it uses; this module imports no Qt. `AppSettings()` and `from_file(path)`
ask the installed backend for one: the window layer's QSettings backend
(`qrcashier.ui.settings_backend`, installed when `qrcashier.ui` is imported), which uses
`QSettings.defaultFormat()`, so a test fixture can redirect every instance with
`QSettings.setDefaultFormat(IniFormat)` and `QSettings.setPath(IniFormat, UserScope, tmp)`;
on Linux that is the same INI format as the native one. Qt-free code and unit tests pass a
store: `AppSettings(MemoryStore())`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Any

from qrcashier.domain.money import SITES
from qrcashier.mercadopago.vocabulary import POS_EXTERNAL_ID, STORE_EXTERNAL_ID
from qrcashier.settings_store import MemoryStore, SettingsStore, file_store, user_store

ORG_NAME = "QRCashier"
APP_NAME = "QRCashier"
DEFAULT_PROFILE = "default"
API_GENERATIONS = ("instore_v2", "orders", "v1")
QR_MODES = ("static", "dynamic", "hybrid")
LANGUAGES = {"en": "English", "es": "Español", "pt": "Português"}
# A whole value that looks like a Mercado Pago (or sandbox) access token.
TOKEN_LIKE = re.compile(r"^\s*(APP_USR|TEST|SANDBOX)-[A-Za-z0-9_-]{8,}\s*$")
REGISTER_ID = re.compile(r"^[A-Za-z0-9_]{1,24}$")
# The unattended model's merchant endpoint (README, "Self-service registers").
UNATTENDED_CONTRACTS = ("202", "400")  # how it says "no order yet": 202 (newest docs) or 400 (older)
DEFAULT_ENDPOINT_HOST = "127.0.0.1"  # loopback: the TLS reverse proxy in front forwards to it
DEFAULT_ENDPOINT_PORT = 8780  # fixed, so the proxy has a stable target (0: any free port, tests)
ENDPOINT_HOST = re.compile(r"^[A-Za-z0-9_.:%-]{1,253}$")
NO_TERMINAL = "none"  # settings point/terminal_id: this register has no card terminal (issue 20)


class Mode(StrEnum):
    SANDBOX = "sandbox"
    ACCOUNT = "account"


class SecretInSettings(ValueError):
    """Something shaped like an access token was about to be written to the settings."""


def register_id_for(pos_external_id: str) -> str:
    """The register id (first segment of every reference) for a POS external id."""
    return (pos_external_id or "CAJA1")[:24]


class AppSettings:
    """Typed access to the settings; see the module docstring for the keys."""

    def __init__(self, store: SettingsStore | None = None, *, profile: str = DEFAULT_PROFILE) -> None:
        """`store`: where the values live (a QSettings, a MemoryStore); None: the user's settings
        from the installed backend (`NoSettingsBackend` when there is none)."""
        self.q: SettingsStore = store if store is not None else user_store()
        self.profile = profile

    @classmethod
    def from_file(cls, path: str | Path, *, profile: str = DEFAULT_PROFILE) -> AppSettings:
        """The settings in the INI file at `path` (the installed backend's INI format)."""
        return cls(file_store(path), profile=profile)

    @classmethod
    def in_memory(cls, values: dict[str, Any] | None = None, *, profile: str = DEFAULT_PROFILE) -> AppSettings:
        """Settings in a dict, no file and no Qt (unit tests, Qt-free tools)."""
        return cls(MemoryStore(values), profile=profile)

    @property
    def file_name(self) -> str:
        return self.q.fileName()

    # --- raw access with the guard ------------------------------------------------------------

    def _key(self, key: str) -> str:
        return key if self.profile == DEFAULT_PROFILE else f"profiles/{self.profile}/{key}"

    def _get(self, key: str, default: Any = None) -> Any:
        value = self.q.value(self._key(key), default)
        return default if value is None else value

    def _str(self, key: str, default: str = "") -> str:
        value = self._get(key, default)
        return str(value) if value is not None else default

    def _int(self, key: str) -> int | None:
        value = self._get(key)
        if value in (None, ""):
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def _bool(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default)
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes")
        return bool(value)

    def _set(self, key: str, value: Any) -> None:
        if isinstance(value, str) and TOKEN_LIKE.match(value):
            raise SecretInSettings("An access token never goes into the settings; it belongs in the token store.")
        if value is None or value == "":
            self.q.remove(self._key(key))
        else:
            self.q.setValue(self._key(key), value)

    def sync(self) -> None:
        self.q.sync()

    def clear(self) -> None:
        self.q.clear()
        self.q.sync()

    def keys(self) -> list[str]:
        return list(self.q.allKeys())

    # --- setup --------------------------------------------------------------------------------

    @property
    def setup_done(self) -> bool:
        return self._bool("setup/done")

    @setup_done.setter
    def setup_done(self, value: bool) -> None:
        self._set("setup/done", bool(value))

    @property
    def mode(self) -> Mode | None:
        value = self._str("mode")
        return Mode(value) if value in Mode.__members__.values() else None

    @mode.setter
    def mode(self, value: Mode | str | None) -> None:
        self._set("mode", None if value is None else Mode(value).value)

    @property
    def keyring_account(self) -> str:
        """The token store's account name for this register (profile)."""
        return f"register:{self.profile}"

    # --- Mercado Pago account -----------------------------------------------------------------

    @property
    def site(self) -> str:
        value = self._str("mp/site", "MLA").upper()
        return value if value in SITES else "MLA"

    @site.setter
    def site(self, value: str) -> None:
        value = (value or "").upper()
        if value not in SITES:
            raise ValueError(f"unknown Mercado Pago site {value!r}")
        self._set("mp/site", value)

    @property
    def user_id(self) -> int | None:
        return self._int("mp/user_id")

    @user_id.setter
    def user_id(self, value: int | None) -> None:
        self._set("mp/user_id", None if value is None else int(value))

    @property
    def nickname(self) -> str:
        return self._str("mp/nickname")

    @nickname.setter
    def nickname(self, value: str) -> None:
        self._set("mp/nickname", value)

    @property
    def test_account(self) -> bool:
        return self._bool("mp/test_account")

    @test_account.setter
    def test_account(self, value: bool) -> None:
        self._set("mp/test_account", bool(value))

    @property
    def api_generation(self) -> str:
        value = self._str("mp/api", "instore_v2")
        return value if value in API_GENERATIONS else "instore_v2"

    @api_generation.setter
    def api_generation(self, value: str) -> None:
        if value not in API_GENERATIONS:
            raise ValueError(f"the API generation is one of {', '.join(API_GENERATIONS)}")
        self._set("mp/api", value)

    @property
    def sandbox_url(self) -> str:
        """A standalone qrcashier-sandbox this register runs on (sandbox mode; "" = the embedded one)."""
        return self._str("sandbox/url", "")

    @sandbox_url.setter
    def sandbox_url(self, value: str) -> None:
        from qrcashier.registers import check_sandbox_url

        self._set("sandbox/url", check_sandbox_url(value) if value else "")

    @property
    def register_choice(self) -> str:
        """The register's name among the store's (`--register NAME`; "" = the single register)."""
        return self._str("register/choice", "")

    @register_choice.setter
    def register_choice(self, value: str) -> None:
        from qrcashier.registers import check_register_name

        self._set("register/choice", check_register_name(value) if value else "")

    @property
    def qr_mode(self) -> str:
        value = self._str("mp/qr_mode", "static")
        return value if value in QR_MODES else "static"

    @qr_mode.setter
    def qr_mode(self, value: str) -> None:
        if value not in QR_MODES:
            raise ValueError(f"the QR mode is one of {', '.join(QR_MODES)}")
        self._set("mp/qr_mode", value)

    # --- store and POS ------------------------------------------------------------------------

    @property
    def store_external_id(self) -> str:
        return self._str("store/external_id")

    @store_external_id.setter
    def store_external_id(self, value: str) -> None:
        if value and not STORE_EXTERNAL_ID.match(value):
            raise ValueError("a store's external id is 1 to 60 letters and digits")
        self._set("store/external_id", value)

    @property
    def store_id(self) -> str:
        return self._str("store/id")

    @store_id.setter
    def store_id(self, value: str | int | None) -> None:
        self._set("store/id", None if value is None else str(value))

    @property
    def store_name(self) -> str:
        return self._str("store/name")

    @store_name.setter
    def store_name(self, value: str) -> None:
        self._set("store/name", value)

    @property
    def pos_external_id(self) -> str:
        return self._str("pos/external_id")

    @pos_external_id.setter
    def pos_external_id(self, value: str) -> None:
        if value and not POS_EXTERNAL_ID.match(value):
            raise ValueError("a POS external id is 1 to 39 letters and digits")
        self._set("pos/external_id", value)

    @property
    def pos_id(self) -> int | None:
        return self._int("pos/id")

    @pos_id.setter
    def pos_id(self, value: int | None) -> None:
        self._set("pos/id", None if value is None else int(value))

    @property
    def register_name(self) -> str:
        """The register's (POS's) name, as the cashier and the sticker show it."""
        return self._str("pos/name")

    @register_name.setter
    def register_name(self, value: str) -> None:
        self._set("pos/name", value)

    @property
    def register_id(self) -> str:
        value = self._str("register/id")
        return value if REGISTER_ID.match(value) else register_id_for(self.pos_external_id)

    @register_id.setter
    def register_id(self, value: str) -> None:
        if value and not REGISTER_ID.match(value):
            raise ValueError("a register id is 1 to 24 letters, digits or underscores")
        self._set("register/id", value)

    # --- self-service (the unattended model) --------------------------------------------------

    @property
    def self_service(self) -> bool:
        """The register's POS carries the merchant endpoint's url; Mercado Pago asks it for the order."""
        return self._bool("unattended/self_service")

    @self_service.setter
    def self_service(self, value: bool) -> None:
        self._set("unattended/self_service", bool(value))

    @property
    def unattended_contract(self) -> str:
        """How the merchant endpoint says "no order yet": "202" (the default) or "400"."""
        value = self._str("unattended/contract", "202")
        return value if value in UNATTENDED_CONTRACTS else "202"

    @unattended_contract.setter
    def unattended_contract(self, value: str) -> None:
        value = str(value)
        if value not in UNATTENDED_CONTRACTS:
            raise ValueError(f"the 'no order yet' contract is one of {', '.join(UNATTENDED_CONTRACTS)}")
        self._set("unattended/contract", value)

    # --- receipt switches, per store (issue 17: the VAT contained and Ley 27.743's legend) ----------

    def _switch(self, key: str) -> bool | None:
        value = self._str(key).lower()
        return True if value == "on" else False if value == "off" else None

    @property
    def receipt_vat(self) -> bool | None:
        """Receipts show the VAT contained by rate: True, False, or None for the site's default."""
        return self._switch("receipt/vat")

    @receipt_vat.setter
    def receipt_vat(self, value: bool | None) -> None:
        self._set("receipt/vat", None if value is None else ("on" if value else "off"))

    @property
    def receipt_legend(self) -> bool | None:
        """Receipts print Argentina's Ley 27.743 legend: True, False, or None for the default."""
        return self._switch("receipt/legend")

    @receipt_legend.setter
    def receipt_legend(self, value: bool | None) -> None:
        self._set("receipt/legend", None if value is None else ("on" if value else "off"))

    def receipt_switches(self) -> tuple[bool, bool]:
        """(VAT lines, legend) for this store's receipts: the saved choice, else the site's default
        (on for Argentina, MLA; the legend only where the VAT is shown and only in Argentina)."""
        from qrcashier.domain.receipt import consumer_vat_default

        site = SITES[self.site]
        vat = self.receipt_vat if self.receipt_vat is not None else consumer_vat_default(site)
        legend = self.receipt_legend if self.receipt_legend is not None else (site.id == "MLA" and vat)
        return vat, legend and site.id == "MLA"

    @property
    def endpoint_host(self) -> str:
        """The address the merchant endpoint binds (loopback unless told otherwise)."""
        value = self._str("unattended/host", DEFAULT_ENDPOINT_HOST).strip()
        return value if ENDPOINT_HOST.match(value) else DEFAULT_ENDPOINT_HOST

    @endpoint_host.setter
    def endpoint_host(self, value: str | None) -> None:
        value = (value or "").strip()
        if value and not ENDPOINT_HOST.match(value):
            raise ValueError("the endpoint's host is an address or a host name, like 127.0.0.1")
        self._set("unattended/host", value or None)

    @property
    def endpoint_port(self) -> int:
        """The merchant endpoint's port: fixed (8780 by default); 0 is any free port."""
        value = self._int("unattended/port")
        return value if value is not None and 0 <= value <= 65535 else DEFAULT_ENDPOINT_PORT

    @endpoint_port.setter
    def endpoint_port(self, value: int | None) -> None:
        if value is not None and not (isinstance(value, int) and 0 <= value <= 65535):
            raise ValueError("the endpoint's port is a number from 0 to 65535")
        self._set("unattended/port", value)

    @property
    def endpoint_public_url(self) -> str | None:
        """The https address Mercado Pago calls (the reverse proxy's); None: not set. Checked
        (`check_public_url`) when written, and again by the endpoint when it starts; not
        here: reading it at start-up must not import the unattended package (aiohttp)."""
        return self._str("unattended/public_url").strip() or None

    @endpoint_public_url.setter
    def endpoint_public_url(self, value: str | None) -> None:
        from qrcashier.unattended.addresses import check_public_url  # (imports aiohttp: only when written)

        value = (value or "").strip()
        if value:
            check_public_url(value)  # ValueError
        self._set("unattended/public_url", value or None)

    # --- the store database (issue 19) ---------------------------------------------------------

    @property
    def store_dsn(self) -> str:
        """The store's PostgreSQL (`--store DSN`): a libpq DSN or service name; "" = no store server.
        Never a password: that is in the keyring (store.dsn.save_password, service "QRCashier-store")."""
        return self._str("store_db/dsn", "").strip()

    @store_dsn.setter
    def store_dsn(self, value: str | None) -> None:
        from qrcashier.store.dsn import redact

        value = (value or "").strip()
        if value and redact(value) != value:
            raise SecretInSettings("A password never goes into the settings; the store's is kept in the keyring.")
        self._set("store_db/dsn", value or None)
    # --- Point card terminal (issue 20) ----------------------------------------------------------

    @property
    def point_terminal(self) -> str | None:
        """The register's Mercado Pago Point terminal (TYPE__SERIAL); None: the register has none."""
        from qrcashier.mercadopago.point_ids import TERMINAL_ID_RE

        value = self._str("point/terminal_id").strip()
        return value if TERMINAL_ID_RE.match(value) else None

    @point_terminal.setter
    def point_terminal(self, value: str | None) -> None:
        """A terminal id; None: not chosen (the embedded sandbox then uses its virtual terminal);
        NO_TERMINAL ("none"): this register has no card terminal, even on the sandbox."""
        from qrcashier.mercadopago.point_ids import TERMINAL_ID_RE

        value = (value or "").strip()
        if value and value != NO_TERMINAL and not TERMINAL_ID_RE.match(value):
            raise ValueError("a terminal id is TYPE__SERIAL, as the terminals list gives it")
        self._set("point/terminal_id", value or None)

    @property
    def point_terminal_off(self) -> bool:
        """The register was set up with no card terminal (setup's "No card terminal")."""
        return self._str("point/terminal_id").strip() == NO_TERMINAL

    # --- this computer ------------------------------------------------------------------------

    @property
    def printer(self) -> str | None:
        """The receipt printer's name; None: receipts are shown on screen."""
        return self._str("printer/receipts") or None

    @printer.setter
    def printer(self, value: str | None) -> None:
        self._set("printer/receipts", value or None)

    @property
    def language(self) -> str:
        value = self._str("ui/language", "en")
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"the language is one of {', '.join(LANGUAGES)}")
        self._set("ui/language", value)

    # --- supervisor ---------------------------------------------------------------------------

    @property
    def pin_hash(self) -> str | None:
        return self._str("supervisor/pin_hash") or None

    @pin_hash.setter
    def pin_hash(self, value: str | None) -> None:
        if value and not value.startswith("scrypt$"):
            raise ValueError("only a PIN hash (from supervisor.hash_pin) is stored, never a PIN")
        self._set("supervisor/pin_hash", value)

    @property
    def pin_lockout(self) -> str:
        return self._str("supervisor/lockout")

    @pin_lockout.setter
    def pin_lockout(self, value: str) -> None:
        self._set("supervisor/lockout", value)
        self.q.sync()  # a restart must not forget a lockout

    @property
    def last_supervisor(self) -> str:
        return self._str("supervisor/last_name")

    @last_supervisor.setter
    def last_supervisor(self, value: str) -> None:
        self._set("supervisor/last_name", value)

    # --- fiscal (issue 21): Argentina's electronic invoice; the key's passphrase is in the keyring

    @property
    def fiscal(self) -> Any:
        """The shop's ARCA setup (fiscal.config.FiscalSetup); `enabled` False until set up."""
        from qrcashier.fiscal.config import FiscalSetup

        d = FiscalSetup()
        return FiscalSetup(
            enabled=self._bool("fiscal/enabled"), cuit=self._int("fiscal/cuit") or 0,
            point_of_sale=self._int("fiscal/point_of_sale") or d.point_of_sale,
            category=self._str("fiscal/category", d.category), cert_path=self._str("fiscal/cert_path"),
            key_path=self._str("fiscal/key_path"), environment=self._str("fiscal/environment", d.environment),
            sim_url=self._str("fiscal/sim_url"))

    @fiscal.setter
    def fiscal(self, setup: Any) -> None:
        problems = setup.problems(sandbox=self.mode == Mode.SANDBOX) if setup.enabled else []
        if problems:
            raise ValueError(" ".join(problems))
        for key, value in (("enabled", bool(setup.enabled)), ("cuit", setup.cuit or None),
                           ("point_of_sale", setup.point_of_sale), ("category", setup.category),
                           ("cert_path", setup.cert_path), ("key_path", setup.key_path),
                           ("environment", setup.environment), ("sim_url", setup.sim_url)):
            self._set(f"fiscal/{key}", value)

    # --- use ----------------------------------------------------------------------------------

    def is_configured(self) -> bool:
        """The first-run setup was finished and left a usable register."""
        if not self.setup_done or self.mode is None:
            return False
        return bool(STORE_EXTERNAL_ID.match(self.store_external_id) and POS_EXTERNAL_ID.match(self.pos_external_id))

    def apply_to(self, options: Any, tokens: Any = None) -> Any:
        """Fill the app's start-up `Options` (services.py) from these settings.

        Sets the mode, site, store and POS ids and names, register id, printer, the
        self-service settings and, for a real account, the token from `tokens` (a
        TokenStore). What the command line gave wins: `--api`, `--qr-mode`, and every field
        named in `options.from_command_line` (`--self-service`, `--unattended-contract`,
        `--endpoint-host`, `--endpoint-port`, `--endpoint-public-url`). Returns `options`."""
        given = getattr(options, "from_command_line", frozenset())

        def fill(name: str, value: Any) -> None:
            if hasattr(options, name) and name not in given:
                setattr(options, name, value)

        if self.mode is not None:
            options.sandbox = self.mode == Mode.SANDBOX
        options.site_id = self.site
        if self.store_external_id:
            options.store_external_id = self.store_external_id
        if self.pos_external_id and "pos_external_id" not in given:  # --register NAME wins
            options.pos_external_id = self.pos_external_id
            options.register_id = self.register_id
        if self.store_name:
            options.store_name = self.store_name
        if self.register_name and "pos_name" not in given:
            options.pos_name = self.register_name
        if self.printer and not getattr(options, "printer_name", None):
            options.printer_name = self.printer
        # The API and QR mode: the command line's --api / --qr-mode win when given.
        if getattr(options, "api", None) is None and hasattr(options, "api"):
            options.api = self.api_generation
        if getattr(options, "qr_mode", None) in (None, "static") and hasattr(options, "qr_mode") \
                and "qr_mode" not in given:
            options.qr_mode = self.qr_mode
        fill("self_service", self.self_service)
        fill("unattended_contract", self.unattended_contract)
        fill("endpoint_host", self.endpoint_host)
        fill("endpoint_port", self.endpoint_port)
        fill("endpoint_public_url", self.endpoint_public_url)
        if self.mode == Mode.ACCOUNT or self.point_terminal or self.point_terminal_off:  # Point (issue 20)
            fill("point_terminal", self.point_terminal or "")
        if self.register_choice or (self.mode == Mode.SANDBOX and self.sandbox_url):  # setup's Advanced page
            from types import SimpleNamespace

            if hasattr(options, "use_registers"):
                options.use_registers(SimpleNamespace(
                    register=None if "pos_external_id" in given else (self.register_choice or None),
                    sandbox_url=self.sandbox_url if self.mode == Mode.SANDBOX else None))
        if self.store_dsn:  # the store database (issue 19); --store wins
            fill("store_dsn", self.store_dsn)
        if hasattr(options, "fiscal") and self._bool("fiscal/enabled"):  # issue 21
            options.fiscal = self.fiscal
        if self.mode == Mode.ACCOUNT and tokens is not None:
            token = tokens.get()
            options.token = token.reveal() if token is not None else None
        return options

