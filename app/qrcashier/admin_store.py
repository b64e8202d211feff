"""`qrcashier-admin store ...`: the store database's back office, Qt-free.

    qrcashier-admin store init --store DSN                 create or migrate the schema (safe twice)
    qrcashier-admin store add-register --store DSN --register NAME [--password-stdin] [--save-password]
    qrcashier-admin store report --store DSN --date YYYY-MM-DD --format json|csv|pdf [--output FILE]

The DSN is the owner's (init, add-register need a role that may create roles); its password
comes from the keyring ("QRCashier-store") or libpq's own places (PGPASSWORD, ~/.pgpass, a
service file), never from argv or a log. add-register makes a random password unless one comes
on standard input; `--save-password` keeps it in this computer's keyring for the register's DSN
(run it on the register's PC), else it is printed once on standard output.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any


class StoreAdminError(Exception):
    pass


def _connect(dsn: str) -> Any:
    from qrcashier.store.sender import connect_from_keyring
    from qrcashier.token_store import backend_or_none

    return connect_from_keyring(dsn, backend_or_none(), StoreAdminError)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--date takes YYYY-MM-DD, not {text!r}") from None


def add_parser(commands: Any) -> None:
    store = commands.add_parser("store", help="the store database (PostgreSQL) of many registers")
    sub = store.add_subparsers(dest="store_command", required=True)
    init = sub.add_parser("init", help="create or migrate the store's schema (safe to run twice)")
    init.add_argument("--store", required=True, metavar="DSN")
    add = sub.add_parser("add-register", help="a register's own database role (its rows only)")
    add.add_argument("--store", required=True, metavar="DSN")
    add.add_argument("--register", required=True, metavar="NAME")
    add.add_argument("--password-stdin", action="store_true", help="read the role's password from standard input")
    add.add_argument("--save-password", action="store_true",
                     help="keep the password in this computer's keyring for the register's DSN")
    rep = sub.add_parser("report", help="the store's day: every register and the store")
    rep.add_argument("--store", required=True, metavar="DSN")
    rep.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD")
    rep.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    rep.add_argument("--output", type=Path, help="write to FILE instead of standard output")


def run(args: Any, write_output: Any) -> None:
    try:
        if args.store_command == "init":
            _init(args)
        elif args.store_command == "add-register":
            _add_register(args)
        else:
            _report(args, write_output)
    except StoreAdminError:
        raise
    except Exception as exc:
        from qrcashier.store.dsn import StoreAddress
        from qrcashier.store.sender import describe_error

        raise StoreAdminError(describe_error(exc, StoreAddress(args.store))) from None


def _init(args: Any) -> None:
    from qrcashier.store.schema import MIGRATIONS, init_store

    with _connect(args.store) as conn:
        done = init_store(conn)
    print(f"store schema: applied {', '.join(done)}" if done
          else f"store schema: up to date ({len(MIGRATIONS)} migrations)")


def _add_register(args: Any) -> None:
    from qrcashier.store.dsn import parts, save_password
    from qrcashier.store.roles import RegisterNameError, add_register, new_password, role_name

    try:
        role = role_name(args.register)
    except RegisterNameError as exc:
        raise StoreAdminError(str(exc)) from None
    password = sys.stdin.readline().strip() if args.password_stdin else new_password()
    if not password:
        raise StoreAdminError("No password came on standard input.")
    with _connect(args.store) as conn:
        try:
            created = add_register(conn, args.register, password)
        except RegisterNameError as exc:
            raise StoreAdminError(str(exc)) from None
    p = parts(args.store)
    register_dsn = " ".join(f"{k}={v}" for k, v in {**p, "user": role}.items() if k != "password")
    print(f"register {args.register}: role {role} {'created' if created else 'updated'}")
    print(f"register DSN: {register_dsn}")
    if args.save_password:
        from qrcashier.token_store import backend_or_none

        backend = backend_or_none()
        if backend is None:
            raise StoreAdminError("There is no secure keyring on this computer to keep the password in.")
        save_password(register_dsn, password, backend)
        print("password: saved in this computer's keyring")
    elif not args.password_stdin:
        print(f"password (shown once): {password}")


def _report(args: Any, write_output: Any) -> None:
    from qrcashier.store.report import RENDERERS, build_report

    with _connect(args.store) as conn:
        report = build_report(conn, args.date)
    write_output(RENDERERS[args.format](report), args.output)
