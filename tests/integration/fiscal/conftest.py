"""The ARCA simulator on loopback, a test CA, and a shop certificate made at test time."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from qrcashier.fiscal.simulator.ca import TestCA
from qrcashier.fiscal.simulator.server import Simulator, start
from qrcashier.fiscal.wsaa import Credentials, MemoryTicketStore
from qrcashier.fiscal.wsfe import ArcaClient, ArcaEndpoints

CUIT = 20111111112


@pytest.fixture(scope="session")
def ca() -> TestCA:
    return TestCA()


@pytest.fixture(scope="session")
def shop(ca):
    key, cert = ca.issue(CUIT)
    return Credentials.from_objects(cert, key)


@pytest_asyncio.fixture
async def arca(ca):
    running = await start(Simulator(ca=ca))
    yield running
    await running.close()


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient() as client:
        yield client


@pytest.fixture
def tickets():
    return MemoryTicketStore()


@pytest.fixture
def client(arca, http, shop, tickets):
    return ArcaClient(http, CUIT, shop, ArcaEndpoints.for_base(arca.url), tickets,
                      timeout=httpx.Timeout(3.0, connect=2.0))
