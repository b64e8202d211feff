"""The shop's ARCA setup: the CUIT with its check digit, the punto de venta, B or C, the endpoints."""

from __future__ import annotations

import pytest

from qrcashier.fiscal.amounts import FACTURA_B, FACTURA_C, MONOTRIBUTO
from qrcashier.fiscal.config import FiscalSetup, cuit_check_digit, format_cuit, parse_cuit


@pytest.mark.parametrize("text, cuit", [("20-11111111-2", 20111111112), ("20111111112", 20111111112),
                                        ("30 71234567 1", None), ("27-28033514-8", 27280335148)])
def test_a_cuit_is_read_with_its_check_digit(text, cuit):
    if cuit is None:
        expected = cuit_check_digit("3071234567")
        text = text[:-1] + str(expected)
        cuit = int("3071234567" + str(expected))
    assert parse_cuit(text) == cuit and format_cuit(cuit).replace("-", "") == str(cuit)


@pytest.mark.parametrize("text, reason", [("20-11111111-3", "verificador"), ("2011111111", "11 dígitos"),
                                          ("99-11111111-2", "empieza"), ("20-1111111a-2", "11 dígitos")])
def test_a_wrong_cuit_says_why_in_one_sentence(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_cuit(text)


def test_the_check_digit_follows_modulo_11():
    assert cuit_check_digit("2011111111") == 2
    assert cuit_check_digit("2000000000") == 1  # 2*5 = 10, 10 % 11 = 10, 11 - 10 = 1


def test_problems_and_the_document_type():
    ok = FiscalSetup(enabled=True, cuit=20111111112, point_of_sale=3, cert_path="c.pem", key_path="k.pem")
    assert ok.problems() == [] and ok.doc_type == FACTURA_B and ok.letter == "B"
    c = FiscalSetup(enabled=True, cuit=20111111112, category=MONOTRIBUTO)
    assert c.doc_type == FACTURA_C and c.letter == "C"
    assert c.problems(sandbox=True) == [] and len(c.problems()) == 2  # the files, outside the sandbox
    bad = FiscalSetup(enabled=True, cuit=20111111113, point_of_sale=0, category="x", environment="y")
    assert len(bad.problems(sandbox=True)) == 4


def test_the_endpoints_of_each_environment():
    base = FiscalSetup(cuit=20111111112)
    assert "wsaahomo.afip.gov.ar" in base.endpoints().wsaa and "wswhomo" in base.endpoints().wsfe
    prod = FiscalSetup(cuit=20111111112, environment="production")
    assert prod.endpoints().wsaa.startswith("https://wsaa.afip.gov.ar") and "servicios1" in prod.endpoints().wsfe
    sim = FiscalSetup(cuit=20111111112, sim_url="http://127.0.0.1:8790")
    assert sim.endpoints().wsfe == "http://127.0.0.1:8790/wsfev1/service.asmx" and sim.environment_name == "simulator"
