"""Runs one till operation on a journal in its own process, for the crash tests.

    python till_crash_driver.py --journal PATH --op cash|close --hold STATEMENT|done

It prepares the journal (an open shift; for `close`, a cash sale too), then runs the
operation with an SQL trace: when a statement starting with `--hold` is about to run it
prints `HOLD` and stops itself with SIGSTOP, inside the open transaction, so the test can
SIGKILL it exactly there. `--hold done` stops after the operation committed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import UTC, datetime
from decimal import Decimal

from qrcashier.checkout.journal import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.tender import cash_tender

MLA = SITES["MLA"]
TOTAL = Decimal("3801.00")
LINES = (CartLine("Yerba", Decimal("1500.50"), 2), CartLine("Mate", Decimal("800.00"), 1))


def hold() -> None:
    sys.stdout.write("HOLD\n")
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGSTOP)  # frozen here until the test kills us


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journal", required=True)
    parser.add_argument("--op", choices=["cash", "close"], required=True)
    parser.add_argument("--hold", required=True)
    args = parser.parse_args()
    now = datetime.now(UTC)
    db = JournalDB(args.journal)
    shift = db.open_shift("CAJA1", Decimal("1000"), now)
    tender = cash_tender(TOTAL, "5000", MLA, ceiling=Decimal("1000000"))
    if args.op == "close":
        db.complete_cash(tender, now, new_sale=("CAJA1", MLA, LINES, TOTAL))

    def trace(statement: str) -> None:
        if statement.lstrip().upper().startswith(args.hold.upper()):
            hold()

    db.transaction(lambda conn: conn.set_trace_callback(trace))
    if args.op == "cash":
        db.complete_cash(tender, now, new_sale=("CAJA1", MLA, LINES, TOTAL))
    else:
        db.close_shift(shift.id, Decimal("4801"), now, threshold=Decimal("0"))
    if args.hold == "done":
        hold()


if __name__ == "__main__":
    main()
