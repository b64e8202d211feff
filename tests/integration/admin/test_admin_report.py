"""`qrcashier-admin report` end to end, in its own process.

The errors need nothing but a folder. The report itself needs a journal with a real shift, written
with the till's journal API; the report is read back in every format and checked against the
JSON contract's arithmetic (README, "The report JSON")."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]



def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    e["PYTHONPATH"] = str(ROOT / "app")
    return e


def admin(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "qrcashier.admin", "report", *argv], capture_output=True,
                          timeout=120, env=env(), cwd=ROOT)


def assert_one_sentence(proc: subprocess.CompletedProcess[bytes], says: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert err.startswith("qrcashier-admin: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert says in err


def test_a_missing_data_dir_is_one_sentence(tmp_path):
    assert_one_sentence(admin("--data-dir", str(tmp_path / "absent"), "--shift", "last"), "does not exist")


def test_a_data_dir_without_a_journal_is_one_sentence_and_creates_nothing(tmp_path):
    assert_one_sentence(admin("--data-dir", str(tmp_path), "--format", "pdf"), "There is no journal")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def day(tmp_path_factory) -> Path:
    """A data folder whose journal holds a closed shift: float, a cash sale with change, a QR sale,
    a split sale (cash + QR), a cash out, and a count 50 short. Written with the till's journal API
    (checkout.journal as of the till branch), in a child process so this one keeps no connection."""
    folder = tmp_path_factory.mktemp("day")
    subprocess.run([sys.executable, "-c", DAY, str(folder)], check=True, timeout=120, env=env(), cwd=ROOT)
    return folder


DAY = """
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from qrcashier.checkout import JOURNAL_FILE
from qrcashier.checkout.journal import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState, PaymentInfo
from qrcashier.domain.tender import cash_tender

MLA, T0, CEIL = SITES["MLA"], datetime(2030, 1, 1, 12, 30, tzinfo=UTC), Decimal("999999999")
db = JournalDB(Path(sys.argv[1]) / JOURNAL_FILE)

def lines(total):
    return ("CAJA1", MLA, (CartLine("Yerba 1 kg", total, 1),), total)

def qr_sale(total, now, pid, cash_part=None):
    sale = db.create_sale(*lines(total), now)
    if cash_part:
        db.add_cash_part(sale.id, cash_tender(cash_part, "1000", MLA, ceiling=CEIL), now)
    a = db.create_attempt(gateway="orders", now=now, expires_at=now + timedelta(minutes=5), message="m",
                          sale_id=sale.id)
    db.transition(a.id, AttemptState.PUBLISHING, now, "m")
    db.transition(a.id, AttemptState.WAITING, now, "m")
    db.complete_paid(a.id, [PaymentInfo(pid, "approved", a.total, None, 500 + pid)], now, "paid")

shift = db.open_shift("CAJA1", Decimal("5000"), T0, actor="Ana Núñez")
db.complete_cash(cash_tender(Decimal("1200"), "2000", MLA, ceiling=CEIL), T0, new_sale=lines(Decimal(1200)))
qr_sale(Decimal("3000"), T0 + timedelta(hours=1), 1)
qr_sale(Decimal("2500"), T0 + timedelta(hours=1, minutes=5), 2, cash_part=Decimal("500"))
db.add_movement(shift.id, "out", Decimal("1000"), "Proveedor de pan", T0 + timedelta(hours=2))
db.close_shift(shift.id, Decimal("5650"), T0 + timedelta(hours=3), threshold=Decimal("1000"), actor="Ana Núñez")
db.close()
"""


def total(values) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal(0))


def test_the_json_report_of_the_day_keeps_the_contract(day):
    proc = admin("--data-dir", str(day), "--shift", "last", "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    r = json.loads(proc.stdout)
    s = r["shift"]
    assert s["kind"] == "Z" and s["closed_at"]
    paid = [sale for sale in r["sales"] if sale["state"] == "paid"]
    assert {t["kind"] for sale in paid for t in sale["tenders"]} >= {"cash", "qr"}
    assert any(len(sale["tenders"]) > 1 for sale in paid)  # the split sale
    for sale in paid:
        assert total(t["amount"] for t in sale["tenders"]) == Decimal(sale["total"])
        for t in sale["tenders"]:
            if t["kind"] == "cash":
                assert Decimal(t["received"]) - Decimal(t["change"]) == Decimal(t["amount"])
    for kind in ("cash", "qr"):
        amounts = [t["amount"] for sale in paid for t in sale["tenders"] if t["kind"] == kind]
        assert Decimal(r["tenders"][kind]["total"]) == total(amounts)
    moves = r["cash_movements"]
    expected = (Decimal(s["float"]) + Decimal(r["tenders"]["cash"]["total"])
                + total(m["amount"] for m in moves if m["kind"] == "in")
                - total(m["amount"] for m in moves if m["kind"] == "out")
                - total(x["amount"] for x in r["refunds"] if x["kind"] == "cash"))
    assert Decimal(s["expected_cash"]) == expected
    assert Decimal(s["difference"]) == Decimal(s["counted_cash"]) - expected != 0  # the count differs a little
    assert sum(h["count"] for h in r["sales_by_hour"]) == len(paid) == 3
    assert (s["number"], s["cashier"], s["float"], s["counted_cash"]) == (1, "Ana Núñez", "5000.00", "5650.00")
    assert (s["expected_cash"], s["difference"]) == ("5700.00", "-50.00")


def test_the_day_in_csv_and_pdf(day, tmp_path):
    out = tmp_path / "z.csv"
    assert admin("--data-dir", str(day), "--shift", "last", "--format", "csv", "--output", str(out)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes()[3:].decode("utf-8"))))
    assert rows[0] == ["sales"] and rows[1][0] == "receipt"
    pdf = tmp_path / "z.pdf"
    assert admin("--data-dir", str(day), "--shift", "last", "--format", "pdf", "--output", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF-1.4")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                              timeout=60).stdout.decode()
        assert "INFORME Z" in text and "Ana Núñez" in text and "-$ 50,00" in text and "Proveedor de pan" in text


def test_no_such_shift_in_a_real_journal(day):
    assert_one_sentence(admin("--data-dir", str(day), "--shift", "9999"), "no shift number 9999")


def test_the_last_shift_of_the_day_is_shift_1_in_every_way_of_asking(day):
    last, first = admin("--data-dir", str(day), "--shift", "last"), admin("--data-dir", str(day), "--shift", "1")
    assert last.returncode == first.returncode == 0
    assert json.loads(last.stdout)["shift"] == json.loads(first.stdout)["shift"]


def test_the_register_journal_is_left_as_it_was(day):
    before = {p.name: p.read_bytes() for p in day.iterdir()}
    assert admin("--data-dir", str(day), "--format", "pdf").returncode == 0
    assert {p.name: p.read_bytes() for p in day.iterdir()} == before  # not written, not migrated, no -wal left
