"""The unattended gateway: publish/lookup/withdraw through the in-process board and a remote
`qrcashier-merchant-server` board, and what endpoint failures become for the engine."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp import web

from qrcashier.checkout import CheckoutEngine, Journal, NotDelivered, OutcomeUnknown, RegisterConfig
from qrcashier.checkout.gateway import Gateway
from qrcashier.checkout.gateway_unattended import UnattendedGateway
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import Outcome
from qrcashier.unattended import MerchantEndpoint, RemoteBoard, SlotState
from tests.integration.sandbox_unattended.conftest import FAST_POLL, FAST_RETRY, MLA, POS, STORE, Rig, cart
from tests.support.waiting import wait_until


def test_it_is_a_gateway() -> None:
    assert UnattendedGateway.name == "unattended"
    for method in ("publish", "lookup", "withdraw", "refund", "on_contact"):
        assert callable(getattr(UnattendedGateway, method))
    assert isinstance(UnattendedGateway.last_contact, property)
    _: type[Gateway] = UnattendedGateway  # structurally a Gateway (checked by type checkers)


async def _engine(rig: Rig, board) -> tuple[CheckoutEngine, Journal]:
    cfg = RegisterConfig("PUMP1", rig.user_id, STORE, POS, MLA, poll=FAST_POLL, notification_url=rig.receiver.url)
    journal = await Journal.open(rig.tmp / "remote.sqlite3")
    engine = CheckoutEngine(journal, UnattendedGateway(rig.client, cfg, board, publish_retry=FAST_RETRY), cfg)
    await engine.start()
    return engine, journal


@pytest.mark.asyncio
async def test_lookup_says_whether_the_order_is_on_the_endpoint(rig: Rig) -> None:
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    order = await register.engine._order(attempt)
    found = await register.gateway.lookup(order, check_published=True)
    assert found.published is True and found.outcome == Outcome.NOTHING
    assert found.raw["order_on_endpoint"] == attempt.reference and found.raw["gateway"] == "unattended"
    assert (await register.gateway.lookup(order)).published is None
    await register.gateway.withdraw(order)
    await register.gateway.withdraw(order)  # idempotent
    assert (await register.gateway.lookup(order, check_published=True)).published is False


@pytest.mark.asyncio
async def test_withdraw_leaves_another_attempts_order_alone(rig: Rig) -> None:
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    order = await register.engine._order(attempt)
    from dataclasses import replace

    await register.gateway.withdraw(replace(order, reference="PUMP1-other-1"))
    assert rig.endpoint.status(POS).reference == attempt.reference


@pytest.mark.asyncio
async def test_a_register_the_endpoint_does_not_serve_fails_the_charge(rig: Rig) -> None:
    rig.endpoint.remove_register(POS)
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    assert attempt.state == S.FAILED
    assert "does not serve POS 'PUMP1'" in attempt.message
    order = await register.engine._order(attempt)
    with pytest.raises(NotDelivered):
        await register.gateway.publish(order)
    with pytest.raises(NotDelivered):
        await register.gateway.withdraw(order)


@pytest.mark.asyncio
async def test_the_whole_flow_through_a_standalone_endpoint(rig: Rig) -> None:
    """The endpoint in its own server (as `qrcashier-merchant-server`), placed on over its
    control API; the POS url points at that server."""
    standalone = await MerchantEndpoint.start(registers=[POS], control_port=0)
    try:
        await rig.client.update_pos(rig.pos_id, url=standalone.pos_url(POS))
        async with RemoteBoard(standalone.control_url) as board:
            engine, journal = await _engine(rig, board)
            try:
                scan = asyncio.create_task(rig.scan())
                attempt = await engine.charge(cart())
                assert attempt.state == S.WAITING
                mo = (await asyncio.wait_for(scan, 5)).json()
                assert mo["external_reference"] == attempt.reference
                await rig.pay(merchant_order_id=mo["id"])
                async def paid() -> bool:
                    return (await engine.attempt(attempt.id)).state == S.PAID

                await wait_until(paid, timeout=2, what="the sale to be paid")
                assert standalone.status(POS).state == SlotState.PAID  # taken off over the control API
            finally:
                await engine.close()
                await journal.close()
    finally:
        await standalone.close()


@pytest.mark.asyncio
async def test_a_control_api_that_is_down_fails_the_charge_cleanly(rig: Rig) -> None:
    standalone = await MerchantEndpoint.start(registers=[POS], control_port=0)
    url = standalone.control_url
    await standalone.close()
    async with RemoteBoard(url) as board:
        engine, journal = await _engine(rig, board)
        try:
            attempt = await engine.charge(cart())
            assert attempt.state == S.FAILED and "could not be reached" in attempt.message
        finally:
            await engine.close()
            await journal.close()


@pytest_asyncio.fixture
async def broken_control() -> AsyncIterator[str]:
    """A control API that fails (500) every call: the order may or may not be placed."""

    async def fail(request: web.Request) -> web.Response:
        return web.json_response({"error": "internal_error"}, status=500)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", fail)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


@pytest.mark.asyncio
async def test_an_endpoint_that_fails_mid_call_leaves_the_outcome_unknown(rig: Rig, broken_control: str) -> None:
    async with RemoteBoard(broken_control) as board:
        engine, journal = await _engine(rig, board)
        try:
            attempt = await engine.charge(cart())
            assert attempt.state == S.UNKNOWN  # reconciled by reference, never blindly re-sent
            gateway = engine.gateway
            order = await engine._order(attempt)
            with pytest.raises(OutcomeUnknown):
                await gateway.publish(order)
            with pytest.raises(OutcomeUnknown):
                await gateway.lookup(order, check_published=True)
        finally:
            await engine.close()
            await journal.close()
