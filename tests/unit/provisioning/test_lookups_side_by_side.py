"""provisioning.ensure_register (issue 15): the POS is looked up beside the account and the store,
not after them; the account's error is the one raised, and nothing is left running."""

from __future__ import annotations

import asyncio

import pytest

from qrcashier.mercadopago import Unauthorized
from qrcashier.mercadopago.models.accounts import Page, Pos, Store, User
from qrcashier.provisioning import RegisterSpec, ensure_register

SPEC = RegisterSpec(store_external_id="KIOSCO1", pos_external_id="CAJA1")


def page(*items):
    return Page(results=list(items), total=len(items), offset=0, limit=50)


class FakeClient:
    """The reads ensure_register makes; get_me answers only when `me_may_answer` is set."""

    def __init__(self, *, me_error: Exception | None = None) -> None:
        self.me_may_answer = asyncio.Event()
        self.me_error = me_error
        self.calls: list[str] = []
        self.pos_cancelled = False

    async def get_me(self) -> User:
        self.calls.append("get_me")
        await self.me_may_answer.wait()
        if self.me_error is not None:
            raise self.me_error
        return User(id=7, nickname="demo", site_id="MLA")

    async def search_stores(self, user_id: int, *, external_id: str) -> Page:
        self.calls.append("search_stores")
        return page(Store(id="10", name="Kiosco Demo", external_id=external_id))

    async def list_pos(self, *, external_id: str) -> Page:
        self.calls.append("list_pos")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            self.pos_cancelled = True
            raise
        if self.me_error is not None:  # a refused token is refused on every read
            raise self.me_error
        return page(Pos(id=3, name="Caja 1", external_id=external_id, store_id="10", external_store_id="KIOSCO1",
                        fixed_amount=True))


@pytest.mark.asyncio
async def test_the_pos_is_looked_up_while_the_account_is_read():
    client = FakeClient()
    run = asyncio.ensure_future(ensure_register(client, SPEC))
    for _ in range(20):
        if "list_pos" in client.calls:
            break
        await asyncio.sleep(0)
    assert client.calls[:2] == ["get_me", "list_pos"] or client.calls[:2] == ["list_pos", "get_me"]
    assert not run.done()  # still waiting for the account
    client.me_may_answer.set()
    done = await asyncio.wait_for(run, 5)
    assert (done.user.id, done.store.id, done.pos.id) == (7, "10", 3)
    assert not done.created_store and not done.created_pos


@pytest.mark.asyncio
async def test_the_accounts_error_is_raised_and_the_pos_lookup_does_not_linger(caplog):
    client = FakeClient(me_error=Unauthorized("refused"))
    client.me_may_answer.set()
    with pytest.raises(Unauthorized):
        await asyncio.wait_for(ensure_register(client, SPEC), 5)
    await asyncio.sleep(0)
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert others == []
    assert "never retrieved" not in caplog.text
