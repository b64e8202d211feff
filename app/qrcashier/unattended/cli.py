"""`qrcashier-merchant-server`: run the unattended model's merchant endpoint on its own.

    qrcashier-merchant-server --host 127.0.0.1 --port 8780 --pos CAJA1 --pos SURTIDOR2 \
        --contract 202 --public-url https://pay.example.com/mp/unattended --control-port 8781

Prints `QR Cashier merchant endpoint listening on <base URL>` (the URL is the last word) as
soon as it answers, then the control API's address and each POS's `url`, and serves until
interrupted (Ctrl+C or SIGTERM). A wildcard bind is named as bound ("0.0.0.0:8780") before
the loopback URL. The control key, if any, is read from the environment variable
QRCASHIER_MERCHANT_CONTROL_KEY and never printed; without it the control API is refused
beyond loopback (exit 2). Logs are written by a thread from a bounded queue, so a stderr
pipe nobody reads drops log lines instead of freezing the event loop.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import queue
import sys
import threading
from collections.abc import Iterator

from qrcashier.serving import run_server_cli, until_signalled
from qrcashier.unattended.addresses import DEFAULT_PATH, check_pos_id, check_public_url
from qrcashier.unattended.endpoint import Contract
from qrcashier.unattended.server import MerchantEndpoint, UnsafeBind, check_control_bind, is_loopback

KEY_ENV = "QRCASHIER_MERCHANT_CONTROL_KEY"
LOG_QUEUE = 10_000  # log records held while stderr is slow; beyond that they are dropped


class DroppingQueueHandler(logging.Handler):
    """Hands records to the writer thread; never blocks the caller (drops when the queue is full)."""

    def __init__(self, records: queue.Queue[logging.LogRecord | None]) -> None:
        super().__init__()
        self.records = records
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        try:
            record.msg, record.args = record.getMessage(), None  # format now: the args may change later
            self.records.put_nowait(record)
        except queue.Full:
            self.dropped += 1


@contextlib.contextmanager
def logs_off_the_loop(capacity: int = LOG_QUEUE) -> Iterator[DroppingQueueHandler]:
    """Route the root logger's handlers (stderr) through a bounded queue and a daemon writer thread."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    records: queue.Queue[logging.LogRecord | None] = queue.Queue(capacity)

    def write() -> None:
        while (record := records.get()) is not None:
            for handler in handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)

    writer = threading.Thread(target=write, name="log-writer", daemon=True)
    front = DroppingQueueHandler(records)
    for handler in handlers:
        root.removeHandler(handler)
    root.addHandler(front)
    writer.start()
    try:
        yield front
    finally:
        root.removeHandler(front)
        for handler in handlers:
            root.addHandler(handler)
        with contextlib.suppress(queue.Full):
            records.put_nowait(None)
        writer.join(timeout=1.0)  # a writer stuck on a full pipe is a daemon: it does not hold the exit


def _pos(value: str) -> str:
    try:
        return check_pos_id(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _public_url(value: str) -> str:
    try:
        return check_public_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="qrcashier-merchant-server",
        description="The merchant endpoint Mercado Pago calls for unattended QR payments",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=8780, help="port (0 = any free port)")
    parser.add_argument("--pos", action="append", type=_pos, default=[], metavar="EXTERNAL_POS_ID",
                        help="a POS this endpoint serves (repeat for several); others are answered 'invalid'")
    parser.add_argument("--contract", choices=[c.value for c in Contract], default=Contract.ACCEPTED.value,
                        help="'not ready' answer: 202 (newest docs, default) or 400 (older docs)")
    parser.add_argument("--public-url", type=_public_url,
                        help="the route's address as Mercado Pago reaches it, through your TLS reverse proxy")
    parser.add_argument("--path", default=DEFAULT_PATH, help=f"the polling route (default {DEFAULT_PATH})")
    parser.add_argument("--client-id", help="the client-id header of the 200 answer (OAuth integrations only)")
    parser.add_argument("--control-host", default="127.0.0.1", help="address of the control API (default loopback)")
    parser.add_argument("--control-port", type=int, help="port of the control API (omit: no control API)")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    args = parser.parse_args(argv)
    if not args.pos:
        parser.error("give at least one --pos")
    return args


def _listening(what: str, bound: str, url: str) -> str:
    """The address line: the URL last; a wildcard bind named as bound, not as its loopback URL."""
    host = bound.rsplit(":", 1)[0].strip("[]")
    return f"{what} {url}" if is_loopback(host) or host in url else f"{what} {bound} (every interface), here {url}"


async def serve(args: argparse.Namespace) -> None:
    with logs_off_the_loop():
        await _serve(args)


async def _serve(args: argparse.Namespace) -> None:
    endpoint = await MerchantEndpoint.start(
        args.host,
        args.port,
        args.pos,
        args.contract,
        public_url=args.public_url,
        path=args.path,
        client_id=args.client_id,
        control_host=args.control_host,
        control_port=args.control_port,
        control_key=os.environ.get(KEY_ENV) or None,
        log_access=not args.quiet,
    )
    try:
        print(_listening("QR Cashier merchant endpoint listening on", endpoint.bound, endpoint.base_url), flush=True)
        if endpoint.control_url and endpoint.control_bound:
            print(_listening("control API on", endpoint.control_bound, endpoint.control_url), flush=True)
        for pos in sorted(endpoint.registers):
            print(f"POS {pos} url: {endpoint.pos_url(pos)}", flush=True)
        if not is_loopback(args.host):
            print("note: listening beyond loopback; Mercado Pago should reach it only through HTTPS", flush=True)
        await until_signalled()
    finally:
        await endpoint.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.control_port is not None:
        try:
            check_control_bind(args.control_host, os.environ.get(KEY_ENV) or None)
        except UnsafeBind as exc:
            print(f"qrcashier-merchant-server: refused: {exc} (set {KEY_ENV})", file=sys.stderr)
            return 2
    return run_server_cli(
        "qrcashier-merchant-server", lambda: serve(args), host=args.host, port=args.port, quiet=args.quiet
    )


if __name__ == "__main__":
    sys.exit(main())
