"""The ARCA client against the simulator: login, numbering, CAE, query, rejections, faults."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import httpx
import pytest

from qrcashier.fiscal.amounts import FACTURA_B, FACTURA_C, MONOTRIBUTO, RESPONSABLE_INSCRIPTO, invoice_amounts
from qrcashier.fiscal.errors import ArcaAuthError, ArcaRejected, ArcaUnavailable, SequenceMismatch
from qrcashier.fiscal.qr import QrData, qr_url
from qrcashier.fiscal.wsaa import MemoryTicketStore
from qrcashier.fiscal.wsfe import ArcaClient, ArcaEndpoints, InvoiceRequest
from tests.integration.fiscal.conftest import CUIT

pytestmark = pytest.mark.asyncio


def _b(number: int, total: str = "1210.00", **kw) -> InvoiceRequest:
    amounts = invoice_amounts([(Decimal(total), Decimal("21"))], RESPONSABLE_INSCRIPTO)
    return InvoiceRequest(3, FACTURA_B, number, date.today(), amounts, **kw)


async def test_a_factura_b_gets_a_14_digit_cae_and_the_next_number(client, arca):
    assert await client.last_authorized(3, FACTURA_B) == 0
    first = await client.request_cae(_b(1))
    assert len(first.cae) == 14 and first.cae.isdigit() and first.number == 1
    assert await client.last_authorized(3, FACTURA_B) == 1
    found = await client.query(3, FACTURA_B, 1)
    assert found is not None and found.cae == first.cae and found.total == Decimal("1210.00")
    assert await client.query(3, FACTURA_B, 2) is None


async def test_a_factura_c_carries_no_vat(client):
    amounts = invoice_amounts([(Decimal("500.50"), Decimal("21"))], MONOTRIBUTO)
    auth = await client.request_cae(InvoiceRequest(4, FACTURA_C, 1, date.today(), amounts))
    assert auth.number == 1


async def test_a_number_out_of_sequence_is_error_10016(client):
    with pytest.raises(SequenceMismatch) as info:
        await client.request_cae(_b(2))
    assert 10016 in info.value.codes


async def test_wrong_vat_arithmetic_is_rejected_with_an_observation(client):
    good = _b(1)
    bad = InvoiceRequest(3, FACTURA_B, 1, date.today(), type(good.amounts)(
        total=good.amounts.total, net=good.amounts.net, vat=good.amounts.vat + Decimal("0.01"),
        vat_lines=good.amounts.vat_lines))
    with pytest.raises(ArcaRejected) as info:
        await client.request_cae(bad)
    assert not info.value.retryable and info.value.message.startswith("ARCA rechazó")


async def test_consumidor_final_over_the_threshold_must_be_identified(client):
    with pytest.raises(ArcaRejected) as info:
        await client.request_cae(_b(1, total="10000000.00"))
    assert 10013 in info.value.codes
    ok = await client.request_cae(_b(1, total="10000000.00", buyer_doc_type=96, buyer_doc_number=30111222))
    assert ok.number == 1


async def test_a_second_login_while_the_ticket_is_valid_is_refused(client, arca, http, shop):
    await client.ticket()
    other = ArcaClient(http, CUIT, shop, ArcaEndpoints.for_base(arca.url), MemoryTicketStore())
    with pytest.raises(ArcaAuthError, match="ticket vigente"):
        await other.ticket()


async def test_a_certificate_from_another_ca_is_refused(arca, http):
    from qrcashier.fiscal.simulator.ca import TestCA
    from qrcashier.fiscal.wsaa import Credentials

    key, cert = TestCA().issue(CUIT)
    stranger = ArcaClient(http, CUIT, Credentials.from_objects(cert, key), ArcaEndpoints.for_base(arca.url))
    with pytest.raises(ArcaAuthError, match="firma"):
        await stranger.ticket()


async def test_arca_down_is_retryable(client, http, arca):
    await http.post(f"{arca.url}/sim/faults", json={"mode": "down"})
    with pytest.raises(ArcaUnavailable) as info:
        await client.last_authorized(3, FACTURA_B)
    assert info.value.retryable


async def test_a_timeout_after_commit_leaves_the_comprobante_recorded(client, http, arca):
    await client.ticket()
    await http.post(f"{arca.url}/sim/faults", json={"mode": "timeout_after_commit", "count": 1})
    client.timeout = httpx.Timeout(0.5, connect=2.0)
    with pytest.raises(ArcaUnavailable):
        await client.request_cae(_b(1))
    found = await client.query(3, FACTURA_B, 1)
    assert found is not None and len(found.cae) == 14


async def test_the_qr_check_page_confirms_a_printed_qr(client, http, arca):
    auth = await client.request_cae(_b(1))
    url = qr_url(QrData(date.today(), CUIT, 3, FACTURA_B, 1, Decimal("1210.00"), auth.cae),
                 base=f"{arca.url}/fe/qr/")
    answer = (await http.get(url)).json()
    assert answer["valid"], answer
    forged = qr_url(QrData(date.today(), CUIT, 3, FACTURA_B, 1, Decimal("1.00"), auth.cae), base=f"{arca.url}/fe/qr/")
    assert (await http.get(forged)).json()["problems"] == ["importe is not the total"]


async def test_parameter_lists_and_wsdls(client, http, arca):
    types = await client.param_list("FEParamGetTiposCbte", "CbteTipo")
    assert {t["Id"] for t in types} >= {"6", "11"}
    rates = await client.param_list("FEParamGetTiposIva", "IvaTipo")
    assert {"5", "4"} <= {r["Id"] for r in rates}
    assert (await client.dummy())["AppServer"] == "OK"
    wsdl = (await http.get(f"{arca.url}/wsfev1/service.asmx?WSDL")).text
    for op in ("FECAESolicitar", "FECompUltimoAutorizado", "FECompConsultar", "FEParamGetTiposIva"):
        assert f'soapAction="http://ar.gov.afip.dif.FEV1/{op}"' in wsdl
    assert "loginCms" in (await http.get(f"{arca.url}/ws/services/LoginCms?wsdl")).text
