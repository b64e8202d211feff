"""`qrcashier`: the cashier's desktop app.

    qrcashier --sandbox            the whole app on the embedded sandbox, with the demo catalog
    qrcashier --self-test          one whole sale offscreen against the sandbox; exit 0 or 1
    qrcashier --self-test --scenario day   a whole till day offscreen (shift, QR, cash, split, Point card, close, Z PDF)
    qrcashier --data-dir DIR       keep the journal, catalog and logs in DIR
    qrcashier --self-service       the register's POS calls this app's merchant endpoint (unattended)
    qrcashier --printer escpos+tcp://192.168.0.50   receipts to a network ESC/POS printer (through the print queue)
    qrcashier --sandbox --fiscal ar   every sale also gets an ARCA invoice, from the built-in ARCA simulator
    qrcashier --sandbox-url http://10.0.0.5:8765 --register CAJA2   register CAJA2 (its own POS) on a
                                   standalone `qrcashier-sandbox` shared by the store's registers
    qrcashier --store "host=db.local dbname=store user=qrc_caja2" --register CAJA2   its sales also go
                                   to the store's PostgreSQL (the outbox; it keeps selling when that is down)

The self-service flags, like --api and --qr-mode, win over the settings for this run
(the settings are chosen in the setup wizard / Settings: settings.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535")
    return port


def _public_url(value: str) -> str:
    from qrcashier.unattended.addresses import check_public_url  # (loads aiohttp: only when the flag is given)

    try:
        return check_public_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _printer(value: str) -> str:
    from qrcashier.printing.urls import PrinterUrlError, parse_printer_url  # (no python-escpos: that loads lazily)

    try:
        parse_printer_url(value)
    except PrinterUrlError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _sandbox_url(value: str) -> str:
    from qrcashier.registers import check_sandbox_url

    try:
        return check_sandbox_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _register(value: str) -> str:
    from qrcashier.registers import check_register_name

    try:
        return check_register_name(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _store(value: str) -> str:
    from qrcashier.store.dsn import StoreAddressError, conninfo, parts  # (psycopg loads only when the flag is given)

    try:
        conninfo(value)
        if "password" in parts(value):
            raise StoreAddressError("the store DSN carries no password: keep it in the keyring (README, the store)")
    except StoreAddressError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value.strip()
def _point_terminal(value: str) -> str:
    """A Point terminal id as the terminals list gives it (TYPE__SERIAL), or 'none'."""
    from qrcashier.mercadopago.point_ids import TERMINAL_ID_RE

    if value.lower() == "none" or TERMINAL_ID_RE.match(value):
        return value
    raise argparse.ArgumentTypeError("a terminal id is TYPE__SERIAL (e.g. NEWLAND_N950__SBX0000001), or 'none'")


def build_parser() -> argparse.ArgumentParser:
    from qrcashier import __version__
    from qrcashier.mercadopago.vocabulary import API_FAMILIES, DEFAULT_API, QR_MODES

    p = argparse.ArgumentParser(prog="qrcashier",
                                description="A desktop cashier for Mercado Pago in-store QR payments.")
    p.add_argument("--version", action="version", version=f"qrcashier {__version__}")
    p.add_argument("--sandbox", action="store_true",
                   help="run against the embedded Mercado Pago sandbox (no account needed)")
    p.add_argument("--sandbox-url", type=_sandbox_url, metavar="URL",
                   help="run against a standalone qrcashier-sandbox at URL (another process or PC) with the "
                        "sandbox's test token, instead of the embedded one")
    p.add_argument("--register", type=_register, metavar="NAME",
                   help="this register's name (e.g. CAJA2, or just 2): its own POS on the store, created on "
                        "first use; its trailing number is the receipts' point-of-sale number; without "
                        "--data-dir its own data folder")
    p.add_argument("--store", type=_store, metavar="DSN",  # the store database (issue 19)
                   help="send this register's sales, shifts and audit rows to the store's PostgreSQL "
                        "(a libpq DSN or service name; the password comes from the keyring or libpq's own "
                        "PGPASSWORD/.pgpass, never argv); without it the register needs no server")
    p.add_argument("--self-test", action="store_true",
                   help="run one whole sale offscreen against the sandbox and exit 0/1")
    p.add_argument("--scenario", choices=("sale", "day"), default="sale",
                   help="with --self-test: one sale (default) or a whole till day (shift, QR, cash, split, close, Z)")
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder for the journal, catalog and logs (default: the user's data folder)")
    p.add_argument("--import-catalog", metavar="CSV", help="import products from this CSV file at start-up")
    p.add_argument("--printer", metavar="PRINTER", type=_printer,
                   help="receipt printer: a system printer's name, or escpos+tcp://HOST[:9100], escpos+usb://VID:PID, "
                        "escpos+serial://DEVICE?baudrate=N, escpos+file://PATH (options ?paper=58|80&profile=NAME"
                        "&drawer=2|5; default: none, receipts are shown on screen)")
    p.add_argument("--fullscreen-customer", action="store_true",
                   help="show the customer window full screen on the second monitor")
    p.add_argument("--qr-mode", choices=QR_MODES,
                   help="static: the register's QR (default); dynamic: each order gets its own QR "
                        "on the customer screen")
    p.add_argument("--api", choices=API_FAMILIES, help=f"Mercado Pago API family (default {DEFAULT_API})")
    p.add_argument("--self-service", action=argparse.BooleanOptionalAction, default=None,
                   help="unattended model: Mercado Pago asks this app's merchant endpoint for the order "
                        "(--no-self-service: an attended register; default: as set up in Settings)")
    p.add_argument("--unattended-contract", choices=("202", "400"),
                   help="how the merchant endpoint says 'no order yet' (default: the setting, else 202, the newest)")
    p.add_argument("--endpoint-host", metavar="HOST",
                   help="address the merchant endpoint binds (default: the setting, else 127.0.0.1)")
    p.add_argument("--endpoint-port", type=_port, metavar="PORT",
                   help="port of the merchant endpoint (default: the setting, else 8780, fixed for the reverse "
                        "proxy; 0 = any free port)")
    p.add_argument("--endpoint-public-url", type=_public_url, metavar="URL",
                   help="the https address Mercado Pago reaches the merchant endpoint at (a TLS reverse proxy; "
                        "default: the setting)")
    p.add_argument("--order-expiry", type=float, metavar="SECONDS",
                   help="how long an order stays on the QR (default 600)")
    p.add_argument("--notifications-port", type=int, metavar="PORT",
                   help="receive Mercado Pago's IPN/webhooks on this port (off by default; only speeds up detection: "
                        "the app polls anyway). The webhook secret comes from QRC_WEBHOOK_SECRET, never argv")
    p.add_argument("--notifications-host", default="127.0.0.1", metavar="HOST",
                   help="address the notification receiver binds (default 127.0.0.1: "
                        "put a TLS tunnel or proxy in front)")
    p.add_argument("--notification-url", metavar="URL",
                   help="the public https address that reaches the receiver, sent with each order (instore v2 and v1)")
    p.add_argument("--fiscal", choices=("ar",),
                   help="ar: an ARCA electronic invoice (Factura B, CAE, QR) for every sale; with --sandbox against "
                        "the built-in ARCA simulator (otherwise as set up in Settings)")
    # Point card terminal (issue 20)
    p.add_argument("--point-terminal", type=_point_terminal, metavar="ID",
                   help="the register's Mercado Pago Point terminal (TYPE__SERIAL, from Settings' terminal list; "
                        "'none': no card terminal; default: the setting, on the sandbox its demo terminal)")
    p.add_argument("--lang", choices=("es", "pt_BR", "pt", "en"),
                   help="the app's language (default: the one chosen in Settings, else the system's)")
    p.add_argument("--verbose", action="store_true", help="log debug lines to the log file")
    return p


NO_DISPLAY = (
    "qrcashier: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): "
    "start it from the desktop session, or under Xvfb; `qrcashier --self-test` needs no display."
)


def display_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """One sentence when the window cannot open, else None.

    Without a display Qt's xcb plugin aborts the process (SIGABRT) with a hint about
    libxcb-cursor0 that sends an installer after the wrong package; say what is true instead.
    Only Linux and the BSDs need a display server named in the environment; a platform plugin
    chosen explicitly (offscreen, vnc, eglfs...) is the user's call.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen and chosen not in ("xcb", "wayland", "wayland-egl"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.sandbox_url:
        args.sandbox = True  # a sandbox all the same (no wizard, no keyring), only not embedded
    # qasync must pick PySide6 whatever else is installed (qt-notes §2.1).
    os.environ["QT_API"] = "pyside6"
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.scenario == "day":
            from qrcashier.ui.till.day_scenario import run_day

            return run_day(args)
        from qrcashier.ui.shell.selftest import run_self_test

        return run_self_test(args)
    problem = display_problem(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    from qrcashier.ui.shell.app import run

    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
