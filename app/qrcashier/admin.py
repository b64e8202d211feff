"""`qrcashier-admin`: the back-office console command, Qt-free.

    qrcashier-admin report --data-dir DIR --shift last|N --format json|csv|pdf [--output FILE]
    qrcashier-admin invoices --data-dir DIR [--date YYYY-MM-DD] [--pending] [--format json|csv] [--output FILE]

prints (or writes) the X report of the running shift or the Z report of a closed one (each sale
with its ARCA `invoice` when the register invoices), or the register's ARCA invoices. The
journal is read-only here: `snapshot` copies it with SQLite's backup API from a read-only
connection (consistent even while the register writes to it) into a private temporary folder,
and the report is built from the copy, so the register's file is never written, locked for long
or migrated. A missing data folder or journal is an error, never a new journal. The one call
into the till is `fetch_report`; everything else renders `qrcashier.reports`. Every error the
user can cause or meet ends as one sentence on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qrcashier.checkout import JOURNAL_FILE
from qrcashier.reports.model import ReportError, ShiftReport, parse_report
from qrcashier.reports.pdf import render_pdf
from qrcashier.reports.tabular import render_csv, render_json

EXIT_ERROR = 2
RENDERERS: dict[str, Callable[[ShiftReport], bytes]] = {
    "json": lambda r: render_json(r).encode("utf-8"),
    "csv": render_csv,
    "pdf": render_pdf,
}


class AdminError(Exception):
    """Ends the command with its message (one sentence) on stderr and exit code 2."""


class NoSuchShift(AdminError):
    pass


def fetch_report(journal_path: Path, shift: int | None) -> dict[str, Any]:
    """The shift's report dict from the journal (shift None = the last one): the only
    dependency on the till (its API as of its branch's shift_report). An unknown shift comes out
    as LookupError. The site is the one the journal's sales were made in; the store's name and the
    point-of-sale number are the ones the shift recorded when it opened (a shift opened before the
    journal kept them: POS 1 and no name)."""
    from datetime import UTC, datetime

    from qrcashier.checkout import Journal
    from qrcashier.checkout.errors import UnknownRecord
    from qrcashier.checkout.shift_report import build_shift_report, find_shift
    from qrcashier.domain.money import site

    def build(db) -> dict[str, Any]:
        try:
            record = find_shift(db, None, shift)
        except UnknownRecord as exc:
            raise LookupError(str(exc)) from None
        rows = db.query("SELECT site_id FROM sales ORDER BY shift_id = ? DESC, id DESC LIMIT 1", (record.id,))
        report = build_shift_report(db, record, site(rows[0][0] if rows else "MLA"), now=datetime.now(UTC))
        return attach_invoices(db, report)

    journal = Journal.open_sync(journal_path)
    try:
        return journal.run_sync(build)
    finally:
        journal.close_sync()


# --- ARCA invoices (issue 21) ------------------------------------------------------------------


def attach_invoices(db, report: dict[str, Any]) -> dict[str, Any]:
    """Each sale's `invoice` (type, point_of_sale, number, cae, cae_due, qr_url, status), or None."""
    from qrcashier.fiscal.report import attach_to_report

    return attach_to_report(db.query, report)


def fetch_invoices(journal_path: Path, day, pending: bool) -> list[dict[str, Any]]:
    from qrcashier.checkout import Journal
    from qrcashier.fiscal.report import invoice_rows

    journal = Journal.open_sync(journal_path)
    try:
        return journal.run_sync(lambda db: invoice_rows(db.query, day=day, pending=pending))
    finally:
        journal.close_sync()


def run_invoices(args: argparse.Namespace) -> bytes:
    import json

    from qrcashier.fiscal.report import csv_lines

    path = journal_file(args.data_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="qrcashier-admin-") as folder:
            rows = fetch_invoices(snapshot(path, Path(folder) / JOURNAL_FILE), args.date, args.pending)
    except AdminError:
        raise
    except Exception as exc:
        message = getattr(exc, "user_message", None) or f"{type(exc).__name__}: {exc}"
        raise AdminError(f"Could not read the journal {path}: {message}") from None
    if args.format == "csv":
        return csv_lines(rows).encode("utf-8")
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--date takes a date as YYYY-MM-DD, not {text!r}") from None


def parse_shift(text: str) -> int | None:
    if text == "last":
        return None
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise argparse.ArgumentTypeError(f"--shift takes 'last' or a shift number, not {text!r}")


def journal_file(data_dir: Path) -> Path:
    if not data_dir.is_dir():
        raise AdminError(f"The data folder {data_dir} does not exist.")
    path = data_dir / JOURNAL_FILE
    if not path.is_file():
        raise AdminError(f"There is no journal in {data_dir} (expected {JOURNAL_FILE}).")
    return path


def snapshot(journal: Path, into: Path) -> Path:
    """A consistent copy of `journal` at `into`, read through a read-only connection."""
    try:
        source = sqlite3.connect(f"{journal.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
        try:
            target = sqlite3.connect(into, timeout=10.0)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise AdminError(f"Could not read the journal {journal}: {exc}.") from None
    return into


def load_report(data_dir: Path, shift: int | None,
                fetch: Callable[[Path, int | None], dict[str, Any]] = fetch_report) -> ShiftReport:
    path = journal_file(data_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="qrcashier-admin-") as folder:
            data = fetch(snapshot(path, Path(folder) / JOURNAL_FILE), shift)
    except LookupError:
        which = "no shift yet" if shift is None else f"no shift number {shift}"
        raise NoSuchShift(f"The journal in {data_dir} has {which}.") from None
    except AdminError:
        raise
    except Exception as exc:  # the journal's own errors carry a user_message
        message = getattr(exc, "user_message", None) or f"{type(exc).__name__}: {exc}"
        raise AdminError(f"Could not read the journal {path}: {message}") from None
    try:
        return parse_report(data)
    except ReportError as exc:
        raise AdminError(f"The journal gave a malformed shift report ({exc}).") from None


def write_output(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise AdminError(f"Cannot write {output}: {exc.strerror or exc}.") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qrcashier-admin", description="QR Cashier back-office commands.")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="the X or Z report of a register's shift")
    report.add_argument("--data-dir", type=Path, required=True, help="the register's data folder (its journal)")
    report.add_argument("--shift", type=parse_shift, default=None, metavar="last|N",
                        help="'last' (the running or the last closed shift) or a shift number")
    report.add_argument("--format", choices=sorted(RENDERERS), default="json")
    report.add_argument("--output", type=Path, help="write to FILE instead of standard output")
    invoices = commands.add_parser("invoices", help="the register's ARCA invoices (Argentina)")
    invoices.add_argument("--data-dir", type=Path, required=True, help="the register's data folder (its journal)")
    invoices.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD",
                          help="only the invoices of that day (the invoice's date, Argentine time)")
    invoices.add_argument("--pending", action="store_true", help="only the invoices ARCA has not authorized yet")
    invoices.add_argument("--format", choices=("json", "csv"), default="json")
    invoices.add_argument("--output", type=Path, help="write to FILE instead of standard output")
    from qrcashier.admin_store import add_parser as add_store_parser  # (psycopg loads only when it runs)

    add_store_parser(commands)
    from qrcashier.admin_catalog import add_parser as add_catalog_parser  # issue 19 item 4: the store's catalog

    add_catalog_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None,
         fetch: Callable[[Path, int | None], dict[str, Any]] = fetch_report) -> int:
    args = build_parser().parse_args(argv)  # argparse's own usage errors also exit 2
    try:
        if args.command == "store":
            from qrcashier.admin_store import StoreAdminError, run

            try:
                run(args, write_output)
            except StoreAdminError as exc:
                raise AdminError(str(exc)) from None
            return 0
        if args.command == "catalog":  # issue 19 item 4: the store's catalog
            from qrcashier.admin_catalog import CatalogAdminError
            from qrcashier.admin_catalog import run as run_catalog

            try:
                run_catalog(args)
            except CatalogAdminError as exc:
                raise AdminError(str(exc)) from None
            return 0
        if args.command == "invoices":
            write_output(run_invoices(args), args.output)
            return 0
        report = load_report(args.data_dir, args.shift, fetch)
        write_output(RENDERERS[args.format](report), args.output)
    except AdminError as exc:
        print(f"qrcashier-admin: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
