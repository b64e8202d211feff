"""The follower's loop against a stand-in store connection (no sockets): batches up to the
head, the first copy's prune, LISTEN refused -> polling, the server down -> offline with the
local copy kept, then back."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from qrcashier.catalog import Catalog
from qrcashier.domain.money import site
from qrcashier.store.catalog_apply import LocalCatalog
from qrcashier.store.catalog_store import CHANGES_SQL, HEAD_SQL, LIVE_CODES_SQL
from qrcashier.store.catalog_sync import CatalogSync
from qrcashier.store.dsn import StoreAddress
from qrcashier.store.sender import Backoff
from tests.support.waiting import wait_until

MLA = site("MLA")


class Cursor:
    def __init__(self, rows):
        self.rows = rows

    async def fetchall(self):
        return self.rows


class FakeStore:
    """The store's catalog as rows (version, code, barcode, name, price, unit, vat, deleted)."""

    def __init__(self) -> None:
        self.catalog_id = "11111111-2222-4333-8444-555555555555"
        self.rows: dict[str, tuple] = {}
        self.version = 0
        self.down = False
        self.refuse_listen = False
        self.queries: list[str] = []

    def put(self, code: str, price: str, deleted: bool = False) -> None:
        self.version += 1
        self.rows[code] = (self.version, code, None, f"Producto {code}", price, "unit", None, deleted)

    async def connect(self, address):
        if self.down:
            raise ConnectionRefusedError("connection refused")
        return FakeConn(self)


class FakeConn:
    def __init__(self, store: FakeStore) -> None:
        self.store = store

    async def execute(self, sql: str, params: tuple = ()):
        store = self.store
        if store.down:
            raise ConnectionResetError("server closed the connection unexpectedly")
        store.queries.append(sql)
        if sql.startswith("LISTEN"):
            if store.refuse_listen:
                raise RuntimeError("LISTEN is not supported in transaction pooling mode")
            return Cursor([])
        if sql == HEAD_SQL:
            return Cursor([(store.catalog_id, max((r[0] for r in store.rows.values()), default=0))])
        if sql == CHANGES_SQL:
            after, limit = params
            return Cursor(sorted(r for r in store.rows.values() if r[0] > after)[:limit])
        if sql == LIVE_CODES_SQL:
            return Cursor([(r[1],) for r in store.rows.values() if not r[7]])
        raise AssertionError(sql)

    async def notifies(self, timeout: float, stop_after: int):
        await asyncio.sleep(timeout)  # no NOTIFY ever comes: the follower must poll
        return
        yield

    async def close(self) -> None:
        pass


@pytest.fixture
def files(tmp_path):
    path = tmp_path / "catalog.sqlite3"
    app = Catalog.open(path, MLA)
    local = LocalCatalog(path, MLA)
    yield app, local
    local.close()
    app.close()


async def running(sync: CatalogSync):
    stop, wake = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(sync.run(stop, wake))
    return stop, wake, task


@pytest.mark.asyncio
async def test_batches_reach_the_head_and_the_first_copy_prunes(files):
    app, local = files
    app.load_demo_if_empty()
    store = FakeStore()
    for i in range(7):
        store.put(f"S{i}", f"{i}.00")
    sync = CatalogSync(StoreAddress("host=x"), local, batch=2, first_copy_batch=3, connect=store.connect,
                       listen_poll_seconds=0.05)
    stop, wake, task = await running(sync)
    try:
        await wait_until(lambda: sync.status.complete, 5, "the first copy")
        assert app.count() == 7 and sync.status.last_seen == 7 and sync.status.mode == "listen"
        assert store.queries.count(CHANGES_SQL) == 3  # 3 + 3 + 1 rows: the short batch ends it
        store.put("S3", "99.00")
        store.put("S5", "0", deleted=True)
        await wait_until(lambda: sync.status.last_seen == 9, 5, "the poll after a lost NOTIFY")
        assert app.by_code("S3").price == Decimal("99.00") and app.by_code("S5") is None
    finally:
        stop.set()
        await task


@pytest.mark.asyncio
async def test_listen_refused_means_polling(files):
    _, local = files
    store = FakeStore()
    store.refuse_listen = True
    store.put("A", "1.00")
    sync = CatalogSync(StoreAddress("host=x"), local, connect=store.connect, poll_seconds=0.05)
    stop, wake, task = await running(sync)
    try:
        await wait_until(lambda: sync.status.complete and sync.status.mode == "poll", 5, "polling")
        store.put("B", "2.00")
        await wait_until(lambda: sync.status.last_seen == 2, 5, "the poll")
    finally:
        stop.set()
        await task


@pytest.mark.asyncio
async def test_the_server_down_keeps_the_copy_and_it_catches_up_when_back(files):
    app, local = files
    store = FakeStore()
    store.put("A", "1.00")
    sync = CatalogSync(StoreAddress("host=x password=secret"), local, connect=store.connect,
                       listen_poll_seconds=0.05, backoff=Backoff(first=0.01, most=0.05))
    stop, wake, task = await running(sync)
    try:
        await wait_until(lambda: sync.status.complete, 5, "the first copy")
        store.down = True
        await wait_until(lambda: sync.status.online is False, 5, "offline")
        assert "ConnectionResetError" in sync.status.error or "ConnectionRefusedError" in sync.status.error
        assert sync.status.text() == "store catalog offline: selling from the local copy (1 products)"
        assert app.by_code("A").price == Decimal("1.00")
        store.put("A", "2.00")
        store.down = False
        await wait_until(lambda: app.by_code("A").price == Decimal("2.00"), 5, "the change once it is back")
        assert sync.status.online is True and sync.status.error == ""
    finally:
        stop.set()
        await task


@pytest.mark.asyncio
async def test_another_catalog_id_starts_the_copy_again(files):
    app, local = files
    store = FakeStore()
    store.put("A", "1.00")
    store.put("B", "1.00")
    sync = CatalogSync(StoreAddress("host=x"), local, connect=store.connect, listen_poll_seconds=0.05)
    stop, wake, task = await running(sync)
    try:
        await wait_until(lambda: sync.status.complete and app.count() == 2, 5, "the first copy")
        store.catalog_id, store.rows, store.version = "99999999-2222-4333-8444-555555555555", {}, 0
        store.put("C", "3.00")
        await wait_until(lambda: app.count() == 1 and app.by_code("C") is not None, 5, "the new store's copy")
        assert local.state().catalog_id == store.catalog_id
    finally:
        stop.set()
        await task
