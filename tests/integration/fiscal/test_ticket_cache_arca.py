"""Outside the sandbox: the certificate and an encrypted key from files, the passphrase from the
keyring, and the WSAA ticket cached there, so a restart does not log in again (ARCA, like the
simulator, refuses a second login while a ticket is valid)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from qrcashier.checkout.journal import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.tender import cash_tender
from qrcashier.fiscal.config import FiscalSetup
from qrcashier.fiscal.runtime import FiscalRuntime
from qrcashier.fiscal.simulator.ca import write_pem
from qrcashier.fiscal.vault import FiscalVault
from tests.integration.fiscal.conftest import CUIT

pytestmark = pytest.mark.asyncio


def _sell(path, register: str = "CAJA1") -> None:
    db = JournalDB(path)
    try:
        if db.current_shift(register) is None:
            db.open_shift(register, Decimal("0"), datetime.now(UTC))
        total = Decimal("1210.00")
        tender = cash_tender(total, "2000", SITES["MLA"], ceiling=Decimal("1000000"))
        db.complete_cash(tender, datetime.now(UTC), new_sale=(register, SITES["MLA"],
                                                               (CartLine("Yerba", total, 1),), total))
    finally:
        db.close()


async def _drain(runtime: FiscalRuntime) -> None:
    for _ in range(50):
        delay = await runtime.invoices.round()
        if delay is None:
            return
        await asyncio.sleep(delay)
    raise AssertionError("the queue did not drain")


def _encrypted_key_setup(tmp_path, ca, arca, keyring, passphrase: str):
    """A certificate whose key is encrypted with "clave", `passphrase` kept for it in the keyring's
    vault, the setup on the simulator, and a journal with one sale: (setup, vault, journal)."""
    key, cert = ca.issue(CUIT)
    cert_path, key_path = write_pem(tmp_path / "cert", key, cert, password="clave")
    vault = FiscalVault(keyring, "register:default")
    vault.set_passphrase(CUIT, passphrase)
    setup = FiscalSetup(enabled=True, cuit=CUIT, point_of_sale=4, cert_path=str(cert_path),
                        key_path=str(key_path), sim_url=arca.url)
    journal = tmp_path / "journal.sqlite3"
    _sell(journal)
    return setup, vault, journal


async def test_the_ticket_in_the_keyring_spares_a_second_login(tmp_path, ca, arca, memory_keyring):
    setup, vault, journal = _encrypted_key_setup(tmp_path, ca, arca, memory_keyring, "clave")
    async with httpx.AsyncClient() as http:
        first = await FiscalRuntime.open(setup, journal, http, sandbox=False, vault=vault)
        assert first.startup_error is None and first.environment == "simulator"
        await first.invoices.round()
        _sell(journal)
        await _drain(first)
        await first.close()  # waits for the keyring write
        assert arca.sim.books.all()[0].number == 1
        second = await FiscalRuntime.open(setup, journal, http, sandbox=False, vault=vault)
        try:
            _sell(journal)
            await _drain(second)  # a second loginCms would be refused: coe.alreadyAuthenticated
            rows = await second.invoices.all()
            assert [(r.number, r.status) for r in rows] == [(1, "authorized"), (2, "authorized")]
        finally:
            await second.close()
        fresh = FiscalVault(memory_keyring, "register:other")  # no cached ticket: ARCA refuses the login
        fresh.set_passphrase(CUIT, "clave")
        third = await FiscalRuntime.open(setup, journal, http, sandbox=False, vault=fresh)
        try:
            _sell(journal)
            await third.invoices.round()
            state = await third.status()
            assert state.pending == 1 and "ticket vigente" in state.last_error
        finally:
            await third.close()


async def test_a_wrong_passphrase_keeps_invoices_pending_with_the_reason(tmp_path, ca, arca, memory_keyring):
    setup, vault, journal = _encrypted_key_setup(tmp_path, ca, arca, memory_keyring, "otra")
    async with httpx.AsyncClient() as http:
        runtime = await FiscalRuntime.open(setup, journal, http, sandbox=False, vault=vault)
        try:
            assert "contraseña incorrecta" in runtime.startup_error
            await runtime.invoices.round()
            _sell(journal)
            await runtime.invoices.round()
            state = await runtime.status()
            assert state.pending == 1 and "contraseña" in state.last_error and not arca.sim.books.all()
        finally:
            await runtime.close()
