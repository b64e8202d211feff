"""The ESC/POS bytes of one receipt per profile and paper width, against golden files.

The golden files are the reviewed bytes; to accept a deliberate change, delete the file and run
with QRC_WRITE_GOLDEN=1, then read the diff of `to_text` and the byte checks below.
"""

import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptLine, ReceiptTender
from qrcashier.printing.escpos import (
    DRAWER_KICK,
    INIT,
    PARTIAL_CUT,
    encode_text,
    load_profile,
    render_escpos,
)
from qrcashier.printing.layout import receipt_layout, text_layout, to_text
from qrcashier.printing.urls import PrinterUrlError

GOLDEN = Path(__file__).parent / "golden"
ACCENTS = "ñ á é í ó ú ü ç ã õ ¿ ¡ € $ R$ S/"
QR = "https://www.mercadopago.com.ar/pagos/123456789"


def accented_receipt(**changes) -> Receipt:
    receipt = Receipt(
        store_name="Almacén Ñandú", store_address="São João, Avenida Açaí 12", register_name="Caja 1",
        sale_number=1042,
        lines=[ReceiptLine(ACCENTS, Decimal(1), Decimal("1200"), Decimal("1200")),
               ReceiptLine("Pão de queijo", Decimal(2), Decimal("450.50"), Decimal("901"))],
        total=Decimal("2101"), site=SITES["MLA"],
        paid_at=datetime(2026, 9, 1, 14, 3, 27, tzinfo=timezone(timedelta(hours=-3))),
        operator="Inés", payment_ids=["123456789"], merchant_order_id="987654",
    )
    return replace(receipt, **changes)


def golden(name: str, data: bytes) -> bytes:
    path = GOLDEN / name
    if not path.exists() and os.environ.get("QRC_WRITE_GOLDEN") == "1":
        path.write_bytes(data)
    return path.read_bytes()


@pytest.mark.parametrize(("profile", "columns"), [("default", 48), ("TM-T20II", 48), ("POS-5890", 32), ("simple", 32)])
def test_receipt_bytes_match_the_golden_file(profile, columns):
    layout = receipt_layout(accented_receipt(), columns, qr_payload=QR)
    data = render_escpos(layout, load_profile(profile))
    assert data == golden(f"receipt-{profile}-{columns}.bin", data)


def test_init_codepage_cp858_and_every_accent():
    data = render_escpos(receipt_layout(accented_receipt(), 48), load_profile("TM-T20II"))
    assert data.startswith(INIT + b"\x1bt\x13")  # ESC t 19: PC858 on Epson
    assert "ñ á é í ó ú ü ç ã õ ¿ ¡ €".encode("cp858") in data
    assert b"\xa4 \xa0 \x82 \xa1 \xa2 \xa3 \x81 \x87 \xc6 \xe4 \xa8 \xad \xd5" in data
    assert b"?" not in data.replace(b"\x1b?", b"")  # nothing fell back to a question mark


def test_codepage_override_and_a_profile_without_it():
    cp850 = render_escpos(receipt_layout(accented_receipt(), 48), load_profile("default"), codepage="CP850")
    assert cp850.startswith(INIT + b"\x1bt\x02") and b"EUR" in cp850  # CP850 has no euro: spelled
    simple = render_escpos(receipt_layout(accented_receipt(), 32), load_profile("simple"))
    assert simple.startswith(INIT + b"\x1bt\x00")  # CP437: ã and õ lose the tilde, á keeps it
    assert b"S\x84o Jo\x84o" not in simple and b"Sao Joao" in simple and "á".encode("cp437") in simple


def test_native_qr_where_the_profile_has_it_else_an_image():
    native = render_escpos(receipt_layout(accented_receipt(), 48, qr_payload=QR), load_profile("TM-T20II"))
    assert b"\x1d(k" in native and QR.encode() in native and b"\x1dv0" not in native
    image = render_escpos(receipt_layout(accented_receipt(), 32, qr_payload=QR), load_profile("POS-5890"))
    assert b"\x1dv0\x00" in image and b"\x1d(k" not in image
    width_bytes = image[image.index(b"\x1dv0\x00") + 4]
    assert width_bytes * 8 <= 384  # fits a 58 mm head


def test_cut_and_drawer_pulse_only_when_asked():
    profile = load_profile("TM-T20II")
    layout = receipt_layout(accented_receipt(), 48)
    plain = render_escpos(layout, profile)
    assert plain.endswith(PARTIAL_CUT) and b"\x1bp" not in plain
    kicked = render_escpos(layout, profile, kick_drawer=True, drawer_pin=5)
    assert DRAWER_KICK[5] in kicked and DRAWER_KICK[2] not in kicked
    assert not render_escpos(layout, load_profile("simple")).endswith(PARTIAL_CUT)  # no cutter on that profile


def test_a_qr_only_receipt_does_not_open_the_drawer_and_a_cash_one_does():
    assert receipt_layout(accented_receipt(), 48).cash is False

    sale = accented_receipt()
    qr = replace(sale, tenders=(ReceiptTender("qr", sale.total),))
    assert receipt_layout(qr, 48).cash is False
    cash = replace(sale, tenders=(ReceiptTender("qr", Decimal(1)), ReceiptTender("cash", sale.total - 1)))
    assert receipt_layout(cash, 48).cash is True


def test_emphasis_is_bold_double_height_and_columns_hold():
    data = render_escpos(receipt_layout(accented_receipt(), 32), load_profile("default"))
    assert b"\x1bE\x01\x1d!\x01" in data
    text = to_text(receipt_layout(accented_receipt(), 32))
    assert all(len(line) <= 32 for line in text.splitlines())
    assert text == accented_receipt().to_text(32)  # the text renderer says what the domain's rows say


def test_copy_mark_and_text_layout():
    layout = receipt_layout(accented_receipt(copy=True), 48)
    assert layout.copy and "COPIA" in to_text(layout)
    page = text_layout(["línea uno", "x" * 80], 32, title="Página de prueba")
    assert to_text(page).splitlines()[2] == "x" * 32


def test_encode_text_never_raises():
    assert encode_text("日本 ✓", "CP858") == b"?? ?"
    assert encode_text("a", "NO-SUCH-PAGE") == b"a"


def test_profile_names_for_setup():
    from qrcashier.printing.escpos import profile_names

    names = dict(profile_names())
    assert {"default", "simple", "TM-T20II", "POS-5890"} <= set(names) and names["TM-T20II"] == "Epson TM-T20II"


def test_unknown_profile_says_so():
    with pytest.raises(PrinterUrlError, match="Unknown printer profile"):
        load_profile("TM-NOPE")
