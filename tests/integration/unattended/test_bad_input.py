"""Bad input: missing or garbled parameters, unknown POS, oversized requests, garbage on the
socket, many concurrent polls. The right answers, and the endpoint keeps serving."""

from __future__ import annotations

import asyncio
import threading
import time

import aiohttp
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qrcashier.mercadopago.models import POS_EXTERNAL_ID
from qrcashier.unattended import MerchantEndpoint
from qrcashier.unattended.endpoint import (
    DEFAULT_MAX_BODY,
    INVALID_GARBLED,
    INVALID_MISSING,
    INVALID_QUERY,
    Answer,
    pos_from_query,
)
from tests.integration.unattended.conftest import Running
from tests.unit.unattended.conftest import MLA, fuel_order

TOO_LONG = {"error": {"type": "invalid", "message": "The request's parameters are too long or too many."}}
GARBLED = {"error": {"type": "invalid", "message": "The pos parameter is not a point of sale id."}}


async def still_serving(running: Running) -> None:
    r = await running.poll()
    assert r.status_code in (200, 202), r.text


@pytest.mark.asyncio
@pytest.mark.parametrize("query", [
    "pos=%FF",  # not UTF-8
    "pos=%C3%A1",  # UTF-8, but not a POS id
    "pos=CAJA1%00",
    "pos=%zz",
    "pos=CAJA1%20",
    "pos=" + "A" * 40,  # POS ids are under 40 characters
    "pos=CAJA1&pos=CAJA2",
    "pos=../CAJA1",
    "pos=CAJA1;DROP",
])
async def test_garbled_pos(running: Running, query: str) -> None:
    r = await running.client.get(f"{running.endpoint.route_url}?{query}")
    assert (r.status_code, r.json()) == (400, GARBLED)
    await still_serving(running)


@pytest.mark.asyncio
async def test_the_same_pos_twice_is_fine_and_blank_pos_is_garbled(running: Running) -> None:
    route = running.endpoint.route_url
    assert (await running.client.get(f"{route}?pos=CAJA1&pos=CAJA1")).status_code == 202
    assert (await running.client.get(f"{route}?pos")).json() == GARBLED
    missing = await running.client.get(f"{route}?&&=&x")
    assert missing.json()["error"]["message"] == "The pos parameter is missing."


@pytest.mark.asyncio
async def test_query_too_long_or_too_many_fields(running: Running) -> None:
    route = running.endpoint.route_url
    r = await running.client.get(f"{route}?pos=CAJA1&pad={'x' * 1100}")
    assert (r.status_code, r.json()) == (400, TOO_LONG)
    r = await running.client.get(f"{route}?pos=CAJA1&" + "&".join(f"f{i}=1" for i in range(20)))
    assert (r.status_code, r.json()) == (400, TOO_LONG)
    await still_serving(running)


@pytest.mark.asyncio
async def test_request_line_beyond_the_http_parser_limit(running: Running) -> None:
    r = await running.client.get(f"{running.endpoint.route_url}?pos=CAJA1&pad={'x' * 20000}")
    assert 400 <= r.status_code < 500  # aiohttp's own parser refuses it before the handler
    await still_serving(running)


@pytest.mark.asyncio
async def test_oversized_body_with_content_length(running: Running) -> None:
    r = await running.client.post(running.endpoint.pos_url("CAJA1"), content=b"x" * (DEFAULT_MAX_BODY + 1))
    assert r.status_code == 413
    assert r.json() == {"error": {"type": "invalid", "message": "The request body is too large."}}
    assert r.headers.get("connection") == "close"
    await still_serving(running)


@pytest.mark.asyncio
async def test_oversized_chunked_body(running: Running) -> None:
    async def chunks():
        for _ in range(64):
            yield b"y" * 1024

    r = await running.client.post(running.endpoint.pos_url("CAJA1"), content=chunks())
    assert r.status_code == 413
    await still_serving(running)


@pytest.mark.asyncio
async def test_a_body_up_to_the_limit_is_read_and_ignored(running: Running) -> None:
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    r = await running.client.post(running.endpoint.pos_url("CAJA1"), content=b"z" * DEFAULT_MAX_BODY)
    assert r.status_code == 200 and r.json()["external_reference"] == "CAJA1-7-1"


@pytest.mark.asyncio
@pytest.mark.parametrize("raw", [
    b"GARBAGE\r\n\r\n",
    b"GET /mp/unattended?pos=CAJA1 HTTP/9.9\r\n\r\n",
    b"GET /mp/unattended?pos=CAJA1 HTTP/1.1\r\nHost: x\r\nX-Big: " + b"h" * 20000 + b"\r\n\r\n",
    b"POST /mp/unattended?pos=CAJA1 HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    b"POST /mp/unattended?pos=CAJA1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello to a plain-HTTP port
])
async def test_garbage_on_the_socket_does_not_stop_the_endpoint(running: Running, raw: bytes) -> None:
    host, port = running.endpoint.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(raw)
    await writer.drain()
    head = await asyncio.wait_for(reader.read(), timeout=5)  # the refusal, then the endpoint hangs up
    writer.close()
    await writer.wait_closed()
    assert head.startswith(b"HTTP/1.") and b" 200 " not in head.split(b"\r\n")[0]
    await still_serving(running)


@pytest.mark.asyncio
async def test_an_unfinished_request_waits_for_its_end_while_others_are_served(running: Running) -> None:
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    host, port = running.endpoint.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"GET /mp/unattended?pos=CAJA1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n")
    await writer.drain()
    await still_serving(running)
    writer.write(b"\r\n")  # its end: the first bytes on this connection answer the whole request
    await writer.drain()
    head = await asyncio.wait_for(reader.read(), timeout=5)
    writer.close()
    await writer.wait_closed()
    assert head.split(b"\r\n")[0] in (b"HTTP/1.1 200 OK", b"HTTP/1.1 202 Accepted")


@pytest.mark.asyncio
async def test_many_concurrent_polls_while_orders_come_and_go(running: Running) -> None:
    """1000 polls at once over 100 connections on two POS, while another thread places and
    takes orders: every answer is a whole order (200) or a waiting answer, never a crash."""
    endpoint = running.endpoint
    order = fuel_order()
    expected = order.to_json(MLA)
    stop = threading.Event()
    flips = 0

    def flipper() -> None:
        # Real time on purpose: a 1 ms pause after each flip paces this stress thread (and lets the
        # endpoint's thread take the GIL), so the pollers see the order there and gone in turn.
        nonlocal flips
        while not stop.is_set():
            endpoint.place("CAJA1", order, MLA)
            time.sleep(0.001)
            endpoint.withdraw("CAJA1")
            flips += 1
            time.sleep(0.001)

    thread = threading.Thread(target=flipper)
    thread.start()
    try:
        # aiohttp's client: httpx's pool slows down badly with hundreds of requests in flight.
        connector = aiohttp.TCPConnector(limit=100)
        async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=20)) as session:
            urls = [endpoint.pos_url("CAJA1"), endpoint.pos_url("SURTIDOR2"), endpoint.pos_url("NOPE1")]

            async def poll(i: int) -> tuple[int, dict, str | None]:
                async with session.get(urls[i % 3]) as resp:
                    return resp.status, await resp.json(), resp.headers.get("order-version")

            responses = await asyncio.gather(*(poll(i) for i in range(1000)))
    finally:
        stop.set()
        thread.join()
    assert flips > 0
    kinds = {"order": 0, "waiting": 0, "unknown": 0}
    for i, (status, body, version) in enumerate(responses):
        if i % 3 == 2:
            assert status == 400 and body["error"]["message"] == "This point of sale is not known here."
            kinds["unknown"] += 1
        elif status == 200:
            assert i % 3 == 0 and body == expected and version == "2"
            kinds["order"] += 1
        else:
            assert status == 202 and body["status"]["status_detail"] == "Waiting_for_order"
            kinds["waiting"] += 1
    assert kinds["unknown"] == 333 and kinds["waiting"] >= 333
    polls = endpoint.status("CAJA1").polls + endpoint.status("SURTIDOR2").polls
    assert polls == 667
    await still_serving(running)


@pytest.mark.asyncio
async def test_many_connections_opened_and_dropped() -> None:
    async with await MerchantEndpoint.start(registers=["CAJA1"]) as endpoint:
        host, port = endpoint.base_url.removeprefix("http://").split(":")

        async def drop() -> None:
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.write(b"GET /mp/unattended?pos=CAJA1 HTTP/1.1\r\nHost: x\r\n")  # half a request
            writer.close()

        await asyncio.gather(*(drop() for _ in range(200)))
        async with httpx.AsyncClient() as client:
            assert (await client.get(endpoint.pos_url("CAJA1"))).status_code == 202


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_query_gets_a_pos_or_an_invalid_answer(query: str) -> None:
    result = pos_from_query(query)
    if isinstance(result, Answer):
        assert result.status == 400 and result.json()["error"]["type"] == "invalid"
        assert result in (INVALID_GARBLED, INVALID_MISSING, INVALID_QUERY)
    else:
        assert POS_EXTERNAL_ID.match(result)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_percent_encoded_get_a_pos_or_an_invalid_answer(data: bytes) -> None:
    query = "pos=" + "".join(f"%{b:02X}" for b in data)
    result = pos_from_query(query)
    assert isinstance(result, Answer) or POS_EXTERNAL_ID.match(result)
