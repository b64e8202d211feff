"""tests/unit: no Qt and no sockets.

Qt: this folder must run with PySide6 unimportable (tests/unit/test_layer.py checks the
imports; tests/integration/support runs the folder's Qt-free command). Sockets: an internet
socket bound or connected by a unit test fails it; a test that needs one belongs in
tests/integration. asyncio's own self-pipe (socket.socketpair) is allowed.
"""

from __future__ import annotations

import socket
import threading

import pytest

_INTERNET = (socket.AF_INET, socket.AF_INET6)
_in_socketpair = threading.local()


class SocketInUnitTest(AssertionError):
    pass


def _refuse(name: str, original):
    def guarded(self, *args, **kwargs):
        if self.family in _INTERNET and not getattr(_in_socketpair, "active", False):
            raise SocketInUnitTest(f"socket.{name}{args!r} in a unit test: move the test to tests/integration")
        return original(self, *args, **kwargs)

    return guarded


@pytest.fixture(autouse=True)
def _no_sockets(monkeypatch):
    original_pair = socket.socketpair

    def socketpair(*args, **kwargs):  # on Windows it is made of two loopback sockets
        _in_socketpair.active = True
        try:
            return original_pair(*args, **kwargs)
        finally:
            _in_socketpair.active = False

    monkeypatch.setattr(socket, "socketpair", socketpair)
    for name in ("bind", "connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, _refuse(name, getattr(socket.socket, name)))
    yield
