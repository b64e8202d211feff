"""The app's fiscal wiring (services.py): with fiscal on for site MLA, the sandbox runs an ARCA
simulator in process, every completed sale gets its invoice, and the receipt carries it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout import PollPolicy
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader
from qrcashier.domain.sale import AttemptState as S
from qrcashier.fiscal.amounts import MONOTRIBUTO, RESPONSABLE_INSCRIPTO
from qrcashier.fiscal.config import FiscalSetup
from qrcashier.fiscal.qr import decode_qr_url
from qrcashier.printing.layout import QrBlock, receipt_layout
from qrcashier.services import Options, Services
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio
FAST = PollPolicy(interval=0.05, idle_interval=0.05, tick=0.02, expiry_grace=0)
CUIT = 20111111112


async def _paid_sale(services: Services, amount: str = "1210.00"):
    cart = Cart(SITES["MLA"])
    cart.add("Yerba 1 kg", amount, 1)
    attempt = await services.engine.charge(cart)
    await services.sandbox_control("POST", f"/sandbox/pos/{services.options.pos_external_id}/pay",
                                   {"status": "approved"})

    async def paid() -> bool:
        return (await services.engine.attempt(attempt.id)).state == S.PAID

    await wait_until(paid, 5.0, "the sale to be paid")
    return attempt


async def _original(services: Services, attempt):
    receipts = await services.engine.receipts(attempt_id=attempt.id)
    return next(r for r in receipts if r.kind == "original")


def _services(tmp_path, token, **setup) -> Services:
    fiscal = FiscalSetup(enabled=True, cuit=CUIT, point_of_sale=3, **setup)
    return Services(Options(data_dir=tmp_path, sandbox=True, token=token, poll=FAST, fiscal=fiscal,
                            load_demo_catalog=False))


async def test_a_sandbox_sale_gets_a_factura_b_with_cae_on_its_receipt(tmp_path, token):
    services = _services(tmp_path, token)
    try:
        await services.start()
        assert services.fiscal is not None and services.fiscal.environment == "simulator"
        await services.engine.start()
        attempt = await _paid_sale(services)
        issued = await _original(services, attempt)
        header = StoreHeader("Kiosco Demo", "Caja 1", SITES["MLA"])
        receipt = await services.engine.receipt_for(issued, header)
        inv = receipt.invoice
        assert inv is not None and inv.authorized and len(inv.cae) == 14 and inv.number == 1
        text = receipt.to_text()
        assert "Factura B N° 00003-00000001" in text and inv.cae in text and "CAE N°:" in text and "Vto. CAE:" in text
        assert "Ley 27.743" in text and "IVA contenido 21 %" in text and "no válido como factura" not in text
        qr = [b for b in receipt_layout(receipt).blocks if isinstance(b, QrBlock)]
        data = decode_qr_url(qr[0].payload)
        assert data["nroCmp"] == 1 and str(data["codAut"]) == inv.cae and data["importe"] == 1210
        assert data["cuit"] == CUIT and data["ptoVta"] == 3 and data["tipoCmp"] == 6
        state = await services.fiscal.status()
        assert state.authorized == 1 and state.pending == 0
    finally:
        await services.close()
    assert services.fiscal is None


async def test_monotributo_prints_a_factura_c_without_iva(tmp_path, token):
    services = _services(tmp_path, token, category=MONOTRIBUTO)
    try:
        await services.start()
        await services.engine.start()
        attempt = await _paid_sale(services, "500.00")
        receipt = await services.engine.receipt_for(await _original(services, attempt),
                                                    StoreHeader("Kiosco", "Caja 1", SITES["MLA"]))
        text = receipt.to_text()
        assert "Factura C N° 00003-00000001" in text and "Responsable Monotributo" in text
        assert "IVA contenido" not in text and "27.743" not in text and receipt.invoice.authorized
    finally:
        await services.close()


async def test_arca_down_prints_cae_pendiente_and_the_reprint_carries_the_cae(tmp_path, token):
    services = _services(tmp_path, token, category=RESPONSABLE_INSCRIPTO)
    try:
        await services.start()
        await services.engine.start()
        services.fiscal.receipt_wait = 0.3
        services.fiscal.invoices.backoff = type(services.fiscal.invoices.backoff)(first=0.05, factor=1.0, most=0.05)
        services.fiscal.simulator.sim.faults.mode = "down"
        attempt = await _paid_sale(services)
        issued = await _original(services, attempt)
        header = StoreHeader("Kiosco", "Caja 1", SITES["MLA"])
        first = await services.engine.receipt_for(issued, header)
        assert first.invoice is not None and not first.invoice.authorized
        assert "CAE pendiente" in first.to_text() and "(pendiente)" in first.to_text()
        assert not [b for b in receipt_layout(first).blocks if isinstance(b, QrBlock)]
        assert (await services.fiscal.status()).pending == 1
        services.fiscal.simulator.sim.faults.mode = None

        async def authorized() -> bool:
            return (await services.fiscal.status()).authorized == 1

        await wait_until(authorized, 5.0, "the invoice to be authorized")
        await services.engine.reprint(attempt.id)
        copies = [r for r in await services.engine.receipts(attempt_id=attempt.id) if r.kind == "copy"]
        copy = await services.engine.receipt_for(copies[-1], header)
        assert copy.copy and copy.invoice.authorized and copy.invoice.cae in copy.to_text()
        assert copy.total == Decimal("1210.00")
    finally:
        await services.close()


@pytest.mark.parametrize("site_id, enabled", [("MLB", True), ("MLA", False)])
async def test_no_invoices_off_argentina_or_when_not_enabled(tmp_path, token, site_id, enabled):
    fiscal = FiscalSetup(enabled=enabled, cuit=CUIT, point_of_sale=3)
    services = Services(Options(data_dir=tmp_path, sandbox=True, token=token, fiscal=fiscal, site_id=site_id,
                                load_demo_catalog=False))
    try:
        await services.start()
        assert services.fiscal is None and services.fiscal_problem is None
    finally:
        await services.close()


async def test_a_bad_setup_is_reported_and_the_counter_starts(tmp_path, token):
    services = Services(Options(data_dir=tmp_path, sandbox=True, token=token, load_demo_catalog=False,
                                fiscal=FiscalSetup(enabled=True, cuit=20111111113, point_of_sale=3)))
    try:
        await services.start()
        assert services.fiscal is None and "dígito verificador" in services.fiscal_problem
        assert services.engine is not None
    finally:
        await services.close()


async def test_fiscal_ar_on_the_command_line_turns_the_simulator_on_for_the_sandbox(tmp_path):
    from qrcashier.cli import build_parser
    from qrcashier.fiscal.config import SANDBOX_CUIT

    args = build_parser().parse_args(["--sandbox", "--fiscal", "ar", "--register", "CAJA4",
                                      "--data-dir", str(tmp_path)])
    setup = Options.from_args(args).fiscal
    assert setup.enabled and setup.cuit == SANDBOX_CUIT and setup.point_of_sale == 4 and setup.letter == "B"
    assert setup.problems(sandbox=True) == []
    assert Options.from_args(build_parser().parse_args(["--sandbox", "--data-dir", str(tmp_path)])).fiscal is None


async def test_a_fiscal_start_that_fails_does_not_hold_the_counter(tmp_path, token, monkeypatch):
    from qrcashier.fiscal import runtime

    async def broken(*_a, **_k):
        raise OSError("no journal for you")

    monkeypatch.setattr(runtime.FiscalRuntime, "open", broken)
    services = _services(tmp_path, token)
    try:
        await services.start()
        assert services.engine is not None and services.fiscal is None
        assert "facturación electrónica" in services.fiscal_problem and "OSError" in services.fiscal_problem
    finally:
        await services.close()
