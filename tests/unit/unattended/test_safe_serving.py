"""The endpoint refuses an open control API before binding, and the log queue never blocks its caller."""

from __future__ import annotations

import logging
import queue
import threading

import pytest

from qrcashier.unattended.cli import logs_off_the_loop
from qrcashier.unattended.server import MerchantEndpoint, UnsafeBind, check_control_bind


@pytest.mark.asyncio
async def test_the_endpoint_refuses_a_keyless_control_api_beyond_loopback_before_binding() -> None:
    with pytest.raises(UnsafeBind, match="control key"):
        await MerchantEndpoint.start("127.0.0.1", 0, ["CAJA1"], control_host="0.0.0.0", control_port=0)
    for host in ("127.0.0.1", "::1", "localhost"):
        check_control_bind(host, None)
    check_control_bind("0.0.0.0", "a key")  # with a key any address may be chosen


class BlockedStream:
    """A stream whose writes wait until released: stderr into a pipe nobody reads."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.written: list[str] = []

    def write(self, text: str) -> None:
        self.release.wait()
        self.written.append(text)

    def flush(self) -> None:
        pass


def test_logging_while_stderr_is_blocked_returns_at_once_and_drops_beyond_the_queue() -> None:
    stream = BlockedStream()
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    for handler in saved:
        root.removeHandler(handler)
    stuck = logging.StreamHandler(stream)
    root.addHandler(stuck)
    root.setLevel(logging.INFO)
    try:
        with logs_off_the_loop(capacity=10) as front:
            log = logging.getLogger("qrcashier.unattended.access")
            for n in range(100):
                log.info("GET /mp/unattended?pos=CAJA1 %d", n)  # would wait forever if written here
            assert front.dropped >= 100 - 10 - 1  # the queue holds 10, the writer holds at most one
            assert root.handlers == [front]
            stream.release.set()
        assert root.handlers == [stuck]
        assert any("pos=CAJA1 0" in line for line in stream.written)
    finally:
        stream.release.set()
        root.removeHandler(stuck)
        for handler in saved:
            root.addHandler(handler)
        root.setLevel(level)


def test_the_queue_is_bounded_by_default() -> None:
    with logs_off_the_loop() as front:
        assert isinstance(front.records, queue.Queue) and front.records.maxsize > 0
