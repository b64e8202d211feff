"""The app's start-up options: what the command line and the settings (AppSettings.apply_to)
give `Services`. Qt-free; the network stack is only named for type checking."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qrcashier.domain.money import Site
from qrcashier.domain.money import site as find_site
from qrcashier.paths import data_dir

if TYPE_CHECKING:
    import httpx

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.checkout.till_config import TillConfig
    from qrcashier.mercadopago.http import RetryPolicy


@dataclass
class Options:
    data_dir: Path
    sandbox: bool = True
    token: str | None = field(default=None, repr=False)  # never in a repr, a log or a traceback
    base_url: str | None = None  # None: the sandbox's, or Mercado Pago's
    sandbox_url: str | None = None  # a standalone qrcashier-sandbox instead of the embedded one
    pos_number: int = 1  # the receipts' PPPPP (--register NAME's trailing number)
    store_external_id: str = "KIOSCO1"
    pos_external_id: str = "CAJA1"
    register_id: str = "CAJA1"
    store_name: str = "Kiosco Demo"
    pos_name: str = "Caja 1"
    site_id: str = "MLA"
    order_expiry: timedelta = timedelta(minutes=10)
    poll: PollPolicy | None = None  # None: the engine's default
    http_timeout: httpx.Timeout | None = None  # None: 8 s, 4 s to connect
    printer_name: str | None = None
    import_catalog: Path | None = None
    fullscreen_customer: bool = False
    load_demo_catalog: bool = True
    api: str | None = None  # "instore_v2" (default), "orders" or "v1"
    qr_mode: str = "static"  # "static" (the register's QR), "dynamic" (each order its own QR) or "hybrid"
    operator: str = ""
    till: TillConfig | None = None  # the till's settings; None: charging by QR needs no open shift
    retry: RetryPolicy | None = None  # None: the client's default
    # Unattended model: the order waits on our merchant endpoint, which Mercado Pago polls.
    # (`from_args` and the settings give the app a fixed port, 8780 by default, for the
    # reverse proxy; 0 here, built directly by tests and tools, is any free port.)
    self_service: bool = False
    unattended_contract: str = "202"
    endpoint_host: str = "127.0.0.1"
    endpoint_port: int = 0
    endpoint_public_url: str | None = None  # the TLS reverse proxy's address, on a real account
    # Notifications (IPN/webhooks): off unless a port is given; they only trigger a re-read.
    notifications_port: int | None = None
    notifications_host: str = "127.0.0.1"
    notification_url: str | None = None  # the public URL in front of the receiver (sent as notification_url)
    webhook_secret: str | None = field(default=None, repr=False)  # Webhooks secret (QRC_WEBHOOK_SECRET)
    accept_ipn: bool = False  # unsigned IPNs too (anyone can send one); the sandbox's are always taken
    # The store database (issue 19, `--store DSN`): a libpq DSN or service name, never a password
    # (that is in the keyring, "QRCashier-store"); None: a single register, no outbox, no sender.
    store_dsn: str | None = None
    # Argentina's electronic invoice (issue 21): a fiscal.config.FiscalSetup; used on site MLA when enabled.
    fiscal: Any = None
    # Point card terminal (issue 20): the register's terminal id (TYPE__SERIAL); None: none, or on
    # the embedded sandbox its demo terminal (Mercado Pago's virtual one); "" turns it off.
    point_terminal: str | None = None
    point_print_on_terminal: bool = False  # the terminal prints its own slip too
    # The fields the command line set: the settings (AppSettings.apply_to) leave them alone.
    from_command_line: frozenset[str] = frozenset()

    @classmethod
    def from_args(cls, args: Any) -> Options:
        opts = cls(data_dir=data_dir(getattr(args, "data_dir", None)))
        opts.sandbox = bool(getattr(args, "sandbox", False)) or not _have_account()
        if getattr(args, "printer", None):
            opts.printer_name = args.printer
        if getattr(args, "import_catalog", None):
            opts.import_catalog = Path(args.import_catalog)
        if getattr(args, "order_expiry", None):
            opts.order_expiry = timedelta(seconds=float(args.order_expiry))
        opts.fullscreen_customer = bool(getattr(args, "fullscreen_customer", False))
        opts.api = getattr(args, "api", None)
        opts.qr_mode = getattr(args, "qr_mode", None) or "static"
        # Self-service: the command line's value, else the settings' (apply_to), else these
        # defaults (also what `--sandbox`, which skips the settings, runs with).
        from qrcashier.settings import DEFAULT_ENDPOINT_HOST, DEFAULT_ENDPOINT_PORT

        opts.endpoint_host, opts.endpoint_port = DEFAULT_ENDPOINT_HOST, DEFAULT_ENDPOINT_PORT
        given = {"api"} if opts.api is not None else set()
        if getattr(args, "qr_mode", None) is not None:
            given.add("qr_mode")
        for name in ("self_service", "unattended_contract", "endpoint_host", "endpoint_port", "endpoint_public_url"):
            value = getattr(args, name, None)
            if value is not None:
                setattr(opts, name, value)
                given.add(name)
        opts.from_command_line = frozenset(given)
        opts.notifications_port = getattr(args, "notifications_port", None)
        opts.notifications_host = getattr(args, "notifications_host", None) or "127.0.0.1"
        opts.notification_url = getattr(args, "notification_url", None)
        opts.webhook_secret = os.environ.get("QRC_WEBHOOK_SECRET") or None
        opts.use_point_terminal(args)
        opts.use_registers(args, explicit_data_dir=bool(getattr(args, "data_dir", None)))
        opts.use_store(args)
        from qrcashier.fiscal.config import fiscal_from_args

        opts.fiscal = fiscal_from_args(args, opts)  # --fiscal ar (issue 21)
        return opts

    def use_point_terminal(self, args: Any) -> None:
        """`--point-terminal ID|none` (issue 20): wins over the settings' terminal."""
        if getattr(args, "point_terminal", None) is not None:
            self.point_terminal = "" if args.point_terminal.lower() == "none" else args.point_terminal
            self.from_command_line = self.from_command_line | {"point_terminal"}

    def use_store(self, args: Any) -> None:
        """`--store DSN` (store database, issue 19): wins over the settings' store field."""
        dsn = getattr(args, "store", None)
        if dsn:
            self.store_dsn = dsn
            self.from_command_line = self.from_command_line | {"store_dsn"}

    def use_registers(self, args: Any, *, explicit_data_dir: bool = True) -> None:
        """`--sandbox-url URL` and `--register NAME` (registers.py): a standalone sandbox, and this
        register's own POS, register id, point-of-sale number and (without --data-dir) data folder."""
        from qrcashier.registers import RegisterChoice

        url = getattr(args, "sandbox_url", None)
        given = set(self.from_command_line)
        if url:
            self.sandbox, self.sandbox_url = True, url
            given.add("sandbox")
        name = getattr(args, "register", None)
        if name:
            choice = RegisterChoice.named(name)
            self.pos_external_id, self.register_id = choice.pos_external_id, choice.register_id
            self.pos_name, self.pos_number = choice.pos_name, choice.pos_number
            given |= {"pos_external_id", "register_id", "pos_name", "pos_number"}
            if not explicit_data_dir:
                self.data_dir = data_dir(choice.data_dir(self.data_dir))
        self.from_command_line = frozenset(given)

    @property
    def site(self) -> Site:
        return find_site(self.site_id)


def _have_account() -> bool:
    """A real account is configured by the setup wizard (not part of this build yet)."""
    return False
