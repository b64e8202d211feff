"""Credit notes, Qt-free: their amounts from the invoice's (a full refund credits exactly what was
invoiced; a part splits over the rates; a return by line keeps its lines' rates) and the
simulator's check of the associated invoice (CbtesAsoc)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qrcashier.fiscal.amounts import MONOTRIBUTO, RESPONSABLE_INSCRIPTO, invoice_amounts
from qrcashier.fiscal.credit_notes import credit_amounts
from qrcashier.fiscal.simulator.state import Books, Rejected

D = Decimal


def test_a_full_refund_credits_the_invoice_exactly():
    original = invoice_amounts([(D("1000.00"), D("21")), (D("333.33"), D("10.5"))], RESPONSABLE_INSCRIPTO)
    assert credit_amounts(original, original.total, RESPONSABLE_INSCRIPTO) == original


def test_a_return_by_line_keeps_its_lines_rate():
    original = invoice_amounts([(D("1000.00"), D("21")), (D("221.00"), D("10.5"))], RESPONSABLE_INSCRIPTO)
    note = credit_amounts(original, D("221.00"), RESPONSABLE_INSCRIPTO, [(D("221.00"), D("10.5"))])
    assert [(v.rate, v.base, v.amount) for v in note.vat_lines] == [(D("10.5"), D("200.00"), D("21.00"))]


def test_a_c_credit_note_has_no_iva():
    original = invoice_amounts([(D("500.00"), D("21"))], MONOTRIBUTO)
    note = credit_amounts(original, D("120.50"), MONOTRIBUTO)
    assert (note.total, note.net, note.vat, note.vat_lines) == (D("120.50"), D("120.50"), D("0.00"), ())


@given(st.lists(st.tuples(st.integers(1, 10**7), st.sampled_from(["21", "10.5", "27"])), min_size=1, max_size=4),
       st.integers(1, 10**6))
def test_a_partial_refund_adds_up_to_the_cent(lines, part):
    original = invoice_amounts([(D(c) / 100, D(r)) for c, r in lines], RESPONSABLE_INSCRIPTO)
    amount = min(original.total, D(part) / 100)
    note = credit_amounts(original, amount, RESPONSABLE_INSCRIPTO)
    note.check()
    assert note.total == amount and {v.vat_id for v in note.vat_lines} <= {v.vat_id for v in original.vat_lines}


def _det(number: int, total: str, net: str, vat: str, related=None) -> dict:
    det = {"Concepto": "1", "DocTipo": "99", "DocNro": "0", "CbteDesde": str(number), "CbteHasta": str(number),
           "CbteFch": datetime.now(UTC).strftime("%Y%m%d"), "ImpTotal": total, "ImpTotConc": "0", "ImpNeto": net,
           "ImpOpEx": "0", "ImpTrib": "0", "ImpIVA": vat, "MonId": "PES", "MonCotiz": "1",
           "CondicionIVAReceptorId": "5", "Iva": [{"Id": "5", "BaseImp": net, "Importe": vat}]}
    if related is not None:
        det["CbtesAsoc"] = related
    return det


def test_the_simulator_checks_a_credit_notes_associated_invoice():
    books, now = Books(), datetime.now(UTC)
    books.authorize(1, {"CantReg": "1", "PtoVta": "3", "CbteTipo": "6"}, _det(1, "242.00", "200.00", "42.00"), now)

    def note(related) -> None:
        head = {"CantReg": "1", "PtoVta": "3", "CbteTipo": "8"}
        books.authorize(1, head, _det(books.last(1, 3, 8) + 1, "121.00", "100.00", "21.00", related), now)

    for related, words in (([], "CbtesAsoc"), ([{"Tipo": "11", "PtoVta": "3", "Nro": "1"}], "misma clase"),
                           ([{"Tipo": "6", "PtoVta": "3", "Nro": "9"}], "no existe")):
        with pytest.raises(Rejected, match=words) as caught:
            note(related)
        assert caught.value.code == 10197
    ok = [{"Tipo": "6", "PtoVta": "3", "Nro": "1"}]
    note(ok)
    note(ok)  # 121 + 121: the invoice's 242
    with pytest.raises(Rejected, match="supera"):
        note(ok)
    assert books.last(1, 3, 8) == 2
