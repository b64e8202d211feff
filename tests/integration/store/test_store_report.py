"""`qrcashier-admin store init|add-register|report`: the store's day equals the sum of the
registers' Z reports (cash totals and cash differences), nothing duplicated by a resend."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

from qrcashier.admin import main as admin_main
from qrcashier.store.dsn import StoreAddress
from qrcashier.store.roles import role_name
from qrcashier.store.sender import OutboxSender
from tests.integration.store.journal_day import cash_sale, open_day


def test_init_add_register_and_the_day_report(store, tmp_path, capsys):
    cluster, dsn = store
    assert admin_main(["store", "init", "--store", dsn]) == 0
    assert "up to date" in capsys.readouterr().out
    z_cash, z_diff = Decimal(0), Decimal(0)
    for name, amounts in (("CAJA1", ("10.00", "20.00")), ("CAJA2", ("5.50",)), ("CAJA3", ("1.00", "2.00", "3.00"))):
        assert admin_main(["store", "add-register", "--store", dsn, "--register", name]) == 0
        out = capsys.readouterr().out
        password = out.split("password (shown once): ")[1].strip()
        db = open_day(tmp_path / f"{name}.sqlite3", name)
        for amount in amounts:
            cash_sale(db, name, amount)
        shift = db.current_shift(name)
        closed = db.close_shift(shift.id, db.expected_cash(shift.id) + Decimal("1.00"), datetime.now(UTC),
                                threshold=Decimal("5.00"))
        z_cash += sum(Decimal(a) for a in amounts)
        z_diff += closed.difference
        sender = OutboxSender(db.path, StoreAddress(cluster.dsn(user=role_name(name)), password), name)
        while sender.drain_once():
            pass
        db.query("UPDATE outbox SET sent_at = NULL")  # a resend of everything changes nothing
        while sender.drain_once():
            pass
        sender.stop()
        db.close()
    day = datetime.now().astimezone().date().isoformat()
    assert admin_main(["store", "report", "--store", dsn, "--date", day, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["date"] == day
    assert [r["register"] for r in report["registers"]] == ["CAJA1", "CAJA2", "CAJA3"]
    assert [r["sales"] for r in report["registers"]] == [2, 1, 3]
    assert report["store"]["sales"] == 6
    assert Decimal(report["store"]["totals"]["cash"]) == z_cash
    assert Decimal(report["store"]["cash_difference"]) == z_diff == Decimal("3.00")
    assert all(len(r["shifts"]) == 1 and r["shifts"][0]["difference"] == "1.00" for r in report["registers"])
    out = tmp_path / "day.pdf"
    assert admin_main(["store", "report", "--store", dsn, "--date", day, "--format", "pdf", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert admin_main(["store", "report", "--store", dsn, "--date", day, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{day},STORE,6,")


def test_an_unreachable_store_is_one_sentence(capsys):
    assert admin_main(["store", "init", "--store", "host=127.0.0.1 port=1 dbname=x user=y password=hunter2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("qrcashier-admin: Cannot reach the store database") and "hunter2" not in err
