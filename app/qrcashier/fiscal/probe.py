"""The setup page's "Test with ARCA": the certificate and key, FEDummy, a WSAA login (kept in the
ticket cache the app then uses: ARCA refuses a second login for 12 hours) and the last number
authorized for the punto de venta and type. In the sandbox (or without certificate files and
with `sandbox=True`) it runs against an ARCA simulator started for the test.

Every failure is one Spanish sentence (ArcaError.message), as the supervisor reads it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from qrcashier.fiscal.config import SIMULATOR, FiscalSetup
from qrcashier.fiscal.errors import ArcaError, CertificateError
from qrcashier.fiscal.wsaa import Credentials, MemoryTicketStore

PROBE_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    environment: str
    message: str  # Spanish: what worked, or the one thing that did not
    last_number: int | None = None


def _load(setup: FiscalSetup, passphrase: str | None) -> Credentials:
    from qrcashier.fiscal.simulator.ca import cuit_of

    credentials = Credentials.load(setup.cert_path, setup.key_path, passphrase or None)
    cuit = cuit_of(credentials.certificate)
    if cuit is not None and cuit != setup.cuit:
        raise CertificateError(f"El certificado es de la CUIT {cuit}, no de la configurada ({setup.cuit}).")
    return credentials


async def probe(setup: FiscalSetup, passphrase: str | None = None, *, sandbox: bool = False, vault=None,
                timeout: float = PROBE_TIMEOUT_SECONDS) -> ProbeResult:
    import httpx

    from qrcashier.fiscal.wsfe import ArcaClient, ArcaEndpoints

    problems = setup.problems(sandbox=sandbox)
    if problems:
        return ProbeResult(False, setup.environment_name, problems[0])
    simulator = tickets = None
    environment = setup.environment_name
    try:
        if sandbox and not setup.sim_url:
            from qrcashier.fiscal.simulator.ca import TestCA
            from qrcashier.fiscal.simulator.server import Simulator, start

            ca = await asyncio.to_thread(TestCA)
            simulator = await start(Simulator(ca=ca))
            key, cert = await asyncio.to_thread(ca.issue, setup.cuit)
            credentials = Credentials.from_objects(cert, key)
            endpoints, environment, store = ArcaEndpoints.for_base(simulator.url), SIMULATOR, MemoryTicketStore()
        else:
            credentials = await asyncio.to_thread(_load, setup, passphrase)
            endpoints = setup.endpoints()
            store = MemoryTicketStore()
            if vault is not None:
                tickets = vault.tickets(environment, setup.cuit)
                await asyncio.to_thread(tickets.preload)
                store = tickets
        async with httpx.AsyncClient() as http:
            client = ArcaClient(http, setup.cuit, credentials, endpoints, store,
                                timeout=httpx.Timeout(timeout, connect=min(5.0, timeout)))
            await client.dummy()
            await client.ticket()
            last = await client.last_authorized(setup.point_of_sale, setup.doc_type)
        return ProbeResult(True, environment, f"ARCA respondió: certificado aceptado; último comprobante "
                                              f"{setup.letter} del punto de venta {setup.point_of_sale}: {last}.",
                           last)
    except ArcaError as exc:
        return ProbeResult(False, environment, exc.message)
    finally:
        if tickets is not None:
            await asyncio.to_thread(tickets.close)
        if simulator is not None:
            await simulator.close()
