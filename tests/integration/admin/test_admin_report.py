"""`qrcashier-admin report` end to end, in its own process.

The errors need nothing but a folder. The report itself needs a journal with a real shift: the
till's `qrcashier --self-test --scenario day --data-dir DIR` (contracts.md) writes one on the
sandbox over loopback; the report is then read back in every format and checked against the
JSON contract's arithmetic (README, "Shift report JSON")."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

try:
    import qrcashier.checkout.shift_report  # noqa: F401
    HAVE_TILL = True
except ImportError:
    HAVE_TILL = False
needs_till = pytest.mark.skipif(not HAVE_TILL, reason="needs the till branch")


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
    """A data folder after the self-test's whole day: a closed shift with QR, cash, split and a cash out."""
    folder = tmp_path_factory.mktemp("day")
    proc = subprocess.run([sys.executable, "-m", "qrcashier", "--self-test", "--scenario", "day",
                           "--data-dir", str(folder)], capture_output=True, text=True, timeout=240, env=env(),
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder


def total(values) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal(0))


@needs_till
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
    assert sum(h["count"] for h in r["sales_by_hour"]) == len(paid)


@needs_till
def test_the_day_in_csv_and_pdf(day, tmp_path):
    out = tmp_path / "z.csv"
    assert admin("--data-dir", str(day), "--shift", "last", "--format", "csv", "--output", str(out)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes()[3:].decode("utf-8"))))
    assert rows[0] == ["sales"] and rows[1][0] == "receipt"
    pdf = tmp_path / "z.pdf"
    assert admin("--data-dir", str(day), "--shift", "last", "--format", "pdf", "--output", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF-1.4")


@needs_till
def test_no_such_shift_in_a_real_journal(day):
    assert_one_sentence(admin("--data-dir", str(day), "--shift", "9999"), "no shift number 9999")
