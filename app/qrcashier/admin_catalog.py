"""`qrcashier-admin catalog ...`: the store's one catalog in PostgreSQL (issue 19 item 4), Qt-free.

    qrcashier-admin catalog import --store DSN [--site MLA] [--delete-missing] FILE.csv
    qrcashier-admin catalog delete --store DSN CODE [CODE ...]
    qrcashier-admin catalog allow-prices --store DSN --register NAME [--revoke]

`import` takes the same CSV as a register's own import (catalog/csv_import.py) and reports the
rows added, changed, unchanged and rejected (each rejected row with its line and reason); every
online register has the changes within seconds (store/catalog_sync.py). `--site` says how the
file writes prices ("1.000" is a thousand pesos in MLA). `delete` soft-deletes products by code.
`allow-prices` lets a register's supervisor change prices from that register (catalog_set_price).
The DSN is the store owner's; its password comes from the keyring or libpq's own places.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

IMPORT_STATEMENT_TIMEOUT_MS = 300_000  # a 100,000-row file is one statement; the server still bounds it


class CatalogAdminError(Exception):
    pass


def add_parser(commands: Any) -> None:
    catalog = commands.add_parser("catalog", help="the store's catalog (PostgreSQL), shared by every register")
    sub = catalog.add_subparsers(dest="catalog_command", required=True)
    imp = sub.add_parser("import", help="import a product CSV into the store's catalog")
    imp.add_argument("--store", required=True, metavar="DSN")
    imp.add_argument("--site", default="MLA", help="the Mercado Pago site whose price format the file uses")
    imp.add_argument("--delete-missing", action="store_true",
                     help="also delete the products the file does not name (refused if any row is rejected)")
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    delete = sub.add_parser("delete", help="delete products from the store's catalog by code")
    delete.add_argument("--store", required=True, metavar="DSN")
    delete.add_argument("codes", nargs="+", metavar="CODE")
    allow = sub.add_parser("allow-prices", help="let a register's supervisor change prices from that register")
    allow.add_argument("--store", required=True, metavar="DSN")
    allow.add_argument("--register", required=True, metavar="NAME")
    allow.add_argument("--revoke", action="store_true", help="take the right away again")


def _connect(dsn: str) -> Any:
    from qrcashier.store.sender import connect_from_keyring
    from qrcashier.token_store import backend_or_none

    return connect_from_keyring(dsn, backend_or_none(), CatalogAdminError,
                                statement_timeout_ms=IMPORT_STATEMENT_TIMEOUT_MS)


def run(args: Any) -> None:
    from qrcashier.store.dsn import StoreAddress
    from qrcashier.store.sender import describe_error

    try:
        {"import": _import, "delete": _delete, "allow-prices": _allow}[args.catalog_command](args)
    except CatalogAdminError:
        raise
    except Exception as exc:
        raise CatalogAdminError(describe_error(exc, StoreAddress(args.store))) from None


def _import(args: Any) -> None:
    from qrcashier.catalog.csv_import import decode
    from qrcashier.domain.money import site
    from qrcashier.store.catalog_store import import_csv_text

    try:
        where = site(args.site)
    except ValueError as exc:
        raise CatalogAdminError(f"{exc}.") from None
    try:
        text = decode(args.file.read_bytes())
    except OSError as exc:
        raise CatalogAdminError(f"Cannot read {args.file}: {exc.strerror or exc}.") from None
    with _connect(args.store) as conn:
        report = import_csv_text(conn, text, where, delete_missing=args.delete_missing)
    if not report.ok:
        raise CatalogAdminError(report.summary())
    print(report.details())


def _delete(args: Any) -> None:
    from qrcashier.store.catalog_store import delete_products

    with _connect(args.store) as conn:
        deleted, unknown = delete_products(conn, args.codes)
    print(f"{deleted} products deleted" + (f"; not in the catalog: {', '.join(unknown)}" if unknown else ""))


def _allow(args: Any) -> None:
    from qrcashier.store.roles import RegisterNameError, allow_price_changes

    with _connect(args.store) as conn:
        try:
            allow_price_changes(conn, args.register, allow=not args.revoke)
        except RegisterNameError as exc:
            raise CatalogAdminError(str(exc)) from None
    print(f"register {args.register}: " + ("may no longer change prices" if args.revoke else "may change prices"))
