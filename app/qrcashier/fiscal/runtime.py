"""The fiscal feature running inside the app: the ARCA client, the invoice queue on the journal,
the embedded simulator in sandbox mode, and the receipts that carry the invoice.

    runtime = await FiscalRuntime.open(setup, journal_path, http, sandbox=True)
    runtime.attach(engine)             # wake the queue on every completed sale; receipts get the CAE
    await runtime.status()             # FiscalStatus for the status bar
    await runtime.close()

Sandbox: an ARCA simulator on 127.0.0.1 (any free port) in this process, with a certificate
for the shop's CUIT issued by its test CA at start-up (no files, nothing in the keyring).
Otherwise: the certificate and key from the setup's files (the passphrase from the keyring,
read off the event loop), ARCA's homologation or production servers (or a standalone
qrcashier-arca-sim), and the WSAA ticket cached in the keyring. A certificate that cannot be
used does not stop the counter: the queue still writes every sale's invoice row and keeps it
pending, and the status bar says why.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from qrcashier.fiscal.config import CONDITIONS, SIMULATOR, FiscalSetup, format_cuit
from qrcashier.fiscal.errors import ArcaError, CertificateError
from qrcashier.fiscal.invoices import FiscalConfig, FiscalStatus, InvoiceRecord, Invoices, status
from qrcashier.fiscal.wsaa import Credentials, MemoryTicketStore
from qrcashier.fiscal.wsfe import ArcaClient, ArcaEndpoints

log = logging.getLogger("qrcashier.fiscal")
# How long an original receipt waits for its CAE before it prints "CAE pendiente" (the cashier
# is already free: the sale is complete; only the paper waits).
RECEIPT_WAIT_SECONDS = 3.0


def _failing(error: ArcaError) -> Callable[[], Credentials]:
    def credentials() -> Credentials:
        raise error
    return credentials


@dataclass
class FiscalRuntime:
    setup: FiscalSetup
    invoices: Invoices
    environment: str
    simulator: Any = None  # fiscal.simulator.server.RunningSimulator in sandbox mode
    tickets: Any = None  # the keyring ticket cache (closed with the runtime)
    startup_error: str | None = None  # why invoices cannot be sent (a certificate problem)
    receipt_wait: float = RECEIPT_WAIT_SECONDS
    _unsubscribe: Callable[[], None] | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @classmethod
    async def open(cls, setup: FiscalSetup, journal_path: Path, http, *, sandbox: bool, vault=None,
                   register: str = "default") -> FiscalRuntime:
        simulator = tickets = None
        error: str | None = None
        if sandbox and not setup.sim_url:
            from qrcashier.fiscal.simulator.ca import TestCA
            from qrcashier.fiscal.simulator.server import Simulator, start

            ca = await asyncio.to_thread(TestCA)  # RSA keys: off the event loop
            simulator = await start(Simulator(ca=ca))
            key, cert = await asyncio.to_thread(ca.issue, setup.cuit)
            credentials: Credentials | Callable[[], Credentials] = Credentials.from_objects(cert, key)
            endpoints, environment, store = ArcaEndpoints.for_base(simulator.url), SIMULATOR, MemoryTicketStore()
            log.info("ARCA simulator (sandbox) listening on %s", simulator.url)
        else:
            environment = setup.environment_name
            endpoints = setup.endpoints()
            try:
                credentials = await asyncio.to_thread(_load_credentials, setup, vault)
            except ArcaError as exc:
                error = exc.message
                credentials = _failing(exc)
                log.warning("ARCA certificate not usable: %s", exc.message)
            if vault is not None:
                tickets = vault.tickets(environment, setup.cuit)
                await asyncio.to_thread(tickets.preload)
                store = tickets
            else:
                store = MemoryTicketStore()
        client = ArcaClient(http, setup.cuit, credentials, endpoints, store)
        config = FiscalConfig(cuit=setup.cuit, point_of_sale=setup.point_of_sale, category=setup.category)
        try:
            invoices = await Invoices.open(journal_path, config, client)
        except BaseException:
            if simulator is not None:
                await simulator.close()
            if tickets is not None:
                tickets.close()
            raise
        runtime = cls(setup, invoices, environment, simulator, tickets, error)
        invoices.last_error = error
        invoices.subscribe(runtime._changed.set)
        return runtime

    def attach(self, engine) -> None:
        """Wake the queue on every completed sale; the engine's receipts carry the invoice."""
        self._unsubscribe = self.invoices.attach(engine)
        inner = engine.receipt_for
        engine.receipt_for = self.receipts(inner)
        self.invoices.start()

    def receipts(self, receipt_for: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        """`receipt_for(issued, header)` whose Receipt carries the sale's invoice (fiscal lines,
        the invoice's IVA, the QR). An original waits up to `receipt_wait` for the CAE."""

        async def fiscal_receipt_for(issued, header):
            receipt = await receipt_for(issued, header)
            record = await self.invoices.for_sale(issued.sale_id)
            if issued.kind == "original" and (record is None or record.status != "authorized"):
                record = await self._wait_authorized(issued.sale_id, record)
            if record is None and issued.kind != "original":
                return receipt  # a sale from before fiscal was switched on
            return with_invoice(receipt, record, self.setup)

        return fiscal_receipt_for

    async def _wait_authorized(self, sale_id: int, record: InvoiceRecord | None) -> InvoiceRecord | None:
        deadline = self._wake_for_receipt()
        while record is None or record.status in ("pending", "requesting"):
            if not await self._next_change(deadline):
                break
            record = await self.invoices.for_sale(sale_id)
        return record

    async def credit_note_slip(self, slip, sale_id: int):
        """A refund or return slip of `sale_id` carrying the refund's credit note instead of the
        sale's invoice (its number, CAE and QR, the invoice it cancels), waiting up to
        `receipt_wait` for ARCA; "pendiente" until then. Unchanged for a sale without an invoice."""
        invoice = await self.invoices.for_sale(sale_id)
        if invoice is None:
            return replace(slip, invoice=None) if slip.invoice is not None else slip
        deadline = self._wake_for_receipt()
        while True:
            notes, waiting = await self.invoices.credit_notes(sale_id), await self.invoices.uncredited(sale_id)
            done = bool(notes) and not waiting and all(n.status == "authorized" for n in notes)
            if done or not await self._next_change(deadline):
                break
        return with_credit_note(slip, notes[-1] if notes and not waiting else None, invoice, self.setup)

    def _wake_for_receipt(self) -> float:
        """Wake the invoice outbox (the receipt waits for ARCA): when the wait ends, `receipt_wait`
        from now on the loop's clock."""
        self.invoices.wake()
        return asyncio.get_running_loop().time() + self.receipt_wait

    async def _next_change(self, deadline: float) -> bool:
        """Wait for the invoice outbox's next change, at the most until `deadline` (the loop's
        clock): False, without waiting, once the deadline has passed."""
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return False
        self._changed.clear()
        try:
            await asyncio.wait_for(self._changed.wait(), timeout=left)
        except TimeoutError:
            pass
        return True

    async def status(self) -> FiscalStatus:
        return await status(self.invoices)

    def subscribe(self, callback: Callable[[], None]) -> None:
        self.invoices.subscribe(callback)

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        try:
            await self.invoices.close()
        finally:
            if self.tickets is not None:
                await asyncio.to_thread(self.tickets.close)
            if self.simulator is not None:
                await self.simulator.close()


def _load_credentials(setup: FiscalSetup, vault) -> Credentials:
    """The certificate and key from the setup's files (blocking: file I/O, the keyring)."""
    if not setup.cert_path or not setup.key_path:
        raise CertificateError("Falta elegir el certificado y la clave de ARCA en la configuración.")
    passphrase = None
    if vault is not None:
        try:
            passphrase = vault.passphrase(setup.cuit)
        except Exception as exc:  # a locked keyring: the key may need no passphrase
            log.warning("the key's passphrase could not be read from the keyring: %s", type(exc).__name__)
    return Credentials.load(setup.cert_path, setup.key_path, passphrase)


def with_invoice(receipt, record: InvoiceRecord | None, setup: FiscalSetup):
    """The receipt with its invoice: the fiscal lines, for a B the invoice's own IVA by rate and
    the Ley 27.743 legend, for a C neither (Monotributo)."""
    from qrcashier.domain.receipt import ReceiptInvoice

    authorized = record is not None and record.status == "authorized"
    invoice = ReceiptInvoice(
        letter=setup.letter, issuer_cuit=format_cuit(setup.cuit), issuer_condition=CONDITIONS[setup.category],
        point_of_sale=record.point_of_sale if record else setup.point_of_sale,
        number=record.number if authorized else None, cae=record.cae if authorized else None,
        cae_due=record.cae_due if authorized else None, qr_url=record.qr_url if authorized else None,
        status="authorized" if authorized else "pending",
    )
    return _with_document(receipt, invoice, setup.letter, record)


def with_credit_note(slip, note: InvoiceRecord | None, invoice: InvoiceRecord, setup: FiscalSetup):
    """The slip with the credit note (None: not written or not authorized yet: "pendiente"),
    naming the invoice it cancels; a B shows the credit note's own IVA."""
    from qrcashier.domain.receipt import ReceiptInvoice, receipt_number
    from qrcashier.fiscal.amounts import LETTERS

    letter = LETTERS.get(invoice.doc_type, setup.letter)
    authorized = note is not None and note.status == "authorized"
    related = f"Factura {letter} N° {receipt_number(invoice.point_of_sale, invoice.number)}" \
        if invoice.number is not None else f"Factura {letter} N° {invoice.point_of_sale:05d}-(pendiente)"
    document = ReceiptInvoice(
        letter=letter, issuer_cuit=format_cuit(invoice.cuit), issuer_condition=CONDITIONS[setup.category],
        point_of_sale=invoice.point_of_sale, number=note.number if authorized else None,
        cae=note.cae if authorized else None, cae_due=note.cae_due if authorized else None,
        qr_url=note.qr_url if authorized else None, status="authorized" if authorized else "pending",
        document="Nota de Crédito", related=related,
    )
    return _with_document(slip, document, letter, note)


def _with_document(receipt, document, letter: str, record: InvoiceRecord | None):
    """`receipt` carrying the fiscal `document`: a C shows no IVA and no legend; a B shows the
    record's own IVA by rate (highest first; the receipt's while there is no record) and the
    Ley 27.743 legend."""
    from qrcashier.domain.receipt import LEY_27743
    from qrcashier.domain.vat import TaxLine

    if letter == "C":
        return replace(receipt, invoice=document, taxes=(), legend="")
    taxes = receipt.taxes
    if record is not None and record.amounts.vat_lines:
        taxes = tuple(TaxLine(v.rate, v.base, v.amount) for v in sorted(record.amounts.vat_lines,
                                                                       key=lambda v: v.rate, reverse=True))
    return replace(receipt, invoice=document, taxes=taxes, legend=LEY_27743)
