"""The app's notification setting: off by default; on, the sandbox's IPN (instore v2, v1) or its
signed order.* webhooks (Orders API) reach the receiver and make the engine see a payment
long before its next poll."""

from __future__ import annotations

import pytest

from qrcashier.checkout import PollPolicy
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.services import Options, Services
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio
SLOW = PollPolicy(interval=30, idle_interval=30, tick=0.05, expiry_grace=0)  # only a push can be fast


async def wait_paid(engine, attempt_id: int, timeout: float = 3.0) -> None:
    async def paid() -> bool:
        return (await engine.attempt(attempt_id)).state == S.PAID

    await wait_until(paid, timeout, f"attempt {attempt_id} to be paid")


async def test_off_by_default():
    opts = Options.from_args(type("Args", (), {})())
    assert opts.notifications_port is None and opts.notifications_host == "127.0.0.1"


@pytest.mark.parametrize("api", ["instore_v2", "orders", "v1"])
async def test_a_push_makes_the_engine_read_now(tmp_path, token, api):
    services = Services(Options(data_dir=tmp_path, sandbox=True, token=token, api=api, poll=SLOW,
                                notifications_port=0, load_demo_catalog=False))
    try:
        await services.start()
        assert services.receiver.url.startswith("http://127.0.0.1:")
        assert services.receiver.verifies_signatures  # the sandbox's webhook secret
        await services.engine.start()
        cart = Cart(SITES["MLA"])
        cart.add("Alfajor", "450.25", 2)
        attempt = await services.engine.charge(cart)
        assert attempt.state == S.WAITING
        await services.sandbox_control("POST", f"/sandbox/pos/{services.options.pos_external_id}/pay",
                                       {"status": "approved"})
        await wait_paid(services.engine, attempt.id)
        assert services.receiver.stats.accepted >= 1 and services.receiver.stats.rejected == 0
    finally:
        await services.close()
    assert services.receiver is None


async def test_without_the_setting_nothing_listens(tmp_path, token):
    services = Services(Options(data_dir=tmp_path, sandbox=True, token=token, load_demo_catalog=False))
    try:
        await services.start()
        assert services.receiver is None and services.config.notification_url is None
    finally:
        await services.close()
